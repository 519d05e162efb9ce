import { MailerModule } from '@nestjs-modules/mailer';
import { Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { MailDelivery } from './mail-delivery';
import { MailThreading } from './mail-threading';
import { NotificationsListener } from './notifications.listener';
import { OutboxSender } from './outbox-sender';
import { OutboxRepository } from './outbox.repository';
import { UsersModule } from '../users/users.module';

@Module({
  imports: [
    UsersModule,
    MailerModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        // Without SMTP_URL nodemailer only renders the message; MailDelivery logs it.
        transport: config.smtpUrl ?? { jsonTransport: true },
        defaults: { from: config.mailFrom },
      }),
    }),
  ],
  providers: [NotificationsListener, MailDelivery, MailThreading, OutboxSender, OutboxRepository],
  exports: [OutboxSender, OutboxRepository, MailThreading],
})
export class NotificationsModule {}
