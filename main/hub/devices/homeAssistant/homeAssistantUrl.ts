/**
 * The Home Assistant address as a person types it into the admin page, checked and trimmed into
 * the form `createLongLivedTokenAuth` expects.
 */

export type HomeAssistantUrl = { ok: true; url: string } | { ok: false; message: string };

const expectedForm = 'The Home Assistant address should look like http://homeassistant.local:8123 (http or https, then the host and port, nothing after it).';

/**
 * Strips trailing slashes (the library turns `http://h:8123/` into `ws://h:8123//api/websocket`,
 * reference §2.2) and refuses paths, queries and credentials, which the library cannot use. The
 * port may be left out for an https address behind a proxy (e.g. Nabu Casa on 443).
 */
export function normaliseHomeAssistantUrl(input: string): HomeAssistantUrl {
  const trimmed = input.trim().replace(/\/+$/, '');
  let parsed: URL;
  try {
    parsed = new URL(trimmed);
  } catch {
    return { ok: false, message: expectedForm };
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    return { ok: false, message: `${expectedForm} It has to start with http:// or https://.` };
  }
  // The address is shown in status messages, so credentials in it would leak; HA never needs them.
  if (parsed.username !== '' || parsed.password !== '') {
    return { ok: false, message: `${expectedForm} Leave out any user name or password; Stillroom signs in with the access token.` };
  }
  if (parsed.pathname !== '/' || parsed.search !== '' || parsed.hash !== '') {
    return { ok: false, message: `${expectedForm} Leave out anything after the port, such as /lovelace.` };
  }
  return { ok: true, url: `${parsed.protocol}//${parsed.host}` };
}
