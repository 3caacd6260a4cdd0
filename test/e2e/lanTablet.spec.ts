/**
 * A real practice's screens reach the hub by its LAN address (http://192.168.x.y:port), not by
 * 127.0.0.1: the Host allow-list (main/hub/transport/allowedHosts.ts) must let them in. Real
 * Chromium opens the kiosk and the desk by this machine's own non-loopback address, on a hub
 * started with `--host 0.0.0.0` as an office that serves tablets does; a check-in on one shows on
 * the other over the live feed. The same hub refuses a page reached as a foreign name (421).
 */
import { networkInterfaces } from 'node:os';
import { request } from 'node:http';
import { test, expect, startHub, type RunningHub } from './fixtures.ts';

const lanAddress = Object.values(networkInterfaces())
  .flatMap((list) => list ?? [])
  .find(({ family, internal }) => family === 'IPv4' && !internal)?.address;

let hub: RunningHub;
test.beforeAll(async () => {
  test.skip(lanAddress === undefined, 'this machine has no non-loopback IPv4 address to reach the hub by');
  const started = await startHub(undefined, undefined, '0.0.0.0');
  hub = { ...started, url: started.url.replace('0.0.0.0', lanAddress!) };
});
test.afterAll(async () => {
  if (!hub) return;
  const exited = new Promise((resolve) => hub.process.once('exit', resolve));
  if (hub.process.exitCode === null && hub.process.signalCode === null && hub.process.kill('SIGTERM')) await exited;
});

test('a tablet on the LAN checks in by the hub’s address and the desk, also by that address, sees it live', async ({ kiosk, desk }) => {
  await desk.openSignedIn(hub);
  await desk.expectWaiting(0);
  await kiosk.open(hub);
  expect(new URL(kiosk.page.url()).hostname).toBe(lanAddress);

  await kiosk.checkIn({ clinician: 'Sam', slot: 'Later today' });
  await kiosk.expectConfirmation('Sam');
  await expect(desk.rowFor('Sam')).toBeVisible({ timeout: 2_000 });
  await desk.expectWaiting(1);
});

test('the same hub still refuses a name that is not its own', async () => {
  const { port } = new URL(hub.url);
  const status = await new Promise<number>((resolve, reject) => {
    const sent = request({ host: lanAddress, port, path: '/kiosk', headers: { host: `evil.example:${port}` } }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    sent.on('error', reject);
    sent.end();
  });
  expect(status).toBe(421);
});
