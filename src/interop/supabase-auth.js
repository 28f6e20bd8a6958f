'use strict';
// A Supabase Auth (GoTrue) stand-in for tests: the REST contract supabase-js uses, with real
// asymmetric keys. Supabase itself cannot be reached from the test machines, so this follows the
// documented behaviour:
//   GET  /auth/v1/.well-known/jwks.json          public keys (ES256 / RS256), by kid
//   POST /auth/v1/token?grant_type=password      {email, password}      -> session
//   POST /auth/v1/token?grant_type=refresh_token {refresh_token}        -> session (single use)
//   POST /auth/v1/signup                         {} (no email: anonymous, as signInAnonymously())
//                                                {email, password}      -> new user + session
//   POST /auth/v1/logout?scope=global|local      Authorization: Bearer  -> 204
//   GET  /auth/v1/user                           Authorization: Bearer  -> user
// Every /auth/v1 request needs an `apikey` header: the legacy anon key (an HS256 JWT with role
// anon) or the `sb_publishable_…` key, as the API gateway checks it. Errors are shaped as Auth's:
// grant errors {"error":"invalid_grant","error_description":"Invalid login credentials"}, others
// {"code":N,"error_code":"…","msg":"…"}, the gateway's {"message":"Invalid API key"}.
//
// Test controls (not part of Supabase; loopback only):
//   POST /_standin/rotate {alg}      a new signing key (new kid); the old one stays in the JWKS, so
//                                    tokens it signed stay valid until they expire
//   POST /_standin/revoke {kid}      drops a key from the JWKS
//   POST /_standin/config {expirySeconds?, anonymous?}
//   GET  /_standin/state             kids, sessions, refresh-token use counts
//
//   node supabase-auth.js [--host 127.0.0.1] [--port 0] [--alg ES256|RS256] [--expiry 3600]
//        [--user email:password[:Full Name]]... [--anonymous true|false] [--issuer-base URL]
//        [--publishable-key K] [--jwt-secret S]
//
// Prints one JSON line {"listening":PORT,"url":…,"anonKey":…,"publishableKey":…,"kid":…} once
// bound. Exits when stdin closes.

const http = require('http');
const crypto = require('crypto');
const jose = require('jose');

function usage(msg) {
  process.stderr.write(`${msg}\nusage: node supabase-auth.js [--host H] [--port P] [--alg ES256|RS256] ` +
    `[--expiry SECONDS] [--user email:password[:name]]... [--anonymous true|false] [--issuer-base URL] ` +
    `[--publishable-key K] [--jwt-secret S]\n`);
  process.exit(2);
}

function parseArgs(argv) {
  const opts = {
    host: '127.0.0.1', port: 0, alg: 'ES256', expiry: 3600, users: [], anonymous: true,
    issuerBase: null,
    publishableKey: 'sb_publishable_' + crypto.randomBytes(16).toString('base64url'),
    jwtSecret: crypto.randomBytes(32).toString('base64url'),
  };
  for (let i = 2; i < argv.length; i += 2) {
    const name = argv[i];
    const value = argv[i + 1];
    if (value === undefined) usage(`${name} needs a value`);
    switch (name) {
      case '--host': opts.host = value; break;
      case '--port': opts.port = Number(value); break;
      case '--alg': opts.alg = value; break;
      case '--expiry': opts.expiry = Number(value); break;
      case '--anonymous': opts.anonymous = value === 'true'; break;
      case '--issuer-base': opts.issuerBase = value.replace(/\/+$/, ''); break;
      case '--publishable-key': opts.publishableKey = value; break;
      case '--jwt-secret': opts.jwtSecret = value; break;
      case '--user': {
        const [email, password, ...name] = value.split(':');
        if (!email || !password) usage('--user needs email:password');
        opts.users.push({ email, password, name: name.join(':') || null });
        break;
      }
      default: usage(`unknown option ${name}`);
    }
  }
  if (!['ES256', 'RS256'].includes(opts.alg)) usage('--alg must be ES256 or RS256');
  if (!Number.isInteger(opts.expiry) || opts.expiry < 1) usage('--expiry must be a positive number of seconds');
  if (!Number.isInteger(opts.port) || opts.port < 0 || opts.port > 65535) usage('--port must be 0-65535');
  return opts;
}

class AuthError extends Error {
  constructor(status, body) {
    super(body.msg || body.error_description || body.message);
    this.status = status;
    this.body = body;
  }
}

