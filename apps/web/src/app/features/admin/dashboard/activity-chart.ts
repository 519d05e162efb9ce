import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { DailyTicketActivity } from '@helpdesk/shared/domain';

const WIDTH = 640;
const HEIGHT = 240;
const PAD = { top: 12, right: 8, bottom: 28, left: 32 };

/** A rounded-up axis maximum with about four steps. */
function niceMax(value: number): number {
  if (value <= 4) return 4;
  const step = Math.ceil(value / 4);
  return step * 4;
}

/** Tickets opened and resolved per day as grouped bars, drawn in SVG. */
@Component({
  selector: 'hd-activity-chart',
  templateUrl: './activity-chart.html',
  styleUrl: './activity-chart.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ActivityChart {
  readonly days = input.required<DailyTicketActivity[]>();

  protected readonly width = WIDTH;
  protected readonly height = HEIGHT;
  protected readonly pad = PAD;
  protected readonly chart = computed(() => {
    const days = this.days();
    const max = niceMax(Math.max(0, ...days.map((d) => Math.max(d.opened, d.resolved))));
    const plotWidth = WIDTH - PAD.left - PAD.right;
    const plotHeight = HEIGHT - PAD.top - PAD.bottom;
    const slot = plotWidth / days.length;
    const bar = Math.max(1, slot * 0.38);
    const y = (value: number) => PAD.top + plotHeight - (value / max) * plotHeight;
    const labelEvery = Math.max(1, Math.ceil(days.length / 6));
    return {
      ticks: [0, 1, 2, 3, 4].map((i) => ({ value: (max / 4) * i, y: y((max / 4) * i) })),
      bars: days.map((day, i) => {
        const x = PAD.left + i * slot + slot * 0.1;
        return {
          day: day.day,
          label: i % labelEvery === 0 ? day.day.slice(5) : null,
          center: PAD.left + i * slot + slot / 2,
          opened: {
            x,
            y: y(day.opened),
            height: y(0) - y(day.opened),
            width: bar,
            value: day.opened,
          },
          resolved: {
            x: x + bar,
            y: y(day.resolved),
            height: y(0) - y(day.resolved),
            width: bar,
            value: day.resolved,
          },
        };
      }),
      baseline: y(0),
      totalOpened: days.reduce((sum, d) => sum + d.opened, 0),
      totalResolved: days.reduce((sum, d) => sum + d.resolved, 0),
    };
  });
}
