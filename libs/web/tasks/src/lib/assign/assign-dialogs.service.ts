import { inject, Injectable } from '@angular/core';
import { NzModalService } from 'ng-zorro-antd/modal';
import { Observable } from 'rxjs';
import type { TaskImportResponse, TaskResponse } from '@luoshi/contracts';
import { I18nService } from '@luoshi/web/core';
import { formDialogs } from '@luoshi/web/ui';
import { targetsText } from './assign-grid';
import { ImportAssignmentsDialog } from './import-assignments.dialog';
import { SplitTaskDialog } from './split-task.dialog';

type Targets = Parameters<typeof targetsText>[0];

/**
 * The assignment page's questions and dialogs: who a dispatch will tell, leaving with unsaved rows,
 * splitting a task and importing a filled-in ledger. One per page.
 */
@Injectable()
export class AssignDialogs {
  private readonly modal = inject(NzModalService);
  private readonly i18n = inject(I18nService);
  private readonly dialogs = formDialogs();

  /** "交通运输厅（牵头 2，3人）、…" in the current language. */
  targetsText(targets: Targets): string {
    return targetsText(targets, { lead: this.i18n.t('taskAssign.isLead'), co: this.i18n.t('taskAssign.isCo'), people: this.i18n.t('taskAssign.people') });
  }

  /** Confirms a dispatch of `n` tasks, naming the departments (lead and co-) that will be told. */
  confirmDispatch(n: number, targets: Targets, onOk: () => void): void {
    this.modal.confirm({
      nzTitle: this.i18n.t('taskAssign.dispatchTitle', { n }),
      nzContent: this.i18n.t('taskAssign.dispatchConfirm', { who: this.targetsText(targets) }),
      nzOkText: this.i18n.t('taskAssign.dispatch'),
      nzCancelText: this.i18n.t('common.cancel'),
      nzOnOk: onOk,
    });
  }

  /** Leaving with `n` unsaved rows asks first. */
  confirmLeave(n: number): Observable<boolean> {
    return new Observable<boolean>((subscriber) => {
      const answer = (leave: boolean) => {
        subscriber.next(leave);
        subscriber.complete();
      };
      this.modal.confirm({
        nzTitle: this.i18n.t('taskAssign.leaveTitle', { n }),
        nzOkText: this.i18n.t('taskAssign.leave'),
        nzOkDanger: true,
        nzCancelText: this.i18n.t('common.cancel'),
        nzOnOk: () => answer(true),
        nzOnCancel: () => answer(false),
      });
    });
  }

  /** The tasks the split made, or undefined when cancelled. */
  split(task: TaskResponse): Observable<TaskResponse[] | undefined> {
    return this.dialogs
      .open<TaskResponse[], TaskResponse>(SplitTaskDialog, {
        title: this.i18n.t('taskAssign.splitTitle', { code: task.code }),
        data: task,
        width: 560,
      });
  }

  /** The import's result, or undefined when cancelled. */
  importAssignments(planId: string | null): Observable<TaskImportResponse | undefined> {
    return this.dialogs
      .open<TaskImportResponse, { planId: string | null }>(ImportAssignmentsDialog, {
        title: this.i18n.t('taskAssign.importTitle'),
        data: { planId },
        width: 860,
      });
  }
}
