import { Logger, type OnModuleDestroy } from '@nestjs/common';
import { Client } from 'pg';
import { Subject } from 'rxjs';
import type { TicketChangedEvent } from '../ticket-core/ticket-events';
import { ChangeBus } from './change-bus';

const CHANNEL = 'helpdesk_ticket_changed';
const RECONNECT_MS = 2000;

/** Several instances on one PostgreSQL: changes fan out through LISTEN/NOTIFY. */
export class PostgresChangeBus extends ChangeBus implements OnModuleDestroy {
  private readonly logger = new Logger('ChangeBus');
  private readonly subject = new Subject<TicketChangedEvent>();
  readonly changes = this.subject.asObservable();
  private listener?: Client;
  private closed = false;

  constructor(private readonly url: string) {
    super();
  }

  async connect(): Promise<void> {
    const client = new Client({ connectionString: this.url });
    client.on('notification', (message) => {
      // `<id>` or `<id>:staff`
      const [id, audience] = (message.payload ?? '').split(':');
      const ticketId = Number(id);
      if (Number.isInteger(ticketId)) {
        this.subject.next({ ticketId, staffOnly: audience === 'staff' });
      }
    });
    client.on('error', (error) => {
      this.logger.warn(`Listener connection lost: ${error.message}`);
      this.reconnectLater();
    });
    await client.connect();
    await client.query(`LISTEN ${CHANNEL}`);
    this.listener = client;
  }

  async publish({ ticketId, staffOnly }: TicketChangedEvent): Promise<void> {
    const payload = staffOnly ? `${ticketId}:staff` : String(ticketId);
    await this.listener?.query('SELECT pg_notify($1, $2)', [CHANNEL, payload]);
  }

  async onModuleDestroy(): Promise<void> {
    this.closed = true;
    await this.listener?.end().catch(() => undefined);
  }

  private reconnectLater(): void {
    if (this.closed) return;
    void this.listener?.end().catch(() => undefined);
    this.listener = undefined;
    setTimeout(() => {
      if (!this.closed) this.connect().catch(() => this.reconnectLater());
    }, RECONNECT_MS).unref();
  }
}
