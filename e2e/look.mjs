import { chromium } from 'playwright-core';
import { writeFileSync } from 'node:fs';
const base = 'http://127.0.0.1:8099';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
async function as(user) {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await page.goto(base + '/login');
  await page.getByLabel('Nama pengguna').fill(user);
  await page.getByLabel('Kata sandi').fill('karya-demo-2026');
  await page.getByRole('button', { name: 'Masuk' }).click();
  return page;
}
const head = await as('kabapas.bdg');
await head.goto(base + '/cases/11/guidance');
await head.getByRole('button', { name: /Terbitkan Litmas untuk Jaksa/ }).click();
console.log(head.url(), await head.locator('[role=status], .notice').first().innerText());
const jaksa = await as('jaksa.bdg');
const link = jaksa.locator('a', { hasText: /Litmas untuk Jaksa/ }).first();
const href = await link.getAttribute('href').catch(() => null);
console.log('jaksa link', href, (await jaksa.locator('main').innerText()).split('\n').filter(l => /Litmas/.test(l)).slice(0, 3));
const hrefs = await jaksa.locator('a[href*="/letters/"]').evaluateAll(as => as.map(a => a.getAttribute('href') + ' ' + a.innerText));
console.log(hrefs.slice(0, 4));
const r = await jaksa.request.get(base + hrefs.find(h => h.includes('Litmas') || h.includes('/cases/11/')).split(' ')[0]);
writeFileSync('/tmp/shots/litmas_prosecutor.pdf', await r.body());
await browser.close();
