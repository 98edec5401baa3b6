// SPDX-License-Identifier: Apache-2.0
// Turns one bench/run measurement directory into the results: a JSON document and a Markdown
// table (printed, and saved as latest.md beside the JSON).
//
//   node report.js RUN_DIR OUTPUT_DIR [--check]
//
// RUN_DIR holds meta.json and one <scenario>.<target>.json per measured run (targets:
// influence-server, node, pgbench). With --check (the smoke test) the exit status is 1 unless every
// run served requests without a single error and the node baseline answered the same bytes.
'use strict';

const fs = require('node:fs');
const path = require('node:path');

const TARGETS = ['influence-server', 'previous', 'node', 'pgbench'];
const SCENARIOS = {
  healthz: { method: 'GET', path: '/healthz', sql: null },
  me: { method: 'GET', path: '/api/v1/me', sql: 'bench/sql/me.sql' },
  'discovery-niche': {
    method: 'GET', path: '/api/v1/influencers?niche&country&minFollowers&sort=followers',
    sql: 'bench/node/discovery.js',
  },
  'discovery-text': {
    method: 'GET', path: '/api/v1/influencers?q&language&sort=relevance', sql: 'bench/node/discovery.js',
  },
  'discovery-figures': {
    method: 'GET',
    path: '/api/v1/influencers?platform&minFollowers&maxFollowers&minEngagementRate[&maxPrice]&sort=engagement',
    sql: 'bench/node/discovery.js',
  },
  'metrics-2y': {
    method: 'GET', path: '/api/v1/connected-accounts/{id}/metrics?interval=day (730 days)', sql: 'bench/sql/metrics.sql',
  },
  'deals-list': {
    method: 'GET', path: '/api/v1/deals (brand staff, first page of 25)', sql: 'bench/node/deals.js',
  },
  'deal-detail': {
    method: 'GET', path: '/api/v1/deals/{id} (offers, deliverables)', sql: 'bench/node/deals.js',
  },
};
// The issues' targets: for an authenticated primary-key read with all production middleware on
// (throughput against the baselines), and for discovery and the two-year series (p95 latency at
// concurrency 16).
const GOALS = {
  me: { vsNode: 1.25, vsPgbench: 0.5, p99VsNode: 1.0 },
  'discovery-niche': { p95Ms: 30 },
  'discovery-text': { p95Ms: 30 },
  'discovery-figures': { p95Ms: 30 },
  'metrics-2y': { p95Ms: 10 },
};

