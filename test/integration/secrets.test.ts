/**
 * Secrets stay in the hub: the Home Assistant token never appears in anything a screen receives
 * or in any log line, through connecting, applying presets, failures, and a refused token.
 */
import { describe, expect, it } from 'vitest';
import { createLog } from '../../main/hub/log.ts';
import { startHomeAssistantSimulator } from '../../main/simulators/homeAssistant/index.ts';
import { startRoomOffice, willowDevices } from './support/roomOffice.ts';

describe('secrets', () => {
  it('the Home Assistant token appears in no API answer, pushed event or log line', async () => {
    const token = 'stillroom-secret-token-3f9a1c7e5b2d4a6880e1';
    const sim = await startHomeAssistantSimulator({ entities: willowDevices, token });
    const logLines: string[] = [];
    const office = await startRoomOffice(sim, { log: createLog((line) => logLines.push(line)) });
    const seen: string[] = [];
    const subscription = office.hub.api.subscribe('desk', 'rooms', (event) => seen.push(JSON.stringify(event)));
    const record = async (name: string, input: object) => seen.push(JSON.stringify(await office.hub.api.call('desk', name, input)));
    try {
      await office.untilRoom((room) => room.homeAssistant.state === 'connected' && room.devices.some((d) => d.available), 'connected');
      await record('roomView', { roomId: 'willow' });
      await record('applyPreset', { roomId: 'willow', presetId: 'calm' });
      sim.faults.setUnavailable('light.willow_strip', true);
      await record('applyPreset', { roomId: 'willow', presetId: 'focus' });
      await record('startSession', { roomId: 'willow' });
      await record('endSession', { roomId: 'willow' });
      await record('roomsOverview', {});
      // The token is revoked: the hub reconnects, is refused, and says what to fix.
      sim.faults.refuseToken(true);
      sim.faults.dropConnections();
      await office.untilRoom((room) => room.homeAssistant.state === 'token-rejected', 'the token refused', 15_000);
      await record('roomView', { roomId: 'willow' });
    } finally {
      if (subscription.ok) subscription.unsubscribe();
      await office.close();
      await sim.close();
    }

    expect(seen.length).toBeGreaterThan(5);
    expect(logLines.length).toBeGreaterThan(0);
    for (const text of [...seen, ...logLines]) expect(text).not.toContain(token);
    // The refusal itself reached the screens and the log, in words, without the token.
    expect(seen.some((text) => text.includes('rejected the access token'))).toBe(true);
  }, 30_000);
});
