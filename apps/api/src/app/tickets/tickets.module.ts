import { Module } from '@nestjs/common';
import { TicketCoreModule } from '../ticket-core/ticket-core.module';
import { SettingsModule } from '../settings/settings.module';
import { UsersModule } from '../users/users.module';
import { TagsController } from './tags.controller';
import { TicketBulkService } from './ticket-bulk.service';
import { TicketOpeningService } from './ticket-opening.service';
import { TicketsController } from './tickets.controller';
import { TicketStatsRepository } from './ticket-stats.repository';
import { TicketsRepository } from './tickets.repository';
import { TicketsService } from './tickets.service';

@Module({
  imports: [TicketCoreModule, UsersModule, SettingsModule],
  controllers: [TicketsController, TagsController],
  providers: [
    TicketsService,
    TicketOpeningService,
    TicketBulkService,
    TicketsRepository,
    TicketStatsRepository,
  ],
  exports: [TicketsService, TicketOpeningService],
})
export class TicketsModule {}
