import { MailerService } from '@nestjs-modules/mailer';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import type { MailHeaders } from './mail-threading';

export interface OutgoingMail {
  to: string;
  subject: string;
  body: string;
  headers?: MailHeaders | null;
}

/** Sends one e-mail: over SMTP when SMTP_URL is set, otherwise into the log. */
@Injectable()
export class MailDelivery {
  private readonly logger = new Logger('Mail');

  constructor(
    private readonly mailer: MailerService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async deliver(mail: OutgoingMail): Promise<void> {
    const headers = mail.headers;
    await this.mailer.sendMail({
      to: mail.to,
      subject: mail.subject,
      text: mail.body,
      ...(headers && {
        messageId: headers.messageId,
        inReplyTo: headers.inReplyTo,
        references: headers.references,
        replyTo: headers.replyTo,
        headers: headers.autoSubmitted ? { 'Auto-Submitted': headers.autoSubmitted } : {},
      }),
    });
    if (!this.config.smtpUrl) {
      this.logger.log(`To: ${mail.to}\nSubject: ${mail.subject}\n\n${mail.body}`);
    }
  }
}