function readJson(file) {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

function round(value, digits = 2) {
  return value === null || value === undefined || Number.isNaN(value) ? null : Number(value.toFixed(digits));
}

function ratio(a, b) {
  return a && b ? round(a / b) : null;
}

// CPU of everything else on the machine during a run, in cores: what made it noisy.
function otherCores(raw, seconds) {
  if (raw.machineBusyCpuSeconds === null || raw.machineBusyCpuSeconds === undefined || !seconds) {
    return null;
  }
  const ours = (raw.cpuSeconds || 0) + (raw.postgresCpuSeconds || 0) + (raw.loadGeneratorCpuSeconds || 0);
  return round(Math.max(0, raw.machineBusyCpuSeconds - ours) / seconds, 2);
}

function latencyMs(us) {
  const ms = (v) => (v === undefined ? null : round(v / 1000));
  return { p50: ms(us.p50), p90: ms(us.p90), p95: ms(us.p95), p99: ms(us.p99) };
}

// One shape for wrk's and pgbench's numbers.
function normalise(raw) {
  if (raw.kind === 'pgbench') {
    const latency = raw.latencyUs || {};
    const errors = raw.failed + (raw.exitStatus === 0 ? 0 : 1);
    return {
      requests: raw.transactions,
      requestsPerSecond: round(raw.tps, 1),
      latencyMs: latencyMs(latency),
      errors,
      connections: raw.connections ?? null,
      non2xx: null,
      cpuSeconds: null,
      postgresCpuSeconds: raw.postgresCpuSeconds,
      postgresCpuUsPerRequest: raw.transactions && raw.postgresCpuSeconds !== null
        ? round(raw.postgresCpuSeconds * 1e6 / raw.transactions, 1) : null,
      loadGeneratorCpuSeconds: raw.loadGeneratorCpuSeconds,
      otherCpuCores: otherCores(raw, raw.durationSeconds),
      raw,
    };
  }
  const wrk = raw.wrk || {};
  const e = wrk.errors || {};
  const requests = wrk.requests || 0;
  const latency = wrk.latencyUs || {};
  return {
    requests,
    requestsPerSecond: round(wrk.requestsPerSecond || 0, 1),
    latencyMs: latencyMs(latency),
    connections: raw.connections ?? null,
    // wrk counts a response with status ≥ 400 as a "status" error; the others are socket errors.
    errors: (e.connect || 0) + (e.read || 0) + (e.write || 0) + (e.timeout || 0),
    non2xx: e.status === undefined ? null : e.status,
    cpuSeconds: raw.cpuSeconds,
    cpuUsPerRequest: requests && raw.cpuSeconds !== null ? round(raw.cpuSeconds * 1e6 / requests, 1) : null,
    postgresCpuSeconds: raw.postgresCpuSeconds,
    postgresCpuUsPerRequest: requests && raw.postgresCpuSeconds !== null
      ? round(raw.postgresCpuSeconds * 1e6 / requests, 1) : null,
    loadGeneratorCpuSeconds: raw.loadGeneratorCpuSeconds,
    otherCpuCores: otherCores(raw, wrk.durationSeconds),
    vmHwmMiB: round(raw.vmHwmKiB / 1024, 1),
    vmRssMiB: round(raw.vmRssKiB / 1024, 1),
    sameBodyAsServer: raw.sameBodyAsServer,
    raw,
  };
}

function median(values) {
  const known = values.filter((v) => v !== null && v !== undefined).sort((a, b) => a - b);
  return known.length === 0 ? null : known[Math.floor((known.length - 1) / 2)];
}

// Each figure's median over the rounds (errors are summed, memory is the peak).
function medians(all) {
  const pick = (f) => median(all.map(f));
  return {
    requests: all.reduce((sum, r) => sum + r.requests, 0),
    requestsPerSecond: pick((r) => r.requestsPerSecond),
    latencyMs: {
      p50: pick((r) => r.latencyMs.p50), p90: pick((r) => r.latencyMs.p90),
      p95: pick((r) => r.latencyMs.p95), p99: pick((r) => r.latencyMs.p99),
    },
    connections: all[0].connections,
    errors: all.reduce((sum, r) => sum + r.errors, 0),
    non2xx: all.some((r) => r.non2xx === null) ? null : all.reduce((sum, r) => sum + r.non2xx, 0),
    cpuUsPerRequest: pick((r) => r.cpuUsPerRequest),
    postgresCpuUsPerRequest: pick((r) => r.postgresCpuUsPerRequest),
    vmHwmMiB: all.some((r) => r.vmHwmMiB !== undefined) ? Math.max(...all.map((r) => r.vmHwmMiB || 0)) : null,
    otherCpuCores: pick((r) => r.otherCpuCores),
  };
}

function roundRatios(round) {
  const ours = round['influence-server'];
  const node = round.node;
  const pgbench = round.pgbench;
  const previous = round.previous;
  return {
    throughputVsPrevious: ratio(ours?.requestsPerSecond, previous?.requestsPerSecond),
    p95VsPrevious: ratio(ours?.latencyMs.p95, previous?.latencyMs.p95),
    throughputVsNode: ratio(ours?.requestsPerSecond, node?.requestsPerSecond),
    throughputVsPgbench: ratio(ours?.requestsPerSecond, pgbench?.requestsPerSecond),
    p95VsNode: ratio(ours?.latencyMs.p95, node?.latencyMs.p95),
    p99VsNode: ratio(ours?.latencyMs.p99, node?.latencyMs.p99),
  };
}

// Every round of every contender; the table shows each contender's median round (by requests/s)
// and the median of the rounds' ratios, so that one disturbed minute does not decide the result.
function scenarioResult(runDir, name, rounds) {
  const perRound = [];
  for (let k = 1; k <= rounds; k++) {
    const round = {};
    for (const target of TARGETS) {
      const file = path.join(runDir, `${name}.${target}.r${k}.json`);
      if (fs.existsSync(file)) {
        round[target] = normalise(readJson(file));
      }
    }
    perRound.push(round);
  }
  const results = {};
  for (const target of TARGETS) {
    const all = perRound.map((round) => round[target]).filter(Boolean);
    if (all.length > 0) {
      results[target] = { ...medians(all), rounds: all };
    }
  }
  // Ratios of the medians, so that the two tables agree; each round's own ratios are kept too.
  const ratios = { ...roundRatios(results), rounds: perRound.map(roundRatios) };
  const goal = GOALS[name] || {};
  const goals = {};
  if (goal.vsNode !== undefined) {
    goals.throughputVsNode = { target: `>= ${goal.vsNode}`, met: ratios.throughputVsNode !== null && ratios.throughputVsNode >= goal.vsNode };
    goals.throughputVsPgbench = { target: `>= ${goal.vsPgbench}`, met: ratios.throughputVsPgbench !== null && ratios.throughputVsPgbench >= goal.vsPgbench };
    goals.p99VsNode = { target: `<= ${goal.p99VsNode}`, met: ratios.p99VsNode !== null && ratios.p99VsNode <= goal.p99VsNode };
  }
  if (goal.p95Ms !== undefined) {
    // Every round's p95, not only the median round's: the target holds when each round met it.
    const p95s = (results['influence-server']?.rounds || []).map((r) => r.latencyMs.p95);
    const median = results['influence-server']?.latencyMs.p95 ?? null;
    goals.p95 = {
      target: `< ${goal.p95Ms} ms`, value: median, worstRound: p95s.length ? Math.max(...p95s) : null,
      met: median !== null && median < goal.p95Ms,
    };
  }
  return { name, ...SCENARIOS[name], results, ratios, goals: Object.keys(goals).length ? goals : null };
}

function cell(value, suffix = '') {
  return value === null || value === undefined ? '–' : `${value}${suffix}`;
}

function markdown(doc) {
  const m = doc.meta;
  const lines = [];
  lines.push(`## Benchmark results (${doc.date.slice(0, 16).replace('T', ' ')} UTC${m.mode === 'smoke' ? ', smoke run: figures meaningless' : ''})`);
  lines.push('');
  const set = m.dataSet || {};
  let history = set.days === undefined ? '' : `, ${set.days} days of metric history`;
  if (set.longHistory) {
    history += ` (${set.longHistory.days} days for the first ${set.longHistory.accounts} verified accounts)`;
  }
  lines.push(`Data: ${m.influencers} creators${set.brands === undefined ? '' : `, ${set.brands} brands`}${history} `
      + `(seed ${set.seed ?? '?'}; ${m.users} users, database \`${m.database}\`). `
      + `Load: wrk, ${m.warmupSeconds} s warm-up then ${m.durationSeconds} s at ${m.connections} connections `
      + `(${m.loadThreads} threads; the "conns" column gives each scenario's), ${m.tokenPool} signed-in users`
      + `${m.rounds > 1 ? `, ${m.rounds} rounds (medians shown; each round's ratio in brackets)` : ''}. influence-server: ${m.httpThreads} HTTP threads, `
      + `${m.dbPoolSize} database connections; the node baseline's pool has ${m.dbPoolSize} too. `
      + `Machine: ${m.cores} cores (${m.cpu}), shared, noisy: the ratios are the figures that count.`);
  lines.push('');
  lines.push('| scenario | contender | conns | req/s | p50 ms | p90 ms | p95 ms | p99 ms | errors | non-2xx | CPU µs/req | PostgreSQL CPU µs/req | peak RSS MiB | other load, cores |');
  lines.push('|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const s of doc.scenarios) {
    for (const target of TARGETS) {
      const r = s.results[target];
      if (!r) {
        continue;
      }
      const label = target === 'pgbench' ? 'pgbench (same SQL)' : target === 'node' ? 'node:http + pg'
        : target === 'previous' ? 'previous build' : '**influence-server**';
      lines.push(`| \`${s.method} ${s.path}\` | ${label} | ${cell(r.connections)} | ${cell(r.requestsPerSecond)} | ${cell(r.latencyMs.p50)} | `
          + `${cell(r.latencyMs.p90)} | ${cell(r.latencyMs.p95)} | ${cell(r.latencyMs.p99)} | ${r.errors} | ${cell(r.non2xx)} | `
          + `${cell(r.cpuUsPerRequest)} | ${cell(r.postgresCpuUsPerRequest)} | ${cell(r.vmHwmMiB)} | `
          + `${cell(r.otherCpuCores)} |`);
    }
  }
  lines.push('');
  lines.push('| scenario | ours ÷ node, req/s | ours ÷ pgbench, req/s | ours ÷ node, p95 | ours ÷ node, p99 | target |');
  lines.push('|---|---:|---:|---:|---:|---|');
  const withRounds = (value, key, s) => {
    const each = s.ratios.rounds.map((r) => r[key]);
    return each.length > 1 && value !== null ? `${value} (${each.map((v) => cell(v)).join(', ')})` : cell(value);
  };
  for (const s of doc.scenarios) {
    let target = '–';
    const mark = (g) => (g.met ? 'met' : '**not met**');
    if (s.goals?.throughputVsNode) {
      target = `≥ 1.25× node: ${mark(s.goals.throughputVsNode)}; ≥ 0.5× pgbench: ${mark(s.goals.throughputVsPgbench)}; `
          + `p99 ≤ node: ${mark(s.goals.p99VsNode)}`;
    } else if (s.goals?.p95) {
      target = `p95 ${s.goals.p95.target}: ${mark(s.goals.p95)} (${cell(s.goals.p95.value)} ms; worst round ${cell(s.goals.p95.worstRound)} ms)`;
    }
    lines.push(`| \`${s.method} ${s.path}\` | ${withRounds(s.ratios.throughputVsNode, 'throughputVsNode', s)} | `
        + `${withRounds(s.ratios.throughputVsPgbench, 'throughputVsPgbench', s)} | `
        + `${withRounds(s.ratios.p95VsNode, 'p95VsNode', s)} | `
        + `${withRounds(s.ratios.p99VsNode, 'p99VsNode', s)} | ${target} |`);
  }
  lines.push('');
  if (doc.scenarios.some((s) => s.results.previous)) {
    lines.push(`Against the previous build (${m.previous}), measured right after ours in every round:`);
    lines.push('');
    lines.push('| scenario | ours ÷ previous, req/s | ours ÷ previous, p95 | same answers |');
    lines.push('|---|---:|---:|---|');
    for (const s of doc.scenarios) {
      if (!s.results.previous) {
        continue;
      }
      const same = s.results.previous.rounds.every((r) => r.sameBodyAsServer === true);
      lines.push(`| \`${s.method} ${s.path}\` | ${withRounds(s.ratios.throughputVsPrevious, 'throughputVsPrevious', s)} | `
          + `${withRounds(s.ratios.p95VsPrevious, 'p95VsPrevious', s)} | ${same ? 'yes' : '**no**'} |`);
    }
    lines.push('');
  }
  lines.push(`Versions: ${m.server}, commit ${m.commit}; PostgreSQL ${m.postgres}; node ${m.node} with pg ${m.nodePg}; `
      + `wrk ${m.wrk}; ${m.pgbench}; Linux ${m.kernel}.`);
  lines.push('pgbench latencies are its own per-transaction times (client side, no HTTP); "non-2xx" is what wrk '
      + 'counts (status ≥ 400); CPU is user + system time of the server process (PostgreSQL: all its '
      + 'processes) during the measured seconds, divided by the requests served; "other load" is the CPU '
      + 'the rest of the machine used meanwhile (other work, not the contenders or the load generator).');
  if (doc.scenarios.some((sc) => sc.sql && sc.sql !== 'bench/sql/me.sql' && sc.sql !== 'bench/node/deals.js')) {
    lines.push('Discovery and the metric series: 128 request variants per scenario (bench/node/requests.js: filters, '
        + 'texts and accounts drawn from a fixed random stream), first pages (with the capped total) of 25. '
        + 'Discovery: influence-server answers from its in-memory index (server/discovery/DiscoveryIndex: a '
        + 'change-log probe, PostgreSQL\'s full-text match and rank for q, then filters, count, top 26 and the '
        + 'items in memory; a follower range on a platform reads only that range of the platform\'s accounts); '
        + 'the node baseline and pgbench still run the SQL of a search done '
        + 'entirely in PostgreSQL (session check, capped count, page), so the ratios show what the index buys. '
        + 'Metric series: pgbench runs the statements influence-server runs on a cache miss (session check, '
        + 'visibility with the series version, series); influence-server answers a variant it has answered at '
        + 'the same version from its cache (server/profiles/MetricsCache), running only the first two. '
        + 'Values inlined, one pgbench script per variant.');
  }
  if (doc.scenarios.some((sc) => sc.sql === 'bench/node/deals.js')) {
    lines.push('Deals: brand staff (one signed-in brand user per variant, each a member of one of the 8 brands '
        + 'with the most deals; bench/sql/collab-data.sql) read their first page of deals, or one deal with a '
        + 'history (128 variants: negotiating or agreed deals of their brand); pgbench runs the session check, '
        + 'then the list query, or the access check and the detail query, values inlined.');
  }
  if (m.profile) {
    lines.push(`Profile of the ${m.profileScenario ?? 'me'} scenario: [${m.profile}](${m.profile}).`);
  }
  lines.push('');
  return lines.join('\n');
}

function check(doc) {
  const problems = [];
  for (const s of doc.scenarios) {
    const expected = ['influence-server', ...(s.results.previous ? ['previous'] : []), 'node',
      ...(s.sql ? ['pgbench'] : [])];
    for (const target of expected) {
      const all = s.results[target]?.rounds || [];
      if (all.length < s.roundsExpected) {
        problems.push(`${s.name}/${target}: ${all.length} of ${s.roundsExpected} rounds measured`);
      }
      for (const r of all) {
        if (!(r.requests > 0)) {
          problems.push(`${s.name}/${target}: no requests served`);
        }
        if (r.errors !== 0 || (r.non2xx !== null && r.non2xx !== 0)) {
          problems.push(`${s.name}/${target}: ${r.errors} errors, ${r.non2xx} non-2xx`);
        }
        if ((target === 'node' || target === 'previous') && r.sameBodyAsServer !== true) {
          problems.push(`${s.name}/node: answers differently from influence-server`);
        }
      }
    }
  }
  return problems;
}

function main() {
  const [runDir, outputDir, flag] = process.argv.slice(2);
  const meta = readJson(path.join(runDir, 'meta.json'));
  const date = meta.measuredAt || new Date().toISOString();
  const doc = {
    schema: 1,
    date,
    meta,
    scenarios: meta.scenarios.split(' ').filter(Boolean)
        .map((name) => ({ ...scenarioResult(runDir, name, meta.rounds), roundsExpected: meta.rounds })),
  };
  const stamp = date.replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  const text = markdown(doc);
  fs.mkdirSync(outputDir, { recursive: true });
  fs.writeFileSync(path.join(outputDir, `${stamp}.json`), JSON.stringify(doc, null, 2) + '\n');
  fs.writeFileSync(path.join(outputDir, 'latest.json'), JSON.stringify(doc, null, 2) + '\n');
  fs.writeFileSync(path.join(outputDir, 'latest.md'), text);
  process.stdout.write(text);
  console.log(`\nSaved ${path.join(outputDir, `${stamp}.json`)} and latest.md`);
  if (flag === '--check') {
    const problems = check(doc);
    if (problems.length > 0) {
      console.error(`bench: smoke check failed:\n  ${problems.join('\n  ')}`);
      process.exit(1);
    }
    console.log('bench: smoke check passed: every scenario and baseline served requests without errors');
  }
}

main();
