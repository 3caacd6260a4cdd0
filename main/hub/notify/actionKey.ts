/**
 * The "On my way" button of a push names its arrival and a tag only the hub can make: an HMAC of
 * the arrival id under a key kept in the data folder (`push-action.key`, 0600). Any phone with the
 * companion app, whoever's it is, can fire any event with any data through its webhook
 * (home-assistant/core homeassistant/components/mobile_app/webhook.py, `webhook_fire_event`), as can
 * an automation or an administrator's `fire_event`; and arrival ids travel on the office bus. So the
 * id alone proved nothing. The key holds nothing about a visit.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Log } from '../log.ts';

export const acknowledgeActionPrefix = 'STILLROOM_ON_MY_WAY_';
const keyFile = 'push-action.key';
const keyBytes = 32;

/** The data folder's key, made on first use; a folder that cannot keep it gets one for this run (logged). */
export function loadActionKey(dataDir: string, log: Log): Buffer {
  const path = join(dataDir, keyFile);
  try {
    const saved = readFileSync(path);
    if (saved.length === keyBytes) return saved;
  } catch {
    // Not made yet (or unreadable): make it below.
  }
  const key = randomBytes(keyBytes);
  try {
    writeFileSync(path, key, { mode: 0o600 });
  } catch (error) {
    log.warn('the key for push buttons could not be saved; "On my way" on pushes sent before a restart will be ignored', { code: (error as NodeJS.ErrnoException).code ?? 'unknown' });
  }
  return key;
}

export interface AcknowledgeActions {
  /** The action id for the push about `arrivalId`. */
  action(arrivalId: string): string;
  /** The arrival an action id was made for, or null when the tag is not ours. */
  arrivalOf(action: string): string | null;
}

export function acknowledgeActions(key: Buffer): AcknowledgeActions {
  const tagOf = (arrivalId: string) => createHmac('sha256', key).update(`on-my-way:${arrivalId}`).digest('base64url').slice(0, 22);
  return {
    action: (arrivalId) => `${acknowledgeActionPrefix}${arrivalId}.${tagOf(arrivalId)}`,
    arrivalOf(action) {
      if (!action.startsWith(acknowledgeActionPrefix)) return null;
      const [arrivalId, tag, ...rest] = action.slice(acknowledgeActionPrefix.length).split('.');
      if (!arrivalId || !tag || rest.length > 0) return null;
      const expected = Buffer.from(tagOf(arrivalId));
      const given = Buffer.from(tag);
      return given.length === expected.length && timingSafeEqual(given, expected) ? arrivalId : null;
    },
  };
}
