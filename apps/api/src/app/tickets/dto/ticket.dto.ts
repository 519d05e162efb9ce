import {
  PRIORITIES,
  SEARCH_TOTAL_CAP,
  TICKET_STATUSES,
  type PersonRef,
  type Priority,
  type Rating,
  type Ticket,
  type TicketPage,
  type TicketSla,
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

export class TicketSlaDto implements TicketSla {
  @ApiProperty({ format: 'date-time' }) firstResponseDueAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  firstRespondedAt!: string | null;
  @ApiProperty({ format: 'date-time' }) resolutionDueAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) resolvedAt!: string | null;
  @ApiProperty() firstResponseBreached!: boolean;
  @ApiProperty() resolutionBreached!: boolean;
}

export class TicketSummaryDto implements TicketSummary {
  @ApiProperty() id!: number;
  @ApiProperty() subject!: string;
  @ApiProperty({ enum: TICKET_STATUSES, enumName: 'TicketStatus' }) status!: TicketStatus;
  @ApiProperty({ enum: PRIORITIES, enumName: 'Priority' }) priority!: Priority;
  @ApiProperty({ type: PersonRefDto }) owner!: PersonRefDto;
  @ApiProperty({ type: PersonRefDto, nullable: true }) assignee!: PersonRefDto | null;
  @ApiProperty({ type: TicketSlaDto, nullable: true, description: 'null while SLA is off' })
  sla!: TicketSlaDto | null;
  @ApiProperty({ type: [String], description: 'Lower case, sorted' }) tags!: string[];
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
