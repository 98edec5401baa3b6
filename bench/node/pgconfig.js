// SPDX-License-Identifier: Apache-2.0
// node-postgres settings from a libpq-style URL, shared by the node baseline and requests.js.
'use strict';

const fs = require('node:fs');

// libpq's sslmode, which node-postgres does not read the same way: disable → no TLS; allow, prefer,
// require → TLS without certificate checks (as libpq does); verify-ca, verify-full → checked.
function poolConfig(databaseUrl, size) {
  const url = new URL(databaseUrl);
  const mode = url.searchParams.get('sslmode') || 'prefer';
  const rootCert = url.searchParams.get('sslrootcert');
  for (const key of ['sslmode', 'sslrootcert', 'sslcert', 'sslkey']) {
    url.searchParams.delete(key);
  }
  let ssl = false;
  if (mode === 'allow' || mode === 'prefer' || mode === 'require') {
    ssl = { rejectUnauthorized: false };
  } else if (mode === 'verify-ca' || mode === 'verify-full') {
    ssl = { rejectUnauthorized: true, ca: rootCert ? fs.readFileSync(rootCert) : undefined };
  }
  // sslmode=prefer against a server without TLS would fail here; the bench passes disable or
  // require explicitly.
  return { connectionString: url.toString(), ssl, max: size, idleTimeoutMillis: 0 };
}

module.exports = { poolConfig };
