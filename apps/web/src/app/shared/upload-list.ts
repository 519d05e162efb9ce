import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatIconButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { MatProgressBar } from '@angular/material/progress-bar';
import type { UploadItem } from './upload-tracker';

/** The files picked for upload, each with its progress, error, or a remove button. */
@Component({
  selector: 'hd-upload-list',
  imports: [MatIcon, MatIconButton, MatProgressBar],
  template: `
    @if (items().length) {
      <ul aria-label="Files to upload">
        @for (item of items(); track item.key) {
          <li>
            <span class="name">{{ item.file.name }}</span>
            @if (sending()) {
              <mat-progress-bar
                mode="determinate"
                [value]="item.progress"
                [attr.aria-label]="'Upload progress of ' + item.file.name"
              />
            } @else {
              <button
                mat-icon-button
                type="button"
                [attr.aria-label]="'Remove ' + item.file.name"
                (click)="removed.emit(item.key)"
              >
                <mat-icon>close</mat-icon>
              </button>
            }
            @if (item.error) {
              <span class="hd-error" role="alert">{{ item.file.name }}: {{ item.error }}</span>
            }
          </li>
        }
      </ul>
    }
  `,
  styles: `
    ul {
      list-style: none;
      padding: 0;
      margin: 4px 0;
    }
    li {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px;
      min-height: 40px;
    }
    .name {
      overflow-wrap: anywhere;
    }
    mat-progress-bar {
      flex: 1 1 120px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UploadList {
  readonly items = input.required<UploadItem[]>();
  readonly sending = input(false);
  readonly removed = output<number>();
}
