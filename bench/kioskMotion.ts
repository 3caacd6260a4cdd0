/**
 * What the kiosk's calm motion costs: Debian's Chromium with `--disable-gpu` (software rendering,
 * the mode a Pi falls back to after GPU trouble and what the kiosk's own GPU fallback chooses) sits
 * on each kiosk screen for 20 s, and the CPU time of every Chromium process (browser, GPU/display
 * compositor, renderer, utility) over those 20 s is printed as a share of one core. Floor:
 * about:blank in the same browser, measured the same way. Target: at most 3 % of one core on every
 * screen (issue 12).
 *
 * `STILLROOM_BENCH_SECONDS=5 node --import tsx bench/kioskMotion.ts` runs a shorter pass while
 * developing (after `npm run build`).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { chromiumLaunchOptions } from '../test/e2e/browser.ts';
import { tempDir } from '../test/support/tempDir.ts';
import type { BenchReport } from './report.ts';

const repoRoot = join(import.meta.dirname, '..');
const seconds = Number(process.env.STILLROOM_BENCH_SECONDS ?? 20);
const targetPercent = 3;
const ticksPerSecond = 100; // USER_HZ on Linux: /proc/<pid>/stat counts CPU time in 1/100 s.

/** A screen the client can be on: the buttons tapped from a fresh welcome screen, and its heading. */
interface Screen {
  name: string;
  taps: (string | RegExp)[];
  heading: string | RegExp;
}

const screens: Screen[] = [
  { name: 'welcome', taps: [], heading: 'Welcome' },
  { name: 'whom to see', taps: ['Check in'], heading: /here to see/ },
  { name: 'appointment time', taps: ['Check in', 'Sam'], heading: /appointment/ },
  { name: 'comfort wishes', taps: ['Check in', 'Sam', /Not sure/], heading: /comfortable/ },
  { name: 'confirmation', taps: ['Check in', 'Sam', /Not sure/, /check in/i], heading: /checked in/ },
  // While you wait (issue 12): the breathing guide is the one screen with a steady motion.
  { name: 'breathing guide', taps: ['Check in', 'Sam', /Not sure/, /check in/i, 'Breathe slowly'], heading: 'Breathe slowly' },
  { name: 'grounding', taps: ['Check in', 'Sam', /Not sure/, /check in/i, "Notice what's around you"], heading: "Notice what's around you" },
  { name: 'just rest', taps: ['Check in', 'Sam', /Not sure/, /check in/i, 'Just rest'], heading: 'Just rest' },
  // Easier to read (issue 12): the whole kiosk at 150 % text still drifts; high contrast has no drifting light.
  { name: 'welcome, larger text', taps: ['Larger text'], heading: 'Welcome' },
  { name: 'welcome, higher contrast', taps: ['Higher contrast'], heading: 'Welcome' },
];

async function reach(page: Page, screen: Screen): Promise<void> {
  for (const name of screen.taps) await page.getByRole('button', { name, exact: typeof name === 'string' }).first().click();
  await page.getByRole('heading', { name: screen.heading }).first().waitFor();
}

