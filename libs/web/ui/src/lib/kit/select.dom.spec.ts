import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { By } from '@angular/platform-browser';
import { NzSelectComponent } from 'ng-zorro-antd/select';
import { SelectComponent } from './select.component';
import { renderInZh } from './testing/render-in-zh';

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
  it('puts the handle on the nz-select, shows the value, and gives null when cleared', async () => {
    const { fixture, element } = await renderInZh(TestSelect);
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
