import { describe, expect, it } from '@jest/globals';
import { ACCOUNTS_MESSAGES } from '@app/accounts';
import { allErrorCodes, errorMessageKey, KERNEL_MESSAGES, SUPPORTED_LOCALES, Translator } from '@app/kernel';
import { SELLERS_MESSAGES } from '@app/sellers';
import { TRANSLATIONS } from './app.module';

describe('translations', () => {
  const translator = new Translator(TRANSLATIONS);

  it('registers every context bundle with the app', () => {
    expect(TRANSLATIONS).toEqual(expect.arrayContaining([ACCOUNTS_MESSAGES, SELLERS_MESSAGES]));
  });

  it('has every key in every language, and no empty message', () => {
    const english = translator.resourceKeys('en').sort();
    expect(english.length).toBeGreaterThan(30);
    for (const locale of SUPPORTED_LOCALES) {
      const keys = translator.resourceKeys(locale).sort();
      expect({ locale, missing: english.filter((k) => !keys.includes(k)) }).toEqual({ locale, missing: [] });
      expect({ locale, extra: keys.filter((k) => !english.includes(k)) }).toEqual({ locale, extra: [] });
      for (const key of keys) expect({ locale, key, empty: translator.t(locale, key).trim() === '' }).toEqual({ locale, key, empty: false });
    }
  });

  it('has a message for every registered error code in every language', () => {
    for (const [code] of allErrorCodes()) {
      for (const locale of SUPPORTED_LOCALES) {
        expect({ code, locale, present: translator.has(errorMessageKey(code)) }).toEqual({ code, locale, present: true });
      }
    }
  });

  it('really translates: non-English messages differ from English ones', () => {
    const english = KERNEL_MESSAGES.en;
    for (const locale of SUPPORTED_LOCALES.filter((l) => l !== 'en')) {
      const same = Object.entries(KERNEL_MESSAGES[locale]).filter(
        ([k, v]) => v === english[k as keyof typeof english] && !k.startsWith('type.boolean'),
      );
      expect({ locale, untranslated: same.map(([k]) => k) }).toEqual({ locale, untranslated: [] });
    }
  });

  it('keeps the placeholders of the English message in every language', () => {
    const placeholders = (s: string) => (s.match(/{{\w+}}/g) ?? []).sort();
    for (const key of translator.resourceKeys('en')) {
      const expected = placeholders(translator.t('en', key, {}));
      for (const locale of SUPPORTED_LOCALES) {
        expect({ key, locale, placeholders: placeholders(translator.t(locale, key, {})) }).toEqual({ key, locale, placeholders: expected });
      }
    }
  });
});
