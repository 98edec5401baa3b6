// SPDX-License-Identifier: Apache-2.0
// Gathers bench/money's raw figures (RUN_DIR: meta.json, accept-*.json, ledger-*.json) into one
// JSON document and a markdown report in the shape of bench/results/latest.md: OUTPUT_DIR/
// money-<time>.json, money-latest.json and money-latest.md (printed too).
//
//   node money-report.js RUN_DIR OUTPUT_DIR
'use strict';

const fs = require('node:fs');
const path = require('node:path');

const [runDir, outputDir] = process.argv.slice(2);
const read = (name) => {
  const file = path.join(runDir, name);
  return fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : null;
};
const meta = read('meta.json');
const server = read('accept-server.json');
const pgbench = read('accept-pgbench.json');
const ledger = {};
for (const spread of ['spread', 'hot']) {
  for (const kind of ['function', 'plain']) {
    ledger[`${kind}-${spread}`] = read(`ledger-${kind}-${spread}.json`);
  }
}
const exported = read('export.json');
const ratio = (a, b) => (a && b ? Math.round((a / b) * 100) / 100 : null);
const pgbenchAcceptRate = pgbench ? Math.round((pgbench.transactions / pgbench.seconds) * 10) / 10 : null;
const doc = {
  schema: 1,
  date: meta.measuredAt,
  meta,
  accept: {
    path: 'POST /api/v1/deals/{id}/offers/{offerId}/accept',
    sql: 'bench/sql/money-accept.sql',
    'influence-server': server,
    pgbench: pgbench && { ...pgbench, wallRate: pgbenchAcceptRate },
    ratio: { serverToPgbench: ratio(server && server.rps, pgbenchAcceptRate) },
  },
  export: exported && {
    path: 'GET /api/v1/audit-log, Accept: text/csv (streamed)',
    ...exported,
    ratio: { serverToPsqlRowsPerSecond: ratio(exported.psql.seconds, exported.server.seconds) },
  },
  ledger: {
    sql: 'ledger_transfer() (resources/migrations/0010_money.sql) against one statement writing the same rows',
    runs: ledger,
    ratio: {
      spread: ratio(ledger['function-spread']?.tps, ledger['plain-spread']?.tps),
      hot: ratio(ledger['function-hot']?.tps, ledger['plain-hot']?.tps),
    },
  },
};

const n = (x, digits = 1) => (x === null || x === undefined ? '–' : Number(x).toFixed(digits));
const latency = (l) => (l ? `${n(l.p50, 2)} | ${n(l.p99, 2)}` : '– | –');
const lines = [];
lines.push(`## Money benchmark results (${meta.measuredAt.replace('T', ' ').slice(0, 16)} UTC)`);
lines.push('');
lines.push(`Data: a fresh database \`${meta.database}\` migrated by the server binary; one brand, two active `
  + `campaigns (EUR) whose budget covers exactly ${meta.budgetFees} fees of ${meta.feeMinor} minor units, `
  + `${meta.deals} creators with a deal negotiating over their own open offer in each. `
  + `Load: ${meta.connections} concurrent connections (pgbench: clients) throughout; ledger runs `
  + `${meta.ledgerDurationSeconds} s each. influence-server: ${meta.buildType} build, `
  + `${meta.dbPoolSize ?? '?'} database connections, LOG_LEVEL=warning. Machine: ${meta.cores} cores `
  + `(${meta.cpu}), ${meta.memoryGiB} GiB, shared with other builds and tests (1-minute load average `
  + `${meta.loadAverage.start} at the start, ${meta.loadAverage.end} at the end): the ratios are the figures that count.`);
