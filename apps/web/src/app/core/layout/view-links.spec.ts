import { viewCountText } from './view-links';

describe('viewCountText', () => {
  it('reads a count as people write numbers', () => {
    expect(viewCountText({ count: 0, countCapped: false })).toBe('0');
    expect(viewCountText({ count: 1234, countCapped: false })).toBe('1,234');
  });

  it('says "1,000+" when more tickets match than the cap', () => {
    expect(viewCountText({ count: 1000, countCapped: true })).toBe('1,000+');
  });
});
