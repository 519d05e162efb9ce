import {
  type CanActivate,
  type ExecutionContext,
  ForbiddenException,
  Injectable,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { timingSafeEqual } from 'node:crypto';
import type { AuthenticatedRequest } from '../../common/authenticated-request';
import { IS_PUBLIC } from '../../common/decorators';
import { SESSION_COOKIE, XSRF_HEADER } from './session-cookies';
import { SessionsService } from './sessions.service';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Global guard: every route needs a live session unless marked `@Public()`, and every
 * state-changing request made with the session cookie must echo the CSRF token.
 */
@Injectable()
export class SessionGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionsService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (isPublic) return true;

    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const cookie = request.cookies[SESSION_COOKIE];
    const token = cookie ? request.unsignCookie(cookie) : null;
    const session = token?.valid && token.value ? await this.sessions.resolve(token.value) : null;
    if (!session) throw new UnauthorizedException('Please sign in');

    if (!SAFE_METHODS.has(request.method) && !csrfTokenMatches(request, session.csrfToken)) {
      throw new ForbiddenException('Missing or invalid CSRF token (X-XSRF-TOKEN header)');
    }
    request.user = session.user;
    request.session = { tokenHash: session.tokenHash, csrfToken: session.csrfToken };
    return true;
  }
}

function csrfTokenMatches(request: AuthenticatedRequest, expected: string): boolean {
  const header = request.headers[XSRF_HEADER];
  if (typeof header !== 'string') return false;
  const given = Buffer.from(header);
  const wanted = Buffer.from(expected);
  return given.length === wanted.length && timingSafeEqual(given, wanted);
}
