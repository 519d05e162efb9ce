import { Route } from '@angular/router';
import {
  canChangeDeskSettings,
  canManageMail,
  canManageUsers,
  canViewReports,
} from '@helpdesk/shared/domain';
import { hasTicketScope, ruleGuard } from '../../core/auth/auth-guards';
import { AdminTicketsPage } from './admin-tickets-page';
import { DashboardPage } from './dashboard/dashboard-page';
import { MailPage } from './mail/mail-page';
import { ReportsPage } from './reports/reports-page';
import { SettingsPage } from './settings/settings-page';
import { UsersPage } from './users/users-page';

export const adminRoutes: Route[] = [
  { path: '', pathMatch: 'full', redirectTo: 'dashboard' },
  { path: 'dashboard', title: 'Dashboard · Helpdesk', component: DashboardPage },
  {
    path: 'tickets',
    canMatch: [ruleGuard(hasTicketScope('all'))],
    title: 'All tickets · Helpdesk',
    component: AdminTicketsPage,
  },
  {
    path: 'users',
    canMatch: [ruleGuard(canManageUsers)],
    title: 'Users · Helpdesk',
    component: UsersPage,
  },
  {
    path: 'reports',
    canMatch: [ruleGuard(canViewReports)],
    title: 'Reports · Helpdesk',
    component: ReportsPage,
  },
  {
    path: 'settings',
    canMatch: [ruleGuard(canChangeDeskSettings)],
    title: 'Desk settings · Helpdesk',
    component: SettingsPage,
  },
  {
    path: 'mail',
    canMatch: [ruleGuard(canManageMail)],
    title: 'Mail · Helpdesk',
    component: MailPage,
  },
];
