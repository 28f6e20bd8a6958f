'use strict';
// Reference StudyCollab realtime server on the official socket.io 4 server package.
// It follows shared/protocol.md and is the yardstick our Java client and server are tested against.
//
//   node server.js [--host 127.0.0.1] [--port 0] [--jwt-secret S] [--service-key K]
//                  [--groups-policy open|claims] [--audience authenticated]
//                  [--inactivity-ms 60000] [--sweep-ms 5000]
//                  [--supabase-url URL] [--jwks-url URL]
//                  [--admin] [--admin-namespace /admin] [--admin-user U] [--admin-mode development|production]
//                  [--admin-readonly]
//
// With --supabase-url (or $SUPABASE_URL) or --jwks-url, tokens signed with the project's
// asymmetric keys (ES256/RS256, by kid, from <url>/auth/v1/.well-known/jwks.json) are verified as
// well, with issuer <url>/auth/v1; HS256 tokens still go to the JWT secret, as during a Supabase
// key migration. The algorithm comes from the key set, never from the token alone.
//
// --admin (or STUDYCOLLAB_ADMIN=1) instruments the server with the official @socket.io/admin-ui
// package, so the Socket.IO Admin UI and our debugger's `inspect` can see its sockets and rooms.
// Without --admin-user there is no authentication; with it the password comes from
// $STUDYCOLLAB_ADMIN_PASSWORD (never from the command line) and is bcrypt-hashed here, as
// instrument() wants. Development mode (the default) streams every socket change and event.
//
// Prints one JSON line {"listening":PORT,"url":"http://..."} on stdout once bound. Exits when
// stdin closes, so a test harness that dies never leaves it behind.

const http = require('http');
const crypto = require('crypto');
const { Server } = require('socket.io');
const jwt = require('jsonwebtoken');
const jose = require('jose');
const { instrument } = require('@socket.io/admin-ui');
const bcrypt = require('bcryptjs');
const P = require('./protocol');

function parseArgs(argv) {
  const opts = {
    host: '127.0.0.1', port: 0,
    jwtSecret: process.env.SUPABASE_JWT_SECRET || 'interop-secret',
    serviceKey: process.env.SUPABASE_SERVICE_ROLE_KEY || 'interop-service-key',
    groupsPolicy: 'open', audience: 'authenticated',
    inactivityMs: 60000, sweepMs: 5000, heartbeatIntervalMs: 5000,
    pingInterval: 25000, pingTimeout: 20000,
    supabaseUrl: process.env.SUPABASE_URL || null, jwksUrl: null,
    admin: process.env.STUDYCOLLAB_ADMIN === '1', adminNamespace: '/admin', adminUser: null,
    adminMode: 'development', adminReadonly: false,
  };
  const flags = { '--admin': 'admin', '--admin-readonly': 'adminReadonly' };
  const names = {
    '--host': ['host', String], '--port': ['port', Number], '--jwt-secret': ['jwtSecret', String],
    '--service-key': ['serviceKey', String], '--groups-policy': ['groupsPolicy', String],
    '--audience': ['audience', String], '--inactivity-ms': ['inactivityMs', Number],
    '--sweep-ms': ['sweepMs', Number], '--ping-interval': ['pingInterval', Number],
    '--ping-timeout': ['pingTimeout', Number], '--supabase-url': ['supabaseUrl', String],
    '--jwks-url': ['jwksUrl', String], '--admin-namespace': ['adminNamespace', String],
    '--admin-user': ['adminUser', String], '--admin-mode': ['adminMode', String],
  };
  const usage = () => {
    process.stderr.write(`usage: node server.js [--host H] [--port P] [--jwt-secret S] [--service-key K] ` +
      `[--groups-policy open|claims] [--audience A] [--inactivity-ms N] [--sweep-ms N] ` +
      `[--supabase-url URL] [--jwks-url URL] ` +
      `[--admin] [--admin-namespace /admin] [--admin-user U] [--admin-mode development|production] ` +
      `[--admin-readonly]\n`);
    process.exit(2);
  };
  for (let i = 2; i < argv.length; i += 1) {
    if (flags[argv[i]]) {
      opts[flags[argv[i]]] = true;
      continue;
    }
    const spec = names[argv[i]];
    if (!spec || argv[i + 1] === undefined) usage();
    opts[spec[0]] = spec[1](argv[i + 1]);
    i += 1;
  }
  if (!['development', 'production'].includes(opts.adminMode)) usage();
  if (!opts.adminNamespace.startsWith('/')) usage();
  if (opts.adminUser !== null && !process.env.STUDYCOLLAB_ADMIN_PASSWORD) {
    process.stderr.write('--admin-user needs the password in $STUDYCOLLAB_ADMIN_PASSWORD\n');
    process.exit(2);
  }
  if (!['open', 'claims'].includes(opts.groupsPolicy)) {
    process.stderr.write('--groups-policy must be open or claims\n');
    process.exit(2);
  }
  return opts;
}

