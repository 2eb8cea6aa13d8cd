// End-to-end: starts the real `karya` binary on a fresh database (SQLite, or PostgreSQL when
// DATABASE_URL is set), then in headless Chromium logs in as each demo role, checks the
// navigation that role sees, visits every page it links to at phone and desktop width, runs
// axe on each, switches the language, and walks the flows named in the issues.
// Prints "N passed, N failed" and exits non-zero on any failure.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import net from 'node:net';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const binary = process.env.KARYA_BIN || join(here, '..', 'target', 'debug', 'karya');
const axeSource = readFileSync(join(here, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
const PASSWORD = 'karya-demo-2026';

let passed = 0;
let failed = 0;
const failures = [];

async function check(name, fn) {
  try {
    await fn();
    passed += 1;
    console.log(`ok   ${name}`);
  } catch (error) {
    failed += 1;
    failures.push(`${name}: ${error.message}`);
    console.log(`FAIL ${name}\n     ${error.message.split('\n').join('\n     ')}`);
  }
}

function assert(condition, message) {
  if (!condition) throw new Error(message);
}

function freePort() {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function startServer() {
  const dataDir = mkdtempSync(join(tmpdir(), 'karya-e2e-'));
  const port = await freePort();
  const child = spawn(binary, ['serve', '--demo', '--data-dir', dataDir, '--bind', `127.0.0.1:${port}`], {
    env: { ...process.env, RUST_LOG: 'warn' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`karya did not start:\n${output}`)), 60000);
    child.stdout.on('data', (chunk) => {
      output += chunk;
      if (output.includes('http://')) { clearTimeout(timer); resolve(); }
    });
    child.on('exit', (code) => reject(new Error(`karya exited with ${code}:\n${output}`)));
  });
  return { child, dataDir, base: `http://127.0.0.1:${port}`, output };
}

// The navigation each role must see (Indonesian labels), in order.
const NAV = {
  admin: ['Beranda', 'Kantor Bapas', 'Pegawai', 'Jejak audit', 'Profil'],
  ditjenpas: ['Beranda', 'Kantor Bapas', 'Jejak audit', 'Profil'],
  'kanwil.jabar': ['Beranda', 'Kantor Bapas', 'Profil'],
  'pendaftaran.bdg': ['Beranda', 'Profil'],
  'registrasi.bdg': ['Beranda', 'Profil'],
  'pk.bdg': ['Beranda', 'Profil'],
  'katu.bdg': ['Beranda', 'Profil'],
  'kabapas.bdg': ['Beranda', 'Pegawai', 'Jejak audit', 'Profil'],
  'tpp.bdg': ['Beranda', 'Profil'],
  'pj.bdg': ['Beranda', 'Profil'],
  'klien.bdg': ['Beranda', 'Profil'],
  'jaksa.bdg': ['Beranda', 'Profil'],
};

async function axe(page, label) {
  await page.addScriptTag({ content: axeSource }).catch(async () => {
    // The page's CSP forbids inline scripts; evaluate axe in the page context instead.
    await page.evaluate(axeSource);
  });
  const result = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length, help: v.help }));
  });
  const serious = result.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert(serious.length === 0, `${label}: axe ${JSON.stringify(serious)}`);
  return result;
}

async function logIn(page, base, username) {
  await page.goto(`${base}/login`);
  await page.getByLabel('Nama pengguna').fill(username);
  await page.getByLabel('Kata sandi').fill(PASSWORD);
  await page.getByRole('button', { name: 'Masuk' }).click();
  await page.waitForURL(`${base}/`);
}

