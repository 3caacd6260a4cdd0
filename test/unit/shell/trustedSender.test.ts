import { describe, expect, it } from 'vitest';
import { appOrigin } from '../../../main/shell/appProtocol.ts';
import { isTrustedSender } from '../../../main/shell/trustedSender.ts';

const mainFrame = (url: string) => ({ url, parent: null });

describe('trusted sender', () => {
  it('the kiosk page in its own main frame is trusted', () => {
    expect(isTrustedSender(mainFrame('app://stillroom/kiosk'), appOrigin)).toBe(true);
  });

  it('a room page deep in the app is trusted', () => {
    expect(isTrustedSender(mainFrame('app://stillroom/room/blue?x=1#top'), appOrigin)).toBe(true);
  });

  it('a missing frame (navigated away or destroyed) is not trusted', () => {
    expect(isTrustedSender(null, appOrigin)).toBe(false);
    expect(isTrustedSender(undefined, appOrigin)).toBe(false);
  });

  it('a sub-frame is not trusted, even of the app origin', () => {
    const parent = mainFrame('app://stillroom/kiosk');
    expect(isTrustedSender({ url: 'app://stillroom/kiosk', parent }, appOrigin)).toBe(false);
  });

  it.each([
    'https://example.com/kiosk',
    'http://localhost:8080/desk',
    'file:///opt/Stillroom/resources/app.asar/dist/renderer/index.html',
    'app://stillroom.evil/kiosk',
    'app://evil/kiosk',
    'app://stillroom:8080/kiosk',
    'other://stillroom/kiosk',
    'about:blank',
    'data:text/html,<script>stillroom.call()</script>',
    'not a url',
  ])('a page at %s is not trusted', (url) => {
    expect(isTrustedSender(mainFrame(url), appOrigin)).toBe(false);
  });
});
