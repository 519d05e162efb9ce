import {
  canSeeInternalNotes,
  canViewTicket,
  type DeskAccess,
  type SessionUser,
  type TicketAccess,
} from '@helpdesk/shared/domain';
import { Injectable, type MessageEvent, type OnModuleDestroy } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import {
  concatMap,
  defer,
  filter,
  finalize,
  interval,
  map,
  merge,
  Observable,
  Subject,
  takeUntil,
} from 'rxjs';
import { SessionsService } from '../sessions/sessions.service';
import { TicketEvent, type TicketChangedEvent } from '../ticket-core/ticket-events';
import { TicketCoreRepository } from '../ticket-core/ticket-core.repository';
import { SettingsService } from '../settings/settings.service';
import { ChangeBus } from './change-bus';

interface VisibleChange {
  ticketId: number;
  staffOnly: boolean;
  access: TicketAccess;
  desk: DeskAccess;
}

const HEARTBEAT_MS = 25_000;

/**
 * Server-sent events: a browser hears "ticket N changed" for the tickets it may see, within
 * moments, whichever instance made the change. The stream ends when the session does.
 */
@Injectable()
export class LiveUpdatesService implements OnModuleDestroy {
  private readonly shutdown = new Subject<void>();
  /** Open streams on this instance; with none, changes are not looked up at all. */
  private listeners = 0;
  /** Each change is looked up once per instance, then filtered per listener. */
  private readonly visibleChanges: Observable<VisibleChange>;

  constructor(
    private readonly tickets: TicketCoreRepository,
    private readonly bus: ChangeBus,
    private readonly sessions: SessionsService,
    private readonly settings: SettingsService,
  ) {
    const shared = new Subject<VisibleChange>();
    this.bus.changes
      .pipe(
        filter(() => this.listeners > 0),
        concatMap(async (change) => ({
          ...change,
          access: await this.tickets.findAccess(change.ticketId),
          desk: await this.settings.access(),
        })),
        takeUntil(this.shutdown),
      )
      .subscribe(({ access, ...change }) => {
        if (access) shared.next({ ...change, access });
      });
    this.visibleChanges = shared.asObservable();
  }

  @OnEvent(TicketEvent.Changed)
  async onTicketChanged(event: TicketChangedEvent): Promise<void> {
    await this.bus.publish(event);
  }

  stream(user: SessionUser, sessionTokenHash: string): Observable<MessageEvent> {
    const sessionEnded = interval(HEARTBEAT_MS).pipe(
      concatMap(() => this.sessions.isLive(sessionTokenHash)),
      filter((live) => !live),
    );
    const changes = this.visibleChanges.pipe(
      filter(
        ({ access, desk, staffOnly }) =>
          canViewTicket(user, access, desk) && (!staffOnly || canSeeInternalNotes(user)),
      ),
      map(({ ticketId }): MessageEvent => ({ type: 'ticket-changed', data: { ticketId } })),
    );
    const heartbeats = interval(HEARTBEAT_MS).pipe(
      map((): MessageEvent => ({ type: 'heartbeat', data: {} })),
    );
    return defer(() => {
      this.listeners += 1;
      return merge(changes, heartbeats).pipe(
        takeUntil(merge(sessionEnded, this.shutdown)),
        finalize(() => (this.listeners -= 1)),
      );
    });
  }

  onModuleDestroy(): void {
    this.shutdown.next();
  }
}
