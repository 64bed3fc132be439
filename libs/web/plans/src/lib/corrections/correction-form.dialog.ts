import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NZ_MODAL_DATA } from 'ng-zorro-antd/modal';
import { concatMap, map, type Observable, of } from 'rxjs';
import type { CorrectionEntryResponse } from '@luoshi/contracts';
import { PlansApi, TranslatePipe } from '@luoshi/web/core';
import { checkForm, FieldComponent, formDialog, FormDialogComponent } from '@luoshi/web/ui';

export interface CorrectionFormData {
  /** The entry to edit; absent to add one. */
  entry?: CorrectionEntryResponse;
}

/**
 * Add or edit a dictionary entry. The API upserts by (dictionary, wrong, context), so changing
 * the wrong word or the context of an entry saves the new one and then deletes the old one.
 */
@Component({
  selector: 'luoshi-correction-form-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, NzFormModule, NzInputModule, TranslatePipe, FormDialogComponent, FieldComponent],
  template: `
    <luoshi-form-dialog [state]="dialog" formId="correction-form" [okText]="'common.save' | t">
      <form nz-form nzLayout="vertical" [formGroup]="form" (ngSubmit)="submit()" id="correction-form">
        <div class="form-grid">
          <luoshi-field [label]="'corrections.wrong' | t" for="cf-wrong" [required]="true" [status]="form.controls.wrong" [error]="'corrections.wrongRequired' | t">
            <input nz-input id="cf-wrong" formControlName="wrong" autocomplete="off" data-testid="correction-wrong" />
          </luoshi-field>
          <luoshi-field [label]="'corrections.right' | t" for="cf-right" [required]="true" [status]="form.controls.right" [error]="'corrections.rightRequired' | t">
            <input nz-input id="cf-right" formControlName="right" autocomplete="off" data-testid="correction-right" />
          </luoshi-field>
        </div>
        <luoshi-field [label]="'corrections.context' | t" for="cf-context" [status]="form.controls.context" [extra]="'corrections.contextHint' | t">
          <input nz-input id="cf-context" class="mono" formControlName="context" autocomplete="off" data-testid="correction-context" />
        </luoshi-field>
        <luoshi-field [label]="'corrections.note' | t" for="cf-note" [status]="form.controls.note">
          <textarea nz-input id="cf-note" rows="2" formControlName="note" data-testid="correction-note"></textarea>
        </luoshi-field>
        @if (editing) {
          <p class="dictionary">{{ 'corrections.dictionary' | t }}：{{ editing.dictionary }}</p>
        }
      </form>
    </luoshi-form-dialog>
  `,
  styles: `
    .mono { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
    .dictionary { margin: 0; color: rgba(0, 0, 0, 0.6); font-size: 12px; }
  `,
})
export class CorrectionFormDialog {
  private readonly data = inject<CorrectionFormData>(NZ_MODAL_DATA);
  private readonly api = inject(PlansApi);

  protected readonly editing = this.data.entry;
  protected readonly dialog = formDialog<CorrectionEntryResponse>();

  protected readonly form = inject(NonNullableFormBuilder).group({
    wrong: [this.editing?.wrong ?? '', [Validators.required, Validators.maxLength(20)]],
    right: [this.editing?.right ?? '', [Validators.required, Validators.maxLength(20)]],
    context: [this.editing?.context ?? '', [Validators.maxLength(100)]],
    note: [this.editing?.note ?? '', [Validators.maxLength(200)]],
  });

  protected submit(): void {
    if (!checkForm(this.form)) return;
    this.dialog.submit(this.save());
  }

  private save(): Observable<CorrectionEntryResponse> {
    const value = this.form.getRawValue();
    const body = {
      dictionary: this.editing?.dictionary ?? 'custom',
      wrong: value.wrong.trim(),
      right: value.right.trim(),
      context: value.context.trim() || null,
      note: value.note.trim() || null,
    };
    const before = this.editing;
    // A new key (wrong word or context) makes a new row: drop the old one afterwards.
    const replaced = before && (before.wrong !== body.wrong || (before.context ?? null) !== body.context) ? before.id : null;
    return this.api.upsertCorrection(body).pipe(
      concatMap((saved) => (replaced && saved.id !== replaced ? this.api.removeCorrection(replaced).pipe(map(() => saved)) : of(saved))),
    );
  }
}
