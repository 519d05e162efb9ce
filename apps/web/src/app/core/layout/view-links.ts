import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatAnchor } from '@angular/material/button';
import { RouterLink, RouterLinkActive } from '@angular/router';
import { parseViewQuery, type SavedView } from '@helpdesk/shared/domain';
import { SavedViews } from '../views/saved-views';

const COUNT_FORMAT = new Intl.NumberFormat('en');

/** A view's count as the navigation shows it: "12", or "1,000+" past the cap. */
export function viewCountText(view: Pick<SavedView, 'count' | 'countCapped'>): string {
  const count = COUNT_FORMAT.format(view.count);
  return view.countCapped ? `${count}+` : count;
}

/** The person's views (built-in, then their own) in the navigation, each with its live count. */
@Component({
  selector: 'hd-view-links',
  imports: [MatAnchor, RouterLink, RouterLinkActive],
  template: `
    @if (views().length) {
      <nav aria-label="Views">
        @for (view of views(); track view.id) {
          <a
            mat-button
            [routerLink]="['/views', view.id]"
            [queryParams]="params(view)"
            routerLinkActive="active"
            ariaCurrentWhenActive="page"
          >
            {{ view.name }}
            <span class="count">{{ countText(view) }}</span>
          </a>
        }
      </nav>
    }
  `,
  styles: `
    nav {
      display: flex;
      gap: 4px;
      padding: 2px 8px;
      overflow-x: auto;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
      background: var(--mat-sys-surface-container-lowest);
    }
    a {
      flex: none;
    }
    .active {
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
    }
    .count {
      margin-left: 6px;
      padding: 0 6px;
      border-radius: 8px;
      background: var(--mat-sys-surface-container-high);
      color: var(--mat-sys-on-surface);
      font: var(--mat-sys-label-small);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ViewLinks {
  protected readonly views = inject(SavedViews).list;
  protected readonly countText = viewCountText;
  protected readonly params = (view: SavedView) => parseViewQuery(view.query);
}
