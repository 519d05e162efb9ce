import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatMenuHarness } from '@angular/material/menu/testing';
import type { TicketStatus, TicketSummary } from '@helpdesk/shared/domain';
import { BulkBar } from './bulk-bar';
import { bulkSummary } from './bulk-summary';

function row(id: number, status: TicketStatus = 'open'): TicketSummary {
  return {
    id,
    subject: `Ticket ${id}`,
    status,
    priority: 'medium',
    owner: { id: 3, name: 'Una User' },
    assignee: { id: 2, name: 'Adam Agent' },
    sla: null,
    tags: [],
    createdAt: '2026-11-20T10:00:00.000Z',
    updatedAt: '2026-11-20T10:00:00.000Z',
  };
}

describe('bulkSummary', () => {
  it('counts the changed tickets', () => {
    expect(
      bulkSummary([
        { id: 1, ok: true },
        { id: 2, ok: true },
      ]),
    ).toBe('2 changed');
  });

  it('says why each refused ticket was refused, in words', () => {
    const results = [
      { id: 55, ok: true as const },
      { id: 57, ok: false as const, statusCode: 403, message: 'You may not change this ticket' },
      { id: 60, ok: false as const, statusCode: 404, message: 'Ticket not found' },
      { id: 61, ok: false as const, statusCode: 400, message: 'A ticket has at most 10 tags.' },
    ];
    expect(bulkSummary(results, [row(55), row(57, 'closed'), row(61)])).toBe(
      '1 changed, 3 refused: #57 is closed; #60 was not found; #61: A ticket has at most 10 tags',
    );
  });
});

describe('BulkBar', () => {
  let fixture: ComponentFixture<BulkBar>;
  let loader: HarnessLoader;
  let http: HttpTestingController;
  let done: string[];

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [BulkBar],
      providers: [provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(BulkBar);
    fixture.componentRef.setInput('ids', [55, 56, 57, 58]);
    fixture.componentRef.setInput('tickets', [row(55), row(56), row(57, 'closed'), row(58)]);
    done = [];
    fixture.componentInstance.done.subscribe((summary) => done.push(summary));
    loader = TestbedHarnessEnvironment.loader(fixture);
  });

  afterEach(() => http.verify());

  it('closes the ticked tickets and tells the results in words: "3 changed, 1 refused: #57 is closed"', async () => {
    const menu = await loader.getHarness(MatMenuHarness.with({ triggerText: /^Status/ }));
    await menu.clickItem({ text: 'Closed' });

    const request = http.expectOne('/api/tickets/bulk');
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({ ids: [55, 56, 57, 58], changes: { status: 'closed' } });
    request.flush({
      results: [
        { id: 55, ok: true },
        { id: 56, ok: true },
        { id: 57, ok: false, statusCode: 403, message: 'You may not change this ticket' },
        { id: 58, ok: true },
      ],
    });
    expect(done).toEqual(['3 changed, 1 refused: #57 is closed']);
  });

  it('tells a failed request in words too', async () => {
    const menu = await loader.getHarness(MatMenuHarness.with({ triggerText: /^Priority/ }));
    await menu.clickItem({ text: 'Urgent' });
    http
      .expectOne('/api/tickets/bulk')
      .flush(
        { statusCode: 403, error: 'Forbidden', message: 'Agents and admins only' },
        { status: 403, statusText: 'Forbidden' },
      );
    expect(done).toEqual(['Agents and admins only']);
    expect(
      await (await loader.getHarness(MatButtonHarness.with({ text: /^Status/ }))).isDisabled(),
    ).toBe(false);
  });
});
