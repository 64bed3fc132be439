import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { renderInZh } from './testing/render-in-zh';
import { TimelineEntryComponent } from './timeline-entry.component';

@Component({
  selector: 'luoshi-test-timeline-entry',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TimelineEntryComponent],
  template: `
    <luoshi-timeline-entry data-testid="entry" data-kind="returned" [at]="at" [detail]="detail()" [note]="note()" noteTestId="entry-note">
      <span data-testid="who">周处长</span>
    </luoshi-timeline-entry>
  `,
})
class TestHost {
  readonly at = '2026-03-02T01:30:00.000Z';
  readonly detail = signal<string | null>('退回至：起草人');
  readonly note = signal<string | null>('请补充现场照片');
}

describe('TimelineEntryComponent', () => {
  it('puts the head first and its time last, then the detail line and the note', async () => {
    const { element } = await renderInZh(TestHost);
    const entry = element.querySelector('[data-testid="entry"]');
    expect(entry?.getAttribute('data-kind')).toBe('returned');
    const head = entry?.querySelector('.head');
    expect(head?.firstElementChild?.getAttribute('data-testid')).toBe('who');
    expect(head?.lastElementChild?.textContent).toMatch(/^2026-03-02 \d\d:30$/);
    expect(entry?.querySelector('.detail')?.textContent).toBe('退回至：起草人');
    expect(entry?.querySelector('[data-testid="entry-note"]')?.textContent).toBe('请补充现场照片');
  });

  it('leaves out the detail line and the note when there are none', async () => {
    const { fixture, element } = await renderInZh(TestHost);
    fixture.componentInstance.detail.set(null);
    fixture.componentInstance.note.set(null);
    fixture.detectChanges();
    expect(element.querySelector('.detail')).toBeNull();
    expect(element.querySelector('[data-testid="entry-note"]')).toBeNull();
  });
});
