import { DOCUMENT } from '@angular/common';
import { DestroyRef, inject, Injectable } from '@angular/core';
import { MatDialog } from '@angular/material/dialog';
import { Router } from '@angular/router';
import { Role } from '@helpdesk/shared/domain';
import { homeUrl } from '../auth/home-url';
import { Session } from '../auth/session';
import { ShortcutHelp } from './shortcut-help';

/** How long after `g` the second key of a "go to" pair counts. */
const CHORD_MS = 1500;

/** The items `j` / `k` walk: a row's first link in a table, or anything marked as a list item. */
const LIST_ITEMS = 'main tr.mat-mdc-row a[href], main [data-list-item]';

/**
 * The app's keyboard shortcuts (see `SHORTCUTS`), listened for on the whole document and ignored
 * while the person types in a field, holds a modifier or has a dialog open.
 */
@Injectable({ providedIn: 'root' })
export class Shortcuts {
  private readonly document = inject(DOCUMENT);
  private readonly router = inject(Router);
  private readonly session = inject(Session);
  private readonly dialog = inject(MatDialog);
  private readonly screenKeys = new Map<string, () => void>();
  private pendingG = 0;

  /** Starts listening until `destroyRef` ends (the signed-in shell). */
  listen(destroyRef: DestroyRef): void {
    const handler = (event: KeyboardEvent) => this.handle(event);
    this.document.addEventListener('keydown', handler);
    destroyRef.onDestroy(() => this.document.removeEventListener('keydown', handler));
  }

  /** A key the current screen answers to (`r`, `n`), until `destroyRef` ends. */
  register(key: 'r' | 'n', action: () => void, destroyRef: DestroyRef): void {
    this.screenKeys.set(key, action);
    destroyRef.onDestroy(() => {
      if (this.screenKeys.get(key) === action) this.screenKeys.delete(key);
    });
  }

  private handle(event: KeyboardEvent): void {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
    if (isTyping(event.target) || this.dialog.openDialogs.length) return;
    const chord = this.pendingG && Date.now() - this.pendingG < CHORD_MS;
    this.pendingG = 0;
    if (chord && (event.key === 'q' || event.key === 't')) {
      event.preventDefault();
      void this.router.navigateByUrl(this.viewUrl(event.key));
      return;
    }
    switch (event.key) {
      case 'g':
        this.pendingG = Date.now();
        return;
      case '?':
        event.preventDefault();
        this.dialog.open(ShortcutHelp, { width: '420px', maxWidth: '95vw' });
        return;
      case '/':
        this.focus(event, 'main input[type="search"]');
        return;
      case 'j':
      case 'k':
        this.move(event, event.key === 'j' ? 1 : -1);
        return;
      case 'r':
      case 'n': {
        const action = this.screenKeys.get(event.key);
        if (!action) return;
        event.preventDefault();
        action();
        return;
      }
    }
  }

  /** `g q`: the person's own work; `g t`: every ticket they may see. */
  private viewUrl(key: 'q' | 't'): string {
    const role = this.session.user()?.role ?? Role.User;
    if (role === Role.Admin) return key === 'q' ? homeUrl(role) : '/admin/tickets';
    return role === Role.Agent ? '/queue' : '/tickets';
  }

  private focus(event: KeyboardEvent, selector: string): void {
    const target = this.document.querySelector<HTMLElement>(selector);
    if (!target) return;
    event.preventDefault();
    target.click();
    target.focus();
  }

  private move(event: KeyboardEvent, step: 1 | -1): void {
    const items = [...this.document.querySelectorAll<HTMLElement>(LIST_ITEMS)];
    if (!items.length) return;
    event.preventDefault();
    const current = items.findIndex((item) => item.contains(this.document.activeElement));
    const next =
      current < 0
        ? step > 0
          ? 0
          : items.length - 1
        : Math.min(items.length - 1, Math.max(0, current + step));
    const item = items[next];
    item?.focus();
    item?.scrollIntoView({ block: 'nearest' });
  }
}

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) ||
    target.getAttribute('role') === 'combobox' ||
    target.getAttribute('role') === 'listbox'
  );
}
