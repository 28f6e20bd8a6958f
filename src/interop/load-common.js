'use strict';
// What the load generators share: they only run against loopback, and report percentiles.

/** Exits with a usage error unless both are given and the URL is on loopback. */
function requireLoopbackTarget(url, secret, usage) {
  if (!url || !secret) {
    process.stderr.write(`usage: ${usage}\n`);
    process.exit(2);
  }
  const host = new URL(url).hostname;
  if (!['127.0.0.1', 'localhost', '::1', '[::1]'].includes(host)) {
    process.stderr.write('load tests only run against loopback addresses\n');
    process.exit(2);
  }
}

/** The p-th percentile of an ascending array, or null when it is empty. */
function percentile(sorted, p) {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

module.exports = { requireLoopbackTarget, percentile };