async function main() {
  const server = await startServer();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const engine = process.env.DATABASE_URL ? 'postgres' : 'sqlite';
  const visited = new Set();
  try {
    await check(`[${engine}] the login page passes axe and is in Indonesian`, async () => {
      const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
      await page.goto(`${server.base}/login`);
      assert((await page.getAttribute('html', 'lang')) === 'id', 'html lang is id');
      await axe(page, 'login');
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      assert(width <= 360, `no horizontal scrolling on a phone (scrollWidth ${width})`);
      await page.close();
    });

    await check(`[${engine}] a wrong password re-renders the form with a linked error`, async () => {
      const page = await browser.newPage();
      await page.goto(`${server.base}/login`);
      await page.getByLabel('Nama pengguna').fill('pk.bdg');
      await page.getByLabel('Kata sandi').fill('salah sekali');
      await page.getByRole('button', { name: 'Masuk' }).click();
      await page.getByText('Nama pengguna atau kata sandi salah.').first().waitFor();
      assert((await page.inputValue('#username')) === 'pk.bdg', 'the username is kept');
      await axe(page, 'login with error');
      await page.close();
    });

    for (const [username, expected] of Object.entries(NAV)) {
      await check(`[${engine}] ${username} logs in, sees the right navigation, every page passes axe`, async () => {
        const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
        const page = await context.newPage();
        await logIn(page, server.base, username);
        const nav = await page.locator('nav[aria-label="Navigasi utama"] a').allTextContents();
        assert(JSON.stringify(nav) === JSON.stringify(expected), `navigation ${JSON.stringify(nav)}`);
        const links = await page.locator('nav[aria-label="Navigasi utama"] a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
        for (const href of links) {
          const response = await page.goto(`${server.base}${href}`);
          assert(response.status() === 200, `${href} answered ${response.status()}`);
          await axe(page, `${username} ${href}`);
          visited.add(href);
        }
        await context.close();
      });
    }

    await check(`[${engine}] the language switch turns the interface to English and back`, async () => {
      const context = await browser.newContext();
      const page = await context.newPage();
      await logIn(page, server.base, 'kabapas.bdg');
      await page.getByRole('button', { name: 'Ganti bahasa ke English' }).click();
      await page.getByRole('heading', { name: /Welcome/ }).waitFor();
      assert((await page.getAttribute('html', 'lang')) === 'en', 'html lang is en');
      const nav = await page.locator('nav a').allTextContents();
      assert(nav.includes('Staff') && nav.includes('Audit trail'), `English navigation ${nav}`);
      await axe(page, 'home in English');
      await page.getByRole('button', { name: 'Switch language to Bahasa Indonesia' }).click();
      await page.getByRole('heading', { name: /Selamat datang/ }).waitFor();
      await context.close();
    });

    await check(`[${engine}] a head of office adds a staff member who can then log in`, async () => {
      const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
      const page = await context.newPage();
      await logIn(page, server.base, 'kabapas.bdg');
      await page.goto(`${server.base}/admin/staff/new`);
      await page.getByRole('button', { name: 'Simpan' }).click();
      await page.getByRole('alert').waitFor();
      await axe(page, 'staff form with errors');
      await page.getByLabel('Nama pengguna').fill('pk.baru');
      await page.getByLabel('Nama lengkap').fill('Siti Rahmawati');
      await page.getByLabel('Kata sandi awal').fill('kata sandi awal yang panjang');
      await page.getByLabel('Pembimbing Kemasyarakatan (PK)').check();
      await page.getByRole('button', { name: 'Simpan' }).click();
      await page.getByText('Perubahan tersimpan.').waitFor();
      assert(await page.getByRole('cell', { name: 'pk.baru', exact: true }).isVisible(), 'the new user is listed');
      await page.getByRole('button', { name: 'Keluar' }).click();
      await page.getByText('Anda telah keluar.').waitFor();
      await page.getByLabel('Nama pengguna').fill('pk.baru');
      await page.getByLabel('Kata sandi').fill('kata sandi awal yang panjang');
      await page.getByRole('button', { name: 'Masuk' }).click();
      await page.getByRole('heading', { name: 'Selamat datang, Siti Rahmawati.' }).waitFor();
      await context.close();
    });

    await check(`[${engine}] the admin edits an office and the keyboard reaches every control`, async () => {
      const context = await browser.newContext();
      const page = await context.newPage();
      await logIn(page, server.base, 'admin');
      await page.goto(`${server.base}/admin/offices`);
      await page.getByRole('link', { name: 'Ubah bdg' }).click();
      await axe(page, 'office form');
      await page.getByLabel('Telepon').fill('(022) 555-9999');
      await page.keyboard.press('Tab');
      await page.getByLabel('E-mail').press('Enter');
      await page.getByText('Perubahan tersimpan.').waitFor();
      assert(await page.getByRole('cell', { name: 'bdg', exact: true }).isVisible(), 'office listed');
      await context.close();
    });
  } finally {
    await browser.close();
    server.child.kill('SIGTERM');
    await new Promise((resolve) => server.child.on('exit', resolve));
    rmSync(server.dataDir, { recursive: true, force: true });
  }
  console.log(`e2e (${engine}): pages checked with axe: ${[...visited].sort().join(' ')}`);
  console.log(`${passed} passed, ${failed} failed`);
  if (failed > 0) process.exit(1);
}

main().catch((error) => {
  console.error(error);
  console.log(`${passed} passed, ${failed + 1} failed`);
  process.exit(1);
});
