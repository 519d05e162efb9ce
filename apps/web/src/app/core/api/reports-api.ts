import { HttpParams, httpResource, type HttpResourceRef } from '@angular/common/http';
import { Injectable } from '@angular/core';
import type { DeskReport, ReportQuery } from '@helpdesk/shared/domain';

function reportParams(query: ReportQuery): Record<string, string> {
  return { from: query.from, to: query.to, ...(query.tz ? { tz: query.tz } : {}) };
}

/** The report URLs of the API (admins): the figures of a date range, and its tickets as CSV. */
@Injectable({ providedIn: 'root' })
export class ReportsApi {
  /** The desk's figures over the range; nothing is fetched while `query` gives `null`. */
  report(query: () => ReportQuery | null): HttpResourceRef<DeskReport | undefined> {
    return httpResource<DeskReport>(() => {
      const current = query();
      return current ? { url: '/api/reports', params: reportParams(current) } : undefined;
    });
  }

  /** Where the browser downloads (streams) the range's tickets as CSV: a plain link, no fetch. */
  csvUrl(query: ReportQuery): string {
    return `/api/reports/tickets.csv?${new HttpParams({ fromObject: reportParams(query) })}`;
  }
}
