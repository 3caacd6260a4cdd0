/**
 * Issue 9, item 5: a flood of fake check-ins is a nuisance, not an incident. A family checks in
 * together from one kiosk; a script past the pace gets a calm 429 (the kiosk shows its gentle
 * words), another kiosk is not held up, and a surge tells the desk in words until it is calm.
 * Real hub, real HTTP over loopback; kiosks told apart by their source address (127.0.0.x).
 */
import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import type { OfficeHealth } from '../../main/contract/contract.ts';
import { paceMessage } from '../../main/hub/arrivals/checkInPace.ts';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { parseOfficeConfig } from '../../main/hub/config/loadConfig.ts';
import { createHub } from '../../main/hub/hub.ts';
import { silentLog } from '../../main/hub/log.ts';
import { startHttpTransport } from '../../main/hub/transport/httpTransport.ts';
import { boardAt, demoConfig, deskAt, demoPin, newDataDir, startHub, type RunningHub } from './support/hubClient.ts';

const checkIn = { clinicianId: 'sam', slot: { kind: 'later' }, wishes: [] };

/** A check-in from the kiosk at `localAddress` (Linux routes all of 127/8 to loopback). */
function checkInFrom(url: string, localAddress: string): Promise<{ status: number; retryAfter: string | undefined; body: { ok: boolean; error?: { code: string; message: string } } }> {
  const body = JSON.stringify(checkIn);
  return new Promise((resolve, reject) => {
    const sent = request(`${url}/api/call/checkIn`, { method: 'POST', localAddress, agent: false, headers: { 'content-type': 'application/json', 'x-stillroom': '1', 'content-length': Buffer.byteLength(body) } }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, retryAfter: response.headers['retry-after'], body: JSON.parse(text) }));
    });
    sent.on('error', reject);
    sent.end(body);
  });
}

let running: RunningHub | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

describe('check-ins past the pace of a waiting room', () => {
  it('lets a family check in together, then asks a flooding kiosk to wait in kind words while another kiosk still works', async () => {
    let clock = Date.parse('2026-12-03T10:00:00Z');
    running = await startHub({ now: () => clock });
    const { url } = running;

    // A family of six at one kiosk within a minute: every one of them is checked in.
    for (let n = 0; n < 6; n++) expect((await checkInFrom(url, '127.0.0.1')).status).toBe(200);
    const answers = [];
    for (let n = 0; n < 20; n++) answers.push(await checkInFrom(url, '127.0.0.1'));
    const served = answers.filter((answer) => answer.status === 200).length;
    expect(6 + served).toBe(10);
    const refused = answers.at(-1)!;
    expect(refused.status).toBe(429);
    expect(refused.body).toEqual({ ok: false, error: { code: 'too-many-tries', message: paceMessage, retryAfterSeconds: 6 } });
    expect(refused.retryAfter).toBe('6');

    // The kiosk by the other door is not held up by the first one.
    expect((await checkInFrom(url, '127.0.0.2')).status).toBe(200);
    // A few seconds later the first kiosk takes the next client.
    clock += 6_000;
    expect((await checkInFrom(url, '127.0.0.1')).status).toBe(200);
    expect((await checkInFrom(url, '127.0.0.1')).status).toBe(429);

    // Nothing lost, nothing invented: the board holds exactly the check-ins that were taken.
    expect(await boardAt(url, demoPin)).toHaveLength(12);
  });

  it('tells the desk of a surge in words, caps the whole hub, and stops telling once it is calm', async () => {
    let clock = Date.parse('2026-12-03T10:00:00Z');
    running = await startHub({ now: () => clock });
    const { url } = running;
    const desk = deskAt(url);
    expect((await desk.login(demoPin)).status).toBe(200);
    const problem = async () => {
      const health = await desk.call<OfficeHealth>('officeHealth', {});
      if (!health.body.ok) throw new Error(health.body.error.message);
      return health.body.value.hub.problem;
    };
    expect(await problem()).toBeNull();

    // Sixty addresses, one check-in each: more than any office has in a few minutes.
    const statuses: number[] = [];
    for (let n = 0; n < 60; n++) statuses.push((await checkInFrom(url, `127.0.1.${n + 1}`)).status);
    // The hub as a whole takes 40 a minute, however many addresses the flood comes from.
    expect(statuses.filter((status) => status === 200)).toHaveLength(40);
    expect(statuses.filter((status) => status === 429)).toHaveLength(20);
    expect(await problem()).toMatch(/Far more check-ins than usual arrived in the last few minutes/);
    expect(await boardAt(url, demoPin)).toHaveLength(40);

    // Six quiet minutes later, the next client's check-in finds all calm again.
    clock += 6 * 60_000;
    expect((await checkInFrom(url, '127.0.0.1')).status).toBe(200);
    expect(await problem()).toBeNull();
  });
});

describe('a practice busier than most', () => {
  it('takes the pace from the office file: a kiosk allowed 20 a minute checks in 20 at once, then asks to wait', async () => {
    const dataDir = newDataDir();
    const office = parseDocument(readFileSync(demoConfig, 'utf8'));
    office.setIn(['kiosk', 'checkInsPerMinute'], { eachKiosk: 20, allKiosks: 60 });
    const configPath = join(dataDir, 'office.yaml');
    writeFileSync(configPath, office.toString());
    const hub = await createHub({ configPath, dataDir, rendererDir: join(dataDir, 'none'), log: silentLog, now: () => Date.parse('2026-12-03T10:00:00Z') });
    const http = await startHttpTransport(hub, { port: 0 });
    running = { hub, url: http.url, dataDir, close: async () => { await http.close(); await hub.close(); } };

    const statuses: number[] = [];
    for (let n = 0; n < 22; n++) statuses.push((await checkInFrom(http.url, '127.0.0.1')).status);
    expect(statuses.filter((status) => status === 200)).toHaveLength(20);
    expect(statuses.slice(20)).toEqual([429, 429]);
  });

  it('refuses a pace where all kiosks together would take fewer than one, naming the field', () => {
    const office = parseDocument(readFileSync(demoConfig, 'utf8'));
    office.setIn(['kiosk', 'checkInsPerMinute'], { eachKiosk: 20, allKiosks: 10 });
    expect(() => parseOfficeConfig(office.toString(), 'office.yaml')).toThrow(/kiosk\.checkInsPerMinute\.allKiosks: must be at least eachKiosk/);
  });
});
