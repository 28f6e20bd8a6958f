'use strict';
// A misbehaving server for fault tests: it accepts anyone and, on connection, sends a burst of
// payloads that break shared/protocol.md (wrong types, missing fields, non-objects, no payload,
// deep nesting, huge strings, unknown events), then one valid custom event `hostile:done`.
// With --storm N it also attacks every connection, as fast as it can write: N flood events
// (pre-encoded onto the Engine.IO connection, chunks of 1,000 with the event loop free between
// them) with, among them, a 1 MB binary event every 10,000, a 100,000-level nested event every
// 25,000 and a 10 MB event every 50,000; then, 2 s later, `storm:done` with what it sent and how
// fast it offered the flood. Pings every 5 s (timeout 10 s), so a client that stops answering
// under the storm is seen to drop.
//   node hostile.js [--port 0] [--storm N]
const http = require('http');
const { Server } = require('socket.io');

const portArg = process.argv.indexOf('--port');
const port = portArg > 0 ? Number(process.argv[portArg + 1]) : 0;
const stormArg = process.argv.indexOf('--storm');
const stormEvents = stormArg > 0 ? Number(process.argv[stormArg + 1]) : 0;

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
const io = new Server(httpServer, stormEvents > 0
  ? { maxHttpBufferSize: 1e6, pingInterval: 5000, pingTimeout: 10000 }
  : { maxHttpBufferSize: 1e6 });

const BIG = '2["storm:big",{"from":"server","groupId":null,"data":"' + 'x'.repeat(10 * 1024 * 1024) + '","ts":1}]';
const DEEP = '2["storm:deep",' + '['.repeat(100000) + ']'.repeat(100000) + ']';
const BLOB = Buffer.alloc(1024 * 1024, 7);

function storm(socket) {
  const sent = { 'flood:tick': 0, 'storm:big': 0, 'storm:deep': 0, 'storm:blob': 0 };
  let stopped = false;
  socket.on('disconnect', () => { stopped = true; });
  const start = process.hrtime.bigint();
  const chunk = () => {
    if (stopped) return;
    for (let i = 0; i < 1000 && sent['flood:tick'] < stormEvents; i++) {
      const n = sent['flood:tick']++;
      socket.conn.write('2["flood:tick",{"from":"server","groupId":null,"data":' + n + ',"ts":1}]');
      if (n % 10000 === 5000) socket.emit('storm:blob', BLOB, sent['storm:blob']++);
      if (n % 25000 === 1000) { socket.conn.write(DEEP); sent['storm:deep']++; }
      if (n % 50000 === 2000) { socket.conn.write(BIG); sent['storm:big']++; }
    }
    if (sent['flood:tick'] < stormEvents) {
      setImmediate(chunk);
      return;
    }
    const micros = Number((process.hrtime.bigint() - start) / 1000n);
    const data = { ...sent, floodPerSecond: Math.round(stormEvents / (micros / 1e6)) };
    setTimeout(() => socket.emit('storm:done', { from: 'server', groupId: null, data, ts: Date.now() }), 2000);
  };
  setImmediate(chunk);
}

io.on('connection', (socket) => {
  if (stormEvents > 0) storm(socket);
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
