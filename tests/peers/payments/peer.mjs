// SPDX-License-Identifier: Apache-2.0
// A local stand-in for Stripe Connect, speaking the shapes of Stripe's API reference: transfers to
// connected accounts (POST /v1/transfers, GET /v1/transfers/{id}, GET /v1/transfers), accounts
// (GET /v1/accounts/{id}), Stripe's errors ({"error":{"type","code","message"}}) and its
// Idempotency-Key rules. Webhook events are signed by the official stripe package
// (stripe.webhooks.generateTestHeaderString): an implementation of the Stripe-Signature scheme
// independent of the server's. Only node:http besides.
//
// Usage: node peer.mjs <port> <webhookSecret> [secretKey]   (secretKey default sk_test_influence)
// Prints "listening on <port>" when ready. /control/* lets a test steer it:
//   POST /control/next        {"mode": M, "delayMs": N}  queues a behaviour for the next transfer:
//       balance_insufficient  400, code balance_insufficient (stored under the key, as Stripe does)
//       account_invalid       400, code account_invalid: the destination cannot receive transfers
//       server_error          500 before anything is created (not stored: a replay runs again)
//       hang                  nothing is created and no answer ever comes
//       delay                 the transfer is created at once, the answer comes after delayMs
//       drop                  the transfer is created, then the answer breaks off after its head
//                             and a few bytes of body: the client cannot know what happened
//       close                 the transfer is created, then the connection is closed before any
//                             byte of the answer (HTTP clients may resend such a request)
//   POST /control/accounts    {"id": "acct_…", "payoutsEnabled": bool, "transfersActive": bool}
//   GET  /control/transfers   every transfer created, with the idempotency key that created it
//   POST /control/send-event  {"url", "type": account.updated|transfer.created|transfer.reversed,
//                              "account" | "transfer", "payoutsEnabled"?, "timestamp"?, "secret"?}
//                             POSTs the signed event to url; answers {status, body, event, header}
//   POST /control/sign        {"payload", "secret"?, "timestamp"?} → {"header"}
//   POST /control/reset       forgets transfers, keys, accounts and queued behaviours
import http from 'node:http';
import crypto from 'node:crypto';

import Stripe from 'stripe';

const port = Number(process.argv[2] || 0);
const webhookSecret = process.argv[3];
const secretKey = process.argv[4] || 'sk_test_influence';
if (!webhookSecret) {
  console.error('usage: node peer.mjs <port> <webhookSecret> [secretKey]');
  process.exit(2);
}
// The client is used for its webhook helper only; it never calls out.
const stripe = new Stripe(secretKey);

const state = {
  transfers: new Map(), // id -> transfer object
  created: [], // { id, idempotencyKey } in creation order
  keys: new Map(), // idempotency key -> { method, path, fingerprint, status, body }
  accounts: new Map(), // id -> { payoutsEnabled, transfersActive }
  next: [], // queued behaviours for the next transfers
};

const now = () => Math.floor(Date.now() / 1000);
const randomId = (prefix) => prefix + crypto.randomBytes(12).toString('base64url').replace(/[-_]/g, 'x');

function send(res, status, body, headers = {}) {
  res.writeHead(status, { 'content-type': 'application/json', 'request-id': randomId('req_'), ...headers });
  res.end(typeof body === 'string' ? body : JSON.stringify(body));
}

function stripeError(status, type, code, message, param) {
  const error = { type, message };
  if (code) error.code = code;
  if (param) error.param = param;
  return { status, body: JSON.stringify({ error }) };
}

function readBody(req) {
  return new Promise((resolve) => {
    let data = '';
    req.on('data', (chunk) => { data += chunk; });
    req.on('end', () => resolve(data));
  });
}

function account(id) {
  const known = state.accounts.get(id);
  return {
    id,
    object: 'account',
    type: 'express',
    charges_enabled: known ? known.payoutsEnabled : true,
    payouts_enabled: known ? known.payoutsEnabled : true,
    details_submitted: known ? known.payoutsEnabled : true,
    capabilities: { transfers: !known || known.transfersActive ? 'active' : 'inactive' },
    metadata: {},
  };
}

// Stripe's form encoding: metadata[payout_id]=… becomes metadata.payout_id.
function parseTransferForm(form) {
  const params = { metadata: {} };
  for (const [name, value] of form) {
    const nested = /^metadata\[([^\]]+)\]$/.exec(name);
    if (nested) params.metadata[nested[1]] = value;
    else params[name] = value;
  }
  return params;
}

