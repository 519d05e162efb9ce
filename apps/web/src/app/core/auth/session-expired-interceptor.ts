import { HttpErrorResponse, HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { Router } from '@angular/router';
import { catchError, throwError } from 'rxjs';
import { Session } from './session';

const SESSION_PROBES = ['/api/auth/login', '/api/auth/me'];

/** Forgets the session and goes to the sign-in page, remembering where the person was. */
export function signInAgain(router: Router, session: Session): void {
  session.clear();
  const returnUrl = router.url.startsWith('/login') ? undefined : router.url;
  void router.navigate(['/login'], { queryParams: { returnUrl } });
}

/** A 401 from any call means the session is gone: sign in again, then come back. */
export const sessionExpiredInterceptor: HttpInterceptorFn = (request, next) => {
  const router = inject(Router);
  const session = inject(Session);
  return next(request).pipe(
    catchError((error: unknown) => {
      if (
        error instanceof HttpErrorResponse &&
        error.status === 401 &&
        !SESSION_PROBES.some((path) => request.url.startsWith(path))
      ) {
        signInAgain(router, session);
      }
      return throwError(() => error);
    }),
  );
};
