/**
 * `--hub <url>`: the shell pointed at a hub it does not run (`stillroom serve` elsewhere). Its
 * link reaches that hub over HTTP only, so the staff exit's admin PIN is checked by a real sign-in
 * on a real hub, ended at once; the shell's staff windows get no device session there.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { remoteLink, windowBaseUrl } from '../../main/shell/hubLink.ts';
import { demoPin, startHub, type RunningHub } from './support/hubClient.ts';

let hub: RunningHub | undefined;
afterEach(async () => {
  await hub?.close();
  hub = undefined;
});

describe('the shell at a hub elsewhere', () => {
  it('checks the admin PIN with a sign-in it ends at once, and opens no device session', async () => {
    hub = await startHub();
    const cookies: string[] = [];
    const recording: typeof fetch = (url, init) => {
      const cookie = (init?.headers as Record<string, string> | undefined)?.cookie;
      if (cookie) cookies.push(cookie);
      return fetch(url, init);
    };
    const link = remoteLink(hub.url, { fetch: (url, init) => recording(url, init), log: () => {} });
    expect(await link.ready()).toEqual({ ok: true, url: hub.url });
    expect(await link.checkAdminPin('0000')).toBe(false);
    expect(await link.checkAdminPin(demoPin)).toBe(true);
    expect(await link.deviceSession('desk')).toBeNull();
    // The sign-in the check made is over: its session no longer opens anything on the hub.
    const token = cookies.at(-1)?.replace('stillroom_staff=', '');
    expect(token).toBeTruthy();
    expect(hub.hub.staff.access(token)).toBe('kiosk');
  });

  it('an unreachable hub is a refused PIN and a line in the log, not a crash', async () => {
    const logged: string[] = [];
    const link = remoteLink('http://127.0.0.1:9', { fetch: (url, init) => fetch(url, init), log: (message) => logged.push(message) });
    expect(await link.checkAdminPin(demoPin)).toBe(false);
    expect(logged).toEqual(['the hub could not check the staff exit PIN']);
  });

  it('windows reach a hub that listens on every interface through loopback', () => {
    expect(windowBaseUrl('http://0.0.0.0:8460')).toBe('http://127.0.0.1:8460');
    expect(windowBaseUrl('http://[::]:8460')).toBe('http://[::1]:8460');
    expect(windowBaseUrl('https://hub.local:8460/')).toBe('https://hub.local:8460');
  });
});