export async function benchKioskMotion(): Promise<BenchReport> {
  const dataDir = tempDir('bench-kiosk');
  const office = join(dataDir, 'office.yaml');
  // Long idle and confirmation times, so that no screen moves on by itself while it is measured.
  writeFileSync(
    office,
    JSON.stringify({
      practice: { name: 'Bench Practice' },
      rooms: [{ id: 'willow', name: 'Willow room' }],
      clinicians: [{ id: 'sam', displayName: 'Sam', colour: 'sage', symbol: 'leaf', room: 'willow' }],
      kiosk: { idleSeconds: 600, confirmationSeconds: 60, waitingIdleSeconds: 3600 },
    }),
  );
  const hub = await startHub(office, join(dataDir, 'data'));
  const browser = await chromium.launch({ ...chromiumLaunchOptions(), headless: true });
  try {
    const measurements: { name: string; percent: number }[] = [];
    const measure = async (name: string, open: (page: Page) => Promise<void>) => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      await open(page);
      // Let the step's own arrival (a short settle) finish; what is left is what the screen costs at rest.
      await page.waitForTimeout(1500);
      measurements.push({ name, percent: await chromiumCpuPercent(hub.process.pid, seconds) });
      await context.close();
    };
    await measure('about:blank (floor)', async (page) => {
      await page.goto('about:blank');
    });
    for (const screen of screens) {
      await measure(screen.name, async (page) => {
        await page.goto(`${hub.url}/kiosk`);
        await reach(page, screen);
      });
    }
    const [floor, ...rest] = measurements;
    return {
      title: `Kiosk motion: CPU of all Chromium processes (/usr/bin/chromium --disable-gpu, headless, 1280x800) over ${seconds} s on each kiosk screen, as % of one core`,
      rows: [
        { measure: floor!.name, value: `${floor!.percent.toFixed(1)} %`, target: '' },
        ...rest.map((row) => ({ measure: row.name, value: `${row.percent.toFixed(1)} %`, target: `<= ${targetPercent} %`, met: row.percent <= targetPercent })),
      ],
      notes: ['Before issue 12 the welcome screen cost 38.5 % of one core (two 60vmax filter:blur(60px) glows transformed every frame).'],
    };
  } finally {
    await browser.close();
    await stopHub(hub.process);
  }
}

/**
 * CPU time used by this process's Chromium descendants over `forSeconds`, as % of one core. The
 * hub (also our child) and its children are left out; so is this Node process.
 */
export async function chromiumCpuPercent(hubPid: number | undefined, forSeconds: number): Promise<number> {
  const before = chromiumTicks(hubPid);
  const start = performance.now();
  await new Promise((resolve) => setTimeout(resolve, forSeconds * 1000));
  const elapsed = (performance.now() - start) / 1000;
  const after = chromiumTicks(hubPid);
  let used = 0;
  for (const [pid, ticks] of after) used += ticks - (before.get(pid) ?? 0);
  return (used / ticksPerSecond / elapsed) * 100;
}

function chromiumTicks(hubPid: number | undefined): Map<number, number> {
  const parents = new Map<number, number>();
  const ticks = new Map<number, number>();
  const names = new Map<number, string>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // The name is in parentheses and may hold spaces; the fields after it are fixed.
      const close = stat.lastIndexOf(')');
      const fields = stat.slice(close + 2).split(' ');
      const pid = Number(entry);
      names.set(pid, stat.slice(stat.indexOf('(') + 1, close));
      parents.set(pid, Number(fields[1]));
      ticks.set(pid, Number(fields[11]) + Number(fields[12])); // utime + stime
    } catch {
      // The process ended while we looked.
    }
  }
  const descends = (pid: number): boolean => {
    for (let current = parents.get(pid); current !== undefined && current > 1; current = parents.get(current)) {
      if (current === hubPid) return false;
      if (current === process.pid) return true;
    }
    return false;
  };
  const result = new Map<number, number>();
  for (const [pid, used] of ticks) if (pid !== hubPid && descends(pid) && /chrom/i.test(names.get(pid) ?? '')) result.set(pid, used);
  return result;
}

function startHub(configPath: string, dataDir: string): Promise<{ url: string; process: ChildProcess }> {
  const child = spawn(process.execPath, [join(repoRoot, 'bin', 'stillroom.js'), 'serve', '--config', configPath, '--data', dataDir, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /at (http:\/\/\S+)/.exec(output);
      if (match) resolve({ url: match[1]!, process: child });
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`stillroom serve exited (${code}) before serving:\n${output}`)));
  });
}

async function stopHub(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { formatReport } = await import('./report.ts');
  process.stdout.write(`${formatReport(await benchKioskMotion())}\n`);
}
