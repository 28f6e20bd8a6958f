'use strict';
// One StudyCollab member on the official socket.io-client 4, driven line by line: a peer for tests
// that need real clients behind the intercepting proxy (breakpoints, inject, delivery matrix).
//
//   MEMBER_TOKEN=<jwt> node member.js --url URL [--transport websocket|polling|upgrade]
//
// The token comes from the environment, never the command line. stdin takes JSON lines:
//   {"cmd":"emit","event":"cursor:update","args":[{"x":1,"y":2}],"ack":true,"id":7}
//   {"cmd":"close"}
// stdout prints JSON lines: {"type":"connected","userId":…}, {"type":"event","event":…,"args":[…],"t":ms},
// {"type":"ack","id":7,"args":[…]}, {"type":"connect_error","message":…}, {"type":"disconnect","reason":…}.
// An incoming event that asks for an ack is answered {"ok":true,"echo":<its first argument>}.

const { io } = require('socket.io-client');
const readline = require('readline');

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : dflt;
};
const url = opt('--url', null);
const mode = opt('--transport', 'websocket');
if (!url || !['websocket', 'polling', 'upgrade'].includes(mode)) {
  process.stderr.write('usage: MEMBER_TOKEN=… node member.js --url URL [--transport websocket|polling|upgrade]\n');
  process.exit(2);
}
const transports = mode === 'upgrade' ? ['polling', 'websocket'] : [mode];
const out = (o) => process.stdout.write(`${JSON.stringify(o)}\n`);
const plain = (list) => list.filter((a) => typeof a !== 'function');

const socket = io(url, { transports, forceNew: true, reconnection: false, auth: { token: process.env.MEMBER_TOKEN || '' } });
socket.on('connect_error', (e) => out({ type: 'connect_error', message: e.message }));
socket.on('disconnect', (reason) => out({ type: 'disconnect', reason }));
socket.on('connection:established', (p) => out({ type: 'connected', userId: p.userId, socketId: p.socketId }));
socket.onAny((event, ...rest) => {
  const last = rest[rest.length - 1];
  if (typeof last === 'function') last({ ok: true, echo: rest[0] === undefined ? null : rest[0] });
  out({ type: 'event', event, args: plain(rest), t: Date.now() });
});
socket.io.engine && socket.io.on('open', () => socket.io.engine.on('upgrade', (t) => out({ type: 'upgrade', transport: t.name })));

readline.createInterface({ input: process.stdin }).on('line', (line) => {
  let c;
  try {
    c = JSON.parse(line);
  } catch (e) {
    out({ type: 'error', message: `bad command: ${e.message}` });
    return;
  }
  if (c.cmd === 'emit') {
    const a = Array.isArray(c.args) ? c.args : [];
    if (c.ack) socket.emit(c.event, ...a, (...reply) => out({ type: 'ack', id: c.id, args: reply }));
    else socket.emit(c.event, ...a);
  } else if (c.cmd === 'close') {
    socket.close();
    process.exit(0);
  }
}).on('close', () => {
  socket.close();
  process.exit(0);
});
