import { Route } from '@angular/router';
import { AdminTicketsPage } from './admin-tickets-page';
import { DashboardPage } from './dashboard/dashboard-page';
import { UsersPage } from './users/users-page';

export const adminRoutes: Route[] = [
  { path: '', pathMatch: 'full', redirectTo: 'dashboard' },
  { path: 'dashboard', title: 'Dashboard · Helpdesk', component: DashboardPage },
  { path: 'tickets', title: 'All tickets · Helpdesk', component: AdminTicketsPage },
  { path: 'users', title: 'Users · Helpdesk', component: UsersPage },
];