function fingerprint(form) {
  return JSON.stringify([...form].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

// Runs the endpoint: a stored-able result {status, body}.
function executeTransfer(params, behaviour, idempotencyKey) {
  if (behaviour?.mode === 'balance_insufficient') {
    return stripeError(400, 'invalid_request_error', 'balance_insufficient',
      'You have insufficient available funds in your Stripe account. Try adding funds directly to '
      + 'your available balance by creating Charges using the 4000000000000077 test card.');
  }
  const amount = Number(params.amount);
  if (!/^[0-9]+$/.test(params.amount || '') || !Number.isSafeInteger(amount) || amount < 1) {
    return stripeError(400, 'invalid_request_error', 'parameter_invalid_integer',
      'Invalid positive integer', 'amount');
  }
  if (!/^[a-z]{3}$/.test(params.currency || '')) {
    return stripeError(400, 'invalid_request_error', 'parameter_missing',
      'Missing or invalid currency: a three-letter ISO code in lowercase.', 'currency');
  }
  if (!/^acct_[A-Za-z0-9]+$/.test(params.destination || '')) {
    return stripeError(400, 'invalid_request_error', 'resource_missing',
      `No such destination: '${params.destination || ''}'`, 'destination');
  }
  const destination = state.accounts.get(params.destination);
  if (behaviour?.mode === 'account_invalid' || (destination && !destination.transfersActive)) {
    return stripeError(400, 'invalid_request_error', 'account_invalid',
      'Your destination account needs to have at least one of the following capabilities enabled: '
      + 'transfers, crypto_transfers, legacy_payments', 'destination');
  }
  const id = randomId('tr_');
  const transfer = {
    id,
    object: 'transfer',
    amount,
    amount_reversed: 0,
    balance_transaction: randomId('txn_'),
    created: now(),
    currency: params.currency,
    description: params.description ?? null,
    destination: params.destination,
    destination_payment: randomId('py_'),
    livemode: false,
    metadata: params.metadata,
    reversals: { object: 'list', data: [], has_more: false, total_count: 0, url: `/v1/transfers/${id}/reversals` },
    reversed: false,
    source_transaction: null,
    source_type: 'card',
    transfer_group: params.transfer_group ?? null,
  };
  state.transfers.set(id, transfer);
  state.created.push({ id, idempotencyKey: idempotencyKey ?? null });
  return { status: 200, body: JSON.stringify(transfer) };
}

function authorized(req) {
  return (req.headers.authorization || '') === `Bearer ${secretKey}`;
}

async function createTransfer(req, res, text) {
  const form = new URLSearchParams(text);
  const key = req.headers['idempotency-key'];
  if (key !== undefined) {
    const stored = state.keys.get(key);
    if (stored) {
      if (stored.fingerprint !== fingerprint(form) || stored.path !== '/v1/transfers') {
        const e = stripeError(400, 'idempotency_error', null,
          'Keys for idempotent requests can only be used with the same parameters they were first '
          + `used with. Try using a key other than '${key}' if you meant to execute a different request.`);
        return send(res, e.status, e.body);
      }
      return send(res, stored.status, stored.body, { 'idempotency-key': key, 'idempotent-replayed': 'true' });
    }
  }
  const behaviour = state.next.shift();
  if (behaviour?.mode === 'server_error') {
    return send(res, 500, { error: { type: 'api_error', message: 'An unknown error occurred' } });
  }
  if (behaviour?.mode === 'hang') {
    return; // never answered; closed when the client gives up
  }
  const result = executeTransfer(parseTransferForm(form), behaviour, key);
  if (key !== undefined) {
    state.keys.set(key, { path: '/v1/transfers', fingerprint: fingerprint(form), ...result });
  }
  const headers = key !== undefined ? { 'idempotency-key': key } : {};
  if (behaviour?.mode === 'drop') {
    res.socket.write(`HTTP/1.1 ${result.status} OK\r\ncontent-type: application/json\r\n`
      + `content-length: ${result.body.length}\r\n\r\n${result.body.slice(0, 8)}`);
    res.socket.destroy();
    return;
  }
  if (behaviour?.mode === 'close') {
    req.socket.destroy();
    return;
  }
  if (behaviour?.mode === 'delay') {
    setTimeout(() => { if (!res.destroyed) send(res, result.status, result.body, headers); },
      Number(behaviour.delayMs || 0));
    return;
  }
  send(res, result.status, result.body, headers);
}

async function sendEvent(command) {
  let object;
  if (command.type === 'account.updated') {
    const id = command.account;
    const known = state.accounts.get(id) || { payoutsEnabled: true, transfersActive: true };
    if (command.payoutsEnabled !== undefined) known.payoutsEnabled = Boolean(command.payoutsEnabled);
    state.accounts.set(id, known);
    object = account(id);
  } else if (command.type === 'transfer.created' || command.type === 'transfer.reversed') {
    const transfer = state.transfers.get(command.transfer);
    if (!transfer) return { status: 404, error: `no transfer ${command.transfer}` };
    if (command.type === 'transfer.reversed' && !transfer.reversed) {
      const reversal = { id: randomId('trr_'), object: 'transfer_reversal', amount: transfer.amount,
        created: now(), currency: transfer.currency, metadata: {}, transfer: transfer.id };
      transfer.reversed = true;
      transfer.amount_reversed = transfer.amount;
      transfer.reversals.data.push(reversal);
      transfer.reversals.total_count = 1;
    }
    object = transfer;
  } else {
    return { status: 400, error: `unknown event type ${command.type}` };
  }
  const event = {
    id: randomId('evt_'),
    object: 'event',
    api_version: '2025-08-27.basil',
    created: now(),
    data: { object },
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type: command.type,
  };
  const payload = JSON.stringify(event);
  const header = stripe.webhooks.generateTestHeaderString({
    payload, secret: command.secret || webhookSecret, timestamp: command.timestamp ?? now() });
  const answer = await fetch(command.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json; charset=utf-8', 'stripe-signature': header,
      'user-agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)' },
    body: payload,
  });
  return { status: answer.status, body: await answer.text(), event, header, payload };
}

