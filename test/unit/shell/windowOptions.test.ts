import { describe, expect, it } from 'vitest';
import { preloadSwitches } from '../../../main/shell/ipcChannels.ts';
import { calmBackground, staffExitWindowOptions, windowOptionsFor } from '../../../main/shell/windowOptions.ts';

const installed = { packaged: true, preloadPath: '/opt/Stillroom/resources/app.asar/dist/main/preload.cjs' };
const development = { packaged: false, preloadPath: '/work/stillroom/dist/main/preload.cjs' };
const roles = ['kiosk', 'desk', 'room'] as const;

describe('window options', () => {
  it.each(roles)('a %s window is isolated, sandboxed and has no Node', (role) => {
    const web = windowOptionsFor(role, installed).webPreferences;
    expect(web).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    });
  });

  it('only the kiosk loads the preload (the staff exit); the desk and room talk HTTP like any browser', () => {
    expect(windowOptionsFor('kiosk', installed).webPreferences?.preload).toBe(installed.preloadPath);
    expect(windowOptionsFor('desk', installed).webPreferences?.preload).toBeUndefined();
    expect(windowOptionsFor('room', installed).webPreferences?.preload).toBeUndefined();
    expect(staffExitWindowOptions(installed).webPreferences?.preload).toBe(installed.preloadPath);
  });

  it('each role keeps its own cookies, so the desk session never reaches the kiosk; the PIN pad shares the kiosk jar', () => {
    const partitions = roles.map((role) => windowOptionsFor(role, installed).webPreferences?.partition);
    expect(new Set(partitions).size).toBe(roles.length);
    expect(partitions.every((partition) => partition?.startsWith('persist:'))).toBe(true);
    expect(staffExitWindowOptions(installed).webPreferences?.partition).toBe(windowOptionsFor('kiosk', installed).webPreferences?.partition);
  });

  it('the kiosk cannot be closed from its frame on Windows', () => {
    expect(windowOptionsFor('kiosk', installed).closable).toBe(false);
  });

  it('an installed app has no developer tools; a development run has them', () => {
    for (const role of roles) {
      expect(windowOptionsFor(role, installed).webPreferences?.devTools).toBe(false);
      expect(windowOptionsFor(role, development).webPreferences?.devTools).toBe(true);
    }
  });

  it('the kiosk window fills the screen in kiosk mode, without a frame', () => {
    expect(windowOptionsFor('kiosk', installed)).toMatchObject({ kiosk: true, fullscreen: true, frame: false, resizable: false });
  });

  it('the desk and room windows are ordinary windows', () => {
    for (const role of ['desk', 'room'] as const) {
      const options = windowOptionsFor(role, installed);
      expect(options.kiosk).toBeUndefined();
      expect(options.fullscreen).toBeUndefined();
    }
  });

  it.each(roles)('a %s window paints the calm background and stays hidden until its first frame', (role) => {
    const options = windowOptionsFor(role, installed);
    expect(options.backgroundColor).toBe(calmBackground);
    expect(options.show).toBe(false);
  });

  it('the desk may chime without a tap; the kiosk makes no sound until touched', () => {
    expect(windowOptionsFor('desk', installed).webPreferences?.autoplayPolicy).toBe('no-user-gesture-required');
    expect(windowOptionsFor('kiosk', installed).webPreferences?.autoplayPolicy).toBe('user-gesture-required');
  });

  it('the kiosk shows no alert or confirm boxes', () => {
    expect(windowOptionsFor('kiosk', installed).webPreferences?.disableDialogs).toBe(true);
  });

  it('only the kiosk window tells its preload to watch for the staff-exit press', () => {
    expect(windowOptionsFor('kiosk', installed).webPreferences?.additionalArguments).toEqual([preloadSwitches.kiosk]);
    expect(windowOptionsFor('desk', installed).webPreferences?.additionalArguments).toBeUndefined();
  });

  it('the staff-exit PIN pad is a small modal window, hardened like the others, with its own preload switch', () => {
    const options = staffExitWindowOptions(installed);
    expect(options).toMatchObject({ modal: true, frame: false, resizable: false, show: false, backgroundColor: calmBackground });
    expect(options.webPreferences).toMatchObject({
      preload: installed.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webviewTag: false,
      devTools: false,
      disableDialogs: true,
      additionalArguments: [preloadSwitches.staffExit],
    });
  });
});
