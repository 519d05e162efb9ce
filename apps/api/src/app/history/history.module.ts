import { Module } from '@nestjs/common';
import { TicketCoreModule } from '../ticket-core/ticket-core.module';
import { HistoryController } from './history.controller';
import { HistoryService } from './history.service';

@Module({
  imports: [TicketCoreModule],
  controllers: [HistoryController],
  providers: [HistoryService],
})
export class HistoryModule {}
