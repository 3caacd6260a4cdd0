/**
 * The office's health for the desk: loaded once, then replaced by every pushed `health` event,
 * and loaded again after a reconnect. Null until known, or when the hub cannot say.
 */
import { useCallback, useEffect, useState } from 'react';
import type { OfficeHealth } from '../../../main/contract/contract.ts';
import type { Bridge } from '../transport/bridge.ts';

export function useOfficeHealth(bridge: Bridge, enabled: boolean): OfficeHealth | null {
  const [health, setHealth] = useState<OfficeHealth | null>(null);

  const reload = useCallback(async () => {
    const result = await bridge.call('officeHealth', {});
    setHealth(result.ok ? result.value : null);
  }, [bridge]);

  useEffect(() => {
    if (!enabled) return;
    void reload();
    return bridge.subscribe(
      'health',
      (event) => {
        if (event.type === 'health') setHealth(event.health);
      },
      (status) => {
        if (status.state === 'live') void reload();
      },
    );
  }, [bridge, enabled, reload]);

  return health;
}
