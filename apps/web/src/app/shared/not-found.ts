import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatAnchor } from '@angular/material/button';
import { RouterLink } from '@angular/router';

@Component({
  selector: 'hd-not-found',
  imports: [MatAnchor, RouterLink],
  template: `
    <section class="hd-page">
      <h1>Not found</h1>
      <p>This page does not exist, or you are not allowed to see it.</p>
      <a mat-flat-button routerLink="/">Go to start page</a>
    </section>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NotFound {}
