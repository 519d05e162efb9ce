import {
  PRIORITIES,
  SEARCH_TOTAL_CAP,
  TICKET_STATUSES,
  type PersonRef,
  type Priority,
  type Rating,
  type Ticket,
  type TicketPage,
  type TicketStatus,
  type TicketSummary,
} from '@helpdesk/shared/domain';
import { ApiProperty } from '@nestjs/swagger';

export class PersonRefDto implements PersonRef {
  @ApiProperty() id!: number;
  @ApiProperty() name!: string;
}

export class RatingDto implements Rating {
  @ApiProperty({ minimum: 1, maximum: 5 }) stars!: number;
  @ApiProperty({ type: String, nullable: true }) feedback!: string | null;
}

export class TicketSummaryDto implements TicketSummary {
  @ApiProperty() id!: number;
  @ApiProperty() subject!: string;
  @ApiProperty({ enum: TICKET_STATUSES, enumName: 'TicketStatus' }) status!: TicketStatus;
  @ApiProperty({ enum: PRIORITIES, enumName: 'Priority' }) priority!: Priority;
  @ApiProperty({ type: PersonRefDto }) owner!: PersonRefDto;
  @ApiProperty({ type: PersonRefDto, nullable: true }) assignee!: PersonRefDto | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class TicketDto extends TicketSummaryDto implements Ticket {
  @ApiProperty() description!: string;
  @ApiProperty({ type: RatingDto, nullable: true }) rating!: RatingDto | null;
}

export class TicketPageDto implements TicketPage {
  @ApiProperty({ type: [TicketSummaryDto] }) items!: TicketSummaryDto[];
  @ApiProperty({ description: `Exact, except for searches past ${SEARCH_TOTAL_CAP} matches` })
  total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
  @ApiProperty({ description: `A search matched more than ${SEARCH_TOTAL_CAP}: total is the cap` })
  totalCapped!: boolean;
}
