'use strict';
// The attacks of issue #13 against a running `serve`, with raw Engine.IO/Socket.IO packets as an
// attacker sends them (no socket.io client in between): forged and odd tokens, every CONNECT
// without a token, transport limits, and connections that never complete the handshake. Writes
// its counts as one Markdown section between markers in the report file, leaving the rest alone.
//
//   node attack.js --url URL --secret-file F --service-key-file F --log SERVE_LOG
//                  --deadline-ms MS [--silent N] [--report FILE]
//
// bench/attacks.sh starts the server, runs this and stops the server.

const fs = require('fs');
const http = require('http');
const WebSocket = require('ws');
const jwt = require('jsonwebtoken');

const args = {};
for (let i = 2; i < process.argv.length; i += 2) args[process.argv[i].replace(/^--/, '')] = process.argv[i + 1];
const base = new URL(args.url);
const secret = fs.readFileSync(args['secret-file'], 'utf8').trim();
const serviceKey = fs.readFileSync(args['service-key-file'], 'utf8').trim();
const deadlineMs = Number(args['deadline-ms']);
const silentCount = Number(args.silent || 300);
const tokensUsed = [];
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function mint(claims, opts = {}) {
  const now = Math.floor(Date.now() / 1000);
  const body = { sub: 'attacker', aud: 'authenticated', iat: now, exp: now + 600, ...claims };
  for (const k of Object.keys(body)) if (body[k] === undefined) delete body[k];
  const t = jwt.sign(body, opts.secret || secret, { algorithm: 'HS256' }); // keeps the iat given
  tokensUsed.push(t);
  return t;
}

function request(method, path, { body, headers = {} } = {}) {
  return new Promise((resolve) => {
    const req = http.request({ host: base.hostname, port: base.port, method, path, headers, agent: false }, (res) => {
      let data = '';
      res.on('data', (c) => (data += c));
      res.on('end', () => resolve({ status: res.statusCode, type: res.headers['content-type'] || '', body: data }));
    });
    req.on('error', (e) => resolve({ status: 0, body: String(e) }));
    if (body !== undefined) req.write(body);
    req.end();
  });
}

async function health() {
  return JSON.parse((await request('GET', '/health')).body);
}

/** One websocket: sends `packets` after the open packet; resolves with what came back within `waitMs`. */
function wsSession(packets, { waitMs = 1500, after = [] } = {}) {
  return new Promise((resolve) => {
    const ws = new WebSocket(`ws://${base.host}/socket.io/?EIO=4&transport=websocket`);
    const frames = [];
    let closeCode = 0;
    const done = () => { try { ws.terminate(); } catch (e) { /* gone */ } resolve({ frames, closeCode }); };
    ws.on('message', (data, binary) => {
      const text = binary ? '' : data.toString();
      frames.push(text);
      if (text.startsWith('0{')) {
        for (const p of packets) ws.send(p);
        setTimeout(() => { if (ws.readyState === WebSocket.OPEN) for (const p of after) ws.send(p); }, 300);
        setTimeout(done, waitMs);
      } else if (text === '2') ws.send('3');
    });
    ws.on('close', (code) => { closeCode = code; done(); });
    ws.on('error', () => { closeCode = closeCode || -1; done(); });
  });
}

async function pollingSession(payload) {
  const open = await request('GET', '/socket.io/?EIO=4&transport=polling');
  const sid = JSON.parse(open.body.slice(1)).sid;
  const path = `/socket.io/?EIO=4&transport=polling&sid=${sid}`;
  await request('POST', path, { body: payload });
  const reply = await request('GET', path);
  return { frames: reply.body.split('\x1e'), sid };
}

