import {
  EMAIL_MAX_LENGTH,
  NAME_MAX_LENGTH,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  ROLES,
  Role,
  type Agent,
  type CreateUserRequest,
  type SessionUser,
  type UpdateUserRequest,
  type User,
  type UserListQuery,
} from '@helpdesk/shared/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEmail, IsIn, IsString, Length, MaxLength } from 'class-validator';
import { PageQueryDto } from '../../../common/page-query.dto';
import { Omittable } from '../../../common/request-fields';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class UserDto implements User {
  @ApiProperty() id!: number;
  @ApiProperty() name!: string;
  @ApiProperty() email!: string;
  @ApiProperty({ enum: ROLES, enumName: 'Role' }) role!: Role;
  @ApiProperty() active!: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class SessionUserDto implements SessionUser {
  @ApiProperty() id!: number;
  @ApiProperty() name!: string;
  @ApiProperty() email!: string;
  @ApiProperty({ enum: ROLES, enumName: 'Role' }) role!: Role;
}

export class AgentDto implements Agent {
  @ApiProperty() id!: number;
  @ApiProperty() name!: string;
  @ApiProperty({ description: 'Away agents are skipped by automatic assignment' })
  available!: boolean;
  @ApiProperty({ description: 'Assigned tickets that are open or in progress' })
  openCount!: number;
}

export class UserPageDto {
  @ApiProperty({ type: [UserDto] }) items!: UserDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export class UserListQueryDto extends PageQueryDto implements UserListQuery {
  @ApiPropertyOptional({ description: 'Part of a name or e-mail address' })
  @Omittable()
  @IsString()
  @MaxLength(NAME_MAX_LENGTH)
  q?: string;

  @ApiPropertyOptional({ enum: ROLES, enumName: 'Role' })
  @Omittable()
  @IsIn(ROLES)
  role?: Role;
}

export class CreateUserDto implements CreateUserRequest {
  @ApiProperty({ maxLength: NAME_MAX_LENGTH })
  @Transform(trim)
  @IsString()
  @Length(1, NAME_MAX_LENGTH)
  name!: string;

  @ApiProperty({ format: 'email' })
  @Transform(trim)
  @IsEmail()
  @MaxLength(EMAIL_MAX_LENGTH)
  email!: string;

  @ApiProperty({ minLength: PASSWORD_MIN_LENGTH, maxLength: PASSWORD_MAX_LENGTH })
  @IsString()
  @Length(PASSWORD_MIN_LENGTH, PASSWORD_MAX_LENGTH)
  password!: string;

  @ApiProperty({ enum: ROLES, enumName: 'Role' })
  @IsIn(ROLES)
  role!: Role;
}

export class UpdateUserDto implements UpdateUserRequest {
  @ApiPropertyOptional({ maxLength: NAME_MAX_LENGTH })
  @Omittable()
  @Transform(trim)
  @IsString()
  @Length(1, NAME_MAX_LENGTH)
  name?: string;

  @ApiPropertyOptional({ enum: ROLES, enumName: 'Role' })
  @Omittable()
  @IsIn(ROLES)
  role?: Role;

  @ApiPropertyOptional({ minLength: PASSWORD_MIN_LENGTH, maxLength: PASSWORD_MAX_LENGTH })
  @Omittable()
  @IsString()
  @Length(PASSWORD_MIN_LENGTH, PASSWORD_MAX_LENGTH)
  password?: string;

  @ApiPropertyOptional()
  @Omittable()
  @IsBoolean()
  active?: boolean;
}
