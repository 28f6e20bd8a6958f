'use strict';
// Opens the official Socket.IO Admin UI (the bundle shipped in @socket.io/admin-ui's ui/dist, served
// here from loopback) in headless Chromium, connects it to a server's admin namespace the way a
// person would (the connection form), and prints what its Sockets and Rooms pages show, as JSON:
//
//   node admin-ui-check.js --url http://127.0.0.1:3000 [--username admin] [--expect-sockets N]
//                          [--chromium /usr/bin/chromium] [--timeout-ms 30000] [--screenshot FILE.png]
//
// The password comes from $STUDYCOLLAB_ADMIN_PASSWORD. Output: one line
// {"sockets":[{"id","cells":[...]}],"rooms":[{"name","cells":[...]}]}; exit 1 with the reason on stderr.

const http = require('http');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { chromium } = require('playwright-core');

function parseArgs(argv) {
  const o = { url: null, username: null, expectSockets: 1, chromium: '/usr/bin/chromium', timeoutMs: 30000,
    screenshot: null };
  const names = {
    '--url': ['url', String], '--username': ['username', String], '--expect-sockets': ['expectSockets', Number],
    '--chromium': ['chromium', String], '--timeout-ms': ['timeoutMs', Number],
    '--screenshot': ['screenshot', String],
  };
  for (let i = 2; i < argv.length; i += 2) {
    const spec = names[argv[i]];
    if (!spec || argv[i + 1] === undefined) {
      process.stderr.write('usage: node admin-ui-check.js --url URL [--username U] [--expect-sockets N] ' +
        '[--chromium PATH] [--timeout-ms N]\n');
      process.exit(2);
    }
    o[spec[0]] = spec[1](argv[i + 1]);
  }
  if (!o.url) {
    process.stderr.write('--url is required\n');
    process.exit(2);
  }
  return o;
}

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.png': 'image/png',
  '.svg': 'image/svg+xml', '.map': 'application/json' };

function serveUi() {
  const root = path.join(path.dirname(require.resolve('@socket.io/admin-ui/package.json')), 'ui', 'dist');
  const server = http.createServer((req, res) => {
    const rel = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const file = path.normalize(path.join(root, rel === '/' ? 'index.html' : rel));
    if (!file.startsWith(root) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404);
      return res.end();
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

async function tableRows(page) {
  return page.$$eval('table tbody tr', (rows) => rows
    .map((r) => [...r.querySelectorAll('td')].map((td) => td.innerText.trim()))
    .filter((cells) => cells.length > 1));
}

async function main() {
  const o = parseArgs(process.argv);
  const ui = await serveUi();
  const uiUrl = `http://127.0.0.1:${ui.address().port}/`;
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'admin-ui-chromium-'));
  let browser;
  let page;
  try {
    browser = await chromium.launchPersistentContext(profile, {
      executablePath: o.chromium,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
        '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    page = browser.pages()[0] || await browser.newPage();
    // No network but loopback: the bundle's web fonts and icon CSS come from CDNs.
    await page.route('**/*', (route) => {
      const host = new URL(route.request().url()).hostname;
      return host === '127.0.0.1' || host === 'localhost' ? route.continue() : route.abort();
    });
    page.setDefaultTimeout(o.timeoutMs);
    await page.goto(uiUrl);
    await page.getByLabel('Server URL').fill(o.url);
    if (o.username) {
      await page.getByLabel('Username').fill(o.username);
      await page.getByLabel('Password').fill(process.env.STUDYCOLLAB_ADMIN_PASSWORD || '');
    }
    await page.getByRole('button', { name: 'Connect' }).click();
    await page.waitForFunction(() => !document.querySelector('.v-dialog--active'), null, { timeout: o.timeoutMs });

    await page.goto(uiUrl + '#/sockets/');
    await page.waitForFunction((n) => document.querySelectorAll('table tbody tr td:nth-child(2)').length >= n,
      o.expectSockets, { timeout: o.timeoutMs });
    const sockets = await tableRows(page);
    await page.goto(uiUrl + '#/rooms/');
    await page.waitForSelector('table tbody tr td:nth-child(2)');
    const rooms = await tableRows(page);
    process.stdout.write(JSON.stringify({ sockets, rooms }) + '\n');
    if (o.screenshot) {
      await page.goto(uiUrl + '#/sockets/');
      await page.waitForSelector('table tbody tr td:nth-child(2)');
      await page.screenshot({ path: o.screenshot, fullPage: true });
    }
  } catch (e) {
    // what the page showed when it went wrong, for the error report
    if (page && o.screenshot) await page.screenshot({ path: o.screenshot, fullPage: true }).catch(() => {});
    throw e;
  } finally {
    if (browser) await browser.close();
    ui.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

main().catch((e) => {
  process.stderr.write(`admin-ui-check failed: ${e.stack || e}\n`);
  process.exit(1);
});
