import { TestBed } from '@angular/core/testing';
import { provideNzI18n, zh_CN } from 'ng-zorro-antd/i18n';
import { TextAreaFieldComponent } from './text-area-field.component';

describe('TextAreaFieldComponent', () => {
  beforeEach(() => TestBed.configureTestingModule({ providers: [provideNzI18n(zh_CN)] }));

  it('labels its textarea, binds the text both ways and shows the error the caller asks for', async () => {
    const fixture = TestBed.createComponent(TextAreaFieldComponent);
    const inputs = { label: 'Reason', inputId: 'f-reason', name: 'reason', maxLength: 200, required: true, error: 'Say why', testId: 'reason', value: 'first' };
    for (const [name, value] of Object.entries(inputs)) fixture.componentRef.setInput(name, value);
    await fixture.whenStable();
    const element: HTMLElement = fixture.nativeElement;
    const box = element.querySelector<HTMLTextAreaElement>('textarea[data-testid="reason"]');
    expect(box?.id).toBe('f-reason');
    expect(box?.getAttribute('maxlength')).toBe('200');
    expect(box?.value).toBe('first');
    expect(element.querySelector('label[for="f-reason"]')?.textContent?.trim()).toBe('Reason');
    expect(element.textContent).not.toContain('Say why');

    box!.value = 'typed';
    box!.dispatchEvent(new Event('input'));
    expect(fixture.componentInstance.value()).toBe('typed');

    fixture.componentRef.setInput('invalid', true);
    await fixture.whenStable();
    expect(element.textContent).toContain('Say why');
    expect(box?.classList).toContain('ant-input-status-error');
  });
});
