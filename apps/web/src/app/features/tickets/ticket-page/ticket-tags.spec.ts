import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { HarnessLoader, TestKey } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { ComponentFixture, TestBed } from '@angular/core/testing';

import { MatButtonHarness } from '@angular/material/button/testing';
import { MatChipGridHarness, MatChipInputHarness } from '@angular/material/chips/testing';
import type { Actor, Ticket } from '@helpdesk/shared/domain';
import { TicketTags } from './ticket-tags';

const agent: Actor = { id: 2, role: 'agent' };
const ticket: Ticket = {
  id: 7,
  subject: 'VPN drops',
  description: 'Every hour.',
  status: 'open',
  priority: 'high',
  owner: { id: 3, name: 'Una User' },
  assignee: { id: 2, name: 'Adam Agent' },
  rating: null,
  sla: null,
  tags: ['network'],
  createdAt: '2026-11-20T10:00:00.000Z',
  updatedAt: '2026-11-20T10:00:00.000Z',
};

describe('TicketTags', () => {
  let fixture: ComponentFixture<TicketTags>;
  let loader: HarnessLoader;
  let http: HttpTestingController;
  let updated: Ticket[];

  function render(actor: Actor, shown: Ticket = ticket): void {
    fixture = TestBed.createComponent(TicketTags);
    fixture.componentRef.setInput('ticket', shown);
    fixture.componentRef.setInput('actor', actor);
    updated = [];
    fixture.componentInstance.updated.subscribe((value) => updated.push(value));
    loader = TestbedHarnessEnvironment.loader(fixture);
  }

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [TicketTags],
      providers: [provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  async function chipInput(grid: MatChipGridHarness): Promise<MatChipInputHarness> {
    const input = await grid.getInput();
    if (!input) throw new Error('The tag editor has no text field');
    return input;
  }

  it('lets the assigned agent add a tag as typed (VPN → vpn), suggested from the desk, and save', async () => {
    render(agent);
    const grid = await loader.getHarness(MatChipGridHarness);
    const input = await chipInput(grid);
    await input.setValue('VP');
    await new Promise((resolve) => setTimeout(resolve, 250));
    const suggestions = http.expectOne((request) => request.url === '/api/tags');
    expect(suggestions.request.params.get('q')).toBe('vp');
    suggestions.flush([{ name: 'vpn', count: 12 }]);
    await input.setValue('VPN');
    await new Promise((resolve) => setTimeout(resolve, 250));
    http.match((request) => request.url === '/api/tags').forEach((request) => request.flush([]));
    await input.sendSeparatorKey(TestKey.ENTER);

    expect(await Promise.all((await grid.getRows()).map((chip) => chip.getText()))).toEqual([
      'network',
      'vpn',
    ]);
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Save tags' }))).click();
    const request = http.expectOne('/api/tickets/7');
    expect(request.request.method).toBe('PATCH');
    expect(request.request.body).toEqual({ tags: ['network', 'vpn'] });
    request.flush({ ...ticket, tags: ['network', 'vpn'] });
    expect(updated.map((value) => value.tags)).toEqual([['network', 'vpn']]);
  });

  it('refuses what cannot be a tag, in words, and keeps the tags as they were', async () => {
    render(agent);
    const input = await chipInput(await loader.getHarness(MatChipGridHarness));
    await input.setValue('no/slash');
    await input.sendSeparatorKey(TestKey.ENTER);
    await fixture.whenStable();
    expect((fixture.nativeElement as HTMLElement).textContent).toContain('is not a tag');
    expect(await loader.getAllHarnesses(MatButtonHarness.with({ text: 'Save tags' }))).toHaveLength(
      0,
    );
  });

  it('shows the tags read-only to the owner, who may not change them', async () => {
    render({ id: 3, role: 'user' });
    await fixture.whenStable();
    expect(await loader.getAllHarnesses(MatChipGridHarness)).toHaveLength(0);
    expect((fixture.nativeElement as HTMLElement).textContent).toContain('network');
  });
});
