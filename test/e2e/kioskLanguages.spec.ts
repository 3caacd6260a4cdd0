/**
 * Issue 12, languages: a client chooses their language on the welcome screen, every kiosk step is
 * in it (right-to-left for Arabic, with the layout mirrored), axe stays clean, and the next visit
 * starts in the practice's default again, after "Done" and after an idle reset alike.
 */
import type { Page, TestInfo } from '@playwright/test';
import { test, expect, seriousA11yViolations, saveScreenshot } from './fixtures.ts';
import { readFileSync } from 'node:fs';
import type { Catalogue } from '../../renderer/src/i18n/catalogues.ts';

type Words = Catalogue;
/** The catalogues themselves: the test follows a translator's edit instead of repeating the words. */
const catalogue = (code: string): Words => JSON.parse(readFileSync(new URL(`../../renderer/src/i18n/${code}.json`, import.meta.url), 'utf8')) as Words;
const [en, ar, vi, zhHans] = ['en', 'ar', 'vi', 'zh-Hans'].map(catalogue) as [Words, Words, Words, Words];
const runs: { code: string; ownName: string; dir: 'rtl' | 'ltr'; words: Words }[] = [
  { code: 'ar', ownName: 'العربية', dir: 'rtl', words: ar },
  { code: 'zh-Hans', ownName: '中文', dir: 'ltr', words: zhHans },
  { code: 'vi', ownName: 'Tiếng Việt', dir: 'ltr', words: vi },
];
/** Names that stay as the practice wrote them, in every language. */
const ownNames = ['Test Street Practice', 'Sam', 'Noor', ...runs.map((run) => run.ownName), 'English', 'Español', 'Polski', 'Українська', 'Português'];
/** English sentences long enough that finding one on screen means a word was not translated. */
const englishWords = Object.values(en).filter((text) => !text.includes('{') && text.length >= 6);

async function expectLanguage(page: Page, code: string, dir: 'rtl' | 'ltr') {
  await expect(page.locator('html')).toHaveAttribute('lang', code);
  await expect(page.locator('html')).toHaveAttribute('dir', dir);
}

/** Nothing English on screen (or in the accessible names) but the practice's own names. */
async function expectNoEnglish(page: Page, code: string) {
  const text = await page.evaluate(() => document.body.innerText + ' ' + [...document.querySelectorAll('[aria-label]')].map((el) => el.getAttribute('aria-label')).join(' '));
  let rest = text;
  for (const name of ownNames) rest = rest.split(name).join(' ');
  for (const english of englishWords) expect(rest, `English left on a ${code} screen`).not.toContain(english);
  // Arabic and Chinese screens have no Latin letters at all once the names are set aside.
  if (code !== 'vi') expect(rest, `Latin letters on a ${code} screen`).not.toMatch(/[A-Za-z]/);
}

async function stepIsRight(page: Page, testInfo: TestInfo, run: (typeof runs)[number], heading: string, shot: string) {
  await expect(page.getByRole('heading', { name: heading })).toBeVisible();
  await expectLanguage(page, run.code, run.dir);
  await expectNoEnglish(page, run.code);
  expect(await seriousA11yViolations(page), `${run.code} ${shot}`).toEqual([]);
  await saveScreenshot(page, testInfo, `kiosk-${run.code}-${shot}`);
}

