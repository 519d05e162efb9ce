import type { LoginResponse, SessionUser } from '@helpdesk/shared/domain';
import { Controller, Get, HttpCode, Post, Req, Res, UseGuards } from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiCookieAuth,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AuthenticatedRequest } from '../../common/authenticated-request';
import { CurrentUser, Public } from '../../common/decorators';
import { SessionUserDto } from '../users/dto/user.dto';
import { LoginDto, LoginResponseDto } from './dto/login.dto';
import { LocalAuthGuard } from './local-auth.guard';
import { clearSessionCookies, setSessionCookies, setXsrfCookie } from '../sessions/session-cookies';
import { SessionsService } from '../sessions/sessions.service';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly sessions: SessionsService) {}

  @Post('login')
  @Public()
  @UseGuards(LocalAuthGuard)
  @HttpCode(200)
  @ApiBody({ type: LoginDto })
  @ApiOkResponse({ type: LoginResponseDto, description: 'Sets the session and XSRF-TOKEN cookies' })
  @ApiConsumes('application/json')
  @ApiForbiddenResponse({ description: 'A cross-site request (Sec-Fetch-Site or Origin)' })
  @ApiUnsupportedMediaTypeResponse({ description: 'Not application/json (no HTML form posts)' })
  @ApiUnauthorizedResponse({ description: 'Wrong e-mail or password, or a deactivated account' })
  @ApiTooManyRequestsResponse({ description: '10 failures per account or address in 15 minutes' })
  async login(
    @Req() request: FastifyRequest & { user: SessionUser },
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<LoginResponse> {
    setSessionCookies(reply, await this.sessions.create(request.user.id));
    return { user: request.user };
  }

  @Post('logout')
  @HttpCode(204)
  @ApiCookieAuth()
  @ApiNoContentResponse({ description: 'The session is revoked server-side' })
  async logout(
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    await this.sessions.revoke(request.session.tokenHash);
    clearSessionCookies(reply);
  }

  @Get('me')
  @ApiCookieAuth()
  @ApiOkResponse({ type: SessionUserDto })
  @ApiUnauthorizedResponse()
  me(
    @CurrentUser() user: SessionUser,
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): SessionUser {
    setXsrfCookie(reply, request.session.csrfToken);
    return user;
  }
}
