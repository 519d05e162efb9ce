import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatFormFieldHarness } from '@angular/material/form-field/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Router } from '@angular/router';
import { Role, TicketStatus, type Actor, type Ticket } from '@helpdesk/shared/domain';
import { TicketActions } from './ticket-actions';

const OWNER: Actor = { id: 1, role: Role.User };
const AGENT: Actor = { id: 2, role: Role.Agent };
const OTHER_AGENT: Actor = { id: 3, role: Role.Agent };
const ADMIN: Actor = { id: 9, role: Role.Admin };

function ticket(change: Partial<Ticket> = {}): Ticket {
  return {
    id: 42,
    subject: 'Printer on fire',
    description: 'Smoke everywhere',
    status: TicketStatus.Open,
    priority: 'medium',
    owner: { id: OWNER.id, name: 'Uma User' },
    assignee: { id: AGENT.id, name: 'Adam Agent', available: true, openCount: 3 },
    rating: null,
    createdAt: '2026-11-20T10:00:00Z',
    updatedAt: '2026-11-20T10:00:00Z',
    ...change,
  };
}

describe('TicketActions', () => {
  let fixture: ComponentFixture<TicketActions>;
  let loader: HarnessLoader;
  let http: HttpTestingController;

  function render(actor: Actor, value: Ticket): void {
    fixture = TestBed.createComponent(TicketActions);
    fixture.componentRef.setInput('actor', actor);
    fixture.componentRef.setInput('ticket', value);
    loader = TestbedHarnessEnvironment.loader(fixture);
    TestBed.tick();
  }

  async function buttonTexts(): Promise<string[]> {
    const buttons = await loader.getAllHarnesses(MatButtonHarness);
    return Promise.all(buttons.map((button) => button.getText()));
  }

  async function selectValues(): Promise<string[]> {
    const selects = await loader.getAllHarnesses(MatSelectHarness);
    return Promise.all(selects.map((select) => select.getValueText()));
  }

  async function selectLabelled(label: string): Promise<MatSelectHarness> {
    const field = await loader.getHarness(MatFormFieldHarness.with({ floatingLabelText: label }));
    const select = await field.getControl(MatSelectHarness);
    if (!select) throw new Error(`The ${label} field holds no select`);
    return select;
  }

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [TicketActions],
      providers: [provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('lets the owner of an open ticket resolve, close and edit it, but not change priority or assignee', async () => {
    render(OWNER, ticket());
    expect(await buttonTexts()).toEqual([
      'Resolve',
      'Close ticket',
      'Edit subject and description',
    ]);
    expect(await loader.getAllHarnesses(MatSelectHarness)).toHaveLength(0);
  });

  it('lets the owner reopen a resolved ticket but no longer edit it', async () => {
    render(OWNER, ticket({ status: TicketStatus.Resolved }));
    expect(await buttonTexts()).toEqual(['Reopen', 'Close ticket']);
  });

  it('shows the owner nothing to do on a closed ticket', async () => {
    render(OWNER, ticket({ status: TicketStatus.Closed }));
    expect(fixture.nativeElement.textContent.trim()).toBe('');
  });

  it('lets the assigned agent move the status, set the priority and hand the ticket on', async () => {
    render(AGENT, ticket({ status: TicketStatus.InProgress }));
    http.expectOne('/api/agents').flush([
      { id: AGENT.id, name: 'Adam Agent', available: true, openCount: 3 },
      { id: OTHER_AGENT.id, name: 'Olga Agent', available: false, openCount: 0 },
    ]);
    await fixture.whenStable();
    expect(await buttonTexts()).toEqual(['Back to open', 'Resolve', 'Close ticket']);
    expect(await selectValues()).toEqual(['Medium', 'Adam Agent']);
  });

  it('gives an agent no status moves on a closed ticket', async () => {
    render(AGENT, ticket({ status: TicketStatus.Closed }));
    http.expectOne('/api/agents').flush([]);
    await fixture.whenStable();
    expect(await buttonTexts()).toEqual([]);
    expect(await loader.getAllHarnesses(MatSelectHarness)).toHaveLength(2);
  });

  it('gives the admin every status override, priority, assignment and editing', async () => {
    render(ADMIN, ticket({ status: TicketStatus.Closed, assignee: null }));
    http
      .expectOne('/api/agents')
      .flush([{ id: AGENT.id, name: 'Adam Agent', available: true, openCount: 3 }]);
    await fixture.whenStable();
    expect(await buttonTexts()).toEqual([
      'Reopen',
      'Start work',
      'Resolve',
      'Edit subject and description',
    ]);
    expect(fixture.nativeElement.querySelector('[role="group"]').getAttribute('aria-label')).toBe(
      'Change status (admin override)',
    );
  });

  it('sends the status change and passes the updated ticket on', async () => {
    render(OWNER, ticket());
    const updated: Ticket[] = [];
    fixture.componentInstance.updated.subscribe((value) => updated.push(value));
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Resolve' }))).click();
    const request = http.expectOne('/api/tickets/42');
    expect(request.request.method).toBe('PATCH');
    expect(request.request.body).toEqual({ status: 'resolved' });
    request.flush(ticket({ status: TicketStatus.Resolved }));
    expect(updated.map((t) => t.status)).toEqual(['resolved']);
  });

  it('reassigns through the assign endpoint when the admin picks another agent, seeing their load and who is away', async () => {
    render(ADMIN, ticket());
    http.expectOne('/api/agents').flush([
      { id: AGENT.id, name: 'Adam Agent', available: true, openCount: 3 },
      { id: OTHER_AGENT.id, name: 'Olga Agent', available: false, openCount: 0 },
    ]);
    await fixture.whenStable();
    const assignee = await selectLabelled('Assignee');
    await assignee.open();
    expect(await Promise.all((await assignee.getOptions()).map((o) => o.getText()))).toEqual([
      'Adam Agent (3 open)',
      'Olga Agent (0 open) · away',
    ]);
    await assignee.clickOptions({ text: 'Olga Agent (0 open) · away' });
    const request = http.expectOne('/api/tickets/42/assign');
    expect(request.request.body).toEqual({ assigneeId: OTHER_AGENT.id });
    request.flush(ticket({ assignee: { id: OTHER_AGENT.id, name: 'Olga Agent' } }));
  });

  it('shows the message of a refused change', async () => {
    render(OWNER, ticket());
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Close ticket' }))).click();
    http
      .expectOne('/api/tickets/42')
      .flush(
        { statusCode: 403, error: 'Forbidden', message: 'You may not close this ticket' },
        { status: 403, statusText: 'Forbidden' },
      );
    await fixture.whenStable();
    expect(fixture.nativeElement.querySelector('[role="alert"]').textContent).toContain(
      'You may not close this ticket',
    );
  });

  it('sends an agent who handed the ticket on back to the queue, saying who has it now', async () => {
    render(AGENT, ticket({ status: TicketStatus.InProgress }));
    http.expectOne('/api/agents').flush([
      { id: AGENT.id, name: 'Adam Agent', available: true, openCount: 3 },
      { id: OTHER_AGENT.id, name: 'Olga Agent', available: true, openCount: 0 },
    ]);
    await fixture.whenStable();
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
    const snack = jest.spyOn(TestBed.inject(MatSnackBar), 'open');
    const updated: Ticket[] = [];
    fixture.componentInstance.updated.subscribe((value) => updated.push(value));
    await (await selectLabelled('Assignee')).clickOptions({ text: 'Olga Agent (0 open)' });
    http
      .expectOne('/api/tickets/42/assign')
      .flush(ticket({ assignee: { id: OTHER_AGENT.id, name: 'Olga Agent' } }));
    expect(snack).toHaveBeenCalledWith('Ticket #42 is with Olga Agent now.', 'OK', {
      duration: 6000,
    });
    expect(navigate).toHaveBeenCalledWith('/queue');
    expect(updated).toEqual([]);
  });
});
