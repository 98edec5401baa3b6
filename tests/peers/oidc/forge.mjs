// SPDX-License-Identifier: Apache-2.0
// A small OpenID provider for the API tests that can misbehave on purpose: it follows the
// authorization code flow with PKCE (RFC 6749, RFC 7636, OpenID Connect Core §3.1) and signs ID
// tokens with jose, but a "mode" set over its control endpoint forges the next ID tokens:
//
//   ok, ps256, es256                          valid tokens (RS256, PS256, ES256 keys)
//   wrong_nonce, wrong_aud, multi_aud_no_azp, wrong_iss, expired, future_iat,
//   alg_none, hs256 (signed with the client secret), unknown_kid, tampered,
//   alg_kty_mismatch (ES256 signature naming the RSA key), no_id_token,
//   token_error (the token endpoint refuses the code), deny (error=access_denied),
//   wrong_iss_param (RFC 9207 iss of another provider), wrong_discovery_issuer
//
// POST /_control {"mode": "...", "account": {"sub", "email", "email_verified", "name"}} sets
// them; GET /_control reports what the relying party did (JWKS fetches, token requests).
//
//   node forge.mjs --port 4001 --client-id app --client-secret s3cret \
//       --redirect-uri http://localhost:8080/api/v1/auth/oidc/forge/callback [--redirect-uri …] \
//       [--auth-methods client_secret_basic,client_secret_post] [--tls-cert c.pem --tls-key k.pem]
// Prints "listening on <port>" when ready.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import { parseArgs } from 'node:util';

import * as jose from 'jose';

const { values: args } = parseArgs({
  options: {
    port: { type: 'string' },
    'client-id': { type: 'string' },
    'client-secret': { type: 'string' },
    'redirect-uri': { type: 'string', multiple: true },
    'auth-methods': { type: 'string', default: 'client_secret_basic,client_secret_post' },
    'tls-cert': { type: 'string' },
    'tls-key': { type: 'string' },
  },
});

const tls = Boolean(args['tls-cert']);
const port = Number(args.port);
const issuer = tls ? `https://localhost:${port}` : `http://127.0.0.1:${port}`;
const clientId = args['client-id'];
const clientSecret = args['client-secret'];
const redirectUris = args['redirect-uri'];

const state = {
  mode: 'ok',
  account: { sub: 'forge-user', email: 'forge-user@example.com', email_verified: true, name: 'Forge User' },
  jwksFetches: 0,
  tokenRequests: [],
};
const codes = new Map();

async function keyPair(alg, kid, options = {}) {
  const { publicKey, privateKey } = await jose.generateKeyPair(alg, { extractable: true, ...options });
  const jwk = { ...(await jose.exportJWK(publicKey)), kid, alg, use: 'sig' };
  return { privateKey, jwk, kid, alg };
}

const keys = {
  rsa: await keyPair('RS256', 'rsa-1'),
  pss: await keyPair('PS256', 'pss-1'),
  ec: await keyPair('ES256', 'ec-1'),
  rogue: await keyPair('RS256', 'rogue'), // never published
};
const published = [keys.rsa.jwk, keys.pss.jwk, keys.ec.jwk];

const b64 = (value) => Buffer.from(value).toString('base64url');

async function sign(claims, key, header = {}) {
  return new jose.SignJWT(claims)
    .setProtectedHeader({ alg: key.alg, kid: key.kid, typ: 'JWT', ...header })
    .sign(key.privateKey);
}

async function idToken(grant) {
  const now = Math.floor(Date.now() / 1000);
  const claims = {
    iss: issuer,
    sub: grant.account.sub,
    aud: clientId,
    exp: now + 300,
    iat: now,
    auth_time: now,
    nonce: grant.nonce,
    email: grant.account.email,
    email_verified: grant.account.email_verified,
    name: grant.account.name,
  };
  switch (grant.mode) {
    case 'ps256': return sign(claims, keys.pss);
    case 'es256': return sign(claims, keys.ec);
    case 'wrong_nonce': return sign({ ...claims, nonce: 'not-the-one-sent' }, keys.rsa);
    case 'wrong_aud': return sign({ ...claims, aud: 'another-client' }, keys.rsa);
    case 'multi_aud_no_azp': return sign({ ...claims, aud: [clientId, 'another-client'] }, keys.rsa);
    case 'wrong_iss': return sign({ ...claims, iss: 'https://impostor.example.com' }, keys.rsa);
    case 'expired': return sign({ ...claims, exp: now - 3600, iat: now - 7200 }, keys.rsa);
    case 'future_iat': return sign({ ...claims, iat: now + 3600, exp: now + 7200 }, keys.rsa);
    case 'alg_none':
      return `${b64(JSON.stringify({ alg: 'none', typ: 'JWT' }))}.${b64(JSON.stringify(claims))}.`;
    case 'hs256':
      return new jose.SignJWT(claims)
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .sign(new TextEncoder().encode(clientSecret));
    case 'unknown_kid': return sign(claims, keys.rogue);
    case 'tampered': {
      const [header, , signature] = (await sign(claims, keys.rsa)).split('.');
      const forged = { ...claims, email: 'victim@example.com', email_verified: true };
      return `${header}.${b64(JSON.stringify(forged))}.${signature}`;
    }
    case 'alg_kty_mismatch':
      return new jose.SignJWT(claims)
        .setProtectedHeader({ alg: 'ES256', kid: keys.rsa.kid, typ: 'JWT' })
        .sign(keys.ec.privateKey);
    default: return sign(claims, keys.rsa);
  }
}

function send(res, status, body, headers = {}) {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': typeof body === 'string' ? 'text/plain' : 'application/json',
    'Cache-Control': 'no-store',
    ...headers,
  });
  res.end(text);
}

