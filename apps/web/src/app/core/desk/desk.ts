import { computed, inject, Injectable } from '@angular/core';
import {
  canReadDeskSettings,
  NO_POOL,
  type DeskAccess,
  type DeskSettings,
} from '@helpdesk/shared/domain';
import { catchError, firstValueFrom, of } from 'rxjs';
import { SettingsApi } from '../api/settings-api';
import { Session } from '../auth/session';

/**
 * The desk's settings as the signed-in agent or admin works under them (whether the pool is on).
 * Users never read them: for them the desk is always {@link NO_POOL}.
 */
@Injectable({ providedIn: 'root' })
export class Desk {
  private readonly api = inject(SettingsApi);
  private readonly actor = inject(Session).actor;
  private readonly staff = computed(() => {
    const actor = this.actor();
    return !!actor && canReadDeskSettings(actor);
  });

  readonly settings = this.api.settings(this.staff);
  readonly access = computed<DeskAccess>(() =>
    this.settings.hasValue()
      ? { agentsSeeUnassigned: this.settings.value().assignment.agentsSeeUnassigned }
      : NO_POOL,
  );

  /** Asks again (an admin may have changed them since) and tells what they now decide. */
  async load(): Promise<DeskAccess> {
    if (!this.staff()) return NO_POOL;
    const settings = await firstValueFrom(this.api.get().pipe(catchError(() => of(null))));
    if (settings) this.settings.set(settings);
    return this.access();
  }

  /** The settings an admin just saved. */
  saved(settings: DeskSettings): void {
    this.settings.set(settings);
  }
}
