/**
 * The desk's rare actions, folded away behind "More" so they are never tapped by accident: for
 * now, wiping today's arrivals, with a confirmation in plain words on the page itself (the kiosk
 * shell blocks `window.confirm`, and a dialog would be abrupt anyway).
 */
import { useEffect, useRef, useState } from 'react';
import { useStaffWords } from '../i18n/staff/StaffLanguage.tsx';

export function MoreActions({ onWipeToday }: { onWipeToday: () => Promise<boolean> }) {
  const { t } = useStaffWords();
  const [open, setOpen] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const keep = useRef<HTMLButtonElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);

  // The safe choice takes the focus, so Enter pressed out of habit keeps the arrivals.
  useEffect(() => {
    if (confirming) keep.current?.focus();
  }, [confirming]);

  const close = () => {
    setConfirming(false);
    setOpen(false);
  };
  const wipe = async () => {
    setBusy(true);
    const wiped = await onWipeToday();
    setBusy(false);
    if (wiped) close();
  };

  return (
    <div
      className="more"
      onKeyDown={(event) => {
        if (event.key !== 'Escape' || !open) return;
        close();
        toggle.current?.focus();
      }}
    >
      <button ref={toggle} type="button" className="button-quiet" aria-expanded={open} aria-controls="desk-more" onClick={() => (open ? close() : setOpen(true))}>
        {t('more.toggle')}
      </button>
      {open && (
        <div id="desk-more" className="more-panel">
          <a className="button-quiet more-link" href="/admin">{t('more.admin')}</a>
          {confirming ? (
            <div className="wipe-confirm" role="group" aria-labelledby="wipe-confirm-words">
              <p id="wipe-confirm-words">{t('more.wipeWords')}</p>
              <div className="wipe-confirm-actions">
                <button type="button" className="button-secondary" aria-busy={busy} disabled={busy} onClick={() => void wipe()}>
                  {t('more.wipeYes')}
                </button>
                <button ref={keep} type="button" className="button-quiet" onClick={close}>
                  {t('more.keep')}
                </button>
              </div>
            </div>
          ) : (
            <button type="button" className="button-secondary" onClick={() => setConfirming(true)}>
              {t('more.wipe')}
            </button>
          )}
        </div>
      )}
    </div>
  );
}
