import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzModalModule, NzModalService } from 'ng-zorro-antd/modal';
import { NzProgressModule } from 'ng-zorro-antd/progress';
import { NzResultModule } from 'ng-zorro-antd/result';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { type NzUploadFile, NzUploadModule } from 'ng-zorro-antd/upload';
import type { CorrectionMode, CorrectionResponse, PlanImportResponse } from '@luoshi/contracts';
import { type ApiError, I18nService, PlansApi, toApiError, TranslatePipe } from '@luoshi/web/core';
import { PageHeaderComponent, planDirectory } from '@luoshi/web/ui';
import { checkPlanFile } from '../shared/plan-file-check';
import { formatBytes } from '../shared/plan-rows';
import { CorrectionVerdictComponent } from './correction-verdict.component';
import { ImportPreviewComponent } from './import-preview.component';
import { UnknownDepartmentsComponent } from './unknown-departments.component';

type Stage = 'select' | 'parsing' | 'preview' | 'done';

/**
 * office_admin: upload a plan (.txt/.md/.docx/.doc/.pdf ≤ 5 MB), preview what the parser found (dry
 * run), review it (correction mode, rejected corrections, unknown department names), then commit it
 * with exactly the options of the preview on screen. Removing items needs an explicit confirmation.
 */
@Component({
  selector: 'luoshi-plan-import-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    FormsModule,
    RouterLink,
    NzAlertModule,
    NzButtonModule,
    NzIconModule,
    NzModalModule,
    NzProgressModule,
    NzResultModule,
    NzSelectModule,
    NzUploadModule,
    TranslatePipe,
    PageHeaderComponent,
    ImportPreviewComponent,
    CorrectionVerdictComponent,
    UnknownDepartmentsComponent,
  ],
  templateUrl: './plan-import.page.html',
  styleUrl: './plan-import.page.css',
})
export class PlanImportPage {
  private readonly plansApi = inject(PlansApi);
  private readonly modal = inject(NzModalService);
  protected readonly i18n = inject(I18nService);

  protected readonly plans = planDirectory();
  protected readonly targetPlanId = signal<string | null>(null);

  protected readonly stage = signal<Stage>('select');
  protected readonly file = signal<File | null>(null);
  protected readonly fileProblem = signal<string | null>(null);
  protected readonly error = signal<ApiError | null>(null);
  protected readonly preview = signal<PlanImportResponse | null>(null);
  protected readonly committed = signal<PlanImportResponse | null>(null);
  protected readonly committing = signal(false);
  protected readonly progress = signal(0);
  /** Options of the next preview; the commit sends the options the shown preview ran with. */
  protected readonly correctionMode = signal<CorrectionMode>('auto');
  protected readonly rejected = signal<ReadonlyMap<string, CorrectionResponse>>(new Map());
  protected readonly rejectedList = computed(() => [...this.rejected().values()]);
  /** A preview with new options is on its way; the current one stays on screen meanwhile. */
  protected readonly refreshing = signal(false);
  protected readonly errorText = computed(() => {
    const error = this.error();
    return error ? this.i18n.errorText(error) : null;
  });
  protected readonly fileSize = computed(() => formatBytes(this.file()?.size ?? 0));

  private progressTimer: ReturnType<typeof setInterval> | null = null;

  constructor() {
    inject(DestroyRef).onDestroy(() => this.stopProgress());
  }

  /** nz-upload hands the file here; we send it ourselves (returning false stops its own upload). */
  protected readonly beforeUpload = (file: NzUploadFile): boolean => {
    this.pick(file as unknown as File);
    return false;
  };

  protected pick(file: File): void {
    this.error.set(null);
    const problem = checkPlanFile(file);
    if (problem) {
      this.fileProblem.set(this.i18n.t(problem.key, problem.params));
      return;
    }
    this.fileProblem.set(null);
    this.file.set(file);
    this.correctionMode.set('auto');
    this.rejected.set(new Map());
    this.runPreview(file);
  }

