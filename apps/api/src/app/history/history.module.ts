import { Module } from '@nestjs/common';
import { TicketAccessModule } from '../tickets/ticket-access.module';
import { HistoryController } from './history.controller';
import { HistoryService } from './history.service';

@Module({
  imports: [TicketAccessModule],
  controllers: [HistoryController],
  providers: [HistoryService],
  exports: [HistoryService],
})
export class HistoryModule {}
