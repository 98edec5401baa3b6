// SPDX-License-Identifier: Apache-2.0
// The "common alternative stack" baseline for bench/run: a bare node:http + pg (node-postgres)
// server that answers the benchmark's routes with the same SQL, the same checks and the same bytes
// as influence-server, so that the two can be compared request for request.
//
//   GET /healthz     {"status":"ok"}
//   GET /api/v1/me   HS256 access token verified like server/auth/TokenService.cpp, then the
//                    session + user query of bench/sql/me.sql, then the user as JSON.
//   GET /api/v1/influencers?…                 discovery: the same token and session checks, then
//                    the count and page queries influence-server builds (discovery.js)
//   GET /api/v1/connected-accounts/{id}/metrics?…   the same checks, then bench/sql/metrics.sql
//   GET /api/v1/deals                         the same checks, then the caller's brands and the
//                    first page of their deals (deals.js; no filters)
//   GET /api/v1/deals/{id}                    the same checks, then the deal access check and the
//                    deal in full (deals.js)
//
// Environment: DATABASE_URL (postgres://…, sslmode honoured), JWT_SECRET, JWT_ISSUER,
// AUTH_AUDIENCE (default influence-api), DB_POOL_SIZE (default 4), PORT (default 0: any free port),
// ACCESS_LOG (a file for one line per request, like influence-server's access log; optional).
// Prints "listening on http://127.0.0.1:PORT" once ready.
'use strict';

const crypto = require('node:crypto');
const fs = require('node:fs');
const http = require('node:http');
const path = require('node:path');
const { Pool, types } = require('pg');
const deals = require('./deals');
const discovery = require('./discovery');
const { poolConfig } = require('./pgconfig');

const TIMESTAMPTZ_OID = 1184;
const CLOCK_SKEW_SECONDS = 30;
const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ROLES = new Set(['brand', 'influencer', 'admin']);

function required(name) {
  const value = process.env[name];
  if (!value) {
    console.error(`bench baseline: ${name} is required`);
    process.exit(2);
  }
  return value;
}

// QtSql turns timestamptz text into a QDateTime rounded to the millisecond; influence-server then
// prints it as ISO 8601 UTC with milliseconds. Do exactly that (JavaScript's Date parser truncates).
function isoMillis(text) {
  const m = /^(\d{4})-(\d\d)-(\d\d)[ T](\d\d):(\d\d):(\d\d)(?:\.(\d{1,6}))?([+-])(\d\d)(?::(\d\d))?(?::(\d\d))?$/.exec(text);
  if (!m) {
    return new Date(text).toISOString();
  }
  const micros = m[7] ? Number(m[7].padEnd(6, '0')) : 0;
  const offsetSeconds = (m[8] === '-' ? -1 : 1) *
      (Number(m[9]) * 3600 + Number(m[10] || 0) * 60 + Number(m[11] || 0));
  const epochMs = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]),
      Number(m[6])) - offsetSeconds * 1000 + Math.round(micros / 1000);
  return new Date(epochMs).toISOString();
}

function base64UrlDecode(text) {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) {
    return null;
  }
  return Buffer.from(text, 'base64url');
}

function parseJsonObject(buffer) {
  if (buffer === null) {
    return null;
  }
  try {
    const value = JSON.parse(buffer.toString('utf8'));
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? value : null;
  } catch {
    return null;
  }
}

// The checks of TokenService::verifyAccessToken, in the same order: pinned HS256, signature,
// issuer, audience, expiry, not-before, subject/session/role.
function verifyAccessToken(token, key, issuer, audience) {
  if (token.length > 8192) {
    return null;
  }
  const parts = token.split('.');
  if (parts.length !== 3 || parts[0] === '' || parts[2] === '') {
    return null;
  }
  const header = parseJsonObject(base64UrlDecode(parts[0]));
  if (header === null || header.alg !== 'HS256' || 'crit' in header) {
    return null;
  }
  const signature = base64UrlDecode(parts[2]);
  const expected = crypto.createHmac('sha256', key).update(`${parts[0]}.${parts[1]}`).digest();
  if (signature === null || signature.length !== expected.length
      || !crypto.timingSafeEqual(signature, expected)) {
    return null;
  }
  const claims = parseJsonObject(base64UrlDecode(parts[1]));
  if (claims === null || claims.iss !== issuer) {
    return null;
  }
  const audienceOk = Array.isArray(claims.aud) ? claims.aud.includes(audience) : claims.aud === audience;
  const now = Math.floor(Date.now() / 1000);
  if (!audienceOk || typeof claims.exp !== 'number'
      || Math.trunc(claims.exp) + CLOCK_SKEW_SECONDS <= now) {
    return null;
  }
  if ('nbf' in claims && Math.trunc(Number(claims.nbf)) > now + CLOCK_SKEW_SECONDS) {
    return null;
  }
  if (typeof claims.sub !== 'string' || !UUID_PATTERN.test(claims.sub)
      || typeof claims.sid !== 'string' || !UUID_PATTERN.test(claims.sid) || !ROLES.has(claims.role)) {
    return null;
  }
  return claims;
}

