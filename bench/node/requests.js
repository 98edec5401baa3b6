// SPDX-License-Identifier: Apache-2.0
// The requests of bench/run's parameterised scenarios, and the pgbench scripts that run the same
// SQL for each of them.
//
//   node requests.js DATABASE_URL RUN_DIR LONG_HISTORY_ACCOUNTS SCENARIO…
//
// For each scenario, RUN_DIR/<scenario>.paths gets one request path a line (wrk draws them, and
// every line is used) and RUN_DIR/pgbench-<scenario>/<n>.sql the statements influence-server runs
// for line n, with the session of RUN_DIR/sessions.tsv that wrk's request n carries (line n − 1
// modulo the sessions): the session check of bench/sql/me.sql, then the route's own SQL.
//
// The parameters vary as real searches do and are drawn from a fixed random stream, so that each
// run sends the same requests:
//   discovery-niche     niche (one or two) + country (one or two, weighted like the creators)
//                       + minFollowers, sorted by followers
//   discovery-text      a free-text search (niche words, cities, names, bio phrases) + a language,
//                       sorted by relevance
//   discovery-figures   platform + follower range on it + minimum engagement rate, a third with a
//                       price ceiling for a post, sorted by engagement
//   metrics-2y          one account's daily series over two years (730 days), among the accounts
//                       the generator gave two years of history (--long-history)
//   deals-list          the first page of the deals list (default limit) of each signed-in brand
//                       user (RUN_DIR/sessions-brand.tsv, tokens-brand.txt: staff of a brand with
//                       many deals, bench/sql/collab-data.sql), one variant per user
//   deal-detail         one deal in full, among the deals with a history (negotiating or agreed)
//                       of the brands the variant's brand user acts for
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { Client } = require('pg');
const deals = require('./deals');
const discovery = require('./discovery');
const { poolConfig } = require('./pgconfig');

const VARIANTS = 128; // pgbench takes at most 128 scripts
// The seed generator's anchor (server/app/seed/Seeder.cpp): histories end the day before.
const HISTORY_END = '2026-10-31';
const HISTORY_START = '2024-11-01'; // 730 days, both ends included

const NICHES = ['fashion', 'beauty', 'fitness', 'food', 'travel', 'gaming', 'tech', 'music',
  'lifestyle', 'finance', 'education', 'comedy', 'sports', 'art', 'photography', 'diy',
  'pets', 'health', 'wellness', 'home', 'outdoors', 'automotive', 'sustainability', 'family'];
// Weighted as the generated creators are (US a quarter, …).
const COUNTRIES = [['US', 25], ['GB', 8], ['IN', 8], ['BR', 8], ['DE', 6], ['FR', 5], ['MX', 5],
  ['IT', 4], ['ES', 4], ['CA', 4], ['ID', 4], ['AU', 3], ['JP', 3], ['PH', 3], ['NL', 2], ['PL', 2]];
const LANGUAGES = [['en', 45], ['es', 15], ['pt', 6], ['hi', 6], ['fr', 5], ['de', 5], ['it', 3],
  ['id', 3], ['ja', 2], ['tl', 2]];
const SEARCHES = ['fitness', 'travel', 'food', 'gaming', 'beauty', 'photography', 'pets', 'finance',
  'fashion', 'music', 'tech', 'wellness', 'diy', 'Berlin', 'Austin', 'Toronto', 'Lagos', 'Manchester',
  'Osaka', 'Sao Paulo', 'honest reviews', 'behind the scenes', 'coffee', 'slow living', 'tutorials',
  'community', 'Amelia', 'Adrian', 'Alejandro', 'travel food', 'fitness tips', 'budget ideas'];
const PLATFORMS = [['instagram', 4], ['tiktok', 3], ['youtube', 2], ['x', 1]];
const FOLLOWER_RANGES = [[1000, 10000], [5000, 20000], [10000, 50000], [50000, 200000],
  [100000, 1000000], [20000, 100000]];

// mulberry32: a small fixed random stream.
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function generators(rng) {
  const pick = (items) => items[Math.floor(rng() * items.length)];
  const weighted = (items) => {
    let roll = rng() * items.reduce((sum, [, w]) => sum + w, 0);
    for (const [value, w] of items) {
      if (roll < w) {
        return value;
      }
      roll -= w;
    }
    return items[0][0];
  };
  const distinct = (draw, count) => {
    const values = [];
    while (values.length < count) {
      const value = draw();
      if (!values.includes(value)) {
        values.push(value);
      }
    }
    return values.join(',');
  };
  return { pick, weighted, distinct };
}

