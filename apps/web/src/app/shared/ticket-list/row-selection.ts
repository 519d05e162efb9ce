import { computed, signal } from '@angular/core';

/**
 * The rows ticked on a page, by ticket id. A shift-click sets every row between the last
 * clicked one and this one to this one's new state, as in a mail client.
 */
export class RowSelection {
  private readonly ids = signal<ReadonlySet<number>>(new Set());
  private anchor: number | null = null;

  readonly selected = this.ids.asReadonly();
  readonly size = computed(() => this.ids().size);

  has(id: number): boolean {
    return this.ids().has(id);
  }

  /** A row's box was clicked: `checked` is its new state; `order` the page's ids, top down. */
  click(order: readonly number[], id: number, checked: boolean, shift: boolean): void {
    const from = this.anchor === null ? -1 : order.indexOf(this.anchor);
    const to = order.indexOf(id);
    const range = shift && from >= 0 && to >= 0;
    const affected = range ? order.slice(Math.min(from, to), Math.max(from, to) + 1) : [id];
    const next = new Set(this.ids());
    for (const each of affected) {
      if (checked) next.add(each);
      else next.delete(each);
    }
    this.ids.set(next);
    this.anchor = id;
  }

  /** Ticks every row of the page, or none. */
  setAll(order: readonly number[], checked: boolean): void {
    this.ids.set(new Set(checked ? order : []));
    this.anchor = null;
  }

  /** Forgets rows no longer on the page (after a refresh, a new page or filter). */
  keepOnly(order: readonly number[]): void {
    const kept = [...this.ids()].filter((id) => order.includes(id));
    if (kept.length !== this.ids().size) this.ids.set(new Set(kept));
    if (this.anchor !== null && !order.includes(this.anchor)) this.anchor = null;
  }

  clear(): void {
    this.setAll([], false);
  }
}