  protected setMode(mode: CorrectionMode): void {
    this.correctionMode.set(mode);
    // Ids are positions in this text: a new mode keeps the office's rejections.
    this.refresh();
  }

  protected reject(fix: CorrectionResponse): void {
    this.rejected.update((m) => new Map(m).set(fix.id, fix));
    this.refresh();
  }

  protected restore(id: string): void {
    this.rejected.update((m) => {
      const next = new Map(m);
      next.delete(id);
      return next;
    });
    this.refresh();
  }

  protected restoreAll(): void {
    this.rejected.set(new Map());
    this.refresh();
  }

  /** Previews again with the current options (and the directory as it is now), keeping the page. */
  protected refresh(): void {
    const file = this.file();
    if (!file) return;
    this.refreshing.set(true);
    this.error.set(null);
    this.plansApi.importPlan(file, { dryRun: true, planId: this.targetPlanId(), ...this.options() }).subscribe({
      next: (result) => {
        this.refreshing.set(false);
        this.preview.set(result);
      },
      error: (raw: unknown) => {
        this.refreshing.set(false);
        this.error.set(toApiError(raw));
      },
    });
  }

  private options(): { correctionMode: CorrectionMode; rejectedCorrections: string[] } {
    return { correctionMode: this.correctionMode(), rejectedCorrections: [...this.rejected().keys()] };
  }

  protected reset(): void {
    this.stopProgress();
    this.stage.set('select');
    this.file.set(null);
    this.preview.set(null);
    this.committed.set(null);
    this.error.set(null);
    this.fileProblem.set(null);
    this.committing.set(false);
    this.plans.resource.reload();
  }

  protected commit(confirmRemovals = false): void {
    const file = this.file();
    const preview = this.preview();
    if (!file || !preview) return;
    this.committing.set(true);
    this.error.set(null);
    // Exactly the options of the preview on screen: the commit writes what the office reviewed.
    const { correctionMode, rejectedCorrections } = preview.options;
    const planId = this.targetPlanId() ?? preview.planId;
    this.plansApi.importPlan(file, { dryRun: false, planId, confirmRemovals, correctionMode, rejectedCorrections }).subscribe({
      next: (result) => {
        this.committing.set(false);
        this.committed.set(result);
        this.stage.set('done');
      },
      error: (raw: unknown) => {
        this.committing.set(false);
        const error = toApiError(raw);
        if (error.code === 'PLAN_REMOVALS_NEED_CONFIRMATION') this.confirmRemovals(error);
        else this.error.set(error);
      },
    });
  }

  private confirmRemovals(error: ApiError): void {
    this.modal.confirm({
      nzTitle: this.i18n.t('planImport.removalsTitle'),
      nzContent: this.i18n.errorText(error),
      nzOkText: this.i18n.t('planImport.removalsConfirm'),
      nzOkDanger: true,
      nzCancelText: this.i18n.t('common.cancel'),
      nzOnOk: () => this.commit(true),
    });
  }

  private runPreview(file: File): void {
    this.stage.set('parsing');
    this.startProgress();
    this.plansApi.importPlan(file, { dryRun: true, planId: this.targetPlanId(), ...this.options() }).subscribe({
      next: (result) => {
        this.stopProgress();
        this.preview.set(result);
        this.stage.set('preview');
      },
      error: (raw: unknown) => {
        this.stopProgress();
        this.error.set(toApiError(raw));
        this.stage.set('select');
      },
    });
  }

  /** Parsing happens on the server in one request: the bar creeps towards 90 % until it answers. */
  private startProgress(): void {
    this.stopProgress();
    this.progress.set(5);
    this.progressTimer = setInterval(() => this.progress.update((p) => Math.min(92, Math.round(p + (92 - p) * 0.12))), 200);
  }

  private stopProgress(): void {
    if (this.progressTimer !== null) clearInterval(this.progressTimer);
    this.progressTimer = null;
    this.progress.set(100);
  }
}
