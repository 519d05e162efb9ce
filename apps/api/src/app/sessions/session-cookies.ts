import type { FastifyReply } from 'fastify';

export const SESSION_COOKIE = 'hd_session';
export const XSRF_COOKIE = 'XSRF-TOKEN';
export const XSRF_HEADER = 'x-xsrf-token';

const BASE = { path: '/', sameSite: 'lax', secure: 'auto' } as const;

export function setSessionCookies(
  reply: FastifyReply,
  session: { token: string; csrfToken: string; expiresAt: Date },
): void {
  void reply.setCookie(SESSION_COOKIE, session.token, {
    ...BASE,
    httpOnly: true,
    signed: true,
    expires: session.expiresAt,
  });
  setXsrfCookie(reply, session.csrfToken);
}

/** The CSRF token, readable by the web app so it can echo it in `X-XSRF-TOKEN`. */
export function setXsrfCookie(reply: FastifyReply, csrfToken: string): void {
  void reply.setCookie(XSRF_COOKIE, csrfToken, { ...BASE, httpOnly: false });
}

export function clearSessionCookies(reply: FastifyReply): void {
  void reply.clearCookie(SESSION_COOKIE, BASE);
  void reply.clearCookie(XSRF_COOKIE, BASE);
}
