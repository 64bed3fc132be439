import { ApplicationRef, ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { HttpErrorResponse } from '@angular/common/http';
import { FormsModule } from '@angular/forms';
import { NZ_MODAL_DATA, NzModalModule, NzModalService } from 'ng-zorro-antd/modal';
import { provideNzI18n, zh_CN } from 'ng-zorro-antd/i18n';
import { Subject, type Observable } from 'rxjs';
import { FormDialogComponent } from './form-dialog.component';
import { formDialog } from './submission';

interface Data {
  send: (name: string) => Observable<{ id: string; name: string }>;
}

/** A dialog as the areas write them: the kit's state, the shell, and a form of its own. */
@Component({
  selector: 'luoshi-test-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, FormDialogComponent],
  template: `
    <luoshi-form-dialog [state]="dialog" formId="test-form" okText="Send" hint="Say who">
      <form id="test-form" (ngSubmit)="submit()">
        <input name="name" [ngModel]="name()" (ngModelChange)="name.set($event)" data-testid="dialog-text" />
      </form>
    </luoshi-form-dialog>
  `,
})
class TestDialog {
  private readonly data = inject<Data>(NZ_MODAL_DATA);
  protected readonly dialog = formDialog<string>();
  protected readonly name = signal('');

  protected submit(): void {
    this.dialog.submit(this.data.send(this.name()), (saved) => saved.id);
  }
}

const byTestId = (id: string) => document.body.querySelector<HTMLElement>(`[data-testid="${id}"]`);

async function settle(): Promise<void> {
  TestBed.inject(ApplicationRef).tick();
  await new Promise((resolve) => setTimeout(resolve, 0));
  TestBed.inject(ApplicationRef).tick();
}

describe('FormDialogComponent with formDialog()', () => {
  let replies: Subject<{ id: string; name: string }>;
  let sent: string[];

  async function open() {
    const modal = TestBed.inject(NzModalService).create<TestDialog, Data, string>({
      nzTitle: 'Test',
      nzContent: TestDialog,
      nzData: { send: (name) => (sent.push(name), replies) },
    });
    // The ref the dialog injected: spied, so the test needs no wait for the closing animation.
    const closed = jest.spyOn(modal, 'close');
    const destroyed = jest.spyOn(modal, 'destroy');
    await settle();
    return { modal, closed, destroyed };
  }

  beforeEach(() => {
    replies = new Subject();
    sent = [];
    localStorage.clear();
    TestBed.configureTestingModule({ imports: [NzModalModule], providers: [provideNzI18n(zh_CN)] });
  });

  afterEach(() => {
    TestBed.inject(NzModalService).closeAll();
    document.body.innerHTML = '';
  });

  it('renders the hint, the projected form and the footer buttons', async () => {
    await open();
    expect(document.body.textContent).toContain('Say who');
    expect(byTestId('dialog-text')).not.toBeNull();
    expect(byTestId('dialog-submit')?.textContent?.trim()).toBe('Send');
    expect(byTestId('dialog-submit')?.getAttribute('form')).toBe('test-form');
    expect(byTestId('dialog-cancel')?.textContent?.trim()).toBe('取消');
    expect(byTestId('dialog-error')).toBeNull();
  });

  it('spins the submit button while saving, and sends only once', async () => {
    await open();
    byTestId('dialog-submit')?.click();
    await settle();
    expect(sent).toEqual(['']);
    expect(byTestId('dialog-submit')?.classList).toContain('ant-btn-loading');
    byTestId('dialog-submit')?.click();
    await settle();
    expect(sent).toHaveLength(1);
  });

  it("shows the API's error and stays open, then sends again", async () => {
    const { closed } = await open();
    byTestId('dialog-submit')?.click();
    await settle();
    replies.error(new HttpErrorResponse({ status: 409, error: { statusCode: 409, code: 'STALE', message: '任务已被他人修改', messageEn: 'Changed by someone else' } }));
    await settle();
    expect(byTestId('dialog-error')?.textContent).toContain('任务已被他人修改');
    expect(byTestId('dialog-submit')?.classList).not.toContain('ant-btn-loading');
    expect(closed).not.toHaveBeenCalled();

    replies = new Subject();
    byTestId('dialog-submit')?.click();
    await settle();
    expect(sent).toHaveLength(2);
    expect(byTestId('dialog-error')).toBeNull();
  });

  it('closes the modal with the (mapped) result', async () => {
    const { closed } = await open();
    const input = byTestId('dialog-text') as HTMLInputElement;
    input.value = 'Ada';
    input.dispatchEvent(new Event('input'));
    await settle();
    byTestId('dialog-submit')?.click();
    await settle();
    replies.next({ id: 'u1', name: 'Ada' });
    await settle();
    expect(sent).toEqual(['Ada']);
    expect(closed).toHaveBeenCalledWith('u1');
    expect(closed).toHaveBeenCalledTimes(1);
  });

  it('cancel dismisses the modal without a result', async () => {
    const { destroyed } = await open();
    byTestId('dialog-cancel')?.click();
    await settle();
    expect(sent).toEqual([]);
    expect(destroyed).toHaveBeenCalledWith();
  });
});
