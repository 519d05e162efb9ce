import { Module } from '@nestjs/common';
import { SettingsModule } from '../settings/settings.module';
import { HistoryRepository } from './history.repository';
import { TicketAccessService } from './ticket-access.service';
import { TicketActivity } from './ticket-activity';
import { TicketCoreRepository } from './ticket-core.repository';

/** What every ticket feature builds on: the ticket row, who may see it, what happened to it. */
@Module({
  imports: [SettingsModule],
  providers: [TicketCoreRepository, HistoryRepository, TicketAccessService, TicketActivity],
  exports: [TicketCoreRepository, HistoryRepository, TicketAccessService, TicketActivity],
})
export class TicketCoreModule {}