for (const run of runs) {
  test(`a client chooses ${run.code}, checks in in it, and the next visit starts in English`, async ({ hub, kiosk, desk }, testInfo) => {
    const { page } = kiosk;
    const w = run.words;
    // Reduced motion settles every screen at once, so axe judges colours as a client sees them.
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await kiosk.open(hub);
    await expectLanguage(page, 'en', 'ltr');

    // The choice shows each language in its own script, and says which is on.
    const choice = page.getByRole('group', { name: en['kiosk.language'] });
    await expect(choice.getByRole('button', { name: 'English' })).toHaveAttribute('aria-pressed', 'true');
    await choice.getByRole('button', { name: run.ownName }).click();
    await stepIsRight(page, testInfo, run, w['kiosk.welcome'], '1-welcome');
    await expect(page.getByRole('group', { name: w['kiosk.language'] }).getByRole('button', { name: run.ownName })).toHaveAttribute('aria-pressed', 'true');

    await page.getByRole('button', { name: w['kiosk.checkIn'], exact: true }).click();
    await stepIsRight(page, testInfo, run, w['kiosk.who'], '2-whom');
    await page.getByRole('button', { name: 'Sam', exact: true }).click();

    await stepIsRight(page, testInfo, run, w['kiosk.when'], '3-time');
    // The times are said in the client's own clock and digits (Intl), not English "2:30 PM".
    const firstTime = await page.locator('.choice-row .choice').first().innerText();
    const expected = await page.evaluate(
      ([code, label]) => {
        const formats = [0, 10, 15, 20, 30, 40, 45, 50].flatMap((minute) => Array.from({ length: 24 }, (_, hour) => new Date(2000, 0, 1, hour, minute).toLocaleTimeString(code, { hour: 'numeric', minute: '2-digit' })));
        return formats.includes(label);
      },
      [run.code, firstTime] as const,
    );
    expect(expected, `"${firstTime}" is a ${run.code} time`).toBe(true);
    if (run.code === 'ar') {
      // The layout mirrors: the first choice sits at the right, "Back" to the right of "Start over".
      const back = await page.getByRole('button', { name: w['kiosk.back'] }).boundingBox();
      const over = await page.getByRole('button', { name: w['kiosk.startOver'] }).boundingBox();
      expect(back!.x).toBeGreaterThan(over!.x);
    }
    await page.getByRole('button', { name: w['kiosk.slot.later'] }).click();

    await stepIsRight(page, testInfo, run, w['kiosk.comfort'], '4-comfort');
    await page.getByRole('button', { name: w['kiosk.wish.softer-light'] }).click();
    await expect(page.getByTestId('wishes-chosen')).not.toHaveText(w['kiosk.comfortChosen']);
    await page.getByRole('button', { name: w['kiosk.checkIn'], exact: true }).click();

    await stepIsRight(page, testInfo, run, w['kiosk.thanks'], '5-confirmation');
    await expect(page.getByText(w['kiosk.toldName'].replace('{name}', 'Sam'))).toBeVisible();

    // The front desk reads the arrival as always (the desk's words are not the client's).
    await desk.openSignedIn(hub);
    await expect(desk.rowFor('Sam')).toContainText('Softer light');

    await page.getByRole('button', { name: w['kiosk.done'] }).click();
    await kiosk.expectWelcome();
    await expectLanguage(page, 'en', 'ltr');
    await expect(page.getByRole('button', { name: 'English' })).toHaveAttribute('aria-pressed', 'true');
  });
}

test('after an idle reset the kiosk is back in English; "Still there?" comes in Arabic, right-to-left', async ({ hub, kiosk }, testInfo) => {
  const { page } = kiosk;
  await page.clock.install();
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await kiosk.open(hub);
  await page.getByRole('button', { name: 'العربية' }).click();
  await page.getByRole('button', { name: ar['kiosk.checkIn'], exact: true }).click();
  await expect(page.getByRole('heading', { name: ar['kiosk.who'] })).toBeVisible();

  // The test office's idle time is 5 s, then "Still there?" stays 20 s.
  await page.clock.fastForward(5_500);
  await stepIsRight(page, testInfo, runs[0]!, ar['kiosk.stillThere'], '6-still-there');
  await page.clock.fastForward(21_000);
  await kiosk.expectWelcome();
  await expectLanguage(page, 'en', 'ltr');
  await expect(page.getByText(en['kiosk.welcomeLead'])).toBeVisible();
});

test('the practice chooses the languages offered and the default', async ({ hub, kiosk }) => {
  // test/e2e/office.yaml sets none: all eight are offered, in order, English first.
  await kiosk.open(hub);
  // A web-first assertion: the row may draw just after the welcome heading (allInnerTexts read it empty once, under load).
  await expect(kiosk.page.getByRole('group', { name: 'Language' }).getByRole('button')).toHaveText(['English', 'Español', '中文', 'Tiếng Việt', 'العربية', 'Polski', 'Українська', 'Português']);
  // Each carries its own lang, so a screen reader says it in its own voice.
  await expect(kiosk.page.getByRole('button', { name: '中文' })).toHaveAttribute('lang', 'zh-Hans');
});
