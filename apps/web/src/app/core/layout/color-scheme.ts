import { DOCUMENT } from '@angular/common';
import { computed, effect, inject, Injectable, signal } from '@angular/core';

type Scheme = 'light' | 'dark';

const STORAGE_KEY = 'hd-color-scheme';

/**
 * Light or dark: the system's setting (`prefers-color-scheme`) until the person picks one with
 * the toggle, which is remembered in this browser. The theme's tokens do the rest.
 */
@Injectable({ providedIn: 'root' })
export class ColorScheme {
  private readonly root = inject(DOCUMENT).documentElement;
  private readonly query = matchMedia('(prefers-color-scheme: dark)');
  private readonly system = signal<Scheme>(this.query.matches ? 'dark' : 'light');
  private readonly chosen = signal<Scheme | null>(readChoice());

  readonly current = computed(() => this.chosen() ?? this.system());

  constructor() {
    this.query.addEventListener('change', (event) =>
      this.system.set(event.matches ? 'dark' : 'light'),
    );
    effect(() => {
      const chosen = this.chosen();
      this.root.classList.toggle('hd-light', chosen === 'light');
      this.root.classList.toggle('hd-dark', chosen === 'dark');
    });
  }

  toggle(): void {
    const next: Scheme = this.current() === 'dark' ? 'light' : 'dark';
    // Back to following the system once the choice matches it again.
    this.chosen.set(next === this.system() ? null : next);
    try {
      if (this.chosen()) localStorage.setItem(STORAGE_KEY, next);
      else localStorage.removeItem(STORAGE_KEY);
    } catch {
      // Storage refused (private mode): the choice lasts for this page only.
    }
  }
}

function readChoice(): Scheme | null {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return value === 'light' || value === 'dark' ? value : null;
  } catch {
    return null;
  }
}
