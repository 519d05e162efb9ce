import {
  COMMENT_MAX_LENGTH,
  ROLES,
  type AuthorRef,
  type Comment,
  type CreateCommentRequest,
  type Role,
} from '@helpdesk/shared/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsString, Length } from 'class-validator';
import { Omittable } from '../../../common/request-fields';

export class AuthorRefDto implements AuthorRef {
  @ApiProperty() id!: number;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ROLES, enumName: 'Role' }) role!: Role;
}

export class CommentDto implements Comment {
  @ApiProperty() id!: number;
  @ApiProperty() body!: string;
  @ApiProperty({ description: 'An internal note: agents and admins only' }) internal!: boolean;
  @ApiProperty({ type: AuthorRefDto }) author!: AuthorRefDto;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class CreateCommentDto implements CreateCommentRequest {
  @ApiProperty({ minLength: 1, maxLength: COMMENT_MAX_LENGTH })
  @IsString()
  @Length(1, COMMENT_MAX_LENGTH)
  body!: string;

  @ApiPropertyOptional({ description: 'An internal note (agents and admins only)', default: false })
  @Omittable()
  @IsBoolean()
  internal?: boolean;
}
