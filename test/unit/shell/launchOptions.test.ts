import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseLaunchOptions } from '../../../main/shell/launchOptions.ts';

const defaults = { configPath: '/opt/stillroom/config/demo-office.yaml', cwd: '/home/desk' };

describe('launch options', () => {
  it('with no arguments the demo office opens a kiosk and a desk window in the user-data folder', () => {
    expect(parseLaunchOptions(['.'], defaults)).toEqual({
      ok: true,
      options: { configPath: defaults.configPath, dataDir: null, windows: [{ role: 'kiosk' }, { role: 'desk' }] },
    });
  });

  it('--config, --data and --windows are read in both spellings, relative to the working folder', () => {
    const result = parseLaunchOptions(['.', '--inspect=0', '--config', 'office.yaml', '--data=/var/lib/stillroom', '--windows=desk'], defaults);
    expect(result).toEqual({
      ok: true,
      options: { configPath: path.resolve('/home/desk', 'office.yaml'), dataDir: '/var/lib/stillroom', windows: [{ role: 'desk' }] },
    });
  });

  it('an option without a value is refused', () => {
    expect(parseLaunchOptions(['--config'], defaults)).toEqual({ ok: false, message: '--config needs a value' });
    expect(parseLaunchOptions(['--data', '--windows=kiosk'], defaults)).toEqual({ ok: false, message: '--data needs a value' });
  });

  it('an unknown window is refused', () => {
    expect(parseLaunchOptions(['--windows=kiosk,lobby'], defaults).ok).toBe(false);
  });
});
