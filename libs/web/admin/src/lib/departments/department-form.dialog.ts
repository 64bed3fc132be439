import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NZ_MODAL_DATA } from 'ng-zorro-antd/modal';
import { NzSelectModule } from 'ng-zorro-antd/select';
import type { Observable } from 'rxjs';
import { DEPARTMENT_KINDS, type DepartmentKind, type DepartmentResponse } from '@luoshi/contracts';
import { DirectoryApi, I18nService, TranslatePipe, type UpdateDepartmentRequest } from '@luoshi/web/core';
import { checkForm, departmentOptions, FieldComponent, formDialog, FormDialogComponent } from '@luoshi/web/ui';

export interface DepartmentFormData {
  departments: DepartmentResponse[];
  /** The department to edit; absent to create one. */
  department?: DepartmentResponse;
  /** Pre-selected kind when creating. */
  kind?: DepartmentKind;
}

const CODE_PATTERN = /^[a-z0-9][a-z0-9-]{0,31}$/;

function cleanAliases(aliases: readonly string[]): string[] {
  return [...new Set(aliases.map((a) => a.trim()).filter((a) => a.length > 0 && a.length <= 64))];
}

/** Create a department, or edit its name, short name and aliases. Closes with the saved department. */
@Component({
  selector: 'luoshi-department-form-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, NzFormModule, NzInputModule, NzSelectModule, TranslatePipe, FormDialogComponent, FieldComponent],
  templateUrl: './department-form.dialog.html',
})
export class DepartmentFormDialog {
  private readonly data = inject<DepartmentFormData>(NZ_MODAL_DATA);
  private readonly directory = inject(DirectoryApi);
  protected readonly i18n = inject(I18nService);

  protected readonly editing = this.data.department;
  protected readonly kinds = DEPARTMENT_KINDS;
  protected readonly parentOptions = departmentOptions(this.data.departments.filter((d) => d.kind !== 'county'), (kind) => this.i18n.kindLabel(kind));
  protected readonly dialog = formDialog<DepartmentResponse>();

  protected readonly form = inject(NonNullableFormBuilder).group({
    code: [this.editing?.code ?? '', this.editing ? [] : [Validators.required, Validators.pattern(CODE_PATTERN)]],
    name: [this.editing?.name ?? '', [Validators.required, Validators.maxLength(64)]],
    shortName: [this.editing?.shortName ?? '', [Validators.maxLength(32)]],
    kind: [this.editing?.kind ?? this.data.kind ?? ('provincial' as DepartmentKind), [Validators.required]],
    parentCode: [this.parentCodeOf(this.editing)],
    aliases: [this.editing?.aliases ?? ([] as string[])],
  });

  constructor() {
    if (this.editing) {
      this.form.controls.code.disable();
      this.form.controls.kind.disable();
      this.form.controls.parentCode.disable();
    }
  }

  protected codeError(): string {
    return this.i18n.t(this.form.controls.code.hasError('required') ? 'departments.codeRequired' : 'departments.codeInvalid');
  }

  protected submit(): void {
    if (!checkForm(this.form)) return;
    this.dialog.submit(this.save());
  }

  private save(): Observable<DepartmentResponse> {
    const value = this.form.getRawValue();
    const name = value.name.trim();
    const shortName = value.shortName.trim();
    const aliases = cleanAliases(value.aliases);
    if (!this.editing) {
      return this.directory.createDepartment({
        code: value.code.trim(),
        name,
        shortName: shortName || undefined,
        kind: value.kind,
        parentCode: value.parentCode || undefined,
        aliases,
      });
    }
    const before = this.editing;
    const patch: UpdateDepartmentRequest = {};
    if (name !== before.name) patch.name = name;
    if (shortName && shortName !== before.shortName) patch.shortName = shortName;
    if (aliases.join('\n') !== before.aliases.join('\n')) patch.aliases = aliases;
    return this.directory.updateDepartment(before.id, patch);
  }

  private parentCodeOf(department: DepartmentResponse | undefined): string {
    if (!department?.parentId) return '';
    return this.data.departments.find((d) => d.id === department.parentId)?.code ?? '';
  }
}
