import {
  ChangeDetectionStrategy,
  Component,
  computed,
  type ElementRef,
  effect,
  inject,
  input,
  output,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton, MatIconButton } from '@angular/material/button';
import { MatCard, MatCardContent } from '@angular/material/card';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import {
  canRate,
  FEEDBACK_MAX_LENGTH,
  isRatable,
  STARS_MAX,
  STARS_MIN,
  type Actor,
  type RateTicketRequest,
  type Ticket,
} from '@helpdesk/shared/domain';
import { TicketsApi } from '../../../core/api/tickets-api';
import { Action } from '../../../shared/action';
import { ticketAccess } from '../../../shared/ticket-access';

/** Shows the ticket's rating; lets the owner give 1–5 stars once it is resolved or closed. */
@Component({
  selector: 'hd-ticket-rating',
  imports: [
    MatButton,
    MatCard,
    MatCardContent,
    MatError,
    MatFormField,
    MatIcon,
    MatIconButton,
    MatInput,
    MatLabel,
    ReactiveFormsModule,
  ],
  templateUrl: './ticket-rating.html',
  styleUrl: './ticket-rating.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TicketRating {
  private readonly api = inject(TicketsApi);

  readonly ticket = input.required<Ticket>();
  readonly actor = input.required<Actor>();
  readonly rated = output();

  protected readonly stars = Array.from(
    { length: STARS_MAX - STARS_MIN + 1 },
    (_, i) => STARS_MIN + i,
  );
  protected readonly mayRate = computed(
    () => canRate(this.actor(), ticketAccess(this.ticket())) && isRatable(this.ticket().status),
  );
  protected readonly form = inject(NonNullableFormBuilder).group({
    stars: [0, [Validators.required, Validators.min(STARS_MIN), Validators.max(STARS_MAX)]],
    feedback: ['', [Validators.maxLength(FEEDBACK_MAX_LENGTH)]],
  });
  protected readonly chosen = signal(0);
  /** A given rating shows once, as stars; the form comes back only to change it. */
  protected readonly changing = signal(false);
  private readonly heading = viewChild<ElementRef<HTMLElement>>('heading');
  protected readonly saving = new Action();

  constructor() {
    // Reset only when the saved rating (or the ticket) really changes, not on every refresh.
    const saved = computed(
      () => {
        const { id, rating } = this.ticket();
        return { id, stars: rating?.stars ?? 0, feedback: rating?.feedback ?? '' };
      },
      {
        equal: (a, b) => a.id === b.id && a.stars === b.stars && a.feedback === b.feedback,
      },
    );
    effect(() => {
      const { stars, feedback } = saved();
      untracked(() => {
        this.form.reset({ stars, feedback });
        this.chosen.set(stars);
      });
    });
  }

  protected choose(stars: number): void {
    this.form.controls.stars.setValue(stars);
    this.chosen.set(stars);
  }

  protected submit(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const { stars, feedback } = this.form.getRawValue();
    const request: RateTicketRequest = { stars };
    if (feedback.trim()) request.feedback = feedback.trim();
    this.saving.run(this.api.rate(this.ticket().id, request), () => {
      this.changing.set(false);
      this.rated.emit();
      // The form is gone with the button that sent it; focus stays on the card.
      this.heading()?.nativeElement.focus();
    });
  }
}
