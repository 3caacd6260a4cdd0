/**
 * The shell's windows on the hub's pages, with a fake web contents standing in at the Electron
 * boundary (no Electron binary here): the events are the ones Electron 45 emits, with their
 * arguments in its order (electron.d.ts `did-fail-load`, `did-navigate`).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { abortedLoad, keepDeviceSession, loadSurface, refuseClose, sessionCookieName, type CookieJar, type LoadingContents } from '../../../main/shell/windowLoading.ts';

type Listener = (...args: never[]) => void;

class FakeContents implements LoadingContents {
  loads: string[] = [];
  destroyed = false;
  private listeners = new Map<string, Listener[]>();
  loadURL(url: string): Promise<void> {
    this.loads.push(url);
    return Promise.resolve();
  }
  isDestroyed() {
    return this.destroyed;
  }
  on(event: string, listener: Listener) {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  emit(event: string, ...args: unknown[]) {
    for (const listener of this.listeners.get(event) ?? []) (listener as (...a: unknown[]) => void)(...args);
  }
  failLoad(url: string, code = -102, description = 'ERR_CONNECTION_REFUSED', mainFrame = true) {
    this.emit('did-fail-load', {}, code, description, url, mainFrame);
  }
}

const page = 'http://127.0.0.1:8460/desk';
const fallbackUrl = (problem?: string) => `app://stillroom/__fallback${problem ? `?problem=${encodeURIComponent(problem)}` : ''}`;

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('a window on the hub', () => {
  it("shows the calm page instead of Chromium's error page when the hub cannot be reached, and tries the hub again, slower each time", () => {
    const contents = new FakeContents();
    const loader = loadSurface({ contents, pageUrl: page, fallbackUrl, log: () => {}, delaysMs: [2000, 5000] });
    loader.load();
    expect(contents.loads).toEqual([page]);

    contents.failLoad(page);
    expect(contents.loads.at(-1)).toBe(fallbackUrl());
    vi.advanceTimersByTime(1999);
    expect(contents.loads.at(-1)).toBe(fallbackUrl());
    vi.advanceTimersByTime(1);
    expect(contents.loads.at(-1)).toBe(page);

    contents.failLoad(page);
    vi.advanceTimersByTime(2000);
    expect(contents.loads.at(-1)).toBe(fallbackUrl());
    vi.advanceTimersByTime(3000);
    expect(contents.loads.at(-1)).toBe(page);

    // The hub answers again: the next failure starts from the short wait.
    contents.emit('did-navigate', {}, page, 200, 'OK');
    contents.failLoad(page);
    vi.advanceTimersByTime(2000);
    expect(contents.loads.at(-1)).toBe(page);
  });

  it('a hub that answers with an error (no renderer build: 404) is not left on screen either', () => {
    const contents = new FakeContents();
    loadSurface({ contents, pageUrl: page, fallbackUrl, log: () => {} }).load();
    contents.emit('did-navigate', {}, page, 404, 'Not Found');
    expect(contents.loads.at(-1)).toBe(fallbackUrl());
  });

  it('ignores what is not a failure of the page: a replaced load, a subframe, the calm page itself', () => {
    const contents = new FakeContents();
    loadSurface({ contents, pageUrl: page, fallbackUrl, log: () => {} }).load();
    contents.failLoad(page, abortedLoad, 'ERR_ABORTED');
    contents.failLoad(page, -102, 'ERR_CONNECTION_REFUSED', false);
    contents.failLoad(fallbackUrl());
    expect(contents.loads).toEqual([page]);
  });

  it('a hub that refused to start shows its message on the calm page and is not retried', () => {
    const contents = new FakeContents();
    const loader = loadSurface({ contents, pageUrl: page, fallbackUrl, log: () => {} });
    loader.showRefusal('office.yaml:7: clinicians[0].colour: expected one of sage, clay');
    expect(contents.loads).toEqual([fallbackUrl('office.yaml:7: clinicians[0].colour: expected one of sage, clay')]);
    contents.failLoad(page);
    vi.advanceTimersByTime(60_000);
    expect(contents.loads).toHaveLength(1);
  });

  it('stops retrying once the window is gone', () => {
    const contents = new FakeContents();
    const loader = loadSurface({ contents, pageUrl: page, fallbackUrl, log: () => {} });
    loader.load();
    contents.failLoad(page);
    loader.dispose();
    vi.advanceTimersByTime(60_000);
    expect(contents.loads).toEqual([page, fallbackUrl()]);
  });
});

describe('the kiosk window', () => {
  it('refuses close (Alt+F4, a window manager) until the app is quitting', () => {
    let onClose: ((event: { preventDefault(): void }) => void) | undefined;
    let quitting = false;
    refuseClose({ on: (_event, listener) => (onClose = listener) }, () => quitting, () => {});
    const attempt = () => {
      let prevented = false;
      onClose?.({ preventDefault: () => (prevented = true) });
      return prevented;
    };
    expect(attempt()).toBe(true);
    quitting = true;
    expect(attempt()).toBe(false);
  });
});

describe("a staff window's device session", () => {
  class Jar implements CookieJar {
    cookies = new Map<string, { value: string; details: unknown }>();
    async get(filter: { name?: string }) {
      const cookie = this.cookies.get(filter.name ?? '');
      return cookie ? [{ value: cookie.value }] : [];
    }
    async set(details: { name?: string; value?: string }) {
      this.cookies.set(details.name ?? '', { value: details.value ?? '', details });
    }
  }

  it('puts an HttpOnly, SameSite=Strict cookie for the hub in its jar, keeps a good one and renews it', async () => {
    vi.useRealTimers();
    const jar = new Jar();
    const asked: (string | undefined)[] = [];
    let next = 'first';
    const link = { deviceSession: async (_role: 'desk' | 'room', current?: string) => (asked.push(current), { token: next, maxAgeSeconds: 43_200 }) };
    const keeper = await keepDeviceSession({ cookies: jar, hubUrl: 'http://127.0.0.1:8460', role: 'desk', link, log: () => {}, now: () => 1_000_000 });
    expect(jar.cookies.get(sessionCookieName)).toEqual({
      value: 'first',
      details: { url: 'http://127.0.0.1:8460', name: sessionCookieName, value: 'first', path: '/', httpOnly: true, sameSite: 'strict', secure: false, expirationDate: 1000 + 43_200 },
    });
    next = 'second';
    await keeper.renew();
    expect(asked).toEqual([undefined, 'first']);
    expect(jar.cookies.get(sessionCookieName)?.value).toBe('second');
    keeper.dispose();
  });

  it('without a session from the hub (a hub elsewhere) the jar is left alone: the page asks for the PIN', async () => {
    vi.useRealTimers();
    const jar = new Jar();
    const keeper = await keepDeviceSession({ cookies: jar, hubUrl: 'http://hub.local:8460', role: 'desk', link: { deviceSession: async () => null }, log: () => {} });
    expect(jar.cookies.size).toBe(0);
    keeper.dispose();
  });
});
