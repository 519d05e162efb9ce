import { Body, Controller, HttpCode, Ip, Post } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiNoContentResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import { Public } from '../../common/decorators';
import { PasswordResetConfirmDto, PasswordResetRequestDto } from './dto/password-reset.dto';
import { PasswordResetService } from './password-reset.service';

@ApiTags('auth')
@Public()
@Controller('auth/password-reset')
export class PasswordResetController {
  constructor(private readonly reset: PasswordResetService) {}

  @Post()
  @HttpCode(202)
  @ApiAcceptedResponse({
    description: 'The same for every address: a link is mailed when an active account has it',
  })
  @ApiTooManyRequestsResponse({ description: '10 requests per address or client in 15 minutes' })
  request(@Body() dto: PasswordResetRequestDto, @Ip() ip: string): Promise<void> {
    return this.reset.request(dto.email, ip);
  }

  @Post('confirm')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'The password is set; every session of the account ends' })
  @ApiBadRequestResponse({ description: 'An unknown, used or expired token' })
  confirm(@Body() dto: PasswordResetConfirmDto): Promise<void> {
    return this.reset.confirm(dto.token, dto.password);
  }
}
