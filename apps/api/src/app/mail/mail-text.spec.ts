import { htmlToPlainText, writtenText } from './mail-text';

describe('what the sender wrote', () => {
  it('drops a Gmail reply header (wrapped over two lines) and the quoted history', () => {
    const text = [
      'Thanks, that fixed it.',
      '',
      'On Mon, Nov 24, 2026 at 10:02 AM Helpdesk <',
      'support@test.local> wrote:',
      '',
      '> Agent wrote on ticket #12:',
      '> Try restarting the printer.',
    ].join('\n');
    expect(writtenText(text)).toBe('Thanks, that fixed it.');
  });

  it('drops an Outlook "-----Original Message-----" block', () => {
    const text =
      'Still broken.\r\n\r\n-----Original Message-----\r\nFrom: Helpdesk\r\nSent: Monday\r\n\r\nold';
    expect(writtenText(text)).toBe('Still broken.');
  });

  it('drops an Outlook "From: … Sent: …" header block under a rule', () => {
    const text = [
      'It works now.',
      '',
      '________________________________',
      'From: Helpdesk <support@test.local>',
      'Sent: Monday, November 24, 2026 10:02',
      'To: Ann <ann@example.com>',
      'Subject: [Helpdesk] New comment on [#12] Printer',
      '',
      'Try restarting the printer.',
    ].join('\n');
    expect(writtenText(text)).toBe('It works now.');
  });

  it('drops Apple Mail\'s "On …, at …, … wrote:" and its quote', () => {
    const text = [
      'Will do.',
      '',
      'Sent from my iPad',
      '',
      '> On 24 Nov 2026, at 10:02, Helpdesk <support@test.local> wrote:',
      '> ',
      '> Try restarting the printer.',
    ].join('\n');
    expect(writtenText(text)).toBe('Will do.\n\nSent from my iPad');
    expect(writtenText('Ok.\n\nOn 24 Nov 2026, at 10:02, Helpdesk wrote:\n\n> old')).toBe('Ok.');
  });

  it('drops "> " lines between the answer\'s paragraphs (inline quoting)', () => {
    expect(writtenText('> Did you restart it?\nYes, twice.\n> And?\nNothing.')).toBe(
      'Yes, twice.\nNothing.',
    );
  });

  it('drops a signature after "-- "', () => {
    expect(writtenText('The VPN drops.\n\n-- \nAnn Example\nACME Corp')).toBe('The VPN drops.');
  });

  it('keeps a forwarded message whole, quotes and headers included', () => {
    const text = [
      'Please look at this one.',
      '-- ',
      'Bob',
      '',
      '---------- Forwarded message ---------',
      'From: Carol <carol@example.com>',
      'Date: Mon, Nov 24, 2026 at 9:00 AM',
      'Subject: Printer',
      '',
      'The printer on floor 3 is jammed.',
      '> earlier text',
    ].join('\n');
    expect(writtenText(text)).toBe(
      [
        'Please look at this one.',
        '---------- Forwarded message ---------',
        'From: Carol <carol@example.com>',
        'Date: Mon, Nov 24, 2026 at 9:00 AM',
        'Subject: Printer',
        '',
        'The printer on floor 3 is jammed.',
        '> earlier text',
      ].join('\n'),
    );
  });

  it('turns HTML into text without link targets, images or styles', () => {
    const html =
      '<html><head><style>p{color:red}</style></head><body><p>Hello <b>desk</b>,</p>' +
      '<p>see <a href="https://x.test/a">the report</a><img src="cid:1"></p></body></html>';
    expect(writtenText(htmlToPlainText(html))).toBe('Hello desk,\n\nsee the report');
  });
});
