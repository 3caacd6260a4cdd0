import { test, expect } from './fixtures.ts';

// In a plain browser (the Electron shell adds its own refusals on top), the kiosk page stays put.
test('the kiosk cannot be navigated away from: no links, no new windows, no dropped files', async ({ hub, kiosk }) => {
  await kiosk.open(hub);
  const kioskUrl = kiosk.page.url();

  for (const step of ['welcome', 'clinician']) {
    expect(await kiosk.page.locator('a[href]').count(), `links on the ${step} screen`).toBe(0);
    if (step === 'welcome') await kiosk.start();
  }

  const popups: unknown[] = [];
  kiosk.page.on('popup', (popup) => popups.push(popup));
  expect(await kiosk.page.evaluate(() => window.open('https://example.com/', '_blank') === null)).toBe(true);

  // A file dragged onto the screen would normally be opened by the browser in place of the kiosk.
  const dropped = await kiosk.page.evaluate(() => {
    const transfer = new DataTransfer();
    transfer.items.add(new File(['hello'], 'note.txt', { type: 'text/plain' }));
    const over = new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true });
    const drop = new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true });
    document.body.dispatchEvent(over);
    document.body.dispatchEvent(drop);
    return { overRefused: over.defaultPrevented, dropRefused: drop.defaultPrevented };
  });
  expect(dropped).toEqual({ overRefused: true, dropRefused: true });

  await expect(kiosk.page.getByRole('heading', { name: 'Who are you here to see?' })).toBeVisible();
  expect(kiosk.page.url()).toBe(kioskUrl);
  expect(popups).toEqual([]);
});
