// Loopback OpenID Provider for Cairn's OIDC integration tests.
//
// Wraps panva/oidc-provider (certified OP) with:
//   * statically registered confidential clients (`cairn` and `other`),
//   * a fixed set of test accounts,
//   * a browser-free login/consent interaction (plain HTML forms, POST-able by any HTTP client),
//   * opt-in fault injection on ID tokens returned by the token endpoint (for negative tests).
//
// NOT for production use: keys and cookie secrets are generated at startup, storage is in memory.
//
// Configuration (environment; PORT may also be given as the first CLI argument):
//   PORT                     port on 127.0.0.1; 0 = pick a free port (default 0)
//   OIDC_CLIENT_ID           default "cairn"
//   OIDC_CLIENT_SECRET       default "cairn-test-secret"
//   OIDC_REDIRECT_URIS       space/comma separated; default "http://127.0.0.1:7878/auth/oidc/callback"
//   OIDC_CLIENT_AUTH         client_secret_basic (default) | client_secret_post
//   OIDC_OTHER_SECRET        secret of the second client "other" (default "other-test-secret")
//   OIDC_ID_TOKEN_TTL        ID token lifetime in seconds (positive integer, default 3600)
//   OIDC_CODE_TTL            authorization code lifetime in seconds (default 60)
//   OIDC_FAULT               default fault applied to every ID token (see FAULTS below; default none)
//   OIDC_ACCOUNTS_JSON       optional JSON array replacing the built-in accounts
//                            ([{ "sub", "email", "email_verified", "name" }, ...])
//   OIDC_LOG                 "1" to log every request to stderr
//
// On success prints one line to stdout:  READY <issuer>
// (other lines, e.g. oidc-provider NOTICEs, may precede it; scan for the prefix).

import * as crypto from 'node:crypto';
import * as http from 'node:http';

import { Provider } from 'oidc-provider';

// ---------------------------------------------------------------------------
// configuration

const env = process.env;
const requestedPort = Number.parseInt(process.argv[2] ?? env.PORT ?? '0', 10);
if (!Number.isInteger(requestedPort) || requestedPort < 0 || requestedPort > 65535) {
  console.error(`invalid port: ${process.argv[2] ?? env.PORT}`);
  process.exit(2);
}

const CLIENT_ID = env.OIDC_CLIENT_ID || 'cairn';
const CLIENT_SECRET = env.OIDC_CLIENT_SECRET || 'cairn-test-secret';
const REDIRECT_URIS = (env.OIDC_REDIRECT_URIS || 'http://127.0.0.1:7878/auth/oidc/callback')
  .split(/[\s,]+/).filter(Boolean);
const CLIENT_AUTH = env.OIDC_CLIENT_AUTH || 'client_secret_basic';
const OTHER_SECRET = env.OIDC_OTHER_SECRET || 'other-test-secret';
const ID_TOKEN_TTL = Number.parseInt(env.OIDC_ID_TOKEN_TTL || '3600', 10);
const CODE_TTL = Number.parseInt(env.OIDC_CODE_TTL || '60', 10);
const LOG = env.OIDC_LOG === '1';

for (const [name, value] of [['OIDC_ID_TOKEN_TTL', ID_TOKEN_TTL], ['OIDC_CODE_TTL', CODE_TTL]]) {
  if (!Number.isSafeInteger(value) || value < 1) {
    console.error(`${name} must be a positive integer (seconds)`);
    process.exit(2);
  }
}

if (!['client_secret_basic', 'client_secret_post'].includes(CLIENT_AUTH)) {
  console.error(`OIDC_CLIENT_AUTH must be client_secret_basic or client_secret_post, got ${CLIENT_AUTH}`);
  process.exit(2);
}

