// SPDX-License-Identifier: Apache-2.0
// Signs in bench/run's pool of users through influence-server's own API and writes their access
// tokens, or signs them out again.
//
//   node tokens.js login BASE_URL COUNT OUT_DIR [brand]
//                                       → OUT_DIR/tokens.txt      one access token a line
//                                         OUT_DIR/sessions.tsv    session id, user id
//                                         OUT_DIR/refresh.txt     refresh tokens
//                                         (with "brand": tokens-brand.txt, sessions-brand.tsv,
//                                         refresh-brand.txt)
//   node tokens.js logout BASE_URL OUT_DIR        ends those sessions (POST /api/v1/auth/logout)
//
// The users are bench-user-<n>@example.com (RFC 2606; creators) or, with "brand",
// bench-brand-<n>@example.com (brand staff: bench/sql/collab-data.sql makes them members of the
// brands with many deals), created with POST /api/v1/auth/register the first time a database is
// used and signed in with POST /api/v1/auth/login afterwards. Their password is public on purpose:
// these accounts exist only in benchmark databases.
'use strict';

const fs = require('node:fs');
const path = require('node:path');

const PASSWORD = 'bench-load-Xq7-not-a-secret';
const PARALLEL = 4;

async function post(baseUrl, route, body) {
  const response = await fetch(`${baseUrl}${route}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

async function signIn(baseUrl, index, role) {
  const email = role === 'brand' ? `bench-brand-${index}@example.com` : `bench-user-${index}@example.com`;
  let answer = await post(baseUrl, '/api/v1/auth/login', { email, password: PASSWORD });
  if (answer.status === 401) {
    answer = await post(baseUrl, '/api/v1/auth/register',
        { email, password: PASSWORD, role, displayName: role === 'brand' ? `Bench Brand ${index}` : `Bench User ${index}` });
  }
  if (answer.status !== 200 && answer.status !== 201) {
    throw new Error(`${email}: HTTP ${answer.status} ${JSON.stringify(answer.body)}`);
  }
  const claims = JSON.parse(Buffer.from(answer.body.accessToken.split('.')[1], 'base64url'));
  return { access: answer.body.accessToken, refresh: answer.body.refreshToken, sid: claims.sid, sub: claims.sub };
}

async function inParallel(count, work) {
  const results = new Array(count);
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const index = next++;
      results[index] = await work(index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL, count) }, worker));
  return results;
}

async function login(baseUrl, count, outDir, role = 'influencer') {
  const users = await inParallel(count, (index) => signIn(baseUrl, index + 1, role));
  const suffix = role === 'brand' ? '-brand' : '';
  fs.writeFileSync(path.join(outDir, `tokens${suffix}.txt`), users.map((u) => u.access).join('\n') + '\n');
  fs.writeFileSync(path.join(outDir, `refresh${suffix}.txt`), users.map((u) => u.refresh).join('\n') + '\n');
  fs.writeFileSync(path.join(outDir, `sessions${suffix}.tsv`), users.map((u) => `${u.sid}\t${u.sub}`).join('\n') + '\n');
}

async function logout(baseUrl, outDir) {
  for (const name of ['refresh.txt', 'refresh-brand.txt']) {
    const file = path.join(outDir, name);
    if (!fs.existsSync(file)) {
      continue;
    }
    const tokens = fs.readFileSync(file, 'utf8').split('\n').filter(Boolean);
    await inParallel(tokens.length, (index) => post(baseUrl, '/api/v1/auth/logout', { refreshToken: tokens[index] }));
  }
}

const [command, baseUrl, ...rest] = process.argv.slice(2);
const run = command === 'login' ? login(baseUrl, Number(rest[0]), rest[1], rest[2] === 'brand' ? 'brand' : 'influencer')
  : command === 'logout' ? logout(baseUrl, rest[0])
    : Promise.reject(new Error('usage: tokens.js login BASE_URL COUNT OUT_DIR [brand] | logout BASE_URL OUT_DIR'));
run.catch((error) => {
  console.error(`bench: ${error.message}`);
  process.exit(1);
});
