import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { By } from '@angular/platform-browser';
import { provideNzI18n, zh_CN } from 'ng-zorro-antd/i18n';
import { NzSelectComponent } from 'ng-zorro-antd/select';
import { SelectComponent } from './select.component';

@Component({
  selector: 'luoshi-test-select',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [SelectComponent],
  template: `<luoshi-select class="picker" search [options]="options" placeholder="All" [(value)]="chosen" testId="pick" />`,
})
class TestSelect {
  readonly options = [
    { value: 'a', label: 'Alpha' },
    { value: 'b', label: 'Beta' },
  ];
  readonly chosen = signal<string | null>('a');
}

describe('SelectComponent', () => {
  beforeEach(() => TestBed.configureTestingModule({ providers: [provideNzI18n(zh_CN)] }));

  it('puts the handle on the nz-select, shows the value, and gives null when cleared', async () => {
    const fixture = TestBed.createComponent(TestSelect);
    await fixture.whenStable();
    const element: HTMLElement = fixture.nativeElement;
    const select = element.querySelector('nz-select[data-testid="pick"]');
    expect(select).not.toBeNull();
    expect(select?.textContent).toContain('Alpha');
    const nz = fixture.debugElement.query(By.directive(NzSelectComponent)).componentInstance as NzSelectComponent;
    expect(nz.nzAllowClear).toBe(true);
    expect(nz.nzShowSearch).toBe(true);

    nz.onClearSelection();
    await fixture.whenStable();
    expect(fixture.componentInstance.chosen()).toBeNull();
  });
});
