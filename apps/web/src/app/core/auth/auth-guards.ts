import { inject } from '@angular/core';
import { CanActivateFn, CanMatchFn, Router, UrlTree } from '@angular/router';
import { ticketScope, type Actor, type TicketScope } from '@helpdesk/shared/domain';
import { homeUrl } from './home-url';
import { Session } from './session';

/** The sign-in page, remembering where the person was going. */
function signIn(router: Router, returnUrl: string | undefined): UrlTree {
  return router.createUrlTree(['/login'], { queryParams: returnUrl ? { returnUrl } : {} });
}

/** Lets signed-in people through; sends others to sign in, remembering where they were going. */
export const authGuard: CanActivateFn = async (_route, state) => {
  const router = inject(Router);
  const user = await inject(Session).load();
  return user ? true : signIn(router, state.url);
};

/** Sends `/` to the start page of the signed-in person's role. */
export const homeGuard: CanActivateFn = async () => {
  const router = inject(Router);
  const user = await inject(Session).load();
  return router.parseUrl(user ? homeUrl(user.role) : '/login');
};

/**
 * Matches a route only for people the shared permission rule lets in; anyone else goes to
 * their own start page.
 */
export function ruleGuard(rule: (actor: Actor) => boolean): CanMatchFn {
  return async () => {
    const router = inject(Router);
    const user = await inject(Session).load();
    if (!user) return signIn(router, router.currentNavigation()?.initialUrl.toString());
    return rule({ id: user.id, role: user.role }) ? true : router.parseUrl(homeUrl(user.role));
  };
}

/** The rule of a ticket list page: whose tickets the person's lists cover (`ticketScope`). */
export function hasTicketScope(kind: TicketScope['kind']): (actor: Actor) => boolean {
  return (actor) => ticketScope(actor).kind === kind;
}
