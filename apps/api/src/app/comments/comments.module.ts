import { Module } from '@nestjs/common';
import { HistoryModule } from '../history/history.module';
import { TicketAccessModule } from '../tickets/ticket-access.module';
import { CommentsController } from './comments.controller';
import { CommentsService } from './comments.service';

@Module({
  imports: [TicketAccessModule, HistoryModule],
  controllers: [CommentsController],
  providers: [CommentsService],
})
export class CommentsModule {}
