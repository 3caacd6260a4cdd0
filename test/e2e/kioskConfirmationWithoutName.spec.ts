/**
 * Issue 12: the thank-you is read by the whole waiting room. A practice that sets
 * kiosk.confirmationNamesClinician: false gets "We've let your clinician know you're here." in
 * every language, and the clinician's name is nowhere on the screen.
 */
import { readFileSync } from 'node:fs';
import { test, expect, editedOffice, testOffice } from './fixtures.ts';

const catalogue = (code: string) => JSON.parse(readFileSync(new URL(`../../renderer/src/i18n/${code}.json`, import.meta.url), 'utf8')) as Record<string, string>;

// A long thank-you (60 s) so a slow machine cannot return to welcome before the words are read.
test.use({ office: editedOffice(testOffice, '  confirmationSeconds: 3\n', '  confirmationSeconds: 60\n  confirmationNamesClinician: false\n') });

for (const code of ['en', 'ar']) {
  test(`the confirmation leaves the clinician's name out (${code})`, async ({ hub, kiosk }) => {
    const { page } = kiosk;
    const words = catalogue(code);
    await kiosk.open(hub);
    if (code !== 'en') await page.getByRole('group', { name: 'Language' }).getByRole('button', { name: 'العربية' }).click();
    await page.getByRole('button', { name: words['kiosk.checkIn'], exact: true }).click();
    await page.getByRole('button', { name: 'Sam', exact: true }).click();
    await page.getByRole('button', { name: words['kiosk.slot.later'] }).click();
    await page.getByRole('button', { name: words['kiosk.checkInNoPreference'] }).click();
    await expect(page.getByRole('heading', { name: words['kiosk.thanks'] })).toBeVisible();
    await expect(page.getByText(words['kiosk.toldClinician']!)).toBeVisible();
    expect(await page.evaluate(() => document.body.innerText)).not.toContain('Sam');
  });
}
