import { Route } from '@angular/router';
import { QueuePage } from './queue-page';

export const queueRoutes: Route[] = [
  { path: '', title: 'My queue · Helpdesk', component: QueuePage },
];
