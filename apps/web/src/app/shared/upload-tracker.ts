import { signal } from '@angular/core';
import {
  catchError,
  concatMap,
  EMPTY,
  from,
  last,
  map,
  Observable,
  tap,
  defaultIfEmpty,
} from 'rxjs';
import { errorMessage } from '../core/api/error-message';
import type { TicketsApi } from '../core/api/tickets-api';

export interface UploadItem {
  key: number;
  file: File;
  progress: number;
  error: string | null;
  done: boolean;
}

/** Files waiting to be attached to a ticket, sent one by one with their progress. */
export class UploadTracker {
  private nextKey = 0;
  private readonly list = signal<UploadItem[]>([]);
  readonly items = this.list.asReadonly();

  constructor(private readonly api: TicketsApi) {}

  add(files: File[]): void {
    this.list.update((list) => [
      ...list,
      ...files.map((file) => ({
        key: this.nextKey++,
        file,
        progress: 0,
        error: null,
        done: false,
      })),
    ]);
  }

  remove(key: number): void {
    this.list.update((list) => list.filter((item) => item.key !== key));
  }

  /** Drops the files that were sent; failed ones stay to show their error. */
  clearDone(): void {
    this.list.update((list) => list.filter((item) => !item.done));
  }

  /** Uploads every waiting file in turn; emits how many failed once all were tried. */
  uploadAll(ticketId: number): Observable<number> {
    const waiting = this.list().filter((item) => !item.done);
    return from(waiting).pipe(
      concatMap((item) => this.uploadOne(ticketId, item)),
      defaultIfEmpty(null),
      last(),
      map(() => this.list().filter((item) => item.error).length),
    );
  }

  private uploadOne(ticketId: number, item: UploadItem): Observable<unknown> {
    this.patch(item.key, { error: null, progress: 0 });
    return this.api
      .upload(ticketId, item.file, (progress) => this.patch(item.key, { progress }))
      .pipe(
        tap(() => this.patch(item.key, { progress: 100, done: true })),
        catchError((error: unknown) => {
          this.patch(item.key, { error: errorMessage(error) });
          return EMPTY;
        }),
      );
  }

  private patch(key: number, change: Partial<UploadItem>): void {
    this.list.update((list) =>
      list.map((item) => (item.key === key ? { ...item, ...change } : item)),
    );
  }
}
