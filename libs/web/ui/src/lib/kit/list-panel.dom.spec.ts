import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideNzI18n, zh_CN } from 'ng-zorro-antd/i18n';
import { ApiError } from '@luoshi/web/core';
import { ListPanelComponent } from './list-panel.component';

@Component({
  selector: 'luoshi-test-list-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ListPanelComponent],
  template: `
    <luoshi-list-panel [error]="error()" (refresh)="refreshes = refreshes + 1">
      <input toolbar data-testid="search" />
      <p data-testid="list">rows</p>
    </luoshi-list-panel>
  `,
})
class TestPage {
  readonly error = signal<ApiError | null>(null);
  refreshes = 0;
}

describe('ListPanelComponent', () => {
  let fixture: ComponentFixture<TestPage>;
  const find = (selector: string) => fixture.nativeElement.querySelector(selector) as HTMLElement | null;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideNzI18n(zh_CN)] });
    fixture = TestBed.createComponent(TestPage);
    fixture.detectChanges();
  });

  it('puts the toolbar children before the spacer and Refresh, and the list below the toolbar', () => {
    const toolbar = find('.toolbar');
    expect(toolbar?.firstElementChild?.getAttribute('data-testid')).toBe('search');
    expect(toolbar?.querySelector('button')?.textContent?.trim()).toBe('刷新');
    expect(find('.panel > [data-testid="list"]')).not.toBeNull();
    expect(find('[data-testid="load-error"]')).toBeNull();
  });

  it('emits refresh from Refresh and from the load error’s retry', () => {
    find('.toolbar button')?.click();
    expect(fixture.componentInstance.refreshes).toBe(1);
    fixture.componentInstance.error.set(new ApiError({ statusCode: 503, code: 'UNAVAILABLE', message: '服务暂不可用' }));
    fixture.detectChanges();
    const retry = find('[data-testid="load-error"] button');
    expect(retry).not.toBeNull();
    retry?.click();
    expect(fixture.componentInstance.refreshes).toBe(2);
  });
});
