import { type AfterViewInit, ChangeDetectionStrategy, Component, DestroyRef, inject, input, type TemplateRef, viewChild } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import type { AbstractControl } from '@angular/forms';
import { NzFormStatusService } from 'ng-zorro-antd/core/form';
import { NzFormControlComponent, NzFormModule } from 'ng-zorro-antd/form';

/**
 * One labelled form field: nz-form-item, its label (for= the projected control's id) and the
 * nz-form-control around the projected control. The control is projected, so nz-form-control
 * cannot find it: pass `status` — the reactive control (its errors show once dirty) or 'error'.
 * Inputs and selects find their form status service by injection, which a projected control
 * resolves from this host: it provides one and relays the inner nz-form-control's statuses to it
 * (without it a select loses its form width and its error colour).
 */
@Component({
  selector: 'luoshi-field',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [NzFormModule],
  template: `
    <nz-form-item>
      @if (label(); as text) {
        <nz-form-label [nzFor]="for() ?? undefined" [nzRequired]="required()">{{ text }}</nz-form-label>
      }
      <nz-form-control [nzValidateStatus]="status() ?? ''" [nzErrorTip]="error() ?? undefined" [nzExtra]="extra() ?? undefined">
        <ng-content />
      </nz-form-control>
    </nz-form-item>
  `,
  styles: `:host { display: block; }`,
  providers: [NzFormStatusService],
})
export class FieldComponent implements AfterViewInit {
  private readonly relay = inject(NzFormStatusService, { self: true });
  private readonly destroyRef = inject(DestroyRef);
  private readonly control = viewChild.required(NzFormControlComponent, { read: NzFormStatusService });

  readonly label = input<string | null>(null);
  /** The id of the projected control. */
  readonly for = input<string | null>(null);
  readonly required = input(false);
  readonly status = input<AbstractControl | 'error' | '' | null>(null);
  readonly error = input<string | TemplateRef<{ $implicit: AbstractControl }> | null | undefined>(null);
  readonly extra = input<string | TemplateRef<void> | null | undefined>(null);

  ngAfterViewInit(): void {
    this.control()
      .formStatusChanges.pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe((status) => this.relay.formStatusChanges.next(status));
  }
}
