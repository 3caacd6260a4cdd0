/**
 * The desk's rare actions, folded away behind "More" so they are never tapped by accident: for
 * now, wiping today's arrivals, with a confirmation in plain words on the page itself (the kiosk
 * shell blocks `window.confirm`, and a dialog would be abrupt anyway).
 */
import { useEffect, useRef, useState } from 'react';

export function MoreActions({ onWipeToday }: { onWipeToday: () => Promise<boolean> }) {
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
        More
      </button>
      {open && (
        <div id="desk-more" className="more-panel">
          <a className="button-quiet more-link" href="/admin">Office setup (admin PIN)</a>
          {confirming ? (
            <div className="wipe-confirm" role="group" aria-labelledby="wipe-confirm-words">
              <p id="wipe-confirm-words">This deletes every arrival of today, now, for good. Counts are not kept.</p>
              <div className="wipe-confirm-actions">
                <button type="button" className="button-secondary" aria-busy={busy} disabled={busy} onClick={() => void wipe()}>
                  Yes, wipe today
                </button>
                <button ref={keep} type="button" className="button-quiet" onClick={close}>
                  Keep them
                </button>
              </div>
            </div>
          ) : (
            <button type="button" className="button-secondary" onClick={() => setConfirming(true)}>
              Wipe today…
            </button>
          )}
        </div>
      )}
    </div>
  );
}
