import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NZ_MODAL_DATA, NzModalModule, NzModalRef } from 'ng-zorro-antd/modal';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { DEPARTMENT_KINDS, type DepartmentResponse, type WebhookEndpointResponse } from '@luoshi/contracts';
import { type ApiError, I18nService, NotificationsApi, toApiError, TranslatePipe } from '@luoshi/web/core';

export interface WebhookFormData {
  departments: DepartmentResponse[];
}

const URL_PATTERN = /^https?:\/\/\S+$/i;

/** Adds a group robot: name, URL, signing secret, optionally the department whose reminders it gets. */
@Component({
  selector: 'luoshi-webhook-form-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, NzAlertModule, NzButtonModule, NzFormModule, NzInputModule, NzModalModule, NzSelectModule, TranslatePipe],
  template: `
    @if (errorText(); as message) {
      <nz-alert nzType="error" nzShowIcon [nzMessage]="message" class="dialog-alert" data-testid="dialog-error" />
    }
    <form nz-form nzLayout="vertical" [formGroup]="form" (ngSubmit)="submit()" id="webhook-form">
      <nz-form-item>
        <nz-form-label nzFor="wh-department">{{ 'channels.department' | t }}</nz-form-label>
        <nz-form-control>
          <nz-select nzId="wh-department" formControlName="departmentCode" nzShowSearch nzAllowClear [nzPlaceHolder]="'channels.allDepartments' | t" data-testid="webhook-department">
            @for (group of groups; track group.kind) {
              <nz-option-group [nzLabel]="i18n.kindLabel(group.kind)">
                @for (department of group.departments; track department.id) {
                  <nz-option [nzValue]="department.code" [nzLabel]="department.name" />
                }
              </nz-option-group>
            }
          </nz-select>
        </nz-form-control>
      </nz-form-item>
      <nz-form-item>
        <nz-form-label nzFor="wh-name" nzRequired>{{ 'channels.name' | t }}</nz-form-label>
        <nz-form-control [nzErrorTip]="'channels.nameRequired' | t">
          <input nz-input id="wh-name" formControlName="name" autocomplete="off" data-testid="webhook-name" />
        </nz-form-control>
      </nz-form-item>
      <nz-form-item>
        <nz-form-label nzFor="wh-url" nzRequired>{{ 'channels.url' | t }}</nz-form-label>
        <nz-form-control [nzErrorTip]="'channels.urlInvalid' | t">
          <input nz-input id="wh-url" formControlName="url" autocomplete="off" placeholder="https://" data-testid="webhook-url" />
        </nz-form-control>
      </nz-form-item>
      <nz-form-item>
        <nz-form-label nzFor="wh-secret" nzRequired>{{ 'channels.secret' | t }}</nz-form-label>
        <nz-form-control [nzErrorTip]="'channels.secretInvalid' | t" [nzExtra]="'channels.secretHint' | t">
          <input nz-input id="wh-secret" type="password" formControlName="secret" autocomplete="new-password" data-testid="webhook-secret" />
        </nz-form-control>
      </nz-form-item>
    </form>
    <div *nzModalFooter>
      <button nz-button type="button" (click)="cancel()">{{ 'common.cancel' | t }}</button>
      <button nz-button nzType="primary" type="submit" form="webhook-form" [nzLoading]="saving()" data-testid="dialog-submit">{{ 'common.create' | t }}</button>
    </div>
  `,
})
export class WebhookFormDialog {
  private readonly data = inject<WebhookFormData>(NZ_MODAL_DATA);
  private readonly modal = inject<NzModalRef<WebhookFormDialog, WebhookEndpointResponse>>(NzModalRef);
  private readonly api = inject(NotificationsApi);
  protected readonly i18n = inject(I18nService);

  protected readonly groups = DEPARTMENT_KINDS.map((kind) => ({ kind, departments: this.data.departments.filter((d) => d.kind === kind) })).filter(
    (g) => g.departments.length > 0,
  );
  protected readonly saving = signal(false);
  protected readonly error = signal<ApiError | null>(null);
  protected readonly errorText = computed(() => {
    const error = this.error();
    return error ? this.i18n.errorText(error) : null;
  });
  protected readonly form = inject(NonNullableFormBuilder).group({
    departmentCode: [null as string | null],
    name: ['', [Validators.required, Validators.maxLength(64)]],
    url: ['', [Validators.required, Validators.pattern(URL_PATTERN)]],
    secret: ['', [Validators.required, Validators.minLength(8), Validators.maxLength(200)]],
  });

  protected cancel(): void {
    this.modal.destroy();
  }

  protected submit(): void {
    if (this.form.invalid) {
      for (const control of Object.values(this.form.controls)) {
        control.markAsDirty();
        control.updateValueAndValidity();
      }
      return;
    }
    const value = this.form.getRawValue();
    this.saving.set(true);
    this.error.set(null);
    this.api
      .addWebhook({ name: value.name.trim(), url: value.url.trim(), secret: value.secret, ...(value.departmentCode ? { departmentCode: value.departmentCode } : {}) })
      .subscribe({
        next: (saved) => {
          const department = this.data.departments.find((d) => d.code === value.departmentCode);
          this.modal.close({ ...saved, departmentName: saved.departmentName ?? department?.name ?? null });
        },
        error: (error: unknown) => {
          this.saving.set(false);
          this.error.set(toApiError(error));
        },
      });
  }
}
