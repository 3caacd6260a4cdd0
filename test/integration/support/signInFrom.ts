/** A staff sign-in from a chosen loopback address (127.x.y.z), as another machine on the LAN would make it. */
import { request } from 'node:http';

export interface SignInAnswer {
  status: number;
  /** The Retry-After header's seconds, when the hub sent one. */
  retryAfter: number | null;
  /** The session cookie (`stillroom_staff=…`) a right PIN or setup code opened. */
  cookie: string | null;
}

export function signInFrom(url: string, pin: string, from: string): Promise<SignInAnswer> {
  const target = new URL(`${url}/api/staff/login`);
  const body = JSON.stringify({ pin });
  return new Promise((resolve, reject) => {
    const sent = request({ host: target.hostname, port: target.port, path: target.pathname, method: 'POST', localAddress: from, headers: { 'content-type': 'application/json', 'x-stillroom': '1', 'content-length': Buffer.byteLength(body) } }, (response) => {
      response.resume();
      const retryAfter = response.headers['retry-after'];
      const cookie = response.headers['set-cookie']?.find((each) => each.startsWith('stillroom_staff='))?.split(';')[0] ?? null;
      resolve({ status: response.statusCode ?? 0, retryAfter: retryAfter ? Number(retryAfter) : null, cookie });
    });
    sent.on('error', reject);
    sent.end(body);
  });
}
