import {
  DESCRIPTION_MAX_LENGTH,
  EMAIL_MAX_LENGTH,
  FEEDBACK_MAX_LENGTH,
  NAME_MAX_LENGTH,
  PRIORITIES,
  SEARCH_MAX_LENGTH,
  SLA_FILTERS,
  type SlaFilter,
  STARS_MAX,
  STARS_MIN,
  SUBJECT_MAX_LENGTH,
  TAG_PATTERN,
  TAGS_MAX,
  TICKET_SORTS,
  TICKET_STATUSES,
  TicketSort,
  type AssignTicketRequest,
  type CreateTicketRequest,
  type Priority,
  type RateTicketRequest,
  type TicketListQuery,
  type TicketStatus,
  type UpdateTicketRequest,
} from '@helpdesk/shared/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsEmail,
  IsIn,
  IsInt,
  IsString,
  Length,
  Max,
  Matches,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { PageQueryDto } from '../../../common/page-query.dto';
import { IsId, Omittable, QueryInteger } from '../../../common/request-fields';

const asArray = ({ value }: { value: unknown }) =>
  value === undefined || Array.isArray(value) ? value : [value];
const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
/** Tags as typed (`VPN `) in their stored form; anything that is not text is left to fail. */
export const asTagList = ({ value }: { value: unknown }) =>
  (asArray({ value }) as unknown[] | undefined)?.map((item) =>
    typeof item === 'string' ? item.trim().toLowerCase() : item,
  ) ?? value;
/** The same in a JSON body, where a list must be sent as one (`"vpn"` alone is refused). */
export const lowerCaseTags = ({ value }: { value: unknown }) =>
  Array.isArray(value) ? asTagList({ value }) : value;
export const TAG_MESSAGE = 'each tag is 1 to 32 lower-case letters, digits, - or _';

export class TicketListQueryDto extends PageQueryDto implements TicketListQuery {
  @ApiPropertyOptional({ description: 'Words searched in subject and description' })
  @Omittable()
  @IsString()
  @MaxLength(SEARCH_MAX_LENGTH)
  q?: string;

  @ApiPropertyOptional({ enum: TICKET_STATUSES, enumName: 'TicketStatus', isArray: true })
  @Omittable()
  @Transform(asArray)
  @IsIn(TICKET_STATUSES, { each: true })
  status?: TicketStatus[];

  @ApiPropertyOptional({ enum: PRIORITIES, enumName: 'Priority', isArray: true })
  @Omittable()
  @Transform(asArray)
  @IsIn(PRIORITIES, { each: true })
  priority?: Priority[];

  @ApiPropertyOptional({
    description: 'An agent id, or `none` for unassigned tickets',
    oneOf: [
      { type: 'integer', minimum: 1 },
      { type: 'string', enum: ['none'] },
    ],
  })
  @Omittable()
  @Transform(({ value }) =>
    typeof value === 'string' && /^\d{1,10}$/.test(value) ? Number(value) : value,
  )
  @ValidateIf((query: TicketListQueryDto) => query.assigneeId !== 'none')
  @IsId({ message: 'assigneeId must be an agent id or "none"' })
  assigneeId?: number | 'none';

  @ApiPropertyOptional({ enum: TICKET_SORTS, default: TicketSort.UpdatedNewest })
  @Omittable()
  @IsIn(TICKET_SORTS)
  sort: TicketSort = TicketSort.UpdatedNewest;

  @ApiPropertyOptional({
    enum: SLA_FILTERS,
    enumName: 'SlaFilter',
    description: '`due_soon`: an unmet target due within 60 minutes; `breached`: one missed',
  })
  @Omittable()
  @IsIn(SLA_FILTERS)
  sla?: SlaFilter;

  @ApiPropertyOptional({ type: [String], description: 'Tickets carrying every one of these tags' })
  @Omittable()
  @Transform(asTagList)
  @ArrayMaxSize(TAGS_MAX)
  @Matches(TAG_PATTERN, { each: true, message: TAG_MESSAGE })
  tag?: string[];
}

export class CreateTicketDto implements CreateTicketRequest {
  @ApiProperty({ minLength: 1, maxLength: SUBJECT_MAX_LENGTH })
  @Transform(trim)
  @IsString()
  @Length(1, SUBJECT_MAX_LENGTH)
  subject!: string;

  @ApiProperty({ minLength: 1, maxLength: DESCRIPTION_MAX_LENGTH })
  @IsString()
  @Length(1, DESCRIPTION_MAX_LENGTH)
  description!: string;

  @ApiPropertyOptional({ enum: PRIORITIES, enumName: 'Priority', default: 'medium' })
  @Omittable()
  @IsIn(PRIORITIES)
  priority?: Priority;

  @ApiPropertyOptional({ description: 'Admins only: an active agent' })
  @Omittable()
  @IsId()
  assigneeId?: number;

  @ApiPropertyOptional({
    format: 'email',
    description:
      'Agents and admins: open the ticket for this person (an account is made if none exists)',
  })
  @Omittable()
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsEmail()
  @MaxLength(EMAIL_MAX_LENGTH)
  requesterEmail?: string;

  @ApiPropertyOptional({ description: 'The name for a requester who has no account yet' })
  @Omittable()
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @Length(1, NAME_MAX_LENGTH)
  requesterName?: string;
}

export class UpdateTicketDto implements UpdateTicketRequest {
  @ApiPropertyOptional({ enum: TICKET_STATUSES, enumName: 'TicketStatus' })
  @Omittable()
  @IsIn(TICKET_STATUSES)
  status?: TicketStatus;

  @ApiPropertyOptional({ enum: PRIORITIES, enumName: 'Priority' })
  @Omittable()
  @IsIn(PRIORITIES)
  priority?: Priority;

  @ApiPropertyOptional({ minLength: 1, maxLength: SUBJECT_MAX_LENGTH })
  @Omittable()
  @Transform(trim)
  @IsString()
  @Length(1, SUBJECT_MAX_LENGTH)
  subject?: string;

  @ApiPropertyOptional({ minLength: 1, maxLength: DESCRIPTION_MAX_LENGTH })
  @Omittable()
  @IsString()
  @Length(1, DESCRIPTION_MAX_LENGTH)
  description?: string;

  @ApiPropertyOptional({
    type: [String],
    maxItems: TAGS_MAX,
    description: 'The assigned agent or an admin; lower-cased, duplicates dropped',
  })
  @Omittable()
  @Transform(lowerCaseTags)
  @IsArray()
  @ArrayMaxSize(TAGS_MAX)
  @Matches(TAG_PATTERN, { each: true, message: TAG_MESSAGE })
  tags?: string[];
}

export class AssignTicketDto implements AssignTicketRequest {
  @ApiProperty({ description: 'An active agent' })
  @IsId()
  assigneeId!: number;
}

export class RateTicketDto implements RateTicketRequest {
  @ApiProperty({ minimum: STARS_MIN, maximum: STARS_MAX })
  @IsInt()
  @Min(STARS_MIN)
  @Max(STARS_MAX)
  stars!: number;

  @ApiPropertyOptional({ maxLength: FEEDBACK_MAX_LENGTH })
  @Omittable()
  @IsString()
  @MaxLength(FEEDBACK_MAX_LENGTH)
  feedback?: string;
}

export class ActivityQueryDto {
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 365, default: 30 })
  @Omittable()
  @QueryInteger()
  @IsInt()
  @Min(1)
  @Max(365)
  days = 30;
}
