import { test, expect, seriousA11yViolations } from './fixtures.ts';

// Guards the guard: the accessibility checks above only mean something if axe really runs.
test('the accessibility check reports a nameless button', async ({ page }) => {
  await page.setContent('<main><button></button></main>');
  expect((await seriousA11yViolations(page)).map((v) => v.id)).toContain('button-name');
});
