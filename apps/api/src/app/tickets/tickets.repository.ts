import {
  type Priority,
  type Ticket,
  type TicketPage,
  type TicketScope,
  TicketSort,
  type TicketStatus,
  type TicketSummary,
  SEARCH_TOTAL_CAP,
} from '@helpdesk/shared/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type SelectQueryBuilder } from 'typeorm';
import { pageOffset } from '../../common/page-query.dto';
import { toIsoTimestamp } from '../../database/db-time';
import { engineOf } from '../../database/engine';
import type { TicketListQueryDto } from './dto/ticket-requests.dto';
import { TicketEntity } from '../ticket-core/ticket.entity';
import { scopedTickets } from '../ticket-core/ticket-scope';
import {
  ftsMatchExpression,
  type SearchFilters,
  searchWords,
  tsQueryExpression,
} from './ticket-search';

interface SummaryRow {
  id: number;
  subject: string;
  status: TicketStatus;
  priority: Priority;
  ownerId: number;
  ownerName: string;
  assigneeId: number | null;
  assigneeName: string | null;
  createdAt: Date | string;
  updatedAt: Date | string;
}

interface DetailRow extends SummaryRow {
  description: string;
  ratingStars: number | null;
  ratingFeedback: string | null;
}

const SUMMARY_COLUMNS = [
  't.id AS id',
  't.subject AS subject',
  't.status AS status',
  't.priority AS priority',
  't.owner_id AS "ownerId"',
  'owner.name AS "ownerName"',
  't.assignee_id AS "assigneeId"',
  'assignee.name AS "assigneeName"',
  't.created_at AS "createdAt"',
  't.updated_at AS "updatedAt"',
];

const SORT_ORDER: Record<TicketSort, [string, 'ASC' | 'DESC'][]> = {
  [TicketSort.UpdatedNewest]: [
    ['t.updated_at', 'DESC'],
    ['t.id', 'DESC'],
  ],
  [TicketSort.UpdatedOldest]: [
    ['t.updated_at', 'ASC'],
    ['t.id', 'ASC'],
  ],
  [TicketSort.CreatedNewest]: [
    ['t.created_at', 'DESC'],
    ['t.id', 'DESC'],
  ],
  [TicketSort.Priority]: [
    ['t.priority_rank', 'DESC'],
    ['t.updated_at', 'DESC'],
    ['t.id', 'DESC'],
  ],
};

/** The index that yields each sort's order, walked when a search matches many tickets. */
const SORT_INDEX: Record<TicketSort, string> = {
  [TicketSort.UpdatedNewest]: 'tickets_updated',
  [TicketSort.UpdatedOldest]: 'tickets_updated',
  [TicketSort.CreatedNewest]: 'tickets_created',
  [TicketSort.Priority]: 'tickets_priority_updated',
};

