import { Route } from '@angular/router';
import { hasTicketScope, ruleGuard } from '../../core/auth/auth-guards';
import { MyTicketsPage } from './my-tickets-page';
import { NewTicketPage } from './new-ticket-page';
import { TicketPage } from './ticket-page/ticket-page';

export const ticketRoutes: Route[] = [
  {
    path: '',
    pathMatch: 'full',
    canMatch: [ruleGuard(hasTicketScope('owner'))],
    title: 'My tickets · Helpdesk',
    component: MyTicketsPage,
  },
  { path: 'new', title: 'New ticket · Helpdesk', component: NewTicketPage },
  { path: ':id', title: 'Ticket · Helpdesk', component: TicketPage },
];
