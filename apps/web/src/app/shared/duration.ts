const HOUR = 60;
const DAY = 24 * HOUR;

/**
 * A number of minutes as people read it, in its two largest units: "45 min", "3 h 20 min",
 * "2 d 4 h"; "—" when there is nothing measured (`null`).
 */
export function readableMinutes(minutes: number | null): string {
  if (minutes === null || !Number.isFinite(minutes)) return '—';
  const whole = Math.max(0, Math.round(minutes));
  if (whole < HOUR) return `${whole} min`;
  if (whole < DAY) {
    const rest = whole % HOUR;
    return `${Math.floor(whole / HOUR)} h` + (rest ? ` ${rest} min` : '');
  }
  const hours = Math.floor((whole % DAY) / HOUR);
  return `${Math.floor(whole / DAY)} d` + (hours ? ` ${hours} h` : '');
}
