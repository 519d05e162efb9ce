import { Module } from '@nestjs/common';
import { TicketAccessService } from './ticket-access.service';

@Module({
  providers: [TicketAccessService],
  exports: [TicketAccessService],
})
export class TicketAccessModule {}
