import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatProgressBar } from '@angular/material/progress-bar';
import { errorMessage } from '../core/api/error-message';

/** The loading, error and empty states every screen shows around its data. */
@Component({
  selector: 'hd-load-state',
  imports: [MatButton, MatProgressBar],
  template: `
    @if (loading()) {
      <mat-progress-bar mode="indeterminate" aria-label="Loading" />
    } @else if (error()) {
      <div class="hd-error" role="alert">
        <span>{{ message() }}</span>
        <button mat-button type="button" (click)="retry.emit()">Try again</button>
      </div>
    } @else if (empty()) {
      <p class="hd-muted">{{ emptyText() }}</p>
    }
  `,
  styles: `
    div {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px;
      margin: 8px 0;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LoadState {
  readonly loading = input(false);
  readonly error = input<unknown>(undefined);
  readonly empty = input(false);
  readonly emptyText = input('Nothing here yet.');
  readonly retry = output();

  protected readonly message = computed(() =>
    errorMessage(this.error(), 'Could not load this. Please try again.'),
  );
}
