import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatAnchor } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { TicketList } from '../../shared/ticket-list/ticket-list';

/** Every ticket, with the assignee filter and per-row reassign and status override. */
@Component({
  selector: 'hd-admin-tickets-page',
  imports: [MatAnchor, MatIcon, RouterLink, TicketList],
  template: `
    <section class="hd-page">
      <div class="hd-page-header">
        <h1>All tickets</h1>
        <a mat-flat-button routerLink="/tickets/new"><mat-icon>add</mat-icon>New ticket</a>
      </div>
      <hd-ticket-list
        [manage]="true"
        [workingDefault]="true"
        emptyText="There are no tickets yet."
      />
    </section>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AdminTicketsPage {}
