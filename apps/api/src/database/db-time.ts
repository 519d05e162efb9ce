/**
 * Raw query rows carry timestamps as the driver returns them: a Date from PostgreSQL,
 * a `YYYY-MM-DD HH:MM:SS.SSS` UTC string from SQLite. Both become ISO-8601 UTC.
 */
export function toIsoTimestamp(value: Date | string): string {
  if (value instanceof Date) return value.toISOString();
  return new Date(value.includes('T') ? value : `${value.replace(' ', 'T')}Z`).toISOString();
}
