import type { Sort, SortDirection } from '@angular/material/sort';
import { TicketSort } from '@helpdesk/shared/domain';

/** The columns whose headers sort the list. */
export type SortColumn = 'priority' | 'createdAt' | 'updatedAt' | 'due';

/** Each column's sorts: `desc` is the newest or most pressing first. `due` has one order. */
const COLUMN_SORTS: Record<SortColumn, Partial<Record<'asc' | 'desc', TicketSort>>> = {
  priority: { desc: TicketSort.Priority, asc: TicketSort.PriorityLowest },
  createdAt: { desc: TicketSort.CreatedNewest, asc: TicketSort.CreatedOldest },
  updatedAt: { desc: TicketSort.UpdatedNewest, asc: TicketSort.UpdatedOldest },
  due: { asc: TicketSort.Due },
};

/** A header's first click: newest or most pressing first; soonest due first. */
export const FIRST_DIRECTION: Record<SortColumn, 'asc' | 'desc'> = {
  priority: 'desc',
  createdAt: 'desc',
  updatedAt: 'desc',
  due: 'asc',
};

/** Which header shows the list's sort, and which way. */
export function sortState(sort: TicketSort | undefined): {
  active: SortColumn;
  direction: SortDirection;
} {
  const wanted = sort ?? TicketSort.UpdatedNewest;
  for (const [column, sorts] of Object.entries(COLUMN_SORTS) as [
    SortColumn,
    (typeof COLUMN_SORTS)[SortColumn],
  ][]) {
    if (sorts.desc === wanted) return { active: column, direction: 'desc' };
    if (sorts.asc === wanted) return { active: column, direction: 'asc' };
  }
  return { active: 'updatedAt', direction: 'desc' };
}

/** The list's sort for a header click; a one-way column keeps its only order. */
export function sortOf({ active, direction }: Sort): TicketSort {
  const sorts = COLUMN_SORTS[active as SortColumn] ?? COLUMN_SORTS.updatedAt;
  const column = active as SortColumn;
  const wanted = direction || FIRST_DIRECTION[column] || 'desc';
  return (sorts[wanted] ?? sorts.asc ?? sorts.desc) as TicketSort;
}
