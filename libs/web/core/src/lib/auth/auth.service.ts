import { DOCUMENT } from '@angular/common';
import { HttpClient } from '@angular/common/http';
import { computed, DestroyRef, inject, Injectable, signal } from '@angular/core';
import { Router } from '@angular/router';
import { catchError, finalize, map, type Observable, of, shareReplay, tap, throwError } from 'rxjs';
import { ApiPaths, type LoginRequest, type LoginResponse, type Role, type UserResponse } from '@luoshi/contracts';
import { anonymous } from './auth-context';
import { homePathFor, primaryRole } from './role-homes';
import { parseSession, readSession, SESSION_STORAGE_KEY, sessionFrom, type StoredSession, writeSession } from './session.storage';

/** Why the user lands on the login page without having asked to. */
export type SignedOutReason = 'expired';

@Injectable({ providedIn: 'root' })
export class AuthService {
  private readonly http = inject(HttpClient);
  private readonly router = inject(Router);
  private readonly storage = inject(DOCUMENT).defaultView?.localStorage;
  private readonly session = signal<StoredSession | null>(readSession(this.storage));
  /** The access token: in memory only, never in storage (a reload refreshes it with the HttpOnly cookie). */
  private readonly token = signal<string | null>(null);
  private refreshInFlight: Observable<string> | null = null;

  readonly user = computed<UserResponse | null>(() => this.session()?.user ?? null);
  readonly signedIn = computed(() => this.session() !== null);
  readonly roles = computed<readonly Role[]>(() => this.user()?.roles ?? []);
  readonly primaryRole = computed(() => primaryRole(this.roles()));
  readonly homePath = computed(() => homePathFor(this.roles()));

  constructor() {
    // Another tab signing in or out changes this tab too.
    const view = inject(DOCUMENT).defaultView;
    // Sessions stored by older versions carried tokens: keep only the user.
    writeSession(this.storage, this.session());
    const onStorage = (event: StorageEvent): void => {
      if (event.key === SESSION_STORAGE_KEY || event.key === null) {
        this.session.set(readSession(this.storage));
        if (!this.session()) this.token.set(null);
      }
    };
    view?.addEventListener('storage', onStorage);
    inject(DestroyRef).onDestroy(() => view?.removeEventListener('storage', onStorage));
  }

  accessToken(): string | null {
    return this.signedIn() ? this.token() : null;
  }

  hasAnyRole(roles: readonly Role[]): boolean {
    const mine = this.roles();
    return roles.some((role) => mine.includes(role));
  }

  login(request: LoginRequest): Observable<UserResponse> {
    return this.http
      .post<LoginResponse>(ApiPaths.login, request, { context: anonymous() })
      .pipe(map((response) => this.store(response).user));
  }

  /**
   * Trades the HttpOnly refresh cookie for a new access token (the cookie rotates). Concurrent
   * callers share one request, so a burst of 401s spends the refresh token once.
   */
  refreshAccessToken(): Observable<string> {
    if (!this.signedIn()) return throwError(() => new Error('Not signed in'));
    this.refreshInFlight ??= this.http
      .post<LoginResponse>(ApiPaths.refresh, {}, { context: anonymous() })
      .pipe(
        map((response) => this.store(response).accessToken),
        finalize(() => (this.refreshInFlight = null)),
        shareReplay({ bufferSize: 1, refCount: false }),
      );
    return this.refreshInFlight;
  }

  /** Re-reads the signed-in user (roles or department may have changed since login). */
  reloadUser(): Observable<UserResponse | null> {
    if (!this.signedIn()) return of(null);
    return this.http.get<UserResponse>(ApiPaths.me).pipe(
      tap((user) => {
        // Only if still signed in as the same user (not signed out or switched meanwhile). The stored
        // session wins over this tab's copy: another tab may have rotated the tokens while /me was on its way.
        const current = this.latestSession();
        if (current && current.user.id === user.id) this.setSession({ ...current, user });
      }),
    );
  }

  /** Ends the session on the server (best effort) and here, then shows the login page. */
  logout(): Observable<void> {
    const end = (): void => {
      this.setSession(null);
      void this.router.navigateByUrl('/login');
    };
    if (!this.signedIn()) {
      end();
      return of(undefined);
    }
    return this.http.post<void>(ApiPaths.logout, null).pipe(
      catchError(() => of(undefined)),
      tap(end),
      map(() => undefined),
    );
  }

  /** The session can no longer be refreshed: forget it and ask the user to sign in again. */
  expire(): void {
    if (!this.signedIn()) return;
    this.setSession(null);
    const returnUrl = this.router.url.startsWith('/login') ? undefined : this.router.url;
    void this.router.navigate(['/login'], { queryParams: { reason: 'expired' satisfies SignedOutReason, returnUrl } });
  }

  /** The session in storage (shared by tabs); this tab's copy when storage is unavailable. */
  private latestSession(): StoredSession | null {
    if (!this.storage) return this.session();
    try {
      return parseSession(this.storage.getItem(SESSION_STORAGE_KEY));
    } catch {
      return this.session();
    }
  }

  private store(response: LoginResponse): { user: UserResponse; accessToken: string } {
    this.setSession(sessionFrom(response));
    this.token.set(response.accessToken);
    return { user: response.user, accessToken: response.accessToken };
  }

  private setSession(session: StoredSession | null): void {
    writeSession(this.storage, session);
    this.session.set(session);
    if (!session) this.token.set(null);
  }
}
