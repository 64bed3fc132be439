import { ApplicationRef } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { HttpErrorResponse } from '@angular/common/http';
import { FileTextOutline, InboxOutline } from '@ant-design/icons-angular/icons';
import { provideNzI18n, zh_CN } from 'ng-zorro-antd/i18n';
import { provideNzIcons } from 'ng-zorro-antd/icon';
import { NzModalModule, NzModalService } from 'ng-zorro-antd/modal';
import { Subject } from 'rxjs';
import type { TaskImportResponse } from '@luoshi/contracts';
import { TasksApi } from '@luoshi/web/core';
import '../tasks.translations';
import { ImportAssignmentsDialog } from './import-assignments.dialog';

const byTestId = (id: string) => document.body.querySelector<HTMLElement>(`[data-testid="${id}"]`);

async function settle(): Promise<void> {
  TestBed.inject(ApplicationRef).tick();
  await new Promise((resolve) => setTimeout(resolve, 0));
  TestBed.inject(ApplicationRef).tick();
}

const PREVIEW = { valid: true, changedRows: 1, errors: [], rows: [{ row: 2, code: '1.1', title: '任务', changes: [{ field: 'lead', column: '牵头单位', from: null, to: '省科技厅' }] }] } as unknown as TaskImportResponse;

describe('ImportAssignmentsDialog on the form-dialog kit', () => {
  let replies: Subject<TaskImportResponse>[];
  let dryRuns: boolean[];

  async function open() {
    const modal = TestBed.inject(NzModalService).create({ nzContent: ImportAssignmentsDialog, nzData: { planId: 'p1' } });
    const closed = jest.spyOn(modal, 'close');
    await settle();
    const dialog = modal.getContentComponent() as unknown as { pick(file: File): void };
    return { closed, dialog };
  }

  beforeEach(() => {
    replies = [];
    dryRuns = [];
    const api = {
      importAssignments: (_file: File, options: { dryRun: boolean }) => {
        dryRuns.push(options.dryRun);
        const reply = new Subject<TaskImportResponse>();
        replies.push(reply);
        return reply;
      },
    };
    TestBed.configureTestingModule({ imports: [NzModalModule], providers: [provideNzI18n(zh_CN), provideNzIcons([InboxOutline, FileTextOutline]), { provide: TasksApi, useValue: api }] });
  });

  afterEach(() => {
    TestBed.inject(NzModalService).closeAll();
    document.body.innerHTML = '';
  });

  it('refuses a file that is not .xlsx before sending it', async () => {
    const { dialog } = await open();
    dialog.pick(new File(['x'], 'ledger.csv'));
    await settle();
    expect(byTestId('import-error')?.textContent).toContain('ledger.csv');
    expect(dryRuns).toEqual([]);
  });

  it('shows the dry run, then imports on confirm and closes with the result', async () => {
    const { closed, dialog } = await open();
    expect((byTestId('import-confirm') as HTMLButtonElement).disabled).toBe(true);
    dialog.pick(new File(['x'], 'ledger.xlsx'));
    await settle();
    replies[0].next(PREVIEW);
    await settle();
    expect(byTestId('import-change-row')?.textContent).toContain('省科技厅');
    expect(byTestId('import-reselect')).not.toBeNull();

    byTestId('import-confirm')?.click();
    await settle();
    expect(dryRuns).toEqual([true, false]);
    expect(byTestId('import-confirm')?.classList).toContain('ant-btn-loading');
    replies[1].next({ ...PREVIEW });
    await settle();
    expect(closed).toHaveBeenCalledWith(expect.objectContaining({ changedRows: 1 }));
  });

  it("shows the API's error in the frame and lets the user pick again", async () => {
    const { closed, dialog } = await open();
    dialog.pick(new File(['x'], 'ledger.xlsx'));
    await settle();
    replies[0].error(new HttpErrorResponse({ status: 400, error: { statusCode: 400, code: 'BAD_SHEET', message: '表格格式不对', messageEn: 'Bad sheet' } }));
    await settle();
    expect(byTestId('dialog-error')?.textContent).toContain('表格格式不对');
    expect(byTestId('import-upload')).not.toBeNull();
    expect(closed).not.toHaveBeenCalled();
  });
});
