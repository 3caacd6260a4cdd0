/**
 * react-intl (FormatJS) for the kiosk: ICU messages with the CLDR plural rules Intl carries, times
 * through Intl.DateTimeFormat in the chosen locale. See README "Languages" for why FormatJS.
 */
import { useEffect, type ReactNode } from 'react';
import { IntlProvider, useIntl } from 'react-intl';
import { languages, type LanguageCode } from '../../../main/contract/languages.ts';
import type { Slot } from '../../../main/contract/contract.ts';
import { catalogues, type MessageId } from './catalogues.ts';

/** Words in `language` for everything inside, and the document's lang and dir to match. */
export function Language({ language, children }: { language: LanguageCode; children: ReactNode }) {
  useEffect(() => {
    document.documentElement.lang = language;
    document.documentElement.dir = languages[language].dir;
  }, [language]);
  return (
    // English is the source: a message a catalogue lacks would show in English (the build refuses that anyway).
    <IntlProvider locale={language} defaultLocale="en" messages={catalogues[language]}>
      {children}
    </IntlProvider>
  );
}

/** t('kiosk.toldName', { name }) in the current language. */
export function useWords() {
  const intl = useIntl();
  const t = (id: MessageId, values?: Record<string, string | number>) => intl.formatMessage({ id }, values);
  /** A slot in the client's own words and clock: "2:30 PM", "14:30", "下午2:30". */
  const slot = (slot: Slot) => {
    if (slot.kind === 'later') return t('kiosk.slot.later');
    if (slot.kind === 'unsure') return t('kiosk.slot.unsure');
    const [hours, minutes] = slot.time.split(':').map(Number) as [number, number];
    return intl.formatTime(new Date(2000, 0, 1, hours, minutes), { hour: 'numeric', minute: '2-digit' });
  };
  return { t, slot, locale: intl.locale };
}
