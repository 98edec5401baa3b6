// SPDX-License-Identifier: Apache-2.0
// A real, certified OpenID provider (the oidc-provider package) on 127.0.0.1 for the API tests.
// Sign-in uses its development login form (any login, any password); consent is granted
// automatically, as for a first-party client. Accounts follow the login name:
//   "alice@example.com"            sub = the login, email alice@example.com, email_verified true
//   "unverified:bob@example.com"   sub = the login, email bob@example.com, email_verified false
//
//   node provider.mjs --port 4000 --client-id app --client-secret s3cret \
//       --redirect-uri http://localhost:8080/api/v1/auth/oidc/local/callback \
//       [--auth-method client_secret_basic|client_secret_post]
// Prints "listening on <port>" when ready.
import { parseArgs } from 'node:util';

import Provider from 'oidc-provider';

const { values: args } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    'client-id': { type: 'string' },
    'client-secret': { type: 'string' },
    'redirect-uri': { type: 'string' },
    'auth-method': { type: 'string', default: 'client_secret_basic' },
  },
});

function claimsOf(accountId) {
  const unverified = accountId.startsWith('unverified:');
  const email = unverified ? accountId.slice('unverified:'.length) : accountId;
  return {
    sub: accountId,
    email,
    email_verified: !unverified,
    name: `Test ${email.split('@')[0]}`,
  };
}

const port = Number(args.port);
const issuer = `http://127.0.0.1:${port}`;
const provider = new Provider(issuer, {
  clients: [{
    client_id: args['client-id'],
    client_secret: args['client-secret'],
    redirect_uris: [args['redirect-uri']],
    grant_types: ['authorization_code'],
    response_types: ['code'],
    token_endpoint_auth_method: args['auth-method'],
  }],
  // The relying party under test must send PKCE (S256 is the only method offered).
  pkce: { required: () => true },
  claims: {
    openid: ['sub'],
    email: ['email', 'email_verified'],
    profile: ['name'],
  },
  // The scope's claims go into the ID token itself, as Google, Microsoft and Keycloak do.
  conformIdTokenClaims: false,
  features: { devInteractions: { enabled: true } },
  cookies: { keys: ['influence-tests-only'] },
  async findAccount(ctx, id) {
    return { accountId: id, async claims() { return claimsOf(id); } };
  },
  // First-party client: consent is implied.
  async loadExistingGrant(ctx) {
    const grantId = ctx.oidc.result?.consent?.grantId
      || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
    if (grantId) {
      return ctx.oidc.provider.Grant.find(grantId);
    }
    const grant = new ctx.oidc.provider.Grant({
      clientId: ctx.oidc.client.clientId,
      accountId: ctx.oidc.session.accountId,
    });
    grant.addOIDCScope('openid email profile');
    await grant.save();
    return grant;
  },
});

const server = provider.listen(port, '127.0.0.1', () => {
  console.log(`listening on ${server.address().port}`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
