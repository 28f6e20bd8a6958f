'use strict';
// Conformance suite for shared/protocol.md, driven by the official socket.io-client 4.
// Runs against any StudyCollab server; our Java server and the reference server must both pass.
//
//   node conformance.js --url http://127.0.0.1:PORT --secret JWT_SECRET --service-key KEY
//                       [--inactivity-ms N] [--only substring]
//
// Prints one line per scenario and ends with "N passed, N failed"; exits 1 if any failed.

const { io } = require('socket.io-client');
const jwt = require('jsonwebtoken');
const http = require('http');

function parseArgs(argv) {
  const o = { url: null, secret: null, serviceKey: null, inactivityMs: 0, only: null };
  for (let i = 2; i < argv.length; i += 2) {
    const v = argv[i + 1];
    switch (argv[i]) {
      case '--url': o.url = v; break;
      case '--secret': o.secret = v; break;
      case '--service-key': o.serviceKey = v; break;
      case '--inactivity-ms': o.inactivityMs = Number(v); break;
      case '--only': o.only = v; break;
      default:
        process.stderr.write(`unknown flag ${argv[i]}\n`);
        process.exit(2);
    }
  }
  if (!o.url || !o.secret || !o.serviceKey) {
    process.stderr.write('usage: node conformance.js --url URL --secret S --service-key K [--inactivity-ms N]\n');
    process.exit(2);
  }
  return o;
}

const opts = parseArgs(process.argv);
const sockets = new Set();
let uniq = 0;

function b64(obj) {
  return Buffer.from(JSON.stringify(obj)).toString('base64url');
}

function token({ sub = `user-${++uniq}`, name, ttl = 3600, aud = 'authenticated', groups, secret = opts.secret,
  algorithm = 'HS256', noSub = false } = {}) {
  const payload = { aud, role: 'authenticated', user_metadata: { full_name: name || sub } };
  if (!noSub) payload.sub = sub;
  if (groups) payload.app_metadata = { groups };
  payload.exp = Math.floor(Date.now() / 1000) + ttl;
  if (algorithm === 'none') return `${b64({ alg: 'none', typ: 'JWT' })}.${b64(payload)}.`;
  return jwt.sign(payload, secret, { algorithm, noTimestamp: false });
}

function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`timeout waiting for ${what}`)), ms); }),
  ]).finally(() => clearTimeout(timer));
}

// Connects and resolves { socket, established } or rejects with the connect_error.
function connect(tok, { transports = ['websocket'], noAuth = false } = {}) {
  const socket = io(opts.url, {
    transports, forceNew: true, reconnection: false, timeout: 5000,
    ...(noAuth ? {} : { auth: { token: tok } }),
  });
  sockets.add(socket);
  socket.log = [];
  socket.onAny((event, ...args) => socket.log.push([event, args[0]]));
  return withTimeout(new Promise((resolve, reject) => {
    let established = null;
    socket.once('connection:established', (p) => {
      established = p;
      if (socket.connected) resolve({ socket, established });
    });
    socket.once('connect', () => {
      if (established) resolve({ socket, established });
    });
    socket.once('connect_error', (err) => {
      socket.close();
      reject(err);
    });
  }), 8000, 'connect');
}

function next(socket, event, ms = 4000, predicate = () => true) {
  const seen = socket.log.find(([e, p]) => e === event && predicate(p) && !p.__consumed);
  if (seen) {
    if (seen[1] && typeof seen[1] === 'object') Object.defineProperty(seen[1], '__consumed', { value: true });
    return Promise.resolve(seen[1]);
  }
  return withTimeout(new Promise((resolve) => {
    const handler = (p) => {
      if (!predicate(p)) return;
      socket.off(event, handler);
      if (p && typeof p === 'object') Object.defineProperty(p, '__consumed', { value: true });
      resolve(p);
    };
    socket.on(event, handler);
  }), ms, event);
}

