#!/usr/bin/env node
// Makes the app's icons from build/icon.svg, offline: the SVG is drawn by the Chromium the tests
// use (Playwright, executablePath /usr/bin/chromium unless STILLROOM_CHROMIUM says otherwise) at
// each size electron-builder wants, into build/icons/<n>x<n>.png. electron-builder makes the
// Windows .ico and the macOS .icns from these itself (electron-builder.yml: linux.icon,
// win.icon, mac.icon). Run after changing the SVG: node scripts/make-icons.mjs
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';

const root = path.resolve(import.meta.dirname, '..');
const svg = readFileSync(path.join(root, 'build', 'icon.svg'), 'utf8');
const sizes = [16, 32, 48, 64, 128, 256, 512, 1024];
const outDir = path.join(root, 'build', 'icons');
mkdirSync(outDir, { recursive: true });

const browser = await chromium.launch({ executablePath: process.env.STILLROOM_CHROMIUM ?? '/usr/bin/chromium' });
try {
  const page = await browser.newPage();
  for (const size of sizes) {
    await page.setViewportSize({ width: size, height: size });
    const sized = svg.replace(/width="\d+" height="\d+"/, `width="${size}" height="${size}"`);
    await page.setContent(`<!doctype html><html><body style="margin:0;background:transparent">${sized}</body></html>`);
    await page.screenshot({ path: path.join(outDir, `${size}x${size}.png`), omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
  }
  console.log(`Icons written to ${path.relative(root, outDir)}/: ${sizes.map((size) => `${size}x${size}.png`).join(', ')}`);
} finally {
  await browser.close();
}
