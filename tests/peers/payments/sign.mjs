// SPDX-License-Identifier: Apache-2.0
// Signs webhook payloads with the official stripe package, for tests of the server's
// Stripe-Signature check: reads [{"payload", "secret", "timestamp"}, …] as JSON on standard input
// and writes the Stripe-Signature header of each, in order, as a JSON array.
import Stripe from 'stripe';

const stripe = new Stripe('sk_test_unused');
let input = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => { input += chunk; });
process.stdin.on('end', () => {
  const headers = JSON.parse(input).map(({ payload, secret, timestamp }) =>
    stripe.webhooks.generateTestHeaderString({ payload, secret, timestamp }));
  process.stdout.write(JSON.stringify(headers));
});
