/**
 * Easier to read (issue 12): a client may ask for larger text and higher contrast from the welcome
 * screen. Like the language, the choice belongs to the visit (Kiosk.tsx keeps it in the Visit, which
 * is remounted on every return to welcome), so the next person starts with the practice's look.
 *
 * Both are set on <html> because the larger text is a larger root font size: every kiosk size is in
 * rem (kiosk.css, styles.css), so the whole kiosk scales with it, and with a browser's own text size
 * on top. The system's own wishes (`prefers-contrast: more`, `forced-colors: active`) are honoured by
 * the CSS without the toggle.
 */
import { useEffect } from 'react';
import { useWords } from '../i18n/I18n.tsx';

export interface Reading {
  largerText: boolean;
  higherContrast: boolean;
}

export const plainReading: Reading = { largerText: false, higherContrast: false };

/** Puts the visit's reading choice on <html> while the visit lasts; gone with it. */
export function useReadingOnPage({ largerText, higherContrast }: Reading) {
  useEffect(() => {
    const root = document.documentElement;
    if (largerText) root.dataset.kioskText = 'larger';
    if (higherContrast) root.dataset.kioskContrast = 'more';
    return () => {
      delete root.dataset.kioskText;
      delete root.dataset.kioskContrast;
    };
  }, [largerText, higherContrast]);
}

/** Two quiet toggles beside the language choice, each saying whether it is on (aria-pressed). */
export function ReadingChoice({ reading, onChange }: { reading: Reading; onChange: (reading: Reading) => void }) {
  const { t } = useWords();
  return (
    <div className="kiosk-reading" role="group" aria-label={t('kiosk.reading')}>
      <button type="button" className="kiosk-reading-toggle kiosk-reading-larger" aria-pressed={reading.largerText} onClick={() => onChange({ ...reading, largerText: !reading.largerText })}>
        {t('kiosk.largerText')}
      </button>
      <button type="button" className="kiosk-reading-toggle" aria-pressed={reading.higherContrast} onClick={() => onChange({ ...reading, higherContrast: !reading.higherContrast })}>
        {t('kiosk.higherContrast')}
      </button>
    </div>
  );
}