/** Every read of tickets; lists select only the columns they show, in one query. */
@Injectable()
export class TicketsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(scope: TicketScope, query: TicketListQueryDto): Promise<TicketPage> {
    const words = searchWords(query.q);
    if (words.length > 0 && engineOf(this.dataSource) === 'sqlite') {
      return this.searchSqlite(query, words, searchFilters(scope, query));
    }
    const filtered = this.filteredTickets(scope, query, words);
    const count =
      words.length > 0
        ? this.cappedCount(filtered)
        : filtered
            .clone()
            .select('COUNT(*)', 'count')
            .getRawOne<{ count: number | string }>()
            .then((row) => Number(row?.count ?? 0));
    const rows = filtered
      .clone()
      .innerJoin('users', 'owner', 'owner.id = t.owner_id')
      .leftJoin('users', 'assignee', 'assignee.id = t.assignee_id')
      .select(SUMMARY_COLUMNS)
      .offset(pageOffset(query))
      .limit(query.pageSize);
    for (const [column, direction] of SORT_ORDER[query.sort]) rows.addOrderBy(column, direction);
    const [items, matches] = await Promise.all([rows.getRawMany<SummaryRow>(), count]);
    return {
      items: items.map(toSummary),
      ...pageTotal(matches, words.length > 0),
      ...pageOf(query),
    };
  }

  /** Counting every match of a common word costs as much as reading them: stop past the cap. */
  private async cappedCount(filtered: SelectQueryBuilder<TicketEntity>): Promise<number> {
    const matches = filtered
      .clone()
      .select('1')
      .limit(SEARCH_TOTAL_CAP + 1);
    const row = await this.dataSource
      .createQueryBuilder()
      .select('COUNT(*)', 'count')
      .from(`(${matches.getQuery()})`, 'matches')
      .setParameters(matches.getParameters())
      .getRawOne<{ count: number | string }>();
    return Number(row?.count ?? 0);
  }

  async findDetail(id: number): Promise<Ticket | null> {
    const row = await this.dataSource
      .createQueryBuilder(TicketEntity, 't')
      .innerJoin('users', 'owner', 'owner.id = t.owner_id')
      .leftJoin('users', 'assignee', 'assignee.id = t.assignee_id')
      .select(SUMMARY_COLUMNS)
      .addSelect([
        't.description AS description',
        't.rating_stars AS "ratingStars"',
        't.rating_feedback AS "ratingFeedback"',
      ])
      .where('t.id = :id', { id })
      .getRawOne<DetailRow>();
    if (!row) return null;
    return {
      ...toSummary(row),
      description: row.description,
      rating:
        row.ratingStars === null ? null : { stars: row.ratingStars, feedback: row.ratingFeedback },
    };
  }

  /**
   * Every filter is a token of the FTS index, so the index alone counts the matches. With
   * many of them, walking the sort's index and keeping the matching rows reaches a page far
   * sooner than sorting every match (measured at 1M tickets: 10 ms instead of 100–280 ms).
   */
  private async searchSqlite(
    query: TicketListQueryDto,
    words: string[],
    filters: SearchFilters,
  ): Promise<TicketPage> {
    const match = ftsMatchExpression(words, filters);
    const [counted] = await this.dataSource.query<{ matches: number }[]>(
      `SELECT COUNT(*) AS matches FROM
        (SELECT 1 FROM tickets_fts WHERE tickets_fts MATCH ? LIMIT ${SEARCH_TOTAL_CAP + 1})`,
      [match],
    );
    const matches = counted?.matches ?? 0;
    const page = { items: [] as TicketSummary[], ...pageTotal(matches, true), ...pageOf(query) };
    if (matches === 0) return page;
    const from =
      matches > SEARCH_TOTAL_CAP ? `tickets t INDEXED BY ${SORT_INDEX[query.sort]}` : 'tickets t';
    const rows = await this.dataSource.query<SummaryRow[]>(
      `SELECT ${SUMMARY_COLUMNS.join(', ')} FROM ${from}
        JOIN users owner ON owner.id = t.owner_id
        LEFT JOIN users assignee ON assignee.id = t.assignee_id
        WHERE t.id IN (SELECT rowid FROM tickets_fts WHERE tickets_fts MATCH ?)
        ORDER BY ${SORT_ORDER[query.sort].map(([column, direction]) => `${column} ${direction}`).join(', ')}
        LIMIT ? OFFSET ?`,
      [match, query.pageSize, pageOffset(query)],
    );
    return { ...page, items: rows.map(toSummary) };
  }

  private filteredTickets(
    scope: TicketScope,
    query: TicketListQueryDto,
    words: string[],
  ): SelectQueryBuilder<TicketEntity> {
    const builder = scopedTickets(this.dataSource.manager, scope);
    if (query.status?.length)
      builder.andWhere('t.status IN (:...statuses)', { statuses: query.status });
    if (query.priority?.length) {
      builder.andWhere('t.priority IN (:...priorities)', { priorities: query.priority });
    }
    if (query.assigneeId === 'none') builder.andWhere('t.assignee_id IS NULL');
    else if (query.assigneeId !== undefined) {
      builder.andWhere('t.assignee_id = :assigneeId', { assigneeId: query.assigneeId });
    }
    if (words.length > 0) {
      builder.andWhere(`t.search_vector @@ to_tsquery('simple', :search)`, {
        search: tsQueryExpression(words, searchFilters(scope, query)),
      });
    }
    return builder;
  }
}

function pageTotal(matches: number, capped: boolean): Pick<TicketPage, 'total' | 'totalCapped'> {
  const totalCapped = capped && matches > SEARCH_TOTAL_CAP;
  return { total: totalCapped ? SEARCH_TOTAL_CAP : matches, totalCapped };
}

function pageOf(query: TicketListQueryDto): Pick<TicketPage, 'page' | 'pageSize'> {
  return { page: query.page, pageSize: query.pageSize };
}

function searchFilters(scope: TicketScope, query: TicketListQueryDto): SearchFilters {
  return {
    scope,
    statuses: query.status,
    priorities: query.priority,
    assigneeId: query.assigneeId,
  };
}

function toSummary(row: SummaryRow): TicketSummary {
  return {
    id: row.id,
    subject: row.subject,
    status: row.status,
    priority: row.priority,
    owner: { id: row.ownerId, name: row.ownerName },
    assignee: row.assigneeId === null ? null : { id: row.assigneeId, name: row.assigneeName ?? '' },
    createdAt: toIsoTimestamp(row.createdAt),
    updatedAt: toIsoTimestamp(row.updatedAt),
  };
}
