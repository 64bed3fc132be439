import { computed, inject, type Signal, signal } from '@angular/core';
import { NzModalRef } from 'ng-zorro-antd/modal';
import type { Observable } from 'rxjs';
import { type ApiError, I18nService, toApiError } from '@luoshi/web/core';

/**
 * One submit at a time: `saving` while the call runs, the API's error (and its text in the current
 * language) when it fails, cleared when the next one starts. Create with `submission()` in a field
 * initializer (it injects I18nService).
 */
export class Submission {
  readonly saving = signal(false);
  readonly error = signal<ApiError | null>(null);
  readonly errorText = computed(() => {
    const error = this.error();
    return error ? this.i18n.errorText(error) : null;
  });

  constructor(private readonly i18n: I18nService) {}

  /** Runs `work` unless a submit is already running; `done` gets the result (saving stays on, as the caller usually leaves). */
  run<T>(work: Observable<T>, done: (result: T) => void): void {
    if (this.saving()) return;
    this.saving.set(true);
    this.error.set(null);
    work.subscribe({
      next: (result) => done(result),
      error: (raw: unknown) => this.fail(raw),
    });
  }

  /** `run` for a form that stays on the page: saving ends before `done` gets the result. */
  runAndStay<T>(work: Observable<T>, done: (result: T) => void): void {
    this.run(work, (result) => {
      this.finish();
      done(result);
    });
  }

  /** Shows an error without a call (e.g. a check the page makes itself). */
  fail(raw: unknown): void {
    this.saving.set(false);
    this.error.set(toApiError(raw));
  }

  /** Ends a submit that stays on the page (the form remains, e.g. after a partial success). */
  finish(): void {
    this.saving.set(false);
  }
}

export function submission(): Submission {
  return new Submission(inject(I18nService));
}

/** What the form-dialog frame reads of a dialog's state (whatever its result type). */
export interface FormDialogView {
  readonly saving: Signal<boolean>;
  readonly errorText: Signal<string | null>;
  cancel(): void;
}

/**
 * The submit state of a modal form: a Submission that closes the modal with the result, and
 * `cancel()` that dismisses it. Create with `formDialog<R>()` in the dialog component's field initializer.
 */
export class FormDialogState<R> extends Submission implements FormDialogView {
  constructor(
    i18n: I18nService,
    private readonly modal: NzModalRef<unknown, R>,
  ) {
    super(i18n);
  }

  /** Sends `work`; closes the modal with its result (mapped by `result` when given), or shows the error and stays open. */
  submit<T>(work: Observable<T>, result?: (value: T) => R): void {
    this.run(work, (value) => this.modal.close(result ? result(value) : (value as unknown as R)));
  }

  cancel(): void {
    this.modal.destroy();
  }
}

export function formDialog<R>(): FormDialogState<R> {
  return new FormDialogState<R>(inject(I18nService), inject<NzModalRef<unknown, R>>(NzModalRef));
}

/** Reactive forms: marks every control dirty so its error shows; true when the form may be sent. */
export function checkForm(form: { invalid: boolean; controls: Record<string, { markAsDirty(): void; updateValueAndValidity(): void }> }): boolean {
  if (!form.invalid) return true;
  for (const control of Object.values(form.controls)) {
    control.markAsDirty();
    control.updateValueAndValidity();
  }
  return false;
}
