import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideNzI18n, zh_CN } from 'ng-zorro-antd/i18n';
import { TextAreaFieldComponent } from './text-area-field.component';

@Component({
  selector: 'luoshi-test-host',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TextAreaFieldComponent],
  template: `<luoshi-text-area-field label="Reason" inputId="f-reason" name="reason" [maxLength]="200" [required]="true" [invalid]="invalid()" error="Say why" [(value)]="reason" testId="reason" />`,
})
class TestHost {
  readonly reason = signal('first');
  readonly invalid = signal(false);
}

describe('TextAreaFieldComponent', () => {
  beforeEach(() => TestBed.configureTestingModule({ providers: [provideNzI18n(zh_CN)] }));

  it('labels its textarea, binds the text both ways and shows the error the caller asks for', async () => {
    const fixture = TestBed.createComponent(TestHost);
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
    expect(fixture.componentInstance.reason()).toBe('typed');

    fixture.componentInstance.invalid.set(true);
    await fixture.whenStable();
    expect(element.textContent).toContain('Say why');
    expect(box?.classList).toContain('ant-input-status-error');
  });
});
