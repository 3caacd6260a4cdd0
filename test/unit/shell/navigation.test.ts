import { describe, expect, it } from 'vitest';
import { appOrigin } from '../../../main/shell/appProtocol.ts';
import { mayAttachWebview, mayNavigate, windowOpenResponse } from '../../../main/shell/navigation.ts';

describe('navigation', () => {
  it('moving between the app’s own surfaces is allowed', () => {
    expect(mayNavigate('app://stillroom/desk', appOrigin)).toBe(true);
    expect(mayNavigate('app://stillroom/room/blue', appOrigin)).toBe(true);
  });

  it.each([
    'https://example.com/',
    'http://192.168.1.20:8123/lovelace',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'data:text/html,hello',
    'app://elsewhere/kiosk',
    'mailto:front-desk@example.com',
  ])('leaving for %s is blocked', (url) => {
    expect(mayNavigate(url, appOrigin)).toBe(false);
  });

  it('window.open is always denied', () => {
    expect(windowOpenResponse()).toEqual({ action: 'deny' });
  });

  it('a webview is never attached', () => {
    expect(mayAttachWebview()).toBe(false);
  });
});
