import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, input, output, signal } from '@angular/core';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzTagModule } from 'ng-zorro-antd/tag';
import type { Observable } from 'rxjs';
import type { TaskInstructionResponse } from '@luoshi/contracts';
import { I18nService, TasksApi, TranslatePipe } from '@luoshi/web/core';
import { ComposeComponent, pageAction } from '@luoshi/web/ui';

/** 批示: leaders write, the lead department answers; unanswered instructions stand out. */
@Component({
  selector: 'luoshi-task-instructions',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe, NzEmptyModule, NzTagModule, TranslatePipe, ComposeComponent],
  template: `
    @for (item of instructions(); track item.id) {
      <div class="ins" [class.ins--open]="!item.answer" data-testid="instruction" [attr.data-answered]="item.answer ? 'true' : 'false'">
        <div class="ins__head">
          <span class="ins__author">{{ item.author.displayName }}</span>
          <span class="ins__at">{{ item.createdAt | date: 'yyyy-MM-dd HH:mm' }}</span>
          <span class="ins__spacer"></span>
          <nz-tag [nzColor]="item.answer ? 'success' : 'error'" class="ins__tag">
            {{ (item.answer ? 'taskDetail.answered' : 'taskDetail.unanswered') | t }}
          </nz-tag>
        </div>
        <div class="ins__text">{{ item.text }}</div>
        @if (item.answer) {
          <div class="ins__answer">
            <div>{{ item.answer }}</div>
            <div class="ins__meta">
              {{ 'taskDetail.answeredBy' | t: { name: item.answeredBy?.displayName ?? '', at: (item.answeredAt | date: 'yyyy-MM-dd HH:mm') ?? '' } }}
            </div>
          </div>
        } @else if (canAnswer()) {
          <luoshi-compose
            class="compose"
            [rows]="2"
            [small]="true"
            [placeholder]="'taskDetail.answerPlaceholder' | t"
            [sendText]="'taskDetail.answer' | t"
            [text]="draft(item.id)"
            (textChange)="setDraft(item.id, $event)"
            [sending]="sendAction.busy() === item.id"
            (send)="answer(item.id)"
            textTestId="answer-text"
            submitTestId="answer-submit"
          />
        }
      </div>
    } @empty {
      <nz-empty nzNotFoundImage="simple" [nzNotFoundContent]="'taskDetail.noInstructions' | t" />
    }
    @if (canInstruct()) {
      <luoshi-compose
        class="compose"
        [placeholder]="'taskDetail.instructPlaceholder' | t"
        [sendText]="'taskDetail.instruct' | t"
        [(text)]="newText"
        [sending]="sendAction.busy() === 'new'"
        (send)="instruct()"
        textTestId="instruct-text"
        submitTestId="instruct-submit"
      />
    }
  `,
  styles: `
    .ins { padding: 10px 12px; margin-bottom: 10px; border: 1px solid #f0f0f0; border-radius: 6px; }
    .ins--open { border-color: #ffa39e; background: #fff1f0; }
    .ins__head { display: flex; align-items: baseline; gap: 8px; }
    .ins__author { font-weight: 600; }
    .ins__at { color: rgba(0, 0, 0, 0.6); font-size: 12px; }
    .ins__spacer { flex: 1; }
    .ins__tag { margin: 0; }
    .ins__text { margin-top: 6px; white-space: pre-wrap; }
    .ins__answer { margin-top: 8px; padding: 6px 10px; background: #f6ffed; border-left: 3px solid #b7eb8f; white-space: pre-wrap; }
    .ins__meta { margin-top: 2px; font-size: 12px; color: rgba(0, 0, 0, 0.6); }
    .compose { margin-top: 8px; }
  `,
})
export class TaskInstructionsComponent {
  private readonly api = inject(TasksApi);
  private readonly message = inject(NzMessageService);
  private readonly i18n = inject(I18nService);

  readonly taskId = input.required<string>();
  readonly instructions = input.required<readonly TaskInstructionResponse[]>();
  readonly canInstruct = input(false);
  readonly canAnswer = input(false);
  /** Something was written: the page reloads the task. */
  readonly changed = output();

  protected readonly newText = signal('');
  protected readonly drafts = signal<Record<string, string>>({});
  protected readonly sendAction = pageAction<string>();

  protected draft(id: string): string {
    return this.drafts()[id] ?? '';
  }

  protected setDraft(id: string, text: string): void {
    this.drafts.update((all) => ({ ...all, [id]: text }));
  }

  protected instruct(): void {
    const text = this.newText().trim();
    if (!text) return;
    this.send('new', this.api.instruct(this.taskId(), text), 'taskDetail.instructed', () => this.newText.set(''));
  }

  protected answer(id: string): void {
    const text = this.draft(id).trim();
    if (!text) return;
    this.send(id, this.api.answer(this.taskId(), id, text), 'taskDetail.answered', () => this.setDraft(id, ''));
  }

  private send(key: string, call: Observable<unknown>, done: 'taskDetail.instructed' | 'taskDetail.answered', reset: () => void): void {
    this.sendAction.runFor(key, call, () => {
      reset();
      this.message.success(this.i18n.t(done));
      this.changed.emit();
    });
  }
}