function never(socket, event, ms = 400, predicate = () => true) {
  return new Promise((resolve, reject) => {
    const already = socket.log.find(([e, p]) => e === event && predicate(p));
    if (already) return reject(new Error(`unexpected ${event}: ${JSON.stringify(already[1])}`));
    const handler = (p) => {
      if (predicate(p)) reject(new Error(`unexpected ${event}: ${JSON.stringify(p)}`));
    };
    socket.on(event, handler);
    setTimeout(() => { socket.off(event, handler); resolve(); }, ms);
  });
}

function ack(socket, event, payload, ms = 4000) {
  return withTimeout(socket.emitWithAck(event, payload), ms, `ack of ${event}`);
}

function request(method, path, { body, key } = {}) {
  const url = new URL(path, opts.url);
  return new Promise((resolve, reject) => {
    const req = http.request(url, {
      method,
      headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
    }, (res) => {
      let text = '';
      res.on('data', (c) => { text += c; });
      res.on('end', () => {
        let json = null;
        try { json = JSON.parse(text); } catch (e) { /* not JSON */ }
        resolve({ status: res.statusCode, body: json, text });
      });
    });
    req.on('error', reject);
    if (body !== undefined) req.write(typeof body === 'string' ? body : JSON.stringify(body));
    req.end();
  });
}

function eq(actual, expected, what) {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  if (a !== e) throw new Error(`${what}: expected ${e}, got ${a}`);
}

function ok(cond, what) {
  if (!cond) throw new Error(what);
}

function isIso(s) {
  return typeof s === 'string' && !Number.isNaN(Date.parse(s)) && s.endsWith('Z');
}

function checkPresence(u, what) {
  ok(u && typeof u === 'object', `${what}: UserPresence object`);
  for (const k of ['userId', 'displayName', 'groupId', 'lastSeen']) ok(typeof u[k] === 'string', `${what}.${k} string`);
  ok('avatarUrl' in u, `${what}.avatarUrl present`);
  ok('cursor' in u, `${what}.cursor present`);
  ok('currentTool' in u, `${what}.currentTool present`);
  ok(typeof u.isActive === 'boolean', `${what}.isActive boolean`);
  ok(isIso(u.lastSeen), `${what}.lastSeen ISO`);
}

async function refused(tok, code, transports, extra = {}) {
  try {
    const { socket } = await connect(tok, { transports, ...extra });
    socket.close();
  } catch (err) {
    eq(err.message, code, 'connect_error.message');
    ok(err.data && err.data.code === code, `connect_error.data.code should be ${code}: ${JSON.stringify(err.data)}`);
    ok(typeof err.data.message === 'string' && err.data.message.length > 0, 'connect_error.data.message');
    return;
  }
  throw new Error(`connected, expected refusal ${code}`);
}

async function pair(group, transports = ['websocket']) {
  const a = await connect(token({ name: 'Ada' }), { transports });
  const b = await connect(token({ name: 'Bob' }), { transports });
  await ack(a.socket, 'group:join', { groupId: group });
  await ack(b.socket, 'group:join', { groupId: group });
  await next(a.socket, 'user:joined');
  return { a: a.socket, b: b.socket, aId: a.established.userId, bId: b.established.userId };
}

async function expectInvalid(socket, event, payload, code = 'INVALID_PAYLOAD') {
  const reply = await ack(socket, event, payload);
  eq(reply.ok, false, `${event} ${JSON.stringify(payload)?.slice(0, 60)} ok`);
  eq(reply.error && reply.error.code, code, `${event} error.code`);
  ok(typeof reply.error.message === 'string', 'error.message');
  const err = await next(socket, 'connection:error', 4000, (p) => p.code === code && p.event === event);
  ok(typeof err.message === 'string', 'connection:error.message');
}

const tests = [];
function test(name, fn) {
  tests.push({ name, fn });
}

