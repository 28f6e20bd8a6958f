'use strict';
// A tiny static server for web/ (the mini StudyCollab page) and the browser build of
// socket.io-client. Prints {"listening":PORT,"url":…}; exits when stdin closes.
//   node static-server.js [--port 0]
const http = require('http');
const fs = require('fs');
const path = require('path');

const portArg = process.argv.indexOf('--port');
const port = portArg > 0 ? Number(process.argv[portArg + 1]) : 0;
const files = {
  '/': [path.join(__dirname, 'web', 'index.html'), 'text/html; charset=utf-8'],
  '/index.html': [path.join(__dirname, 'web', 'index.html'), 'text/html; charset=utf-8'],
  '/app.js': [path.join(__dirname, 'web', 'app.js'), 'text/javascript; charset=utf-8'],
  '/socket.io.min.js': [path.join(__dirname, 'node_modules', 'socket.io-client', 'dist', 'socket.io.min.js'), 'text/javascript; charset=utf-8'],
};
const server = http.createServer((req, res) => {
  const f = files[new URL(req.url, 'http://x').pathname];
  if (!f || req.method !== 'GET') {
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('not found\n');
    return;
  }
  fs.readFile(f[0], (err, data) => {
    if (err) {
      res.writeHead(500);
      res.end();
      return;
    }
    res.writeHead(200, { 'content-type': f[1], 'cache-control': 'no-store' });
    res.end(data);
  });
});
server.listen(port, '127.0.0.1', () => {
  const p = server.address().port;
  process.stdout.write(`${JSON.stringify({ listening: p, url: `http://127.0.0.1:${p}` })}\n`);
});
process.stdin.on('end', () => process.exit(0));
process.stdin.resume();
