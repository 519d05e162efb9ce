import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  output,
  signal,
} from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatCard, MatCardContent } from '@angular/material/card';
import { MatIcon } from '@angular/material/icon';
import {
  canUploadAttachment,
  type Actor,
  type Attachment,
  type Ticket,
} from '@helpdesk/shared/domain';
import { formatBytes } from '../../../core/api/attachment-check';
import { TicketsApi } from '../../../core/api/tickets-api';
import { FilePicker } from '../../../shared/file-picker';
import { LoadState } from '../../../shared/load-state';
import { ticketAccess } from '../../../shared/ticket-access';
import { UploadList } from '../../../shared/upload-list';
import { UploadTracker } from '../../../shared/upload-tracker';

/** The ticket's files: download links, and upload with progress for those allowed. */
@Component({
  selector: 'hd-ticket-attachments',
  imports: [FilePicker, LoadState, MatButton, MatCard, MatCardContent, MatIcon, UploadList],
  template: `
    <mat-card appearance="outlined">
      <mat-card-content>
        <h2>Attachments</h2>
        <hd-load-state
          [loading]="loading() && !attachments().length"
          [error]="error()"
          [empty]="!loading() && !error() && !attachments().length"
          emptyText="No files attached."
          (retry)="retry.emit()"
        />
        <ul class="files" aria-label="Attachments">
          @for (file of attachments(); track file.id) {
            <li>
              <mat-icon aria-hidden="true">description</mat-icon>
              <span class="text">
                <a [href]="contentUrl(file)" download>{{ file.filename }}</a>
                <span class="hd-muted">{{ size(file.size) }} · {{ file.uploadedBy.name }}</span>
              </span>
            </li>
          }
        </ul>
        @if (mayUpload()) {
          <hd-file-picker label="Add files" [disabled]="sending()" (picked)="uploads.add($event)" />
          <hd-upload-list
            [items]="uploads.items()"
            [sending]="sending()"
            (removed)="uploads.remove($event)"
          />
          @if (uploads.items().length && !sending()) {
            <button mat-flat-button type="button" (click)="send()">Upload</button>
          }
        }
      </mat-card-content>
    </mat-card>
  `,
  styles: `
    .files {
      list-style: none;
      margin: 0 0 12px;
      padding: 0;
    }
    li {
      display: flex;
      gap: 8px;
      padding: 4px 0;
    }
    .text {
      display: flex;
      flex-direction: column;
      min-width: 0;
      overflow-wrap: anywhere;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TicketAttachments {
  private readonly api = inject(TicketsApi);

  readonly ticket = input.required<Ticket>();
  readonly actor = input.required<Actor>();
  readonly attachments = input.required<Attachment[]>();
  readonly loading = input(false);
  readonly error = input<unknown>();
  readonly uploaded = output();
  readonly retry = output();

  protected readonly mayUpload = computed(() =>
    canUploadAttachment(this.actor(), ticketAccess(this.ticket())),
  );
  protected readonly uploads = new UploadTracker(this.api);
  protected readonly sending = signal(false);
  protected readonly size = formatBytes;

  protected contentUrl(file: Attachment): string {
    return this.api.contentUrl(file);
  }

  protected send(): void {
    const total = this.uploads.items().length;
    this.sending.set(true);
    this.uploads.uploadAll(this.ticket().id).subscribe((failed) => {
      this.sending.set(false);
      this.uploads.clearDone();
      if (failed < total) this.uploaded.emit();
    });
  }
}
