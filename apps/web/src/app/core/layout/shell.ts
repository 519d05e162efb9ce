import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject } from '@angular/core';
import { MatAnchor, MatButton, MatIconButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIcon } from '@angular/material/icon';
import { MatToolbar } from '@angular/material/toolbar';
import { Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { canSetAvailability, Role } from '@helpdesk/shared/domain';
import { ROLE_LABELS } from '../../shared/labels';
import { Session } from '../auth/session';
import { Desk } from '../desk/desk';
import { ShortcutHelp } from '../keyboard/shortcut-help';
import { Shortcuts } from '../keyboard/shortcuts';
import { AvailabilityToggle } from './availability-toggle';
import { ViewLinks } from './view-links';
import { ColorScheme } from './color-scheme';
import { navLinks } from './nav-links';

/** The signed-in frame: top bar with the person, their navigation and sign out. */
@Component({
  selector: 'hd-shell',
  imports: [
    AvailabilityToggle,
    MatAnchor,
    MatButton,
    MatIcon,
    MatIconButton,
    MatToolbar,
    RouterLink,
    RouterLinkActive,
    RouterOutlet,
    ViewLinks,
  ],
  templateUrl: './shell.html',
  styleUrl: './shell.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Shell {
  private readonly session = inject(Session);
  private readonly router = inject(Router);
  private readonly desk = inject(Desk).access;
  private readonly dialog = inject(MatDialog);
  protected readonly scheme = inject(ColorScheme);

  protected readonly user = this.session.user;
  protected readonly roleLabel = computed(() => {
    const user = this.user();
    return user ? ROLE_LABELS[user.role] : '';
  });
  protected readonly links = computed(() => {
    const user = this.user();
    return user ? navLinks(user.role, this.desk()) : [];
  });
  protected readonly showsAvailability = computed(() => {
    const actor = this.session.actor();
    return !!actor && canSetAvailability(actor);
  });
  protected readonly isAdmin = computed(() => this.user()?.role === Role.Admin);

  constructor() {
    inject(Shortcuts).listen(inject(DestroyRef));
  }

  /** Focuses the page's content without adding `#main` to the address (routes own the URL). */
  protected skipToMain(event: Event): void {
    event.preventDefault();
    document.getElementById('main')?.focus();
  }

  protected showShortcuts(): void {
    this.dialog.open(ShortcutHelp, { width: '420px', maxWidth: '95vw' });
  }

  protected signOut(): void {
    this.session.logout().subscribe({
      complete: () => void this.router.navigateByUrl('/login'),
      error: () => void this.router.navigateByUrl('/login'),
    });
  }
}
