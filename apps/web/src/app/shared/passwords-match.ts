import type { AbstractControl, ValidationErrors } from '@angular/forms';

/** A form group's `repeat` must equal its `password` (`mismatch` otherwise, once repeated). */
export function passwordsMatch(group: AbstractControl): ValidationErrors | null {
  const { password, repeat } = group.value as { password?: string; repeat?: string };
  return repeat && password !== repeat ? { mismatch: true } : null;
}
