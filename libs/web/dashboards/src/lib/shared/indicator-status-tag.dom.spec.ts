import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideNzI18n, zh_CN } from 'ng-zorro-antd/i18n';
import type { IndicatorStatus } from '@luoshi/contracts';
import '../dashboards.translations';
import { IndicatorStatusTagComponent } from './indicator-status-tag.component';

@Component({
  selector: 'luoshi-test-indicator-status',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [IndicatorStatusTagComponent],
  template: `
    <luoshi-indicator-status-tag [status]="status()" />
    <luoshi-indicator-status-tag status="no_data" testId="indicator-detail-status" />
  `,
})
class TestPage {
  readonly status = signal<IndicatorStatus>('at_risk');
}

describe('IndicatorStatusTagComponent', () => {
  let fixture: ComponentFixture<TestPage>;
  const tag = (testId: string) => fixture.nativeElement.querySelector(`nz-tag[data-testid="${testId}"]`) as HTMLElement | null;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideNzI18n(zh_CN)] });
    fixture = TestBed.createComponent(TestPage);
    fixture.detectChanges();
  });

  it('shows the status name in its colour, on the tag the journeys name', () => {
    expect(tag('indicator-status')?.textContent?.trim()).toBe('存在风险');
    expect(tag('indicator-status')?.className).toContain('ant-tag-warning');
    expect(tag('indicator-status')?.getAttribute('data-status')).toBe('at_risk');
    expect(tag('indicator-detail-status')?.textContent?.trim()).toBe('暂无数据');
  });

  it('follows the status', () => {
    fixture.componentInstance.status.set('achieved');
    fixture.detectChanges();
    expect(tag('indicator-status')?.textContent?.trim()).toBe('已达标');
    expect(tag('indicator-status')?.className).toContain('ant-tag-success');
  });
});