test('health answers without auth', async () => {
  const r = await request('GET', '/health');
  eq(r.status, 200, 'status');
  eq(r.body.status, 'ok', 'body.status');
  ok(Number.isInteger(r.body.connections) && Number.isInteger(r.body.groups), 'connections and groups are integers');
});

for (const transports of [['websocket'], ['polling']]) {
  const t = transports[0];
  test(`[${t}] no auth at all is refused with AUTH_MISSING`, () => refused(null, 'AUTH_MISSING', transports, { noAuth: true }));
  test(`[${t}] empty token is refused with AUTH_MISSING`, () => refused('', 'AUTH_MISSING', transports));
  test(`[${t}] bad signature is AUTH_INVALID`, () => refused(token({ secret: 'another-secret-that-is-long-enough-0123456789' }), 'AUTH_INVALID', transports));
  test(`[${t}] expired token is AUTH_EXPIRED`, () => refused(token({ ttl: -30 }), 'AUTH_EXPIRED', transports));
  test(`[${t}] alg none is AUTH_INVALID`, () => refused(token({ algorithm: 'none' }), 'AUTH_INVALID', transports));
  test(`[${t}] another algorithm (HS384) is AUTH_INVALID`, () => refused(token({ algorithm: 'HS384' }), 'AUTH_INVALID', transports));
  test(`[${t}] wrong audience is AUTH_INVALID`, () => refused(token({ aud: 'anon' }), 'AUTH_INVALID', transports));
  test(`[${t}] missing sub is AUTH_INVALID`, () => refused(token({ noSub: true }), 'AUTH_INVALID', transports));
  test(`[${t}] garbage token is AUTH_INVALID`, () => refused('not.a.jwt', 'AUTH_INVALID', transports));

  test(`[${t}] connection:established greets a valid token`, async () => {
    const sub = `greet-${t}`;
    const { socket, established: e } = await connect(token({ sub, name: 'Grace Hopper' }), { transports });
    eq(e.userId, sub, 'userId');
    eq(e.displayName, 'Grace Hopper', 'displayName');
    ok(typeof e.socketId === 'string' && e.socketId.length > 0, 'socketId');
    ok(isIso(e.serverTime), 'serverTime ISO');
    ok(isIso(e.tokenExpiresAt), 'tokenExpiresAt ISO');
    ok(Number.isFinite(e.heartbeatIntervalMs) && e.heartbeatIntervalMs > 0, 'heartbeatIntervalMs');
    socket.close();
  });

  test(`[${t}] join, presence, cursor, tool, heartbeat, custom event, leave`, async () => {
    const group = `conf-${t}-${uniq++}`;
    const a = await connect(token({ name: 'Ada' }), { transports });
    const joined = await ack(a.socket, 'group:join', { groupId: group });
    eq(joined.ok, true, 'join ok');
    eq(joined.groupId, group, 'join ack groupId');
    eq(joined.members.length, 1, 'members');
    checkPresence(joined.members[0], 'members[0]');
    const gj = await next(a.socket, 'group:joined');
    eq(gj.groupId, group, 'group:joined.groupId');

    const b = await connect(token({ name: 'Bob' }), { transports });
    const bJoin = await ack(b.socket, 'group:join', { groupId: group });
    eq(bJoin.members.length, 2, 'second join sees two members');
    const uj = await next(a.socket, 'user:joined');
    eq(uj.groupId, group, 'user:joined.groupId');
    eq(uj.user.userId, b.established.userId, 'user:joined.user.userId');
    checkPresence(uj.user, 'user:joined.user');
    await never(b.socket, 'user:joined', 200);

    const pu = await ack(b.socket, 'presence:update', { isActive: false, currentTool: 'pen', cursor: { x: 1, y: 2 } });
    eq(pu.ok, true, 'presence:update ok');
    const upd = await next(a.socket, 'user:presence:updated');
    eq([upd.user.isActive, upd.user.currentTool, upd.user.cursor], [false, 'pen', { x: 1, y: 2 }], 'presence fields');

    eq((await ack(b.socket, 'cursor:update', { x: 10.5, y: -20 })).ok, true, 'cursor ok');
    const cur = await next(a.socket, 'user:cursor:updated');
    eq([cur.groupId, cur.userId, cur.cursor], [group, b.established.userId, { x: 10.5, y: -20 }], 'cursor event');
    ok(Number.isFinite(cur.ts), 'cursor ts');

    eq((await ack(b.socket, 'tool:change', { tool: 'eraser' })).ok, true, 'tool ok');
    const tool = await next(a.socket, 'user:tool:changed');
    eq([tool.groupId, tool.userId, tool.tool], [group, b.established.userId, 'eraser'], 'tool event');

    const hb = await ack(b.socket, 'heartbeat', { ts: 1234567 });
    eq(hb.ok, true, 'heartbeat ok');
    const hba = await next(b.socket, 'heartbeat:ack');
    eq(hba.ts, 1234567, 'heartbeat ts echoed');
    ok(isIso(hba.serverTime), 'serverTime');

    const relayed = await ack(b.socket, 'event:emit', { event: 'quiz:answer', data: { choice: 'B', n: [1, 2] } });
    eq(relayed.ok, true, 'event:emit ok');
    eq(relayed.delivered, 1, 'delivered');
    const custom = await next(a.socket, 'quiz:answer');
    eq([custom.from, custom.groupId, custom.data], [b.established.userId, group, { choice: 'B', n: [1, 2] }], 'custom event');
    ok(Number.isFinite(custom.ts), 'custom ts');
    await never(b.socket, 'quiz:answer', 200);
    eq((await ack(b.socket, 'event:emit', { event: 'note:add', data: null, groupId: group })).ok, true, 'explicit own group');

    const pres = await ack(a.socket, 'group:presence', { groupId: group });
    eq(pres.members.length, 2, 'presence members');
    const gp = await next(a.socket, 'group:presence');
    eq(gp.members.length, 2, 'group:presence members');

    const left = await ack(b.socket, 'group:leave', { groupId: group });
    eq([left.ok, left.groupId], [true, group], 'leave ack');
    eq((await next(b.socket, 'group:left')).groupId, group, 'group:left');
    const ul = await next(a.socket, 'user:left');
    eq([ul.groupId, ul.userId, ul.reason], [group, b.established.userId, 'left'], 'user:left');

    b.socket.close();
    a.socket.close();
  });
}

