'use strict';
// Runs the official Supabase Auth client (@supabase/auth-js, what supabase-js uses) against the
// stand-in in supabase-auth.js, so the stand-in is held to what the real client expects:
// password sign-in, wrong password, refresh (and reuse of a spent refresh token), anonymous
// sign-in, sign out. Prints one JSON line per step and exits 0 when every step behaved as on
// Supabase, 1 otherwise.
//
//   node supabase-js-check.js

const { AuthClient } = require('@supabase/auth-js');
const standin = require('./supabase-auth');

async function main() {
  const s = await standin.start({
    host: '127.0.0.1', port: 0, alg: 'ES256', expiry: 3600, anonymous: true, issuerBase: null,
    publishableKey: 'sb_publishable_check', jwtSecret: 'check-secret-check-secret-check-secret',
    users: [{ email: 'ada@example.com', password: 'correct-horse', name: 'Ada' }],
  });
  const failures = [];
  const step = (name, ok, detail) => {
    process.stdout.write(JSON.stringify({ step: name, ok, detail }) + '\n');
    if (!ok) failures.push(name);
  };
  const client = (key) => new AuthClient({
    url: `${s.url}/auth/v1`, headers: { apikey: key }, persistSession: false, autoRefreshToken: false,
  });
  try {
    const auth = client(s.publishableKey);
    const wrong = await auth.signInWithPassword({ email: 'ada@example.com', password: 'nope' });
    step('wrong password', wrong.error && wrong.error.status === 400
      && wrong.error.message === 'Invalid login credentials', wrong.error && wrong.error.message);

    const signed = await auth.signInWithPassword({ email: 'ada@example.com', password: 'correct-horse' });
    const session = signed.data.session;
    step('password sign-in', !signed.error && session && session.user.email === 'ada@example.com'
      && session.expires_at > Date.now() / 1000, signed.error && signed.error.message);

    const claims = await auth.getClaims(session.access_token);
    step('claims verified by the JWKS', !claims.error && claims.data.claims.session_id
      && claims.data.header.alg === 'ES256', claims.error && claims.error.message);

    const refreshed = await auth.refreshSession({ refresh_token: session.refresh_token });
    step('refresh', !refreshed.error && refreshed.data.session.refresh_token !== session.refresh_token,
      refreshed.error && refreshed.error.message);

    const reused = await auth.refreshSession({ refresh_token: session.refresh_token });
    step('spent refresh token refused', reused.error && /Already Used/.test(reused.error.message),
      reused.error && reused.error.message);

    const anonAuth = client(s.anonKey);
    const anon = await anonAuth.signInAnonymously();
    step('anonymous sign-in with the legacy anon key', !anon.error && anon.data.user.is_anonymous === true,
      anon.error && anon.error.message);

    const signedOut = await anonAuth.signOut();
    step('sign out', !signedOut.error, signedOut.error && signedOut.error.message);

    const badKey = await client('sb_publishable_wrong').signInWithPassword({ email: 'ada@example.com', password: 'x' });
    step('wrong apikey refused', badKey.error && badKey.error.status === 401, badKey.error && badKey.error.message);
  } finally {
    s.server.close();
    s.server.closeAllConnections();
  }
  process.exit(failures.length === 0 ? 0 : 1);
}

main().catch((e) => {
  process.stderr.write(`${e.stack || e}\n`);
  process.exit(1);
});
