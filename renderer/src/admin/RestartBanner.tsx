/**
 * "Restart the hub now": the hub answers, then closes every connection and starts again on the
 * same address with the saved office file (serve.ts). Ask until it answers with nothing waiting
 * for a restart (a second or two), then hand over what it runs now.
 */
import { useState } from 'react';
import type { AdminOffice } from '../../../main/contract/contract.ts';
import type { Bridge } from '../transport/bridge.ts';
import { useStaffWords } from '../i18n/staff/StaffLanguage.tsx';

export function useRestart(bridge: Bridge, onRestarted: (office: AdminOffice, words: string) => void, onNotice: (words: string) => void) {
  const { t } = useStaffWords();
  const [restarting, setRestarting] = useState(false);
  const restart = async () => {
    setRestarting(true);
    const result = await bridge.call('restartHub', {});
    if (!result.ok) {
      setRestarting(false);
      return onNotice(result.error.message);
    }
    onNotice(t('admin.restart.restarting'));
    // A UI retry while the hub comes back, at most 30 s: not a wait for a fixed time.
    for (let attempt = 0; attempt < 60; attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      const again = await bridge.call('adminOffice', {});
      if (again.ok && again.value.restartNeededFor.length === 0) {
        setRestarting(false);
        onRestarted(again.value, t('admin.restart.done'));
        return;
      }
    }
    setRestarting(false);
    onNotice(t('admin.restart.notBack'));
  };
  return { restarting, restart };
}

/** What is saved but waits for a restart, and the button that does it. Nothing when nothing waits. */
export function RestartBanner({ bridge, office, onRestarted, onNotice }: { bridge: Bridge; office: AdminOffice; onRestarted: (office: AdminOffice, words: string) => void; onNotice: (words: string) => void }) {
  const { t } = useStaffWords();
  const { restarting, restart } = useRestart(bridge, onRestarted, onNotice);
  if (office.restartNeededFor.length === 0) return null;
  return (
    <div className="admin-banner" role="note">
      {/* What waits is in the hub's words (English for now). */}
      <p>{t('admin.restart.waiting', { things: office.restartNeededFor.join(', ') })}</p>
      <button type="button" className="button-secondary" disabled={restarting} aria-busy={restarting} onClick={() => void restart()}>
        {t('admin.restart.now')}
      </button>
    </div>
  );
}
