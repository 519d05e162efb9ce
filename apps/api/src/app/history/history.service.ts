import type { Actor, HistoryAction, HistoryEntry } from '@helpdesk/shared/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { toIsoTimestamp } from '../../database/db-time';
import { TicketAccessService } from '../tickets/ticket-access.service';
import { HistoryEntity } from './history.entity';

const VALUE_MAX_LENGTH = 300;

export interface HistoryRecord {
  ticketId: number;
  actorId: number;
  action: HistoryAction;
  from?: string | null;
  to?: string | null;
  at: Date;
}

function clip(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  return value.length > VALUE_MAX_LENGTH ? `${value.slice(0, VALUE_MAX_LENGTH - 1)}…` : value;
}

/** The audit trail: written only inside the transaction of the change it records. */
@Injectable()
export class HistoryService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tickets: TicketAccessService,
  ) {}

  async record(manager: EntityManager, ...records: HistoryRecord[]): Promise<void> {
    if (records.length === 0) return;
    await manager.insert(
      HistoryEntity,
      records.map((record) => ({ ...record, from: clip(record.from), to: clip(record.to) })),
    );
  }

  async listForTicket(actor: Actor, ticketId: number): Promise<HistoryEntry[]> {
    await this.tickets.findVisible(actor, ticketId);
    const rows = await this.dataSource
      .createQueryBuilder(HistoryEntity, 'h')
      .innerJoin('h.actor', 'actor')
      .select([
        'h.id AS id',
        'h.action AS action',
        'h.from_value AS "from"',
        'h.to_value AS "to"',
        'h.at AS at',
        'actor.id AS "actorId"',
        'actor.name AS "actorName"',
      ])
      .where('h.ticket_id = :ticketId', { ticketId })
      .orderBy('h.id', 'ASC')
      .getRawMany<{
        id: number;
        action: HistoryAction;
        from: string | null;
        to: string | null;
        at: Date | string;
        actorId: number;
        actorName: string;
      }>();
    return rows.map((row) => ({
      id: row.id,
      action: row.action,
      from: row.from,
      to: row.to,
      actor: { id: row.actorId, name: row.actorName },
      at: toIsoTimestamp(row.at),
    }));
  }
}
