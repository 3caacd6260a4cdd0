/**
 * The one place the main process handles IPC. Every handler checks the sender frame first, then
 * looks up which access the sender's window has, and only then hands the call to the hub, which
 * validates the input against the contract. Electron objects come in as parameters so the wiring
 * can be tested with fakes.
 */
import type { WebContents } from 'electron';
import type { HubApi } from '../hub/api/hubApi.ts';
import type { Access, ApiError, CallResult } from '../contract/contract.ts';
import type { Log } from '../hub/log.ts';
import { ipcChannels, isSubscriptionId } from './ipcChannels.ts';
import { isTrustedSender, type SenderFrame } from './trustedSender.ts';

export type IpcSender = Pick<WebContents, 'id' | 'send' | 'isDestroyed'>;

/** The part of Electron's `IpcMainInvokeEvent` the handlers read. */
export interface InvokeEvent {
  readonly sender: IpcSender;
  readonly senderFrame: SenderFrame | null;
}

/** The part of Electron's `ipcMain` the handlers need. */
export interface IpcHandlerHost {
  handle(channel: string, listener: (event: InvokeEvent, ...args: unknown[]) => unknown): void;
  removeHandler(channel: string): void;
}

export interface IpcWiring {
  ipcMain: IpcHandlerHost;
  api: HubApi;
  appOrigin: string;
  log: Log;
  /** The access a window's calls run with; undefined for web contents the shell did not create. */
  accessFor(webContentsId: number): Access | undefined;
}

export interface IpcHandle {
  /** Ends every subscription of a web contents (it navigated, crashed or closed). */
  forget(webContentsId: number): void;
  dispose(): void;
}

type SubscribeResult = { ok: true } | { ok: false; error: ApiError };

const refused: ApiError = { code: 'not-allowed', message: 'This screen may not ask for that.' };
const unavailable: ApiError = { code: 'unavailable', message: 'Stillroom could not answer just now. Please try again in a moment.' };

export function registerIpc({ ipcMain, api, appOrigin, log, accessFor }: IpcWiring): IpcHandle {
  /** Subscriptions by web contents id, then by the preload's subscription id. */
  const subscriptions = new Map<number, Map<number, () => void>>();

  function accessOf(event: InvokeEvent): Access | undefined {
    if (!isTrustedSender(event.senderFrame, appOrigin)) return undefined;
    return accessFor(event.sender.id);
  }

  function forget(webContentsId: number): void {
    const own = subscriptions.get(webContentsId);
    if (!own) return;
    subscriptions.delete(webContentsId);
    for (const unsubscribe of own.values()) unsubscribe();
  }

  ipcMain.handle(ipcChannels.call, async (event, name, input): Promise<CallResult<unknown>> => {
    const access = accessOf(event);
    if (!access) return { ok: false, error: refused };
    if (typeof name !== 'string') return { ok: false, error: { code: 'invalid-input', message: 'That request was not understood.' } };
    try {
      return await api.call(access, name, input);
    } catch (error) {
      log.error('a call over IPC failed inside the hub', { procedure: name, error: error instanceof Error ? error.name : 'unknown' });
      return { ok: false, error: unavailable };
    }
  });

  ipcMain.handle(ipcChannels.subscribe, (event, topic, id): SubscribeResult => {
    const access = accessOf(event);
    if (!access) return { ok: false, error: refused };
    if (typeof topic !== 'string' || !isSubscriptionId(id)) return { ok: false, error: { code: 'invalid-input', message: 'That subscription was not understood.' } };
    const sender = event.sender;
    const own = subscriptions.get(sender.id) ?? new Map<number, () => void>();
    if (own.has(id)) return { ok: false, error: { code: 'conflict', message: 'That subscription is already live.' } };
    const result = api.subscribe(access, topic, (liveEvent) => {
      if (!sender.isDestroyed()) sender.send(ipcChannels.event, id, liveEvent);
    });
    if (!result.ok) return result;
    own.set(id, result.unsubscribe);
    subscriptions.set(sender.id, own);
    return { ok: true };
  });

  ipcMain.handle(ipcChannels.unsubscribe, (event, id): void => {
    if (!isTrustedSender(event.senderFrame, appOrigin) || !isSubscriptionId(id)) return;
    const own = subscriptions.get(event.sender.id);
    const unsubscribe = own?.get(id);
    if (!own || !unsubscribe) return;
    own.delete(id);
    unsubscribe();
  });

  return {
    forget,
    dispose() {
      for (const channel of [ipcChannels.call, ipcChannels.subscribe, ipcChannels.unsubscribe]) ipcMain.removeHandler(channel);
      for (const webContentsId of [...subscriptions.keys()]) forget(webContentsId);
    },
  };
}
