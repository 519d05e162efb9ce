import {
  BadRequestException,
  ForbiddenException,
  UnsupportedMediaTypeException,
} from '@nestjs/common';
import type { FastifyRequest } from 'fastify';

/**
 * What a sign-in request must be before any credential is looked at. Login has no CSRF
 * token yet, so without these a cross-site page could auto-submit a form and sign the
 * victim's browser into the attacker's account (login CSRF):
 * - made by our own pages: a browser's `Sec-Fetch-Site` says so, or, where a browser sends
 *   only `Origin`, that origin is this host (403 otherwise);
 * - a JSON body, which no HTML form can send (415 otherwise);
 * - both credentials in that body, so passport-local never falls back to the query string,
 *   where passwords would land in logs (400 otherwise).
 */
export function assertLoginRequest(request: FastifyRequest): void {
  if (isCrossOrigin(request)) {
    throw new ForbiddenException('Sign in from the Helpdesk itself (cross-site request refused)');
  }
  if (request.headers['content-type']?.split(';')[0]?.trim().toLowerCase() !== 'application/json') {
    throw new UnsupportedMediaTypeException('Send the credentials as application/json');
  }
  const body = request.body as { email?: unknown; password?: unknown } | null | undefined;
  if (!isFilledString(body?.email) || !isFilledString(body?.password)) {
    throw new BadRequestException('email and password are required in the JSON body');
  }
}

/** Sec-Fetch-Site, the browser's own verdict, is read first: behind a proxy Host may differ. */
function isCrossOrigin(request: FastifyRequest): boolean {
  const site = request.headers['sec-fetch-site'];
  if (typeof site === 'string') return site !== 'same-origin' && site !== 'none';
  const origin = request.headers.origin;
  if (origin === undefined) return false;
  const host = hostOf(origin);
  return host === null || !ownHosts(request).includes(host);
}

/** The host the browser addressed: Host, or what a proxy in front says it was. */
function ownHosts(request: FastifyRequest): string[] {
  const forwarded = request.headers['x-forwarded-host'];
  const forwardedHost = typeof forwarded === 'string' ? forwarded.split(',')[0]?.trim() : undefined;
  return [request.headers.host, forwardedHost].filter((host): host is string => !!host);
}

function hostOf(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null; // "null" (a sandboxed or file page) or garbage: not ours
  }
}

function isFilledString(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0;
}
