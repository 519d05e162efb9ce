import { ChangeDetectionStrategy, Component, computed, effect, inject, input } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { MatSnackBar } from '@angular/material/snack-bar';
import { ActivatedRoute, Router } from '@angular/router';
import { parseViewQuery, Role } from '@helpdesk/shared/domain';
import { Session } from '../../core/auth/session';
import { homeUrl } from '../../core/auth/home-url';
import { SavedViews } from '../../core/views/saved-views';
import { Action } from '../../shared/action';
import { TicketList } from '../../shared/ticket-list/ticket-list';

/** A saved view: the ticket list with the view's filters in the URL, to narrow further. */
@Component({
  selector: 'hd-view-page',
  imports: [MatButton, MatIcon, TicketList],
  template: `
    <section class="hd-page">
      <div class="hd-page-header">
        <h1>{{ view()?.name ?? 'View' }}</h1>
        @if (view(); as shown) {
          @if (!shown.builtIn) {
            <button mat-stroked-button type="button" [disabled]="removal.busy()" (click)="remove()">
              <mat-icon>delete</mat-icon>
              Delete view
            </button>
          }
        }
      </div>
      <hd-ticket-list [manage]="isAdmin()" emptyText="No tickets in this view." />
    </section>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ViewPage {
  /** The `:id` route parameter: a number for one's own view, a name for a built-in one. */
  readonly id = input.required<string>();

  private readonly views = inject(SavedViews);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly snackBar = inject(MatSnackBar);
  private readonly user = inject(Session).user;

  protected readonly view = computed(() => this.views.find(this.id()));
  protected readonly isAdmin = computed(() => this.user()?.role === Role.Admin);
  protected readonly removal = new Action({
    failed: (message) => this.snackBar.open(message, 'OK', { duration: 6000 }),
  });

  constructor() {
    // Opened without filters (a bookmark, a typed address): show the view's own.
    effect(() => {
      const view = this.view();
      if (view && !Object.keys(this.route.snapshot.queryParams).length && view.query) {
        void this.router.navigate([], {
          relativeTo: this.route,
          queryParams: parseViewQuery(view.query),
          replaceUrl: true,
        });
      }
    });
  }

  protected remove(): void {
    const view = this.view();
    const user = this.user();
    if (!view || !user) return;
    this.removal.run(this.views.remove(view), () => {
      this.snackBar.open(`Deleted the view “${view.name}”.`, 'OK', { duration: 4000 });
      void this.router.navigateByUrl(homeUrl(user.role));
    });
  }
}
