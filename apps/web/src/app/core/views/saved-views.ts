import { computed, inject, Injectable } from '@angular/core';
import type { SavedView } from '@helpdesk/shared/domain';
import { Observable, tap } from 'rxjs';
import { ViewsApi } from '../api/views-api';
import { Session } from '../auth/session';
import { onTicketChanges } from '../live/live-updates';

/** Counting every view is heavier than one list page: bursts of changes wait a little longer. */
export const VIEW_COUNTS_DEBOUNCE_MS = 1_000;

/**
 * The signed-in person's views (built-in first, then their own) with live counts: refreshed
 * when a ticket they may see changes, and after they save or delete one.
 */
@Injectable({ providedIn: 'root' })
export class SavedViews {
  private readonly api = inject(ViewsApi);
  private readonly session = inject(Session);
  private readonly signedIn = computed(() => !!this.session.user());

  readonly views = this.api.list(this.signedIn);
  readonly list = computed<SavedView[]>(() => (this.views.hasValue() ? this.views.value() : []));

  constructor() {
    onTicketChanges(() => this.views.reload(), undefined, VIEW_COUNTS_DEBOUNCE_MS);
  }

  /** The view with this route id (`12`, `my-open`), once the list is loaded. */
  find(id: string): SavedView | undefined {
    return this.list().find((view) => String(view.id) === id);
  }

  save(name: string, query: string): Observable<SavedView> {
    return this.api.create({ name, query }).pipe(tap(() => this.views.reload()));
  }

  remove(view: SavedView): Observable<void> {
    return this.api.remove(view.id).pipe(tap(() => this.views.reload()));
  }
}
