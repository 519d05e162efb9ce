import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  effect,
  inject,
} from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import {
  AbstractControl,
  NonNullableFormBuilder,
  ReactiveFormsModule,
  ValidationErrors,
  Validators,
} from '@angular/forms';
import { MatAnchor } from '@angular/material/button';
import { MatAutocomplete, MatAutocompleteTrigger } from '@angular/material/autocomplete';
import { MatCard, MatCardContent } from '@angular/material/card';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { MatOption } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import { ActivatedRoute, Router } from '@angular/router';
import { isValidTimeZone } from '@helpdesk/shared/domain';
import { debounceTime, map } from 'rxjs';
import { ReportsApi } from '../../../core/api/reports-api';
import { Clock } from '../../../shared/clock';
import { readableMinutes } from '../../../shared/duration';
import { LoadState } from '../../../shared/load-state';
import { dayLabel, type ChartSeries } from './chart-layout';
import { average, figureCards } from './report-figures';
import { BROWSER_TIME_ZONE, isIsoDate, reportQuery } from './report-range';
import { TrendChart } from './trend-chart';

const ZONE_SUGGESTIONS = 30;

function timeZone(control: AbstractControl<string>): ValidationErrors | null {
  return isValidTimeZone(control.value.trim()) ? null : { timeZone: true };
}

function isoDate(control: AbstractControl<string>): ValidationErrors | null {
  return isIsoDate(control.value) ? null : { date: true };
}

function ordered(group: AbstractControl): ValidationErrors | null {
  const { from, to } = group.value as { from: string; to: string };
  return from && to && from > to ? { order: true } : null;
}

/** The desk's figures over a date range in a time zone, with charts, agents and a CSV export. */
@Component({
  selector: 'hd-reports-page',
  imports: [
    LoadState,
    MatAnchor,
    MatAutocomplete,
    MatAutocompleteTrigger,
    MatCard,
    MatCardContent,
    MatError,
    MatFormField,
    MatHint,
    MatIcon,
    MatInput,
    MatLabel,
    MatOption,
    MatTableModule,
    ReactiveFormsModule,
    TrendChart,
  ],
  templateUrl: './reports-page.html',
  styleUrl: './reports-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReportsPage {
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly api = inject(ReportsApi);
  private readonly browserZone = inject(BROWSER_TIME_ZONE);
  private readonly clock = inject(Clock);

  /** The range the URL asks for; defaults fill in what it leaves out. */
  protected readonly query = toSignal(
    this.route.queryParamMap.pipe(
      map((params) => reportQuery(params, this.browserZone, this.clock.now())),
    ),
    { requireSync: true },
  );
  protected readonly report = this.api.report(this.query);
  protected readonly csvUrl = computed(() => this.api.csvUrl(this.query()));

  protected readonly form = inject(NonNullableFormBuilder).group(
    {
      from: ['', [Validators.required, isoDate]],
      to: ['', [Validators.required, isoDate]],
      tz: ['', [Validators.required, timeZone]],
    },
    { validators: ordered },
  );
  private readonly typedZone = toSignal(this.form.controls.tz.valueChanges, { initialValue: '' });
  private readonly zones = Intl.supportedValuesOf('timeZone');
  protected readonly zoneSuggestions = computed(() => {
    const typed = this.typedZone().trim().toLowerCase();
    return this.zones
      .filter((zone) => zone.toLowerCase().includes(typed))
      .slice(0, ZONE_SUGGESTIONS);
  });

  private readonly value = computed(() => (this.report.hasValue() ? this.report.value() : null));
  protected readonly cards = computed(() => {
    const report = this.value();
    return report ? figureCards(report) : [];
  });
  protected readonly dates = computed(() => this.value()?.daily.map((day) => day.date) ?? []);
  protected readonly flow = computed<ChartSeries[]>(() => {
    const daily = this.value()?.daily ?? [];
    return [
      { label: 'Created', tone: 'created', values: daily.map((day) => day.created) },
      { label: 'Resolved', tone: 'resolved', values: daily.map((day) => day.resolved) },
    ];
  });
  protected readonly backlog = computed<ChartSeries[]>(() => [
    {
      label: 'Backlog at the end of the day',
      tone: 'backlog',
      area: true,
      values: this.value()?.daily.map((day) => day.backlog) ?? [],
    },
  ]);
  protected readonly rangeText = computed(() => {
    const { from, to } = this.query();
    return `${dayLabel(from)} – ${dayLabel(to)}`;
  });
  protected readonly agentColumns = ['agent', 'assigned', 'resolved', 'firstResponse', 'csat'];
  protected readonly minutes = readableMinutes;
  protected readonly average = average;

  constructor() {
    effect(() => {
      const { from, to, tz } = this.query();
      const current = this.form.getRawValue();
      if (current.from !== from || current.to !== to || current.tz.trim() !== tz) {
        this.form.setValue({ from, to, tz: tz ?? '' }, { emitEvent: false });
      }
    });
    this.form.valueChanges
      .pipe(debounceTime(400), takeUntilDestroyed(inject(DestroyRef)))
      .subscribe(() => {
        if (this.form.invalid) return;
        const { from, to, tz } = this.form.getRawValue();
        void this.router.navigate([], {
          relativeTo: this.route,
          queryParams: { from, to, tz: tz.trim() },
          replaceUrl: true,
        });
      });
  }
}
