import type { MailContent } from '../notifications/notification-messages';

export function passwordResetMail(email: string, link: string, validMinutes: number): MailContent {
  return {
    subject: '[Helpdesk] Reset your password',
    body: [
      `Someone, hopefully you, asked to reset the password of the Helpdesk account ${email}.`,
      '',
      `Choose a new password here (the link works once, within ${validMinutes} minutes):`,
      link,
      '',
      'If you did not ask for this, ignore this e-mail: your password stays as it is.',
    ].join('\n'),
  };
}
