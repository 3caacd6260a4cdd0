/**
 * Issue 12: the practice chooses the kiosk's languages and its default in office.yaml. Here Spanish
 * first, then English and Ukrainian; a client who switches to English is back in Spanish next visit.
 */
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import type { Catalogue } from '../../renderer/src/i18n/catalogues.ts';
import { test, expect } from './fixtures.ts';

const catalogue = (code: string): Catalogue => JSON.parse(readFileSync(new URL(`../../renderer/src/i18n/${code}.json`, import.meta.url), 'utf8')) as Catalogue;
const es = catalogue('es');

test.use({ office: join(import.meta.dirname, 'spanish-office.yaml') });

test('a Spanish-speaking practice: the kiosk starts in Spanish, offers its three languages, and returns to Spanish', async ({ hub, kiosk }) => {
  const { page } = kiosk;
  await page.goto(`${hub.url}/kiosk`);
  await expect(page.getByRole('heading', { name: es['kiosk.welcome'] })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await expect(page).toHaveTitle(es['kiosk.title'].replace('{practice}', 'Test Street Practice'));
  const choice = page.getByRole('group', { name: es['kiosk.language'] });
  await expect(choice.getByRole('button')).toHaveText(['Español', 'English', 'Українська']);
  await expect(choice.getByRole('button', { name: 'Español' })).toHaveAttribute('aria-pressed', 'true');

  // A client who reads English better checks in in English.
  await choice.getByRole('button', { name: 'English' }).click();
  await kiosk.expectWelcome();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await kiosk.checkIn({ clinician: 'Sam' });
  await kiosk.expectConfirmation('Sam');
  await page.getByRole('button', { name: 'Done' }).click();

  // The next client finds the practice's default, not the last client's choice.
  await expect(page.getByRole('heading', { name: es['kiosk.welcome'] })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await expect(page.getByText('Sam')).toHaveCount(0);
});
