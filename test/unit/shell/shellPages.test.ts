import { describe, expect, it } from 'vitest';
import { appUrl } from '../../../main/shell/appProtocol.ts';
import { fallbackPath, shellPageFor, shellPaths } from '../../../main/shell/shellPages.ts';

const html = (path: string) => shellPageFor(appUrl(path))?.body ?? '';

describe('the shell’s own pages', () => {
  it('serves the calm fallback and the PIN pad at their reserved paths, with their CSS and script', () => {
    expect(shellPageFor(appUrl(shellPaths.fallback))?.mimeType).toBe('text/html; charset=utf-8');
    expect(shellPageFor(appUrl(shellPaths.staffExit))?.mimeType).toBe('text/html; charset=utf-8');
    expect(shellPageFor(appUrl(shellPaths.css))?.mimeType).toBe('text/css; charset=utf-8');
    expect(shellPageFor(appUrl(shellPaths.staffExitScript))?.mimeType).toBe('text/javascript; charset=utf-8');
  });

  it('leaves every other path, and other origins, to the renderer rules', () => {
    expect(shellPageFor(appUrl('/kiosk'))).toBeNull();
    expect(shellPageFor(appUrl('/__other'))).toBeNull();
    expect(shellPageFor('https://example.com/__fallback')).toBeNull();
  });

  it('the fallback says, calmly, what to do', () => {
    expect(html(shellPaths.fallback)).toContain('One moment, please');
    expect(html(shellPaths.fallback)).toContain('front desk');
  });

  it.each([shellPaths.fallback, shellPaths.staffExit])('%s passes the strict CSP: no inline script, style or handlers', (path) => {
    const page = html(path);
    expect(page).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/);
    expect(page).not.toMatch(/<style/);
    expect(page).not.toMatch(/\sstyle=/);
    expect(page).not.toMatch(/\son[a-z]+=/);
    expect(page).not.toMatch(/https?:|javascript:/);
  });

  it('the PIN pad has every digit and a way to cancel', () => {
    const page = html(shellPaths.staffExit);
    for (const digit of '0123456789') expect(page).toContain(`data-digit="${digit}"`);
    expect(page).toContain('data-action="cancel"');
    expect(page).toContain(`src="${shellPaths.staffExitScript}"`);
  });

  it('a config error is on the calm page for staff, in words, and cannot inject markup', () => {
    const page = html(fallbackPath('office.yaml:7: clinicians[0].name: <script>alert(1)</script> & more'));
    expect(page).toContain('One moment, please');
    expect(page).toContain('For staff: Stillroom could not start. office.yaml:7: clinicians[0].name: &#60;script&#62;alert(1)&#60;/script&#62; &#38; more');
    expect(page).not.toContain('<script>alert');
    expect(html(shellPaths.fallback)).not.toContain('For staff');
  });
});
