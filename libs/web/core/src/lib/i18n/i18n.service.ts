import { DOCUMENT } from '@angular/common';
import { computed, inject, Injectable, signal } from '@angular/core';
import { en_US, NzI18nService, zh_CN } from 'ng-zorro-antd/i18n';
import { type DepartmentKind, ROLE_LABELS, type Role } from '@luoshi/contracts';
import type { ApiError } from '../api/api-error';
import { translationText } from './register-translations';
import type { Lang, TranslationKey, TranslationParams } from './translation-key';

export const LANG_STORAGE_KEY = 'luoshi.lang';

function interpolate(text: string, params?: TranslationParams): string {
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** UI language: Chinese by default, English on request; the choice is kept in localStorage. */
@Injectable({ providedIn: 'root' })
export class I18nService {
  private readonly document = inject(DOCUMENT);
  private readonly nzI18n = inject(NzI18nService);
  private readonly storage = this.document.defaultView?.localStorage;
  private readonly current = signal<Lang>(this.storedLang());

  readonly lang = this.current.asReadonly();
  readonly isZh = computed(() => this.current() === 'zh-CN');

  /** Applies the stored language to ng-zorro and <html lang>; called once at start-up. */
  init(): void {
    this.apply(this.current());
  }

  setLang(lang: Lang): void {
    if (lang === this.current()) return;
    try {
      this.storage?.setItem(LANG_STORAGE_KEY, lang);
    } catch {
      // Storage disabled: the choice lasts for this page only.
    }
    this.current.set(lang);
    this.apply(lang);
  }

  t(key: TranslationKey, params?: TranslationParams): string {
    return this.lookup(key, params) ?? key;
  }

  /** For keys built at run time (e.g. audit action codes); undefined when there is no text. */
  lookup(key: string, params?: TranslationParams): string | undefined {
    const text = translationText(this.current(), key);
    return text === undefined ? undefined : interpolate(text, params);
  }

  roleLabel(role: Role): string {
    const label = ROLE_LABELS[role];
    return this.isZh() ? label.zh : label.en;
  }

  kindLabel(kind: DepartmentKind): string {
    return this.t(`kinds.${kind}`);
  }

  /** The API's message in the current language (messageEn falls back to the Chinese message). */
  errorText(error: Pick<ApiError, 'message' | 'messageEn'>): string {
    return this.isZh() ? error.message : (error.messageEn ?? error.message);
  }

  private apply(lang: Lang): void {
    this.nzI18n.setLocale(lang === 'zh-CN' ? zh_CN : en_US);
    this.document.documentElement.lang = lang;
  }

  private storedLang(): Lang {
    try {
      return this.storage?.getItem(LANG_STORAGE_KEY) === 'en' ? 'en' : 'zh-CN';
    } catch {
      return 'zh-CN';
    }
  }
}
