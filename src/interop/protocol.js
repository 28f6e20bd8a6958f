'use strict';
// Validation rules of shared/protocol.md §3, shared by the reference server and the conformance client.

const GROUP_ID = /^[A-Za-z0-9_.:-]{1,128}$/;
const CUSTOM_EVENT = /^[a-z][a-z0-9_.-]*(:[a-z0-9_.-]+)*$/;
const MAX_COORD = 1_000_000;
const MAX_DATA_BYTES = 16 * 1024;
const MAX_DEPTH = 32;

const RESERVED = new Set([
  'connection:established', 'connection:error', 'connection:lost',
  'group:join', 'group:leave', 'group:presence', 'group:joined', 'group:left',
  'presence:update', 'cursor:update', 'tool:change', 'heartbeat', 'heartbeat:ack', 'event:emit',
  'user:joined', 'user:left', 'user:presence:updated', 'user:cursor:updated', 'user:tool:changed',
  // Socket.IO's own reserved names
  'connect', 'connect_error', 'disconnect', 'disconnecting', 'newListener', 'removeListener',
]);

class ProtocolError extends Error {
  constructor(code, message) {
    super(message);
    this.code = code;
  }
}

function invalid(message) {
  return new ProtocolError('INVALID_PAYLOAD', message);
}

function isObject(v) {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function requireObject(payload) {
  if (!isObject(payload)) throw invalid('payload must be a JSON object');
  return payload;
}

function groupId(v, field = 'groupId') {
  if (typeof v !== 'string' || !GROUP_ID.test(v)) {
    throw invalid(`${field} must be 1-128 characters of [A-Za-z0-9_.:-]`);
  }
  return v;
}

function tool(v) {
  // printable: no control characters
  if (typeof v !== 'string' || v.length < 1 || v.length > 32 || /[\u0000-\u001f\u007f]/.test(v)) {
    throw invalid('tool must be 1-32 printable characters');
  }
  return v;
}

function coord(v, name) {
  if (typeof v !== 'number' || !Number.isFinite(v) || Math.abs(v) > MAX_COORD) {
    throw invalid(`${name} must be a finite number with absolute value <= 1000000`);
  }
  return v;
}

function cursor(v) {
  if (!isObject(v)) throw invalid('cursor must be an object {x, y}');
  return { x: coord(v.x, 'x'), y: coord(v.y, 'y') };
}

function depthOf(value, depth = 0) {
  if (depth > MAX_DEPTH) return depth;
  if (value !== null && typeof value === 'object') {
    let max = depth + 1;
    for (const k of Object.keys(value)) {
      max = Math.max(max, depthOf(value[k], depth + 1));
      if (max > MAX_DEPTH) return max;
    }
    return max;
  }
  return depth;
}

function customEvent(name) {
  if (typeof name !== 'string' || name.length < 1 || name.length > 64 || !CUSTOM_EVENT.test(name)) {
    throw invalid('event must be 1-64 characters matching ^[a-z][a-z0-9_.-]*(:[a-z0-9_.-]+)*$');
  }
  if (RESERVED.has(name) || /^(connection:|user:|group:|heartbeat)/.test(name)) {
    throw invalid(`event name ${name} is reserved`);
  }
  return name;
}

function customData(data) {
  if (data === undefined) return null;
  const text = JSON.stringify(data);
  if (text !== undefined && Buffer.byteLength(text, 'utf8') > MAX_DATA_BYTES) {
    throw invalid('data must be at most 16 KiB serialized');
  }
  if (depthOf(data) > MAX_DEPTH) throw invalid('data nesting depth must be at most 32');
  return data;
}

module.exports = {
  ProtocolError, invalid, isObject, requireObject, groupId, tool, cursor, coord,
  customEvent, customData, depthOf, RESERVED, MAX_DATA_BYTES,
};
