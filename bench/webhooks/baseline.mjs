// SPDX-License-Identifier: Apache-2.0
// The baseline of bench/webhooks/run: what the receiver (tests/peers/webhooks/peer.mjs) takes from
// a plain signed client. N bodies of the shape of the server's `webhook.test` payload (jsonb's
// text form of {type, timestamp, data: {n}}) are signed with the standardwebhooks package, as the
// receiver verifies them, and POSTed over W keep-alive connections (one request at a time on
// each, as the server's W job workers do), each sent with the headers the server sends.
//
// Usage: WEBHOOK_SECRET=whsec_… node baseline.mjs <url> <deliveries> <connections>
// Prints one JSON line: {start, end (Unix seconds, from the first send to the last answer),
// deliveries, connections, sockets (opened), statuses: {code: count}, bodyBytes (mean),
// cpuSeconds (this process's, user + system, over the same span)}.
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { createRequire } from 'node:module';

// The receiver's own copy of the package (tests/peers/webhooks/node_modules).
const require = createRequire(new URL('../../tests/peers/webhooks/package.json', import.meta.url));
const { Webhook } = require('standardwebhooks');

const [url, deliveriesArg, connectionsArg] = process.argv.slice(2);
const deliveries = Number(deliveriesArg);
const connections = Number(connectionsArg);
const secret = process.env.WEBHOOK_SECRET || '';
if (!url || !(deliveries > 0) || !(connections > 0) || !secret.startsWith('whsec_')) {
  console.error('usage: WEBHOOK_SECRET=whsec_… node baseline.mjs <url> <deliveries> <connections>');
  process.exit(2);
}

const webhook = new Webhook(secret);
const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
let sockets = 0;
const target = new URL(url);

// jsonb's text output, the bytes the server signs and sends (payload::text).
function body(n) {
  return `{"data": {"n": ${n}}, "type": "webhook.test", "timestamp": "${new Date().toISOString()}"}`;
}

function post(n) {
  const payload = body(n);
  const id = `msg_${randomUUID().replaceAll('-', '')}`;
  const timestamp = new Date();
  const signature = webhook.sign(id, timestamp, payload);
  return new Promise((resolve, reject) => {
    const req = http.request({
      agent, host: target.hostname, port: target.port, path: target.pathname, method: 'POST',
      headers: {
        accept: 'application/json', 'user-agent': 'bench-webhooks-baseline',
        'content-type': 'application/json', 'content-length': Buffer.byteLength(payload),
        'webhook-id': id, 'webhook-timestamp': String(Math.floor(timestamp.getTime() / 1000)),
        'webhook-signature': signature,
      },
    }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode, bytes: Buffer.byteLength(payload) }));
    });
    req.on('socket', (socket) => {
      if (!socket.counted) {
        socket.counted = true;
        sockets += 1;
      }
    });
    req.on('error', reject);
    req.end(payload);
  });
}

const statuses = {};
let bytes = 0;
let next = 1;
async function connection() {
  while (next <= deliveries) {
    const n = next;
    next += 1;
    const answer = await post(n);
    statuses[answer.status] = (statuses[answer.status] || 0) + 1;
    bytes += answer.bytes;
  }
}

const now = () => (performance.timeOrigin + performance.now()) / 1000;
const cpuBefore = process.cpuUsage();
const start = now();
await Promise.all(Array.from({ length: connections }, connection));
const end = now();
const cpu = process.cpuUsage(cpuBefore);
agent.destroy();
console.log(JSON.stringify({
  start, end, deliveries, connections, sockets, statuses, bodyBytes: bytes / deliveries,
  cpuSeconds: (cpu.user + cpu.system) / 1e6,
}));
