import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  model,
  signal,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { COMMA, ENTER, SPACE } from '@angular/cdk/keycodes';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import {
  MatAutocomplete,
  MatAutocompleteTrigger,
  type MatAutocompleteSelectedEvent,
} from '@angular/material/autocomplete';
import { MatChipGrid, MatChipInput, MatChipRemove, MatChipRow } from '@angular/material/chips';
import { MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatOption } from '@angular/material/select';
import { normalizeTags } from '@helpdesk/shared/domain';
import { debounceTime, map } from 'rxjs';
import { TagsApi } from '../core/api/tags-api';

/**
 * Tags as removable chips with a text field that adds more (Enter, comma or space), suggesting
 * the desk's tags while typing when `suggest` is on (agents and admins may browse them).
 */
@Component({
  selector: 'hd-tag-input',
  imports: [
    MatAutocomplete,
    MatAutocompleteTrigger,
    MatChipGrid,
    MatChipInput,
    MatChipRemove,
    MatChipRow,
    MatFormField,
    MatHint,
    MatIcon,
    MatLabel,
    MatOption,
    ReactiveFormsModule,
  ],
  template: `
    <mat-form-field class="hd-full-width" subscriptSizing="dynamic">
      <mat-label>{{ label() }}</mat-label>
      <mat-chip-grid #grid [attr.aria-label]="label()" [disabled]="disabled()">
        @for (tag of tags(); track tag) {
          <mat-chip-row (removed)="remove(tag)">
            {{ tag }}
            <button matChipRemove type="button" [attr.aria-label]="'Remove tag ' + tag">
              <mat-icon>cancel</mat-icon>
            </button>
          </mat-chip-row>
        }
        <input
          #trigger="matAutocompleteTrigger"
          [formControl]="draft"
          [matChipInputFor]="grid"
          [matChipInputSeparatorKeyCodes]="separators"
          [matAutocomplete]="auto"
          [matAutocompleteDisabled]="!suggest()"
          (matChipInputTokenEnd)="trigger.activeOption || add($event.value)"
        />
      </mat-chip-grid>
      <mat-autocomplete #auto="matAutocomplete" (optionSelected)="picked($event)">
        @for (suggestion of suggestions(); track suggestion.name) {
          <mat-option [value]="suggestion.name">
            {{ suggestion.name }} <span class="hd-muted">({{ suggestion.count }})</span>
          </mat-option>
        }
      </mat-autocomplete>
      @if (problem(); as message) {
        <mat-hint class="hd-error" role="alert">{{ message }}</mat-hint>
      }
    </mat-form-field>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TagInput {
  readonly label = input('Tags');
  readonly tags = model<string[]>([]);
  /** Suggest the desk's tags while typing (`canBrowseTags`). */
  readonly suggest = input(false);
  readonly disabled = input(false);

  protected readonly separators = [ENTER, COMMA, SPACE];
  protected readonly draft = new FormControl('', { nonNullable: true });
  protected readonly problem = signal<string | null>(null);
  private readonly prefix = toSignal(
    this.draft.valueChanges.pipe(
      debounceTime(200),
      map((value) => value.trim().toLowerCase()),
    ),
    { initialValue: '' },
  );
  /** Asked once something is typed: the field alone suggests nothing. */
  private readonly found = inject(TagsApi).suggestions(() =>
    this.suggest() && this.prefix() ? this.prefix() : undefined,
  );
  protected readonly suggestions = computed(() => {
    const chosen = new Set(this.tags());
    return this.found.hasValue() ? this.found.value().filter((tag) => !chosen.has(tag.name)) : [];
  });

  protected picked(event: MatAutocompleteSelectedEvent): void {
    this.add(String(event.option.value));
  }

  protected add(raw: string): void {
    const value = raw.trim();
    if (!value) return;
    const result = normalizeTags([...this.tags(), value]);
    if (!result.ok) {
      this.problem.set(result.message);
      return;
    }
    this.problem.set(null);
    this.tags.set(result.tags);
    this.draft.setValue('');
  }

  protected remove(tag: string): void {
    this.problem.set(null);
    this.tags.set(this.tags().filter((each) => each !== tag));
  }
}
