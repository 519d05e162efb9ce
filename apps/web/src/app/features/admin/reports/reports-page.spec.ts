import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatTableHarness } from '@angular/material/table/testing';
import { provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { DeskReport } from '@helpdesk/shared/domain';
import { Clock } from '../../../shared/clock';
import { BROWSER_TIME_ZONE } from './report-range';
import { ReportsPage } from './reports-page';

/** Tuesday 24 November 2026, 09:00 in Berlin. */
const NOW = Date.parse('2026-11-24T08:00:00Z');

const REPORT: DeskReport = {
  created: 12,
  resolved: 9,
  backlog: { open: 4, inProgress: 3 },
  firstResponse: { medianMinutes: 45, p90Minutes: 200, metPercent: 83.3 },
  resolution: { medianMinutes: null, p90Minutes: null, metPercent: null },
  csat: {
    average: 4.25,
    count: 4,
    distribution: { '1': 0, '2': 1, '3': 0, '4': 0, '5': 3 },
    satisfiedPercent: 75,
  },
  perAgent: [
    {
      agent: { id: 2, name: 'Ana Agent' },
      assigned: 7,
      resolved: 5,
      medianFirstResponseMinutes: 3 * 24 * 60 + 4 * 60,
      csatAverage: 4.5,
    },
    {
      agent: { id: 3, name: 'Ben Busy' },
      assigned: 1,
      resolved: 0,
      medianFirstResponseMinutes: null,
      csatAverage: null,
    },
  ],
  daily: [
    { date: '2026-11-23', created: 5, resolved: 2, backlog: 6 },
    { date: '2026-11-24', created: 7, resolved: 7, backlog: 7 },
  ],
};

describe('ReportsPage', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([{ path: 'admin/reports', component: ReportsPage }]),
        { provide: Clock, useValue: { now: signal(NOW) } },
        { provide: BROWSER_TIME_ZONE, useValue: 'Europe/Berlin' },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create();
  });

  afterEach(() => http.verify());

  async function open(url: string, report = REPORT): Promise<URLSearchParams> {
    await harness.navigateByUrl(url, ReportsPage);
    TestBed.tick();
    const request = http.expectOne((r) => r.url === '/api/reports');
    const params = new URLSearchParams(request.request.params.toString());
    request.flush(report);
    await harness.fixture.whenStable();
    return params;
  }

  /** The words of an element, a space between those of its parts. */
  function text(selector: string): string {
    const element = harness.routeNativeElement?.querySelector(selector);
    const all = element ? [element, ...element.querySelectorAll('*')] : [];
    const leaves = all.filter((e) => !e.children.length);
    return leaves
      .map((leaf) => leaf.textContent?.trim())
      .filter(Boolean)
      .join(' ');
  }

  /** Lets the form's debounce pass and the page navigate. */
  async function settle(): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, 500));
    TestBed.tick();
  }

  function csvLink(): URL {
    const link =
      harness.routeNativeElement?.querySelector<HTMLAnchorElement>('a[data-testid=csv-link]');
    return new URL(link?.getAttribute('href') ?? '', 'http://localhost');
  }

  it('covers the last 30 days in the browser’s time zone unless told otherwise', async () => {
    const params = await open('/admin/reports');
    expect(Object.fromEntries(params)).toEqual({
      from: '2026-10-26',
      to: '2026-11-24',
      tz: 'Europe/Berlin',
    });
  });

  it('links the CSV of the range and zone, for the browser to download', async () => {
    await open('/admin/reports?from=2026-03-01&to=2026-03-31&tz=America/New_York');
    const url = csvLink();
    expect(url.pathname).toBe('/api/reports/tickets.csv');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      from: '2026-03-01',
      to: '2026-03-31',
      tz: 'America/New_York',
    });
  });

  it('shows the figures as cards, minutes as people read them, nothing measured as "—"', async () => {
    await open('/admin/reports');
    expect(text('[data-testid=figure-Created]')).toContain('12');
    expect(text('[data-testid=figure-Backlog]')).toContain('7 4 open · 3 in progress');
    expect(text('[data-testid="figure-First response"]')).toBe(
      'First response 45 min median · p90 3 h 20 min 83% within target',
    );
    expect(text('[data-testid=figure-Resolution]')).toBe(
      'Resolution — median · p90 — — within target',
    );
    expect(text('[data-testid=figure-Satisfaction]')).toContain(
      '4.3 / 5 4 ratings 75% satisfied 5 ★ 3 4 ★ 0 3 ★ 0 2 ★ 1 1 ★ 0',
    );
  });

  it('lists the agents, a missing median or rating as "—"', async () => {
    await open('/admin/reports');
    const loader = TestbedHarnessEnvironment.loader(harness.fixture);
    const table = await loader.getHarness(MatTableHarness);
    expect(await table.getCellTextByIndex()).toEqual([
      ['Ana Agent', '7', '5', '3 d 4 h', '4.5'],
      ['Ben Busy', '1', '0', '—', '—'],
    ]);
  });

  it('draws both charts with a line per series and a label for screen readers', async () => {
    await open('/admin/reports');
    const charts = harness.routeNativeElement?.querySelectorAll('hd-trend-chart svg') ?? [];
    expect(charts).toHaveLength(2);
    expect(charts[0]?.getAttribute('aria-label')).toContain('12 tickets created and 9 resolved');
    expect(charts[0]?.querySelectorAll('path.line')).toHaveLength(2);
    expect(charts[1]?.querySelectorAll('path.area')).toHaveLength(1);
    expect(charts[0]?.querySelector('rect title')?.textContent).toBe(
      '23 Nov: Created 5, Resolved 2',
    );
  });

  it('puts a chosen range in the URL and asks for that report', async () => {
    await open('/admin/reports');
    const loader = TestbedHarnessEnvironment.loader(harness.fixture);
    const zone = await loader.getHarness(
      MatInputHarness.with({ selector: '[formControlName=tz]' }),
    );
    await zone.setValue('Asia/Tokyo');
    await settle();
    expect(TestBed.inject(Router).url).toBe(
      '/admin/reports?from=2026-10-26&to=2026-11-24&tz=Asia%2FTokyo',
    );
    const request = http.expectOne((r) => r.url === '/api/reports');
    expect(request.request.params.get('tz')).toBe('Asia/Tokyo');
    request.flush(REPORT);
    expect(csvLink().searchParams.get('tz')).toBe('Asia/Tokyo');
  });

  it('refuses an unknown time zone and sends nothing', async () => {
    await open('/admin/reports');
    const loader = TestbedHarnessEnvironment.loader(harness.fixture);
    const zone = await loader.getHarness(
      MatInputHarness.with({ selector: '[formControlName=tz]' }),
    );
    await zone.setValue('Mars/Olympus');
    await zone.blur();
    await settle();
    http.expectNone((r) => r.url === '/api/reports');
    expect(text('mat-error')).toBe('A time zone such as Europe/Berlin or +02:00.');
  });
});
