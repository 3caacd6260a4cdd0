/**
 * Every kiosk catalogue has every message English has (no more), keeps its placeholders, and
 * parses as ICU MessageFormat in its own locale's plural rules (issue 12). A missing id also fails
 * `npm run typecheck` through the Catalogue type in renderer/src/i18n/catalogues.ts.
 */
import { describe, expect, it } from 'vitest';
import { createIntl } from 'react-intl';
import { languageCodes, languages } from '../../main/contract/languages.ts';
import { catalogues } from '../../renderer/src/i18n/catalogues.ts';
import en from '../../renderer/src/i18n/en.json';

const ids = Object.keys(en).sort();
const placeholders = ['{practice}', '{name}', '{count, plural,', '{network}', '{password}', '{where}'];

describe('kiosk catalogues', () => {
  it('exist for every language the office may offer, each named in its own script', () => {
    expect(Object.keys(catalogues).sort()).toEqual([...languageCodes].sort());
    expect(languages.ar.dir).toBe('rtl');
    expect(languages['zh-Hans'].ownName).toBe('中文');
  });

  for (const code of languageCodes) {
    describe(code, () => {
      const catalogue: Record<string, string> = catalogues[code];

      it('has exactly the ids English has', () => {
        expect(Object.keys(catalogue).sort()).toEqual(ids);
      });

      it('keeps every placeholder and has no empty message', () => {
        for (const id of ids) {
          const source = (en as Record<string, string>)[id]!;
          const message = catalogue[id] ?? '';
          expect(message.trim(), `${code} ${id}`).not.toBe('');
          for (const placeholder of placeholders) expect(message.includes(placeholder), `${code} ${id} ${placeholder}`).toBe(source.includes(placeholder));
        }
      });

      it('parses and formats every message in its own locale, plurals included', () => {
        const errors: string[] = [];
        const intl = createIntl({ locale: code, defaultLocale: 'en', messages: catalogue, onError: (error) => errors.push(String(error)) });
        for (const id of ids) {
          for (const count of [0, 1, 2, 3, 5, 11, 22, 100]) {
            const text = intl.formatMessage({ id }, { practice: 'P-R-A', name: 'N-A-M', network: 'N-E-T', password: 'P-A-S', where: 'W-H-E', count });
            if (catalogue[id]!.includes('{name}')) expect(text).toContain('N-A-M');
            if (catalogue[id]!.includes('{practice}')) expect(text).toContain('P-R-A');
            if (catalogue[id]!.includes('{where}')) expect(text).toContain('W-H-E');
            if (catalogue[id]!.includes('{password}')) expect(text).toContain('P-A-S');
            expect(text).not.toContain('{');
          }
        }
        expect(errors).toEqual([]);
      });
    });
  }

  it('a broken message is caught (the check above is not blind)', () => {
    const errors: string[] = [];
    const intl = createIntl({ locale: 'pl', messages: { broken: '{count, plural, one {# opcja}' }, onError: (error) => errors.push(String(error)) });
    intl.formatMessage({ id: 'broken' }, { count: 1 });
    expect(errors.length).toBeGreaterThan(0);
  });
});
