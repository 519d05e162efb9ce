import { ChangeDetectionStrategy, Component, computed, inject, output } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import {
  MatAutocomplete,
  type MatAutocompleteSelectedEvent,
  MatAutocompleteTrigger,
  MatOption,
} from '@angular/material/autocomplete';
import { MatFormField, MatLabel, MatPrefix } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import type { CannedReply } from '@helpdesk/shared/domain';
import { debounceTime, distinctUntilChanged, map } from 'rxjs';
import { CannedRepliesApi } from '../../../core/api/canned-replies-api';

/** A search box over the desk's canned replies; picking one hands it on and clears the box. */
@Component({
  selector: 'hd-canned-reply-picker',
  imports: [
    MatAutocomplete,
    MatAutocompleteTrigger,
    MatFormField,
    MatIcon,
    MatInput,
    MatLabel,
    MatOption,
    MatPrefix,
    ReactiveFormsModule,
  ],
  template: `
    <mat-form-field class="hd-full-width" subscriptSizing="dynamic">
      <mat-label>Insert a canned reply</mat-label>
      <mat-icon matPrefix>quickreply</mat-icon>
      <input
        matInput
        type="search"
        [formControl]="search"
        [matAutocomplete]="auto"
        data-testid="canned-reply-search"
      />
      <mat-autocomplete
        #auto="matAutocomplete"
        [displayWith]="showNothing"
        (optionSelected)="choose($event)"
      >
        @for (reply of replies(); track reply.id) {
          <mat-option [value]="reply">
            <span class="title">{{ reply.title }}</span>
            <span class="excerpt">{{ reply.body }}</span>
          </mat-option>
        } @empty {
          <mat-option disabled>{{ emptyText() }}</mat-option>
        }
      </mat-autocomplete>
    </mat-form-field>
  `,
  styles: `
    .title {
      display: block;
      font: var(--mat-sys-title-small);
    }
    .excerpt {
      display: block;
      overflow: hidden;
      white-space: nowrap;
      text-overflow: ellipsis;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CannedReplyPicker {
  readonly picked = output<CannedReply>();

  /** What is typed; the chosen reply while an option is being picked. */
  protected readonly search = new FormControl<string | CannedReply>('', { nonNullable: true });
  private readonly q = toSignal(
    this.search.valueChanges.pipe(
      map((value) => (typeof value === 'string' ? value.trim() : '')),
      debounceTime(200),
      distinctUntilChanged(),
    ),
    { initialValue: '' },
  );
  private readonly list = inject(CannedRepliesApi).list(() => this.q());
  protected readonly replies = computed(() => (this.list.hasValue() ? this.list.value() : []));
  protected readonly emptyText = computed(() => {
    if (this.list.isLoading()) return 'Loading…';
    if (this.list.error()) return 'Canned replies could not be loaded.';
    return this.q() ? 'No canned reply matches.' : 'No canned replies yet.';
  });

  protected readonly showNothing = (): string => '';

  protected choose(event: MatAutocompleteSelectedEvent): void {
    this.picked.emit(event.option.value as CannedReply);
    this.search.setValue('');
  }
}
