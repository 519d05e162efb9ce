/** One line of a trend chart: a value per day. */
export interface ChartSeries {
  label: string;
  values: readonly number[];
  /** Picks the line's colour and dash in the chart's styles. */
  tone: 'created' | 'resolved' | 'backlog';
  /** Fill the area under the line. */
  area?: boolean;
}

export const CHART_HEIGHT = 200;
const PAD = { top: 12, right: 12, bottom: 28 };
/** Room each date label needs, so labels never overlap however narrow the screen. */
const LABEL_SPACING = 64;
/** Below this many pixels per day, dots would merge into the line. */
const DOT_SPACING = 10;

/** A round axis maximum (steps of 1, 2, 3 or 5 × 10ⁿ) with four steps above zero. */
export function niceMax(value: number): number {
  const rough = Math.max(1, value / 4);
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 3, 5, 10].map((m) => m * power).find((s) => s >= rough) ?? 10 * power;
  return step * 4;
}

const shortDate = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  timeZone: 'UTC',
});

/** "2026-11-24" → "24 Nov". */
export function dayLabel(date: string): string {
  return shortDate.format(Date.parse(`${date}T00:00:00Z`));
}

/**
 * Where everything of a trend chart goes at `width` pixels: axis ticks, date labels spaced to
 * fit, each series as an SVG path, and a hover band per day naming its values.
 */
export function chartLayout(width: number, dates: readonly string[], series: ChartSeries[]) {
  const max = niceMax(Math.max(0, ...series.flatMap((s) => s.values)));
  const left = 12 + 7 * String(max).length;
  const plotWidth = Math.max(1, width - left - PAD.right);
  const plotHeight = CHART_HEIGHT - PAD.top - PAD.bottom;
  const slot = plotWidth / Math.max(1, dates.length);
  const x = (i: number) => left + slot * (i + 0.5);
  const y = (value: number) => PAD.top + plotHeight - (value / max) * plotHeight;
  const baseline = y(0);
  const every = Math.max(1, Math.ceil(LABEL_SPACING / slot));
  return {
    width,
    height: CHART_HEIGHT,
    left,
    right: width - PAD.right,
    baseline,
    ticks: [0, 1, 2, 3, 4].map((i) => ({ value: (max / 4) * i, y: y((max / 4) * i) })),
    labels: dates.flatMap((date, i) =>
      i % every === 0 ? [{ x: x(i), text: dayLabel(date) }] : [],
    ),
    lines: series.map((s) => {
      const points = s.values.map((value, i) => ({ x: x(i), y: y(value) }));
      const line = points.map((p, i) => `${i ? 'L' : 'M'}${p.x.toFixed(1)},${p.y.toFixed(1)}`);
      const last = points.at(-1)?.x ?? left;
      return {
        tone: s.tone,
        line: line.join(' '),
        area: s.area
          ? `${line.join(' ')} L${last.toFixed(1)},${baseline} L${x(0).toFixed(1)},${baseline} Z`
          : null,
        dots: slot >= DOT_SPACING ? points : [],
      };
    }),
    days: dates.map((date, i) => ({
      date,
      x: left + slot * i,
      width: slot,
      title: `${dayLabel(date)}: ${series.map((s) => `${s.label} ${s.values[i] ?? 0}`).join(', ')}`,
    })),
  };
}
