import type { DeskReport, DurationFigures } from '@helpdesk/shared/domain';
import { readableMinutes } from '../../../shared/duration';

/** One card of the report: a headline figure and the lines under it. */
export interface FigureCard {
  title: string;
  value: string;
  details: string[];
  /** The 1–5 star distribution, on the satisfaction card. */
  stars?: StarsBar[];
}

export interface StarsBar {
  stars: number;
  count: number;
  /** Share of the ratings, 0–100, for the bar's length. */
  share: number;
}

const NONE = '—';

export function percent(value: number | null): string {
  return value === null ? NONE : `${Math.round(value)}%`;
}

export function average(value: number | null): string {
  return value === null ? NONE : value.toFixed(1);
}

function durationCard(title: string, figures: DurationFigures): FigureCard {
  return {
    title,
    value: readableMinutes(figures.medianMinutes),
    details: [
      `median · p90 ${readableMinutes(figures.p90Minutes)}`,
      `${percent(figures.metPercent)} within target`,
    ],
  };
}

/** The 1–5 star distribution, 5 stars first, as people read a rating summary. */
function starsBars(report: DeskReport): StarsBar[] {
  const { count, distribution } = report.csat;
  return (['5', '4', '3', '2', '1'] as const).map((stars) => ({
    stars: Number(stars),
    count: distribution[stars],
    share: count ? (100 * distribution[stars]) / count : 0,
  }));
}

/** The report's headline figures as cards; nothing measured reads "—". */
export function figureCards(report: DeskReport): FigureCard[] {
  const { backlog, csat } = report;
  return [
    { title: 'Created', value: String(report.created), details: ['tickets opened'] },
    { title: 'Resolved', value: String(report.resolved), details: ['tickets resolved'] },
    {
      title: 'Backlog',
      value: String(backlog.open + backlog.inProgress),
      details: [`${backlog.open} open · ${backlog.inProgress} in progress`],
    },
    durationCard('First response', report.firstResponse),
    durationCard('Resolution', report.resolution),
    {
      title: 'Satisfaction',
      value: csat.average === null ? NONE : `${average(csat.average)} / 5`,
      details: [
        `${csat.count} ${csat.count === 1 ? 'rating' : 'ratings'}`,
        `${percent(csat.satisfiedPercent)} satisfied`,
      ],
      stars: starsBars(report),
    },
  ];
}
