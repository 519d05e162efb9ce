import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButton, MatIconButton } from '@angular/material/button';
import { MatCard, MatCardContent } from '@angular/material/card';
import { MatDialog } from '@angular/material/dialog';
import { MatFormField, MatLabel, MatPrefix } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTooltip } from '@angular/material/tooltip';
import { canEditCannedReply, type CannedReply } from '@helpdesk/shared/domain';
import { debounceTime, distinctUntilChanged } from 'rxjs';
import { CannedRepliesApi } from '../../core/api/canned-replies-api';
import { Session } from '../../core/auth/session';
import { ExactTime } from '../../shared/date-format';
import { Action } from '../../shared/action';
import { LoadState } from '../../shared/load-state';
import { RelativeTime } from '../../shared/relative-time';
import { CannedReplyDialog, type CannedReplyDialogData } from './canned-reply-dialog';

/** The desk's canned replies: everyone on staff uses them; authors and admins change them. */
@Component({
  selector: 'hd-canned-replies-page',
  imports: [
    ExactTime,
    LoadState,
    MatButton,
    MatCard,
    MatCardContent,
    MatFormField,
    MatIcon,
    MatIconButton,
    MatInput,
    MatLabel,
    MatPrefix,
    MatTooltip,
    ReactiveFormsModule,
    RelativeTime,
  ],
  templateUrl: './canned-replies-page.html',
  styleUrl: './canned-replies-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CannedRepliesPage {
  private readonly api = inject(CannedRepliesApi);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly actor = inject(Session).actor;

  protected readonly search = new FormControl('', { nonNullable: true });
  private readonly q = toSignal(
    this.search.valueChanges.pipe(debounceTime(300), distinctUntilChanged()),
    { initialValue: '' },
  );
  protected readonly replies = this.api.list(() => this.q());
  protected readonly isEmpty = computed(
    () => this.replies.hasValue() && !this.replies.value().length,
  );
  protected readonly emptyText = computed(() =>
    this.q().trim() ? 'No canned reply matches.' : 'No canned replies yet.',
  );
  /** The reply whose deletion waits for a second click. */
  protected readonly confirming = signal<number | null>(null);
  /** Deleting one; its failure shows above the list. */
  protected readonly removal = new Action();

  protected mayEdit(reply: CannedReply): boolean {
    const actor = this.actor();
    return !!actor && canEditCannedReply(actor, reply);
  }

  protected open(reply?: CannedReply): void {
    const data: CannedReplyDialogData = { reply };
    this.dialog
      .open<CannedReplyDialog, CannedReplyDialogData, CannedReply>(CannedReplyDialog, {
        data,
        width: '640px',
        maxWidth: '95vw',
      })
      .afterClosed()
      .subscribe((saved) => {
        if (!saved) return;
        this.snackBar.open(`Saved “${saved.title}”`, 'OK', { duration: 4000 });
        this.replies.reload();
      });
  }

  protected remove(reply: CannedReply): void {
    this.removal.run(this.api.delete(reply.id), () => {
      this.confirming.set(null);
      this.snackBar.open(`Deleted “${reply.title}”`, 'OK', { duration: 4000 });
      this.replies.reload();
    });
  }
}
