import { readableMinutes } from './duration';

describe('readableMinutes', () => {
  it.each([
    [0, '0 min'],
    [45, '45 min'],
    [44.6, '45 min'],
    [60, '1 h'],
    [200, '3 h 20 min'],
    [24 * 60, '1 d'],
    [2 * 24 * 60 + 4 * 60 + 59, '2 d 4 h'],
  ])('%p minutes read "%s"', (minutes, text) => {
    expect(readableMinutes(minutes)).toBe(text);
  });

  it('shows nothing measured as "—"', () => {
    expect(readableMinutes(null)).toBe('—');
  });
});
