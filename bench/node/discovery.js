// SPDX-License-Identifier: Apache-2.0
// What the node baseline and the pgbench scripts of bench/run share with influence-server for the
// discovery and metric-series scenarios: the same SQL (a port of server/discovery/Discovery.cpp's
// query builder and of server/profiles/Metrics.cpp's statements: keep them in step) and JSON
// written byte for byte as Qt's QJsonDocument writes it (keys sorted, Qt's number format).
'use strict';

const fs = require('node:fs');
const path = require('node:path');

const COUNT_CAP = 10000;
const MAX_LIMIT = 100;
const SORTS = ['relevance', 'followers', 'engagement', 'growth'];
const INT64_MAX = '9223372036854775807';

// --- JSON as QJsonDocument::Compact writes it --------------------------------------------------

// Integers (and integral doubles below 2^53) as integers; other doubles in the shorter of the
// plain and the exponent form with the shortest round-trip digits (QByteArray::number(d, 'g',
// QLocale::FloatingPointShortest): 1e-04, 1.5e-05, 0.0001234, 1e+16).
function qtNumber(value) {
  if (!Number.isFinite(value)) {
    return 'null';
  }
  if (Number.isInteger(value) && Math.abs(value) < 2 ** 53) {
    return String(value);
  }
  const m = /^(-?)(\d)(?:\.(\d+))?e([+-])(\d+)$/.exec(value.toExponential());
  const [, sign, first, rest = '', expSign, expDigits] = m;
  const digits = first + rest;
  const exponent = Number(expSign + expDigits);
  const scientific = `${sign}${first}${rest ? `.${rest}` : ''}e${expSign}${expDigits.padStart(2, '0')}`;
  let plain;
  if (exponent < 0) {
    plain = `${sign}0.${'0'.repeat(-exponent - 1)}${digits}`;
  } else if (exponent + 1 >= digits.length) {
    plain = `${sign}${digits}${'0'.repeat(exponent + 1 - digits.length)}`;
  } else {
    plain = `${sign}${digits.slice(0, exponent + 1)}.${digits.slice(exponent + 1)}`;
  }
  return plain.length <= scientific.length ? plain : scientific;
}

function qtJson(value) {
  if (value === null || value === undefined) {
    return 'null';
  }
  switch (typeof value) {
    case 'number': return qtNumber(value);
    case 'string': return JSON.stringify(value);
    case 'boolean': return value ? 'true' : 'false';
    default: break;
  }
  if (Array.isArray(value)) {
    return `[${value.map(qtJson).join(',')}]`;
  }
  return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${qtJson(value[k])}`).join(',')}}`;
}

// --- GET /api/v1/influencers ---------------------------------------------------------------------

class BadParameter extends Error {
  constructor(parameter) {
    super(`invalid ${parameter}`);
    this.parameter = parameter;
  }
}

function list(params, name, pattern) {
  if (!params.has(name)) {
    return [];
  }
  const values = params.get(name).split(',').filter((part) => part !== '').map((part) => part.trim());
  if (values.length > 20 || !values.every((value) => pattern.test(value))) {
    throw new BadParameter(name);
  }
  return values;
}

function count(params, name) {
  if (!params.has(name)) {
    return null;
  }
  const text = params.get(name);
  if (!/^\d+$/.test(text)) {
    throw new BadParameter(name);
  }
  return text;
}

function decodeCursor(text, sort) {
  let cursor;
  try {
    cursor = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    throw new BadParameter('cursor');
  }
  if (cursor === null || typeof cursor.k !== 'number' || cursor.s !== sort
      || !/^[0-9a-f-]{36}$/.test(cursor.id)) {
    throw new BadParameter('cursor');
  }
  return { key: cursor.k, id: cursor.id };
}

