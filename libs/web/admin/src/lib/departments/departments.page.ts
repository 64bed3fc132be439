import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzModalModule } from 'ng-zorro-antd/modal';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTabsModule } from 'ng-zorro-antd/tabs';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { DEPARTMENT_KINDS, type DepartmentKind, type DepartmentResponse } from '@luoshi/contracts';
import { DirectoryApi, I18nService, TranslatePipe } from '@luoshi/web/core';
import { formDialogs, ListPanelComponent, PageHeaderComponent, SearchInputComponent } from '@luoshi/web/ui';
import { type DepartmentFormData, DepartmentFormDialog } from './department-form.dialog';

function matches(department: DepartmentResponse, text: string): boolean {
  return [department.code, department.name, department.shortName, ...department.aliases].some((v) => v.toLowerCase().includes(text));
}

/** office_admin: the department directory, a tab per kind. */
@Component({
  selector: 'luoshi-departments-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    NzButtonModule,
    NzIconModule,
    NzModalModule,
    NzTableModule,
    NzTabsModule,
    NzTagModule,
    TranslatePipe,
    ListPanelComponent,
    PageHeaderComponent,
    SearchInputComponent,
  ],
  templateUrl: './departments.page.html',
  styleUrl: '../admin-page.css',
})
export class DepartmentsPage {
  private readonly directory = inject(DirectoryApi);
  private readonly message = inject(NzMessageService);
  protected readonly i18n = inject(I18nService);
  private readonly dialogs = formDialogs();

  protected readonly departments = rxResource({ stream: () => this.directory.departments() });
  protected readonly search = signal('');
  protected readonly tabIndex = signal(0);

  private readonly all = computed(() => (this.departments.hasValue() ? this.departments.value() : []));
  private readonly nameById = computed(() => new Map(this.all().map((d) => [d.id, d.name])));
  protected readonly tabs = computed(() => {
    const text = this.search().trim().toLowerCase();
    const list = text ? this.all().filter((d) => matches(d, text)) : this.all();
    return DEPARTMENT_KINDS.map((kind) => ({ kind, rows: list.filter((d) => d.kind === kind) }));
  });

  /** While searching, an empty tab gives way to the first tab with matches. */
  protected readonly selectedIndex = computed(() => {
    const index = this.tabIndex();
    const tabs = this.tabs();
    if (!this.search().trim() || tabs[index]?.rows.length) return index;
    const withMatches = tabs.findIndex((tab) => tab.rows.length > 0);
    return withMatches >= 0 ? withMatches : index;
  });

  protected parentName(department: DepartmentResponse): string | null {
    return department.parentId ? (this.nameById().get(department.parentId) ?? null) : null;
  }

  protected create(): void {
    this.open({ departments: this.all(), kind: DEPARTMENT_KINDS[this.selectedIndex()] as DepartmentKind | undefined });
  }

  protected edit(department: DepartmentResponse): void {
    this.open({ departments: this.all(), department });
  }

  private open(data: DepartmentFormData): void {
    this.dialogs
      .saved<DepartmentResponse, DepartmentFormData>(DepartmentFormDialog, {
        title: this.i18n.t(data.department ? 'departments.edit' : 'departments.create'),
        data,
        width: 620,
      })
      .subscribe((saved) => {
        if (data.department) this.departments.update((list) => list?.map((d) => (d.id === saved.id ? saved : d)));
        else {
          this.departments.reload();
          this.tabIndex.set(DEPARTMENT_KINDS.indexOf(saved.kind));
        }
        this.message.success(this.i18n.t(data.department ? 'departments.updated' : 'departments.created', { name: saved.name }));
      });
  }
}
