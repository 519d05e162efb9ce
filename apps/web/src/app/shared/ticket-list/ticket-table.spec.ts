import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MatCheckboxHarness } from '@angular/material/checkbox/testing';
import { MatSortHarness } from '@angular/material/sort/testing';
import { provideRouter } from '@angular/router';
import type { TicketSort, TicketSummary } from '@helpdesk/shared/domain';
import { RowSelection } from './row-selection';
import { TicketTable } from './ticket-table';

function row(id: number): TicketSummary {
  return {
    id,
    subject: `Ticket ${id}`,
    status: 'open',
    priority: 'medium',
    owner: { id: 3, name: 'Una User' },
    assignee: null,
    sla: null,
    tags: id === 1 ? ['printer', 'vpn'] : [],
    createdAt: '2026-11-20T10:00:00.000Z',
    updatedAt: '2026-11-22T10:00:00.000Z',
  };
}

describe('TicketTable', () => {
  let fixture: ComponentFixture<TicketTable>;
  let loader: HarnessLoader;
  let selection: RowSelection;
  let sorts: TicketSort[];

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [TicketTable],
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
    });
    fixture = TestBed.createComponent(TicketTable);
    selection = new RowSelection();
    sorts = [];
    fixture.componentRef.setInput('tickets', [1, 2, 3, 4, 5].map(row));
    fixture.componentRef.setInput('columns', [
      'select',
      'id',
      'subject',
      'priority',
      'requester',
      'createdAt',
      'updatedAt',
    ]);
    fixture.componentRef.setInput('selection', selection);
    fixture.componentInstance.sortChange.subscribe((sort) => sorts.push(sort));
    loader = TestbedHarnessEnvironment.loader(fixture);
    await fixture.whenStable();
  });

  /** Clicks a row's box as a person does, holding shift or not. */
  async function clickRow(id: number, shiftKey = false): Promise<void> {
    const input = fixture.nativeElement.querySelector(
      `input[aria-label="Select ticket #${id}"]`,
    ) as HTMLInputElement;
    input.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, shiftKey }));
    await fixture.whenStable();
  }

  /** The ids of the ticked rows, as the checkboxes show them (the first box is "select page"). */
  async function checked(): Promise<number[]> {
    const ids: number[] = [];
    for (const [index, box] of (await loader.getAllHarnesses(MatCheckboxHarness)).entries()) {
      if (index > 0 && (await box.isChecked())) ids.push(index);
    }
    return ids;
  }

  it('ticks every row between the last clicked one and a shift-clicked one', async () => {
    await clickRow(2);
    await clickRow(4, true);
    expect([...selection.selected()].sort()).toEqual([2, 3, 4]);
    expect(await checked()).toEqual([2, 3, 4]);

    // A shift-click on a ticked row clears the range back to the last one clicked.
    await clickRow(3, true);
    expect([...selection.selected()].sort()).toEqual([2]);
  });

  it('"select page" ticks every row, and shows when only some are ticked', async () => {
    const all = await loader.getHarness(MatCheckboxHarness.with({ selector: '.select-page' }));
    await clickRow(1);
    expect(await all.isIndeterminate()).toBe(true);
    await all.check();
    expect([...selection.selected()].sort()).toEqual([1, 2, 3, 4, 5]);
    await all.uncheck();
    expect(selection.size()).toBe(0);
  });

  it('sorts by a header: most pressing first, then the other way, marked with aria-sort', async () => {
    const sort = await loader.getHarness(MatSortHarness);
    const [priority] = await sort.getSortHeaders({ label: 'Priority' });
    await priority.click();
    expect(sorts).toEqual(['priority']);

    fixture.componentRef.setInput('sort', 'priority');
    await fixture.whenStable();
    expect(await priority.isActive()).toBe(true);
    expect(await (await priority.host()).getAttribute('aria-sort')).toBe('descending');
    await priority.click();
    expect(sorts).toEqual(['priority', '-priority']);
  });

  it('sorts by creation date, newest first, and shows the age with the date in a tooltip', async () => {
    const sort = await loader.getHarness(MatSortHarness);
    const [updated] = await sort.getSortHeaders({ label: 'Updated' });
    expect(await (await updated.host()).getAttribute('aria-sort')).toBe('descending');
    const [created] = await sort.getSortHeaders({ label: 'Created' });
    expect(await (await created.host()).getAttribute('aria-sort')).toBe('none');
    await created.click();
    expect(sorts).toEqual(['createdAt']);
    const time = fixture.nativeElement.querySelector('time') as HTMLElement;
    expect(time.getAttribute('datetime')).toBe('2026-11-20T10:00:00.000Z');
    expect(time.textContent?.trim()).toMatch(/^\d+ (day|week|month|year)s?$/);
  });

  it("shows a ticket's tags and its requester", () => {
    const text = (fixture.nativeElement as HTMLElement).textContent ?? '';
    expect(text).toContain('printer');
    expect(text).toContain('vpn');
    expect(text).toContain('Requester');
    expect(text).toContain('Una User');
  });
});
