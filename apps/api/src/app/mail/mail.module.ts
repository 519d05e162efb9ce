import { Module } from '@nestjs/common';
import { AttachmentsModule } from '../attachments/attachments.module';
import { CommentsModule } from '../comments/comments.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { TicketCoreModule } from '../ticket-core/ticket-core.module';
import { TicketsModule } from '../tickets/tickets.module';
import { UsersModule } from '../users/users.module';
import { MailAttachments } from './mail-attachments';
import { MailController } from './mail.controller';
import { MailIntake } from './mail-intake';
import { MailPoller } from './mail-poller';
import { MailRepository } from './mail.repository';
import { MailService } from './mail.service';
import { MailTickets } from './mail-tickets';

/** The desk's mailbox: messages in as tickets and comments, and the admin's view of it. */
@Module({
  imports: [
    TicketCoreModule,
    TicketsModule,
    CommentsModule,
    AttachmentsModule,
    NotificationsModule,
    UsersModule,
  ],
  controllers: [MailController],
  providers: [MailService, MailRepository, MailIntake, MailTickets, MailAttachments, MailPoller],
})
export class MailModule {}
