import { ChangeDetectionStrategy, Component, input } from '@angular/core';

/** A ticket's tags as small read-only chips. */
@Component({
  selector: 'hd-tag-chips',
  template: `
    @if (tags().length) {
      <ul class="tags" aria-label="Tags">
        @for (tag of tags(); track tag) {
          <li>{{ tag }}</li>
        }
      </ul>
    }
  `,
  styles: `
    .tags {
      display: flex;
      flex-wrap: wrap;
      gap: 4px;
      list-style: none;
      margin: 0;
      padding: 0;
    }
    li {
      padding: 0 8px;
      border-radius: 8px;
      border: 1px solid var(--mat-sys-outline-variant);
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-label-small);
      line-height: 20px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TagChips {
  readonly tags = input.required<readonly string[]>();
}
