import {
  computed,
  DestroyRef,
  effect,
  inject,
  Injectable,
  InjectionToken,
  untracked,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { Router } from '@angular/router';
import { debounceTime, filter, map, Observable, Subject } from 'rxjs';
import { Session } from '../auth/session';
import { signInAgain } from '../auth/session-expired-interceptor';

/** The stream of "ticket N changed" events for the signed-in session. */
export const EVENTS_URL = '/api/events';

/** How the browser's `EventSource` is made; replaced in tests. */
export const EVENT_SOURCE_FACTORY = new InjectionToken<(url: string) => EventSource>(
  'EVENT_SOURCE_FACTORY',
  { providedIn: 'root', factory: () => (url: string) => new EventSource(url) },
);

/** `EventSource.CLOSED`, spelled out so the service also loads where there is no EventSource. */
const EVENT_SOURCE_CLOSED = 2;

/** First and longest wait before opening the stream again after the browser gave up. */
export const RECONNECT_MIN_MS = 1_000;
const RECONNECT_MAX_MS = 30_000;

/** Bursts of changes inside this window cause one refresh. */
export const REFRESH_DEBOUNCE_MS = 300;

/**
 * A change the server told about: one ticket, or — after the stream was down and events may
 * have been missed — possibly any ticket.
 */
export type TicketChange = { ticketId: number } | { missed: true };

/** Whether a change may concern the ticket (any ticket when `ticketId` is omitted). */
function affects(change: TicketChange, ticketId?: number): boolean {
  return 'missed' in change || ticketId === undefined || change.ticketId === ticketId;
}

/**
 * Keeps one `EventSource` on `/api/events` open while someone is signed in and tells which
 * tickets changed. Events carry only ids: listeners re-fetch through the normal API.
 */
@Injectable({ providedIn: 'root' })
export class LiveUpdates {
  private readonly session = inject(Session);
  private readonly router = inject(Router);
  private readonly open = inject(EVENT_SOURCE_FACTORY);

  private source: EventSource | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private retryDelay = RECONNECT_MIN_MS;
  /** Set once the stream was down, so the next successful open reports possibly missed events. */
  private interrupted = false;
  private readonly subject = new Subject<TicketChange>();

  /** Every change, as it arrives. */
  readonly changes: Observable<TicketChange> = this.subject.asObservable();

  constructor() {
    const userId = computed(() => this.session.user()?.id);
    effect(() => {
      const id = userId();
      untracked(() => (id === undefined ? this.disconnect() : this.connect()));
    });
    inject(DestroyRef).onDestroy(() => {
      this.disconnect();
      this.subject.complete();
    });
  }

  /** Whether a stream is currently held open (connecting or connected). */
  get connected(): boolean {
    return this.source !== null;
  }

  private connect(): void {
    this.disconnect();
    const source = this.open(EVENTS_URL);
    this.source = source;
    source.addEventListener('open', () => {
      this.retryDelay = RECONNECT_MIN_MS;
      if (this.interrupted) {
        this.interrupted = false;
        this.subject.next({ missed: true });
      }
    });
    source.addEventListener('ticket-changed', (event) => {
      const ticketId = ticketIdOf((event as MessageEvent<string>).data);
      if (ticketId !== null) this.subject.next({ ticketId });
    });
    source.addEventListener('error', () => {
      if (this.source !== source) return;
      this.interrupted = true;
      // While CONNECTING the browser retries by itself; CLOSED means it gave up (e.g. a 401).
      if (source.readyState === EVENT_SOURCE_CLOSED) this.recover(source);
    });
  }

  /** The browser stopped retrying: ask whether the session still stands, then retry later. */
  private recover(source: EventSource): void {
    source.close();
    this.source = null;
    void this.session.recheck().then((state) => {
      if (this.session.user() === null || this.source || this.retryTimer) return;
      if (state === 'signed-out') {
        signInAgain(this.router, this.session);
        return;
      }
      const delay = this.retryDelay;
      this.retryDelay = Math.min(this.retryDelay * 2, RECONNECT_MAX_MS);
      this.retryTimer = setTimeout(() => {
        this.retryTimer = null;
        if (this.session.user()) this.connect();
      }, delay);
    });
  }

  private disconnect(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.source?.close();
    this.source = null;
  }
}

function ticketIdOf(data: string): number | null {
  try {
    const parsed: unknown = JSON.parse(data);
    const id =
      typeof parsed === 'object' && parsed !== null && 'ticketId' in parsed
        ? parsed.ticketId
        : null;
    return typeof id === 'number' && Number.isInteger(id) && id > 0 ? id : null;
  } catch {
    return null;
  }
}

/**
 * Calls `refresh` (debounced) whenever a change may concern the ticket — or any ticket when
 * `ticketId` is omitted — until the calling component or service is destroyed.
 * Call in an injection context.
 */
export function onTicketChanges(
  refresh: () => void,
  ticketId?: () => number | null,
  debounce = REFRESH_DEBOUNCE_MS,
): void {
  inject(LiveUpdates)
    .changes.pipe(
      map((change) => {
        if (!ticketId) return true;
        const id = ticketId();
        return id !== null && affects(change, id);
      }),
      filter(Boolean),
      debounceTime(debounce),
      takeUntilDestroyed(),
    )
    .subscribe(() => refresh());
}
