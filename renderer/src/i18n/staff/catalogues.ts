/**
 * The staff screens' words (desk and room; issue 12), one ICU MessageFormat catalogue per staff
 * language, apart from the kiosk's (../<code>.json): different readers, different words. English
 * (en.json) is the source; the `StaffCatalogue` type makes `npm run typecheck` fail on an id a
 * catalogue lacks, and test/unit/i18nStaffCatalogues.test.ts checks extra ids, placeholders and
 * that every message parses. The Spanish is a first draft no native speaker has reviewed yet.
 */
import type { StaffLanguageCode } from '../../../../main/contract/languages.ts';
import en from './en.json';
import es from './es.json';

export type StaffMessageId = keyof typeof en;
export type StaffCatalogue = Record<StaffMessageId, string>;

export const staffCatalogues: Record<StaffLanguageCode, StaffCatalogue> = { en, es };
