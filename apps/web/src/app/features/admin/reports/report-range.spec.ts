import { convertToParamMap } from '@angular/router';
import { defaultRange, isIsoDate, reportQuery, todayIn } from './report-range';

/** 23:30 UTC on 24 November 2026: already the 25th in Tokyo, still the 24th in New York. */
const NOW = Date.parse('2026-11-24T23:30:00Z');

describe('report range', () => {
  it('takes today in the chosen zone, offsets too', () => {
    expect(todayIn('Asia/Tokyo', NOW)).toBe('2026-11-25');
    expect(todayIn('America/New_York', NOW)).toBe('2026-11-24');
    expect(todayIn('+02:00', NOW)).toBe('2026-11-25');
    expect(todayIn('-05:30', NOW)).toBe('2026-11-24');
  });

  it('defaults to the last 30 days, today included', () => {
    expect(defaultRange('Asia/Tokyo', NOW)).toEqual({
      from: '2026-10-27',
      to: '2026-11-25',
      tz: 'Asia/Tokyo',
    });
  });

  it('keeps what the URL says and fills in the rest; a bad date or zone is ignored', () => {
    const params = convertToParamMap({ from: '2026-02-30', to: '2026-11-01', tz: 'Mars/Olympus' });
    expect(reportQuery(params, 'UTC', NOW)).toEqual({
      from: '2026-10-26',
      to: '2026-11-01',
      tz: 'UTC',
    });
    expect(isIsoDate('2028-02-29')).toBe(true);
  });
});
