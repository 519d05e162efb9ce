import {
  type CanActivate,
  type ExecutionContext,
  ForbiddenException,
  Injectable,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { AuthenticatedRequest } from './authenticated-request';
import { type ActorPermission, REQUIRED_PERMISSION } from './decorators';

/** Enforces `@RequirePermission(rule)`; runs after the session guard has set the user. */
@Injectable()
export class PermissionGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const permission = this.reflector.getAllAndOverride<ActorPermission | undefined>(
      REQUIRED_PERMISSION,
      [context.getHandler(), context.getClass()],
    );
    if (!permission) return true;
    const { user } = context.switchToHttp().getRequest<AuthenticatedRequest>();
    if (user && permission(user)) return true;
    throw new ForbiddenException('You are not allowed to do this');
  }
}