// Fault modes applied to the id_token in the token endpoint response. Every mode except
// "none" must make a correct relying party reject the ID token.
const FAULTS = {
  none: 'ID token untouched',
  aud: 'aud replaced by "someone-else" (re-signed with the real key)',
  'aud-extra': 'aud becomes [client_id, "someone-else"] without azp (re-signed)',
  iss: 'iss replaced by "<issuer>/evil" (re-signed)',
  expired: 'iat = now-7200, exp = now-3600 (re-signed)',
  'iat-future': 'iat = now+3600, exp = now+7200 (re-signed)',
  nonce: 'nonce replaced by a different value (re-signed)',
  'no-nonce': 'nonce claim removed (re-signed)',
  tampered: 'payload edited (email -> mallory@example.com) keeping the original signature',
  'bad-signature': 'one bit of the signature flipped',
  'wrong-key': 'signed by a key not in the JWKS, header kid = the real kid',
  'unknown-kid': 'signed by a key not in the JWKS, header kid = "rogue-key"',
  'alg-none': 'header alg "none", empty signature (unsecured JWT)',
  'alg-hs256': 'HS256 with the provider\'s RSA public key (PEM) as HMAC secret (alg confusion)',
};

const DEFAULT_FAULT = env.OIDC_FAULT || 'none';
if (!(DEFAULT_FAULT in FAULTS)) {
  console.error(`OIDC_FAULT must be one of ${Object.keys(FAULTS).join(', ')}`);
  process.exit(2);
}

const DEFAULT_ACCOUNTS = [
  { sub: 'user-ada', email: 'ada@example.com', email_verified: true, name: 'Ada Lovelace' },
  { sub: 'user-grace', email: 'grace@example.com', email_verified: true, name: 'Grace Hopper' },
  { sub: 'user-eve', email: 'eve@example.com', email_verified: false, name: 'Eve Unverified' },
];
const ACCOUNTS = env.OIDC_ACCOUNTS_JSON ? JSON.parse(env.OIDC_ACCOUNTS_JSON) : DEFAULT_ACCOUNTS;
const accountsBySub = new Map(ACCOUNTS.map((a) => [a.sub, a]));

function lookupAccount(login) {
  const wanted = String(login ?? '').trim();
  return accountsBySub.get(wanted)
    ?? ACCOUNTS.find((a) => a.email.toLowerCase() === wanted.toLowerCase());
}

// ---------------------------------------------------------------------------
// keys (generated per process; the public part is served at /jwks)

const SIGNING_KID = `cairn-test-${crypto.randomBytes(4).toString('hex')}`;
const signingKey = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
let rogueKey; // generated on first use (wrong-key / unknown-kid faults)
const rogue = () => { rogueKey ??= crypto.generateKeyPairSync('rsa', { modulusLength: 2048 }); return rogueKey; };
const signingJwk = {
  ...signingKey.privateKey.export({ format: 'jwk' }), kid: SIGNING_KID, alg: 'RS256', use: 'sig',
};

// ---------------------------------------------------------------------------
// small helpers

const b64u = (buf) => Buffer.from(buf).toString('base64url');
const now = () => Math.floor(Date.now() / 1000);

