import { chromium } from 'playwright-core';
const base = 'http://127.0.0.1:8099';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
for (const user of ['kabapas.bdg', 'tpp.bdg']) {
  const ctx = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const page = await ctx.newPage();
  await page.goto(base + '/login');
  await page.getByLabel('Nama pengguna').fill(user);
  await page.getByLabel('Kata sandi').fill('karya-demo-2026');
  await page.getByRole('button', { name: 'Masuk' }).click();
  const text = await page.locator('main').innerText();
  console.log('=====', user, '\n', text.split('\n').filter(l => /S5|S6|S7|S8|TPP|pemeriksa/i.test(l)).join('\n'));
  await page.screenshot({ path: `/tmp/shots/home-${user}.png`, fullPage: true });
  if (user === 'tpp.bdg') {
    const link = page.locator('a[href*="/guidance#supervision"]').first();
    await link.click();
    await page.screenshot({ path: '/tmp/shots/tpp-supervision.png', fullPage: true });
    console.log(page.url());
  }
}
await browser.close();
