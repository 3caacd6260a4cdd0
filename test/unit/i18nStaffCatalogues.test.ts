/**
 * The staff screens' catalogues (desk and room; issue 12): every staff language has every message
 * English has (no more), keeps its placeholders, and parses as ICU MessageFormat with its own
 * plural rules. A missing id also fails `npm run typecheck` through StaffCatalogue in
 * renderer/src/i18n/staff/catalogues.ts. The office file may name only these languages.
 */
import { describe, expect, it } from 'vitest';
import { createIntl } from 'react-intl';
import { staffLanguageCodes } from '../../main/contract/languages.ts';
import { staffCatalogues } from '../../renderer/src/i18n/staff/catalogues.ts';
import en from '../../renderer/src/i18n/staff/en.json';

const source: Record<string, string> = en;
const ids = Object.keys(source).sort();
/** Every {placeholder} a message uses (the argument of a plural included), without the ICU inside it. */
const placeholdersOf = (message: string) => [...message.matchAll(/\{(\w+)(?=[,}])/g)].map((match) => match[1]!).sort();

describe('staff catalogues', () => {
  it('exist for every language an office may choose for its staff screens', () => {
    expect(Object.keys(staffCatalogues).sort()).toEqual([...staffLanguageCodes].sort());
  });

  for (const code of staffLanguageCodes) {
    describe(code, () => {
      const catalogue: Record<string, string> = staffCatalogues[code];

      it('has exactly the ids English has', () => {
        expect(Object.keys(catalogue).sort()).toEqual(ids);
      });

      it('keeps every placeholder and has no empty message', () => {
        for (const id of ids) {
          const message = catalogue[id] ?? '';
          expect(message.trim(), `${code} ${id}`).not.toBe('');
          expect(placeholdersOf(message), `${code} ${id}`).toEqual(placeholdersOf(source[id]!));
        }
      });

      it('parses and formats every message in its own locale, plurals included', () => {
        const errors: string[] = [];
        const intl = createIntl({ locale: code, defaultLocale: 'en', messages: catalogue, onError: (error) => errors.push(String(error)) });
        for (const id of ids) {
          const values = Object.fromEntries(placeholdersOf(source[id]!).map((name) => [name, `<${name}>`]));
          for (const count of [0, 1, 2, 5, 21, 1_000_000]) {
            const text = intl.formatMessage({ id }, { ...values, count });
            for (const [name, value] of Object.entries(values)) if (name !== 'count') expect(text, `${code} ${id}`).toContain(value);
            expect(text).not.toContain('{');
          }
        }
        expect(errors).toEqual([]);
      });
    });
  }

  it('Spanish is Spanish, not English left in place (beyond names and units)', () => {
    const same = ids.filter((id) => staffCatalogues.es[id as keyof typeof en] === source[id]);
    expect(same).toEqual(['desk.minutesShort', 'room.title']);
  });

  it('the placeholder check is not blind', () => {
    expect(placeholdersOf('{count, plural, one {# minuto} other {# minutos}} de {name}')).toEqual(['count', 'name']);
    expect(placeholdersOf('Cliente de {owner}')).not.toEqual(placeholdersOf('{owner}’s {time} client'));
  });
});
