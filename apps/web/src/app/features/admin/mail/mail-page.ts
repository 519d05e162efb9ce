import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { MatPaginator, type PageEvent } from '@angular/material/paginator';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import { Router } from '@angular/router';
import { PAGE_SIZE_DEFAULT, type RejectedMail } from '@helpdesk/shared/domain';
import { MailApi } from '../../../core/api/mail-api';
import { ExactTime } from '../../../shared/date-format';
import { Action } from '../../../shared/action';
import { LoadState } from '../../../shared/load-state';

/** The desk's mailbox for the admin: is it read, and what it refused (make a ticket, discard). */
@Component({
  selector: 'hd-mail-page',
  imports: [ExactTime, LoadState, MatButton, MatIcon, MatPaginator, MatTableModule],
  templateUrl: './mail-page.html',
  styleUrl: './mail-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MailPage {
  private readonly api = inject(MailApi);
  private readonly router = inject(Router);
  private readonly snackBar = inject(MatSnackBar);

  protected readonly columns = ['receivedAt', 'from', 'subject', 'reason', 'actions'];
  protected readonly page = signal(1);
  protected readonly pageSize = signal(PAGE_SIZE_DEFAULT);
  protected readonly status = this.api.status();
  protected readonly rejected = this.api.rejected(() => ({
    page: this.page(),
    pageSize: this.pageSize(),
  }));
  protected readonly isEmpty = computed(
    () => this.rejected.hasValue() && !this.rejected.value().items.length,
  );
  /** Making a ticket or discarding; its failure shows above the table. */
  protected readonly decision = new Action();

  protected changePage(event: PageEvent): void {
    this.page.set(event.pageIndex + 1);
    this.pageSize.set(event.pageSize);
  }

  protected makeTicket(message: RejectedMail): void {
    this.decision.run(this.api.makeTicket(message.id), (ticket) => {
      this.snackBar
        .open(`Ticket #${ticket.id} made from the message`, 'Open', { duration: 6000 })
        .onAction()
        .subscribe(() => void this.router.navigate(['/tickets', ticket.id]));
      this.reload();
    });
  }

  protected discard(message: RejectedMail): void {
    this.decision.run(this.api.discard(message.id), () => {
      this.snackBar.open('Message discarded', 'OK', { duration: 4000 });
      this.reload();
    });
  }

  private reload(): void {
    this.rejected.reload();
    this.status.reload();
  }
}
