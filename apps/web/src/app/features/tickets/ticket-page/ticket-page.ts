import { ChangeDetectionStrategy, Component, computed, effect, inject, input } from '@angular/core';
import { MatAnchor } from '@angular/material/button';
import { MatCard, MatCardContent } from '@angular/material/card';
import { MatIcon } from '@angular/material/icon';
import { Title } from '@angular/platform-browser';
import { canTake, canWriteInternalNote, takesPart, type Ticket } from '@helpdesk/shared/domain';
import { errorStatus } from '../../../core/api/error-message';
import { TicketsApi } from '../../../core/api/tickets-api';
import { Session } from '../../../core/auth/session';
import { onTicketChanges } from '../../../core/live/live-updates';
import { ExactTime } from '../../../shared/date-format';
import { DueBadge } from '../../../shared/due-badge';
import { LoadState } from '../../../shared/load-state';
import { NotFound } from '../../../shared/not-found';
import { PriorityChip } from '../../../shared/priority-chip';
import { StatusChip } from '../../../shared/status-chip';
import { ticketAccess } from '../../../shared/ticket-access';
import { TicketActions } from './ticket-actions';
import { TicketAttachments } from './ticket-attachments';
import { TicketConversation } from './ticket-conversation';
import { TicketHistory } from './ticket-history';
import { TicketRating } from './ticket-rating';
import { TicketTags } from './ticket-tags';
import { TicketTake } from './ticket-take';

/** One ticket: its details, conversation, files, history and what the person may do now. */
@Component({
  selector: 'hd-ticket-page',
  imports: [
    ExactTime,
    DueBadge,
    LoadState,
    MatAnchor,
    MatCard,
    MatCardContent,
    MatIcon,
    NotFound,
    PriorityChip,
    StatusChip,
    TicketActions,
    TicketAttachments,
    TicketConversation,
    TicketHistory,
    TicketRating,
    TicketTags,
    TicketTake,
  ],
  templateUrl: './ticket-page.html',
  styleUrl: './ticket-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TicketPage {
  /** The `:id` route parameter. */
  readonly id = input.required<string>();

  private readonly api = inject(TicketsApi);

  protected readonly actor = inject(Session).actor;
  protected readonly ticketId = computed(() => {
    const id = Number(this.id());
    return Number.isInteger(id) && id > 0 ? id : null;
  });
  protected readonly ticket = this.api.ticket(this.ticketId);
  /** The ticket's parts are asked for once the ticket itself is known (and may be seen). */
  private readonly knownId = () => {
    const id = this.ticketId();
    return id !== null && this.ticket.hasValue() ? id : null;
  };
  private readonly access = computed(() =>
    this.ticket.hasValue() ? ticketAccess(this.ticket.value()) : null,
  );
  /**
   * Whether the person works on the ticket or waits on it; an agent who sees it only in the
   * pool reads the ticket, its comments and files, and may only take it.
   */
  protected readonly takesPart = computed(() => {
    const actor = this.actor();
    const access = this.access();
    return !!actor && !!access && takesPart(actor, access);
  });
  protected readonly mayTake = computed(() => {
    const actor = this.actor();
    const access = this.access();
    return !!actor && !!access && !takesPart(actor, access) && canTake(actor, access);
  });
  protected readonly mayWriteNotes = computed(() => {
    const actor = this.actor();
    const access = this.access();
    return !!actor && !!access && canWriteInternalNote(actor, access);
  });
  protected readonly comments = this.api.comments(this.knownId);
  protected readonly attachments = this.api.attachments(this.knownId);
  protected readonly history = this.api.history(() => (this.takesPart() ? this.knownId() : null));

  protected readonly notFound = computed(
    () => this.ticketId() === null || errorStatus(this.ticket.error()) === 404,
  );

  constructor() {
    // Someone else changed this ticket: fetch it again in the background. The child forms
    // stay mounted (the resources keep their values while reloading), so typing is kept.
    onTicketChanges(() => this.refresh(), this.ticketId);
    // The tab says which ticket it holds: "#57 Printer jams · Helpdesk".
    const title = inject(Title);
    effect(() => {
      if (this.ticket.hasValue()) {
        const { id, subject } = this.ticket.value();
        title.setTitle(`#${id} ${subject} · Helpdesk`);
      }
    });
  }

  /** The narrow screen's "Actions" link: the cards sit below the conversation there. */
  protected jumpToActions(event: Event): void {
    event.preventDefault();
    const side = document.getElementById('ticket-side');
    side?.scrollIntoView({ block: 'start' });
    side?.focus({ preventScroll: true });
  }

  /** Re-fetches the ticket and, once it is known, its comments, files and history. */
  refresh(): void {
    if (this.ticketId() === null) return;
    this.ticket.reload();
    this.comments.reload();
    this.attachments.reload();
    this.history.reload();
  }

  protected updated(ticket: Ticket): void {
    this.ticket.set(ticket);
    this.history.reload();
  }

  protected commented(): void {
    this.comments.reload();
    this.history.reload();
  }

  protected uploaded(): void {
    this.attachments.reload();
    this.history.reload();
  }

  /** Taken from the pool: the ticket is the person's now, with everything that comes with it. */
  protected taken(ticket: Ticket): void {
    this.ticket.set(ticket);
    this.comments.reload();
    this.attachments.reload();
  }

  protected rated(): void {
    this.ticket.reload();
    this.history.reload();
  }
}
