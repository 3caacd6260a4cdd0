/**
 * Secrets from systemd: `LoadCredential=TEST_HA_TOKEN:/etc/stillroom/ha-token` gives the hub a
 * file in $CREDENTIALS_DIRECTORY (systemd.exec(5)); the hub reads it as the variable of that name,
 * over the environment, and reaches a real Home Assistant client's server (the simulator) with it.
 */
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { systemdCredentials } from '../../main/hub/config/secrets.ts';
import { startHomeAssistantSimulator } from '../../main/simulators/homeAssistant/index.ts';
import { tempDir } from '../support/tempDir.ts';
import { startRoomOffice, willowDevices, type RoomOffice } from './support/roomOffice.ts';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function credentialsDir(files: Record<string, string>): string {
  const dir = join(tempDir('credentials'), 'creds');
  mkdirSync(dir, { mode: 0o700 });
  for (const [name, text] of Object.entries(files)) {
    writeFileSync(join(dir, name), text);
    chmodSync(join(dir, name), 0o400);
  }
  return dir;
}

describe('systemd credentials', () => {
  it('a LoadCredential= token connects Home Assistant, winning over a stale one in the environment', async () => {
    const sim = await startHomeAssistantSimulator({ entities: willowDevices, token: 'credential-token-81c2' });
    cleanups.push(() => sim.close());
    const office: RoomOffice = await startRoomOffice(sim, { env: { TEST_HA_TOKEN: 'stale-token', CREDENTIALS_DIRECTORY: credentialsDir({ TEST_HA_TOKEN: 'credential-token-81c2\n' }) } });
    cleanups.push(() => office.hub.close());
    await office.untilRoom((room) => room.homeAssistant.state === 'connected', 'connected with the credential');
  });

  it('reads names that are variable names, skips the rest and says why', () => {
    const dir = credentialsDir({ STILLROOM_MQTT_PASSWORD: 'p4ss\n', 'not-a-name': 'x', EMPTY: '' });
    mkdirSync(join(dir, 'A_FOLDER'));
    const { env, skipped } = systemdCredentials({ CREDENTIALS_DIRECTORY: dir });
    expect(env).toEqual({ STILLROOM_MQTT_PASSWORD: 'p4ss' });
    expect(skipped.map((entry) => entry.name).sort()).toEqual(['A_FOLDER', 'EMPTY', 'not-a-name']);
    expect(systemdCredentials({})).toEqual({ env: {}, skipped: [] });
  });
});