function escapeHtml(value) {
  return String(value).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function splitJwt(jwt) {
  const [h, p, s] = jwt.split('.');
  return {
    header: JSON.parse(Buffer.from(h, 'base64url')),
    payload: JSON.parse(Buffer.from(p, 'base64url')),
    parts: [h, p, s],
  };
}

function signJwt(header, payload, alg, key) {
  const input = `${b64u(JSON.stringify(header))}.${b64u(JSON.stringify(payload))}`;
  let sig = '';
  if (alg === 'RS256') {
    sig = b64u(crypto.sign('sha256', Buffer.from(input), key));
  } else if (alg === 'HS256') {
    sig = b64u(crypto.createHmac('sha256', key).update(input).digest());
  }
  return `${input}.${sig}`;
}

function applyFault(mode, idToken) {
  if (mode === 'none') return idToken;
  const { header, payload, parts } = splitJwt(idToken);
  const t = now();
  const resign = (p, h = header) => signJwt(h, p, 'RS256', signingKey.privateKey);
  switch (mode) {
    case 'aud': return resign({ ...payload, aud: 'someone-else' });
    case 'aud-extra': {
      const { azp, ...rest } = payload;
      return resign({ ...rest, aud: [payload.aud, 'someone-else'].flat() });
    }
    case 'iss': return resign({ ...payload, iss: `${payload.iss}/evil` });
    case 'expired': return resign({ ...payload, iat: t - 7200, exp: t - 3600, auth_time: t - 7200 });
    case 'iat-future': return resign({ ...payload, iat: t + 3600, exp: t + 7200 });
    case 'nonce': return resign({ ...payload, nonce: `not-${payload.nonce ?? 'a-nonce'}` });
    case 'no-nonce': {
      const { nonce, ...rest } = payload;
      return resign(rest);
    }
    case 'tampered': {
      const edited = b64u(JSON.stringify({ ...payload, email: 'mallory@example.com', email_verified: true }));
      return `${parts[0]}.${edited}.${parts[2]}`;
    }
    case 'bad-signature': {
      const sig = Buffer.from(parts[2], 'base64url');
      sig[sig.length >> 1] ^= 0x01;
      return `${parts[0]}.${parts[1]}.${b64u(sig)}`;
    }
    case 'wrong-key': return signJwt(header, payload, 'RS256', rogue().privateKey);
    case 'unknown-kid': return signJwt({ ...header, kid: 'rogue-key' }, payload, 'RS256', rogue().privateKey);
    case 'alg-none': {
      const { kid, ...rest } = header;
      return signJwt({ ...rest, alg: 'none' }, payload, 'none');
    }
    case 'alg-hs256': {
      const pem = signingKey.publicKey.export({ type: 'spki', format: 'pem' });
      return signJwt({ alg: 'HS256', typ: header.typ, kid: header.kid }, payload, 'HS256', pem);
    }
    default: throw new Error(`unknown fault ${mode}`);
  }
}

async function readForm(req, limit = 16 * 1024) {
  let size = 0;
  const chunks = [];
  for await (const chunk of req) {
    size += chunk.length;
    if (size > limit) throw new Error('request body too large');
    chunks.push(chunk);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

// ---------------------------------------------------------------------------
// interaction pages (no JavaScript, no CSRF token: the interaction cookie scopes them)

function page(title, body) {
  return `<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>
<body><h1>${escapeHtml(title)}</h1>
${body}
</body></html>`;
}

function interactionPage(details, message) {
  const { uid, prompt, params, session } = details;
  const faultOptions = Object.keys(FAULTS)
    .map((f) => `<option value="${f}">${f}</option>`).join('');
  const accounts = ACCOUNTS
    .map((a) => `<li>${escapeHtml(a.email)} (sub ${escapeHtml(a.sub)}, email_verified ${a.email_verified})</li>`)
    .join('');
  const consentOnly = prompt.name === 'consent' && session?.accountId;
  const form = consentOnly
    ? `<p>Signed in as <code>${escapeHtml(session.accountId)}</code>; client <code>${escapeHtml(params.client_id)}</code>
 asks for <code>${escapeHtml(params.scope)}</code>.</p>
<form method="post" action="/interaction/${escapeHtml(uid)}/confirm">
  <label>fault <select name="fault"><option value="">(default)</option>${faultOptions}</select></label>
  <button type="submit">Allow</button>
</form>`
    : `<form method="post" action="/interaction/${escapeHtml(uid)}/login">
  <label>login (email or sub) <input name="login" autofocus></label>
  <label>fault <select name="fault"><option value="">(default)</option>${faultOptions}</select></label>
  <button type="submit">Sign in</button>
</form>
<p>Test accounts:</p><ul>${accounts}</ul>`;
  return page(`${prompt.name} for ${params.client_id}`, `
${message ? `<p role="alert">${escapeHtml(message)}</p>` : ''}
<p>prompt: <code>${escapeHtml(prompt.name)}</code>, reasons: <code>${escapeHtml(prompt.reasons.join(' '))}</code></p>
${form}
<form method="post" action="/interaction/${escapeHtml(uid)}/abort"><button type="submit">Cancel</button></form>`);
}

// counters for tests: GET /__test/stats (e.g. to assert that Cairn never redeemed a code)
const stats = { authorization: 0, token_ok: 0, token_error: 0, token_by_client: {} };

function testRoutes() {
  return async function testEndpoints(ctx, next) {
    if (ctx.path !== '/__test/stats') return next();
    if (ctx.method === 'DELETE') {
      Object.assign(stats, { authorization: 0, token_ok: 0, token_error: 0, token_by_client: {} });
      ctx.status = 204;
      return undefined;
    }
    ctx.set('cache-control', 'no-store');
    ctx.body = stats;
    return undefined;
  };
}

function counting() {
  return async function count(ctx, next) {
    try {
      await next();
    } finally {
      const route = ctx.oidc?.route;
      if (route === 'authorization') stats.authorization += 1;
      if (route === 'token') {
        if (ctx.status === 200) stats.token_ok += 1; else stats.token_error += 1;
        const clientId = ctx.oidc.client?.clientId ?? '(unauthenticated)';
        stats.token_by_client[clientId] = (stats.token_by_client[clientId] ?? 0) + 1;
      }
    }
  };
}

// faults chosen per flow on the login form, keyed by grant id, consumed at the token endpoint
const faultByGrant = new Map();

async function grantFor(provider, details, accountId) {
  const { params, grantId } = details;
  let grant = grantId ? await provider.Grant.find(grantId) : undefined;
  if (!grant || grant.accountId !== accountId) {
    grant = new provider.Grant({ accountId, clientId: params.client_id });
  }
  // Grant everything that was asked for: this test OP consents automatically.
  if (params.scope) grant.addOIDCScope(params.scope);
  const missingClaims = details.prompt.details?.missingOIDCClaims;
  if (missingClaims?.length) grant.addOIDCClaims(missingClaims);
  const missingResourceScopes = details.prompt.details?.missingResourceScopes;
  if (missingResourceScopes) {
    for (const [indicator, scopes] of Object.entries(missingResourceScopes)) {
      grant.addResourceScope(indicator, scopes.join(' '));
    }
  }
  return grant.save();
}

function interactionRoutes(provider) {
  const pattern = /^\/interaction\/([A-Za-z0-9_-]+)(?:\/(login|confirm|abort))?$/;
  return async function interactions(ctx, next) {
    const match = pattern.exec(ctx.path);
    if (!match) return next();
    const [, uid, action] = match;
    ctx.set('cache-control', 'no-store');

    let details;
    try {
      details = await provider.interactionDetails(ctx.req, ctx.res);
    } catch (err) {
      ctx.status = 400;
      ctx.type = 'html';
      ctx.body = page('interaction error', `<p>${escapeHtml(err.error_description ?? err.message)}</p>`);
      return undefined;
    }
    if (details.uid !== uid) {
      ctx.status = 400;
      ctx.type = 'html';
      ctx.body = page('interaction error', '<p>interaction uid does not match the interaction cookie</p>');
      return undefined;
    }

    if (!action && ctx.method === 'GET') {
      ctx.type = 'html';
      ctx.body = interactionPage(details);
      return undefined;
    }
    if (!action || ctx.method !== 'POST') {
      ctx.status = 405;
      return undefined;
    }

    const form = await readForm(ctx.req);
    const fault = form.get('fault') || DEFAULT_FAULT;
    if (!(fault in FAULTS)) {
      ctx.status = 400;
      ctx.type = 'html';
      ctx.body = interactionPage(details, `unknown fault ${fault}`);
      return undefined;
    }

    let result;
    if (action === 'abort') {
      result = { error: 'access_denied', error_description: 'End-User aborted interaction' };
    } else {
      let accountId;
      if (action === 'login') {
        const account = lookupAccount(form.get('login'));
        if (!account) {
          ctx.status = 401;
          ctx.type = 'html';
          ctx.body = interactionPage(details, `unknown account ${form.get('login') ?? ''}`);
          return undefined;
        }
        accountId = account.sub;
      } else {
        accountId = details.session?.accountId;
        if (!accountId) {
          ctx.status = 400;
          ctx.type = 'html';
          ctx.body = interactionPage(details, 'no signed-in account, use /login');
          return undefined;
        }
      }
      const grantId = await grantFor(provider, details, accountId);
      faultByGrant.set(grantId, fault);
      result = { consent: { grantId } };
      if (action === 'login') result.login = { accountId, remember: false };
    }

    // 303 See Other to <issuer>/auth/<uid>; the provider then redirects to the redirect_uri
    await provider.interactionFinished(ctx.req, ctx.res, result, { mergeWithLastSubmission: false });
    ctx.respond = false;
    return undefined;
  };
}

// token endpoint post-processing: fault injection on the returned id_token
function faultInjection() {
  return async function injectFault(ctx, next) {
    await next();
    if (ctx.oidc?.route !== 'token' || ctx.status !== 200 || !ctx.body?.id_token) return;
    const code = ctx.oidc.entities?.AuthorizationCode;
    const grantId = code?.grantId ?? ctx.oidc.entities?.Grant?.jti;
    const mode = (grantId && faultByGrant.get(grantId)) || DEFAULT_FAULT;
    if (mode !== 'none') {
      ctx.body = { ...ctx.body, id_token: applyFault(mode, ctx.body.id_token) };
      console.error(`fault "${mode}" applied to ID token for grant ${grantId}`);
    }
  };
}

// ---------------------------------------------------------------------------
// start

const server = http.createServer();
server.listen(requestedPort, '127.0.0.1', () => {
  const { port } = server.address();
  const issuer = `http://127.0.0.1:${port}`;

  const clientDefaults = {
    grant_types: ['authorization_code'],
    response_types: ['code'],
    redirect_uris: REDIRECT_URIS,
    id_token_signed_response_alg: 'RS256',
  };

  const provider = new Provider(issuer, {
    clients: [
      {
        ...clientDefaults,
        client_id: CLIENT_ID,
        client_secret: CLIENT_SECRET,
        token_endpoint_auth_method: CLIENT_AUTH,
      },
      {
        ...clientDefaults,
        client_id: 'other',
        client_secret: OTHER_SECRET,
        token_endpoint_auth_method: CLIENT_AUTH,
      },
    ],
    jwks: { keys: [signingJwk] },
    cookies: {
      keys: [crypto.randomBytes(32).toString('base64url')],
      // Cookies ignore ports: a test's cookie jar shares 127.0.0.1 cookies between this OP and
      // Cairn, so use names that cannot collide with Cairn's own (defaults are _session, ...).
      names: { session: 'op_session', interaction: 'op_interaction', resume: 'op_interaction_resume' },
    },
    scopes: ['openid', 'email', 'profile'],
    claims: {
      openid: ['sub'],
      email: ['email', 'email_verified'],
      profile: ['name'],
    },
    // put scope-requested claims (email, email_verified, name) into the ID token too,
    // not only into the userinfo response
    conformIdTokenClaims: false,
    pkce: { required: () => true }, // oidc-provider v9 only implements S256
    responseTypes: ['code'],
    clientAuthMethods: ['client_secret_basic', 'client_secret_post'],
    features: {
      devInteractions: { enabled: false },
      userinfo: { enabled: true },
    },
    ttl: {
      IdToken: ID_TOKEN_TTL,
      AuthorizationCode: CODE_TTL,
    },
    async findAccount(ctx, sub) {
      const account = accountsBySub.get(sub);
      if (!account) return undefined;
      return {
        accountId: account.sub,
        async claims() {
          return {
            sub: account.sub,
            email: account.email,
            email_verified: account.email_verified,
            name: account.name,
          };
        },
      };
    },
    async renderError(ctx, out) {
      ctx.type = 'html';
      ctx.body = page('oidc error', Object.entries(out)
        .map(([k, v]) => `<pre><strong>${escapeHtml(k)}</strong>: ${escapeHtml(v)}</pre>`).join(''));
    },
  });

  if (LOG) {
    provider.use(async (ctx, next) => {
      const started = Date.now();
      await next();
      console.error(`${ctx.method} ${ctx.url} -> ${ctx.status} (${Date.now() - started} ms)`);
    });
  }
  provider.use(counting());
  provider.use(faultInjection());
  provider.use(testRoutes());
  provider.use(interactionRoutes(provider));

  provider.on('server_error', (ctx, err) => console.error('server_error', err));
  if (LOG) {
    for (const ev of ['authorization.error', 'grant.error', 'userinfo.error']) {
      provider.on(ev, (ctx, err) => console.error(ev, err.name, err.message, err.error_detail ?? ''));
    }
  }

  server.on('request', provider.callback());
  console.log(`READY ${issuer}`);
});

for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => server.close(() => process.exit(0)).closeAllConnections?.());
}

