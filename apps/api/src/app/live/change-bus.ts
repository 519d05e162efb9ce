import { Subject, type Observable } from 'rxjs';

/**
 * Carries "ticket N changed" to every API instance. Only the id travels; each receiver
 * decides who may hear of it.
 */
export abstract class ChangeBus {
  abstract publish(ticketId: number): Promise<void>;
  abstract readonly changes: Observable<number>;
}

/** One process (SQLite): changes go straight to this instance's listeners. */
export class InProcessChangeBus extends ChangeBus {
  private readonly subject = new Subject<number>();
  readonly changes = this.subject.asObservable();

  async publish(ticketId: number): Promise<void> {
    this.subject.next(ticketId);
  }
}
