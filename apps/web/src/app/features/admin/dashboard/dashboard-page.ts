import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatCard, MatCardContent } from '@angular/material/card';
import { Router } from '@angular/router';
import { TicketsApi } from '../../../core/api/tickets-api';
import { onTicketChanges } from '../../../core/live/live-updates';
import { CountTiles } from '../../../shared/count-tiles';
import { PRIORITY_LABELS, STATUS_LABELS } from '../../../shared/labels';
import { LoadState } from '../../../shared/load-state';
import { ActivityChart } from './activity-chart';

const ACTIVITY_DAYS = 30;

/** Counts by status and priority, and tickets opened vs resolved per day. */
@Component({
  selector: 'hd-dashboard-page',
  imports: [ActivityChart, CountTiles, LoadState, MatCard, MatCardContent],
  template: `
    <section class="hd-page">
      <h1>Dashboard</h1>
      <hd-load-state
        [loading]="stats.isLoading() && !stats.hasValue()"
        [error]="stats.error()"
        (retry)="stats.reload()"
      />
      @if (stats.hasValue()) {
        <h2>By status</h2>
        <hd-count-tiles
          label="Tickets by status"
          [counts]="stats.value().byStatus"
          [labels]="statusLabels"
          [clickable]="true"
          (picked)="openList('status', $event)"
        />
        <h2>By priority</h2>
        <hd-count-tiles
          label="Tickets by priority"
          [counts]="stats.value().byPriority"
          [labels]="priorityLabels"
          [clickable]="true"
          (picked)="openList('priority', $event)"
        />
      }
      <mat-card appearance="outlined">
        <mat-card-content>
          <h2>Opened vs resolved, last {{ days }} days</h2>
          <hd-load-state
            [loading]="activity.isLoading() && !activity.hasValue()"
            [error]="activity.error()"
            [empty]="activity.hasValue() && !activity.value().length"
            emptyText="No activity yet."
            (retry)="activity.reload()"
          />
          @if (activity.hasValue() && activity.value().length) {
            <hd-activity-chart [days]="activity.value()" />
          }
        </mat-card-content>
      </mat-card>
    </section>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DashboardPage {
  protected readonly days = ACTIVITY_DAYS;
  protected readonly statusLabels = STATUS_LABELS;
  protected readonly priorityLabels = PRIORITY_LABELS;
  private readonly api = inject(TicketsApi);
  protected readonly stats = this.api.stats();
  protected readonly activity = this.api.activity(ACTIVITY_DAYS);

  private readonly router = inject(Router);

  constructor() {
    onTicketChanges(() => {
      this.stats.reload();
      this.activity.reload();
    });
  }

  /** A tile opens the ticket list filtered by it. */
  protected openList(filter: 'status' | 'priority', value: string): void {
    void this.router.navigate(['/admin/tickets'], { queryParams: { [filter]: value } });
  }
}
