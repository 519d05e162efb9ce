import { DestroyRef, inject, Injectable, signal } from '@angular/core';

/** How often "now" moves on: due badges count in minutes, so half a minute keeps them true. */
const TICK_MS = 30_000;

/** The current time as a signal that moves on by itself, for what reads "in 45 min". */
@Injectable({ providedIn: 'root' })
export class Clock {
  private readonly current = signal(Date.now());
  /** Milliseconds since the epoch, refreshed every {@link TICK_MS}. */
  readonly now = this.current.asReadonly();

  constructor() {
    const timer = setInterval(() => this.current.set(Date.now()), TICK_MS);
    inject(DestroyRef).onDestroy(() => clearInterval(timer));
  }
}
