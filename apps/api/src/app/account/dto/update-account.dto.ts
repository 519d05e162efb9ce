import {
  NAME_MAX_LENGTH,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  ROLES,
  type AccountUser,
  type Role,
  type UpdateAccountRequest,
} from '@helpdesk/shared/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsString, Length, MaxLength } from 'class-validator';
import { Omittable } from '../../../common/request-fields';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class AccountUserDto implements AccountUser {
  @ApiProperty() id!: number;
  @ApiProperty() name!: string;
  @ApiProperty() email!: string;
  @ApiProperty({ enum: ROLES, enumName: 'Role' }) role!: Role;
  @ApiPropertyOptional({ description: 'Agents only: whether automatic assignment may pick them' })
  available?: boolean;
}

export class UpdateAccountDto implements UpdateAccountRequest {
  @ApiPropertyOptional({ maxLength: NAME_MAX_LENGTH })
  @Omittable()
  @Transform(trim)
  @IsString()
  @Length(1, NAME_MAX_LENGTH)
  name?: string;

  @ApiPropertyOptional({ description: 'Agents only (400 from others)' })
  @Omittable()
  @IsBoolean()
  available?: boolean;

  @ApiPropertyOptional({ maxLength: PASSWORD_MAX_LENGTH, description: 'Needed with `password`' })
  @Omittable()
  @IsString()
  @MaxLength(PASSWORD_MAX_LENGTH)
  currentPassword?: string;

  @ApiPropertyOptional({
    minLength: PASSWORD_MIN_LENGTH,
    maxLength: PASSWORD_MAX_LENGTH,
    description: "The new password; ends the caller's other sessions",
  })
  @Omittable()
  @IsString()
  @Length(PASSWORD_MIN_LENGTH, PASSWORD_MAX_LENGTH)
  password?: string;
}