// Auth's two error shapes: OAuth-style for token grants, HTTPError for the rest.
const grantError = (description) => new AuthError(400, { error: 'invalid_grant', error_description: description });
const httpError = (status, code, msg) => new AuthError(status, { code: status, error_code: code, msg });

async function newSigningKey(alg) {
  const { publicKey, privateKey } = await jose.generateKeyPair(alg, { extractable: true });
  const kid = crypto.randomUUID();
  const jwk = await jose.exportJWK(publicKey);
  return { kid, alg, privateKey, jwk: { ...jwk, kid, alg, use: 'sig', key_ops: ['verify'] } };
}

async function start(opts) {
  const keys = [await newSigningKey(opts.alg)]; // last one signs
  const users = new Map(); // email -> user
  const usersById = new Map();
  const sessions = new Map(); // session_id -> { userId, revoked }
  const refreshTokens = new Map(); // token -> { sessionId, used }
  let baseUrl = null;
  const nowSec = () => Math.floor(Date.now() / 1000);
  const iso = (sec) => new Date(sec * 1000).toISOString();

  function addUser(email, password, meta, anonymous) {
    const at = nowSec();
    const user = {
      id: crypto.randomUUID(), aud: 'authenticated', role: 'authenticated',
      email: email || '', phone: '',
      email_confirmed_at: email ? iso(at) : undefined,
      app_metadata: anonymous ? {} : { provider: 'email', providers: ['email'] },
      user_metadata: meta || {},
      identities: [], created_at: iso(at), updated_at: iso(at), is_anonymous: !!anonymous,
      password,
    };
    if (email) users.set(email.toLowerCase(), user);
    usersById.set(user.id, user);
    return user;
  }
  for (const u of opts.users) addUser(u.email, u.password, u.name ? { full_name: u.name } : {}, false);

  // The legacy anon key: an HS256 JWT with role anon, signed with the project's JWT secret.
  const anonKey = jwtHs256({ iss: 'supabase', ref: 'standin', role: 'anon', iat: nowSec(), exp: nowSec() + 10 * 365 * 86400 },
    opts.jwtSecret);

  function publicUser(u) {
    const { password, ...rest } = u; // eslint-disable-line no-unused-vars
    return rest;
  }

  async function issue(user, sessionId, method) {
    const iat = nowSec();
    const exp = iat + opts.expiry;
    const key = keys[keys.length - 1];
    const claims = {
      iss: `${opts.issuerBase || baseUrl}/auth/v1`, aud: 'authenticated', exp, iat, sub: user.id,
      email: user.email, phone: user.phone, app_metadata: user.app_metadata, user_metadata: user.user_metadata,
      role: 'authenticated', aal: 'aal1', amr: [{ method, timestamp: iat }], session_id: sessionId,
      is_anonymous: user.is_anonymous,
    };
    const accessToken = await new jose.SignJWT(claims)
      .setProtectedHeader({ alg: key.alg, kid: key.kid, typ: 'JWT' })
      .sign(key.privateKey);
    const refreshToken = crypto.randomBytes(9).toString('base64url');
    refreshTokens.set(refreshToken, { sessionId, used: false });
    return {
      access_token: accessToken, token_type: 'bearer', expires_in: opts.expiry, expires_at: exp,
      refresh_token: refreshToken, user: publicUser(user),
    };
  }

  async function newSession(user, method) {
    const sessionId = crypto.randomUUID();
    sessions.set(sessionId, { userId: user.id, revoked: false });
    return issue(user, sessionId, method);
  }

  async function bearerUser(req) {
    const h = req.headers.authorization || '';
    const m = /^Bearer (.+)$/i.exec(h);
    if (!m) throw httpError(401, 'no_authorization', 'This endpoint requires a Bearer token');
    const jwks = jose.createLocalJWKSet({ keys: keys.map((k) => k.jwk) });
    let payload;
    try {
      ({ payload } = await jose.jwtVerify(m[1], jwks, { audience: 'authenticated', algorithms: ['ES256', 'RS256'] }));
    } catch (e) {
      throw httpError(403, 'bad_jwt', `invalid JWT: unable to parse or verify signature, ${e.message}`);
    }
    const session = sessions.get(payload.session_id);
    if (!session || session.revoked) throw httpError(403, 'session_not_found', 'Session from session_id claim in JWT does not exist');
    return { user: usersById.get(payload.sub), sessionId: payload.session_id };
  }

  function checkApiKey(req) {
    const key = req.headers.apikey || new URL(req.url, 'http://x').searchParams.get('apikey');
    if (!key) throw new AuthError(401, { message: 'No API key found in request', hint: 'No `apikey` request header or url param was found.' });
    const ok = [anonKey, opts.publishableKey].some((k) => k.length === key.length
      && crypto.timingSafeEqual(Buffer.from(k), Buffer.from(key)));
    if (!ok) throw new AuthError(401, { message: 'Invalid API key', hint: 'Double check your Supabase `anon` or `service_role` API key.' });
  }

  async function passwordGrant(body) {
    if (!body.email && !body.phone) throw httpError(400, 'validation_failed', 'missing email or phone');
    const user = body.email ? users.get(String(body.email).toLowerCase()) : null;
    if (!user || typeof body.password !== 'string' || body.password !== user.password) {
      throw grantError('Invalid login credentials');
    }
    return newSession(user, 'password');
  }

  async function refreshGrant(body) {
    if (typeof body.refresh_token !== 'string' || body.refresh_token === '') {
      throw grantError('Refresh Token Not Found');
    }
    const rt = refreshTokens.get(body.refresh_token);
    const session = rt && sessions.get(rt.sessionId);
    if (!rt || !session || session.revoked) throw grantError('Invalid Refresh Token: Refresh Token Not Found');
    if (rt.used) {
      // Reuse of a spent token: Auth treats it as theft and revokes the whole session.
      session.revoked = true;
      throw grantError('Invalid Refresh Token: Already Used');
    }
    rt.used = true;
    return issue(usersById.get(session.userId), rt.sessionId, 'password');
  }

  async function signup(body) {
    if (!body.email && !body.phone) {
      if (!opts.anonymous) throw httpError(422, 'anonymous_provider_disabled', 'Anonymous sign-ins are disabled');
      const user = addUser(null, null, (body.data && typeof body.data === 'object') ? body.data : {}, true);
      return newSession(user, 'anonymous');
    }
    if (typeof body.password !== 'string' || body.password.length < 6) {
      throw httpError(422, 'weak_password', 'Password should be at least 6 characters.');
    }
    if (users.has(String(body.email).toLowerCase())) throw httpError(422, 'user_already_exists', 'User already registered');
    const user = addUser(String(body.email), body.password, body.data || {}, false);
    return newSession(user, 'password');
  }

  async function control(path, body) {
    switch (path) {
      case '/_standin/rotate': {
        const alg = body.alg || opts.alg;
        if (!['ES256', 'RS256'].includes(alg)) throw httpError(400, 'validation_failed', 'alg must be ES256 or RS256');
        keys.push(await newSigningKey(alg));
        return { kid: keys[keys.length - 1].kid, kids: keys.map((k) => k.kid) };
      }
      case '/_standin/revoke': {
        const i = keys.findIndex((k) => k.kid === body.kid);
        if (i < 0 || keys.length === 1) throw httpError(400, 'validation_failed', 'unknown kid, or the only key');
        keys.splice(i, 1);
        return { kids: keys.map((k) => k.kid) };
      }
      case '/_standin/config':
        if (body.expirySeconds !== undefined) {
          if (!Number.isInteger(body.expirySeconds) || body.expirySeconds < 1) {
            throw httpError(400, 'validation_failed', 'expirySeconds must be a positive integer');
          }
          opts.expiry = body.expirySeconds;
        }
        if (body.anonymous !== undefined) opts.anonymous = !!body.anonymous;
        return { expirySeconds: opts.expiry, anonymous: opts.anonymous };
      default:
        throw httpError(404, 'not_found', 'no such control');
    }
  }

  async function route(req, url, body) {
    const p = url.pathname;
    if (p.startsWith('/_standin/')) {
      if (req.method === 'GET' && p === '/_standin/state') {
        return [200, {
          kids: keys.map((k) => k.kid), signingKid: keys[keys.length - 1].kid,
          sessions: [...sessions.entries()].map(([id, s]) => ({ id, revoked: s.revoked })),
          refreshTokensUsed: [...refreshTokens.values()].filter((r) => r.used).length,
        }];
      }
      if (req.method === 'POST') return [200, await control(p, body)];
    }
    if (req.method === 'GET' && p === '/auth/v1/.well-known/jwks.json') {
      // Public: Supabase serves the JWKS without an apikey.
      return [200, { keys: keys.map((k) => k.jwk) }];
    }
    if (!p.startsWith('/auth/v1/')) throw httpError(404, 'not_found', 'Not Found');
    checkApiKey(req);
    if (req.method === 'POST' && p === '/auth/v1/token') {
      const grant = url.searchParams.get('grant_type');
      if (grant === 'password') return [200, await passwordGrant(body)];
      if (grant === 'refresh_token') return [200, await refreshGrant(body)];
      throw httpError(400, 'validation_failed', `unsupported_grant_type`);
    }
    if (req.method === 'POST' && p === '/auth/v1/signup') return [200, await signup(body)];
    if (req.method === 'POST' && p === '/auth/v1/logout') {
      const { sessionId, user } = await bearerUser(req);
      const scope = url.searchParams.get('scope') || 'global';
      for (const [id, s] of sessions) {
        const mine = s.userId === user.id;
        if ((scope === 'global' && mine) || (scope === 'local' && id === sessionId)
          || (scope === 'others' && mine && id !== sessionId)) s.revoked = true;
      }
      return [204, null];
    }
    if (req.method === 'GET' && p === '/auth/v1/user') {
      const { user } = await bearerUser(req);
      return [200, publicUser(user)];
    }
    throw httpError(404, 'not_found', 'Not Found');
  }

  const server = http.createServer((req, res) => {
    const chunks = [];
    let size = 0;
    req.on('data', (c) => {
      size += c.length;
      if (size <= 64 * 1024) chunks.push(c);
    });
    req.on('end', async () => {
      const send = (status, obj) => {
        const headers = { 'access-control-allow-origin': '*' };
        if (obj !== null) headers['content-type'] = 'application/json';
        res.writeHead(status, headers);
        res.end(obj === null ? undefined : JSON.stringify(obj));
      };
      if (req.method === 'OPTIONS') {
        res.writeHead(204, {
          'access-control-allow-origin': '*', 'access-control-allow-methods': 'GET,POST,OPTIONS',
          'access-control-allow-headers': 'apikey,authorization,content-type,x-client-info,x-supabase-api-version',
        });
        res.end();
        return;
      }
      try {
        if (size > 64 * 1024) throw httpError(413, 'request_too_large', 'Request body too large');
        let body = {};
        const text = Buffer.concat(chunks).toString('utf8');
        if (text.trim() !== '') {
          try {
            body = JSON.parse(text);
          } catch (e) {
            throw httpError(400, 'bad_json', `Could not parse request body as JSON: ${e.message}`);
          }
          if (body === null || typeof body !== 'object' || Array.isArray(body)) {
            throw httpError(400, 'bad_json', 'Request body must be a JSON object');
          }
        }
        const [status, obj] = await route(req, new URL(req.url, 'http://localhost'), body);
        send(status, obj);
      } catch (e) {
        if (e instanceof AuthError) send(e.status, e.body);
        else send(500, { code: 500, error_code: 'unexpected_failure', msg: String(e && e.message) });
      }
    });
  });

  await new Promise((resolve) => server.listen(opts.port, opts.host, resolve));
  const port = server.address().port;
  baseUrl = `http://${opts.host}:${port}`;
  return { server, port, url: baseUrl, anonKey, publishableKey: opts.publishableKey, kid: keys[0].kid };
}

function jwtHs256(payload, secret) {
  const enc = (o) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const head = enc({ alg: 'HS256', typ: 'JWT' });
  const body = enc(payload);
  const sig = crypto.createHmac('sha256', secret).update(`${head}.${body}`).digest('base64url');
  return `${head}.${body}.${sig}`;
}

if (require.main === module) {
  const opts = parseArgs(process.argv);
  start(opts).then((s) => {
    process.stdout.write(JSON.stringify({
      listening: s.port, url: s.url, anonKey: s.anonKey, publishableKey: s.publishableKey, kid: s.kid,
    }) + '\n');
    const stop = () => {
      s.server.close();
      s.server.closeAllConnections();
      process.exit(0);
    };
    process.stdin.on('end', stop);
    process.stdin.on('error', stop);
    process.stdin.resume();
  }, (e) => {
    process.stderr.write(`supabase-auth stand-in failed: ${e.stack || e}\n`);
    process.exit(1);
  });
}

module.exports = { start };