function iso(ms) {
  return new Date(ms).toISOString();
}

function authFailure(code, message) {
  const err = new Error(code);
  err.data = { code, message };
  return err;
}

// The project's key set, when one is configured: jose caches it and refetches on an unknown kid
// at most once per cooldown, so a flood of made-up kids cannot hammer the endpoint.
function jwksVerifier(opts) {
  const base = opts.supabaseUrl ? opts.supabaseUrl.replace(/\/+$/, '') : null;
  const jwksUrl = opts.jwksUrl || (base && `${base}/auth/v1/.well-known/jwks.json`);
  if (!jwksUrl) return null;
  const issuer = base ? `${base}/auth/v1` : jwksUrl.replace(/\/\.well-known\/jwks\.json$/, '');
  const keys = jose.createRemoteJWKSet(new URL(jwksUrl), { cooldownDuration: 30000, cacheMaxAge: 600000 });
  return { keys, issuer };
}

async function verifyClaims(token, opts) {
  let header;
  try {
    header = jose.decodeProtectedHeader(token);
  } catch (e) {
    throw authFailure('AUTH_INVALID', 'token is not a JWT');
  }
  if (header.alg === 'HS256' && opts.jwtSecret) {
    try {
      return jwt.verify(token, opts.jwtSecret, { algorithms: ['HS256'], audience: opts.audience });
    } catch (e) {
      if (e.name === 'TokenExpiredError') throw authFailure('AUTH_EXPIRED', 'token expired');
      throw authFailure('AUTH_INVALID', `token rejected: ${e.message}`);
    }
  }
  if (!opts.jwks) throw authFailure('AUTH_INVALID', `token rejected: ${header.alg} is not accepted here`);
  try {
    const { payload } = await jose.jwtVerify(token, opts.jwks.keys, {
      issuer: opts.jwks.issuer, audience: opts.audience, algorithms: ['ES256', 'RS256'],
    });
    return payload;
  } catch (e) {
    if (e.code === 'ERR_JWT_EXPIRED') throw authFailure('AUTH_EXPIRED', 'token expired');
    throw authFailure('AUTH_INVALID', `token rejected: ${e.message}`);
  }
}

async function verifyToken(token, opts) {
  if (token === undefined || token === null || token === '') {
    throw authFailure('AUTH_MISSING', 'no token in the handshake auth');
  }
  if (typeof token !== 'string') throw authFailure('AUTH_INVALID', 'token must be a string');
  const claims = await verifyClaims(token, opts);
  if (typeof claims.sub !== 'string' || claims.sub === '') throw authFailure('AUTH_INVALID', 'token has no sub');
  if (typeof claims.exp !== 'number') throw authFailure('AUTH_INVALID', 'token has no exp');
  const meta = P.isObject(claims.user_metadata) ? claims.user_metadata : {};
  const app = P.isObject(claims.app_metadata) ? claims.app_metadata : {};
  return {
    userId: claims.sub,
    displayName: meta.full_name || meta.name || claims.email || meta.email || claims.sub,
    avatarUrl: typeof meta.avatar_url === 'string' ? meta.avatar_url : null,
    groups: Array.isArray(app.groups) ? app.groups.filter((g) => typeof g === 'string') : null,
    expiresAtMs: claims.exp * 1000,
  };
}

class TokenBucket {
  constructor(ratePerSec, burst) {
    this.rate = ratePerSec;
    this.capacity = burst;
    this.tokens = burst;
    this.last = Date.now();
  }

  take() {
    const now = Date.now();
    this.tokens = Math.min(this.capacity, this.tokens + ((now - this.last) / 1000) * this.rate);
    this.last = now;
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return true;
    }
    return false;
  }
}

