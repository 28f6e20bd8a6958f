'use strict';
// Group-size load test: N official socket.io clients in one group, each moving its cursor at 20/s.
// Every cursor carries its send time (ms mod 1e6 in x), so each receiver measures delivery latency.
// Steps N up and prints one JSON line per step; stops after the first step that misses the target.
//
//   node load.js --url URL --secret S [--sizes 10,20,40] [--seconds 8] [--warmup 2] [--rate 20]
//
// Only loopback URLs are accepted: this is a load generator.

const { io } = require('socket.io-client');
const jwt = require('jsonwebtoken');
const { requireLoopbackTarget, percentile } = require('./load-common');

function args(argv) {
  const o = { url: null, secret: null, sizes: [5, 10, 20, 30, 40, 50, 60, 80], seconds: 8, warmup: 2, rate: 20, p99Target: 100 };
  for (let i = 2; i < argv.length; i += 2) {
    const v = argv[i + 1];
    switch (argv[i]) {
      case '--url': o.url = v; break;
      case '--secret': o.secret = v; break;
      case '--sizes': o.sizes = v.split(',').map(Number); break;
      case '--seconds': o.seconds = Number(v); break;
      case '--warmup': o.warmup = Number(v); break;
      case '--rate': o.rate = Number(v); break;
      default: process.stderr.write(`unknown flag ${argv[i]}\n`); process.exit(2);
    }
  }
  requireLoopbackTarget(o.url, o.secret, 'node load.js --url URL --secret S [--sizes a,b,c] [--seconds N]');
  return o;
}

const opts = args(process.argv);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function step(n) {
  const group = `load-${n}-${Date.now()}`;
  const clients = [];
  const latencies = [];
  let received = 0;
  let measuring = false;
  let sent = 0;
  for (let i = 0; i < n; i++) {
    const token = jwt.sign({ sub: `load-${i}`, aud: 'authenticated', user_metadata: { full_name: `Load ${i}` } },
      opts.secret, { expiresIn: 600 });
    const s = io(opts.url, { auth: { token }, transports: ['websocket'], forceNew: true, reconnection: false });
    s.on('user:cursor:updated', (p) => {
      if (!measuring) return;
      received++;
      const now = Date.now() % 1000000;
      latencies.push((now - p.cursor.x + 1000000) % 1000000);
    });
    clients.push(s);
  }
  await Promise.all(clients.map((s) => new Promise((resolve, reject) => {
    s.once('connect', resolve);
    s.once('connect_error', reject);
  })));
  await Promise.all(clients.map((s) => s.timeout(10000).emitWithAck('group:join', { groupId: group })));
  const interval = 1000 / opts.rate;
  // Spread the senders over the interval so they do not all fire at once.
  const timers = clients.map((s, i) => {
    let t;
    const start = setTimeout(() => {
      t = setInterval(() => {
        s.emit('cursor:update', { x: Date.now() % 1000000, y: i });
        if (measuring) sent++;
      }, interval);
    }, (interval * i) / n);
    return () => { clearTimeout(start); clearInterval(t); };
  });
  await sleep(opts.warmup * 1000);
  measuring = true;
  const t0 = Date.now();
  await sleep(opts.seconds * 1000);
  measuring = false;
  const elapsed = (Date.now() - t0) / 1000;
  timers.forEach((stop) => stop());
  await sleep(500);
  clients.forEach((s) => s.close());
  latencies.sort((a, b) => a - b);
  const expected = sent * (n - 1);
  return {
    clients: n,
    sentPerSecond: Math.round(sent / elapsed),
    deliveredPerSecond: Math.round(received / elapsed),
    delivery: expected === 0 ? 1 : Math.min(1, received / expected),
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    max: latencies.length ? latencies[latencies.length - 1] : null,
  };
}

(async () => {
  for (const n of opts.sizes) {
    let r;
    try {
      r = await step(n);
    } catch (e) {
      r = { clients: n, error: String(e && e.message) };
    }
    r.ok = !r.error && r.p99 !== null && r.p99 < opts.p99Target && r.delivery >= 0.99;
    process.stdout.write(JSON.stringify(r) + '\n');
    if (!r.ok) break;
    await sleep(1000);
  }
  process.exit(0);
})();
