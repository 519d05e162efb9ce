import { convertToParamMap } from '@angular/router';
import { ticketListQuery, viewQueryString } from './ticket-list-query';

describe('ticketListQuery', () => {
  it('reads tags as stored (lower case, once each) and drops what cannot be a tag', () => {
    const query = ticketListQuery(
      convertToParamMap({ tag: ['VPN', 'vpn', 'no/slash', 'printer'] }),
    );
    expect(query.tag).toEqual(['vpn', 'printer']);
  });

  it('knows when closed tickets were let into a working list', () => {
    expect(ticketListQuery(convertToParamMap({})).includeClosed).toBe(false);
    expect(ticketListQuery(convertToParamMap({ closed: 'shown' })).includeClosed).toBe(true);
  });
});

describe('viewQueryString', () => {
  it("writes a list's filters as the API reads them, without paging", () => {
    expect(
      viewQueryString({
        q: 'printer jam',
        status: ['open', 'in_progress'],
        priority: ['urgent'],
        assigneeId: 2,
        tag: ['vpn', 'office-2'],
        sort: '-priority',
        page: 3,
        pageSize: 50,
      }),
    ).toBe(
      'q=printer+jam&status=open&status=in_progress&priority=urgent&assigneeId=2&tag=vpn&tag=office-2&sort=-priority',
    );
  });
});
