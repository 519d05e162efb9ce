import { HttpClient, httpResource, type HttpResourceRef } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { DeskSettings, DeskSettingsPatch } from '@helpdesk/shared/domain';
import type { Observable } from 'rxjs';

/** The desk settings URL of the API: read by agents and admins, changed by admins. */
@Injectable({ providedIn: 'root' })
export class SettingsApi {
  private readonly http = inject(HttpClient);

  /** The desk's settings; nothing is fetched while `when` gives `false`. */
  settings(when: () => boolean): HttpResourceRef<DeskSettings | undefined> {
    return httpResource<DeskSettings>(() => (when() ? '/api/settings' : undefined));
  }

  /** The desk's settings once, e.g. for a route guard. */
  get(): Observable<DeskSettings> {
    return this.http.get<DeskSettings>('/api/settings');
  }

  /** A partial, deep change; answers the settings as they now are. */
  update(patch: DeskSettingsPatch): Observable<DeskSettings> {
    return this.http.patch<DeskSettings>('/api/settings', patch);
  }
}
