import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { renderInZh } from './testing/render-in-zh';
import { DetailTitleComponent } from './detail-title.component';

@Component({
  selector: 'luoshi-test-detail-title',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DetailTitleComponent],
  template: `
    <luoshi-detail-title heading="推进港口合作" [code]="code()" codeTestId="detail-code" [codeColor]="color()">
      <span before data-testid="kind">进展报告</span>
      <span data-testid="status">审批中</span>
    </luoshi-detail-title>
  `,
})
class TestHost {
  readonly code = signal<string | null>('2.3.1');
  readonly color = signal<'blue' | 'purple'>('blue');
}

describe('DetailTitleComponent', () => {
  it('lines up the projected kind, the code chip, the title and the projected tags in that order', async () => {
    const { element } = await renderInZh(TestHost);
    const row = element.querySelector('luoshi-detail-title');
    const order = Array.from(row?.children ?? []).map((c) => c.getAttribute('data-testid'));
    expect(order).toEqual(['kind', 'detail-code', 'page-title', 'status']);
    expect(row?.querySelector('h1')?.textContent).toBe('推进港口合作');
    expect(row?.querySelector('[data-testid="detail-code"]')?.textContent).toBe('2.3.1');
  });

  it('leaves out the chip without a code and colours it purple when asked', async () => {
    const { fixture, element } = await renderInZh(TestHost);
    fixture.componentInstance.color.set('purple');
    fixture.detectChanges();
    expect(element.querySelector('[data-testid="detail-code"]')?.classList.contains('code--purple')).toBe(true);
    fixture.componentInstance.code.set(null);
    fixture.detectChanges();
    expect(element.querySelector('[data-testid="detail-code"]')).toBeNull();
  });
});
