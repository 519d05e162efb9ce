import { HttpStatus } from '@nestjs/common';

interface ErrorFields {
  message: string;
  code?: unknown;
}

interface KnownError {
  matches: (error: ErrorFields) => boolean;
  statusCode: number;
  message: string;
}

/**
 * Errors of a malformed multipart body. Busboy, under @fastify/multipart, throws plain
 * `Error`s without a status, which would otherwise read as a fault of ours (500), and
 * @fastify/multipart answers a non-multipart body with a 406 that the contract does not use.
 */
const MULTIPART_ERRORS: KnownError[] = [
  {
    matches: ({ message }) => message === 'Multipart: Boundary not found',
    statusCode: HttpStatus.BAD_REQUEST,
    message: 'The multipart Content-Type has no boundary',
  },
  {
    matches: ({ message }) => message.endsWith('unexpected end of multipart data'),
    statusCode: HttpStatus.BAD_REQUEST,
    message: 'The multipart body ended before its closing boundary',
  },
  {
    // The file's stream closed before its end: the body stopped (cut short, or the client
    // went away) before storage had read the part.
    matches: ({ code }) => code === 'ERR_STREAM_PREMATURE_CLOSE',
    statusCode: HttpStatus.BAD_REQUEST,
    message: 'The multipart body ended before its closing boundary',
  },
  {
    matches: ({ code }) => code === 'FST_INVALID_MULTIPART_CONTENT_TYPE',
    statusCode: HttpStatus.UNSUPPORTED_MEDIA_TYPE,
    message: 'Send the file as multipart/form-data',
  },
  {
    matches: ({ code }) => code === 'FST_INVALID_JSON_FIELD_ERROR',
    statusCode: HttpStatus.BAD_REQUEST,
    message: 'A multipart field declared as JSON is not valid JSON',
  },
];

/** The status and message for a multipart parsing error, or null for any other error. */
export function multipartError(exception: unknown): { statusCode: number; message: string } | null {
  // Not `instanceof Error`: errors made by Node's own streams come from another realm in Jest.
  if (typeof exception !== 'object' || exception === null) return null;
  const { message, code } = exception as Partial<ErrorFields>;
  if (typeof message !== 'string') return null;
  const known = MULTIPART_ERRORS.find((candidate) => candidate.matches({ message, code }));
  return known ? { statusCode: known.statusCode, message: known.message } : null;
}