const admittedIn = (frames) => frames.some((f) => /^4\d*(\/[^,]*,)?0\{"sid"/.test(f) || f.startsWith('40{"sid"'));
const refusalCode = (frames) => {
  const f = frames.find((x) => /^44/.test(x));
  if (!f) return null;
  try { const o = JSON.parse(f.replace(/^44(\/[^,]*,)?/, '')); return (o.data && o.data.code) || o.message; } catch (e) { return 'unparsed'; }
};
const actedIn = (frames) => frames.some((f) => /^43\d+\[\{"ok":true/.test(f));

const results = { tokens: [], handshakes: [], limits: [] };

async function tokens() {
  const now = Math.floor(Date.now() / 1000);
  const far = 253402300799; // 9999-12-31
  const cases = [
    ['valid token (control)', mint({}), 'admit'],
    ['expired', mint({ exp: now - 60 }), 'refuse'],
    ['exp in year 9999', mint({ exp: far }), 'admit'],
    ['exp 1e17', mint({ exp: 1e17 }), 'admit'],
    ['nbf one hour ahead', mint({ nbf: now + 3600 }), 'refuse'],
    ['iat one hour ahead', mint({ iat: now + 3600 }), 'refuse'],
    ['sub empty', mint({ sub: '' }), 'refuse'],
    ['sub missing', mint({ sub: undefined }), 'refuse'],
    ['sub a number', mint({ sub: 42 }), 'refuse'],
    ['wrong audience', mint({ aud: 'anon' }), 'refuse'],
    ['signed with another secret', mint({}, { secret: 'another-secret-another-secret-123' }), 'refuse'],
    ['alg none', (() => { const t = mint({}).split('.'); return Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url') + '.' + t[1] + '.'; })(), 'refuse'],
    ['claims changed, signature kept', (() => { const t = mint({}).split('.'); const c = JSON.parse(Buffer.from(t[1], 'base64url')); c.sub = 'admin'; return t[0] + '.' + Buffer.from(JSON.stringify(c)).toString('base64url') + '.' + t[2]; })(), 'refuse'],
    ['not a JWT', 'garbage.garbage', 'refuse'],
  ];
  for (const [name, token, expect] of cases) {
    const join = '421["group:join",{"groupId":"attack"}]';
    const r = await wsSession([`40${JSON.stringify({ token })}`], { after: [join] });
    const admitted = admittedIn(r.frames);
    results.tokens.push({ name, expect, admitted, code: refusalCode(r.frames), acted: !admitted && actedIn(r.frames) });
  }
}

async function handshakes() {
  const join = '421["group:join",{"groupId":"attack"}]';
  const pad = 'x'.repeat(4096);
  const ws = ['40', '40null', '40[]', '40"str"', '40 ', '40{}', '40{"token":null}', '40{"token":42}', '40/admin,null', '40/admin,', '40/nope,{}'];
  for (const p of ws) {
    const r = await wsSession([p], { after: [join] });
    results.handshakes.push({ name: `websocket \`${p}\``, admitted: admittedIn(r.frames), acted: actedIn(r.frames), code: refusalCode(r.frames) || (r.closeCode ? `closed ${r.closeCode}` : 'none') });
  }
  const polls = [
    ['polling `40`', '40'],
    ['polling `40null`', '40null'],
    ['polling 4 KiB payload with a bare `40` among pings', ['3', `42["x","${pad}"]`, '40', '3'].join('\x1e')],
    ['polling 4 KiB payload with `40null` then an event', [`42["x","${pad}"]`, '40null', join].join('\x1e')],
  ];
  for (const [name, payload] of polls) {
    const r = await pollingSession(payload);
    results.handshakes.push({ name, admitted: admittedIn(r.frames), acted: actedIn(r.frames), code: refusalCode(r.frames) || 'none' });
  }
}

function rawHttp(head, bodyBytes, chunked) {
  return new Promise((resolve) => {
    const s = require('net').connect(Number(base.port), base.hostname);
    let data = '';
    s.on('data', (c) => (data += c));
    s.on('error', () => {});
    s.on('close', () => resolve(data));
    s.write(head);
    const chunk = Buffer.alloc(8192, 'x');
    (async () => {
      for (let sent = 0; sent < bodyBytes && !s.destroyed; sent += chunk.length) {
        if (chunked) s.write(chunk.length.toString(16) + '\r\n');
        if (!s.write(chunk)) await new Promise((r) => s.once('drain', r).once('close', r));
        if (chunked) s.write('\r\n');
      }
      if (chunked && !s.destroyed) s.write('0\r\n\r\n');
    })();
    setTimeout(() => s.destroy(), 10000);
  });
}

async function limits() {
  const is413 = (r) => r.startsWith('HTTP/1.1 413') && r.includes('application/json') && r.includes('"ok":false');
  const api = 'POST /api/realtime/test HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n';
  const poll = 'POST /socket.io/?EIO=4&transport=polling&sid=x HTTP/1.1\r\nHost: x\r\n';
  const cases = [
    ['HTTP API body of 70 KB', api + 'Content-Length: 71680\r\n\r\n', 71680, false],
    ['HTTP API body of 100 MB announced (64 KiB sent)', api + 'Content-Length: 104857600\r\n\r\n', 65536, false],
    ['HTTP API chunked body of 200 KB', api + 'Transfer-Encoding: chunked\r\n\r\n', 204800, true],
    ['polling POST of 70 KB', poll + 'Content-Length: 71680\r\n\r\n', 71680, false],
    ['polling POST of 100 MB announced (64 KiB sent)', poll + 'Content-Length: 104857600\r\n\r\n', 65536, false],
  ];
  for (const [name, head, n, chunked] of cases) {
    const r = await rawHttp(head, n, chunked);
    results.limits.push({ name, expected: '413 with a JSON error', got: r.split('\r\n')[0] || '(nothing)', ok: is413(r) });
  }
  const token = mint({ sub: 'limits' });
  const big = await wsSession([`40${JSON.stringify({ token })}`], { after: [`42["event:emit",{"event":"x","data":"${'x'.repeat(70 * 1024)}"}]`], waitMs: 3000 });
  results.limits.push({ name: 'websocket frame of 70 KB', expected: 'close 1009', got: `close ${big.closeCode}`, ok: big.closeCode === 1009 });
  const ack = await wsSession([`40${JSON.stringify({ token: mint({ sub: 'acks' }) })}`], { after: ['429007199254740993["heartbeat",{"ts":1}]'], waitMs: 3000 });
  const wrapped = ack.frames.some((f) => /^43-|^431\[/.test(f));
  results.limits.push({ name: 'ack id 2^53 + 1', expected: 'refused as malformed (close 1002), never wrapped', got: `close ${ack.closeCode}${wrapped ? ', wrapped ack' : ''}`, ok: ack.closeCode === 1002 && !wrapped });
}

async function silent() {
  const before = await health();
  const sockets = [];
  const firstOpen = Date.now();
  // The server starts a session's deadline when it has read its open request, and /health counts it
  // as pending from then until it is admitted or its deadline passes. So the count is read as soon as
  // every connection has had its Engine.IO open packet, before the first deadline can pass: read
  // later (this run once read it 1 s after a few seconds of sequential polling opens, past the 3 s
  // deadline of the first websockets), it counts only those whose deadline has not passed yet.
  const opened = [];
  for (let i = 0; i < silentCount; i++) {
    const ws = new WebSocket(`ws://${base.host}/socket.io/?EIO=4&transport=websocket`);
    const s = { code: 0, opened: false };
    opened.push(new Promise((resolve) => {
      ws.on('message', (d) => { if (String(d).startsWith('0{')) { s.opened = true; resolve(); } });
      ws.on('close', resolve);
    }));
    ws.on('close', (c) => (s.code = c));
    ws.on('error', () => {});
    sockets.push(s);
  }
  // The polling opens in parallel too: one after the other they took longer than the deadline.
  const sids = (await Promise.all(Array.from({ length: silentCount / 2 },
    () => request('GET', '/socket.io/?EIO=4&transport=polling'))))
    .map((open) => { try { return JSON.parse(open.body.slice(1)).sid; } catch (e) { return null; } })
    .filter(Boolean);
  await Promise.all(opened);
  const allOpenedMs = Date.now() - firstOpen;
  const during = await health();
  const countedMs = Date.now() - firstOpen;
  await sleep(deadlineMs + 3000);
  // On a loaded machine the server may still be closing: wait for every close (at most a minute).
  for (let waited = 0; waited < 60000 && sockets.some((s) => s.code === 0); waited += 500) await sleep(500);
  const after = await health();
  let pollsRefused = 0;
  for (const sid of sids) if ((await request('GET', `/socket.io/?EIO=4&transport=polling&sid=${sid}`)).status >= 400) pollsRefused++;
  return {
    websockets: silentCount, polling: sids.length,
    pendingDuring: during.handshakes.pending, pendingAfter: after.handshakes.pending, allOpenedMs, countedMs,
    unreadDuring: during.handshakes.unread,
    closedUnread: (after.handshakes.closedUnread || 0) - (before.handshakes.closedUnread || 0),
    closedBeforeOpen: sockets.filter((s) => !s.opened).length,
    closed1008: sockets.filter((s) => s.code === 1008).length, pollsRefused,
    timedOut: after.handshakes.timedOut - before.handshakes.timedOut,
    connectionsAfter: after.connections,
  };
}

function section(s, scan, finalHealth) {
  const yes = (b) => (b ? 'yes' : 'no');
  const lines = [];
  lines.push('## Attacks on `serve` (issue #13), raw packets');
  lines.push('');
  lines.push('Regenerated by `bash bench/attacks.sh`: a real `serve` process (handshake timeout ' + deadlineMs / 1000 + ' s,');
  lines.push('DEBUG logging) attacked by `src/interop/attack.js` with raw Engine.IO/Socket.IO packets. Run ' + new Date().toISOString().slice(0, 10) + '.');
  lines.push('');
  lines.push('| token | expected | admitted | refusal code | acted after refusal |');
  lines.push('| --- | --- | --- | --- | --- |');
  for (const t of results.tokens) lines.push(`| ${t.name} | ${t.expect} | ${yes(t.admitted)} | ${t.code || '—'} | ${yes(t.acted)} |`);
  lines.push('');
  lines.push('| CONNECT without a token | admitted | acted | answer |');
  lines.push('| --- | --- | --- | --- |');
  for (const h of results.handshakes) lines.push(`| ${h.name} | ${yes(h.admitted)} | ${yes(h.acted)} | ${h.code} |`);
  lines.push('');
  lines.push('| limit | expected | got |');
  lines.push('| --- | --- | --- |');
  for (const l of results.limits) lines.push(`| ${l.name} | ${l.expected} | ${l.got}${l.ok ? '' : ' **(wrong)**'} |`);
  lines.push('');
  const wrongTokens = results.tokens.filter((t) => (t.expect === 'admit') !== t.admitted).length;
  const noAuth = results.handshakes.filter((h) => h.admitted || h.acted).length + results.tokens.filter((t) => t.expect === 'refuse' && (t.admitted || t.acted)).length;
  lines.push('| count | value |');
  lines.push('| --- | --- |');
  lines.push(`| token attacks | ${results.tokens.length - 1} (+1 valid control) |`);
  lines.push(`| CONNECT variants without a token | ${results.handshakes.length} |`);
  lines.push(`| limit attacks | ${results.limits.length}, ${results.limits.filter((l) => l.ok).length} answered as expected |`);
  lines.push(`| silent connections (never send CONNECT) | ${s.websockets} websocket + ${s.polling} polling; pending in /health once all had opened or closed: ${s.pendingDuring}, accepted and not read yet: ${s.unreadDuring} (all opened ${s.allOpenedMs} ms after the first, counted at ${s.countedMs} ms; deadline ${deadlineMs} ms${s.countedMs >= deadlineMs ? ': counted after the first deadlines, so fewer' : ''}); after the timeout: ${s.pendingAfter}; websockets closed before their open packet: ${s.closedBeforeOpen}, connections closed before the server read anything (/health \`closedUnread\`; netty-socketio closes one it has not read within 5 s): ${s.closedUnread}; websockets closed with 1008: ${s.closed1008}; polling sessions refused afterwards: ${s.pollsRefused}; counted timedOut: ${s.timedOut} |`);
  lines.push(`| tokens outside their expected outcome | ${wrongTokens} |`);
  lines.push(`| **admitted or acting without a valid token** | **${noAuth}** |`);
  const growth = s.pendingAfter + finalHealth.connections + finalHealth.groups;
  lines.push(`| **unbounded growth** (pending handshakes + connections + groups left after every attacker has gone) | **${growth}** |`);
  lines.push(`| log lines of the server scanned / bytes | ${scan.lines} / ${scan.bytes} |`);
  lines.push(`| secrets looked for (JWT secret, service key, ${tokensUsed.length} tokens) | ${tokensUsed.length + 2} |`);
  lines.push(`| **secrets found in the server's log** | **${scan.found}** |`);
  return lines.join('\n');
}

function writeSection(file, text) {
  const begin = '<!-- attacks:begin (bench/attacks.sh) -->';
  const end = '<!-- attacks:end -->';
  const old = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  const block = `${begin}\n${text}\n${end}`;
  const i = old.indexOf(begin);
  const j = old.indexOf(end);
  const next = i >= 0 && j > i ? old.slice(0, i) + block + old.slice(j + end.length) : old.replace(/\s*$/, '\n\n') + block + '\n';
  fs.writeFileSync(file, next);
}

(async () => {
  await tokens();
  await handshakes();
  await limits();
  const s = await silent();
  await sleep(1000);
  const finalHealth = await health();
  const log = fs.readFileSync(args.log, 'utf8');
  const found = [secret, serviceKey, ...tokensUsed].filter((x) => x.length >= 8 && log.includes(x)).length;
  const text = section(s, { lines: log.split('\n').length, bytes: log.length, found }, finalHealth);
  if (args.report) writeSection(args.report, text);
  process.stdout.write(text + '\n');
})().catch((e) => { console.error(e); process.exit(1); });
