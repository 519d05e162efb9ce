import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  type ElementRef,
  inject,
  input,
  output,
  viewChild,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import {
  FormGroupDirective,
  NonNullableFormBuilder,
  ReactiveFormsModule,
  Validators,
} from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatButtonToggle, MatButtonToggleGroup } from '@angular/material/button-toggle';
import { MatCard, MatCardContent } from '@angular/material/card';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import {
  canUseCannedReplies,
  type CannedReply,
  COMMENT_MAX_LENGTH,
  type Comment,
  type CreateCommentRequest,
  fillPlaceholders,
  type Ticket,
} from '@helpdesk/shared/domain';
import { TicketsApi } from '../../../core/api/tickets-api';
import { Session } from '../../../core/auth/session';
import { Shortcuts } from '../../../core/keyboard/shortcuts';
import { Action } from '../../../shared/action';
import { ROLE_LABELS } from '../../../shared/labels';
import { ExactTime } from '../../../shared/date-format';
import { LoadState } from '../../../shared/load-state';
import { RelativeTime } from '../../../shared/relative-time';
import { CannedReplyPicker } from './canned-reply-picker';

/**
 * The comments on a ticket, oldest first (internal notes set apart), and a box to add one: a
 * reply, or for agents and admins an internal note, where they may insert a canned reply.
 */
@Component({
  selector: 'hd-ticket-conversation',
  imports: [
    CannedReplyPicker,
    LoadState,
    MatButton,
    MatButtonToggle,
    MatButtonToggleGroup,
    MatCard,
    MatCardContent,
    MatError,
    MatFormField,
    MatHint,
    MatIcon,
    MatInput,
    MatLabel,
    ReactiveFormsModule,
    ExactTime,
    RelativeTime,
  ],
  templateUrl: './ticket-conversation.html',
  styleUrl: './ticket-conversation.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TicketConversation {
  private readonly api = inject(TicketsApi);
  private readonly session = inject(Session);

  readonly ticketId = input.required<number>();
  /** The ticket, to fill a canned reply's placeholders (left as written without it). */
  readonly ticket = input<Ticket | null>(null);
  readonly comments = input.required<Comment[]>();
  readonly loading = input(false);
  readonly error = input<unknown>();
  /** Whether the person may comment (an agent takes a pool ticket first). */
  readonly mayWrite = input(true);
  /** Whether the composer offers internal notes (`canWriteInternalNote`). */
  readonly mayWriteNotes = input(false);
  readonly posted = output<Comment>();
  readonly retry = output();

  protected readonly roleLabels = ROLE_LABELS;
  protected readonly maxLength = COMMENT_MAX_LENGTH;
  protected readonly form = inject(NonNullableFormBuilder).group({
    body: [
      '',
      [Validators.required, Validators.maxLength(COMMENT_MAX_LENGTH), Validators.pattern(/\S/)],
    ],
    internal: [false],
  });
  private readonly noteChosen = toSignal(this.form.controls.internal.valueChanges, {
    initialValue: false,
  });
  protected readonly writingNote = computed(() => this.mayWriteNotes() && this.noteChosen());
  protected readonly posting = new Action();
  protected readonly usesCannedReplies = computed(() => {
    const actor = this.session.actor();
    return !!actor && canUseCannedReplies(actor);
  });
  private readonly bodyBox = viewChild<ElementRef<HTMLTextAreaElement>>('bodyBox');
  /** Resetting through the directive also forgets the submit, so no error shows on the empty box. */
  private readonly composer = viewChild(FormGroupDirective);

  constructor() {
    const shortcuts = inject(Shortcuts);
    const destroyRef = inject(DestroyRef);
    shortcuts.register('r', () => this.compose(false), destroyRef);
    shortcuts.register('n', () => this.compose(true), destroyRef);
  }

  /** The `r` and `n` shortcuts: the composer, set to a reply or an internal note, focused. */
  private compose(note: boolean): void {
    if (!this.mayWrite() || (note && !this.mayWriteNotes())) return;
    if (this.mayWriteNotes()) this.form.controls.internal.setValue(note);
    this.bodyBox()?.nativeElement.focus();
  }

  /** Puts the filled-in reply where the cursor is in the comment box (or at its end). */
  protected insert(reply: CannedReply): void {
    const ticket = this.ticket();
    const text = fillPlaceholders(reply.body, {
      requester: ticket?.owner,
      ticket,
      agent: this.session.user(),
    });
    const control = this.form.controls.body;
    const box = this.bodyBox()?.nativeElement;
    const value = control.value;
    const start = box?.selectionStart ?? value.length;
    const end = box?.selectionEnd ?? value.length;
    control.setValue(value.slice(0, start) + text + value.slice(end));
    control.markAsDirty();
    box?.focus();
    box?.setSelectionRange(start + text.length, start + text.length);
  }

  protected send(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const body = this.form.controls.body.value;
    const request: CreateCommentRequest = this.writingNote() ? { body, internal: true } : { body };
    this.posting.run(this.api.comment(this.ticketId(), request), (comment) => {
      // The kind stays as chosen, so a second note is not sent to the requester by mistake.
      this.composer()?.resetForm({ body: '', internal: this.form.controls.internal.value });
      this.posted.emit(comment);
      // The send button was disabled while sending, which dropped focus to the page; the next
      // comment starts where the last one was written.
      this.bodyBox()?.nativeElement.focus();
    });
  }
}
