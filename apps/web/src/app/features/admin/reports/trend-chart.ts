import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  ElementRef,
  inject,
  input,
  signal,
} from '@angular/core';
import { chartLayout, type ChartSeries } from './chart-layout';

/** The width drawn at before the element is measured (and in tests, which have no layout). */
const DEFAULT_WIDTH = 640;

/**
 * Values per day as lines, drawn in SVG at the element's own pixel width so the text stays
 * readable on a phone (a scaled-down viewBox would shrink it); each day names its values on hover.
 */
@Component({
  selector: 'hd-trend-chart',
  templateUrl: './trend-chart.html',
  styleUrl: './trend-chart.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TrendChart {
  readonly dates = input.required<readonly string[]>();
  readonly series = input.required<ChartSeries[]>();
  /** What the chart shows, for screen readers. */
  readonly label = input.required<string>();

  private readonly width = signal(DEFAULT_WIDTH);
  protected readonly chart = computed(() => chartLayout(this.width(), this.dates(), this.series()));

  constructor() {
    const host = inject<ElementRef<HTMLElement>>(ElementRef).nativeElement;
    const destroyRef = inject(DestroyRef);
    afterNextRender(() => {
      if (typeof ResizeObserver === 'undefined') return;
      const observer = new ResizeObserver(([entry]) => {
        const width = Math.floor(entry?.contentRect.width ?? 0);
        if (width > 0) this.width.set(width);
      });
      observer.observe(host);
      destroyRef.onDestroy(() => observer.disconnect());
    });
  }
}