const SCENARIOS = {
  'discovery-niche': (rng) => {
    const { pick, weighted, distinct } = generators(rng);
    const niche = distinct(() => pick(NICHES), rng() < 0.25 ? 2 : 1);
    const country = distinct(() => weighted(COUNTRIES), rng() < 0.2 ? 2 : 1);
    const minFollowers = pick([1000, 5000, 10000, 25000, 50000, 100000]);
    return `/api/v1/influencers?niche=${niche}&country=${country}&minFollowers=${minFollowers}&sort=followers`;
  },
  'discovery-text': (rng) => {
    const { pick, weighted } = generators(rng);
    const q = encodeURIComponent(pick(SEARCHES));
    return `/api/v1/influencers?q=${q}&language=${weighted(LANGUAGES)}&sort=relevance`;
  },
  'discovery-figures': (rng) => {
    const { pick, weighted } = generators(rng);
    const [min, max] = pick(FOLLOWER_RANGES);
    const rate = pick(['0.01', '0.02', '0.03', '0.05']);
    let target = `/api/v1/influencers?platform=${weighted(PLATFORMS)}&minFollowers=${min}`
        + `&maxFollowers=${max}&minEngagementRate=${rate}`;
    if (rng() < 1 / 3) {
      target += `&deliverableType=post&maxPrice=${pick([20000, 50000, 100000, 500000])}&currency=USD`;
    }
    return `${target}&sort=engagement`;
  },
};

const DEAL_SCENARIOS = new Set(['deals-list', 'deal-detail']);

function sessionSql(session) {
  return fs.readFileSync(path.join(__dirname, '..', 'sql', 'me.sql'), 'utf8')
      .split('\n').filter((line) => !line.startsWith('--')).join('\n')
      .replace(':session', discovery.literal(session.sid)).replace(':user', discovery.literal(session.sub))
      .trim();
}

function discoveryScript(target) {
  const query = discovery.parseDiscovery(new URL(target, 'http://bench').searchParams);
  const statements = discovery.discoveryStatements(query, () => [discovery.literal, []]);
  return statements.map((s) => s.text);
}

function metricsScript(accountId) {
  const [visible, series] = discovery.metricsStatements();
  return [
    visible.replace(':account', discovery.literal(accountId)),
    series.replace(':account', discovery.literal(accountId))
        .replace(':from', `'${HISTORY_START}'`).replace(':to', `'${HISTORY_END}'`),
  ];
}

// Accounts with two years of history: the first LONG_HISTORY verified accounts in id order (the
// generator's rule), checked to hold all 730 days.
async function longHistoryAccounts(databaseUrl, count) {
  const client = new Client(poolConfig(databaseUrl, 1));
  await client.connect();
  try {
    const ids = (await client.query(
        "SELECT id FROM connected_accounts WHERE status = 'connected' ORDER BY id LIMIT $1", [count])).rows.map((r) => r.id);
    const found = await client.query(
        'SELECT count(*)::int AS n FROM account_metrics WHERE account_id = ANY($1) AND day BETWEEN $2 AND $3',
        [ids, HISTORY_START, HISTORY_END]);
    if (ids.length === 0 || found.rows[0].n !== ids.length * 730) {
      throw new Error(`expected ${count} accounts with 730 days of history, found ${found.rows[0].n} snapshots for ${ids.length}`);
    }
    return ids;
  } finally {
    await client.end();
  }
}

// For each brand user (in the order given), the deals with a history of the brands it acts for.
async function dealsWithHistory(databaseUrl, users) {
  const client = new Client(poolConfig(databaseUrl, 1));
  await client.connect();
  try {
    const rows = (await client.query(
        'SELECT m.member_id::text AS member, d.id::text AS id FROM brand_members m '
        + 'JOIN deals d ON d.brand_id = m.brand_id WHERE m.member_id = ANY($1::uuid[]) '
        + "AND d.state IN ('negotiating', 'accepted', 'in_progress', 'completed', 'cancelled') "
        + 'ORDER BY m.member_id, d.seq', [users])).rows;
    return users.map((user) => {
      const ids = rows.filter((r) => r.member === user).map((r) => r.id);
      if (ids.length === 0) {
        throw new Error(`brand user ${user} sees no deals with a history (bench/sql/collab-data.sql)`);
      }
      return ids;
    });
  } finally {
    await client.end();
  }
}

