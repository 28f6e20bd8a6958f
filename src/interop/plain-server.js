'use strict';
// A plain Socket.IO server with no auth and events of its own (nothing of the StudyCollab contract
// but two probes): what a debugger meets on any other Socket.IO app. On connection, in the default
// namespace and in --namespace (default /chat), it emits multi-argument, binary, argument-less and
// custom events, one known StudyCollab event that breaks its contract, then `plain:done`.
//   node plain-server.js [--port 0] [--namespace /chat]
const http = require('http');
const { Server } = require('socket.io');

function arg(name, fallback) {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : fallback;
}
const port = Number(arg('--port', 0));
const namespace = arg('--namespace', '/chat');

const ALL_BYTES = Buffer.from(Array.from({ length: 256 }, (_, i) => i));

// [event, ...args]; the test reads the same list back from the session file.
const EVENTS = [
  ['multi', 'a', 2, { b: true }],
  ['bin', Buffer.from([0, 1, 2, 0xfe, 0xff])],
  ['bin-nested', { name: 'all.bin', bytes: ALL_BYTES }, 'tail'],
  ['chat message', 'hello'],
  ['none'],
  ['nulls', null, null],
  ['user:left', { groupId: 'g1', userId: 'u1', reason: 'bogus' }],
  ['custom:relay', { from: 'x', groupId: null, data: { n: 1 }, ts: 1 }],
];

const httpServer = http.createServer();
const io = new Server(httpServer);
function greet(socket) {
  const auth = socket.handshake.auth || {};
  for (const [event, ...args] of EVENTS) socket.emit(event, ...args);
  socket.emit('plain:done', { sent: EVENTS.length, nsp: socket.nsp.name, authKeys: Object.keys(auth) });
}
io.on('connection', greet);
io.of(namespace).on('connection', greet);

httpServer.listen(port, '127.0.0.1', () => {
  process.stdout.write(JSON.stringify({ listening: httpServer.address().port, events: EVENTS.length }) + '\n');
  const stop = () => {
    io.close();
    process.exit(0);
  };
  process.stdin.on('end', stop);
  process.stdin.resume();
  process.on('SIGTERM', stop);
});
