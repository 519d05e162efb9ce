import {
  CANNED_REPLY_BODY_MAX_LENGTH,
  CANNED_REPLY_TITLE_MAX_LENGTH,
  SEARCH_MAX_LENGTH,
  type CannedReply,
  type CannedReplyListQuery,
  type CreateCannedReplyRequest,
  type PersonRef,
  type UpdateCannedReplyRequest,
} from '@helpdesk/shared/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsString, Length, Matches, MaxLength } from 'class-validator';
import { Omittable } from '../../../common/request-fields';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const NOT_BLANK = /\S/;

export class CannedReplyAuthorDto implements PersonRef {
  @ApiProperty() id!: number;
  @ApiProperty() name!: string;
}

export class CannedReplyDto implements CannedReply {
  @ApiProperty() id!: number;
  @ApiProperty() title!: string;
  @ApiProperty({
    description:
      'May hold {{requester.name}}, {{requester.firstName}}, {{ticket.id}}, {{ticket.subject}} and {{agent.name}}, filled when inserted',
  })
  body!: string;
  @ApiProperty({ type: CannedReplyAuthorDto }) createdBy!: CannedReplyAuthorDto;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class CannedReplyListQueryDto implements CannedReplyListQuery {
  @ApiPropertyOptional({ description: 'Part of the title or body, any letter case' })
  @Omittable()
  @Transform(trim)
  @IsString()
  @MaxLength(SEARCH_MAX_LENGTH)
  q?: string;
}

export class CreateCannedReplyDto implements CreateCannedReplyRequest {
  @ApiProperty({ minLength: 1, maxLength: CANNED_REPLY_TITLE_MAX_LENGTH })
  @Transform(trim)
  @IsString()
  @Length(1, CANNED_REPLY_TITLE_MAX_LENGTH)
  title!: string;

  @ApiProperty({ minLength: 1, maxLength: CANNED_REPLY_BODY_MAX_LENGTH })
  @IsString()
  @Length(1, CANNED_REPLY_BODY_MAX_LENGTH)
  @Matches(NOT_BLANK, { message: 'body must not be blank' })
  body!: string;
}

export class UpdateCannedReplyDto implements UpdateCannedReplyRequest {
  @ApiPropertyOptional({ minLength: 1, maxLength: CANNED_REPLY_TITLE_MAX_LENGTH })
  @Omittable()
  @Transform(trim)
  @IsString()
  @Length(1, CANNED_REPLY_TITLE_MAX_LENGTH)
  title?: string;

  @ApiPropertyOptional({ minLength: 1, maxLength: CANNED_REPLY_BODY_MAX_LENGTH })
  @Omittable()
  @IsString()
  @Length(1, CANNED_REPLY_BODY_MAX_LENGTH)
  @Matches(NOT_BLANK, { message: 'body must not be blank' })
  body?: string;
}
