import { inject } from '@angular/core';
import { CanActivateFn, CanMatchFn, Router, UrlTree } from '@angular/router';
import {
  NO_POOL,
  ticketScope,
  type Actor,
  type DeskAccess,
  type TicketScope,
} from '@helpdesk/shared/domain';
import { Desk } from '../desk/desk';
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

/** Lets the signed-in person through when `allowed`; anyone else goes to their start page. */
async function admit(allowed: (actor: Actor) => Promise<boolean>): Promise<boolean | UrlTree> {
  const router = inject(Router);
  const user = await inject(Session).load();
  if (!user) return signIn(router, router.currentNavigation()?.initialUrl.toString());
  return (await allowed({ id: user.id, role: user.role }))
    ? true
    : router.parseUrl(homeUrl(user.role));
}

/**
 * Matches a route only for people the shared permission rule lets in; anyone else goes to
 * their own start page.
 */
export function ruleGuard(rule: (actor: Actor) => boolean): CanMatchFn {
  return () => admit(async (actor) => rule(actor));
}

/**
 * {@link ruleGuard} for rules that also depend on the desk's settings (the pool), read afresh
 * since an admin may have changed them.
 */
export function deskRuleGuard(rule: (actor: Actor, desk: DeskAccess) => boolean): CanMatchFn {
  return () => {
    const desk = inject(Desk);
    return admit(async (actor) => rule(actor, await desk.load()));
  };
}

/**
 * The rule of a ticket list page: whose tickets the person's lists cover (`ticketScope`). The
 * kind does not depend on the pool.
 */
export function hasTicketScope(kind: TicketScope['kind']): (actor: Actor) => boolean {
  return (actor) => ticketScope(actor, NO_POOL).kind === kind;
}

/** The rule of the pool page: the person's lists cover unassigned tickets. */
export function seesPool(actor: Actor, desk: DeskAccess): boolean {
  const scope = ticketScope(actor, desk);
  return scope.kind === 'assignee' && scope.withUnassigned;
}
