import { NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { NzTagModule } from 'ng-zorro-antd/tag';
import type { CorrectionResponse } from '@luoshi/contracts';
import { I18nService, TranslatePipe } from '@luoshi/web/core';
import type { CorrectedText } from '../shared/corrected-text';

/** The parsed plan as text, one block per node from its source line; corrected words are marked. */
@Component({
  selector: 'luoshi-corrected-text',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [NgTemplateOutlet, NzTagModule, TranslatePipe],
  template: `
    @if (text().unplaced.length > 0) {
      <p class="unplaced">{{ 'planImport.unplaced' | t: { n: text().unplaced.length } }}</p>
    }
    <div class="doc" [class.doc--original]="showOriginal()" data-testid="corrected-text">
      @for (block of text().blocks; track block.key) {
        <div [class]="'block block--' + block.kind" [id]="'preview-line-' + block.line" [attr.data-line]="block.line" [class.flash]="block.line === focusLine()">
          <span class="gutter">{{ block.line }}</span>
          <div class="content">
            <div class="heading">
              @if (block.code) {
                <span class="code">{{ block.code }}</span>
              }
              <ng-container *ngTemplateOutlet="segmentsTpl; context: { $implicit: block.heading }" />
              @if (block.inferred) {
                <nz-tag nzColor="gold" class="tag" [title]="'plans.inferredHint' | t">{{ 'plans.inferred' | t }}</nz-tag>
              }
            </div>
            @if (block.body.length > 0) {
              <p class="body">
              <ng-container *ngTemplateOutlet="segmentsTpl; context: { $implicit: block.body }" />
              </p>
            }
          </div>
        </div>
      }
    </div>
    <!-- A heading or a body: its words, each corrected one marked (and its original shown on demand). -->
    <ng-template #segmentsTpl let-segments>
      @for (segment of segments; track $index) {
        @if (segment.fix; as fix) {
          @if (showOriginal()) {
            <del class="orig">{{ fix.wrong }}</del>
          }
          <mark class="fix" [title]="tip(fix)" data-testid="correction-mark" [attr.data-wrong]="fix.wrong">{{ segment.text }}</mark>
        } @else {
          <span>{{ segment.text }}</span>
        }
      }
    </ng-template>
  `,
  styles: `
    .unplaced { margin: 0 0 8px; font-size: 12px; color: rgba(0, 0, 0, 0.6); }
    .doc { max-height: 560px; overflow: auto; padding: 8px 0; border: 1px solid #f0f0f0; border-radius: 6px; background: #fcfcfc; line-height: 1.9; }
    .block { display: flex; gap: 12px; padding: 2px 12px; scroll-margin-top: 8px; }
    .block.flash { background: #fffbe6; box-shadow: inset 3px 0 0 #faad14; }
    .gutter { flex: none; width: 40px; padding-top: 1px; text-align: right; color: rgba(0, 0, 0, 0.6); font-variant-numeric: tabular-nums; font-size: 12px; line-height: 26px; user-select: none; }
    .content { min-width: 0; flex: 1; }
    .heading { font-weight: 500; }
    .block--title .heading { font-size: 16px; font-weight: 600; }
    .block--part .heading { font-size: 15px; font-weight: 600; }
    .block--measure .heading, .block--submeasure .heading { font-weight: 500; }
    .code { margin-right: 8px; color: rgba(0, 0, 0, 0.6); font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-weight: 400; }
    .tag { margin-left: 8px; }
    .body { margin: 0; color: rgba(0, 0, 0, 0.75); }
    .fix + .fix { margin-left: 2px; }
    .fix { padding: 0 1px; background: #d9f7be; color: #135200; border-bottom: 2px solid #52c41a; border-radius: 2px; cursor: help; }
    .orig { margin-right: 2px; color: #cf1322; background: #fff1f0; }
  `,
})
export class CorrectedTextComponent {
  private readonly i18n = inject(I18nService);
  readonly text = input.required<CorrectedText>();
  readonly showOriginal = input(false);
  /** A block to highlight (e.g. the line a warning points at). */
  readonly focusLine = input<number | null>(null);
  protected tip(fix: CorrectionResponse): string {
    return this.i18n.t('planImport.correctionTip', { wrong: fix.wrong, line: fix.line, column: fix.column });
  }
}
