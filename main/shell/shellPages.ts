/**
 * The two pages the shell serves itself, independent of the built renderer: the calm fallback the
 * kiosk shows while its page keeps crashing, and the staff-exit PIN pad. They live in code rather
 * than in files so they exist even when the renderer build is what broke. Both obey the app's
 * strict CSP: no inline script, no inline style, no event-handler attributes; their CSS and script
 * are served as files of their own under `/__shell/`.
 */
import { appOrigin, originOf } from './appProtocol.ts';

/** Reserved paths on the app scheme; the renderer's surfaces never start with `/__`. */
export const shellPaths = {
  fallback: '/__fallback',
  staffExit: '/__staff-exit',
  css: '/__shell/calm.css',
  staffExitScript: '/__shell/staff-exit.js',
} as const;

const css = `:root { color-scheme: light; }
html, body { margin: 0; height: 100%; background: #f6f2ec; color: #2f2a26;
  font-family: system-ui, 'Segoe UI', Roboto, 'Noto Sans', sans-serif; }
body { display: flex; align-items: center; justify-content: center; user-select: none; cursor: default; }
main { max-width: 36rem; padding: 2rem; text-align: center; }
h1 { font-weight: 400; font-size: 2.6rem; margin: 0 0 1rem; letter-spacing: 0.01em; }
p { font-size: 1.35rem; line-height: 1.6; color: #5a524b; margin: 0; }
.for-staff { margin-top: 3rem; font-size: 0.95rem; color: #6b625a; white-space: pre-wrap; text-align: left; }
.pin-display { font-size: 2.4rem; letter-spacing: 0.5em; min-height: 3.2rem; margin: 1rem 0; }
.pin-message { min-height: 1.6rem; font-size: 1.1rem; }
.pin-pad { display: grid; grid-template-columns: repeat(3, 5rem); gap: 0.75rem; justify-content: center; margin: 1rem 0; }
.pin-pad button, .pin-actions button { font: inherit; font-size: 1.6rem; border: 1px solid #d8cfc2; border-radius: 0.75rem;
  background: #ece5da; color: #2f2a26; min-height: 4.2rem; }
.pin-actions { display: flex; gap: 0.75rem; justify-content: center; }
.pin-actions button { font-size: 1.2rem; padding: 0 1.5rem; }
button:focus-visible { outline: 3px solid #2f2a26; outline-offset: 2px; }
`;

/** Text made safe to put in HTML. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/**
 * The calm page. `problem` (a config error's file:line message: no client data ever, only
 * settings) is shown small under the calm words, for the staff member who comes to look.
 */
function fallbackHtml(problem: string | null): string {
  const forStaff = problem ? `\n<p class="for-staff">For staff: Stillroom could not start. ${escapeHtml(problem.slice(0, 600))}</p>` : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Stillroom</title>
<link rel="stylesheet" href="${shellPaths.css}">
</head>
<body>
<main>
<h1>One moment, please</h1>
<p>This screen will be back shortly. If you have an appointment, please take a seat and let the front desk know you are here.</p>${forStaff}
</main>
</body>
</html>
`;
}

/** The calm page's address on the app scheme, with the problem for staff when there is one. */
export function fallbackPath(problem?: string): string {
  return problem ? `${shellPaths.fallback}?problem=${encodeURIComponent(problem.slice(0, 600))}` : shellPaths.fallback;
}

const digits = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '', '0', ''];
const staffExitHtml = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Staff exit</title>
<link rel="stylesheet" href="${shellPaths.css}">
<script src="${shellPaths.staffExitScript}" defer></script>
</head>
<body>
<main>
<h1>Staff exit</h1>
<p>Enter the admin PIN to close the kiosk.</p>
<div class="pin-display" aria-live="polite" data-pin-display></div>
<p class="pin-message" role="status" data-pin-message></p>
<div class="pin-pad">
${digits.map((digit) => (digit === '' ? '<span></span>' : `<button type="button" data-digit="${digit}">${digit}</button>`)).join('\n')}
</div>
<div class="pin-actions">
<button type="button" data-action="cancel">Cancel</button>
<button type="button" data-action="clear">Clear</button>
<button type="button" data-action="submit">Close kiosk</button>
</div>
</main>
</body>
</html>
`;

/** Runs in the sandboxed PIN window; talks to the main process only through `window.stillroomStaffExit`. */
const staffExitScript = `'use strict';
(() => {
  const bridge = window.stillroomStaffExit;
  const display = document.querySelector('[data-pin-display]');
  const message = document.querySelector('[data-pin-message]');
  let pin = '';
  let busy = false;
  const show = () => { display.textContent = '\\u2022'.repeat(pin.length); };
  const say = (text) => { message.textContent = text; };
  const submit = async () => {
    if (busy || pin.length < 4) { say('The PIN has at least four digits.'); return; }
    busy = true;
    const reply = await bridge.submit(pin);
    busy = false;
    pin = '';
    show();
    if (!reply.ok) say(reply.message);
  };
  document.addEventListener('click', (event) => {
    const button = event.target instanceof Element ? event.target.closest('button') : null;
    if (!button) return;
    const digit = button.getAttribute('data-digit');
    const action = button.getAttribute('data-action');
    if (digit !== null && pin.length < 12) { pin += digit; say(''); show(); }
    if (action === 'clear') { pin = ''; say(''); show(); }
    if (action === 'cancel') void bridge.cancel();
    if (action === 'submit') void submit();
  });
  document.addEventListener('keydown', (event) => {
    if (/^[0-9]$/.test(event.key) && pin.length < 12) { pin += event.key; show(); }
    if (event.key === 'Backspace') { pin = pin.slice(0, -1); show(); }
    if (event.key === 'Enter') void submit();
    if (event.key === 'Escape') void bridge.cancel();
  });
})();
`;

export interface ShellPage {
  body: string;
  mimeType: string;
}

const pages: ReadonlyMap<string, ShellPage> = new Map([
  [shellPaths.staffExit, { body: staffExitHtml, mimeType: 'text/html; charset=utf-8' }],
  [shellPaths.css, { body: css, mimeType: 'text/css; charset=utf-8' }],
  [shellPaths.staffExitScript, { body: staffExitScript, mimeType: 'text/javascript; charset=utf-8' }],
]);

/** The shell's own page for a request on the app origin, or null when the renderer serves it. */
export function shellPageFor(url: string): ShellPage | null {
  if (originOf(url) !== appOrigin) return null;
  const parsed = new URL(url);
  if (parsed.pathname === shellPaths.fallback) return { body: fallbackHtml(parsed.searchParams.get('problem')), mimeType: 'text/html; charset=utf-8' };
  return pages.get(parsed.pathname) ?? null;
}