test('joining another group leaves the current one', async () => {
  const { a, b, bId } = await pair(`move-${uniq++}`);
  const target = `move-target-${uniq++}`;
  const j = await ack(b, 'group:join', { groupId: target });
  eq(j.groupId, target, 'joined target');
  const ul = await next(a, 'user:left');
  eq([ul.userId, ul.reason], [bId, 'left'], 'user:left for the old group');
  await next(b, 'group:left');
  a.close();
  b.close();
});

test('a user with two sockets shows once and leaves with the last', async () => {
  const group = `twice-${uniq++}`;
  const sub = `twin-${uniq++}`;
  const watcher = await connect(token({ name: 'Watcher' }));
  await ack(watcher.socket, 'group:join', { groupId: group });
  const one = await connect(token({ sub, name: 'Twin' }));
  const two = await connect(token({ sub, name: 'Twin' }));
  await ack(one.socket, 'group:join', { groupId: group });
  await next(watcher.socket, 'user:joined');
  const second = await ack(two.socket, 'group:join', { groupId: group });
  eq(second.members.filter((m) => m.userId === sub).length, 1, 'listed once');
  eq(second.members.length, 2, 'watcher and twin');
  await never(watcher.socket, 'user:joined', 300, (p) => p.user.userId === sub && p.__consumed !== true);
  one.socket.close();
  await never(watcher.socket, 'user:left', 400);
  two.socket.close();
  const ul = await next(watcher.socket, 'user:left');
  eq([ul.userId, ul.reason], [sub, 'disconnect'], 'left with the last socket');
  watcher.socket.close();
});

