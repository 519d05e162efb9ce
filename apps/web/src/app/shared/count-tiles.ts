import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';

/** A row of numbered tiles, one per key of `counts`, in the order of `labels`. */
@Component({
  selector: 'hd-count-tiles',
  template: `
    <ul class="tiles" [attr.aria-label]="label()">
      @for (tile of tiles(); track tile.key) {
        <li [class]="'tile-' + tile.key">
          <span class="count">{{ tile.count }}</span>
          <span class="name">{{ tile.name }}</span>
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
    li {
      display: flex;
      flex-direction: column;
      padding: 12px 16px;
      border-radius: 12px;
      background: var(--mat-sys-surface-container);
      border-left: 4px solid var(--mat-sys-primary);
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
      border-left-color: #c88a00;
    }
    .tile-resolved,
    .tile-low {
      border-left-color: #2e7d32;
    }
    .tile-closed {
      border-left-color: var(--mat-sys-outline);
    }
    .tile-urgent {
      border-left-color: var(--mat-sys-error);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CountTiles<K extends string> {
  readonly label = input.required<string>();
  readonly counts = input.required<Readonly<Record<K, number>>>();
  readonly labels = input.required<Readonly<Record<K, string>>>();

  protected readonly tiles = computed(() => {
    const counts = this.counts();
    return (Object.entries(this.labels()) as [K, string][]).map(([key, name]) => ({
      key,
      name,
      count: counts[key] ?? 0,
    }));
  });
}
