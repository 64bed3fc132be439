import { BreakpointObserver } from '@angular/cdk/layout';
import { inject, type Signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { map } from 'rxjs';

/** Below ng-zorro's `md` breakpoint (768 px): a phone held upright, where lists become cards and the menu a drawer. */
export const HANDSET_QUERY = '(max-width: 767.98px)';

/** True while the viewport is phone-sized; follows rotation and resizing. Call in an injection context. */
export function injectHandset(): Signal<boolean> {
  const observer = inject(BreakpointObserver);
  return toSignal(observer.observe(HANDSET_QUERY).pipe(map((state) => state.matches)), {
    initialValue: observer.isMatched(HANDSET_QUERY),
  });
}
