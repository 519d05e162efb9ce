import { ChangeDetectionStrategy, Component, inject, linkedSignal } from '@angular/core';
import { MatSlideToggle } from '@angular/material/slide-toggle';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Action } from '../../shared/action';
import { AccountApi } from '../api/account-api';
import { UsersApi } from '../api/users-api';
import { Session } from '../auth/session';

/**
 * An agent says whether they take new work: away agents are skipped by automatic assignment.
 * The current state is the agent's own entry in the agents list.
 */
@Component({
  selector: 'hd-availability-toggle',
  imports: [MatSlideToggle],
  template: `
    @if (available() !== null) {
      <mat-slide-toggle
        [checked]="available()"
        [disabled]="saving.busy()"
        (change)="set($event.checked)"
        data-testid="availability"
      >
        {{ available() ? 'Available' : 'Away' }}
      </mat-slide-toggle>
    }
  `,
  styles: `
    mat-slide-toggle {
      margin: 0 8px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AvailabilityToggle {
  private readonly api = inject(AccountApi);
  private readonly snackBar = inject(MatSnackBar);
  private readonly me = inject(Session).actor;
  private readonly agents = inject(UsersApi).agents(() => true);

  /** `null` until known; set at once when changed, and back if the change fails. */
  protected readonly available = linkedSignal<boolean | null>(() => {
    const id = this.me()?.id;
    if (!this.agents.hasValue()) return null;
    return this.agents.value().find((agent) => agent.id === id)?.available ?? null;
  });
  protected readonly saving = new Action({
    failed: (message) => {
      this.snackBar.open(message, 'OK', { duration: 6000 });
      this.agents.reload();
    },
  });

  protected set(available: boolean): void {
    this.available.set(available);
    this.saving.run(this.api.update({ available }), (user) => {
      if (user.available !== undefined) this.available.set(user.available);
    });
  }
}
