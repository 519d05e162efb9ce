import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatAnchor } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { TicketList } from '../../shared/ticket-list/ticket-list';

@Component({
  selector: 'hd-my-tickets-page',
  imports: [MatAnchor, MatIcon, RouterLink, TicketList],
  template: `
    <section class="hd-page">
      <div class="hd-page-header">
        <h1>My tickets</h1>
        <a mat-flat-button routerLink="/tickets/new"><mat-icon>add</mat-icon>New ticket</a>
      </div>
      <hd-ticket-list emptyText="You have no tickets yet. Open one with “New ticket”." />
    </section>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MyTicketsPage {}
