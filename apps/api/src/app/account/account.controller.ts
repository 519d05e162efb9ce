import { Body, Controller, Patch, Req } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiCookieAuth,
  ApiOkResponse,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { AuthenticatedRequest } from '../../common/authenticated-request';
import { AccountService } from './account.service';
import { AccountUserDto, UpdateAccountDto } from './dto/update-account.dto';

/** The signed-in person's own account; shares the `auth` path with sign-in and `GET me`. */
@ApiTags('auth')
@ApiCookieAuth()
@Controller('auth')
export class AccountController {
  constructor(private readonly account: AccountService) {}

  @Patch('me')
  @ApiOkResponse({ type: AccountUserDto })
  @ApiBadRequestResponse({
    description: '`available` from a non-agent, or a password change without the right current one',
  })
  @ApiUnauthorizedResponse()
  update(
    @Req() request: AuthenticatedRequest,
    @Body() dto: UpdateAccountDto,
  ): Promise<AccountUserDto> {
    return this.account.update(request.user, request.session.tokenHash, dto);
  }
}