function start(opts) {
  // groupId -> Map(userId -> { presence, sockets: Set<socketId>, lastEventMs })
  const groups = new Map();

  const httpServer = http.createServer((req, res) => handleHttp(req, res));
  const io = new Server(httpServer, {
    path: '/socket.io',
    maxHttpBufferSize: 64 * 1024,
    pingInterval: opts.pingInterval,
    pingTimeout: opts.pingTimeout,
    // The Admin UI connects from its own origin with credentials (withCredentials: true).
    cors: { origin: true, credentials: opts.admin },
  });

  if (opts.admin) {
    instrument(io, {
      namespaceName: opts.adminNamespace,
      auth: opts.adminUser === null ? false : {
        type: 'basic',
        username: opts.adminUser,
        password: bcrypt.hashSync(process.env.STUDYCOLLAB_ADMIN_PASSWORD, 10),
      },
      mode: opts.adminMode,
      readonly: opts.adminReadonly,
    });
  }

  function members(groupId) {
    const g = groups.get(groupId);
    return g ? [...g.values()].map((m) => m.presence) : [];
  }

  function send(res, status, body) {
    const text = JSON.stringify(body);
    res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
    res.end(text);
  }

  function authorized(req) {
    const header = req.headers.authorization || '';
    const m = /^Bearer (.+)$/.exec(header);
    if (!m) return false;
    const a = crypto.createHash('sha256').update(m[1]).digest();
    const b = crypto.createHash('sha256').update(opts.serviceKey).digest();
    return crypto.timingSafeEqual(a, b);
  }

  function handleHttp(req, res) {
    const url = new URL(req.url, 'http://localhost');
    if (url.pathname.startsWith('/socket.io')) return; // engine.io answers those
    if (url.pathname === '/health' && req.method === 'GET') {
      return send(res, 200, { status: 'ok', connections: io.engine.clientsCount, groups: groups.size });
    }
    if (url.pathname !== '/api/realtime/test') return send(res, 404, { ok: false, error: 'not found' });
    if (!authorized(req)) return send(res, 401, { ok: false, error: 'invalid service role key' });
    if (req.method === 'GET') {
      const gid = url.searchParams.get('groupId');
      if (gid !== null) {
        try {
          P.groupId(gid);
        } catch (e) {
          return send(res, 400, { ok: false, error: e.message });
        }
        return send(res, 200, { groupId: gid, members: members(gid) });
      }
      return send(res, 200, {
        groups: [...groups.entries()].map(([groupId, m]) => ({ groupId, members: m.size })),
        connections: io.engine.clientsCount,
      });
    }
    if (req.method !== 'POST') return send(res, 405, { ok: false, error: 'method not allowed' });
    let body = '';
    let tooBig = false;
    req.on('data', (chunk) => {
      body += chunk;
      if (body.length > 64 * 1024) tooBig = true;
    });
    req.on('end', () => {
      if (tooBig) return send(res, 400, { ok: false, error: 'body too large' });
      let parsed;
      try {
        parsed = JSON.parse(body);
      } catch (e) {
        return send(res, 400, { ok: false, error: 'body must be JSON' });
      }
      try {
        P.requireObject(parsed);
        P.customEvent(parsed.event);
        const data = P.customData(parsed.data);
        const gid = parsed.groupId === undefined || parsed.groupId === null ? null : P.groupId(parsed.groupId);
        const payload = { from: 'server', groupId: gid, data, ts: Date.now() };
        let delivered;
        if (gid) {
          delivered = io.sockets.adapter.rooms.get(gid)?.size || 0;
          io.to(gid).emit(parsed.event, payload);
        } else {
          delivered = io.engine.clientsCount;
          io.emit(parsed.event, payload);
        }
        return send(res, 200, { ok: true, delivered });
      } catch (e) {
        return send(res, 400, { ok: false, error: e.message });
      }
    });
  }

  io.use(async (socket, next) => {
    try {
      socket.data.user = await verifyToken(socket.handshake.auth && socket.handshake.auth.token, opts);
      next();
    } catch (e) {
      next(e.data ? e : authFailure('AUTH_INVALID', 'token rejected'));
    }
  });

  function leaveCurrent(socket, reason, notifySelf) {
    const gid = socket.data.groupId;
    if (!gid) return;
    // undefined, not null: @socket.io/admin-ui wraps socket.data in a Proxy that throws on null.
    socket.data.groupId = undefined;
    socket.leave(gid);
    const g = groups.get(gid);
    const user = socket.data.user;
    const m = g && g.get(user.userId);
    if (m) {
      m.sockets.delete(socket.id);
      if (m.sockets.size === 0) {
        g.delete(user.userId);
        io.to(gid).emit('user:left', { groupId: gid, userId: user.userId, reason });
      }
      if (g.size === 0) groups.delete(gid);
    }
    if (notifySelf) socket.emit('group:left', { groupId: gid });
  }

  function memberOf(socket) {
    const gid = socket.data.groupId;
    if (!gid) throw new P.ProtocolError('NOT_IN_GROUP', 'join a group first');
    const m = groups.get(gid).get(socket.data.user.userId);
    return { gid, m };
  }

  function touch(m, now) {
    m.lastEventMs = now;
    m.presence.lastSeen = iso(now);
  }

  // Any activity reactivates a user the sweep had marked inactive.
  function reactivate(socket, gid, m) {
    if (!m.presence.isActive) {
      m.presence.isActive = true;
      socket.to(gid).emit('user:presence:updated', { groupId: gid, user: m.presence });
    }
  }

  const handlers = {
    'group:join'(socket, payload) {
      P.requireObject(payload);
      const gid = P.groupId(payload.groupId);
      const user = socket.data.user;
      const mustList = opts.groupsPolicy === 'claims' || user.groups !== null;
      if (mustList && !(user.groups || []).includes(gid)) {
        throw new P.ProtocolError('FORBIDDEN', `not a member of group ${gid}`);
      }
      if (socket.data.groupId && socket.data.groupId !== gid) leaveCurrent(socket, 'left', true);
      const now = Date.now();
      if (socket.data.groupId !== gid) {
        socket.data.groupId = gid;
        socket.join(gid);
        let g = groups.get(gid);
        if (!g) {
          g = new Map();
          groups.set(gid, g);
        }
        let m = g.get(user.userId);
        if (!m) {
          m = {
            presence: {
              userId: user.userId, displayName: user.displayName, avatarUrl: user.avatarUrl, groupId: gid,
              cursor: null, isActive: true, currentTool: null, lastSeen: iso(now),
            },
            sockets: new Set(),
            lastEventMs: now,
          };
          g.set(user.userId, m);
          socket.to(gid).emit('user:joined', { groupId: gid, user: m.presence });
        }
        m.sockets.add(socket.id);
        touch(m, now);
      }
      const list = members(gid);
      socket.emit('group:joined', { groupId: gid, members: list });
      return { groupId: gid, members: list };
    },
    'group:leave'(socket, payload) {
      P.requireObject(payload);
      const gid = P.groupId(payload.groupId);
      if (socket.data.groupId !== gid) throw new P.ProtocolError('NOT_IN_GROUP', `not in group ${gid}`);
      leaveCurrent(socket, 'left', true);
      return { groupId: gid };
    },
    'group:presence'(socket, payload) {
      P.requireObject(payload);
      const gid = P.groupId(payload.groupId);
      if (socket.data.groupId !== gid) throw new P.ProtocolError('NOT_IN_GROUP', `not in group ${gid}`);
      const list = members(gid);
      socket.emit('group:presence', { groupId: gid, members: list });
      return { groupId: gid, members: list };
    },
    'presence:update'(socket, payload) {
      P.requireObject(payload);
      const changes = {};
      if (payload.isActive !== undefined) {
        if (typeof payload.isActive !== 'boolean') throw P.invalid('isActive must be a boolean');
        changes.isActive = payload.isActive;
      }
      if (payload.currentTool !== undefined) {
        changes.currentTool = payload.currentTool === null ? null : P.tool(payload.currentTool);
      }
      if (payload.cursor !== undefined) {
        changes.cursor = payload.cursor === null ? null : P.cursor(payload.cursor);
      }
      const { gid, m } = memberOf(socket);
      Object.assign(m.presence, changes);
      touch(m, Date.now());
      socket.to(gid).emit('user:presence:updated', { groupId: gid, user: m.presence });
      return { user: m.presence };
    },
    'cursor:update'(socket, payload) {
      const c = P.cursor(payload);
      const { gid, m } = memberOf(socket);
      const now = Date.now();
      m.presence.cursor = c;
      touch(m, now);
      reactivate(socket, gid, m);
      socket.to(gid).emit('user:cursor:updated', { groupId: gid, userId: m.presence.userId, cursor: c, ts: now });
      return {};
    },
    'tool:change'(socket, payload) {
      P.requireObject(payload);
      const t = P.tool(payload.tool);
      const { gid, m } = memberOf(socket);
      m.presence.currentTool = t;
      touch(m, Date.now());
      reactivate(socket, gid, m);
      socket.to(gid).emit('user:tool:changed', { groupId: gid, userId: m.presence.userId, tool: t });
      return { tool: t };
    },
    heartbeat(socket, payload) {
      P.requireObject(payload);
      if (typeof payload.ts !== 'number' || !Number.isFinite(payload.ts)) throw P.invalid('ts must be a number');
      const serverTime = iso(Date.now());
      socket.emit('heartbeat:ack', { ts: payload.ts, serverTime });
      return { ts: payload.ts, serverTime };
    },
    'event:emit'(socket, payload) {
      P.requireObject(payload);
      const name = P.customEvent(payload.event);
      const data = P.customData(payload.data);
      let target = socket.data.groupId;
      if (payload.groupId !== undefined && payload.groupId !== null) {
        const gid = P.groupId(payload.groupId);
        if (gid !== target) throw new P.ProtocolError('NOT_IN_GROUP', `not in group ${gid}`);
      }
      if (!target) throw new P.ProtocolError('NOT_IN_GROUP', 'join a group first');
      const { m } = memberOf(socket);
      touch(m, Date.now());
      reactivate(socket, target, m);
      const delivered = Math.max(0, (io.sockets.adapter.rooms.get(target)?.size || 1) - 1);
      socket.to(target).emit(name, { from: socket.data.user.userId, groupId: target, data, ts: Date.now() });
      return { delivered };
    },
  };

  io.on('connection', (socket) => {
    const user = socket.data.user;
    const cursorBucket = new TokenBucket(30, 30);
    const eventBucket = new TokenBucket(20, 40);
    let lastRateError = 0;

    socket.emit('connection:established', {
      socketId: socket.id, userId: user.userId, displayName: user.displayName,
      serverTime: iso(Date.now()), heartbeatIntervalMs: opts.heartbeatIntervalMs,
      tokenExpiresAt: iso(user.expiresAtMs),
    });

    const expiry = setTimeout(() => {
      socket.emit('connection:error', { code: 'AUTH_EXPIRED', message: 'token expired' });
      leaveCurrent(socket, 'expired', false);
      socket.disconnect(true);
    }, Math.max(0, Math.min(user.expiresAtMs - Date.now(), 2 ** 31 - 1)));

    socket.onAny((event, ...args) => {
      const ack = typeof args[args.length - 1] === 'function' ? args.pop() : null;
      const payload = args[0];
      const reply = (body) => ack && ack(body);
      const fail = (code, message) => {
        socket.emit('connection:error', { code, message, event });
        reply({ ok: false, error: { code, message } });
      };
      const bucket = event === 'cursor:update' ? cursorBucket : eventBucket;
      if (!bucket.take()) {
        const now = Date.now();
        if (now - lastRateError >= 1000) {
          lastRateError = now;
          socket.emit('connection:error', { code: 'RATE_LIMITED', message: 'too many events', event });
        }
        reply({ ok: false, error: { code: 'RATE_LIMITED', message: 'too many events' } });
        return;
      }
      const handler = Object.prototype.hasOwnProperty.call(handlers, event) ? handlers[event] : null;
      if (!handler) return fail('INVALID_PAYLOAD', `unknown event ${event}`);
      try {
        reply({ ok: true, ...handler(socket, payload) });
      } catch (e) {
        if (e instanceof P.ProtocolError) return fail(e.code, e.message);
        return fail('INTERNAL', 'internal error');
      }
    });

    socket.on('disconnect', () => {
      clearTimeout(expiry);
      leaveCurrent(socket, 'disconnect', false);
    });
  });

  const sweep = setInterval(() => {
    const now = Date.now();
    for (const [gid, g] of groups) {
      for (const m of g.values()) {
        if (m.presence.isActive && now - m.lastEventMs >= opts.inactivityMs) {
          m.presence.isActive = false;
          io.to(gid).emit('user:presence:updated', { groupId: gid, user: m.presence });
        }
      }
    }
  }, opts.sweepMs);

  return new Promise((resolve) => {
    httpServer.listen(opts.port, opts.host, () => {
      const port = httpServer.address().port;
      resolve({
        port,
        close: () => {
          clearInterval(sweep);
          io.close();
          httpServer.close();
        },
      });
    });
  });
}

if (require.main === module) {
  const opts = parseArgs(process.argv);
  try {
    opts.jwks = jwksVerifier(opts);
  } catch (e) {
    process.stderr.write(`bad --supabase-url or --jwks-url: ${e.message}\n`);
    process.exit(2);
  }
  start(opts).then(({ port, close }) => {
    process.stdout.write(JSON.stringify({ listening: port, url: `http://${opts.host}:${port}` }) + '\n');
    const stop = () => {
      close();
      process.exit(0);
    };
    process.stdin.on('end', stop);
    process.stdin.on('error', stop);
    process.stdin.resume();
    process.on('SIGTERM', stop);
    process.on('SIGINT', stop);
  });
}

module.exports = { start, verifyToken, jwksVerifier };
