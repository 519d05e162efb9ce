import { signal } from '@angular/core';
import type { Observable } from 'rxjs';
import { errorMessage } from '../core/api/error-message';

interface ActionOptions {
  /** The message shown for a failure; the API's own message by default. */
  describe?: (error: unknown) => string;
  /** Also told each failure's message, e.g. to show it in a snack bar. */
  failed?: (message: string) => void;
  /** Stay busy after a success, for screens that move on (close, navigate, send more). */
  keepBusy?: boolean;
}

/**
 * A request a screen sends for the person (save, send, submit): `busy` while it is under way,
 * `error` with the message of the last failure, cleared when the next one starts.
 */
export class Action {
  private readonly running = signal(false);
  private readonly failure = signal<string | null>(null);
  readonly busy = this.running.asReadonly();
  readonly error = this.failure.asReadonly();

  constructor(private readonly options: ActionOptions = {}) {}

  /** Sends `call`; once it answers, `busy` is cleared (unless `keepBusy`) and `done` runs. */
  run<T>(call: Observable<T>, done?: (value: T) => void): void {
    this.running.set(true);
    this.failure.set(null);
    call.subscribe({
      next: (value) => {
        if (!this.options.keepBusy) this.running.set(false);
        done?.(value);
      },
      error: (error: unknown) => {
        const message = (this.options.describe ?? errorMessage)(error);
        this.running.set(false);
        this.failure.set(message);
        this.options.failed?.(message);
      },
    });
  }
}
