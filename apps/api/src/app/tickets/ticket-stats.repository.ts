import {
  type DailyTicketActivity,
  HistoryAction,
  type Priority,
  type TicketCounts,
  type TicketScope,
  TicketStatus,
  PRIORITIES,
  TICKET_STATUSES,
} from '@helpdesk/shared/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { toIsoTimestamp } from '../../database/db-time';
import { HistoryEntity } from '../ticket-core/history.entity';
import { TicketEntity } from '../ticket-core/ticket.entity';
import { scopedTickets } from '../ticket-core/ticket-scope';

/** The counts behind the queue header and the admin dashboard. */
@Injectable()
export class TicketStatsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async counts(scope: TicketScope): Promise<TicketCounts> {
    const rows = await scopedTickets(this.dataSource.manager, scope)
      .select(['t.status AS status', 't.priority AS priority', 'COUNT(*) AS count'])
      .groupBy('t.status')
      .addGroupBy('t.priority')
      .getRawMany<{ status: TicketStatus; priority: Priority; count: number | string }>();
    const byStatus = Object.fromEntries(TICKET_STATUSES.map((s) => [s, 0])) as Record<
      TicketStatus,
      number
    >;
    const byPriority = Object.fromEntries(PRIORITIES.map((p) => [p, 0])) as Record<
      Priority,
      number
    >;
    for (const row of rows) {
      byStatus[row.status] += Number(row.count);
      byPriority[row.priority] += Number(row.count);
    }
    return { byStatus, byPriority };
  }

  /** Tickets opened and resolved per UTC day over the last `days` days, oldest first. */
  async activity(days: number, now = new Date()): Promise<DailyTicketActivity[]> {
    const first = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
    first.setUTCDate(first.getUTCDate() - (days - 1));
    const [opened, resolved] = await Promise.all([
      this.dataSource
        .createQueryBuilder(TicketEntity, 't')
        .select('t.created_at', 'at')
        .where('t.created_at >= :first', { first })
        .getRawMany<{ at: Date | string }>(),
      this.dataSource
        .createQueryBuilder(HistoryEntity, 'h')
        .select('h.at', 'at')
        .where('h.action = :action AND h.to_value = :status AND h.at >= :first', {
          action: HistoryAction.StatusChanged,
          status: TicketStatus.Resolved,
          first,
        })
        .getRawMany<{ at: Date | string }>(),
    ]);
    const activity = Array.from({ length: days }, (_, index) => {
      const day = new Date(first);
      day.setUTCDate(first.getUTCDate() + index);
      return { day: day.toISOString().slice(0, 10), opened: 0, resolved: 0 };
    });
    const byDay = new Map(activity.map((entry) => [entry.day, entry]));
    for (const row of opened) {
      const entry = byDay.get(toIsoTimestamp(row.at).slice(0, 10));
      if (entry) entry.opened += 1;
    }
    for (const row of resolved) {
      const entry = byDay.get(toIsoTimestamp(row.at).slice(0, 10));
      if (entry) entry.resolved += 1;
    }
    return activity;
  }
}
