/** The columns of the tickets CSV, in order. */
export const CSV_COLUMNS = [
  'id',
  'subject',
  'requester',
  'assignee',
  'priority',
  'status',
  'tags',
  'createdAt',
  'firstRespondedAt',
  'resolvedAt',
  'firstResponseMet',
  'resolutionMet',
  'stars',
] as const;

export type CsvRow = Record<(typeof CSV_COLUMNS)[number], string | number | boolean | null>;

/**
 * One RFC 4180 field. A text that a spreadsheet would run as a formula (starting with `=`,
 * `+`, `-` or `@`) gets a leading `'`; quotes, commas and line breaks are quoted.
 */
export function csvField(value: string | number | boolean | null): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(values: readonly (string | number | boolean | null)[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}
