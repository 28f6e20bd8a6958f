'use strict';
// Proxy overhead, measured with the official socket.io-client against proxy-peers.js (official
// socket.io server), direct and through the proxy in the same run, alternating rounds:
//  - latency: ack round trips of a small event, one at a time; a round trip crosses the proxy twice
//    (up and down), so the added latency per packet is (proxied - direct) / 2 at each percentile;
//  - throughput: N events emitted as fast as the client can, until the server counted them all.
//   node proxy-bench.js --direct URL --proxy URL [--pings 3000] [--burst 30000] [--rounds 3] [--transport websocket]
// Prints one JSON line with the figures.
const { io } = require('socket.io-client');

const args = process.argv.slice(2);
const opt = (n, d) => (args.indexOf(n) >= 0 ? args[args.indexOf(n) + 1] : d);
const direct = opt('--direct', null);
const proxy = opt('--proxy', null);
if (!direct || !proxy) {
  process.stderr.write('usage: node proxy-bench.js --direct URL --proxy URL [--pings N] [--burst N] [--rounds N]\n');
  process.exit(2);
}
const pings = Number(opt('--pings', '3000'));
const burst = Number(opt('--burst', '30000'));
const rounds = Number(opt('--rounds', '3'));
const transport = opt('--transport', 'websocket');
// Socket.IO packets that crossed the proxy (each emit, each ack), for its CPU per packet.
let proxiedPackets = 0;

const connect = (url) => new Promise((resolve, reject) => {
  const s = io(url, { transports: [transport], forceNew: true, reconnection: false });
  s.once('connect', () => resolve(s));
  s.once('connect_error', reject);
});
const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];

async function latency(url, n) {
  const s = await connect(url);
  const rtts = [];
  const payload = { x: 412.5, y: 230.1, tool: 'pen' };
  for (let i = 0; i < n; i++) {
    const t0 = process.hrtime.bigint();
    await new Promise((r) => s.emit('echo', payload, r));
    rtts.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  if (url === proxy) proxiedPackets += 2 * n;
  s.close();
  return rtts;
}

async function throughput(url, n) {
  const s = await connect(url);
  const payload = { x: 412.5, y: 230.1 };
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < n; i++) s.emit('count', payload);
  if (url === proxy) proxiedPackets += n;
  for (;;) {
    if (url === proxy) proxiedPackets += 2;
    const got = await new Promise((r) => s.emit('counted', r));
    if (got >= n) break;
    await new Promise((r) => setTimeout(r, 5));
  }
  const secs = Number(process.hrtime.bigint() - t0) / 1e9;
  s.close();
  return n / secs;
}

(async () => {
  await latency(direct, 300); // warm-up both paths
  await latency(proxy, 300);
  await throughput(direct, 5000);
  await throughput(proxy, 5000);
  const lat = { direct: [], proxy: [] };
  const thr = { direct: [], proxy: [] };
  for (let r = 0; r < rounds; r++) {
    lat.direct.push(...await latency(direct, pings));
    lat.proxy.push(...await latency(proxy, pings));
    thr.direct.push(await throughput(direct, burst));
    thr.proxy.push(await throughput(proxy, burst));
  }
  const sum = (l) => {
    const s = [...l].sort((a, b) => a - b);
    return { p50: pct(s, 50), p99: pct(s, 99), n: s.length };
  };
  const d = sum(lat.direct);
  const p = sum(lat.proxy);
  const median = (l) => [...l].sort((a, b) => a - b)[Math.floor(l.length / 2)];
  const out = {
    transport, rounds, pingsPerRound: pings, burst,
    rttMs: { direct: d, proxy: p },
    addedPerPacketMs: { p50: (p.p50 - d.p50) / 2, p99: (p.p99 - d.p99) / 2 },
    eventsPerSecond: { direct: median(thr.direct), proxy: median(thr.proxy), all: thr },
    ratio: median(thr.proxy) / median(thr.direct),
    proxiedPackets,
  };
  process.stdout.write(`${JSON.stringify(out)}\n`);
  process.exit(0);
})().catch((e) => {
  process.stderr.write(`${e.stack}\n${e.description && (e.description.message || e.description.error)}\n`);
  process.exit(1);
});
