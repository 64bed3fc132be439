import { HttpErrorResponse, type HttpHandlerFn, type HttpInterceptorFn, type HttpRequest } from '@angular/common/http';
import { inject } from '@angular/core';
import { catchError, switchMap, throwError } from 'rxjs';
import { toApiError } from '../api/api-error';
import { SKIP_AUTH } from './auth-context';
import { AuthService } from './auth.service';

function withBearer(request: HttpRequest<unknown>, token: string | null): HttpRequest<unknown> {
  return token ? request.clone({ setHeaders: { Authorization: `Bearer ${token}` } }) : request;
}

/**
 * Adds the Bearer token to /api calls; on a 401 of a signed-in user (an expired token, or none yet
 * after a reload: it lives in memory only) refreshes once with the HttpOnly cookie and retries;
 * turns every failure into an ApiError.
 */
export const authInterceptor: HttpInterceptorFn = (request, next: HttpHandlerFn) => {
  if (!request.url.startsWith('/api')) return next(request);
  const auth = inject(AuthService);
  const skip = request.context.get(SKIP_AUTH);
  const token = skip ? null : auth.accessToken();

  return next(withBearer(request, token)).pipe(
    catchError((error: unknown) => {
      const canRefresh = error instanceof HttpErrorResponse && error.status === 401 && !skip && auth.signedIn();
      if (!canRefresh) return throwError(() => error);
      return auth.refreshAccessToken().pipe(
        catchError(() => {
          auth.expire();
          return throwError(() => error);
        }),
        switchMap((fresh) => next(withBearer(request, fresh))),
      );
    }),
    catchError((error: unknown) => throwError(() => toApiError(error))),
  );
};
