/**
 * Issue 12: when the hub refuses a check-in, the kiosk says why in the client's own language. The
 * hub's reason is English (for the desk and the log); the kiosk picks its words by the refusal's
 * code. The refusal here is the real hub's: the request is changed on its way to name a clinician
 * the office does not have, as if the admin had retired them while the client was at the screen.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';
import type { Catalogue } from '../../renderer/src/i18n/catalogues.ts';

const catalogue = (code: string) => JSON.parse(readFileSync(new URL(`../../renderer/src/i18n/${code}.json`, import.meta.url), 'utf8')) as Catalogue;

/** Sends the kiosk's next check-in to the hub for a clinician who is gone. */
async function clinicianGoneOnTheWay(page: Page) {
  const answers: unknown[] = [];
  await page.route('**/api/call/checkIn', async (route) => {
    const body = JSON.parse(route.request().postData()!) as Record<string, unknown>;
    const response = await route.fetch({ postData: JSON.stringify({ ...body, clinicianId: 'retired-yesterday' }) });
    answers.push(await response.json());
    await route.fulfill({ response });
  });
  return answers;
}

for (const [code, ownName] of [
  ['ar', 'العربية'],
  ['en', 'English'],
] as const) {
  test(`a refused check-in is explained in ${code}, and nothing was checked in`, async ({ hub, kiosk, desk }) => {
    const { page } = kiosk;
    const w = catalogue(code);
    const answers = await clinicianGoneOnTheWay(page);
    await kiosk.open(hub);
    if (code !== 'en') await page.getByRole('button', { name: ownName }).click();
    await page.getByRole('button', { name: w['kiosk.checkIn'], exact: true }).click();
    await page.getByRole('button', { name: 'Sam', exact: true }).click();
    await page.getByRole('button', { name: w['kiosk.slot.unsure'] }).click();
    await page.getByRole('button', { name: w['kiosk.checkInNoPreference'] }).click();

    await expect(page.getByRole('heading', { name: w['kiosk.tryAgainTitle'] })).toBeVisible();
    await expect(page.getByRole('alert')).toContainText(w['kiosk.refused.clinicianAway']);
    // The hub's English reason stays out of the client's screen; the way back is there.
    expect(answers).toEqual([{ ok: false, error: expect.objectContaining({ code: 'not-found' }) }]);
    await expect(page.getByText(/not seeing clients/)).toHaveCount(0);
    await expect(page.getByRole('button', { name: w['kiosk.startOver'] })).toBeVisible();
    await desk.openSignedIn(hub);
    await expect(desk.rows()).toHaveCount(0);
  });
}
