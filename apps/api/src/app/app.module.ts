import { type DynamicModule, Module } from '@nestjs/common';
import { EventEmitterModule } from '@nestjs/event-emitter';
import type { AppConfig } from '../config/app-config';
import { ConfigModule } from '../config/config.module';
import { DatabaseModule } from '../database/database.module';
import { DemoDataSeeder } from '../database/demo-data-seeder';
import { ClockModule } from '../common/clock';
import { AccountModule } from './account/account.module';
import { AttachmentsModule } from './attachments/attachments.module';
import { AuthModule } from './auth/auth.module';
import { CannedRepliesModule } from './canned-replies/canned-replies.module';
import { CommentsModule } from './comments/comments.module';
import { HealthModule } from './health/health.module';
import { HistoryModule } from './history/history.module';
import { LiveUpdatesModule } from './live/live-updates.module';
import { MailModule } from './mail/mail.module';
import { NotificationsModule } from './notifications/notifications.module';
import { PasswordResetModule } from './password-reset/password-reset.module';
import { SettingsModule } from './settings/settings.module';
import { ReportsModule } from './reports/reports.module';
import { SlaModule } from './sla/sla.module';
import { TicketsModule } from './tickets/tickets.module';
import { UsersModule } from './users/users.module';
import { ViewsModule } from './views/views.module';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule,
        ClockModule,
        EventEmitterModule.forRoot({ ignoreErrors: false }),
        AuthModule,
        SettingsModule,
        SlaModule,
        ReportsModule,
        UsersModule,
        TicketsModule,
        ViewsModule,
        CommentsModule,
        AttachmentsModule,
        HistoryModule,
        NotificationsModule,
        LiveUpdatesModule,
        HealthModule,
        AccountModule,
        PasswordResetModule,
        CannedRepliesModule,
        MailModule,
      ],
      providers: [DemoDataSeeder],
    };
  }
}
