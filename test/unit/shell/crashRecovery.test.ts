import { describe, expect, it } from 'vitest';
import {
  crashLoopLimit,
  crashLoopWindowMs,
  crashesToday,
  decideRecovery,
  disableGpuSwitch,
  fallbackDelayMs,
  fallbackFirstRetryMs,
  fallbackMaxRetryMs,
  gpuCrashWindowMs,
  gpuDisabledAtStart,
  gpuRetryAfterMs,
  keepHistory,
  kioskHealth,
  relaunchArguments,
  type Incident,
} from '../../../main/shell/crashRecovery.ts';

const minute = 60_000;
const t0 = new Date(2026, 2, 10, 10, 0).getTime();
const crash = (at: number): Incident => ({ kind: 'renderer-gone', at, reason: 'crashed' });
const hang = (at: number): Incident => ({ kind: 'unresponsive', at });
const gpu = (at: number): Incident => ({ kind: 'gpu-gone', at, reason: 'crashed' });
const withGpu = { gpuDisabled: false };

describe('the kiosk crash-loop breaker', () => {
  it('reloads the page after a crash', () => {
    expect(decideRecovery([crash(t0)], t0, withGpu)).toEqual({ action: 'reload' });
  });

  it('reloads a page that stayed unresponsive', () => {
    expect(decideRecovery([hang(t0)], t0, withGpu)).toEqual({ action: 'reload' });
  });

  it('ignores a renderer that ended cleanly (the app quitting, a window closing)', () => {
    expect(decideRecovery([{ kind: 'renderer-gone', at: t0, reason: 'clean-exit' }], t0, withGpu)).toMatchObject({ action: 'ignore' });
  });

  it('reloads below the limit, and shows the calm page when the limit is reached within the window', () => {
    const history = [crash(t0), crash(t0 + minute)];
    expect(decideRecovery(history, t0 + minute, withGpu)).toEqual({ action: 'reload' });
    const third = [...history, hang(t0 + 2 * minute)];
    expect(crashLoopLimit).toBe(3);
    expect(decideRecovery(third, t0 + 2 * minute, withGpu)).toEqual({ action: 'show-fallback', retryAt: t0 + 2 * minute + fallbackFirstRetryMs });
  });

  it('clean exits do not count towards a loop', () => {
    const history: Incident[] = [crash(t0), { kind: 'renderer-gone', at: t0 + 1, reason: 'clean-exit' }, crash(t0 + 2)];
    expect(decideRecovery(history, t0 + 2, withGpu)).toEqual({ action: 'reload' });
  });

  it('crashes spread wider than the loop window are bad luck, not a loop', () => {
    const step = crashLoopWindowMs / 2;
    const history = [crash(t0), crash(t0 + step), crash(t0 + 2 * step)];
    expect(decideRecovery(history, t0 + 2 * step, withGpu)).toEqual({ action: 'reload' });
  });

  it('waits longer before each retry while failures keep coming within the hour, up to a ceiling', () => {
    expect(fallbackDelayMs(3)).toBe(fallbackFirstRetryMs);
    expect(fallbackDelayMs(4)).toBe(2 * fallbackFirstRetryMs);
    expect(fallbackDelayMs(5)).toBe(4 * fallbackFirstRetryMs);
    expect(fallbackDelayMs(40)).toBe(fallbackMaxRetryMs);

    const history = [crash(t0), crash(t0 + minute), crash(t0 + 2 * minute), crash(t0 + 4 * minute), crash(t0 + 5 * minute)];
    const now = t0 + 5 * minute;
    expect(decideRecovery(history, now, withGpu)).toEqual({ action: 'show-fallback', retryAt: now + 4 * fallbackFirstRetryMs });
  });

  it('GPU process crashes: the first is left to Chromium, a repeat within the window relaunches without the GPU', () => {
    expect(decideRecovery([gpu(t0)], t0, withGpu)).toMatchObject({ action: 'ignore' });
    expect(decideRecovery([gpu(t0), gpu(t0 + minute)], t0 + minute, withGpu)).toEqual({ action: 'relaunch-without-gpu' });
    expect(decideRecovery([gpu(t0), gpu(t0 + gpuCrashWindowMs + 1)], t0 + gpuCrashWindowMs + 1, withGpu)).toMatchObject({ action: 'ignore' });
  });

  it('does not relaunch again when the GPU is already off', () => {
    expect(decideRecovery([gpu(t0), gpu(t0 + 1)], t0 + 1, { gpuDisabled: true })).toMatchObject({ action: 'ignore' });
  });

  it('GPU crashes do not count as page crashes', () => {
    expect(decideRecovery([gpu(t0), gpu(t0 + 1), crash(t0 + 2)], t0 + 2, { gpuDisabled: true })).toEqual({ action: 'reload' });
  });
});

describe('the GPU switch', () => {
  it('is off when asked for on the command line, or marked less than a day ago', () => {
    expect(gpuDisabledAtStart(['.', disableGpuSwitch], null, t0)).toBe(true);
    expect(gpuDisabledAtStart(['.'], null, t0)).toBe(false);
    expect(gpuDisabledAtStart(['.'], t0 - 60 * minute, t0)).toBe(true);
    expect(gpuDisabledAtStart(['.'], t0 - gpuRetryAfterMs, t0)).toBe(false);
  });

  it('a relaunch keeps the arguments and adds the switch once', () => {
    expect(relaunchArguments(['.', '--windows=kiosk'])).toEqual(['.', '--windows=kiosk', disableGpuSwitch]);
    expect(relaunchArguments(['.', disableGpuSwitch, '--windows=kiosk'])).toEqual(['.', '--windows=kiosk', disableGpuSwitch]);
  });
});

describe('the kiosk health report', () => {
  it('counts today’s failures from local midnight and forgets what no decision needs', () => {
    const midnight = new Date(2026, 2, 10).getTime();
    const history = [crash(midnight - minute), hang(midnight + minute), gpu(midnight + 2 * minute), { kind: 'renderer-gone', at: midnight + 3 * minute, reason: 'clean-exit' } as Incident];
    expect(crashesToday(history, midnight + 10 * minute)).toBe(2);
    expect(keepHistory(history, midnight + 10 * 60 * minute)).toHaveLength(3);
  });

  it('is up only while the check-in page shows, with the last reload as ISO time', () => {
    const base = { history: [crash(t0)], now: t0, gpuDisabled: false, lastReloadAt: t0 };
    expect(kioskHealth({ ...base, up: true, showingFallback: false })).toEqual({
      up: true,
      crashesToday: 1,
      lastReloadAt: new Date(t0).toISOString(),
      showingFallback: false,
      gpuDisabled: false,
    });
    expect(kioskHealth({ ...base, up: true, showingFallback: true }).up).toBe(false);
    expect(kioskHealth({ ...base, up: true, showingFallback: false, lastReloadAt: null }).lastReloadAt).toBeNull();
  });
});
