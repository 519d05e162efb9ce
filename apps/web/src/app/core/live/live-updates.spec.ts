import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { Role, type SessionUser } from '@helpdesk/shared/domain';
import { Subject } from 'rxjs';
import { Session } from '../auth/session';
import {
  EVENT_SOURCE_FACTORY,
  EVENTS_URL,
  LiveUpdates,
  onTicketChanges,
  RECONNECT_MIN_MS,
  REFRESH_DEBOUNCE_MS,
  type TicketChange,
} from './live-updates';

const USER: SessionUser = { id: 1, email: 'user@example.com', name: 'Uma User', role: Role.User };

/** Stands in for the browser's EventSource: the test fires its events. */
class FakeEventSource {
  readyState = 0;
  closed = false;
  private readonly listeners = new Map<string, ((event: Event) => void)[]>();

  constructor(readonly url: string) {}

  addEventListener(type: string, listener: (event: Event) => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }

  close(): void {
    this.closed = true;
    this.readyState = 2;
  }

  fire(type: string, data?: unknown): void {
    const event =
      data === undefined
        ? new Event(type)
        : new MessageEvent(type, { data: typeof data === 'string' ? data : JSON.stringify(data) });
    if (type === 'open') this.readyState = 1;
    for (const listener of this.listeners.get(type) ?? []) listener(event);
  }

  /** The browser gives up, as it does after a 401. */
  fail(): void {
    this.readyState = 2;
    this.fire('error');
  }
}

@Component({ template: '' })
class Blank {}

describe('LiveUpdates', () => {
  let sources: FakeEventSource[];
  let http: HttpTestingController;
  let session: Session;

  function latest(): FakeEventSource {
    const source = sources.at(-1);
    if (!source) throw new Error('No EventSource was opened');
    return source;
  }

  function openStreams(): FakeEventSource[] {
    return sources.filter((source) => !source.closed);
  }

  async function signIn(): Promise<void> {
    const loaded = session.load();
    http.expectOne('/api/auth/me').flush(USER);
    await loaded;
    TestBed.tick();
  }

  /** Lets the promise chain after an HTTP answer run. */
  async function settle(): Promise<void> {
    for (let i = 0; i < 5; i++) await Promise.resolve();
  }

  beforeEach(() => {
    sources = [];
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([{ path: '**', component: Blank }]),
        {
          provide: EVENT_SOURCE_FACTORY,
          useValue: (url: string) => {
            const source = new FakeEventSource(url);
            sources.push(source);
            return source as unknown as EventSource;
          },
        },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    session = TestBed.inject(Session);
  });

  afterEach(() => {
    jest.useRealTimers();
    http.verify();
  });

  it('opens one stream only while someone is signed in, and closes it on sign-out', async () => {
    const live = TestBed.inject(LiveUpdates);
    TestBed.tick();
    expect(sources).toHaveLength(0);

    await signIn();
    expect(sources).toHaveLength(1);
    expect(latest().url).toBe(EVENTS_URL);
    expect(live.connected).toBe(true);

    session.clear();
    TestBed.tick();
    expect(latest().closed).toBe(true);
    expect(live.connected).toBe(false);
    expect(openStreams()).toHaveLength(0);
  });

  it('tells the ids of changed tickets and ignores heartbeats and junk', async () => {
    const live = TestBed.inject(LiveUpdates);
    const seen: TicketChange[] = [];
    live.changes.subscribe((change) => seen.push(change));
    await signIn();

    latest().fire('open');
    latest().fire('heartbeat', {});
    latest().fire('ticket-changed', { ticketId: 12 });
    latest().fire('ticket-changed', 'not json');
    latest().fire('ticket-changed', { ticketId: 'x' });
    latest().fire('ticket-changed', { ticketId: 7 });

    expect(seen).toEqual([{ ticketId: 12 }, { ticketId: 7 }]);
  });

  it('leaves reconnecting to the browser while it is still trying', async () => {
    TestBed.inject(LiveUpdates);
    await signIn();
    latest().fire('error'); // readyState stays CONNECTING
    http.expectNone('/api/auth/me');
    expect(sources).toHaveLength(1);
    expect(latest().closed).toBe(false);
  });

  it('after the browser gives up, checks the session and reconnects with backoff, then reports possibly missed changes', async () => {
    jest.useFakeTimers();
    const live = TestBed.inject(LiveUpdates);
    const seen: TicketChange[] = [];
    live.changes.subscribe((change) => seen.push(change));
    await signIn();

    latest().fail();
    http.expectOne('/api/auth/me').flush(USER);
    await settle();
    expect(sources).toHaveLength(1);
    jest.advanceTimersByTime(RECONNECT_MIN_MS);
    expect(sources).toHaveLength(2);

    // Failing again waits twice as long.
    latest().fail();
    http.expectOne('/api/auth/me').flush(USER);
    await settle();
    jest.advanceTimersByTime(RECONNECT_MIN_MS);
    expect(sources).toHaveLength(2);
    jest.advanceTimersByTime(RECONNECT_MIN_MS);
    expect(sources).toHaveLength(3);

    latest().fire('open');
    expect(seen).toEqual([{ missed: true }]);
    expect(openStreams()).toHaveLength(1);
  });

  it('sends the person to sign in when the stream stopped because the session ended', async () => {
    TestBed.inject(LiveUpdates);
    const router = TestBed.inject(Router);
    const navigate = jest.spyOn(router, 'navigate');
    await signIn();

    latest().fail();
    http
      .expectOne('/api/auth/me')
      .flush({ message: 'Unauthorized' }, { status: 401, statusText: 'Unauthorized' });
    await settle();
    TestBed.tick();

    expect(session.user()).toBeNull();
    expect(navigate).toHaveBeenCalledWith(['/login'], expect.anything());
    expect(openStreams()).toHaveLength(0);
  });
});

describe('onTicketChanges', () => {
  let refreshes: { any: number; mine: number };
  let push: (change: TicketChange) => void;

  @Component({ template: '' })
  class Listener {
    constructor() {
      onTicketChanges(() => refreshes.any++);
      onTicketChanges(
        () => refreshes.mine++,
        () => 12,
      );
    }
  }

  beforeEach(() => {
    jest.useFakeTimers();
    refreshes = { any: 0, mine: 0 };
    const subject = new Subject<TicketChange>();
    push = (change) => subject.next(change);
    TestBed.configureTestingModule({
      providers: [{ provide: LiveUpdates, useValue: { changes: subject.asObservable() } }],
    });
  });

  afterEach(() => jest.useRealTimers());

  it('refreshes once per burst, only for the ticket asked about', () => {
    const fixture = TestBed.createComponent(Listener);

    push({ ticketId: 3 });
    push({ ticketId: 4 });
    push({ ticketId: 3 });
    jest.advanceTimersByTime(REFRESH_DEBOUNCE_MS);
    expect(refreshes).toEqual({ any: 1, mine: 0 });

    push({ ticketId: 12 });
    push({ ticketId: 12 });
    jest.advanceTimersByTime(REFRESH_DEBOUNCE_MS - 1);
    expect(refreshes).toEqual({ any: 1, mine: 0 });
    jest.advanceTimersByTime(1);
    expect(refreshes).toEqual({ any: 2, mine: 1 });

    push({ missed: true });
    jest.advanceTimersByTime(REFRESH_DEBOUNCE_MS);
    expect(refreshes).toEqual({ any: 3, mine: 2 });

    fixture.destroy();
    push({ ticketId: 12 });
    jest.advanceTimersByTime(REFRESH_DEBOUNCE_MS);
    expect(refreshes).toEqual({ any: 3, mine: 2 });
  });
});