test('groups listed in app_metadata are enforced (FORBIDDEN)', async () => {
  const { socket } = await connect(token({ groups: ['allowed'] }));
  await expectInvalid(socket, 'group:join', { groupId: 'not-allowed' }, 'FORBIDDEN');
  eq((await ack(socket, 'group:join', { groupId: 'allowed' })).ok, true, 'allowed group');
  socket.close();
});

test('events needing a group answer NOT_IN_GROUP', async () => {
  const { socket } = await connect(token());
  await expectInvalid(socket, 'cursor:update', { x: 1, y: 1 }, 'NOT_IN_GROUP');
  await expectInvalid(socket, 'tool:change', { tool: 'pen' }, 'NOT_IN_GROUP');
  await expectInvalid(socket, 'presence:update', { isActive: true }, 'NOT_IN_GROUP');
  await expectInvalid(socket, 'event:emit', { event: 'a:b', data: 1 }, 'NOT_IN_GROUP');
  await expectInvalid(socket, 'group:leave', { groupId: 'nowhere' }, 'NOT_IN_GROUP');
  await expectInvalid(socket, 'group:presence', { groupId: 'nowhere' }, 'NOT_IN_GROUP');
  await ack(socket, 'group:join', { groupId: `ng-${uniq++}` });
  await expectInvalid(socket, 'event:emit', { event: 'a:b', data: 1, groupId: 'someone-elses' }, 'NOT_IN_GROUP');
  socket.close();
});

test('bad input gets INVALID_PAYLOAD and disturbs nobody', async () => {
  const { a, b } = await pair(`bad-${uniq++}`);
  let deep = 1;
  for (let i = 0; i < 33; i++) deep = { d: deep };
  let ok32 = 1;
  for (let i = 0; i < 31; i++) ok32 = { d: ok32 };
  const cases = [
    ['group:join', 'just a string'], ['group:join', 42], ['group:join', null], ['group:join', [1]],
    ['group:join', {}], ['group:join', { groupId: 'has spaces' }], ['group:join', { groupId: 'x'.repeat(129) }],
    ['group:join', { groupId: 5 }],
    ['cursor:update', { x: 'a', y: 1 }], ['cursor:update', { x: 1 }], ['cursor:update', { x: NaN, y: 1 }],
    ['cursor:update', { x: Infinity, y: 1 }], ['cursor:update', { x: 1000001, y: 0 }], ['cursor:update', 'left'],
    ['tool:change', { tool: '' }], ['tool:change', { tool: 'x'.repeat(33) }], ['tool:change', { tool: 7 }],
    ['tool:change', { tool: 'a\u0001b' }],
    ['presence:update', { isActive: 'yes' }], ['presence:update', { cursor: { x: 'a', y: 1 } }],
    ['presence:update', { currentTool: '' }],
    ['heartbeat', {}], ['heartbeat', { ts: 'now' }],
    ['event:emit', { event: 'Bad Name', data: 1 }], ['event:emit', { event: 'user:fake', data: 1 }],
    ['event:emit', { event: 'group:join', data: 1 }], ['event:emit', { event: 'heartbeat-x', data: 1 }],
    ['event:emit', { event: 'connection:x', data: 1 }], ['event:emit', { event: 'x'.repeat(65), data: 1 }],
    ['event:emit', { event: 'big:data', data: 'x'.repeat(17 * 1024) }], ['event:emit', { event: 'deep:data', data: deep }],
    ['event:emit', 'nope'],
    ['no:such:event', { a: 1 }], ['user:joined', { groupId: 'g' }],
  ];
  for (const [event, payload] of cases) await expectInvalid(b, event, payload);
  eq((await ack(b, 'event:emit', { event: 'deep:ok', data: ok32 })).ok, true, 'depth 32 is allowed');
  eq((await ack(b, 'event:emit', { event: 'big:ok', data: 'x'.repeat(16 * 1024 - 2) })).ok, true, '16 KiB is allowed');
  ok(b.connected && a.connected, 'both still connected');
  eq((await ack(b, 'cursor:update', { x: 5, y: 5 })).ok, true, 'b still works');
  const cur = await next(a, 'user:cursor:updated', 4000, (p) => p.cursor.x === 5);
  eq(cur.cursor, { x: 5, y: 5 }, 'a still hears b');
  a.close();
  b.close();
});