// common::discovery::validateSearch for what a well-formed request holds (the benchmark sends only
// those); malformed values throw BadParameter (400).
function parseDiscovery(params) {
  const query = {
    text: (params.get('q') || '').trim(),
    niches: list(params, 'niche', /^[a-z]+$/),
    countries: list(params, 'country', /^[A-Z]{2}$/),
    languages: list(params, 'language', /^[a-z]{2}$/),
    platform: params.has('platform') ? params.get('platform') : '',
    minFollowers: count(params, 'minFollowers'),
    maxFollowers: count(params, 'maxFollowers'),
    maxPrice: count(params, 'maxPrice'),
    minEngagementRate: null,
    deliverableType: '',
    currency: '',
    limit: 25,
    after: null,
  };
  if (query.text.length > 200) {
    throw new BadParameter('q');
  }
  if (params.has('minEngagementRate')) {
    const rate = Number(params.get('minEngagementRate'));
    if (!(rate >= 0 && rate <= 1)) {
      throw new BadParameter('minEngagementRate');
    }
    query.minEngagementRate = rate;
  }
  if (query.maxPrice !== null || params.has('deliverableType') || params.has('currency')) {
    query.deliverableType = params.get('deliverableType') || '';
    query.currency = params.get('currency') || '';
    if (query.maxPrice === null || !/^[a-z]+$/.test(query.deliverableType) || !/^[A-Z]{3}$/.test(query.currency)) {
      throw new BadParameter('maxPrice');
    }
  }
  query.sort = params.get('sort') || (query.text === '' ? 'followers' : 'relevance');
  if (!SORTS.includes(query.sort) || (query.sort === 'relevance' && query.text === '')) {
    throw new BadParameter('sort');
  }
  if (params.has('limit')) {
    query.limit = Number(params.get('limit'));
    if (!Number.isInteger(query.limit) || query.limit < 1 || query.limit > MAX_LIMIT) {
      throw new BadParameter('limit');
    }
  }
  if (params.has('cursor')) {
    query.after = decodeCursor(params.get('cursor'), query.sort);
  }
  return query;
}

function sortKey(sort, bind, text) {
  switch (sort) {
    case 'relevance':
      return [`ts_rank(d.search, (SELECT websearch_to_tsquery('simple', ${bind(text)}) || websearch_to_tsquery('english', ${bind(text)})))`, 'real'];
    case 'followers': return ['d.total_followers', 'bigint'];
    case 'engagement': return ['coalesce(d.engagement_rate, -1)', 'real'];
    default: return ['coalesce(d.growth_30d, -1e9)', 'real'];
  }
}

// discover()'s FROM … WHERE …, with values placed by `bind` (a $n placeholder, or a literal).
function fromClause(query, bind) {
  const where = ["NOT EXISTS (SELECT 1 FROM users u WHERE u.id = d.user_id AND u.status <> 'active')"];
  if (query.text !== '') {
    where.push(`d.search @@ (SELECT websearch_to_tsquery('simple', ${bind(query.text)}) || websearch_to_tsquery('english', ${bind(query.text)}))`);
  }
  if (query.niches.length > 0) {
    where.push(`d.niches && ARRAY(SELECT jsonb_array_elements_text(CAST(${bind(JSON.stringify(query.niches))} AS jsonb)))`);
  }
  if (query.countries.length > 0) {
    where.push(`d.country = ANY (CAST(ARRAY(SELECT jsonb_array_elements_text(CAST(${bind(JSON.stringify(query.countries))} AS jsonb))) AS bpchar[]))`);
  }
  if (query.languages.length > 0) {
    where.push(`d.languages && ARRAY(SELECT jsonb_array_elements_text(CAST(${bind(JSON.stringify(query.languages))} AS jsonb)))`);
  }
  if (query.platform !== '') {
    where.push(`d.platforms @> ARRAY[CAST(${bind(query.platform)} AS text)]`);
  }
  if (query.minFollowers !== null || query.maxFollowers !== null) {
    const range = (column) => `${column} >= ${bind(BigInt(query.minFollowers ?? 0))} AND ${column} <= ${bind(BigInt(query.maxFollowers ?? INT64_MAX))}`;
    if (query.platform === '') {
      where.push(range('d.total_followers'));
    } else {
      const platform = bind(query.platform);
      where.push(`EXISTS (SELECT 1 FROM connected_accounts a WHERE a.influencer_id = d.user_id AND a.platform = ${platform} AND a.status <> 'disconnected' AND ${range('a.followers')})`);
    }
  }
  if (query.minEngagementRate !== null) {
    where.push(`d.engagement_rate >= ${bind(query.minEngagementRate)}`);
  }
  if (query.maxPrice !== null) {
    where.push(`EXISTS (SELECT 1 FROM influencer_rates r WHERE r.influencer_id = d.user_id AND r.deliverable_type = ${bind(query.deliverableType)} AND r.currency = ${bind(query.currency)} AND r.amount_minor <= ${bind(BigInt(query.maxPrice))})`);
  }
  return ` FROM influencer_details d WHERE ${where.join(' AND ')}`;
}

