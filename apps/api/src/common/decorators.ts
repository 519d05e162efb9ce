import type { Actor } from '@helpdesk/shared/domain';
import {
  applyDecorators,
  createParamDecorator,
  type ExecutionContext,
  SetMetadata,
} from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';
import { PUBLIC_EXTENSION } from './openapi/complete-document';
import type { AuthenticatedRequest } from './authenticated-request';

export const IS_PUBLIC = 'helpdesk:public';
/** The route answers without a session (sign-in, health, docs). */
export const Public = () =>
  applyDecorators(SetMetadata(IS_PUBLIC, true), ApiExtension(PUBLIC_EXTENSION, true));

export type ActorPermission = (actor: Actor) => boolean;
export const REQUIRED_PERMISSION = 'helpdesk:permission';
/** The route is open to actors for whom this rule of `@helpdesk/shared/domain` holds. */
export const RequirePermission = (permission: ActorPermission) =>
  SetMetadata(REQUIRED_PERMISSION, permission);

/** The signed-in person making the request. */
export const CurrentUser = createParamDecorator(
  (_: unknown, context: ExecutionContext) =>
    context.switchToHttp().getRequest<AuthenticatedRequest>().user,
);
