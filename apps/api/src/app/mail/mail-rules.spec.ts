import { loopReason, subjectTicketId } from './mail-rules';

const own = ['support@test.local'];
const headers = (entries: Record<string, string>) => new Map(Object.entries(entries));

describe('mail that must not be answered', () => {
  it('lets a person’s mail through', () => {
    expect(loopReason('ann@example.com', headers({ 'auto-submitted': 'no' }), own)).toBeNull();
  });

  it.each([
    [{ 'auto-submitted': 'auto-replied' }, /Auto-Submitted: auto-replied/],
    [{ 'auto-submitted': 'auto-generated' }, /Auto-Submitted/],
    [{ precedence: 'bulk' }, /Precedence: bulk/],
    [{ precedence: 'junk' }, /Precedence: junk/],
    [{ precedence: 'list' }, /Precedence: list/],
    [{ 'x-autoreply': 'yes' }, /X-Autoreply/],
  ])('refuses %o', (entries, reason) => {
    expect(loopReason('ann@example.com', headers(entries), own)).toMatch(reason);
  });

  it('refuses bounces and the desk itself', () => {
    expect(loopReason('MAILER-DAEMON@example.com', headers({}), own)).toMatch(/mail system/);
    expect(loopReason('postmaster@example.com', headers({}), own)).toMatch(/mail system/);
    expect(loopReason('support@test.local', headers({}), own)).toMatch(/own address/);
  });

  it('reads the ticket number of a subject', () => {
    expect(subjectTicketId('Re: [Helpdesk] New comment on [#12] Printer')).toBe(12);
    expect(subjectTicketId('Order #12')).toBeNull();
  });
});
