import { expect, test } from '../fixtures';

test('phone header: one compact row with a menu button; the menu opens and closes by keyboard, every link reachable', async ({
  j,
  page,
  login,
}) => {
  for (const who of ['visitor', 'officer']) {
    if (who === 'officer') await login('officer', '/');
    else await j.goto('/');
    const header = page.locator('header').first();
    const menuButton = header.getByRole('button', { name: 'メニュー', exact: true });
    await menuButton.waitFor({ timeout: 5_000 }).catch(() => {
      throw new Error(`${who}: no 「メニュー」 button in the header at 375px`);
    });
    const height = await header.evaluate((el) => el.getBoundingClientRect().height);
    expect(
      height <= 120,
      `${who}: the closed header is ${Math.round(height)}px high at 375px (≤ 120)`,
    ).toBeTruthy();
    expect(
      (await menuButton.getAttribute('aria-expanded')) === 'false',
      `${who}: menu starts closed`,
    ).toBeTruthy();
    const controls = await menuButton.getAttribute('aria-controls');
    expect(
      controls && (await page.locator(`[id="${controls}"]`).count()) === 1,
      'aria-controls names the menu',
    ).toBeTruthy();
    const nav = page.getByRole('navigation', { name: 'メインメニュー' });
    expect(
      !(await nav.isVisible()),
      `${who}: the navigation is folded while the menu is closed`,
    ).toBeTruthy();
    const box = await menuButton.boundingBox();
    expect(box!.height >= 44 && box!.width >= 44, `${who}: the menu button is a 44px target`).toBeTruthy();

    // Keyboard: Enter opens it, Tab goes on into its links (in the order shown), Escape closes it and
    // gives focus back to the button.
    await menuButton.focus();
    await page.keyboard.press('Enter');
    expect(
      (await menuButton.getAttribute('aria-expanded')) === 'true',
      `${who}: Enter opens the menu`,
    ).toBeTruthy();
    await nav.waitFor();
    await page.keyboard.press('Tab');
    const first = await page.evaluate(() => document.activeElement?.textContent?.trim());
    expect(
      first === 'ホーム',
      `${who}: Tab after the menu button should reach ホーム, reached ${first}`,
    ).toBeTruthy();
    const links = await nav
      .getByRole('link')
      .evaluateAll((as) =>
        as.map((a) => ({ name: a.textContent.trim(), height: a.getBoundingClientRect().height })),
      );
    const names = links.map((l) => l.name);
    for (const name of [
      'ホーム',
      '事例を探す',
      '先行事例を探す',
      '定期共有会',
      '加盟自治体',
      '共同宣言',
      'ネットワークの状況',
    ])
      expect(
        names.includes(name),
        `${who}: ${name} missing from the phone menu (${names.join(', ')})`,
      ).toBeTruthy();
    if (who === 'officer')
      expect(
        names.includes('北九州市の事例'),
        `${who}: 北九州市の事例 missing (${names.join(', ')})`,
      ).toBeTruthy();
    const small = links.filter((l) => l.height < 44).map((l) => `${l.name} (${Math.round(l.height)}px)`);
    expect(small.length === 0, `${who}: menu links under 44px: ${small.join(', ')}`).toBeTruthy();
    expect(
      await page
        .getByRole('group', { name: '表示言語' })
        .getByRole('button', { name: 'English' })
        .isVisible(),
      `${who}: the language choice is in the open menu`,
    ).toBeTruthy();
    await j.checkA11y(`phone menu open (${who})`);
    if (who === 'officer') await j.screenshot('header-mobile-menu', page);
    await page.keyboard.press('Escape');
    expect(
      (await menuButton.getAttribute('aria-expanded')) === 'false',
      `${who}: Escape closes the menu`,
    ).toBeTruthy();
    expect(
      await menuButton.evaluate((el) => el === document.activeElement),
      `${who}: focus returns to the menu button after Escape`,
    ).toBeTruthy();
    expect(!(await nav.isVisible()), `${who}: the navigation is folded again after Escape`).toBeTruthy();

    // A link followed from the menu: the new page, with the menu closed.
    await menuButton.click();
    await nav.getByRole('link', { name: '共同宣言' }).click();
    await page.waitForURL(/\/declarations$/);
    await j.expectText(page.getByRole('heading', { level: 1 }), '共同宣言', `${who}: the page followed`);
    expect(
      (await menuButton.getAttribute('aria-expanded')) === 'false',
      `${who}: the menu closes on a new page`,
    ).toBeTruthy();
    await j.checkA11y(`phone header (${who})`);
    if (who === 'visitor') await j.screenshot('header-mobile');
  }
  // From md up: the whole navigation as before, no menu button.
  await page.setViewportSize({ width: 1280, height: 900 });
  expect(
    !(await page.getByRole('button', { name: 'メニュー', exact: true }).isVisible()),
    'no menu button at 1280px',
  ).toBeTruthy();
  expect(
    await page.getByRole('navigation', { name: 'メインメニュー' }).isVisible(),
    'the navigation is shown at 1280px',
  ).toBeTruthy();
});
