import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';

/**
 * A row of numbered tiles, one per key of `counts`, in the order of `labels`. Given `clickable`,
 * each tile is a toggle button that asks to filter by its key (`picked`).
 */
@Component({
  selector: 'hd-count-tiles',
  template: `
    <ul class="tiles" [attr.aria-label]="label()">
      @for (tile of tiles(); track tile.key) {
        <li [class]="'tile-' + tile.key">
          @if (clickable()) {
            <button
              type="button"
              class="tile"
              [attr.aria-pressed]="tile.active"
              (click)="picked.emit(tile.key)"
            >
              <span class="count">{{ tile.count }}</span>
              <span class="name">{{ tile.name }}</span>
            </button>
          } @else {
            <div class="tile">
              <span class="count">{{ tile.count }}</span>
              <span class="name">{{ tile.name }}</span>
            </div>
          }
        </li>
      }
    </ul>
  `,
  styles: `
    .tiles {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(120px, 1fr));
      gap: 8px;
      list-style: none;
      padding: 0;
      margin: 0 0 16px;
    }
    .tile {
      box-sizing: border-box;
      width: 100%;
      height: 100%;
      display: flex;
      flex-direction: column;
      align-items: flex-start;
      padding: 12px 16px;
      border: 0;
      border-radius: 12px;
      border-left: 4px solid var(--tile-accent, var(--mat-sys-primary));
      background: var(--mat-sys-surface-container);
      color: var(--mat-sys-on-surface);
      font: inherit;
      text-align: start;
    }
    button.tile {
      cursor: pointer;

      &:hover {
        background: var(--mat-sys-surface-container-high);
      }
      &:focus-visible {
        outline: 2px solid var(--mat-sys-primary);
        outline-offset: 2px;
      }
      &[aria-pressed='true'] {
        background: var(--mat-sys-secondary-container);
        color: var(--mat-sys-on-secondary-container);
      }
    }
    .count {
      font: var(--mat-sys-headline-medium);
    }
    .name {
      font: var(--mat-sys-label-large);
      color: var(--mat-sys-on-surface-variant);
    }
    .tile-in_progress,
    .tile-high {
      --tile-accent: #c88a00;
    }
    .tile-resolved,
    .tile-low {
      --tile-accent: #2e7d32;
    }
    .tile-closed {
      --tile-accent: var(--mat-sys-outline);
    }
    .tile-urgent {
      --tile-accent: var(--mat-sys-error);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CountTiles<K extends string> {
  readonly label = input.required<string>();
  readonly counts = input.required<Readonly<Record<K, number>>>();
  readonly labels = input.required<Readonly<Record<K, string>>>();
  /** Tiles are buttons that filter by their key. */
  readonly clickable = input(false);
  /** The keys the list is filtered by now (pressed tiles). */
  readonly active = input<readonly string[]>([]);
  readonly picked = output<K>();

  protected readonly tiles = computed(() => {
    const counts = this.counts();
    const active = this.active();
    return (Object.entries(this.labels()) as [K, string][]).map(([key, name]) => ({
      key,
      name,
      count: counts[key] ?? 0,
      active: active.includes(key),
    }));
  });
}