// The statements discover() runs: the capped count (first pages only), then the page.
// `binder()` returns a fresh bind function and the values it collected.
function discoveryStatements(query, binder) {
  const statements = [];
  if (query.after === null) {
    const [bind, values] = binder();
    statements.push({ text: `SELECT count(*) FROM (SELECT 1${fromClause(query, bind)} LIMIT ${COUNT_CAP + 1}) t`, values });
  }
  const [bind, values] = binder();
  const [key, keyType] = sortKey(query.sort, bind, query.text);
  const from = fromClause(query, bind);
  let pageWhere = '';
  if (query.after !== null) {
    const [afterKey] = sortKey(query.sort, bind, query.text);
    const keyValue = keyType === 'bigint' ? BigInt(Math.trunc(query.after.key)) : query.after.key;
    pageWhere = ` AND (${afterKey}, d.user_id) < (CAST(${bind(keyValue)} AS ${keyType}), CAST(${bind(query.after.id)} AS uuid))`;
  }
  statements.push({
    text: "SELECT jsonb_build_object('id', d.user_id, 'displayName', d.display_name, "
      + "'bio', left(d.bio, 200), 'niches', to_jsonb(d.niches), 'country', d.country, "
      + "'languages', to_jsonb(d.languages), 'totalFollowers', d.total_followers, "
      + "'engagementRate', d.engagement_rate, 'growth30d', d.growth_30d, "
      + "'authenticityScore', d.authenticity_score, "
      + "'platforms', to_jsonb(d.platforms), "
      + "'rates', coalesce((SELECT jsonb_agg(jsonb_build_object('type', r.deliverable_type, "
      + "'amountMinor', r.amount_minor, 'currency', r.currency) ORDER BY r.deliverable_type) "
      + `FROM influencer_rates r WHERE r.influencer_id = d.user_id), '[]'))::text, ${key}, d.user_id${from}${pageWhere}`
      + ` ORDER BY 2 DESC, 3 DESC LIMIT ${query.limit + 1}`,
    values,
  });
  return statements;
}

// discover()'s answer from the rows of discoveryStatements (count rows first when there are any).
function discoveryJson(query, countRows, pageRows) {
  const result = {};
  if (countRows !== null) {
    const total = Number(countRows[0][0]);
    result.total = Math.min(total, COUNT_CAP);
    result.totalIsLowerBound = total > COUNT_CAP;
  }
  const items = pageRows.slice(0, query.limit).map((row) => JSON.parse(row[0]));
  result.items = items;
  result.nextCursor = null;
  if (pageRows.length > query.limit) {
    const last = pageRows[query.limit - 1];
    const cursor = qtJson({ s: query.sort, k: Number(last[1]), id: last[2] });
    result.nextCursor = Buffer.from(cursor, 'utf8').toString('base64url');
  }
  return qtJson(result);
}

// --- GET /api/v1/connected-accounts/{id}/metrics ---------------------------------------------

// bench/sql/metrics.sql: the visibility check, then the daily series (after the session check).
function metricsStatements() {
  const text = fs.readFileSync(path.join(__dirname, '..', 'sql', 'metrics.sql'), 'utf8')
      .split('\n').filter((line) => !line.startsWith('--')).join('\n');
  return text.split(/;\s*\n/).map((s) => s.trim()).filter(Boolean);
}

// The daily series' rows (to_char(day), five counts as int8 text, the rate as numeric text) as
// influence-server writes them.
function metricsJson(accountId, interval, from, to, rows) {
  const count = (v) => (v === null ? null : Number(v));
  const points = rows.map(([date, followers, following, posts, views, reach, rate]) => ({
    date, followers: count(followers), following: count(following), posts: count(posts),
    views: count(views), reach: count(reach), engagementRate: rate === null ? null : parseFloat(rate),
  }));
  return qtJson({ accountId, interval, from, to, points });
}

// A literal as QPSQL writes bound values into EXECUTE (pgbench scripts have no parameters).
function literal(value) {
  if (typeof value === 'bigint' || typeof value === 'number') {
    return String(value);
  }
  return `'${String(value).replace(/'/g, "''")}'`;
}

module.exports = {
  BadParameter, parseDiscovery, discoveryStatements, discoveryJson, metricsStatements, metricsJson,
  literal, qtJson,
};