function redirect(res, location) {
  res.writeHead(302, { Location: location, 'Cache-Control': 'no-store' });
  res.end();
}

async function readBody(req) {
  const chunks = [];
  for await (const chunk of req) {
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function discovery() {
  return {
    issuer: state.mode === 'wrong_discovery_issuer' ? 'https://impostor.example.com' : issuer,
    authorization_endpoint: `${issuer}/authorize`,
    token_endpoint: `${issuer}/token`,
    jwks_uri: `${issuer}/jwks`,
    response_types_supported: ['code'],
    subject_types_supported: ['public'],
    id_token_signing_alg_values_supported: ['RS256', 'PS256', 'ES256'],
    token_endpoint_auth_methods_supported: args['auth-methods'].split(','),
    code_challenge_methods_supported: ['S256'],
    scopes_supported: ['openid', 'email', 'profile'],
  };
}

function authorize(url, res) {
  const p = url.searchParams;
  if (p.get('client_id') !== clientId || !redirectUris.includes(p.get('redirect_uri'))) {
    return send(res, 400, 'unknown client or redirect_uri');
  }
  const target = new URL(p.get('redirect_uri'));
  target.searchParams.set('state', p.get('state') ?? '');
  if (p.get('response_type') !== 'code' || p.get('code_challenge_method') !== 'S256'
      || !p.get('code_challenge') || !p.get('nonce') || !p.get('state')
      || !(p.get('scope') ?? '').split(' ').includes('openid')) {
    target.searchParams.set('error', 'invalid_request');
    return redirect(res, target.toString());
  }
  if (state.mode === 'deny') {
    target.searchParams.set('error', 'access_denied');
    return redirect(res, target.toString());
  }
  const code = randomBytes(24).toString('base64url');
  codes.set(code, {
    redirectUri: p.get('redirect_uri'),
    challenge: p.get('code_challenge'),
    nonce: p.get('nonce'),
    mode: state.mode,
    account: { ...state.account },
  });
  target.searchParams.set('code', code);
  target.searchParams.set('iss', state.mode === 'wrong_iss_param' ? 'https://impostor.example.com' : issuer);
  return redirect(res, target.toString());
}

function clientAuthentication(req, form) {
  const header = req.headers.authorization ?? '';
  if (header.startsWith('Basic ')) {
    const [id, secret] = Buffer.from(header.slice(6), 'base64').toString('utf8').split(':')
      .map((part) => decodeURIComponent(part.replace(/\+/g, ' ')));
    return { method: 'client_secret_basic', id, secret };
  }
  if (form.has('client_secret')) {
    return { method: 'client_secret_post', id: form.get('client_id'), secret: form.get('client_secret') };
  }
  return { method: 'none', id: form.get('client_id'), secret: '' };
}

function sameText(a, b) {
  const x = Buffer.from(a ?? '');
  const y = Buffer.from(b ?? '');
  return x.length === y.length && timingSafeEqual(x, y);
}

async function token(req, res) {
  const form = new URLSearchParams(await readBody(req));
  const auth = clientAuthentication(req, form);
  const grant = codes.get(form.get('code') ?? '');
  codes.delete(form.get('code') ?? ''); // single use
  const verifier = form.get('code_verifier') ?? '';
  const pkceOk = Boolean(grant)
    && createHash('sha256').update(verifier).digest('base64url') === grant.challenge;
  state.tokenRequests.push({
    authMethod: auth.method,
    redirectUri: form.get('redirect_uri'),
    pkceOk,
    grantType: form.get('grant_type'),
  });
  if (auth.id !== clientId || !sameText(auth.secret, clientSecret)
      || !args['auth-methods'].split(',').includes(auth.method)) {
    return send(res, 401, { error: 'invalid_client' });
  }
  if (form.get('grant_type') !== 'authorization_code' || !grant || !pkceOk
      || form.get('redirect_uri') !== grant.redirectUri || grant.mode === 'token_error') {
    return send(res, 400, { error: 'invalid_grant' });
  }
  const body = { access_token: randomBytes(24).toString('base64url'), token_type: 'Bearer', expires_in: 300 };
  if (grant.mode !== 'no_id_token') {
    body.id_token = await idToken(grant);
  }
  return send(res, 200, body);
}

async function control(req, res) {
  if (req.method === 'POST') {
    const update = JSON.parse(await readBody(req));
    if (update.mode) {
      state.mode = update.mode;
    }
    if (update.account) {
      state.account = update.account;
    }
    if (update.reset) {
      state.jwksFetches = 0;
      state.tokenRequests = [];
    }
  }
  return send(res, 200, { mode: state.mode, jwksFetches: state.jwksFetches, tokenRequests: state.tokenRequests });
}

async function handle(req, res) {
  const url = new URL(req.url, issuer);
  switch (`${req.method} ${url.pathname}`) {
    case 'GET /.well-known/openid-configuration': return send(res, 200, discovery());
    case 'GET /jwks':
      state.jwksFetches += 1;
      return send(res, 200, { keys: published });
    case 'GET /authorize': return authorize(url, res);
    case 'POST /token': return token(req, res);
    case 'GET /_control':
    case 'POST /_control': return control(req, res);
    default: return send(res, 404, 'not found');
  }
}

const listener = (req, res) => {
  handle(req, res).catch((error) => send(res, 500, String(error)));
};
const server = tls
  ? https.createServer({ cert: readFileSync(args['tls-cert']), key: readFileSync(args['tls-key']) }, listener)
  : http.createServer(listener);
server.listen(port, '127.0.0.1', () => {
  console.log(`listening on ${server.address().port}`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
