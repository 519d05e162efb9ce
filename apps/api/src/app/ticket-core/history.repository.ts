import type { HistoryAction, HistoryEntry } from '@helpdesk/shared/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { toIsoTimestamp } from '../../database/db-time';
import { HistoryEntity } from './history.entity';

const VALUE_MAX_LENGTH = 300;

export interface HistoryRow {
  ticketId: number;
  actorId: number | null;
  action: HistoryAction;
  from?: string | null;
  to?: string | null;
  internal: boolean;
  at: Date;
}

function clip(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  return value.length > VALUE_MAX_LENGTH ? `${value.slice(0, VALUE_MAX_LENGTH - 1)}…` : value;
}

/** The audit trail: appended to inside the transaction of the change it records, never edited. */
@Injectable()
export class HistoryRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async append(manager: EntityManager, rows: readonly HistoryRow[]): Promise<void> {
    if (rows.length === 0) return;
    await manager.insert(
      HistoryEntity,
      rows.map((row) => ({ ...row, from: clip(row.from), to: clip(row.to) })),
    );
  }

  /** Oldest first; the entries of internal notes only `withInternal`. */
  async listForTicket(ticketId: number, withInternal: boolean): Promise<HistoryEntry[]> {
    const query = this.dataSource
      .createQueryBuilder(HistoryEntity, 'h')
      .leftJoin('h.actor', 'actor')
      .select([
        'h.id AS id',
        'h.action AS action',
        'h.from_value AS "from"',
        'h.to_value AS "to"',
        'h.internal AS internal',
        'h.at AS at',
        'actor.id AS "actorId"',
        'actor.name AS "actorName"',
      ])
      .where('h.ticket_id = :ticketId', { ticketId })
      .orderBy('h.id', 'ASC');
    if (!withInternal) query.andWhere('h.internal = :internal', { internal: false });
    const rows = await query.getRawMany<{
      id: number;
      action: HistoryAction;
      from: string | null;
      to: string | null;
      internal: boolean | number;
      at: Date | string;
      actorId: number | null;
      actorName: string | null;
    }>();
    return rows.map((row) => ({
      id: row.id,
      action: row.action,
      from: row.from,
      to: row.to,
      internal: Boolean(row.internal),
      actor: row.actorId === null ? null : { id: row.actorId, name: row.actorName ?? '' },
      at: toIsoTimestamp(row.at),
    }));
  }
}
