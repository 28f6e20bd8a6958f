'use strict';
// Fan-out under a flood (issue #13 point 6): N flooding sockets in one group, each sending
// cursor:update at the per-socket limit (30/s) and a tool:change every 2 s, and one legitimate member
// (official socket.io-client, in this process) who measures:
//   - cursor age: receive time minus the flooder's send time, which every cursor carries in x
//     (ms since --t0); and the gap between two updates of the same flooder;
//   - non-cursor loss: every tool:change of the flooders, every custom event a second legitimate
//     socket relays (10/s) and every event the HTTP API emits (5/s) is counted; after the flood,
//     once nothing more has arrived for 3 s (at most a minute), what did not arrive is lost;
//   - /health latency: GET /health every 100 ms on a fresh connection.
// The flooders run in a child process (raw websocket Engine.IO/Socket.IO, incoming frames only
// counted) so their receiving does not share the member's event loop. Prints one JSON line.
//
//   node fanout-bench.js --url URL --secret S [--flooders 100] [--seconds 15] [--warmup 3]
//                        [--service-key K] [--server-pid PID]
// Only loopback URLs are accepted: this is a load generator.

const { fork } = require('child_process');
const fs = require('fs');
const http = require('http');
const jwt = require('jsonwebtoken');
const { requireLoopbackTarget, percentile } = require('./load-common');

function args(argv) {
  const o = { url: null, secret: null, serviceKey: null, flooders: 100, seconds: 15, warmup: 3, drain: 3,
    serverPid: null, role: 'member', t0: Date.now(), group: `fanout-${Date.now()}` };
  for (let i = 2; i < argv.length; i += 2) {
    const v = argv[i + 1];
    switch (argv[i]) {
      case '--url': o.url = v; break;
      case '--secret': o.secret = v; break;
      case '--service-key': o.serviceKey = v; break;
      case '--flooders': o.flooders = Number(v); break;
      case '--seconds': o.seconds = Number(v); break;
      case '--warmup': o.warmup = Number(v); break;
      case '--server-pid': o.serverPid = Number(v); break;
      case '--role': o.role = v; break;
      case '--t0': o.t0 = Number(v); break;
      case '--group': o.group = v; break;
      default: process.stderr.write(`unknown flag ${argv[i]}\n`); process.exit(2);
    }
  }
  requireLoopbackTarget(o.url, o.secret, 'node fanout-bench.js --url URL --secret S [--flooders N] [--seconds N]');
  return o;
}

const opts = args(process.argv);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const token = (sub) => jwt.sign({ sub, aud: 'authenticated', user_metadata: { full_name: sub } }, opts.secret,
  { expiresIn: 3600 });
const since = () => Date.now() - opts.t0;

/** CPU seconds (user + system) a process has used, from /proc. */
function cpuSeconds(pid) {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(f[11]) + Number(f[12])) / 100;
  } catch (e) {
    return null;
  }
}

/**
 * Time a process's threads ran and waited runnable for a CPU, in seconds, summed over its threads
 * (/proc/PID/task/TID/schedstat): a server that waits far longer than it runs is starved by the
 * machine, not slow.
 */
function schedSeconds(pid) {
  try {
    let run = 0;
    let wait = 0;
    for (const tid of fs.readdirSync(`/proc/${pid}/task`)) {
      try {
        const [r, w] = fs.readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').trim().split(/\s+/).map(Number);
        run += r / 1e9;
        wait += w / 1e9;
      } catch (e) {
        // the thread ended between the listing and the read
      }
    }
    return { run, wait };
  } catch (e) {
    return null;
  }
}

// ------------------------------------------------------------------ flooders (child process)

function floodRole() {
  const WebSocket = require('ws');
  const wsUrl = `${opts.url.replace(/^http/, 'ws')}/socket.io/?EIO=4&transport=websocket`;
  const sockets = [];
  let received = 0;
  let flooding = false;
  let ready = 0;
  for (let i = 0; i < opts.flooders; i++) {
    const ws = new WebSocket(wsUrl, { perMessageDeflate: false });
    const sub = `flood-${i}`;
    ws.on('message', (data) => {
      const s = data.toString();
      if (s === '2') { ws.send('3'); return; }
      if (s.startsWith('0{')) { ws.send(`40${JSON.stringify({ token: token(sub) })}`); return; }
      if (s.startsWith('40{')) { ws.send(`421${JSON.stringify(['group:join', { groupId: opts.group }])}`); return; }
      if (s.startsWith('431[')) { ready++; if (ready === opts.flooders) process.send({ ready: true }); return; }
      if (s.startsWith('44')) { process.send({ error: `flooder ${i} refused: ${s}` }); return; }
      received++;
    });
    ws.on('error', (e) => process.send({ error: `flooder ${i}: ${e.message}` }));
    sockets.push(ws);
  }
  const timers = [];
  process.on('message', (m) => {
    if (m.start) {
      flooding = true;
      sockets.forEach((ws, i) => {
        const startIn = (33 * i) / opts.flooders; // spread over one interval
        timers.push(setTimeout(() => {
          timers.push(setInterval(() => {
            if (flooding && ws.readyState === 1) {
              ws.send(`42${JSON.stringify(['cursor:update', { x: since(), y: i }])}`);
            }
          }, 1000 / 30));
          let n = 0;
          timers.push(setInterval(() => {
            if (flooding && ws.readyState === 1) {
              ws.send(`42${JSON.stringify(['tool:change', { tool: `t${n++}` }])}`);
              process.send({ tool: 1 });
            }
          }, 2000));
        }, startIn));
      });
    }
    if (m.mark) process.send({ marked: received });
    if (m.stop) {
      flooding = false;
      timers.forEach((t) => { clearTimeout(t); clearInterval(t); });
      process.send({ stopped: true, received });
    }
    if (m.exit) {
      // Only after the member's drain: a socket closed with unread data is reset, and the server
      // would drop what it had not read yet from it, counting as lost what was only late.
      sockets.forEach((ws) => ws.close());
      setTimeout(() => process.exit(0), 1000);
    }
  });
}

