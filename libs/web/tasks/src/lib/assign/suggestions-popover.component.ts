import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { NzPopoverModule } from 'ng-zorro-antd/popover';
import { NzSpinModule } from 'ng-zorro-antd/spin';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { TasksApi, TranslatePipe } from '@luoshi/web/core';
import { LoadErrorComponent } from '@luoshi/web/ui';

/**
 * 建议: the departments the plan's duty, the text, the directory's responsibilities and past
 * assignments point to, each with its reasons; one click makes one the lead or adds it (or every
 * suggested co-department at once) as a co-department, in the row, to be saved or dispatched.
 */
@Component({
  selector: 'luoshi-suggestions-popover',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [NzButtonModule, NzEmptyModule, NzPopoverModule, NzSpinModule, NzTagModule, TranslatePipe, LoadErrorComponent],
  template: `
    <button
      nz-button
      nzType="link"
      nzSize="small"
      type="button"
      class="trigger"
      nz-popover
      nzPopoverTrigger="click"
      nzPopoverPlacement="leftTop"
      [nzPopoverTitle]="'taskAssign.suggestionsTitle' | t: { code: code() }"
      [nzPopoverContent]="content"
      [nzPopoverVisible]="open()"
      (nzPopoverVisibleChange)="toggle($event)"
      [disabled]="disabled()"
      [attr.data-testid]="'suggest-' + code()"
    >
      {{ 'taskAssign.suggestions' | t }}
    </button>
    <ng-template #content>
      <div class="panel" [attr.data-testid]="'suggestions-' + code()">
        @if (suggestions.error(); as error) {
          <luoshi-load-error [error]="error" (retry)="suggestions.reload()" />
        } @else if (suggestions.isLoading()) {
          <div class="center"><nz-spin nzSimple nzSize="small" /></div>
        } @else if ((suggestions.value() ?? []).length === 0) {
          <nz-empty nzNotFoundImage="simple" [nzNotFoundContent]="'taskAssign.noSuggestions' | t" />
        } @else {
          @if (coToAdd().length > 0) {
            <div class="all">
              <button nz-button nzSize="small" type="button" (click)="addAllCo()" [attr.data-testid]="'suggestion-all-co-' + code()">
                {{ 'taskAssign.addAllCo' | t: { n: coToAdd().length } }}
              </button>
            </div>
          }
          <ul class="list">
            @for (s of suggestions.value() ?? []; track s.department.code) {
              <li class="item" [attr.data-testid]="'suggestion-' + s.department.code">
                <div class="item__head">
                  <span class="item__name">{{ s.department.name }}</span>
                  <nz-tag [nzColor]="s.suggestedRole === 'lead' ? 'blue' : 'default'" class="item__role">
                    {{ (s.suggestedRole === 'lead' ? 'taskAssign.isLead' : 'taskAssign.isCo') | t }}
                  </nz-tag>
                  <span class="item__spacer"></span>
                  <button
                    nz-button
                    nzSize="small"
                    nzType="primary"
                    nzGhost
                    type="button"
                    [disabled]="lead() === s.department.code"
                    (click)="chooseLead(s.department.code)"
                    [attr.data-testid]="'suggestion-lead-' + s.department.code"
                  >
                    {{ 'taskAssign.setLead' | t }}
                  </button>
                  <button
                    nz-button
                    nzSize="small"
                    type="button"
                    [disabled]="lead() === s.department.code || co().includes(s.department.code)"
                    (click)="addCo.emit(s.department.code)"
                    [attr.data-testid]="'suggestion-co-' + s.department.code"
                  >
                    {{ 'taskAssign.addCo' | t }}
                  </button>
                </div>
                <div class="item__reasons">{{ s.reasons.join('，') }}</div>
              </li>
            }
          </ul>
        }
      </div>
    </ng-template>
  `,
  styles: `
    .trigger { padding: 0 4px; }
    .panel { width: 360px; max-height: 360px; overflow: auto; }
    .center { display: flex; justify-content: center; padding: 16px 0; }
    .list { margin: 0; padding: 0; list-style: none; }
    .item { padding: 8px 0; border-bottom: 1px solid #f5f5f5; }
    .item:last-child { border-bottom: 0; }
    .item__head { display: flex; align-items: center; gap: 6px; }
    .item__name { font-weight: 500; }
    .item__role { margin: 0; }
    .item__spacer { flex: 1; }
    .all { display: flex; justify-content: flex-end; padding-bottom: 4px; }
    .item__reasons { margin-top: 2px; font-size: 12px; color: rgba(0, 0, 0, 0.6); }
  `,
})
export class SuggestionsPopoverComponent {
  private readonly api = inject(TasksApi);
  readonly taskId = input.required<string>();
  readonly code = input.required<string>();
  /** The row's lead and co-departments as edited (to disable what is already chosen). */
  readonly lead = input<string | null>(null);
  readonly co = input<readonly string[]>([]);
  readonly disabled = input(false);
  readonly pickLead = output<string>();
  readonly addCo = output<string>();

  protected readonly open = signal(false);
  /** Fetched the first time the popover opens, then kept. */
  private readonly wanted = signal(false);
  protected readonly suggestions = rxResource({
    params: () => (this.wanted() ? this.taskId() : undefined),
    stream: ({ params }) => this.api.suggestions(params),
  });

  /** The suggested co-departments not yet on the row (nor its lead): added together by one click. */
  protected readonly coToAdd = computed(() =>
    (this.suggestions.value() ?? [])
      .filter((s) => s.suggestedRole === 'co' && s.department.code !== this.lead() && !this.co().includes(s.department.code))
      .map((s) => s.department.code),
  );

  protected addAllCo(): void {
    for (const code of this.coToAdd()) this.addCo.emit(code);
  }

  /** Taking a lead closes the list (one click); adding co-departments keeps it open for more. */
  protected chooseLead(code: string): void {
    this.pickLead.emit(code);
    this.open.set(false);
  }

  protected toggle(visible: boolean): void {
    this.open.set(visible);
    if (visible) this.wanted.set(true);
  }
}
