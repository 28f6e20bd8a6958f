'use strict';
// A misbehaving server for fault tests: it accepts anyone and, on connection, sends a burst of
// payloads that break shared/protocol.md (wrong types, missing fields, non-objects, no payload,
// deep nesting, huge strings, unknown events), then one valid custom event `hostile:done`.
//   node hostile.js [--port 0]
const http = require('http');
const { Server } = require('socket.io');

const portArg = process.argv.indexOf('--port');
const port = portArg > 0 ? Number(process.argv[portArg + 1]) : 0;

function deep(n) {
  let v = { leaf: true };
  for (let i = 0; i < n; i++) v = { d: v };
  return v;
}

const BAD = [
  ['user:joined', 'not an object'],
  ['user:cursor:updated', { groupId: 'g1', userId: 'u1', cursor: { x: 'left', y: 2 }, ts: 1 }],
  ['group:joined', { groupId: 'g1', members: 'nobody' }],
  ['user:left', { groupId: 'g1', userId: 'u1', reason: 'bogus' }],
  ['heartbeat:ack'],
  ['connection:established', { socketId: 7 }],
  ['user:tool:changed', { groupId: 'bad group id with spaces', userId: 'u1', tool: 'pen' }],
  ['custom:numbers', 42],
  ['custom:array', [1, 2, 3]],
  ['custom:deep', { from: 'x', groupId: null, data: deep(200), ts: 1 }],
  ['custom:missing-ts', { from: 'x', groupId: null, data: 1 }],
  ['custom:huge', { from: 'x', groupId: null, data: 'x'.repeat(200 * 1024), ts: 1 }],
  ['user:presence:updated', { groupId: 'g1', user: { userId: 'u1', displayName: 'A', isActive: 'yes' } }],
  ['custom:null', null],
];

// CPU this process has used, in microseconds: lets a test see which side of a flood was busy.
function cpuMicros() {
  const u = process.cpuUsage();
  return u.user + u.system;
}

const httpServer = http.createServer();
const io = new Server(httpServer, { maxHttpBufferSize: 1e6 });
io.on('connection', (socket) => {
  const burst = () => {
    for (const [event, ...args] of BAD) socket.emit(event, ...args);
    socket.emit('hostile:done', { from: 'server', groupId: null, data: { sent: BAD.length }, ts: Date.now() });
  };
  burst();
  socket.on('hostile:again', burst);
  socket.on('hostile:flood', (n) => {
    const count = Math.min(Number(n) || 0, 1000000);
    for (let i = 0; i < count; i++) socket.emit('flood:tick', { from: 'server', groupId: null, data: i, ts: Date.now() });
    socket.emit('hostile:done', { from: 'server', groupId: null, data: { sent: count }, ts: Date.now() });
  });
  // A flood with every tenth event malformed (a cursor whose x is not a number). The packets are
  // written pre-encoded onto the Engine.IO connection: socket.emit's own encoding, not the wire or
  // the client, was what capped the rate (about 40,000 events/s here).
  socket.on('hostile:floodmix', (n) => {
    const count = Math.min(Number(n) || 0, 1000000);
    const ts = Date.now();
    const start = process.hrtime.bigint();
    for (let i = 0; i < count; i++) {
      if (i % 10 === 9) socket.conn.write('2["user:cursor:updated",{"groupId":"g1","userId":"u1","cursor":{"x":"left","y":' + i + '},"ts":1}]');
      else socket.conn.write('2["flood:tick",{"from":"server","groupId":null,"data":' + i + ',"ts":' + ts + '}]');
    }
    // How fast the server offered the flood; the transport then drains it at the client's pace.
    const writeMicros = Number((process.hrtime.bigint() - start) / 1000n);
    socket.emit('hostile:done', { from: 'server', groupId: null, data: { sent: count, writeMicros }, ts: Date.now() });
  });
  // Socket.IO packets no parser accepts, written straight onto the Engine.IO connection.
  socket.on('hostile:frames', () => {
    for (const frame of FRAMES) socket.conn.write(frame);
    socket.emit('hostile:done', { from: 'server', groupId: null, data: { sent: FRAMES.length, cpuMicros: cpuMicros() }, ts: Date.now() });
  });
});

const FRAMES = [
  '2["broken",{',
  '2not json at all',
  '2[]',
  '2{"an":"object, not an array"}',
  '9unknown packet type',
  '2["unterminated string',
  '4"connect error that is not an object"',
];

httpServer.listen(port, '127.0.0.1', () => {
  process.stdout.write(JSON.stringify({ listening: httpServer.address().port, bad: BAD.length, frames: FRAMES.length }) + '\n');
  const stop = () => {
    io.close();
    process.exit(0);
  };
  process.stdin.on('end', stop);
  process.stdin.resume();
  process.on('SIGTERM', stop);
});
