import type { SessionUser } from '@helpdesk/shared/domain';
import type { FastifyRequest } from 'fastify';

export interface RequestSession {
  tokenHash: string;
  csrfToken: string;
}

export interface AuthenticatedRequest extends FastifyRequest {
  user: SessionUser;
  session: RequestSession;
}
