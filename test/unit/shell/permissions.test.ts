import { describe, expect, it } from 'vitest';
import { appOrigin } from '../../../main/shell/appProtocol.ts';
import { isPermissionGranted, permissionRules } from '../../../main/shell/permissions.ts';

const kiosk = 'app://stillroom/kiosk';

describe('permissions', () => {
  it.each(['media', 'notifications', 'geolocation', 'hid', 'serial', 'usb', 'clipboard-read', 'fullscreen', 'openExternal'])(
    'the kiosk page is refused %s',
    (permission) => {
      expect(isPermissionGranted(permission, kiosk, appOrigin)).toBe(false);
    },
  );

  it('every permission Electron knows is refused: Stillroom needs none', () => {
    const allowed = Object.entries(permissionRules).filter(([, rule]) => rule.allow);
    expect(allowed).toEqual([]);
    for (const permission of Object.keys(permissionRules)) expect(isPermissionGranted(permission, kiosk, appOrigin)).toBe(false);
  });

  it('a permission newer than the table is refused', () => {
    expect(isPermissionGranted('brain-computer-interface', kiosk, appOrigin)).toBe(false);
    expect(isPermissionGranted('__proto__', kiosk, appOrigin)).toBe(false);
  });
});
