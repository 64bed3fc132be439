import { inject, type Type } from '@angular/core';
import { NzModalService } from 'ng-zorro-antd/modal';
import { filter, type Observable } from 'rxjs';

export interface FormDialogOptions<D> {
  title: string;
  /** What the dialog reads with inject(NZ_MODAL_DATA). */
  data?: D;
  width: number;
}

/**
 * Opens the app's modal forms the one way they all open: a title, the dialog's data and a width,
 * and no closing by a click on the mask (a stray click would throw away what was typed).
 * Create with `formDialogs()` in a field initializer (it injects the modal service).
 */
export class FormDialogs {
  constructor(private readonly modal: NzModalService) {}

  /** The dialog's result, or undefined when it was cancelled. */
  open<R, D = unknown>(content: Type<unknown>, options: FormDialogOptions<D>): Observable<R | undefined> {
    return this.modal.create<unknown, D, R>({
      nzTitle: options.title,
      nzContent: content,
      nzData: options.data,
      nzWidth: options.width,
      nzMaskClosable: false,
    }).afterClose;
  }

  /** Emits the dialog's result only when there is one (nothing when cancelled). */
  saved<R, D = unknown>(content: Type<unknown>, options: FormDialogOptions<D>): Observable<R> {
    return this.open<R, D>(content, options).pipe(filter((result): result is NonNullable<R> => !!result));
  }
}

export function formDialogs(): FormDialogs {
  return new FormDialogs(inject(NzModalService));
}
