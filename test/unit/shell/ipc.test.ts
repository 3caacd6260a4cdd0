import { describe, expect, it } from 'vitest';
import type { HubApi } from '../../../main/hub/api/hubApi.ts';
import type { Access, LiveEvent } from '../../../main/contract/contract.ts';
import { silentLog } from '../../../main/hub/log.ts';
import { appOrigin } from '../../../main/shell/appProtocol.ts';
import { registerIpc, type InvokeEvent, type IpcHandlerHost } from '../../../main/shell/ipc.ts';
import { ipcChannels } from '../../../main/shell/ipcChannels.ts';

type Listener = (event: InvokeEvent, ...args: unknown[]) => unknown;

/** ipcMain, the hub API and two windows (kiosk id 1, desk id 2), all fakes that record what reached them. */
function office() {
  const handlers = new Map<string, Listener>();
  const ipcMain: IpcHandlerHost = {
    handle: (channel, listener) => void handlers.set(channel, listener),
    removeHandler: (channel) => void handlers.delete(channel),
  };
  const hubCalls: Array<{ access: Access; name: string; input: unknown }> = [];
  const live = new Set<(event: LiveEvent) => void>();
  const api: HubApi = {
    async call(access, name, input) {
      hubCalls.push({ access, name, input });
      if (name === 'deskBoard' && access !== 'desk') return { ok: false, error: { code: 'not-allowed', message: 'Only staff can see the board.' } };
      return { ok: true, value: { answered: name } };
    },
    subscribe(access, topic, listener) {
      if (access !== 'desk' || topic !== 'arrivals') return { ok: false, error: { code: 'not-allowed', message: 'Only staff can watch arrivals.' } };
      live.add(listener);
      return { ok: true, topic: 'arrivals', unsubscribe: () => void live.delete(listener) };
    },
  };
  const access = new Map<number, Access>([[1, 'kiosk'], [2, 'desk']]);
  const ipc = registerIpc({ ipcMain, api, appOrigin, log: silentLog, accessFor: (id) => access.get(id) });

  function window(id: number, url: string, parent: unknown = null) {
    const sent: unknown[][] = [];
    let destroyed = false;
    const event: InvokeEvent = {
      sender: { id, send: (channel: string, ...args: unknown[]) => void sent.push([channel, ...args]), isDestroyed: () => destroyed },
      senderFrame: { url, parent },
    };
    const invoke = (channel: string, ...args: unknown[]) => Promise.resolve(handlers.get(channel)?.(event, ...args));
    return { event, sent, invoke, destroy: () => (destroyed = true) };
  }
  const push = (event: LiveEvent) => live.forEach((listener) => listener(event));
  return { handlers, hubCalls, live, ipc, window, push };
}

const reset: LiveEvent = { type: 'board-reset' };

