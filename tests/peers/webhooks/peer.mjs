// SPDX-License-Identifier: Apache-2.0
// A local webhook receiver for the webhook tests. Every delivery is checked by the standardwebhooks
// package (Webhook.verify): an implementation of the Standard Webhooks signature scheme
// independent of the server's. Only node:http and node:https besides.
//
// Usage: node peer.mjs <port> [--tls <port> <key.pem> <cert.pem>]…
//   Prints "listening on <port>" when every listener is ready. Each --tls adds an https listener
//   (node:https) on its port with that key and certificate, answering /hook/ like the plain one
//   (the control routes are on the plain port).
//   POST /hook/<name>          a delivery; verified with each secret configured for <name>. Answers
//                              500 while failures are queued, 401 when no secret verifies it,
//                              else 204.
//   POST /control/configure    {"name", "secrets": ["whsec_…", …], "fail": N} sets <name>'s secrets
//                              (the first must verify) and queues N failures (500)
//   GET  /control/deliveries   every delivery received: {name, id, timestamp, type, body,
//                              signature, verified: [bool per secret], status, tls}
//   POST /control/reset        forgets deliveries and configuration
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';

import { Webhook } from 'standardwebhooks';

const port = Number(process.argv[2] || 0);
const state = { endpoints: new Map(), deliveries: [] };

function send(res, status, body) {
  if (body === undefined) {
    res.writeHead(status);
    res.end();
    return;
  }
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

function readBody(req) {
  return new Promise((resolve) => {
    let data = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => { data += chunk; });
    req.on('end', () => resolve(data));
  });
}

function verifiedWith(secret, body, headers) {
  try {
    new Webhook(secret).verify(body, headers);
    return true;
  } catch {
    return false;
  }
}

async function hook(req, res, name) {
  const body = await readBody(req);
  const endpoint = state.endpoints.get(name) || { secrets: [], fail: 0 };
  const verified = endpoint.secrets.map((secret) => verifiedWith(secret, body, req.headers));
  let status = 204;
  if (endpoint.fail > 0) {
    endpoint.fail -= 1;
    status = 500;
  } else if (!verified[0]) {
    status = 401;
  }
  let type = null;
  try {
    type = JSON.parse(body).type;
  } catch {
    type = null;
  }
  state.deliveries.push({
    name, id: req.headers['webhook-id'], timestamp: req.headers['webhook-timestamp'],
    signature: req.headers['webhook-signature'], type, body, verified, status,
    tls: Boolean(req.socket.encrypted),
  });
  send(res, status, status === 204 ? undefined : { error: status === 401 ? 'bad signature' : 'failing' });
}

async function handle(req, res) {
  const url = new URL(req.url, 'http://localhost');
  if (req.method === 'POST' && url.pathname.startsWith('/hook/')) {
    return hook(req, res, url.pathname.slice('/hook/'.length));
  }
  if (req.method === 'POST' && url.pathname === '/control/configure') {
    const input = JSON.parse((await readBody(req)) || '{}');
    state.endpoints.set(input.name, { secrets: input.secrets || [], fail: input.fail || 0 });
    return send(res, 200, { ok: true });
  }
  if (req.method === 'GET' && url.pathname === '/control/deliveries') {
    return send(res, 200, { deliveries: state.deliveries });
  }
  if (req.method === 'POST' && url.pathname === '/control/reset') {
    state.endpoints.clear();
    state.deliveries = [];
    return send(res, 200, { ok: true });
  }
  return send(res, 404, { error: 'not found' });
}

async function hooksOnly(req, res) {
  const url = new URL(req.url, 'https://localhost');
  if (req.method === 'POST' && url.pathname.startsWith('/hook/')) {
    return hook(req, res, url.pathname.slice('/hook/'.length));
  }
  return send(res, 404, { error: 'not found' });
}

function listen(server, at) {
  return new Promise((resolve) => server.listen(at, '127.0.0.1', () => resolve(server)));
}

const listeners = [];
const args = process.argv.slice(3);
for (let i = 0; i + 3 < args.length && args[i] === '--tls'; i += 4) {
  const tls = https.createServer(
    { key: fs.readFileSync(args[i + 2]), cert: fs.readFileSync(args[i + 3]) }, hooksOnly);
  listeners.push(listen(tls, Number(args[i + 1])));
}
const server = http.createServer(handle);
await Promise.all(listeners);
await listen(server, port);
console.log(`listening on ${server.address().port}`);
