import { Module } from '@nestjs/common';
import { HistoryModule } from '../history/history.module';
import { UsersModule } from '../users/users.module';
import { TicketAccessModule } from './ticket-access.module';
import { TicketsController } from './tickets.controller';
import { TicketStatsRepository } from './ticket-stats.repository';
import { TicketsRepository } from './tickets.repository';
import { TicketsService } from './tickets.service';

@Module({
  imports: [TicketAccessModule, HistoryModule, UsersModule],
  controllers: [TicketsController],
  providers: [TicketsService, TicketsRepository, TicketStatsRepository],
})
export class TicketsModule {}
