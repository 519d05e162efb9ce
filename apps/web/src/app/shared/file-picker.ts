import { ChangeDetectionStrategy, Component, input, output, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { ATTACHMENT_EXTENSIONS } from '@helpdesk/shared/domain';
import { attachmentProblem } from '../core/api/attachment-check';

/** Picks files to attach, refusing wrong types and sizes before anything is sent. */
@Component({
  selector: 'hd-file-picker',
  imports: [MatButton, MatIcon],
  template: `
    <input
      #input
      class="hd-sr-only"
      type="file"
      multiple
      [accept]="accept"
      [attr.aria-label]="label()"
      [disabled]="disabled()"
      (change)="pick(input)"
    />
    <button
      mat-stroked-button
      type="button"
      [disabled]="disabled()"
      (click)="input.click()"
      aria-hidden="true"
      tabindex="-1"
    >
      <mat-icon>attach_file</mat-icon>
      {{ label() }}
    </button>
    @for (problem of problems(); track $index) {
      <p class="hd-error" role="alert">{{ problem }}</p>
    }
  `,
  styles: `
    input:focus-visible + button {
      outline: 2px solid var(--mat-sys-primary);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FilePicker {
  readonly label = input('Attach files');
  readonly disabled = input(false);
  /** The chosen files that passed the type and size checks. */
  readonly picked = output<File[]>();

  protected readonly accept = ATTACHMENT_EXTENSIONS.map((extension) => `.${extension}`).join(',');
  protected readonly problems = signal<string[]>([]);

  protected pick(element: HTMLInputElement): void {
    const files = Array.from(element.files ?? []);
    element.value = '';
    const problems = files.map(attachmentProblem).filter((p): p is string => p !== null);
    this.problems.set(problems);
    const accepted = files.filter((file) => attachmentProblem(file) === null);
    if (accepted.length) this.picked.emit(accepted);
  }
}
