/**
 * The kiosk's words, one ICU MessageFormat catalogue per language (issue 12). English (en.json) is
 * the source: every id it has must be in every other catalogue, with the same {placeholders}. The
 * `Catalogue` type makes `npm run typecheck` fail on a missing id, and
 * test/unit/i18nCatalogues.test.ts also checks extra ids, placeholders and that every message parses.
 * The catalogues are small (about 3 KB each), so all are bundled: no loading step between a tap on a
 * language and its words.
 */
import type { LanguageCode } from '../../../main/contract/languages.ts';
import ar from './ar.json';
import en from './en.json';
import es from './es.json';
import pl from './pl.json';
import pt from './pt.json';
import uk from './uk.json';
import vi from './vi.json';
import zhHans from './zh-Hans.json';

export type MessageId = keyof typeof en;
export type Catalogue = Record<MessageId, string>;

export const catalogues: Record<LanguageCode, Catalogue> = { en, es, 'zh-Hans': zhHans, vi, ar, pl, uk, pt };
