import { expect, test } from '../fixtures';
import { FOLLOWER } from '../demo';

interface CaseFacts {
  id: string;
  outcomes: unknown[];
  budgetYen: number;
}

// #15: what a reader of a case sees: contacts, outcomes once, the municipality line, English figures.
test('reading cases: demo contacts for members, outcomes once, a prefecture named once, English budget', async ({
  j,
  page,
}) => {
  await j.goto('/');
  const found = await j.graphql(
    `{ searchCaseStudies(filter: { municipalityKinds: [PREFECTURE], budgetYenMax: 1e12 }, pageSize: 50) {
        hits { caseStudy { id budgetYen outcomes { label } municipality { name } } } } }`,
  );
  const target = found.data.searchCaseStudies.hits
    .map((h: { caseStudy: CaseFacts }) => h.caseStudy)
    .find((c: CaseFacts) => c.outcomes.length > 0 && c.budgetYen >= 10_000_000);
  expect(target, 'no public prefecture case with outcomes and a budget of ¥10 million or more').toBeTruthy();
  await j.goto(`/cases/${target.id}`);
  const line = page.locator('h1 + p').first();
  await j.expectText(line, target.municipality.name, 'municipality line');
  expect(
    !(await line.innerText()).includes(`${target.municipality.name}（`),
    `the prefecture is named twice: ${await line.innerText()}`,
  ).toBeTruthy();
  const label = target.outcomes[0].label;
  await page.locator('main table').first().waitFor();
  const tables = await page.locator('main table').filter({ hasText: label }).count();
  expect(tables === 1, `the outcome 「${label}」 is in ${tables} tables`).toBeTruthy();

  await page.getByRole('button', { name: 'English' }).click();
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  const main = await page.locator('main').innerText();
  expect(
    /¥[\d.]+ (thousand|million|billion) \(¥[\d,]+\)/.test(main),
    'the English budget needs a space before the exact figure',
  ).toBeTruthy();
  expect(
    !/Prefecture \([A-Z][a-z]+\)/.test(await line.innerText()),
    `English line: ${await line.innerText()}`,
  ).toBeTruthy();
  await page.getByRole('button', { name: '日本語' }).click();
  await page.waitForFunction(() => document.documentElement.lang === 'ja');

  // A member's officer sees the demo contact.
  await j.goto(`/login?next=${encodeURIComponent(`/cases/${target.id}`)}`);
  await j.login(FOLLOWER.email, FOLLOWER.password);
  await page.waitForURL(new RegExp(`/cases/${target.id}$`));
  const contact = page.getByRole('region', { name: '問い合わせ先' });
  await j.expectText(
    contact.locator('a[href^="mailto:"]'),
    /^dx@pref\.[a-z-]+\.example\.lg\.jp$/,
    'demo contact mail',
  );
  await j.expectText(contact.locator('a[href^="tel:"]'), /^0\d-5550-\d{4}$/, 'demo contact phone');
  await j.checkA11y('case page, member officer');
  await j.screenshot('case-study-contact');
});
