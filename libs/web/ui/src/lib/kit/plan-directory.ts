import { computed, inject } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import type { PlanResponse } from '@luoshi/contracts';
import { PlansApi } from '@luoshi/web/core';

/**
 * The plans as a page loads them for its plan picker: the resource (its error, retry and loading)
 * and the list, empty until loaded; `keep` narrows it (e.g. action plans only).
 * Create with `planDirectory()` in a field initializer.
 */
export function planDirectory(keep: (plan: PlanResponse) => boolean = () => true) {
  const api = inject(PlansApi);
  const resource = rxResource({ stream: () => api.list() });
  return {
    resource,
    list: computed(() => (resource.hasValue() ? resource.value().filter(keep) : [])),
  };
}
