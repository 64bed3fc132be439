import { computed, inject, signal } from '@angular/core';
import { NzMessageService } from 'ng-zorro-antd/message';
import type { Observable } from 'rxjs';
import { I18nService, toApiError } from '@luoshi/web/core';

/**
 * A page's one-click action (export, confirm, disable a row…) whose failure is told by a toast,
 * the page staying as it was: `busy` names what runs (a row's id, or true) so its button spins,
 * and a failure shows the API's message in the current language. Create with `pageAction()` in a
 * field initializer (it injects the message service).
 */
export class PageAction<K = true> {
  readonly busy = signal<K | null>(null);
  readonly running = computed(() => this.busy() !== null);

  constructor(
    private readonly message: NzMessageService,
    private readonly i18n: I18nService,
  ) {}

  /** Runs `work`; `done` gets its result, `failed` runs after the toast. */
  run<T>(work: Observable<T>, done: (result: T) => void, failed?: () => void): void {
    this.runFor(true as K, work, done, failed);
  }

  /** The same, marked busy as `key` (e.g. the row whose button should spin). */
  runFor<T>(key: K, work: Observable<T>, done: (result: T) => void, failed?: () => void): void {
    this.busy.set(key);
    work.subscribe({
      next: (result) => {
        this.busy.set(null);
        done(result);
      },
      error: (raw: unknown) => {
        this.busy.set(null);
        this.message.error(this.i18n.errorText(toApiError(raw)));
        failed?.();
      },
    });
  }
}

export function pageAction<K = true>(): PageAction<K> {
  return new PageAction<K>(inject(NzMessageService), inject(I18nService));
}
