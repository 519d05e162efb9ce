import { BadRequestException, type ExecutionContext, Injectable } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import type { FastifyRequest } from 'fastify';
import { assertLoginRequest } from './login-request';

/** Checks the sign-in request (`assertLoginRequest`), then runs passport-local. */
@Injectable()
export class LocalAuthGuard extends AuthGuard('local') {
  override canActivate(context: ExecutionContext) {
    assertLoginRequest(context.switchToHttp().getRequest<FastifyRequest>());
    return super.canActivate(context);
  }

  override handleRequest<TUser>(
    error: unknown,
    user: TUser | false,
    info: unknown,
    context: unknown,
    status?: number,
  ): TUser {
    if (!error && !user && status === 400) {
      throw new BadRequestException('email and password are required');
    }
    return super.handleRequest(error, user, info, context as never, status);
  }
}
