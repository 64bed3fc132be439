import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { ComposeComponent } from './compose.component';
import { renderInZh } from './testing/render-in-zh';

@Component({
  selector: 'luoshi-test-compose',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ComposeComponent],
  template: `
    <luoshi-compose
      [(text)]="text"
      sendText="发送"
      [sending]="sending()"
      (send)="sent.push($event)"
      textTestId="compose-text"
      submitTestId="compose-submit"
    />
  `,
})
class TestCompose {
  readonly text = signal('');
  readonly sending = signal(false);
  readonly sent: string[] = [];
}

describe('ComposeComponent', () => {
  it('sends the typed text, and stays off while the text is blank', async () => {
    const { fixture, element } = await renderInZh(TestCompose);
    const area = element.querySelector<HTMLTextAreaElement>('[data-testid="compose-text"]');
    const button = element.querySelector<HTMLButtonElement>('[data-testid="compose-submit"]');
    expect(button?.textContent?.trim()).toBe('发送');
    expect(button?.disabled).toBe(true);

    if (area) {
      area.value = '  ';
      area.dispatchEvent(new Event('input'));
    }
    await fixture.whenStable();
    expect(button?.disabled).toBe(true);

    if (area) {
      area.value = '请本周内完成';
      area.dispatchEvent(new Event('input'));
    }
    await fixture.whenStable();
    expect(fixture.componentInstance.text()).toBe('请本周内完成');
    button?.click();
    expect(fixture.componentInstance.sent).toEqual(['请本周内完成']);

    fixture.componentInstance.sending.set(true);
    await fixture.whenStable();
    expect(button?.classList).toContain('ant-btn-loading');
  });
});
