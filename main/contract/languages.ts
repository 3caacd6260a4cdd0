/**
 * The languages the kiosk speaks (issue 12). Codes are BCP 47 tags as Intl and the `lang`
 * attribute take them; each is shown to the client in its own script, never in English.
 * The practice chooses which to offer and the default in office.yaml (`kiosk.languages`,
 * `kiosk.defaultLanguage`); the catalogues are renderer/src/i18n/<code>.json.
 */
export const languageCodes = ['en', 'es', 'zh-Hans', 'vi', 'ar', 'pl', 'uk', 'pt'] as const;
export type LanguageCode = (typeof languageCodes)[number];

export interface LanguageInfo {
  /** The language's name in its own script, as a client looks for it. */
  ownName: string;
  dir: 'ltr' | 'rtl';
}

export const languages: Record<LanguageCode, LanguageInfo> = {
  en: { ownName: 'English', dir: 'ltr' },
  es: { ownName: 'Español', dir: 'ltr' },
  'zh-Hans': { ownName: '中文', dir: 'ltr' },
  vi: { ownName: 'Tiếng Việt', dir: 'ltr' },
  ar: { ownName: 'العربية', dir: 'rtl' },
  pl: { ownName: 'Polski', dir: 'ltr' },
  uk: { ownName: 'Українська', dir: 'ltr' },
  pt: { ownName: 'Português', dir: 'ltr' },
};

export function isLanguageCode(code: string): code is LanguageCode {
  return (languageCodes as readonly string[]).includes(code);
}

/**
 * The languages the staff screens (desk, room; not yet admin) are translated into (issue 12):
 * the practice chooses one for all of them in office.yaml (`practice.language`). Their
 * catalogues are renderer/src/i18n/staff/<code>.json, a smaller set than the kiosk's.
 */
export const staffLanguageCodes = ['en', 'es'] as const satisfies readonly LanguageCode[];
export type StaffLanguageCode = (typeof staffLanguageCodes)[number];

export function isStaffLanguageCode(code: string): code is StaffLanguageCode {
  return (staffLanguageCodes as readonly string[]).includes(code);
}
