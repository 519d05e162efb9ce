import { HttpErrorResponse } from '@angular/common/http';
import type { ApiError } from '@helpdesk/shared/domain';

/** The message the API gave for a refused request, fit to show to the person. */
export function errorMessage(
  error: unknown,
  fallback = 'Something went wrong. Please try again.',
): string {
  if (!(error instanceof HttpErrorResponse)) return fallback;
  if (error.status === 0) return 'The server cannot be reached. Check your connection.';
  const body = error.error as Partial<ApiError> | null;
  const message = body?.message;
  if (Array.isArray(message) && message.length) return message.join('. ');
  if (typeof message === 'string' && message) return message;
  if (error.status === 413) return 'The file is too large.';
  if (error.status === 415) return 'This file type is not allowed.';
  return fallback;
}

export function errorStatus(error: unknown): number | null {
  return error instanceof HttpErrorResponse ? error.status : null;
}
