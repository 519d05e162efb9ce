import { AttachmentEntity } from '../app/attachments/attachment.entity';
import { LoginFailureEntity } from '../app/auth/login-failure.entity';
import { SessionEntity } from '../app/sessions/session.entity';
import { CommentEntity } from '../app/comments/comment.entity';
import { HistoryEntity } from '../app/ticket-core/history.entity';
import { DeskSettingsEntity } from '../app/settings/desk-settings.entity';
import { SlaNoticeEntity } from '../app/sla/sla-notice.entity';
import { OutboxMessageEntity } from '../app/notifications/outbox-message.entity';
import { TicketEntity } from '../app/ticket-core/ticket.entity';
import { UserEntity } from '../app/users/user.entity';
import { CannedReplyEntity } from '../app/canned-replies/canned-reply.entity';
import { PasswordResetTokenEntity } from '../app/password-reset/password-reset-token.entity';
import { MailMessageEntity } from '../app/mail/mail-message.entity';
import { MailboxStateEntity } from '../app/mail/mailbox-state.entity';
import { SavedViewEntity } from '../app/views/saved-view.entity';

export const ENTITIES = [
  UserEntity,
  SessionEntity,
  LoginFailureEntity,
  TicketEntity,
  CommentEntity,
  HistoryEntity,
  AttachmentEntity,
  OutboxMessageEntity,
  DeskSettingsEntity,
  SlaNoticeEntity,
  CannedReplyEntity,
  PasswordResetTokenEntity,
  MailMessageEntity,
  MailboxStateEntity,
  SavedViewEntity,
];