test('a packet over 64 KiB is refused by the transport; the server stays up', async () => {
  const { a, b } = await pair(`huge-${uniq++}`);
  const gone = new Promise((resolve) => b.once('disconnect', resolve));
  b.emit('event:emit', { event: 'huge:one', data: 'x'.repeat(70 * 1024) });
  const reason = await withTimeout(gone, 8000, 'disconnect of the oversized sender');
  ok(/transport|ping|parse/.test(reason), `closed by the transport (${reason})`);
  await never(a, 'huge:one', 200);
  eq((await ack(a, 'heartbeat', { ts: 1 })).ok, true, 'others unaffected');
  eq((await request('GET', '/health')).status, 200, 'server up');
  a.close();
});

test('rate limits: excess events dropped with one RATE_LIMITED a second', async () => {
  const { a, b } = await pair(`rate-${uniq++}`);
  const replies = await Promise.all(Array.from({ length: 100 }, (_, i) => ack(b, 'tool:change', { tool: `t${i}` }, 8000)));
  const limited = replies.filter((r) => !r.ok && r.error.code === 'RATE_LIMITED').length;
  ok(limited >= 50 && limited <= 65, `about 60 of 100 dropped (burst 40): ${limited}`);
  await new Promise((r) => setTimeout(r, 300));
  const errors = b.log.filter(([e, p]) => e === 'connection:error' && p.code === 'RATE_LIMITED');
  eq(errors.length, 1, 'one RATE_LIMITED error in the first second');
  eq(errors[0][1].event, 'tool:change', 'names the event');
  const cursors = await Promise.all(Array.from({ length: 60 }, (_, i) => ack(b, 'cursor:update', { x: i, y: i }, 8000)));
  const droppedCursors = cursors.filter((r) => !r.ok).length;
  // 60 sent at once against a budget of 30 with a 30 burst: about 30 dropped when they arrive
  // within a few milliseconds. Through the proxy on a loaded 2-core machine they arrived over a
  // quarter of a second and the bucket refilled meanwhile (22 dropped); never more than 32.
  ok(droppedCursors >= 15 && droppedCursors <= 32, `cursor budget 30/s: ${droppedCursors} of 60 dropped`);
  ok(b.connected, 'still connected');
  a.close();
  b.close();
});

test('token expiry disconnects with AUTH_EXPIRED and reason expired', async () => {
  const group = `exp-${uniq++}`;
  const watcher = await connect(token({ name: 'Watcher' }));
  await ack(watcher.socket, 'group:join', { groupId: group });
  const short = await connect(token({ name: 'Short', ttl: 2 }));
  await ack(short.socket, 'group:join', { groupId: group });
  const gone = new Promise((resolve) => short.socket.once('disconnect', resolve));
  const err = await next(short.socket, 'connection:error', 6000, (p) => p.code === 'AUTH_EXPIRED');
  ok(typeof err.message === 'string', 'message');
  eq(await withTimeout(gone, 4000, 'disconnect'), 'io server disconnect', 'server-side disconnect');
  const ul = await next(watcher.socket, 'user:left', 4000);
  eq([ul.userId, ul.reason], [short.established.userId, 'expired'], 'user:left reason expired');
  watcher.socket.close();
});

