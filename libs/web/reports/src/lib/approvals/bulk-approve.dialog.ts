import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NZ_MODAL_DATA, NzModalModule, NzModalRef } from 'ng-zorro-antd/modal';
import type { ApprovalInboxItem, BulkApproveResponse } from '@luoshi/contracts';
import { ApprovalCounts, ApprovalsApi, I18nService, TranslatePipe } from '@luoshi/web/core';
import { FieldComponent, formDialog } from '@luoshi/web/ui';

export interface BulkApproveData {
  items: ApprovalInboxItem[];
}

interface Failure {
  title: string;
  message: string;
}

/** 批量同意: an optional comment; then each item's outcome (the ones that failed, with the reason). */
@Component({
  selector: 'luoshi-bulk-approve-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, NzAlertModule, NzButtonModule, NzFormModule, NzInputModule, NzModalModule, TranslatePipe, FieldComponent],
  template: `
    @if (result(); as r) {
      <nz-alert
        class="dialog-alert"
        [nzType]="r.failed > 0 ? 'warning' : 'success'"
        nzShowIcon
        [nzMessage]="'approvals.bulkDone' | t: { approved: r.approved }"
        [nzDescription]="r.failed > 0 ? ('approvals.bulkFailed' | t: { failed: r.failed }) : ''"
        data-testid="bulk-result"
      />
      <ul class="failures">
        @for (f of failures(); track $index) {
          <li data-testid="bulk-failure">{{ 'approvals.labelled' | t: { label: f.title, value: f.message } }}</li>
        }
      </ul>
    } @else {
      <p class="hint">{{ 'approvals.bulkHint' | t }}</p>
      <ul class="items">
        @for (item of data.items; track item.id) {
          <li>{{ item.title }}</li>
        }
      </ul>
      @if (dialog.errorText(); as message) {
        <nz-alert class="dialog-alert" nzType="error" nzShowIcon [nzMessage]="message" data-testid="dialog-error" />
      }
      <form nz-form nzLayout="vertical">
        <luoshi-field [label]="'approvals.bulkComment' | t" for="bulk-comment">
          <textarea nz-input id="bulk-comment" name="comment" rows="2" maxlength="2000" [ngModel]="comment()" (ngModelChange)="comment.set($event)" data-testid="bulk-comment"></textarea>
        </luoshi-field>
      </form>
    }
    <div *nzModalFooter>
      @if (result()) {
        <button nz-button nzType="primary" (click)="close()" data-testid="dialog-close">{{ 'common.close' | t }}</button>
      } @else {
        <button nz-button (click)="dialog.cancel()">{{ 'common.cancel' | t }}</button>
        <button nz-button nzType="primary" [nzLoading]="dialog.saving()" (click)="submit()" data-testid="dialog-submit">{{ 'approvals.bulkApprove' | t }}</button>
      }
    </div>
  `,
  styles: `
    .hint { margin: 0 0 8px; color: rgba(0, 0, 0, 0.6); }
    .items { max-height: 180px; overflow: auto; margin: 0 0 12px; padding-left: 20px; }
    .failures { margin: 0; padding-left: 20px; color: #a8071a; }
  `,
})
export class BulkApproveDialog {
  protected readonly data = inject<BulkApproveData>(NZ_MODAL_DATA);
  private readonly modal = inject<NzModalRef<BulkApproveDialog, BulkApproveResponse>>(NzModalRef);
  private readonly api = inject(ApprovalsApi);
  private readonly counts = inject(ApprovalCounts);
  private readonly message = inject(NzMessageService);
  private readonly i18n = inject(I18nService);

  protected readonly comment = signal('');
  protected readonly dialog = formDialog<BulkApproveResponse>();
  protected readonly result = signal<BulkApproveResponse | null>(null);
  protected readonly failures = computed<Failure[]>(() => {
    const titles = new Map(this.data.items.map((i) => [i.id, i.title]));
    return (this.result()?.results ?? []).filter((r) => !r.ok).map((r) => ({ title: titles.get(r.id) ?? r.id, message: r.message ?? r.code ?? '' }));
  });

  protected close(): void {
    this.modal.close(this.result() ?? undefined);
  }

  protected submit(): void {
    this.dialog.run(this.api.bulkApprove(this.data.items.map((i) => i.id), this.comment().trim() || undefined), (result) => {
      this.counts.refresh();
      if (result.failed === 0) {
        this.message.success(this.i18n.t('approvals.bulkDone', { approved: result.approved }));
        this.modal.close(result);
      } else {
        // Some failed: the dialog stays to list them, with a Close button.
        this.dialog.finish();
        this.result.set(result);
      }
    });
  }
}
