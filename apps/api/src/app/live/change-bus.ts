import { Subject, type Observable } from 'rxjs';
import type { TicketChangedEvent } from '../ticket-core/ticket-events';

/**
 * Carries "ticket N changed" to every API instance. Only the id (and whether only staff may
 * hear of it) travels; each receiver decides who may hear of it.
 */
export abstract class ChangeBus {
  abstract publish(change: TicketChangedEvent): Promise<void>;
  abstract readonly changes: Observable<TicketChangedEvent>;
}

/** One process (SQLite): changes go straight to this instance's listeners. */
export class InProcessChangeBus extends ChangeBus {
  private readonly subject = new Subject<TicketChangedEvent>();
  readonly changes = this.subject.asObservable();

  async publish(change: TicketChangedEvent): Promise<void> {
    this.subject.next(change);
  }
}