const COMMON_HEADERS = {
  'Cache-Control': 'no-store',
  'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
};

function main() {
  const key = Buffer.from(required('JWT_SECRET').trim(), 'utf8');
  const issuer = required('JWT_ISSUER');
  const audience = process.env.AUTH_AUDIENCE || 'influence-api';
  const poolSize = Number(process.env.DB_POOL_SIZE || 4);
  const sql = fs.readFileSync(path.join(__dirname, '..', 'sql', 'me.sql'), 'utf8')
      .split('\n').filter((line) => !line.startsWith('--')).join('\n')
      .replace(':session', '$1').replace(':user', '$2');

  types.setTypeParser(TIMESTAMPTZ_OID, (text) => text);
  const pool = new Pool(poolConfig(required('DATABASE_URL'), poolSize));
  pool.on('error', (error) => console.error(`bench baseline: idle client error: ${error.message}`));
  const accessLog = process.env.ACCESS_LOG ? fs.createWriteStream(process.env.ACCESS_LOG, { flags: 'a' }) : null;

  function send(req, res, started, status, body, contentType) {
    const requestId = crypto.randomBytes(16).toString('hex');
    res.writeHead(status, {
      'Content-Type': contentType,
      'X-Request-Id': requestId,
      ...COMMON_HEADERS,
      'Content-Length': Buffer.byteLength(body),
    });
    res.end(body);
    if (accessLog !== null) {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      accessLog.write(`${new Date().toISOString()} info http ${req.method} ${req.url.split('?')[0]} `
          + `${status} ${ms.toFixed(2)}ms ${Buffer.byteLength(body)}B rid=${requestId} `
          + `peer=${req.socket.remoteAddress}\n`);
    }
  }

  function problem(req, res, started, status, code, title) {
    send(req, res, started, status, JSON.stringify({ code, status, title }), 'application/problem+json');
  }

  const [visibleSql, seriesSql] = discovery.metricsStatements();
  const metricsSql = [visibleSql.replace(':account', '$1'),
    seriesSql.replace(':account', '$1').replace(':from', '$2').replace(':to', '$3')];
  const statementName = (text) => `s${crypto.createHash('sha1').update(text).digest('hex').slice(0, 16)}`;

  // The token's session on one pooled connection, then `work` on the same connection (as
  // influence-server runs a request's statements on one worker thread's connection).
  function signedIn(req, res, started, work) {
    const header = req.headers.authorization || '';
    if (header.length < 8 || header.slice(0, 7).toLowerCase() !== 'bearer ') {
      problem(req, res, started, 401, 'unauthorized', 'Unauthorized');
      return;
    }
    const claims = verifyAccessToken(header.slice(7).trim(), key, issuer, audience);
    if (claims === null) {
      problem(req, res, started, 401, 'unauthorized', 'Unauthorized');
      return;
    }
    pool.connect().then(async (client) => {
      try {
        const result = await client.query({ name: 'me', text: sql, values: [claims.sid, claims.sub], rowMode: 'array' });
        if (result.rows.length === 0) {
          problem(req, res, started, 401, 'unauthorized', 'Unauthorized');
          return;
        }
        const [status, body] = await work(client, result.rows[0]);
        if (status === 404) {
          problem(req, res, started, 404, 'not_found', 'Not Found');
        } else {
          send(req, res, started, status, body, 'application/json');
        }
      } finally {
        client.release();
      }
    }).catch((error) => {
      console.error(`bench baseline: ${error.message}`);
      problem(req, res, started, 503, 'service_unavailable', 'Service Unavailable');
    });
  }

  async function run(client, statement) {
    const text = statement.text;
    return (await client.query({ name: statementName(text), text, values: statement.values, rowMode: 'array' })).rows;
  }

  function discover(req, res, started, params) {
    let query;
    try {
      query = discovery.parseDiscovery(params);
    } catch (error) {
      if (!(error instanceof discovery.BadParameter)) {
        throw error;
      }
      problem(req, res, started, 400, 'invalid_parameter', 'Bad Request');
      return;
    }
    signedIn(req, res, started, async (client) => {
      const statements = discovery.discoveryStatements(query, () => {
        const values = [];
        return [(value) => `$${values.push(typeof value === 'bigint' ? value.toString() : value)}`, values];
      });
      const countRows = statements.length > 1 ? await run(client, statements[0]) : null;
      const pageRows = await run(client, statements[statements.length - 1]);
      return [200, discovery.discoveryJson(query, countRows, pageRows)];
    });
  }

  function metrics(req, res, started, id, params) {
    if (!UUID_PATTERN.test(id)) {
      problem(req, res, started, 400, 'invalid_parameter', 'Bad Request');
      return;
    }
    signedIn(req, res, started, async (client) => {
      const to = params.get('to');
      const from = params.get('from');
      const interval = params.get('interval') || 'day';
      const visible = await run(client, { text: metricsSql[0], values: [id] });
      if (visible.length === 0) {
        return [404, null];
      }
      if (interval !== 'day') { // the benchmark asks for daily series only
        return [404, null];
      }
      const rows = await run(client, { text: metricsSql[1], values: [id, from, to] });
      return [200, discovery.metricsJson(id, interval, from, to, rows)];
    });
  }

  const placeholders = () => {
    const values = [];
    return [(value) => `$${values.push(typeof value === 'bigint' ? value.toString() : value)}`, values];
  };
  const dealAccessSql = deals.ACCESS_SQL.replace(':user', '$1').replace(':id', '$2');
  const dealDetailSql = deals.DETAIL_SQL.replace(':id', '$1');
  const brandsSql = deals.BRANDS_SQL.replace(':user', '$1').replace(':member', '$2');

  function listDeals(req, res, started, search) {
    if (search !== '') { // the benchmark asks for the first page, unfiltered
      problem(req, res, started, 400, 'invalid_parameter', 'Bad Request');
      return;
    }
    signedIn(req, res, started, async (client, user) => {
      const [id, , , role] = user;
      const brands = role === 'influencer' || role === 'admin' ? []
        : (await run(client, { text: brandsSql, values: [id, id] })).map((row) => row[0]);
      const [bind, values] = placeholders();
      const text = deals.listStatement(role, id, brands, bind);
      return [200, deals.pageJson(await run(client, { text, values }))];
    });
  }

  function readDeal(req, res, started, id) {
    if (!UUID_PATTERN.test(id)) {
      problem(req, res, started, 400, 'invalid_parameter', 'Bad Request');
      return;
    }
    signedIn(req, res, started, async (client, user) => {
      const [userId, , , role] = user;
      const access = await run(client, { text: dealAccessSql, values: [userId, id] });
      if (!deals.mayRead(access[0], role, userId)) {
        return [404, null];
      }
      const rows = await run(client, { text: dealDetailSql, values: [id] });
      return [200, rows[0][0]];
    });
  }

  const server = http.createServer((req, res) => {
    const started = process.hrtime.bigint();
    const [route, search = ''] = req.url.split('?');
    if (req.method === 'GET' && route === '/healthz') {
      send(req, res, started, 200, '{"status":"ok"}', 'application/json');
      return;
    }
    const metricsRoute = /^\/api\/v1\/connected-accounts\/([^/]+)\/metrics$/.exec(route);
    if (req.method === 'GET' && route === '/api/v1/influencers') {
      discover(req, res, started, new URLSearchParams(search));
      return;
    }
    if (req.method === 'GET' && metricsRoute !== null) {
      metrics(req, res, started, metricsRoute[1], new URLSearchParams(search));
      return;
    }
    if (req.method === 'GET' && route === '/api/v1/deals') {
      listDeals(req, res, started, search);
      return;
    }
    const dealRoute = /^\/api\/v1\/deals\/([^/]+)$/.exec(route);
    if (req.method === 'GET' && dealRoute !== null) {
      readDeal(req, res, started, dealRoute[1]);
      return;
    }
    if (req.method !== 'GET' || route !== '/api/v1/me') {
      problem(req, res, started, 404, 'not_found', 'Not Found');
      return;
    }
    const header = req.headers.authorization || '';
    if (header.length < 8 || header.slice(0, 7).toLowerCase() !== 'bearer ') {
      problem(req, res, started, 401, 'unauthorized', 'Unauthorized');
      return;
    }
    const claims = verifyAccessToken(header.slice(7).trim(), key, issuer, audience);
    if (claims === null) {
      problem(req, res, started, 401, 'unauthorized', 'Unauthorized');
      return;
    }
    pool.query({ name: 'me', text: sql, values: [claims.sid, claims.sub], rowMode: 'array' })
        .then((result) => {
          if (result.rows.length === 0) {
            problem(req, res, started, 401, 'unauthorized', 'Unauthorized');
            return;
          }
          const [id, email, emailVerified, role, status, displayName, createdAt] = result.rows[0];
          // Keys in QJsonObject's (sorted) order, so that both servers send the same bytes.
          send(req, res, started, 200, JSON.stringify({
            createdAt: isoMillis(createdAt), displayName, email, emailVerified, id, role, status,
          }), 'application/json');
        })
        .catch((error) => {
          console.error(`bench baseline: ${error.message}`);
          problem(req, res, started, 503, 'service_unavailable', 'Service Unavailable');
        });
  });
  server.keepAliveTimeout = 60_000;
  server.listen(Number(process.env.PORT || 0), '127.0.0.1', () => {
    console.log(`listening on http://127.0.0.1:${server.address().port}`);
  });
  const stop = () => {
    server.close(() => pool.end().then(() => process.exit(0)));
    server.closeAllConnections();
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main();
