import { computed, inject } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { PlansApi } from '@luoshi/web/core';

/**
 * The plan list as a page loads it for its pickers and tables: the resource (loading, error,
 * reload) and the list, empty until loaded. Create with `planDirectory()` in a field initializer.
 */
export function planDirectory() {
  const api = inject(PlansApi);
  const resource = rxResource({ stream: () => api.list() });
  return {
    resource,
    list: computed(() => (resource.hasValue() ? resource.value() : [])),
  };
}
