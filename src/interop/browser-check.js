'use strict';
// Loads the mini StudyCollab page in headless Chromium (Debian's chromium, driven by
// playwright-core), connected to SERVER (the proxy), moves the mouse over the board, and waits
// until the page has joined and its cursor moves went out. The token comes from $BROWSER_TOKEN.
//
//   BROWSER_TOKEN=<jwt> node browser-check.js --page http://127.0.0.1:STATIC --server http://127.0.0.1:PROXY
//        [--group demo] [--moves 20] [--chromium /usr/bin/chromium]
// Prints one JSON line {"status":…,"transport":…,"sent":N,"members":[…]} and exits 0, or 1 on failure.
const fs = require('fs');
const os = require('os');
const path = require('path');
const { chromium } = require('playwright-core');

const args = process.argv.slice(2);
const opt = (n, d) => (args.indexOf(n) >= 0 ? args[args.indexOf(n) + 1] : d);
const page = opt('--page', null);
const server = opt('--server', null);
if (!page || !server) {
  process.stderr.write('usage: BROWSER_TOKEN=… node browser-check.js --page URL --server URL [--group G] [--moves N]\n');
  process.exit(2);
}
const group = opt('--group', 'demo');
const moves = Number(opt('--moves', '20'));
const executablePath = opt('--chromium', '/usr/bin/chromium');

(async () => {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'studycollab-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run'],
  });
  let code = 1;
  try {
    const tab = context.pages()[0] || await context.newPage();
    await tab.addInitScript((t) => { window.STUDYCOLLAB_TOKEN = t; }, process.env.BROWSER_TOKEN || '');
    await tab.goto(`${page}/?server=${encodeURIComponent(server)}&group=${encodeURIComponent(group)}`);
    await tab.waitForFunction(() => window.board && window.board.status === 'joined', null, { timeout: 15000 });
    await tab.waitForFunction(() => document.getElementById('transport').textContent === 'websocket', null, { timeout: 10000 })
      .catch(() => {});
    const box = await tab.locator('#board').boundingBox();
    for (let i = 0; i < moves; i++) {
      await tab.mouse.move(box.x + 20 + i * 10, box.y + 30 + i * 5);
      await tab.waitForTimeout(60);
    }
    const result = await tab.evaluate(() => ({ status: window.board.status, transport: document.getElementById('transport').textContent,
      sent: window.board.sent, members: [...window.board.members.keys()] }));
    process.stdout.write(`${JSON.stringify(result)}\n`);
    code = result.status === 'joined' && result.sent > 0 ? 0 : 1;
  } catch (e) {
    process.stdout.write(`${JSON.stringify({ error: e.message })}\n`);
  } finally {
    await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
  process.exit(code);
})();
