import type { MailStatus, RejectedMail, RejectedMailPage } from '@helpdesk/shared/domain';
import { ApiProperty } from '@nestjs/swagger';

export class MailStatusDto implements MailStatus {
  @ApiProperty({ description: 'False when IMAP_URL is not set' }) configured!: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lastPollAt!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Null once a poll succeeds' })
  lastError!: string | null;
  @ApiProperty({ description: 'Messages that became a ticket or a comment' }) processed!: number;
  @ApiProperty({ description: 'Messages waiting in GET /api/mail/rejected' }) rejected!: number;
}

export class RejectedMailDto implements RejectedMail {
  @ApiProperty() id!: number;
  @ApiProperty() from!: string;
  @ApiProperty() subject!: string;
  @ApiProperty() reason!: string;
  @ApiProperty({ format: 'date-time' }) receivedAt!: string;
}

export class RejectedMailPageDto implements RejectedMailPage {
  @ApiProperty({ type: [RejectedMailDto] }) items!: RejectedMailDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}
