import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NZ_MODAL_DATA } from 'ng-zorro-antd/modal';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { type DepartmentResponse, type WebhookEndpointResponse } from '@luoshi/contracts';
import { I18nService, NotificationsApi, TranslatePipe } from '@luoshi/web/core';
import { checkForm, departmentOptions, FieldComponent, formDialog, FormDialogComponent } from '@luoshi/web/ui';

export interface WebhookFormData {
  departments: DepartmentResponse[];
}

const URL_PATTERN = /^https?:\/\/\S+$/i;

/** Adds a group robot: name, URL, signing secret, optionally the department whose reminders it gets. */
@Component({
  selector: 'luoshi-webhook-form-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, NzFormModule, NzInputModule, NzSelectModule, TranslatePipe, FormDialogComponent, FieldComponent],
  template: `
    <luoshi-form-dialog [state]="dialog" formId="webhook-form" [okText]="'common.create' | t">
      <form nz-form nzLayout="vertical" [formGroup]="form" (ngSubmit)="submit()" id="webhook-form">
        <luoshi-field [label]="'channels.department' | t" for="wh-department" [status]="form.controls.departmentCode">
          <nz-select nzId="wh-department" formControlName="departmentCode" nzShowSearch nzAllowClear [nzPlaceHolder]="'channels.allDepartments' | t" data-testid="webhook-department" [nzOptions]="departmentOptions" />
        </luoshi-field>
        <luoshi-field [label]="'channels.name' | t" for="wh-name" [required]="true" [status]="form.controls.name" [error]="'channels.nameRequired' | t">
          <input nz-input id="wh-name" formControlName="name" autocomplete="off" data-testid="webhook-name" />
        </luoshi-field>
        <luoshi-field [label]="'channels.url' | t" for="wh-url" [required]="true" [status]="form.controls.url" [error]="'channels.urlInvalid' | t">
          <input nz-input id="wh-url" formControlName="url" autocomplete="off" placeholder="https://" data-testid="webhook-url" />
        </luoshi-field>
        <luoshi-field [label]="'channels.secret' | t" for="wh-secret" [required]="true" [status]="form.controls.secret" [error]="'channels.secretInvalid' | t" [extra]="'channels.secretHint' | t">
          <input nz-input id="wh-secret" type="password" formControlName="secret" autocomplete="new-password" data-testid="webhook-secret" />
        </luoshi-field>
      </form>
    </luoshi-form-dialog>
  `,
})
export class WebhookFormDialog {
  private readonly data = inject<WebhookFormData>(NZ_MODAL_DATA);
  private readonly api = inject(NotificationsApi);
  protected readonly i18n = inject(I18nService);

  protected readonly departmentOptions = departmentOptions(this.data.departments, (kind) => this.i18n.kindLabel(kind));
  protected readonly dialog = formDialog<WebhookEndpointResponse>();
  protected readonly form = inject(NonNullableFormBuilder).group({
    departmentCode: [null as string | null],
    name: ['', [Validators.required, Validators.maxLength(64)]],
    url: ['', [Validators.required, Validators.pattern(URL_PATTERN)]],
    secret: ['', [Validators.required, Validators.minLength(8), Validators.maxLength(200)]],
  });

  protected submit(): void {
    if (!checkForm(this.form)) return;
    const value = this.form.getRawValue();
    const body = { name: value.name.trim(), url: value.url.trim(), secret: value.secret, ...(value.departmentCode ? { departmentCode: value.departmentCode } : {}) };
    this.dialog.submit(this.api.addWebhook(body), (saved) => {
      const department = this.data.departments.find((d) => d.code === value.departmentCode);
      return { ...saved, departmentName: saved.departmentName ?? department?.name ?? null };
    });
  }
}
