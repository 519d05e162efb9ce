import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { MatSnackBar } from '@angular/material/snack-bar';
import { VIEW_NAME_MAX_LENGTH } from '@helpdesk/shared/domain';
import { SavedViews } from '../../core/views/saved-views';
import { Action } from '../action';

/** "Save view": keeps the list's current filters under a name, shown in the navigation. */
@Component({
  selector: 'hd-save-view',
  imports: [MatButton, MatFormField, MatIcon, MatInput, MatLabel, ReactiveFormsModule],
  template: `
    @if (open()) {
      <form class="save" [formGroup]="form" (ngSubmit)="save()">
        <mat-form-field subscriptSizing="dynamic">
          <mat-label>View name</mat-label>
          <input matInput [formControl]="name" [maxlength]="nameMax" required />
        </mat-form-field>
        <button mat-flat-button type="submit" [disabled]="action.busy() || name.invalid">
          Save
        </button>
        <button mat-button type="button" (click)="open.set(false)">Cancel</button>
        @if (action.error(); as message) {
          <span class="hd-error" role="alert">{{ message }}</span>
        }
      </form>
    } @else {
      <button mat-stroked-button type="button" (click)="open.set(true)">
        <mat-icon>bookmark_add</mat-icon>
        Save view
      </button>
    }
  `,
  styles: `
    .save {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SaveView {
  private readonly views = inject(SavedViews);
  private readonly snackBar = inject(MatSnackBar);

  /** The list's filters as the API's query string (`status=open&tag=vpn`). */
  readonly query = input.required<string>();

  protected readonly nameMax = VIEW_NAME_MAX_LENGTH;
  protected readonly open = signal(false);
  protected readonly name = new FormControl('', {
    nonNullable: true,
    validators: [Validators.required, Validators.maxLength(VIEW_NAME_MAX_LENGTH)],
  });
  protected readonly form = new FormGroup({ name: this.name });
  protected readonly action = new Action();

  protected save(): void {
    const name = this.name.value.trim();
    if (!name) return;
    this.action.run(this.views.save(name, this.query()), (view) => {
      this.open.set(false);
      this.name.reset();
      this.snackBar.open(`Saved the view “${view.name}”.`, 'OK', { duration: 4000 });
    });
  }
}
