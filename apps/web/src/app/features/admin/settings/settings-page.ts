import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, effect, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatButtonToggle, MatButtonToggleGroup } from '@angular/material/button-toggle';
import { MatCard, MatCardContent } from '@angular/material/card';
import { MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatRadioButton, MatRadioGroup } from '@angular/material/radio';
import { MatSlideToggle } from '@angular/material/slide-toggle';
import { MatSnackBar } from '@angular/material/snack-bar';
import {
  applyDeskSettingsPatch,
  AssignmentMode,
  PRIORITIES,
  type ApiError,
} from '@helpdesk/shared/domain';
import { errorMessage } from '../../../core/api/error-message';
import { SettingsApi } from '../../../core/api/settings-api';
import { Desk } from '../../../core/desk/desk';
import { Action } from '../../../shared/action';
import { PRIORITY_LABELS } from '../../../shared/labels';
import { LoadState } from '../../../shared/load-state';
import { fillSettingsForm, settingsChanges, settingsForm, settingsFromForm } from './settings-form';
import { settingsMessage } from './settings-messages';

const MODES: readonly { value: AssignmentMode; label: string; hint: string }[] = [
  {
    value: AssignmentMode.Manual,
    label: 'Manual',
    hint: 'New tickets wait unassigned until an admin assigns them or an agent takes one.',
  },
  {
    value: AssignmentMode.RoundRobin,
    label: 'Round robin',
    hint: 'New tickets go to the available agents in turn.',
  },
  {
    value: AssignmentMode.LeastOpen,
    label: 'Least open tickets',
    hint: 'New tickets go to the available agent with the fewest open tickets.',
  },
];

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].map((label, index) => ({
  value: index + 1,
  label,
}));

/** The API's reasons for refusing a change, each naming the setting as this page does. */
function refusal(error: unknown): string {
  const message =
    error instanceof HttpErrorResponse && error.status === 400
      ? (error.error as Partial<ApiError> | null)?.message
      : undefined;
  const messages = typeof message === 'string' ? [message] : (message ?? []);
  return messages.length ? messages.map(settingsMessage).join('. ') : errorMessage(error);
}

/** "90" → "1 h 30 min": a number of minutes as people read it. */
function readableMinutes(minutes: number | null): string {
  if (minutes === null || !Number.isInteger(minutes) || minutes < 0) return '';
  const days = Math.floor(minutes / (24 * 60));
  const hours = Math.floor((minutes % (24 * 60)) / 60);
  const rest = minutes % 60;
  const parts = [days && `${days} d`, hours && `${hours} h`, rest && `${rest} min`].filter(Boolean);
  return parts.length ? parts.join(' ') : '0 min';
}

/** The desk's settings for admins: how tickets are assigned, the pool, SLA targets, CSAT. */
@Component({
  selector: 'hd-settings-page',
  imports: [
    LoadState,
    MatButton,
    MatButtonToggle,
    MatButtonToggleGroup,
    MatCard,
    MatCardContent,
    MatFormField,
    MatHint,
    MatInput,
    MatLabel,
    MatRadioButton,
    MatRadioGroup,
    MatSlideToggle,
    ReactiveFormsModule,
  ],
  templateUrl: './settings-page.html',
  styleUrl: './settings-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SettingsPage {
  private readonly api = inject(SettingsApi);
  private readonly desk = inject(Desk);
  private readonly snackBar = inject(MatSnackBar);

  protected readonly settings = this.desk.settings;
  protected readonly form = settingsForm(inject(NonNullableFormBuilder));
  protected readonly modes = MODES;
  protected readonly weekdays = WEEKDAYS;
  /** Most pressing first, as a desk reads its targets. */
  protected readonly priorities = [...PRIORITIES].reverse();
  protected readonly priorityLabels = PRIORITY_LABELS;
  protected readonly readableMinutes = readableMinutes;
  /** What the shared rules find wrong before anything is sent. */
  protected readonly problems = signal<string[]>([]);
  protected readonly saving = new Action({ describe: refusal });

  constructor() {
    // Shows the settings once known, and again after a reload, unless the admin is editing.
    effect(() => {
      if (this.settings.hasValue() && this.form.pristine) {
        fillSettingsForm(this.form, this.settings.value());
      }
    });
  }

  protected save(): void {
    if (!this.settings.hasValue()) return;
    const current = this.settings.value();
    const result = applyDeskSettingsPatch(current, settingsFromForm(this.form));
    if ('errors' in result) {
      this.problems.set(result.errors.map(settingsMessage));
      return;
    }
    this.problems.set([]);
    const patch = settingsChanges(current, result.settings);
    if (!patch) {
      this.snackBar.open('Nothing has changed.', 'OK', { duration: 4000 });
      return;
    }
    this.saving.run(this.api.update(patch), (saved) => {
      this.desk.saved(saved);
      fillSettingsForm(this.form, saved);
      this.snackBar.open('Settings saved.', 'OK', { duration: 4000 });
    });
  }

  protected discard(): void {
    this.problems.set([]);
    if (this.settings.hasValue()) fillSettingsForm(this.form, this.settings.value());
  }
}
