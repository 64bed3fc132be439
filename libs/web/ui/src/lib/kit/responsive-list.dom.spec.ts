import { BreakpointObserver } from '@angular/cdk/layout';
import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideNzI18n, zh_CN } from 'ng-zorro-antd/i18n';
import { NzTableModule } from 'ng-zorro-antd/table';
import { of } from 'rxjs';
import { ListCardDirective, ListTableDirective, ResponsiveListComponent } from './responsive-list.component';

interface Row {
  id: string;
  title: string;
  todo: boolean;
}

@Component({
  selector: 'luoshi-test-responsive-list',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [NzTableModule, ResponsiveListComponent, ListCardDirective, ListTableDirective],
  template: `
    <luoshi-responsive-list [items]="rows()" [trackBy]="byId" [marked]="isTodo" [loading]="loading()" emptyText="暂无待办" cardsTestId="row-cards">
      <ng-template luoshiListCard let-row>
        <div data-testid="row" [attr.data-id]="row.id">{{ row.title }}</div>
      </ng-template>
      <ng-template luoshiListTable let-empty>
        <nz-table #table [nzData]="rows()" [nzNoResult]="empty" data-testid="row-table">
          <tbody>
            @for (row of table.data; track row.id) {
              <tr data-testid="row"><td>{{ row.title }}</td></tr>
            }
          </tbody>
        </nz-table>
      </ng-template>
    </luoshi-responsive-list>
  `,
})
class TestPage {
  readonly rows = signal<Row[]>([
    { id: 'a', title: '港口合作', todo: true },
    { id: 'b', title: '铁路规划', todo: false },
  ]);
  readonly loading = signal(false);
  readonly byId = (row: Row) => row.id;
  readonly isTodo = (row: Row) => row.todo;
}

describe('ResponsiveListComponent', () => {
  let fixture: ComponentFixture<TestPage>;
  const find = (selector: string) => fixture.nativeElement.querySelector(selector) as HTMLElement | null;
  const findAll = (selector: string) => Array.from(fixture.nativeElement.querySelectorAll(selector) as NodeListOf<HTMLElement>);

  async function render(handset: boolean): Promise<void> {
    TestBed.configureTestingModule({
      providers: [provideNzI18n(zh_CN), { provide: BreakpointObserver, useValue: { isMatched: () => handset, observe: () => of({ matches: handset, breakpoints: {} }) } }],
    });
    fixture = TestBed.createComponent(TestPage);
    fixture.detectChanges();
    await fixture.whenStable();
  }

  it('shows the page’s table on a desktop, with the kit’s empty note when nothing is left', async () => {
    await render(false);
    expect(find('[data-testid="row-cards"]')).toBeNull();
    expect(findAll('[data-testid="row-table"] [data-testid="row"]').map((r) => r.textContent?.trim())).toEqual(['港口合作', '铁路规划']);

    fixture.componentInstance.rows.set([]);
    fixture.detectChanges();
    await fixture.whenStable();
    expect(find('[data-testid="row-table"] .ant-empty-description')?.textContent?.trim()).toBe('暂无待办');
  });

  it('shows one card per item on a phone, marking the ones asked for', async () => {
    await render(true);
    expect(find('[data-testid="row-table"]')).toBeNull();
    const cards = findAll('[data-testid="row-cards"] > li.card');
    expect(cards.map((c) => c.querySelector('[data-testid="row"]')?.getAttribute('data-id'))).toEqual(['a', 'b']);
    expect(cards.map((c) => c.classList.contains('card--marked'))).toEqual([true, false]);
  });

  it('shows the empty note among the cards once loaded, not while loading', async () => {
    await render(true);
    fixture.componentInstance.rows.set([]);
    fixture.componentInstance.loading.set(true);
    fixture.detectChanges();
    expect(find('[data-testid="row-cards"] .ant-empty')).toBeNull();

    fixture.componentInstance.loading.set(false);
    fixture.detectChanges();
    expect(find('[data-testid="row-cards"] .ant-empty-description')?.textContent?.trim()).toBe('暂无待办');
  });
});
