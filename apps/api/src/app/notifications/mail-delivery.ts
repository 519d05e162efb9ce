import { MailerService } from '@nestjs-modules/mailer';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';

export interface OutgoingMail {
  to: string;
  subject: string;
  body: string;
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
    await this.mailer.sendMail({ to: mail.to, subject: mail.subject, text: mail.body });
    if (!this.config.smtpUrl) {
      this.logger.log(`To: ${mail.to}\nSubject: ${mail.subject}\n\n${mail.body}`);
    }
  }
}
