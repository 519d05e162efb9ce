import {
  DESCRIPTION_MAX_LENGTH,
  FEEDBACK_MAX_LENGTH,
  PRIORITIES,
  SEARCH_MAX_LENGTH,
  STARS_MAX,
  STARS_MIN,
  SUBJECT_MAX_LENGTH,
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
  IsIn,
  IsInt,
  IsPositive,
  IsString,
  Length,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { PageQueryDto } from '../../../common/page-query.dto';
import { Omittable, QueryInteger } from '../../../common/request-fields';

const asArray = ({ value }: { value: unknown }) =>
  value === undefined || Array.isArray(value) ? value : [value];
const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

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
    oneOf: [{ type: 'integer', minimum: 1 }, { type: 'string', enum: ['none'] }],
  })
  @Omittable()
  @Transform(({ value }) =>
    typeof value === 'string' && /^\d{1,10}$/.test(value) ? Number(value) : value,
  )
  @ValidateIf((query: TicketListQueryDto) => query.assigneeId !== 'none')
  @IsInt({ message: 'assigneeId must be an agent id or "none"' })
  @IsPositive({ message: 'assigneeId must be an agent id or "none"' })
  assigneeId?: number | 'none';

  @ApiPropertyOptional({ enum: TICKET_SORTS, default: TicketSort.UpdatedNewest })
  @Omittable()
  @IsIn(TICKET_SORTS)
  sort: TicketSort = TicketSort.UpdatedNewest;
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
  @IsInt()
  @IsPositive()
  assigneeId?: number;
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
}

export class AssignTicketDto implements AssignTicketRequest {
  @ApiProperty({ description: 'An active agent' })
  @IsInt()
  @IsPositive()
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