// The brands each brand user acts for, as the server reads them before a list (deals.js).
async function brandsOf(databaseUrl, users) {
  const client = new Client(poolConfig(databaseUrl, 1));
  await client.connect();
  try {
    const result = [];
    for (const user of users) {
      const text = deals.BRANDS_SQL.replace(':user', '$1').replace(':member', '$2');
      result.push((await client.query({ text, values: [user, user], rowMode: 'array' })).rows.map((row) => row[0]));
    }
    return result;
  } finally {
    await client.end();
  }
}

function readSessions(file) {
  return fs.readFileSync(file, 'utf8').split('\n').filter(Boolean)
      .map((line) => { const [sid, sub] = line.split('\t'); return { sid, sub }; });
}

async function main() {
  const [databaseUrl, runDir, longHistory, ...names] = process.argv.slice(2);
  const userSessions = readSessions(path.join(runDir, 'sessions.tsv'));
  let accounts = null;
  for (const name of names) {
    let targets;
    let scripts;
    let sessions = userSessions;
    if (DEAL_SCENARIOS.has(name)) {
      sessions = readSessions(path.join(runDir, 'sessions-brand.tsv'));
    }
    if (name === 'deals-list') {
      // One variant per brand user: variant i goes with token i (modulo the tokens).
      targets = sessions.map(() => '/api/v1/deals');
      const brands = await brandsOf(databaseUrl, sessions.map((session) => session.sub));
      scripts = sessions.map((session, i) => [
        deals.BRANDS_SQL.replace(':user', discovery.literal(session.sub)).replace(':member', discovery.literal(session.sub)),
        deals.listStatement('brand', session.sub, brands[i], discovery.literal),
      ]);
    } else if (name === 'deal-detail') {
      const visible = await dealsWithHistory(databaseUrl, sessions.map((session) => session.sub));
      const rng = random(4242);
      const picked = Array.from({ length: VARIANTS }, (_, i) => {
        const ids = visible[i % sessions.length];
        return ids[Math.floor(rng() * ids.length)];
      });
      targets = picked.map((id) => `/api/v1/deals/${id}`);
      scripts = picked.map((id, i) => [
        deals.ACCESS_SQL.replace(':user', discovery.literal(sessions[i % sessions.length].sub))
            .replace(':id', discovery.literal(id)),
        deals.DETAIL_SQL.replace(':id', discovery.literal(id)),
      ]);
    } else if (name === 'metrics-2y') {
      accounts = accounts || await longHistoryAccounts(databaseUrl, Number(longHistory));
      const rng = random(730);
      targets = Array.from({ length: Math.min(VARIANTS, accounts.length) }, (_, i) => accounts[i === 0 ? 0 : Math.floor(rng() * accounts.length)]);
      scripts = targets.map(metricsScript);
      targets = targets.map((id) => `/api/v1/connected-accounts/${id}/metrics?from=${HISTORY_START}&to=${HISTORY_END}&interval=day`);
    } else if (SCENARIOS[name]) {
      const rng = random([...name].reduce((h, c) => Math.imul(h, 31) + c.charCodeAt(0), 7));
      targets = Array.from({ length: VARIANTS }, () => SCENARIOS[name](rng));
      scripts = targets.map(discoveryScript);
    } else {
      throw new Error(`no requests for scenario ${name}`);
    }
    fs.writeFileSync(path.join(runDir, `${name}.paths`), targets.join('\n') + '\n');
    const dir = path.join(runDir, `pgbench-${name}`);
    fs.mkdirSync(dir, { recursive: true });
    scripts.forEach((statements, i) => {
      const all = [sessionSql(sessions[i % sessions.length]), ...statements];
      fs.writeFileSync(path.join(dir, `${i + 1}.sql`), all.map((s) => `${s.replace(/\s*\n\s*/g, ' ')};\n`).join(''));
    });
  }
}

main().catch((error) => {
  console.error(`bench: ${error.message}`);
  process.exit(1);
});
