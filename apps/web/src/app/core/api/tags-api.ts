import { httpResource, type HttpResourceRef } from '@angular/common/http';
import { Injectable } from '@angular/core';
import type { TagCount } from '@helpdesk/shared/domain';

/** The desk's tag vocabulary (agents and admins). */
@Injectable({ providedIn: 'root' })
export class TagsApi {
  /** Tags starting with `prefix`, most used first; nothing is fetched while it gives `undefined`. */
  suggestions(prefix: () => string | undefined): HttpResourceRef<TagCount[] | undefined> {
    return httpResource<TagCount[]>(() => {
      const q = prefix();
      if (q === undefined) return undefined;
      const params: Record<string, string> = q ? { q } : {};
      return { url: '/api/tags', params };
    });
  }
}
