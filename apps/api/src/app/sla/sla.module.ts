import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module';
import { SettingsModule } from '../settings/settings.module';
import { TicketCoreModule } from '../ticket-core/ticket-core.module';
import { UsersModule } from '../users/users.module';
import { SlaListener } from './sla.listener';
import { SlaNoticesRepository } from './sla-notices.repository';
import { SlaWatcher } from './sla-watcher';

@Module({
  imports: [TicketCoreModule, SettingsModule, UsersModule, NotificationsModule],
  providers: [SlaListener, SlaWatcher, SlaNoticesRepository],
})
export class SlaModule {}