if (opts.inactivityMs > 0) {
  test('inactive users are swept and come back with activity', async () => {
    const { a, b, bId } = await pair(`idle-${uniq++}`);
    const keepAlive = setInterval(() => a.emit('heartbeat', { ts: Date.now() }), 200);
    try {
      const idle = await next(a, 'user:presence:updated', opts.inactivityMs * 4 + 2000,
        (p) => p.user.userId === bId && p.user.isActive === false);
      eq(idle.user.isActive, false, 'marked inactive');
      await ack(b, 'cursor:update', { x: 1, y: 1 });
      const back = await next(a, 'user:presence:updated', 4000, (p) => p.user.userId === bId && p.user.isActive === true);
      eq(back.user.isActive, true, 'active again');
    } finally {
      clearInterval(keepAlive);
      a.close();
      b.close();
    }
  });
}

test('HTTP API: auth, bad bodies, emit to a group and to everyone, presence', async () => {
  const group = `api-${uniq++}`;
  const { a, b, aId } = await pair(group);
  eq((await request('GET', '/api/realtime/test')).status, 401, 'no key');
  eq((await request('GET', '/api/realtime/test', { key: 'wrong' })).status, 401, 'wrong key');
  eq((await request('POST', '/api/realtime/test', { key: 'wrong', body: { event: 'a:b' } })).status, 401, 'POST wrong key');
  const bad = await request('POST', '/api/realtime/test', { key: opts.serviceKey, body: '{not json' });
  eq([bad.status, bad.body.ok], [400, false], 'bad JSON');
  ok(typeof bad.body.error === 'string', 'error text');
  eq((await request('POST', '/api/realtime/test', { key: opts.serviceKey, body: { event: 'Bad Name' } })).status, 400, 'bad name');
  eq((await request('POST', '/api/realtime/test', { key: opts.serviceKey, body: { event: 'a:b', groupId: 'bad id' } })).status, 400, 'bad group');
  const sent = await request('POST', '/api/realtime/test', { key: opts.serviceKey, body: { event: 'test:ping', data: { n: 1 }, groupId: group } });
  eq([sent.status, sent.body.ok, sent.body.delivered], [200, true, 2], 'delivered to the group');
  const got = await next(a, 'test:ping');
  eq([got.from, got.groupId, got.data], ['server', group, { n: 1 }], 'payload');
  ok(Number.isFinite(got.ts), 'ts');
  await next(b, 'test:ping');
  const all = await request('POST', '/api/realtime/test', { key: opts.serviceKey, body: { event: 'test:all', data: 'x' } });
  ok(all.body.delivered >= 2, `broadcast delivered ${all.body.delivered}`);
  eq((await next(a, 'test:all')).groupId, null, 'groupId null for everyone');
  const pres = await request('GET', `/api/realtime/test?groupId=${group}`, { key: opts.serviceKey });
  eq([pres.status, pres.body.groupId, pres.body.members.length], [200, group, 2], 'group presence');
  ok(pres.body.members.some((m) => m.userId === aId), 'members listed');
  const overview = await request('GET', '/api/realtime/test', { key: opts.serviceKey });
  ok(overview.body.groups.some((g) => g.groupId === group && g.members === 2), 'overview lists the group');
  ok(overview.body.connections >= 2, 'connections counted');
  a.close();
  b.close();
});

(async () => {
  let passed = 0;
  let failed = 0;
  const selected = tests.filter((t) => !opts.only || t.name.includes(opts.only));
  for (const [i, t] of selected.entries()) {
    try {
      await withTimeout(t.fn(), 30000, t.name);
      passed++;
      process.stdout.write(`ok ${i + 1} - ${t.name}\n`);
    } catch (e) {
      failed++;
      process.stdout.write(`not ok ${i + 1} - ${t.name}: ${e && e.message}\n`);
    }
    for (const s of sockets) s.close();
    sockets.clear();
  }
  process.stdout.write(`conformance: ${passed} passed, ${failed} failed\n`);
  process.exit(failed === 0 ? 0 : 1);
})();
