import { BadRequestException } from '@nestjs/common';
import type { FastifyInstance } from 'fastify';

/** Deeper than any request body we accept (settings, the deepest, nest 4 levels). */
export const JSON_MAX_DEPTH = 32;

/**
 * Replaces Fastify's JSON parser with one that refuses, before anything walks the value:
 * bodies nested deeper than `JSON_MAX_DEPTH` (3,000 levels, about 6 KB, overflowed the
 * validator's recursion) and strings that are not valid Unicode text (a lone surrogate
 * such as `"\ud800"` cannot be stored or e-mailed). Size stays capped by `bodyLimit` (413),
 * and `__proto__`/`constructor` keys stay refused by Fastify's own parser underneath.
 */
export function registerJsonBodyParser(fastify: FastifyInstance): void {
  const parse = fastify.getDefaultJsonParser('error', 'error');
  fastify.removeContentTypeParser('application/json');
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = body as string;
    if (nestingDepth(text) > JSON_MAX_DEPTH) {
      done(new BadRequestException(`JSON may nest at most ${JSON_MAX_DEPTH} levels`), undefined);
      return;
    }
    void parse(request, text, (error, value) => {
      if (error) done(error, undefined);
      else if (hasLoneSurrogate(value)) {
        done(
          new BadRequestException('Text must be valid Unicode (a lone surrogate was sent)'),
          undefined,
        );
      } else done(null, value);
    });
  });
}

/** The deepest bracket nesting of a JSON text, brackets inside strings not counted. */
export function nestingDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text.charCodeAt(i);
    if (inString) {
      if (char === 0x5c /* \ */) i += 1;
      else if (char === 0x22 /* " */) inString = false;
    } else if (char === 0x22) {
      inString = true;
    } else if (char === 0x7b /* { */ || char === 0x5b /* [ */) {
      depth += 1;
      if (depth > deepest) deepest = depth;
    } else if (char === 0x7d /* } */ || char === 0x5d /* ] */) {
      depth -= 1;
    }
  }
  return deepest;
}

const LONE_SURROGATE = /\p{Surrogate}/u;

/** Whether any string or key in a parsed JSON value holds an unpaired UTF-16 surrogate. */
export function hasLoneSurrogate(value: unknown): boolean {
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const item = pending.pop();
    if (typeof item === 'string') {
      if (LONE_SURROGATE.test(item)) return true;
    } else if (Array.isArray(item)) {
      pending.push(...item);
    } else if (typeof item === 'object' && item !== null) {
      for (const [key, entry] of Object.entries(item)) pending.push(key, entry);
    }
  }
  return false;
}
