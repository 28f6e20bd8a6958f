'use strict';
// Wire-level peers for the intercepting proxy's transparency test, on the official socket.io 4
// packages: what the StudyCollab protocol suite (conformance.js) does not exercise.
//
//   node proxy-peers.js serve [--ping-ms 300]  a socket.io server: prints {"listening":PORT}; exits when stdin closes
//                                         (short pings by default, so the check sees them flow)
//   node proxy-peers.js check --url URL  runs the scenarios against URL (the server, or a proxy in front of it)
//
// Scenarios, over websocket, long-polling and polling upgraded to websocket: binary attachments
// both ways byte for byte, multi-argument events and acks, a second namespace, the handshake's
// headers, cookie, Origin and query reaching the server, Engine.IO pings keeping an idle
// connection up, and plain HTTP next to Socket.IO. Prints "ok N - name" lines and a summary.

const http = require('http');
const crypto = require('crypto');

function serve(pingMs) {
  const { Server } = require('socket.io');
  const httpServer = http.createServer((req, res) => {
    if (req.url.startsWith('/socket.io')) return;
    let body = '';
    req.on('data', (c) => { body += c; });
    req.on('end', () => {
      const text = JSON.stringify({ method: req.method, url: req.url, custom: req.headers['x-custom'] || null,
        cookie: req.headers.cookie || null, body });
      res.writeHead(201, { 'content-type': 'application/json', 'x-echo': 'yes', 'set-cookie': 'plain=1; Path=/' });
      res.end(text);
    });
  });
  const io = new Server(httpServer, { pingInterval: pingMs, pingTimeout: Math.max(400, pingMs), cors: { origin: true, credentials: true },
    cookie: { name: 'io', path: '/', httpOnly: true } });
  const onConnection = (socket) => {
    let counted = 0;
    socket.on('count', () => { counted++; });
    socket.on('counted', (ack) => ack(counted));
    socket.on('echo', (...args) => {
      const ack = args.pop();
      ack(...args);
    });
    socket.on('digest', (buf, ack) => ack(crypto.createHash('sha256').update(buf).digest('hex'), buf.length));
    socket.on('want-bin', (n, ack) => {
      const buf = Buffer.alloc(n);
      for (let i = 0; i < n; i++) buf[i] = (i * 7 + 3) & 0xff;
      socket.emit('bin-down', buf, { n });
      ack(true);
    });
    socket.on('whoami', (ack) => {
      const h = socket.handshake;
      ack({ nsp: socket.nsp.name, origin: h.headers.origin || null, cookie: h.headers.cookie || null,
        custom: h.headers['x-custom'] || null, query: h.query.q || null, auth: h.auth || null,
        transport: socket.conn.transport.name });
    });
  };
  io.on('connection', onConnection);
  io.of('/admin').on('connection', onConnection);
  httpServer.listen(0, '127.0.0.1', () => {
    const port = httpServer.address().port;
    process.stdout.write(`${JSON.stringify({ listening: port, url: `http://127.0.0.1:${port}` })}\n`);
  });
  process.stdin.on('end', () => process.exit(0));
  process.stdin.resume();
}

function check(url) {
  const { io } = require('socket.io-client');
  const tests = [];
  const test = (name, fn) => tests.push({ name, fn });
  const sockets = new Set();
  const eq = (a, e, what) => {
    if (JSON.stringify(a) !== JSON.stringify(e)) throw new Error(`${what}: expected ${JSON.stringify(e)}, got ${JSON.stringify(a)}`);
  };
  const timeout = (p, ms, what) => {
    let t;
    return Promise.race([p, new Promise((_, r) => { t = setTimeout(() => r(new Error(`timeout: ${what}`)), ms); })])
      .finally(() => clearTimeout(t));
  };
  function connect(transports, { nsp = '', upgrade = true } = {}) {
    const s = io(url + nsp, { transports, upgrade, forceNew: true, reconnection: false, timeout: 5000,
      auth: { token: 'not-a-secret-just-a-marker' }, query: { q: 'query-value' },
      extraHeaders: { 'x-custom': 'custom-value', cookie: 'session=cookie-value', origin: 'http://app.example' } });
    sockets.add(s);
    return timeout(new Promise((resolve, reject) => {
      s.once('connect', () => resolve(s));
      s.once('connect_error', reject);
    }), 8000, 'connect');
  }
  // every argument of the ack (emitWithAck resolves with the first only)
  const ackAll = (s, ...args) => timeout(new Promise((r) => s.emit(...args, (...a) => r(a))), 4000, `ack of ${args[0]}`);
  const waitUpgrade = (s) => (s.io.engine.transport.name === 'websocket' ? Promise.resolve()
    : timeout(new Promise((r) => s.io.engine.once('upgrade', r)), 5000, 'upgrade'));

  for (const [label, transports] of [['websocket', ['websocket']], ['polling', ['polling']], ['upgrade', ['polling', 'websocket']]]) {
    test(`[${label}] binary both ways byte for byte, with other arguments`, async () => {
      const s = await connect(transports);
      if (label === 'upgrade') await waitUpgrade(s);
      const buf = crypto.randomBytes(4096);
      const [h, n] = await timeout(new Promise((r) => s.emit('digest', buf, (...a) => r(a))), 4000, 'digest');
      eq([h, n], [crypto.createHash('sha256').update(buf).digest('hex'), 4096], 'server got the bytes');
      const back = await ackAll(s, 'echo', 'text', buf, { nested: { also: buf.subarray(0, 10) } }, 7);
      eq(back[0], 'text', 'first arg');
      if (!Buffer.from(back[1]).equals(buf)) throw new Error('binary argument changed on the way back');
      if (!Buffer.from(back[2].nested.also).equals(buf.subarray(0, 10))) throw new Error('nested binary changed');
      eq(back[3], 7, 'last arg');
      const down = new Promise((r) => s.once('bin-down', (b, meta) => r([b, meta])));
      await s.emitWithAck('want-bin', 1000);
      const [b, meta] = await timeout(down, 4000, 'bin-down');
      eq(meta, { n: 1000 }, 'meta');
      for (let i = 0; i < 1000; i++) if (b[i] !== ((i * 7 + 3) & 0xff)) throw new Error(`byte ${i} changed`);
      s.close();
    });
    test(`[${label}] many arguments and acks in order`, async () => {
      const s = await connect(transports);
      const replies = await Promise.all(Array.from({ length: 50 }, (_, i) => ackAll(s, 'echo', 'multi', i, { b: true }, [i])));
      replies.forEach((r, i) => eq(r, ['multi', i, { b: true }, [i]], `reply ${i}`));
      s.close();
    });
    test(`[${label}] a second namespace`, async () => {
      const s = await connect(transports, { nsp: '/admin' });
      const me = await s.emitWithAck('whoami');
      eq(me.nsp, '/admin', 'namespace');
      s.close();
    });
    test(`[${label}] headers, cookie, Origin, query and auth reach the server`, async () => {
      const s = await connect(transports);
      if (label === 'upgrade') await waitUpgrade(s);
      const me = await s.emitWithAck('whoami');
      eq([me.origin, me.cookie, me.custom, me.query, me.auth], ['http://app.example', 'session=cookie-value',
        'custom-value', 'query-value', { token: 'not-a-secret-just-a-marker' }], 'handshake');
      eq(me.transport, transports.length === 2 ? 'websocket' : transports[0], 'transport');
      s.close();
    });
    test(`[${label}] pings keep an idle connection up (pingInterval 300 ms)`, async () => {
      const s = await connect(transports);
      let pings = 0;
      s.io.engine.on('ping', () => { pings++; });
      await new Promise((r) => setTimeout(r, 1500));
      if (!s.connected) throw new Error('dropped while idle');
      if (pings < 3) throw new Error(`only ${pings} pings in 1.5 s`);
      eq(await ackAll(s, 'echo', 'alive'), ['alive'], 'still answers');
      s.close();
    });
  }
  test('plain HTTP next to Socket.IO passes untouched', async () => {
    const u = new URL('/plain/path?x=1', url);
    const res = await new Promise((resolve, reject) => {
      const req = http.request(u, { method: 'POST', headers: { 'x-custom': 'h', cookie: 'c=1', 'content-type': 'text/plain' } }, (r) => {
        let t = '';
        r.on('data', (c) => { t += c; });
        r.on('end', () => resolve({ status: r.statusCode, headers: r.headers, body: JSON.parse(t) }));
      });
      req.on('error', reject);
      req.end('body text');
    });
    eq([res.status, res.headers['x-echo'], res.headers['set-cookie']], [201, 'yes', ['plain=1; Path=/']], 'status and headers');
    eq(res.body, { method: 'POST', url: '/plain/path?x=1', custom: 'h', cookie: 'c=1', body: 'body text' }, 'request as sent');
  });

  (async () => {
    let passed = 0;
    let failed = 0;
    for (const [i, t] of tests.entries()) {
      try {
        await timeout(t.fn(), 20000, t.name);
        passed++;
        process.stdout.write(`ok ${i + 1} - ${t.name}\n`);
      } catch (e) {
        failed++;
        process.stdout.write(`not ok ${i + 1} - ${t.name}: ${e && e.message}\n`);
      }
      for (const s of sockets) s.close();
      sockets.clear();
    }
    process.stdout.write(`proxy-peers: ${passed} passed, ${failed} failed\n`);
    process.exit(failed === 0 ? 0 : 1);
  })();
}

if (process.argv[2] === 'serve') serve(process.argv[3] === '--ping-ms' ? Number(process.argv[4]) : 300);
else if (process.argv[2] === 'check' && process.argv[3] === '--url' && process.argv[4]) check(process.argv[4]);
else {
  process.stderr.write('usage: node proxy-peers.js serve | check --url URL\n');
  process.exit(2);
}
