import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { FieldComponent } from './field.component';
import { checkForm } from './submission';
import { renderInZh } from './testing/render-in-zh';

@Component({
  selector: 'luoshi-test-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, NzFormModule, NzInputModule, NzSelectModule, FieldComponent],
  template: `
    <form nz-form nzLayout="vertical" [formGroup]="form">
      <luoshi-field label="Name" for="f-name" [required]="true" [status]="form.controls.name" error="Name is required">
        <input nz-input id="f-name" formControlName="name" data-testid="name" />
      </luoshi-field>
 <luoshi-field label="Kind" for="f-kind"><nz-select nzId="f-kind" data-testid="kind" [nzOptions]="[]" /></luoshi-field>
      <luoshi-field label="Note" for="f-note" [status]="noteMissing() ? 'error' : ''" error="Say why" extra="Shown to the department">
        <input id="f-note" data-testid="note" />
      </luoshi-field>
    </form>
  `,
})
class TestForm {
  readonly form = inject(NonNullableFormBuilder).group({ name: ['', Validators.required] });
  readonly noteMissing = signal(false);
}

describe('FieldComponent', () => {
  it('labels the projected control and shows the error of a reactive control once it is checked', async () => {
    const { fixture, element } = await renderInZh(TestForm);
    const label = element.querySelector('label[for="f-name"]');
    expect(label?.textContent?.trim()).toBe('Name');
    expect(label?.classList).toContain('ant-form-item-required');
    expect(element.textContent).not.toContain('Name is required');
    expect(element.textContent).toContain('Shown to the department');

    expect(checkForm(fixture.componentInstance.form)).toBe(false);
    await fixture.whenStable();
    expect(element.textContent).toContain('Name is required');
    expect(element.querySelector('nz-form-item')?.classList).toContain('ant-form-item-has-error');
    // The projected input hears the status (its red border), and a select keeps its form width.
    expect(element.querySelector('[data-testid="name"]')?.classList).toContain('ant-input-status-error');
    expect(element.querySelector('[data-testid="kind"]')?.classList).toContain('ant-select-in-form-item');

    fixture.componentInstance.form.controls.name.setValue('Ada');
    await fixture.whenStable();
    expect(element.textContent).not.toContain('Name is required');
    expect(checkForm(fixture.componentInstance.form)).toBe(true);
  });

  it('shows an error status given as a string', async () => {
    const { fixture, element } = await renderInZh(TestForm);
    expect(element.textContent).not.toContain('Say why');
    fixture.componentInstance.noteMissing.set(true);
    await fixture.whenStable();
    expect(element.textContent).toContain('Say why');
  });
});