describe('IPC', () => {
  it('the kiosk’s call reaches the hub with kiosk access', async () => {
    const { window, hubCalls } = office();
    const kiosk = window(1, 'app://stillroom/kiosk');
    expect(await kiosk.invoke(ipcChannels.call, 'kioskSetup', {})).toEqual({ ok: true, value: { answered: 'kioskSetup' } });
    expect(hubCalls).toEqual([{ access: 'kiosk', name: 'kioskSetup', input: {} }]);
  });

  it('the desk’s call reaches the hub with staff access', async () => {
    const { window, hubCalls } = office();
    await window(2, 'app://stillroom/desk').invoke(ipcChannels.call, 'deskBoard', {});
    expect(hubCalls).toEqual([{ access: 'desk', name: 'deskBoard', input: {} }]);
  });

  it('the kiosk asking for the desk board is refused by the hub', async () => {
    const { window } = office();
    expect(await window(1, 'app://stillroom/kiosk').invoke(ipcChannels.call, 'deskBoard', {})).toMatchObject({ ok: false, error: { code: 'not-allowed' } });
  });

  it('a sub-frame’s call never reaches the hub', async () => {
    const { window, hubCalls } = office();
    const frame = window(2, 'app://stillroom/desk', { url: 'app://stillroom/desk', parent: null });
    expect(await frame.invoke(ipcChannels.call, 'deskBoard', {})).toMatchObject({ ok: false, error: { code: 'not-allowed' } });
    expect(hubCalls).toEqual([]);
  });

  it('a page of another origin in a staff window never reaches the hub', async () => {
    const { window, hubCalls } = office();
    expect(await window(2, 'https://example.com/').invoke(ipcChannels.call, 'undo', {})).toMatchObject({ ok: false });
    expect(hubCalls).toEqual([]);
  });

  it('a frame that is gone never reaches the hub', async () => {
    const { handlers, hubCalls } = office();
    const event: InvokeEvent = { sender: { id: 2, send: () => undefined, isDestroyed: () => false }, senderFrame: null };
    expect(await handlers.get(ipcChannels.call)?.(event, 'deskBoard', {})).toMatchObject({ ok: false });
    expect(hubCalls).toEqual([]);
  });

  it('web contents the shell did not create are refused', async () => {
    const { window, hubCalls } = office();
    expect(await window(99, 'app://stillroom/desk').invoke(ipcChannels.call, 'deskBoard', {})).toMatchObject({ ok: false, error: { code: 'not-allowed' } });
    expect(hubCalls).toEqual([]);
  });

  it('a hub that throws answers kindly, without the error, and logs no details', async () => {
    const { handlers } = office();
    const logged: unknown[] = [];
    const throwing = registerIpc({
      ipcMain: { handle: (channel, listener) => void handlers.set(channel, listener), removeHandler: () => undefined },
      api: { call: () => Promise.reject(new Error('SQLITE_BUSY at /var/lib/x')), subscribe: () => ({ ok: false, error: { code: 'unavailable', message: '' } }) },
      appOrigin,
      log: { ...silentLog, error: (message, fields) => void logged.push({ message, ...fields }) },
      accessFor: () => 'desk',
    });
    const event: InvokeEvent = { sender: { id: 2, send: () => undefined, isDestroyed: () => false }, senderFrame: { url: 'app://stillroom/desk', parent: null } };
    const answer = await handlers.get(ipcChannels.call)?.(event, 'undo', {});
    expect(answer).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    expect(JSON.stringify(answer)).not.toContain('SQLITE');
    expect(logged).toEqual([{ message: 'a call over IPC failed inside the hub', procedure: 'undo', error: 'Error' }]);
    throwing.dispose();
  });

  it('the desk receives arrivals it subscribed to, under its subscription id', async () => {
    const { window, push } = office();
    const desk = window(2, 'app://stillroom/desk');
    expect(await desk.invoke(ipcChannels.subscribe, 'arrivals', 7)).toEqual({ ok: true });
    push(reset);
    expect(desk.sent).toEqual([[ipcChannels.event, 7, reset]]);
  });

  it('the kiosk may not watch arrivals', async () => {
    const { window, live } = office();
    expect(await window(1, 'app://stillroom/kiosk').invoke(ipcChannels.subscribe, 'arrivals', 0)).toMatchObject({ ok: false, error: { code: 'not-allowed' } });
    expect(live.size).toBe(0);
  });

  it('unsubscribing stops the events', async () => {
    const { window, push, live } = office();
    const desk = window(2, 'app://stillroom/desk');
    await desk.invoke(ipcChannels.subscribe, 'arrivals', 1);
    await desk.invoke(ipcChannels.unsubscribe, 1);
    push(reset);
    expect(desk.sent).toEqual([]);
    expect(live.size).toBe(0);
  });

  it('a reloaded or closed window’s subscriptions end', async () => {
    const { window, ipc, live } = office();
    await window(2, 'app://stillroom/desk').invoke(ipcChannels.subscribe, 'arrivals', 1);
    ipc.forget(2);
    expect(live.size).toBe(0);
  });

  it('nothing is sent to a destroyed window', async () => {
    const { window, push } = office();
    const desk = window(2, 'app://stillroom/desk');
    await desk.invoke(ipcChannels.subscribe, 'arrivals', 1);
    desk.destroy();
    push(reset);
    expect(desk.sent).toEqual([]);
  });

  it('a subscription id that is not a small whole number is refused', async () => {
    const { window, live } = office();
    expect(await window(2, 'app://stillroom/desk').invoke(ipcChannels.subscribe, 'arrivals', '1')).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(live.size).toBe(0);
  });

  it('dispose removes every handler', () => {
    const { handlers, ipc } = office();
    ipc.dispose();
    expect(handlers.size).toBe(0);
  });
});