lines.push('');
lines.push('### Accept with reservation under contention (one campaign)');
lines.push('');
lines.push('| contender | conns | accepts | wall s | req/s | p50 ms | p99 ms | 200 | 409 budget_exceeded | other | ledger verify |');
lines.push('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|');
if (server) {
  const other = Object.entries(server.codes).filter(([k]) => k !== '409 budget_exceeded')
    .reduce((sum, [, v]) => sum + v, 0) + server.errors;
  lines.push(`| **influence-server** | ${server.connections} | ${server.requests} | ${n(server.seconds, 2)} | `
    + `${n(server.rps)} | ${latency(server.latencyMs)} | ${server.statuses['200'] || 0} | `
    + `${server.codes['409 budget_exceeded'] || 0} | ${other} | ${meta.verify.accept?.ok ? 'ok' : '**not ok**'} |`);
}
if (pgbench) {
  lines.push(`| pgbench (same SQL) | ${meta.connections} | ${pgbench.transactions} | ${n(pgbench.seconds, 2)} | `
    + `${n(pgbenchAcceptRate)} | ${latency(pgbench.latencyMs)} | ${meta.budgetFees} accepted | `
    + `${pgbench.transactions - meta.budgetFees} | ${pgbench.failed} failed | ${meta.verify.pgbench?.ok ? 'ok' : '**not ok**'} |`);
}
lines.push('');
lines.push(`influence-server ÷ pgbench, accepts/s: **${n(doc.accept.ratio.serverToPgbench, 2)}**.`);
lines.push('');
lines.push('### Ledger transfers/s (pgbench)');
lines.push('');
lines.push('| run | clients | transfers/s | p50 ms | p99 ms | failed | ledger_transfer() ÷ plain |');
lines.push('|---|---:|---:|---:|---:|---:|---:|');
const names = {
  'function-spread': '(a) `SELECT ledger_transfer(…)`, each client its own pair',
  'plain-spread': '(a) plain double entry, each client its own pair',
  'function-hot': '(b) `SELECT ledger_transfer(…)`, every client on one hot pair',
  'plain-hot': '(b) plain double entry, one hot pair',
};
for (const [key, label] of Object.entries(names)) {
  const run = ledger[key];
  if (!run) {
    continue;
  }
  const r = key.startsWith('function') ? n(doc.ledger.ratio[key.endsWith('spread') ? 'spread' : 'hot'], 2) : '';
  lines.push(`| ${label} | ${meta.connections} | ${n(run.tps)} | ${latency(run.latencyMs)} | ${run.failed} | ${r} |`);
}
if (exported) {
  const s = exported.server;
  const grew = (s.rssPeakKiB - s.rssBeforeKiB) / 1024;
  lines.push('');
  lines.push(`### CSV export, streamed (${exported.rows} audit entries)`);
  lines.push('');
  lines.push('| contender | rows/s | MB/s | seconds | file MB | server memory before → peak MiB |');
  lines.push('|---|---:|---:|---:|---:|---|');
  lines.push(`| **influence-server** (curl) | ${n(exported.rows / s.seconds, 0)} | ${n(s.bytes / 1e6 / s.seconds)} | `
    + `${n(s.seconds, 2)} | ${n(s.bytes / 1e6)} | ${n(s.rssBeforeKiB / 1024)} → ${n(s.rssPeakKiB / 1024)} (+${n(grew)}) |`);
  lines.push(`| psql \\copy (the rows' JSON) | ${n(exported.rows / exported.psql.seconds, 0)} | `
    + `${n(exported.psql.bytes / 1e6 / exported.psql.seconds)} | ${n(exported.psql.seconds, 2)} | `
    + `${n(exported.psql.bytes / 1e6)} | |`);
  lines.push('');
  lines.push(`influence-server ÷ psql \\copy, rows/s: **${n(doc.export.ratio.serverToPsqlRowsPerSecond, 2)}**.`);
}
lines.push('');
lines.push(`Versions: ${meta.server}, commit ${meta.commit}; PostgreSQL ${meta.postgres}; node ${meta.node}; `
  + `${meta.pgbench}; Linux ${meta.kernel}.`);
lines.push('Accept: bench/node/money.js sends every deal\'s accept once, from keep-alive connections each waiting '
  + 'for its answer before the next request, signed in as the brand (no Idempotency-Key); latencies are per '
  + 'request at the client. pgbench runs what the server runs for one accept (bench/sql/money-accept.sql: the '
  + 'session check, then `bench_accept()`: the locked access check, the offer check, the answer, the accept whose '
  + 'triggers reserve the fee through `ledger_transfer`, the deliverables, the timeline event and the detail JSON, '
  + 'in one transaction, the budget_exceeded refusal caught), each deal once (`-t`), its rate = deals ÷ wall time; '
  + 'its latencies are its own per-transaction times (no HTTP). The ledger is verified through '
  + '`GET /api/v1/admin/ledger/verify` after each contender and after the transfers.');
lines.push('Ledger: `ledger_transfer(debit, credit, 1, …)` locks both accounts in id order, reads them, checks the '
  + 'currencies and the debit\'s limit, then writes the transfer, both balances and two entries; "plain" writes '
  + 'the same rows in one statement without the ordered lock, the reads or the checks, so the ratio is the '
  + 'cost of those. For context only (another machine, another schema, not a baseline): pgledger publishes about '
  + '10 600 transfers/s on a laptop.');
if (meta.failures.length > 0) {
  lines.push('');
  lines.push(`**Checks failed:** ${meta.failures.join('; ')}`);
}
const text = lines.join('\n') + '\n';

fs.mkdirSync(outputDir, { recursive: true });
const stamp = meta.measuredAt.replace(/[-:]/g, '');
fs.writeFileSync(path.join(outputDir, `money-${stamp}.json`), JSON.stringify(doc, null, 2) + '\n');
fs.writeFileSync(path.join(outputDir, 'money-latest.json'), JSON.stringify(doc, null, 2) + '\n');
fs.writeFileSync(path.join(outputDir, 'money-latest.md'), text);
console.log(text);
console.log(`Saved ${path.join(outputDir, `money-${stamp}.json`)} and money-latest.md`);
