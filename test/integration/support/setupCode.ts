/** The one-time setup code a new office's `stillroom serve` prints on its terminal (setup/firstRun.ts), once it has. */
import type { HubProcess } from './hubProcess.ts';

export function setupCode(hub: HubProcess): Promise<string> {
  return new Promise((resolve) => {
    const look = () => {
      const match = /setup code\n\n\s+(\d{4} \d{4} \d{4})\n/.exec(hub.stdout());
      if (!match) return false;
      hub.child.stdout!.off('data', look);
      resolve(match[1]!.replaceAll(' ', ''));
      return true;
    };
    if (!look()) hub.child.stdout!.on('data', look);
  });
}
