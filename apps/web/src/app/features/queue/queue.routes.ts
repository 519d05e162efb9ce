import { Route } from '@angular/router';
import { deskRuleGuard, seesPool } from '../../core/auth/auth-guards';
import { PoolPage } from './pool-page';
import { QueuePage } from './queue-page';

export const queueRoutes: Route[] = [
  { path: '', pathMatch: 'full', title: 'My queue · Helpdesk', component: QueuePage },
  {
    path: 'unassigned',
    canMatch: [deskRuleGuard(seesPool)],
    title: 'Unassigned · Helpdesk',
    component: PoolPage,
  },
];
