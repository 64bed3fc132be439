import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { NzRadioModule } from 'ng-zorro-antd/radio';
import { I18nService, type Lang, TranslatePipe } from '@luoshi/web/core';

/** 中文 | English. */
@Component({
  selector: 'luoshi-lang-switch',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, NzRadioModule, TranslatePipe],
  template: `
    <nz-radio-group
      nzSize="small"
      nzButtonStyle="solid"
      [ngModel]="i18n.lang()"
      (ngModelChange)="select($event)"
      [attr.aria-label]="'common.language' | t"
      data-testid="lang-switch"
    >
      <label nz-radio-button nzValue="zh-CN" data-testid="lang-zh">中文</label>
      <label nz-radio-button nzValue="en" data-testid="lang-en">English</label>
    </nz-radio-group>
  `,
})
export class LangSwitchComponent {
  protected readonly i18n = inject(I18nService);

  protected select(lang: Lang): void {
    this.i18n.setLang(lang);
  }
}
