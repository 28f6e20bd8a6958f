'use strict';
// Presence and cursors, as the StudyCollab web app does them (protocol v1), on the browser build
// of socket.io-client. window.board exposes state for tests.
(function () {
  const params = new URLSearchParams(location.search);
  const server = params.get('server') || location.origin;
  const group = params.get('group') || 'demo';
  const token = window.STUDYCOLLAB_TOKEN || new URLSearchParams(location.hash.slice(1)).get('token') || '';
  const $ = (id) => document.getElementById(id);
  const members = new Map();
  const cursors = new Map();
  const state = { status: 'connecting', self: null, members, cursorsSeen: 0, sent: 0 };
  window.board = state;

  const socket = io(server, { auth: { token }, transports: ['polling', 'websocket'] });
  const show = () => {
    $('status').textContent = state.status;
    $('transport').textContent = socket.io.engine ? socket.io.engine.transport.name : '-';
    $('group').textContent = group;
    $('members').textContent = [...members.values()].map((m) => m.displayName).join(', ');
  };
  socket.on('connect_error', (e) => { state.status = `refused: ${e.message}`; show(); });
  socket.on('disconnect', (r) => { state.status = `disconnected: ${r}`; show(); });
  socket.on('connection:established', (e) => {
    state.self = e.userId;
    socket.emit('group:join', { groupId: group }, (ack) => {
      if (!ack || !ack.ok) { state.status = `join failed: ${JSON.stringify(ack)}`; show(); return; }
      ack.members.forEach((m) => members.set(m.userId, m));
      state.status = 'joined';
      show();
    });
  });
  socket.io.on('open', () => socket.io.engine.on('upgrade', show));
  socket.on('user:joined', (p) => { members.set(p.user.userId, p.user); show(); });
  socket.on('user:left', (p) => {
    members.delete(p.userId);
    const c = cursors.get(p.userId);
    if (c) { c.remove(); cursors.delete(p.userId); }
    show();
  });
  socket.on('user:cursor:updated', (p) => {
    state.cursorsSeen++;
    let el = cursors.get(p.userId);
    if (!el) {
      el = document.createElement('div');
      el.className = 'cursor';
      el.dataset.user = p.userId;
      el.innerHTML = '<span></span>';
      el.querySelector('span').textContent = (members.get(p.userId) || {}).displayName || p.userId;
      $('board').appendChild(el);
      cursors.set(p.userId, el);
    }
    el.style.left = `${p.cursor.x}px`;
    el.style.top = `${p.cursor.y}px`;
  });

  // cursor updates at most 20 a second (protocol §7)
  let last = 0;
  let pending = null;
  $('board').addEventListener('mousemove', (ev) => {
    const r = $('board').getBoundingClientRect();
    pending = { x: Math.round(ev.clientX - r.left), y: Math.round(ev.clientY - r.top) };
    const now = Date.now();
    if (now - last >= 50) {
      last = now;
      socket.emit('cursor:update', pending);
      state.sent++;
      pending = null;
    }
  });
  show();
})();
