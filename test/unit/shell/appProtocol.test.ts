import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { appOrigin, appUrl, contentSecurityPolicy, mimeTypeFor, originOf, resolveAppRequest, responseHeaders } from '../../../main/shell/appProtocol.ts';

const rendererDir = path.resolve('/opt/stillroom/dist/renderer');
const index = path.join(rendererDir, 'index.html');

describe('the app scheme', () => {
  it('a surface opens at app://stillroom/<surface>', () => {
    expect(appUrl('/kiosk')).toBe('app://stillroom/kiosk');
    expect(originOf(appUrl('/room/blue'))).toBe(appOrigin);
  });

  it.each(['/', '/kiosk', '/desk', '/room/blue', '/desk?view=today'])('the surface %s gets the renderer’s index.html', (surface) => {
    expect(resolveAppRequest(appUrl(surface), rendererDir)).toEqual({ ok: true, filePath: index, mimeType: 'text/html; charset=utf-8' });
  });

  it('an asset is served from inside the renderer folder with its type', () => {
    expect(resolveAppRequest('app://stillroom/assets/index-3f2a.js', rendererDir)).toEqual({
      ok: true,
      filePath: path.join(rendererDir, 'assets', 'index-3f2a.js'),
      mimeType: 'text/javascript; charset=utf-8',
    });
  });

  it('an asset under a surface path resolves from the renderer root', () => {
    const resolved = resolveAppRequest('app://stillroom/room/assets/font.woff2', rendererDir);
    expect(resolved).toMatchObject({ ok: true, filePath: path.join(rendererDir, 'room', 'assets', 'font.woff2'), mimeType: 'font/woff2' });
  });

  it.each([
    'app://stillroom/assets/..%2F..%2F..%2Fetc%2Fpasswd.txt',
    'app://stillroom/%2e%2e%2F%2e%2e%2Fmain%2Felectron.cjs',
    'app://stillroom/..%2f..%2fpackage.json',
  ])('a path escaping the renderer folder is refused: %s', (url) => {
    expect(resolveAppRequest(url, rendererDir)).toMatchObject({ ok: false, status: 403 });
  });

  it('backslashes and NUL bytes are refused', () => {
    expect(resolveAppRequest('app://stillroom/assets%5C..%5C..%5Csecret.js', rendererDir)).toMatchObject({ ok: false, status: 400 });
    expect(resolveAppRequest('app://stillroom/index.html%00.js', rendererDir)).toMatchObject({ ok: false, status: 400 });
  });

  it('a malformed escape is refused', () => {
    expect(resolveAppRequest('app://stillroom/assets/%E0%A4%A.js', rendererDir)).toMatchObject({ ok: false, status: 400 });
  });

  it('another host on the scheme is refused', () => {
    expect(resolveAppRequest('app://elsewhere/index.html', rendererDir)).toMatchObject({ ok: false, status: 403 });
  });

  it('an unknown file type is served as opaque bytes', () => {
    expect(mimeTypeFor('/x/data.bin')).toBe('application/octet-stream');
    expect(mimeTypeFor('/x/Style.CSS')).toBe('text/css; charset=utf-8');
  });

  it('every response carries the strict content security policy and nosniff', () => {
    const headers = responseHeaders('text/html; charset=utf-8');
    expect(headers['content-security-policy']).toBe(contentSecurityPolicy);
    expect(headers['x-content-type-options']).toBe('nosniff');
  });

  it('the policy allows only the app’s own files and nothing inline or remote', () => {
    const directives = new Map(contentSecurityPolicy.split('; ').map((directive) => [directive.split(' ')[0], directive.split(' ').slice(1).join(' ')]));
    expect(directives.get('default-src')).toBe("'none'");
    expect(directives.get('script-src')).toBe("'self'");
    expect(directives.get('style-src')).toBe("'self'");
    expect(directives.get('connect-src')).toBe("'self'");
    expect(directives.get('object-src')).toBe("'none'");
    expect(directives.get('frame-ancestors')).toBe("'none'");
    expect(contentSecurityPolicy).not.toMatch(/unsafe-|\*|https?:/);
  });
});