// ------------------------------------------------------------------ the legitimate member

function healthOnce() {
  return new Promise((resolve) => {
    const t = process.hrtime.bigint();
    const req = http.get(`${opts.url}/health`, { agent: false, timeout: 10000 }, (res) => {
      res.resume();
      res.on('end', () => resolve(Number(process.hrtime.bigint() - t) / 1e6));
    });
    req.on('error', () => resolve(null));
    req.on('timeout', () => { req.destroy(); resolve(null); });
  });
}

function healthBody() {
  return new Promise((resolve) => {
    http.get(`${opts.url}/health`, { agent: false }, (res) => {
      let body = '';
      res.on('data', (c) => { body += c; });
      res.on('end', () => { try { resolve(JSON.parse(body)); } catch (e) { resolve(null); } });
    }).on('error', () => resolve(null));
  });
}

function postEmit(seq) {
  return new Promise((resolve) => {
    const body = JSON.stringify({ event: 'bench:server', data: { seq }, groupId: opts.group });
    const req = http.request(`${opts.url}/api/realtime/test`, {
      method: 'POST', agent: false,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${opts.serviceKey}` },
    }, (res) => { res.resume(); res.on('end', () => resolve(res.statusCode === 200)); });
    req.on('error', () => resolve(false));
    req.end(body);
  });
}

async function connect(sub) {
  const { io } = require('socket.io-client');
  const s = io(opts.url, { auth: { token: token(sub) }, transports: ['websocket'], forceNew: true, reconnection: false });
  await new Promise((resolve, reject) => { s.once('connect', resolve); s.once('connect_error', reject); });
  const ack = await s.timeout(10000).emitWithAck('group:join', { groupId: opts.group });
  if (!ack.ok) throw new Error(`join refused: ${JSON.stringify(ack)}`);
  return s;
}

async function memberRole() {
  const me = await connect('legit-member');
  const speaker = await connect('legit-speaker');
  const ages = [];
  const gaps = [];
  const lastAt = new Map();
  let measuring = false;
  let cursors = 0;
  const seen = { notes: new Set(), server: new Set(), tools: 0 };
  me.on('user:cursor:updated', (p) => {
    const now = Date.now();
    if (!measuring) return;
    cursors++;
    ages.push(now - opts.t0 - p.cursor.x);
    const prev = lastAt.get(p.userId);
    if (prev !== undefined) gaps.push(now - prev);
    lastAt.set(p.userId, now);
  });
  me.on('user:tool:changed', () => { seen.tools++; });
  me.on('bench:note', (p) => seen.notes.add(p.data.seq));
  me.on('bench:server', (p) => seen.server.add(p.data.seq));

  const child = fork(__filename, [...process.argv.slice(2), '--role', 'flood', '--t0', String(opts.t0), '--group', opts.group],
    { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  let toolsSent = 0;
  let floodReceived = null;
  const errors = [];
  const ready = new Promise((resolve) => child.on('message', (m) => {
    if (m.ready) resolve();
    if (m.tool) toolsSent += m.tool;
    if (m.error && errors.length < 5) errors.push(m.error);
    if (m.stopped) floodReceived = m.received;
    if (m.marked !== undefined && markWaiter) { markWaiter(m.marked); markWaiter = null; }
  }));
  let markWaiter = null;
  const mark = () => new Promise((resolve) => { markWaiter = resolve; child.send({ mark: true }); });
  await Promise.race([ready, sleep(60000)]);
  if (errors.length) throw new Error(errors.join('; '));

  let notesSent = 0;
  let serverSent = 0;
  let serverAccepted = 0;
  const health = [];
  let healthFailed = 0;
  let running = true;
  child.send({ start: true });
  const noteTimer = setInterval(() => speaker.emit('event:emit', { event: 'bench:note', data: { seq: notesSent++ } }), 100);
  const serverTimer = setInterval(() => { postEmit(serverSent++).then((ok) => { if (ok) serverAccepted++; }); }, 200);
  const healthLoop = (async () => {
    while (running) {
      const inWindow = measuring; // a request started in the window counts, however late its answer
      const ms = await healthOnce();
      if (inWindow) { if (ms === null) healthFailed++; else health.push(ms); }
      await sleep(100);
    }
  })();

  await sleep(opts.warmup * 1000);
  measuring = true;
  const floodAt0 = await mark();
  const cursorsAt0 = cursors;
  const sched0 = opts.serverPid ? schedSeconds(opts.serverPid) : null;
  const cpu0 = { server: opts.serverPid ? cpuSeconds(opts.serverPid) : null, member: process.cpuUsage(), flood: cpuSeconds(child.pid) };
  const t0 = Date.now();
  await sleep(opts.seconds * 1000);
  const elapsed = (Date.now() - t0) / 1000;
  const cpu1 = { server: opts.serverPid ? cpuSeconds(opts.serverPid) : null, member: process.cpuUsage(cpu0.member), flood: cpuSeconds(child.pid) };
  const sched1 = opts.serverPid ? schedSeconds(opts.serverPid) : null;
  const cursorsInWindow = cursors - cursorsAt0;
  const floodInWindow = (await mark()) - floodAt0;
  measuring = false;
  clearInterval(noteTimer);
  clearInterval(serverTimer);
  child.send({ stop: true });
  running = false;
  await healthLoop;
  // Late is not lost: wait until nothing more arrives for a few seconds (at most a minute).
  const arrived = () => seen.tools + seen.notes.size + seen.server.size;
  const drainStart = Date.now();
  let last = -1;
  let quietSince = Date.now();
  while (Date.now() - drainStart < 60000 && Date.now() - quietSince < opts.drain * 1000) {
    await sleep(250);
    if (arrived() !== last) { last = arrived(); quietSince = Date.now(); }
  }
  const drainSeconds = (Date.now() - drainStart) / 1000;
  child.send({ exit: true });
  const serverHealth = await healthBody();
  ages.sort((a, b) => a - b);
  gaps.sort((a, b) => a - b);
  health.sort((a, b) => a - b);
  const r = {
    flooders: opts.flooders,
    seconds: elapsed,
    cursorsReceivedPerSecond: Math.round(cursors / elapsed),
    cursorAgeP50: percentile(ages, 50), cursorAgeP99: percentile(ages, 99), cursorAgeMax: ages.length ? ages[ages.length - 1] : null,
    cursorGapP50: percentile(gaps, 50), cursorGapP99: percentile(gaps, 99),
    floodersHeard: lastAt.size,
    toolChanges: { sent: toolsSent, received: seen.tools },
    notes: { sent: notesSent, received: seen.notes.size },
    serverEmits: { sent: serverAccepted, received: seen.server.size },
    healthP50: percentile(health, 50), healthP99: percentile(health, 99), healthMax: health.length ? health[health.length - 1] : null,
    healthFailed,
    healthSamples: health.length,
    drainSeconds,
    floodReceivedPerSecond: floodReceived === null ? null : Math.round(floodReceived / (elapsed + opts.warmup)),
    cpu: {
      server: cpu0.server === null ? null : (cpu1.server - cpu0.server) / elapsed,
      flooders: cpu0.flood === null ? null : (cpu1.flood - cpu0.flood) / elapsed,
      member: (cpu1.member.user + cpu1.member.system) / 1e6 / elapsed,
    },
  };
  // Messages the server delivered in the window (to the flooders and the member), and what each cost it.
  r.deliveredPerSecond = Math.round((floodInWindow + cursorsInWindow) / elapsed);
  r.serverCpuMicrosPerDelivered = cpu0.server === null || !(floodInWindow + cursorsInWindow) ? null
    : ((cpu1.server - cpu0.server) * 1e6) / (floodInWindow + cursorsInWindow);
  r.serverSched = sched0 && sched1 ? {
    runCores: (sched1.run - sched0.run) / elapsed,
    waitCores: (sched1.wait - sched0.wait) / elapsed,
  } : null;
  r.serverCounters = serverHealth && { rateLimited: serverHealth.rateLimited, fanout: serverHealth.fanout,
    refused: serverHealth.handshakes && serverHealth.handshakes.refused };
  r.nonCursorLost = (r.toolChanges.sent - r.toolChanges.received) + (r.notes.sent - r.notes.received)
    + (r.serverEmits.sent - r.serverEmits.received);
  process.stdout.write(JSON.stringify(r) + '\n');
  me.close();
  speaker.close();
  process.exit(0);
}

if (opts.role === 'flood') {
  floodRole();
} else {
  memberRole().catch((e) => { process.stdout.write(JSON.stringify({ error: String(e && e.message) }) + '\n'); process.exit(1); });
}
