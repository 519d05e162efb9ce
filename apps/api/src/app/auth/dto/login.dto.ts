import { EMAIL_MAX_LENGTH, PASSWORD_MAX_LENGTH, type LoginRequest } from '@helpdesk/shared/domain';
import { ApiProperty } from '@nestjs/swagger';
import { SessionUserDto } from '../../users/dto/user.dto';

/** Documents the sign-in body; passport-local reads and checks it. */
export class LoginDto implements LoginRequest {
  @ApiProperty({ format: 'email', maxLength: EMAIL_MAX_LENGTH, example: 'user@example.com' })
  email!: string;

  @ApiProperty({ maxLength: PASSWORD_MAX_LENGTH, example: 'user123' })
  password!: string;
}

export class LoginResponseDto {
  @ApiProperty({ type: SessionUserDto }) user!: SessionUserDto;
}
