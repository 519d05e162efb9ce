import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  linkedSignal,
  output,
} from '@angular/core';
import { MatButton } from '@angular/material/button';
import { canBrowseTags, canChangeTags, type Actor, type Ticket } from '@helpdesk/shared/domain';
import { TicketsApi } from '../../../core/api/tickets-api';
import { Action } from '../../../shared/action';
import { TagChips } from '../../../shared/tag-chips';
import { TagInput } from '../../../shared/tag-input';
import { ticketAccess } from '../../../shared/ticket-access';

/** The ticket's tags: chips for everyone, an editor for those the shared rule lets change them. */
@Component({
  selector: 'hd-ticket-tags',
  imports: [MatButton, TagChips, TagInput],
  template: `
    @if (mayEdit()) {
      <div class="editor">
        <hd-tag-input
          label="Tags"
          [suggest]="suggests()"
          [disabled]="action.busy()"
          [(tags)]="draft"
        />
        @if (changed()) {
          <button mat-stroked-button type="button" [disabled]="action.busy()" (click)="save()">
            Save tags
          </button>
        }
      </div>
      @if (action.error(); as message) {
        <p class="hd-error" role="alert">{{ message }}</p>
      }
    } @else {
      <hd-tag-chips [tags]="ticket().tags" />
    }
  `,
  styles: `
    .editor {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px;
      margin-top: 8px;

      hd-tag-input {
        flex: 1 1 240px;
      }
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TicketTags {
  private readonly api = inject(TicketsApi);

  readonly ticket = input.required<Ticket>();
  readonly actor = input.required<Actor>();
  readonly updated = output<Ticket>();

  protected readonly mayEdit = computed(() =>
    canChangeTags(this.actor(), ticketAccess(this.ticket())),
  );
  protected readonly suggests = computed(() => canBrowseTags(this.actor()));
  /** The tags being edited; follows the ticket when it changes elsewhere. */
  protected readonly draft = linkedSignal(() => this.ticket().tags);
  protected readonly changed = computed(
    () => this.draft().join(',') !== this.ticket().tags.join(','),
  );
  protected readonly action = new Action();

  protected save(): void {
    this.action.run(this.api.update(this.ticket().id, { tags: this.draft() }), (ticket) =>
      this.updated.emit(ticket),
    );
  }
}
