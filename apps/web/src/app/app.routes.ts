import { Route } from '@angular/router';
import { canUseCannedReplies, canViewDeskActivity } from '@helpdesk/shared/domain';
import { authGuard, hasTicketScope, homeGuard, ruleGuard } from './core/auth/auth-guards';

export const appRoutes: Route[] = [
  {
    path: 'login',
    title: 'Sign in · Helpdesk',
    loadComponent: () => import('./features/auth/login-page').then((m) => m.LoginPage),
  },
  {
    path: 'forgot-password',
    title: 'Forgot password · Helpdesk',
    loadComponent: () =>
      import('./features/auth/forgot-password-page').then((m) => m.ForgotPasswordPage),
  },
  {
    path: 'reset-password',
    title: 'Choose a new password · Helpdesk',
    loadComponent: () =>
      import('./features/auth/reset-password-page').then((m) => m.ResetPasswordPage),
  },
  {
    path: '',
    canActivate: [authGuard],
    loadComponent: () => import('./core/layout/shell').then((m) => m.Shell),
    children: [
      { path: '', pathMatch: 'full', canActivate: [homeGuard], children: [] },
      {
        path: 'tickets',
        loadChildren: () => import('./features/tickets/tickets.routes').then((m) => m.ticketRoutes),
      },
      {
        path: 'queue',
        canMatch: [ruleGuard(hasTicketScope('assignee'))],
        loadChildren: () => import('./features/queue/queue.routes').then((m) => m.queueRoutes),
      },
      {
        path: 'admin',
        // The area opens on the desk dashboard, so it takes that page's rule; other pages add theirs.
        canMatch: [ruleGuard(canViewDeskActivity)],
        loadChildren: () => import('./features/admin/admin.routes').then((m) => m.adminRoutes),
      },
      {
        path: 'canned-replies',
        title: 'Canned replies · Helpdesk',
        canMatch: [ruleGuard(canUseCannedReplies)],
        loadComponent: () =>
          import('./features/canned-replies/canned-replies-page').then((m) => m.CannedRepliesPage),
      },
      {
        path: 'views/:id',
        title: 'View · Helpdesk',
        loadComponent: () => import('./features/views/view-page').then((m) => m.ViewPage),
      },
      {
        path: 'profile',
        title: 'Your profile · Helpdesk',
        loadComponent: () => import('./features/account/profile-page').then((m) => m.ProfilePage),
      },
      {
        path: '**',
        title: 'Not found · Helpdesk',
        loadComponent: () => import('./shared/not-found').then((m) => m.NotFound),
      },
    ],
  },
];
