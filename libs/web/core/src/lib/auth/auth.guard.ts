import { inject } from '@angular/core';
import { type CanActivateFn, Router } from '@angular/router';
import type { Role } from '@luoshi/contracts';
import { AuthService } from './auth.service';

/** Signed-in users only; others go to the login page and come back afterwards. */
export const signedInGuard: CanActivateFn = (_route, state) => {
  const auth = inject(AuthService);
  if (auth.signedIn()) return true;
  return inject(Router).createUrlTree(['/login'], { queryParams: { returnUrl: state.url } });
};

/** The login page is for signed-out users; signed-in users go home. */
export const signedOutGuard: CanActivateFn = () => {
  const auth = inject(AuthService);
  return auth.signedIn() ? inject(Router).parseUrl(auth.homePath()) : true;
};

/** Users holding at least one of the roles; others see the forbidden page. */
export function roleGuard(...roles: Role[]): CanActivateFn {
  return () => {
    const auth = inject(AuthService);
    if (!auth.signedIn()) return inject(Router).createUrlTree(['/login']);
    return auth.hasAnyRole(roles) ? true : inject(Router).createUrlTree(['/forbidden']);
  };
}
