import { chartLayout, niceMax } from './chart-layout';

function dates(count: number): string[] {
  return Array.from({ length: count }, (_, i) =>
    new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10),
  );
}

describe('chart layout', () => {
  it('rounds the axis up to 1, 2, 3 or 5 × 10ⁿ per step', () => {
    expect([0, 3, 5, 9, 13, 37, 380].map(niceMax)).toEqual([4, 4, 8, 12, 20, 40, 400]);
  });

  it('spaces date labels so they never overlap, even a year on a phone', () => {
    for (const [width, count] of [
      [296, 30],
      [296, 366],
      [1100, 30],
    ] as const) {
      const { labels } = chartLayout(width, dates(count), [
        { label: 'Created', tone: 'created', values: Array(count).fill(1) },
      ]);
      const gaps = labels.slice(1).map((label, i) => label.x - (labels[i]?.x ?? 0));
      expect(Math.min(...gaps)).toBeGreaterThanOrEqual(64);
      expect(labels[0]?.text).toBe('1 Jan');
    }
  });

  it('marks each day with a dot only while there is room for one', () => {
    const series = (count: number) => [
      { label: 'Backlog', tone: 'backlog' as const, values: Array(count).fill(2), area: true },
    ];
    expect(chartLayout(640, dates(30), series(30)).lines[0]?.dots).toHaveLength(30);
    expect(chartLayout(296, dates(90), series(90)).lines[0]?.dots).toHaveLength(0);
    expect(chartLayout(296, dates(90), series(90)).lines[0]?.area).toMatch(/Z$/);
  });
});
