import type { DeskReport, DurationFigures } from '@helpdesk/shared/domain';
import { Injectable } from '@nestjs/common';
import { Readable } from 'node:stream';
import { toIsoTimestamp } from '../../database/db-time';
import { Clock } from '../../common/clock';
import { reportRange } from './report-range';
import {
  FIRST_RESPONSE,
  percent,
  RESOLUTION,
  ReportsRepository,
  round,
  type CsvTicketRow,
  type Span,
} from './reports.repository';
import { CSV_COLUMNS, type CsvRow, csvLine } from './tickets-csv';
import type { ReportQueryDto } from './dto/report.dto';

const STARS = ['1', '2', '3', '4', '5'] as const;
const CSV_BATCH = 500;

@Injectable()
export class ReportsService {
  constructor(
    private readonly reports: ReportsRepository,
    private readonly clock: Clock,
  ) {}

  async report(query: ReportQueryDto): Promise<DeskReport> {
    const range = reportRange(query.from, query.to, query.tz);
    const span: Span = { start: range.start, end: range.end, now: this.clock.now() };
    const [counts, backlog, firstResponse, resolution, ratings, agents, perAgentFirst, daily] =
      await Promise.all([
        this.reports.counts(span),
        this.reports.backlog(),
        this.durations(span, FIRST_RESPONSE),
        this.durations(span, RESOLUTION),
        this.reports.ratings(span),
        this.reports.agents(span),
        this.reports.percentiles(span, FIRST_RESPONSE, true),
        this.reports.daily(range.days),
      ]);
    const rated = [...ratings.values()].reduce((sum, count) => sum + count, 0);
    const starSum = [...ratings.entries()].reduce((sum, [stars, count]) => sum + stars * count, 0);
    const satisfied = (ratings.get(4) ?? 0) + (ratings.get(5) ?? 0);
    let backlogAtDayEnd = daily.before;
    return {
      ...counts,
      backlog,
      firstResponse,
      resolution,
      csat: {
        average: rated === 0 ? null : round(starSum / rated),
        count: rated,
        distribution: Object.fromEntries(
          STARS.map((stars) => [stars, ratings.get(Number(stars)) ?? 0]),
        ) as DeskReport['csat']['distribution'],
        satisfiedPercent: rated === 0 ? null : percent(satisfied, rated),
      },
      perAgent: agents
        .filter((agent) => agent.assigned > 0 || agent.resolved > 0)
        .map((agent) => ({
          agent: { id: agent.id, name: agent.name },
          assigned: agent.assigned,
          resolved: agent.resolved,
          medianFirstResponseMinutes: perAgentFirst.get(agent.id)?.median ?? null,
          csatAverage: agent.csatAverage,
        })),
      daily: range.days.map((day) => {
        const counted = daily.perDay.get(day.date) ?? { created: 0, resolved: 0 };
        backlogAtDayEnd += counted.created - counted.resolved;
        return { date: day.date, ...counted, backlog: backlogAtDayEnd };
      }),
    };
  }

  /** The tickets created in the range, one CSV row each, read in batches as it is sent. */
  csv(query: ReportQueryDto): Readable {
    const range = reportRange(query.from, query.to, query.tz);
    const span: Span = { start: range.start, end: range.end, now: this.clock.now() };
    const reports = this.reports;
    async function* lines(): AsyncGenerator<string> {
      yield csvLine(CSV_COLUMNS);
      let afterId = 0;
      for (;;) {
        const rows = await reports.ticketsForCsv(span, afterId, CSV_BATCH);
        for (const row of rows) {
          const values = csvValues(row, span.now);
          yield csvLine(CSV_COLUMNS.map((column) => values[column]));
        }
        const last = rows.at(-1);
        if (!last || rows.length < CSV_BATCH) return;
        afterId = last.id;
      }
    }
    return Readable.from(lines());
  }

  private async durations(span: Span, clock: typeof FIRST_RESPONSE): Promise<DurationFigures> {
    const [percentiles, metPercent] = await Promise.all([
      this.reports.percentiles(span, clock, false),
      this.reports.metPercent(span, clock),
    ]);
    const overall = percentiles.get(null);
    return {
      medianMinutes: overall?.median ?? null,
      p90Minutes: overall?.p90 ?? null,
      metPercent,
    };
  }
}

function csvValues(row: CsvTicketRow, now: Date): CsvRow {
  const at = (value: Date | string | null) => (value === null ? null : toIsoTimestamp(value));
  const met = (done: Date | string | null, due: Date | string | null): boolean | null => {
    if (due === null) return null;
    const dueAt = new Date(toIsoTimestamp(due));
    if (done === null) return dueAt < now ? false : null;
    return new Date(toIsoTimestamp(done)) <= dueAt;
  };
  const tags: string[] = typeof row.tags === 'string' ? JSON.parse(row.tags || '[]') : row.tags;
  return {
    id: row.id,
    subject: row.subject,
    requester: row.requester,
    assignee: row.assignee,
    priority: row.priority,
    status: row.status,
    tags: tags.join(' '),
    createdAt: at(row.createdAt),
    firstRespondedAt: at(row.firstRespondedAt),
    resolvedAt: at(row.resolvedAt),
    firstResponseMet: met(row.firstRespondedAt, row.firstResponseDueAt),
    resolutionMet: met(row.resolvedAt, row.resolutionDueAt),
    stars: row.stars,
  };
}
