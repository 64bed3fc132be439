import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzDividerModule } from 'ng-zorro-antd/divider';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzModalModule } from 'ng-zorro-antd/modal';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import type { CorrectionEntryResponse } from '@luoshi/contracts';
import { I18nService, PlansApi, TranslatePipe } from '@luoshi/web/core';
import { ConfirmLinkComponent, formDialogs, ListPanelComponent, pageAction, PageHeaderComponent, SearchInputComponent } from '@luoshi/web/ui';
import { type CorrectionFormData, CorrectionFormDialog } from './correction-form.dialog';

/** office_admin, office_reviewer: the correction dictionary used on plan import. */
@Component({
  selector: 'luoshi-corrections-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    NzButtonModule,
    NzDividerModule,
    NzIconModule,
    NzModalModule,
    NzTableModule,
    NzTagModule,
    TranslatePipe,
    ListPanelComponent,
    PageHeaderComponent,
    SearchInputComponent,
    ConfirmLinkComponent,
  ],
  templateUrl: './corrections.page.html',
  styles: `
    .toolbar__search { width: 320px; }
    .mono { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 12px; word-break: break-all; }
    .wrong { color: #cf1322; }
    .right { color: #237804; font-weight: 500; }
    .muted { color: rgba(0, 0, 0, 0.6); }
    .link-btn { padding: 0; height: auto; }
  `,
})
export class CorrectionsPage {
  private readonly api = inject(PlansApi);
  private readonly message = inject(NzMessageService);
  private readonly i18n = inject(I18nService);
  private readonly dialogs = formDialogs();

  protected readonly entries = rxResource({ stream: () => this.api.corrections() });
  protected readonly search = signal('');
  protected readonly rowAction = pageAction<string>();
  protected readonly rows = computed(() => {
    if (!this.entries.hasValue()) return [];
    const text = this.search().trim().toLowerCase();
    if (!text) return this.entries.value();
    return this.entries
      .value()
      .filter((e) => [e.wrong, e.right, e.context ?? '', e.note ?? '', e.dictionary].some((field) => field.toLowerCase().includes(text)));
  });

  protected create(): void {
    this.open({});
  }

  protected edit(entry: CorrectionEntryResponse): void {
    this.open({ entry });
  }

  protected remove(entry: CorrectionEntryResponse): void {
    this.rowAction.runFor(entry.id, this.api.removeCorrection(entry.id), () => {
      this.entries.update((list) => list?.filter((e) => e.id !== entry.id));
      this.message.success(this.i18n.t('corrections.deleted', { wrong: entry.wrong }));
    });
  }

  private open(data: CorrectionFormData): void {
    this.dialogs
      .saved<CorrectionEntryResponse, CorrectionFormData>(CorrectionFormDialog, {
        title: this.i18n.t(data.entry ? 'corrections.edit' : 'corrections.create'),
        data,
        width: 560,
      })
      .subscribe((saved) => {
        this.entries.reload();
        this.message.success(this.i18n.t('corrections.saved', { wrong: saved.wrong, right: saved.right }));
      });
  }
}
