// SPDX-License-Identifier: Apache-2.0
// bench/money's HTTP side: the brand and admin users, the campaigns, the accepts under contention
// and the ledger check, all through influence-server's own API.
//
//   node money.js setup BASE_URL OUT_DIR BUDGET_MINOR
//        registers bench-money-brand@example.com (brand, with its brand profile) and
//        bench-money-admin@example.com, creates and launches two campaigns (EUR, BUDGET_MINOR
//        each: "server" and "pgbench") → OUT_DIR/money-setup.json
//        {brandId, brandToken, adminEmail, campaigns: {server, pgbench}}
//   node money.js login BASE_URL EMAIL → prints a fresh access token (after a role change)
//   node money.js accept BASE_URL TOKEN PAIRS_FILE CONNECTIONS OUT_JSON
//        POST /api/v1/deals/{deal}/offers/{offer}/accept once for every "deal offer" line of
//        PAIRS_FILE, from CONNECTIONS keep-alive connections each sending its next request when
//        the previous answer is in → OUT_JSON {requests, seconds, rps, status counts, codes,
//        latency percentiles (ms)}
//   node money.js verify BASE_URL ADMIN_TOKEN → prints GET /api/v1/admin/ledger/verify's answer;
//        exits 1 unless it says ok
//
// The users' password is public on purpose: these accounts exist only in benchmark databases.
'use strict';

const fs = require('node:fs');
const http = require('node:http');
const path = require('node:path');

const PASSWORD = 'bench-load-Xq7-not-a-secret';

async function call(baseUrl, method, route, token, body) {
  const headers = { 'content-type': 'application/json' };
  if (token) {
    headers.authorization = `Bearer ${token}`;
  }
  const response = await fetch(`${baseUrl}${route}`, {
    method, headers, body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = { text };
  }
  return { status: response.status, body: json };
}

function expect(answer, statuses, what) {
  if (!statuses.includes(answer.status)) {
    throw new Error(`${what}: HTTP ${answer.status} ${JSON.stringify(answer.body)}`);
  }
  return answer.body;
}

async function signIn(baseUrl, email, role, displayName) {
  let answer = await call(baseUrl, 'POST', '/api/v1/auth/login', undefined, { email, password: PASSWORD });
  if (answer.status === 401) {
    answer = await call(baseUrl, 'POST', '/api/v1/auth/register', undefined,
        { email, password: PASSWORD, role, displayName });
  }
  const body = expect(answer, [200, 201], `signing in ${email}`);
  const claims = JSON.parse(Buffer.from(body.accessToken.split('.')[1], 'base64url'));
  return { token: body.accessToken, id: claims.sub };
}

function day(fromToday) {
  return new Date(Date.now() + fromToday * 86400000).toISOString().slice(0, 10);
}

async function setup(baseUrl, outDir, budget) {
  const brand = await signIn(baseUrl, 'bench-money-brand@example.com', 'brand', 'Bench Money Brand');
  expect(await call(baseUrl, 'PUT', '/api/v1/me/brand', brand.token, { companyName: 'Bench Money Brand' }),
      [200, 201], 'the brand profile');
  await signIn(baseUrl, 'bench-money-admin@example.com', 'brand', 'Bench Money Admin');
  const campaigns = {};
  for (const name of ['server', 'pgbench']) {
    const created = expect(await call(baseUrl, 'POST', '/api/v1/campaigns', brand.token, {
      name: `Bench money (${name})`, brief: 'Accepts under contention.', objective: 'awareness',
      platforms: ['instagram'], deliverableTypes: ['reel'], budgetMinor: budget, currency: 'EUR',
      startDate: day(0), endDate: day(60), visibility: 'public',
    }), [201], `creating the ${name} campaign`);
    expect(await call(baseUrl, 'POST', `/api/v1/campaigns/${created.id}/launch`, brand.token),
        [200], `launching the ${name} campaign`);
    campaigns[name] = created.id;
  }
  fs.writeFileSync(path.join(outDir, 'money-setup.json'), JSON.stringify({
    brandId: brand.id, brandToken: brand.token, adminEmail: 'bench-money-admin@example.com', campaigns,
  }, null, 1));
}

function percentile(sorted, p) {
  return sorted.length === 0 ? null : sorted[Math.min(sorted.length - 1, Math.floor((sorted.length - 1) * p))];
}

async function accept(baseUrl, token, pairsFile, connections, outJson) {
  const pairs = fs.readFileSync(pairsFile, 'utf8').split('\n').filter(Boolean).map((line) => line.split(' '));
  const url = new URL(baseUrl);
  // One socket per worker: each worker sends its next request only when the answer is in.
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections, maxFreeSockets: connections });
  const statuses = {};
  const codes = {};
  const latencies = [];
  const errors = [];
  let next = 0;
  const post = (deal, offer) => new Promise((resolve) => {
    const started = process.hrtime.bigint();
    const request = http.request({
      host: url.hostname, port: url.port, agent, method: 'POST',
      path: `/api/v1/deals/${deal}/offers/${offer}/accept`,
      headers: { authorization: `Bearer ${token}`, 'content-length': 0 },
    }, (response) => {
      const chunks = [];
      response.on('data', (chunk) => chunks.push(chunk));
      response.on('end', () => {
        latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
        statuses[response.statusCode] = (statuses[response.statusCode] || 0) + 1;
        if (response.statusCode !== 200) {
          let code = 'unknown';
          try {
            code = JSON.parse(Buffer.concat(chunks).toString()).code || code;
          } catch { /* not JSON */ }
          const key = `${response.statusCode} ${code}`;
          codes[key] = (codes[key] || 0) + 1;
        }
        resolve();
      });
    });
    request.on('error', (error) => {
      errors.push(error.message);
      resolve();
    });
    request.end();
  });
  const worker = async () => {
    while (next < pairs.length) {
      const [deal, offer] = pairs[next++];
      await post(deal, offer);
    }
  };
  const started = process.hrtime.bigint();
  await Promise.all(Array.from({ length: Math.min(connections, pairs.length) }, worker));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const round = (x) => (x === null ? null : Math.round(x * 100) / 100);
  const result = {
    requests: pairs.length, connections, seconds: round(seconds),
    rps: round(pairs.length / seconds), statuses, codes, errors: errors.length,
    firstError: errors[0] || null,
    latencyMs: { p50: round(percentile(latencies, 0.5)), p90: round(percentile(latencies, 0.9)),
      p99: round(percentile(latencies, 0.99)), max: round(latencies[latencies.length - 1] ?? null) },
  };
  fs.writeFileSync(outJson, JSON.stringify(result, null, 1));
}

async function verify(baseUrl, token) {
  const answer = await call(baseUrl, 'GET', '/api/v1/admin/ledger/verify', token);
  console.log(JSON.stringify({ status: answer.status, ...answer.body }));
  if (answer.status !== 200 || answer.body.ok !== true) {
    process.exitCode = 1;
  }
}

const [command, baseUrl, ...rest] = process.argv.slice(2);
const commands = {
  setup: () => setup(baseUrl, rest[0], Number(rest[1])),
  login: async () => console.log((await signIn(baseUrl, rest[0], 'brand', 'Bench Money')).token),
  accept: () => accept(baseUrl, rest[0], rest[1], Number(rest[2]), rest[3]),
  verify: () => verify(baseUrl, rest[0]),
};
(commands[command] || (() => Promise.reject(new Error('usage: see the head of bench/node/money.js'))))()
  .catch((error) => {
    console.error(`bench/money: ${error.message}`);
    process.exit(1);
  });
