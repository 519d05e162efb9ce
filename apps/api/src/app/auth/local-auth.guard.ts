import { BadRequestException, Injectable } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';

/** Runs passport-local; a body without both fields is a 400, not a failed sign-in. */
@Injectable()
export class LocalAuthGuard extends AuthGuard('local') {
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
