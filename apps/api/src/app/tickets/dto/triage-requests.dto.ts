import {
  BULK_MAX_TICKETS,
  type BulkChangeRequest,
  type BulkChangeResponse,
  type BulkChanges,
  PRIORITIES,
  type Priority,
  TAG_PATTERN,
  type TagCount,
  TAGS_MAX,
  TICKET_STATUSES,
  type TicketStatus,
} from '@helpdesk/shared/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsObject,
  IsString,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { IsId, Omittable } from '../../../common/request-fields';
import { lowerCaseTags, TAG_MESSAGE } from './ticket-requests.dto';

export class BulkChangesDto implements BulkChanges {
  @ApiPropertyOptional({ enum: TICKET_STATUSES, enumName: 'TicketStatus' })
  @Omittable()
  @IsIn(TICKET_STATUSES)
  status?: TicketStatus;

  @ApiPropertyOptional({ enum: PRIORITIES, enumName: 'Priority' })
  @Omittable()
  @IsIn(PRIORITIES)
  priority?: Priority;

  @ApiPropertyOptional({ description: 'An active agent' })
  @Omittable()
  @IsId()
  assigneeId?: number;

  @ApiPropertyOptional({ type: [String], maxItems: TAGS_MAX })
  @Omittable()
  @Transform(lowerCaseTags)
  @IsArray()
  @ArrayMaxSize(TAGS_MAX)
  @Matches(TAG_PATTERN, { each: true, message: TAG_MESSAGE })
  addTags?: string[];

  @ApiPropertyOptional({ type: [String], maxItems: TAGS_MAX })
  @Omittable()
  @Transform(lowerCaseTags)
  @IsArray()
  @ArrayMaxSize(TAGS_MAX)
  @Matches(TAG_PATTERN, { each: true, message: TAG_MESSAGE })
  removeTags?: string[];
}

export class BulkChangeDto implements BulkChangeRequest {
  @ApiProperty({ type: [Number], minItems: 1, maxItems: BULK_MAX_TICKETS })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(BULK_MAX_TICKETS)
  @ArrayUnique()
  @IsId({ each: true })
  ids!: number[];

  @ApiProperty({ type: BulkChangesDto })
  @IsObject()
  @ValidateNested()
  @Type(() => BulkChangesDto)
  changes!: BulkChangesDto;
}

export class BulkResultDto {
  @ApiProperty() id!: number;
  @ApiProperty() ok!: boolean;
  @ApiPropertyOptional({ description: 'When refused: 403, 404, 400 or 409 as for one ticket' })
  statusCode?: number;
  @ApiPropertyOptional() message?: string;
}

export class BulkChangeResponseDto implements BulkChangeResponse {
  @ApiProperty({ type: [BulkResultDto] }) results!: BulkChangeResponse['results'];
}

export class TagQueryDto {
  @ApiPropertyOptional({ description: 'The start of the tag names wanted' })
  @Omittable()
  @IsString()
  @MaxLength(32)
  q?: string;
}

export class TagCountDto implements TagCount {
  @ApiProperty() name!: string;
  @ApiProperty({ description: 'Tickets carrying the tag, desk-wide' }) count!: number;
}
