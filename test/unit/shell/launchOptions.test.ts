import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseLaunchOptions } from '../../../main/shell/launchOptions.ts';

const defaults = { configPath: '/opt/stillroom/config/demo-office.yaml', cwd: '/home/desk' };

describe('launch options', () => {
  it('with no arguments the demo office opens a kiosk and a desk window in the user-data folder', () => {
    expect(parseLaunchOptions(['.'], defaults)).toEqual({
      ok: true,
      options: { configPath: defaults.configPath, dataDir: null, windows: [{ role: 'kiosk' }, { role: 'desk' }], hubUrl: null, port: null },
    });
  });

  it('--config, --data and --windows are read in both spellings, relative to the working folder', () => {
    const result = parseLaunchOptions(['.', '--inspect=0', '--config', 'office.yaml', '--data=/var/lib/stillroom', '--windows=desk'], defaults);
    expect(result).toEqual({
      ok: true,
      options: { configPath: path.resolve('/home/desk', 'office.yaml'), dataDir: '/var/lib/stillroom', windows: [{ role: 'desk' }], hubUrl: null, port: null },
    });
  });

  it('--hub points the shell at a hub elsewhere; anything but its http(s) address is refused in words', () => {
    const hub = (value: string) => parseLaunchOptions(['--hub', value], defaults);
    expect(hub('http://hub.local:8460')).toMatchObject({ ok: true, options: { hubUrl: 'http://hub.local:8460' } });
    expect(hub('https://192.168.1.20:8460/')).toMatchObject({ ok: true, options: { hubUrl: 'https://192.168.1.20:8460' } });
    expect(hub('hub.local:8460')).toMatchObject({ ok: false, message: expect.stringContaining('http://') });
    expect(hub('file:///etc/passwd')).toMatchObject({ ok: false, message: expect.stringContaining('http://') });
    expect(hub('http://admin:pw@hub.local')).toMatchObject({ ok: false, message: expect.stringContaining('PIN') });
    expect(hub('http://hub.local:8460/desk')).toMatchObject({ ok: false, message: expect.stringContaining('without a path') });
    expect(parseLaunchOptions(['--hub'], defaults)).toEqual({ ok: false, message: '--hub needs a value' });
    expect(parseLaunchOptions(['--hub', 'http://hub.local', '--port', '0'], defaults)).toMatchObject({ ok: false, message: expect.stringContaining('elsewhere') });
    expect(parseLaunchOptions(['--port=0'], defaults)).toMatchObject({ ok: true, options: { port: 0 } });
    expect(parseLaunchOptions(['--port=80a'], defaults)).toMatchObject({ ok: false, message: expect.stringContaining('0 to 65535') });
  });

  it('an option without a value is refused', () => {
    expect(parseLaunchOptions(['--config'], defaults)).toEqual({ ok: false, message: '--config needs a value' });
    expect(parseLaunchOptions(['--data', '--windows=kiosk'], defaults)).toEqual({ ok: false, message: '--data needs a value' });
  });

  it('an unknown window is refused', () => {
    expect(parseLaunchOptions(['--windows=kiosk,lobby'], defaults).ok).toBe(false);
  });
});
