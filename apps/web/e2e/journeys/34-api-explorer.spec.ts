import { BASE_URL } from '../app';
import { expect, test } from '../fixtures';

test('API explorer (GraphiQL) runs a query with everything served by the app', async ({ j, page }) => {
  const workers = [];
  page.on('worker', (worker) => workers.push(worker.url()));
  page.on('console', (message) => {
    if (/Could not create web worker/.test(message.text()))
      j.problems.push('Monaco fell back to main-thread workers');
  });
  // The API serves the built explorer at /graphiql outside production; the file itself is always there.
  const routed = await fetch(`${BASE_URL}/graphiql`)
    .then(async (response) => response.ok && /API explorer/.test(await response.text()))
    .catch(() => false);
  await j.goto(routed ? '/graphiql' : '/explorer.html');
  await page.locator('.graphiql-container').waitFor({ timeout: 20_000 });
  await page.locator('.graphiql-query-editor .monaco-editor').waitFor({ timeout: 20_000 });
  await page.locator('.graphiql-execute-button').click();
  await page.waitForFunction(
    () => /totalCount/.test(document.querySelector('.graphiql-response')?.textContent ?? ''),
    null,
    {
      timeout: 20_000,
    },
  );
  await page.waitForLoadState('networkidle');
  expect(workers.length > 0, 'Monaco started no web worker').toBeTruthy();
  // GraphiQL's tab bar puts the tab's close button inside the role="tab" element (upstream markup);
  // everything else on the page is held to the same rules as the app.
  await j.checkA11y('API explorer', { disableRules: ['nested-interactive'] });
  await j.screenshot('explorer');
});