async function route(req, res) {
  const url = new URL(req.url, 'http://localhost');
  const path = url.pathname;
  const text = req.method === 'POST' ? await readBody(req) : '';

  // ---- test control
  if (path.startsWith('/control/')) {
    const command = req.method === 'POST' ? JSON.parse(text || '{}') : {};
    if (path === '/control/next' && req.method === 'POST') {
      state.next.push({ mode: command.mode, delayMs: command.delayMs });
      return send(res, 200, { queued: state.next.length });
    }
    if (path === '/control/accounts' && req.method === 'POST') {
      state.accounts.set(command.id, { payoutsEnabled: command.payoutsEnabled ?? true,
        transfersActive: command.transfersActive ?? true });
      return send(res, 200, account(command.id));
    }
    if (path === '/control/transfers') {
      return send(res, 200, { transfers: state.created.map(({ id, idempotencyKey }) => ({
        ...state.transfers.get(id), idempotency_key: idempotencyKey })) });
    }
    if (path === '/control/send-event' && req.method === 'POST') {
      const result = await sendEvent(command);
      return send(res, result.error ? result.status : 200, result);
    }
    if (path === '/control/sign' && req.method === 'POST') {
      return send(res, 200, { header: stripe.webhooks.generateTestHeaderString({
        payload: command.payload, secret: command.secret || webhookSecret, timestamp: command.timestamp ?? now() }) });
    }
    if (path === '/control/reset' && req.method === 'POST') {
      state.transfers.clear();
      state.created = [];
      state.keys.clear();
      state.accounts.clear();
      state.next = [];
      return send(res, 200, { ok: true });
    }
    return send(res, 404, { error: 'not_found' });
  }

  // ---- Stripe API
  if (!path.startsWith('/v1/')) return send(res, 404, { error: 'not_found' });
  if (!authorized(req)) {
    const e = stripeError(401, 'invalid_request_error', null, req.headers.authorization
      ? 'Invalid API Key provided: sk_test_****'
      : 'You did not provide an API key. You need to provide your API key in the Authorization header, '
        + 'using Bearer auth (e.g. \'Authorization: Bearer YOUR_SECRET_KEY\').');
    return send(res, e.status, e.body, { 'www-authenticate': 'Bearer realm="Stripe"' });
  }
  if (path === '/v1/transfers' && req.method === 'POST') return createTransfer(req, res, text);
  if (path === '/v1/transfers' && req.method === 'GET') {
    const group = url.searchParams.get('transfer_group');
    const destination = url.searchParams.get('destination');
    const data = [...state.transfers.values()].reverse().filter((t) =>
      (!group || t.transfer_group === group) && (!destination || t.destination === destination));
    return send(res, 200, { object: 'list', data, has_more: false, url: '/v1/transfers' });
  }
  let match = /^\/v1\/transfers\/([^/]+)$/.exec(path);
  if (match && req.method === 'GET') {
    const transfer = state.transfers.get(match[1]);
    if (!transfer) {
      const e = stripeError(404, 'invalid_request_error', 'resource_missing', `No such transfer: '${match[1]}'`, 'id');
      return send(res, e.status, e.body);
    }
    return send(res, 200, transfer);
  }
  match = /^\/v1\/accounts\/(acct_[A-Za-z0-9]+)$/.exec(path);
  if (match && req.method === 'GET') return send(res, 200, account(match[1]));
  const e = stripeError(404, 'invalid_request_error', null, `Unrecognized request URL (${req.method}: ${path}).`);
  return send(res, e.status, e.body);
}

const server = http.createServer((req, res) => {
  route(req, res).catch((e) => send(res, 500, { error: { type: 'api_error', message: String(e) } }));
});
server.listen(port, '127.0.0.1', () => {
  console.log(`listening on ${server.address().port}`);
});
