import { PRIORITIES, type Priority } from '@helpdesk/shared/domain';
import { PRIORITY_LABELS } from '../../../shared/labels';

const LABELS: Readonly<Record<string, string>> = {
  'assignment.mode': 'Assignment',
  'assignment.agentsSeeUnassigned': 'Agents see unassigned tickets',
  'sla.enabled': 'Track SLA targets',
  'sla.businessHours': 'Business hours',
  'sla.businessHours.timezone': 'Time zone',
  'sla.businessHours.days': 'Business days',
  'sla.businessHours.start': 'Opening time',
  'sla.businessHours.end': 'Closing time',
  'csat.reopenOnLowRating': 'Reopen on a low rating',
};

const TARGET = /^sla\.targets\.(\w+)\.(firstResponseMinutes|resolutionMinutes)$/;

function label(path: string): string | null {
  const known = LABELS[path];
  if (known) return known;
  const target = TARGET.exec(path);
  if (target && (PRIORITIES as readonly string[]).includes(target[1] ?? '')) {
    const kind = target[2] === 'firstResponseMinutes' ? 'first response' : 'resolution';
    return `${PRIORITY_LABELS[target[1] as Priority]}: ${kind}`;
  }
  return null;
}

/**
 * A message of the shared settings rules (the page's own check and the API's 400 alike) with the
 * setting named as the page names it: "sla.businessHours.end must be after start" reads
 * "Closing time must be after start".
 */
export function settingsMessage(message: string): string {
  const space = message.indexOf(' ');
  if (space < 0) return message;
  const named = label(message.slice(0, space));
  return named ? named + message.slice(space) : message;
}
