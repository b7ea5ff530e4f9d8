// The one place that reads the environment. Everything else receives a Config.
import { isIP } from 'node:net';
import path from 'node:path';

/** A partner system: where it is, how long it may take, and how large an answer it may give (default 1 MiB). */
export interface UpstreamConfig {
  url: string;
  timeoutMs: number;
  maxResponseBytes?: number;
}

export interface Config {
  host: string;
  port: number;
  publicUrl: string;
  dataDir: string;
  /** A postgres:// URL for a PostgreSQL server, or null for embedded PGlite under dataDir. */
  databaseUrl: string | null;
  /** Embedded database directory; null keeps it in memory (tests). */
  pgliteDir: string | null;
  audience: string;
  tokenMaxAgeSeconds: number;
  /** How long a client key, and a token verified with it, is trusted before the client register is asked again. */
  clientKeyCacheSeconds: number;
  /**
   * The client register (gateway/clients/): how often each process reads its generation to notice a change made by
   * another process, and how a client's `jwks_uri` is fetched (deadline, largest answer read, how long it is kept).
   */
  clientRegister: { pollMs: number; jwksTimeoutMs: number; jwksMaxBytes: number; jwksCacheSeconds: number };
  /** Refused authentications allowed per source address (a token bucket): past it, 429 before any database work. */
  unauthenticatedThrottle: { perMinute: number; burst: number };
  /** Load balancers whose X-Forwarded-For is believed, by exact address (TRUSTED_PROXIES, comma-separated). */
  trustedProxies: string[];
  /** Key for the HMACs that stand in for subject identifiers in the audit log; null = make one under dataDir. */
  auditHmacKey: string | null;
  /** A file holding that key, base64 (AUDIT_HMAC_KEY_FILE, e.g. a mounted secret); null when not given. */
  auditHmacKeyFile: string | null;
  /**
   * Signed audit checkpoints: one every `every` entries or `seconds` seconds (0 = no timer), keys kept in `keysDir`.
   * `keysDirGiven`: AUDIT_SIGNING_KEYS_DIR was set, as a production start requires (production-keys.ts).
   */
  auditCheckpoints: { every: number; seconds: number; keysDir: string; keysDirGiven: boolean };
  /**
   * Days an audit entry stays in the database before `npm run audit -- archive` may move it to an archive file
   * (audit/RETENTION.md): 2190 days, six years, by default.
   */
  auditRetentionDays: number;
  bodyLimitBytes: number;
  /** Requests each client may make per minute, per gateway process. */
  rateLimitPerMinute: number;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** The bearer secret the Prometheus scraper presents at /metrics; null turns /metrics off. */
  metricsToken: string | null;
  /** Where each partner system answers; a real partner endpoint replaces its sandbox by configuration alone. */
  upstreams: {
    dfe: UpstreamConfig;
    dwp: UpstreamConfig;
    hmrc: UpstreamConfig;
    nhs: UpstreamConfig;
    homeOffice: UpstreamConfig;
    financial: UpstreamConfig;
  };
  /**
   * Shutdown on SIGTERM/SIGINT: readiness turns 503 at once and requests in flight may finish for this long; past it
   * the process exits anyway.
   */
  shutdownDeadlineMs: number;
  /**
   * `start`: a sandbox (SANDBOX, the default): the demonstration register and sandbox clients with keys are made at
   * first start. false is a production start, which makes neither and refuses a database holding sandbox clients.
   * `partners`: this process also starts the sandbox partner services (SANDBOX_PARTNERS, by default as SANDBOX).
   */
  /** Console sign-in for people; null: none configured (a sandbox starts its own provider, sandbox/identity-provider.ts). */
  oidc: OidcSettings | null;
  /**
   * Batches of exchange records (gateway/batches/): at most `maxRecords` a batch and `bodyLimitBytes` a body; each
   * gateway process works `concurrency` records at once (0: none, it only takes batches), looks for work every
   * `pollMs`, holds a record for `leaseSeconds` before another process may take it up, and keeps results `retentionDays`.
   */
  batches: {
    maxRecords: number;
    bodyLimitBytes: number;
    concurrency: number;
    pollMs: number;
    leaseSeconds: number;
    retentionDays: number;
    callbacks: CallbackSettings;
  };
  /**
   * OpenTelemetry tracing (platform/tracing.ts): spans go to `otlpEndpoint`, the OTLP/HTTP traces URL, or nowhere
   * when it is null (the default: the tracer is a no-op). `serviceName` names the gateway in the trace backend.
   */
  tracing: TracingSettings;
  sandbox: {
    start: boolean;
    partners: boolean;
    idpPort: number;
    dfePort: number;
    dwpPort: number;
    hmrcPort: number;
    nhsPort: number;
    homeOfficePort: number;
    financialPort: number;
  };
}

/**
 * A batch's call back to its partner when it is done (gateway/batches/callbacks/): at most `maxAttempts` attempts,
 * the n-th retry after about `backoffMs` × 2^(n-1) (at most `backoffMaxMs`, with jitter), each with a deadline of
 * `timeoutMs` and at most `maxResponseBytes` of the answer read; due callbacks are looked for every `pollMs`.
 * `allowHttp`: plain http callback URLs may be registered and called (a sandbox's default; never in production).
 * Signed with the Ed25519 keys in `keysDir`; `keysDirGiven`: CALLBACK_SIGNING_KEYS_DIR was set, as production requires.
 */
export interface CallbackSettings {
  maxAttempts: number;
  backoffMs: number;
  backoffMaxMs: number;
  timeoutMs: number;
  maxResponseBytes: number;
  pollMs: number;
  allowHttp: boolean;
  keysDir: string;
  keysDirGiven: boolean;
}

/**
 * Human sign-in to the console with OpenID Connect (authorisation code with PKCE) at the department's identity
 * provider. The client authenticates to the provider with a secret, or with a private key (private_key_jwt).
 */
export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret: string | null;
  /** A PEM (PKCS#8) or JWK file holding the private key for private_key_jwt; its public key is registered at the provider. */
  privateKeyFile: string | null;
  /** Where the provider sends the browser back: the gateway's /console/sign-in/callback, registered at the provider. */
  redirectUrl: string;
  /** The claim of the ID token that lists the person's groups. */
  groupsClaim: string;
  /** What the sign-in button calls the provider. */
  providerName: string;
}

export interface TracingSettings {
  otlpEndpoint: string | null;
  serviceName: string;
}

export class ConfigError extends Error {
  constructor(
    readonly problems: string[],
    what = 'The gateway cannot start',
  ) {
    super(`${what}; its environment is wrong:\n  - ${problems.join('\n  - ')}`);
  }
}

type Env = Record<string, string | undefined>;

/** The setting behind each port the gateway and its sandboxes listen on, so that a message can say what to change. */
export const portSettings = {
  gateway: 'GATEWAY_PORT',
  dfe: 'SANDBOX_DFE_PORT',
  dwp: 'SANDBOX_DWP_PORT',
  hmrc: 'SANDBOX_HMRC_PORT',
  nhs: 'SANDBOX_NHS_PORT',
  homeOffice: 'SANDBOX_HOME_OFFICE_PORT',
  financial: 'SANDBOX_FINANCIAL_PORT',
  identityProvider: 'SANDBOX_IDP_PORT',
} as const;

export function loadConfig(env: Env, cwd = process.cwd()): Config {
  const problems: string[] = [];
  const read = reader(env, problems);

  const port = read.int(portSettings.gateway, 8080, 0, 65535);
  const host = read.str('GATEWAY_HOST', '127.0.0.1');
  const dataDir = path.resolve(cwd, read.str('GATEWAY_DATA_DIR', '.data'));
  const databaseUrl = read.optional('DATABASE_URL');
  if (databaseUrl !== null && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    problems.push('DATABASE_URL must be a postgres:// URL (leave it unset to use the embedded database)');
  }
  const pglite = read.str('PGLITE_DIR', path.join(dataDir, 'pglite'));
  const dfePort = read.int(portSettings.dfe, 8701, 0, 65535);
  const dwpPort = read.int(portSettings.dwp, 8702, 0, 65535);
  const hmrcPort = read.int(portSettings.hmrc, 8703, 0, 65535);
  const nhsPort = read.int(portSettings.nhs, 8704, 0, 65535);
  const homeOfficePort = read.int(portSettings.homeOffice, 8705, 0, 65535);
  const financialPort = read.int(portSettings.financial, 8706, 0, 65535);
  const idpPort = read.int(portSettings.identityProvider, 8707, 0, 65535);
  const fixedPorts = [dfePort, dwpPort, hmrcPort, nhsPort, homeOfficePort, financialPort, idpPort].filter(
    (p) => p !== 0,
  );
  if (new Set(fixedPorts).size !== fixedPorts.length)
    problems.push('the SANDBOX_*_PORT settings must all differ (0 picks any free port)');
  const upstreamTimeoutMs = read.int('UPSTREAM_TIMEOUT_MS', 3000, 50, 120_000);
  const upstreamMaxResponseBytes = read.int('UPSTREAM_MAX_RESPONSE_BYTES', 1024 * 1024, 1024, 256 * 1024 * 1024);
  /** `<PARTNER>_UPSTREAM_URL`, or else the partner's sandbox on this host. */
  const upstream = (partner: string, sandboxPort: number): UpstreamConfig => ({
    url: read.str(`${partner}_UPSTREAM_URL`, `http://127.0.0.1:${sandboxPort}`),
    timeoutMs: upstreamTimeoutMs,
    maxResponseBytes: upstreamMaxResponseBytes,
  });
  const auditHmacKey = read.optional('AUDIT_HMAC_KEY');
  if (auditHmacKey !== null && Buffer.from(auditHmacKey, 'base64').length < 32) {
    problems.push('AUDIT_HMAC_KEY must be at least 32 bytes, base64-encoded');
  }
  const auditHmacKeyFile = read.optional('AUDIT_HMAC_KEY_FILE');
  if (auditHmacKey !== null && auditHmacKeyFile !== null)
    problems.push('set AUDIT_HMAC_KEY or AUDIT_HMAC_KEY_FILE, not both');
  const signingKeysDir = read.optional('AUDIT_SIGNING_KEYS_DIR');
  const callbackKeysDir = read.optional('CALLBACK_SIGNING_KEYS_DIR');
  const trustedProxies = (read.optional('TRUSTED_PROXIES') ?? '')
    .split(',')
    .map((a) => a.trim())
    .filter(Boolean);
  const notAddresses = trustedProxies.filter((a) => isIP(a) === 0);
  if (notAddresses.length > 0)
    problems.push(`TRUSTED_PROXIES must list IP addresses, comma-separated (not ${notAddresses.length} of them)`);
  const metricsToken = read.optional('METRICS_TOKEN');
  if (metricsToken !== null && metricsToken.length < 32)
    problems.push('METRICS_TOKEN must be at least 32 characters (a random secret for the metrics scraper)');
  const sandbox = read.bool('SANDBOX', true);
  const sandboxPartners = read.bool('SANDBOX_PARTNERS', sandbox);
  if (sandboxPartners && !sandbox)
    problems.push('SANDBOX_PARTNERS=true needs SANDBOX=true: a production start never runs the sandbox partners');
  const publicUrl = read.str('GATEWAY_PUBLIC_URL', `http://${host}:${port}`);
  const callbacksOverHttp = read.bool('BATCH_CALLBACK_ALLOW_HTTP', sandbox);
  if (callbacksOverHttp && !sandbox) {
    problems.push(
      'BATCH_CALLBACK_ALLOW_HTTP=true needs SANDBOX=true: a production gateway calls partners back over https only',
    );
  }
  const oidc = oidcSettings(read, problems, publicUrl);
  const logLevel = read.oneOf('LOG_LEVEL', 'info', [
    'fatal',
    'error',
    'warn',
    'info',
    'debug',
    'trace',
    'silent',
  ] as const);

  const config: Config = {
    host,
    port,
    publicUrl,
    dataDir,
    databaseUrl,
    pgliteDir: pglite === 'memory' ? null : path.resolve(cwd, pglite),
    audience: read.str('GATEWAY_AUDIENCE', 'urn:uk-gov:data-sharing-gateway'),
    tokenMaxAgeSeconds: read.int('TOKEN_MAX_AGE_SECONDS', 900, 30, 3600),
    clientKeyCacheSeconds: read.int('CLIENT_KEY_CACHE_SECONDS', 30, 0, 3600),
    clientRegister: {
      pollMs: read.int('CLIENT_REGISTER_POLL_MS', 1000, 50, 60_000),
      jwksTimeoutMs: read.int('JWKS_FETCH_TIMEOUT_MS', 3000, 100, 30_000),
      jwksMaxBytes: read.int('JWKS_MAX_BYTES', 64 * 1024, 1024, 1024 * 1024),
      jwksCacheSeconds: read.int('JWKS_CACHE_SECONDS', 300, 0, 86_400),
    },
    unauthenticatedThrottle: {
      perMinute: read.int('UNAUTHENTICATED_PER_MINUTE', 60, 1, 1_000_000),
      burst: read.int('UNAUTHENTICATED_BURST', 30, 1, 1_000_000),
    },
    trustedProxies,
    auditHmacKey,
    auditHmacKeyFile: auditHmacKeyFile === null ? null : path.resolve(cwd, auditHmacKeyFile),
    auditCheckpoints: {
      every: read.int('AUDIT_CHECKPOINT_EVERY', 1000, 1, 10_000_000),
      seconds: read.int('AUDIT_CHECKPOINT_SECONDS', 60, 0, 86_400),
      keysDir: path.resolve(cwd, signingKeysDir ?? path.join(dataDir, 'audit-signing-keys')),
      keysDirGiven: signingKeysDir !== null,
    },
    auditRetentionDays: read.int('AUDIT_RETENTION_DAYS', 2190, 1, 36_500),
    bodyLimitBytes: read.int('BODY_LIMIT_BYTES', 64 * 1024, 1024, 10 * 1024 * 1024),
    rateLimitPerMinute: read.int('RATE_LIMIT_PER_MINUTE', 6000, 1, 1_000_000),
    logLevel,
    metricsToken,
    upstreams: {
      dfe: upstream('DFE', dfePort),
      dwp: upstream('DWP', dwpPort),
      hmrc: upstream('HMRC', hmrcPort),
      nhs: upstream('NHS', nhsPort),
      homeOffice: upstream('HOME_OFFICE', homeOfficePort),
      financial: upstream('FINANCIAL', financialPort),
    },
    shutdownDeadlineMs: read.int('SHUTDOWN_DEADLINE_MS', 10_000, 0, 600_000),
    oidc,
    batches: {
      maxRecords: read.int('BATCH_MAX_RECORDS', 10_000, 1, 1_000_000),
      bodyLimitBytes: read.int('BATCH_BODY_LIMIT_BYTES', 32 * 1024 * 1024, 1024, 1024 * 1024 * 1024),
      concurrency: read.int('BATCH_CONCURRENCY', 8, 0, 256),
      pollMs: read.int('BATCH_POLL_MS', 1000, 10, 60_000),
      // Longer than a record can take (the upstream timeout, twice, with the audit commits), so a live claim is never taken over.
      leaseSeconds: read.int('BATCH_LEASE_SECONDS', 60, 1, 3600),
      retentionDays: read.int('BATCH_RETENTION_DAYS', 7, 1, 365),
      callbacks: {
        maxAttempts: read.int('BATCH_CALLBACK_MAX_ATTEMPTS', 8, 1, 50),
        backoffMs: read.int('BATCH_CALLBACK_BACKOFF_MS', 30_000, 1, 3_600_000),
        backoffMaxMs: read.int('BATCH_CALLBACK_BACKOFF_MAX_MS', 3_600_000, 1, 86_400_000),
        timeoutMs: read.int('BATCH_CALLBACK_TIMEOUT_MS', 10_000, 50, 120_000),
        maxResponseBytes: read.int('BATCH_CALLBACK_MAX_RESPONSE_BYTES', 64 * 1024, 0, 1024 * 1024),
        pollMs: read.int('BATCH_CALLBACK_POLL_MS', 1000, 10, 60_000),
        allowHttp: callbacksOverHttp,
        keysDir: path.resolve(cwd, callbackKeysDir ?? path.join(dataDir, 'callback-signing-keys')),
        keysDirGiven: callbackKeysDir !== null,
      },
    },
    tracing: tracingSettings(read, problems),
    sandbox: {
      start: sandbox,
      partners: sandboxPartners,
      idpPort,
      dfePort,
      dwpPort,
      hmrcPort,
      nhsPort,
      homeOfficePort,
      financialPort,
    },
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

/** `npm run db:roles`: the owner's DATABASE_URL, and the gateway's login role (`--role`, else GATEWAY_DB_ROLE). */
export interface DbRolesConfig {
  databaseUrl: string;
  role: string;
  password: string;
}

export function loadDbRolesConfig(env: Env, args: readonly string[]): DbRolesConfig {
  const problems: string[] = [];
  const read = reader(env, problems);
  const flag = (name: string) => {
    const at = args.indexOf(`--${name}`);
    return at >= 0 ? (args[at + 1] ?? '') : undefined;
  };
  const databaseUrl = read.optional('DATABASE_URL');
  if (databaseUrl === null || !/^postgres(ql)?:\/\//.test(databaseUrl))
    problems.push('DATABASE_URL must be the postgres:// URL of the database, connecting as its owner or a superuser');
  const role = flag('role') ?? read.str('GATEWAY_DB_ROLE', 'gateway_app');
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(role))
    problems.push(`the role name must be lower-case letters, digits and _ (at most 63), not "${role}"`);
  // From the environment rather than an argument, so it is not shown in the process list.
  const password = read.optional('GATEWAY_DB_PASSWORD');
  if (password === null || password.length < 16)
    problems.push("GATEWAY_DB_PASSWORD must be set to the password of the gateway's role, at least 16 characters");
  if (problems.length > 0) throw new ConfigError(problems, 'db:roles cannot run');
  return { databaseUrl: databaseUrl!, role, password: password! };
}

const loopback = (url: URL) =>
  url.hostname === 'localhost' || url.hostname === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(url.hostname);

/** The OIDC_* settings: all or none; the issuer over https (plain http only on this host, for a sandbox or test). */
function oidcSettings(read: Reader, problems: string[], publicUrl: string): OidcSettings | null {
  const issuer = read.optional('OIDC_ISSUER');
  const clientId = read.optional('OIDC_CLIENT_ID');
  const clientSecret = read.optional('OIDC_CLIENT_SECRET');
  const privateKeyFile = read.optional('OIDC_PRIVATE_KEY_FILE');
  if (issuer === null && clientId === null && clientSecret === null && privateKeyFile === null) return null;
  if (issuer === null || clientId === null)
    problems.push(
      'OIDC_ISSUER and OIDC_CLIENT_ID go together: set both for console sign-in with OpenID Connect, or neither',
    );
  if ((clientSecret === null) === (privateKeyFile === null))
    problems.push(
      'set one of OIDC_CLIENT_SECRET and OIDC_PRIVATE_KEY_FILE: how the gateway authenticates to the identity provider',
    );
  const url = (name: string, value: string) => {
    try {
      const parsed = new URL(value);
      if (parsed.protocol !== 'https:' && !(parsed.protocol === 'http:' && loopback(parsed)))
        problems.push(`${name} must be an https URL (plain http only on localhost), not "${value}"`);
    } catch {
      problems.push(`${name} must be a URL, not "${value}"`);
    }
  };
  if (issuer !== null) url('OIDC_ISSUER', issuer);
  const redirectUrl = read.str('OIDC_REDIRECT_URL', `${publicUrl.replace(/\/$/, '')}/console/sign-in/callback`);
  url('OIDC_REDIRECT_URL', redirectUrl);
  if (!redirectUrl.endsWith('/console/sign-in/callback'))
    problems.push('OIDC_REDIRECT_URL must end with /console/sign-in/callback, where the gateway takes the answer');
  return {
    issuer: issuer ?? '',
    clientId: clientId ?? '',
    clientSecret,
    privateKeyFile,
    redirectUrl,
    groupsClaim: read.str('OIDC_GROUPS_CLAIM', 'groups'),
    providerName: read.str('OIDC_PROVIDER_NAME', "your department's sign-in"),
  };
}

/**
 * Where spans are exported: TRACING_OTLP_ENDPOINT, else the standard OTEL_EXPORTER_OTLP_TRACES_ENDPOINT (both the
 * full traces URL), else OTEL_EXPORTER_OTLP_ENDPOINT with /v1/traces added, as the OpenTelemetry specification says.
 * None set: tracing is off.
 */
function tracingSettings(read: Reader, problems: string[]): TracingSettings {
  const base = read.optional('OTEL_EXPORTER_OTLP_ENDPOINT');
  const [name, endpoint] = (
    [
      ['TRACING_OTLP_ENDPOINT', read.optional('TRACING_OTLP_ENDPOINT')],
      ['OTEL_EXPORTER_OTLP_TRACES_ENDPOINT', read.optional('OTEL_EXPORTER_OTLP_TRACES_ENDPOINT')],
      ['OTEL_EXPORTER_OTLP_ENDPOINT', base === null ? null : `${base.replace(/\/+$/, '')}/v1/traces`],
    ] as const
  ).find(([, value]) => value !== null) ?? [null, null];
  if (name !== null && endpoint !== null) {
    let protocol = '';
    try {
      protocol = new URL(endpoint).protocol;
    } catch {
      // reported below
    }
    if (protocol !== 'http:' && protocol !== 'https:') {
      problems.push(`${name} must be an http or https URL (the OTLP/HTTP collector)`);
    }
  }
  return { otlpEndpoint: endpoint, serviceName: read.str('OTEL_SERVICE_NAME', 'data-sharing-gateway') };
}

type Reader = ReturnType<typeof reader>;

function reader(env: Env, problems: string[]) {
  const raw = (name: string) => {
    const value = env[name]?.trim();
    return value === undefined || value === '' ? undefined : value;
  };
  return {
    optional: (name: string) => raw(name) ?? null,
    str: (name: string, fallback: string) => raw(name) ?? fallback,
    int(name: string, fallback: number, min: number, max: number) {
      const value = raw(name);
      if (value === undefined) return fallback;
      const n = Number(value);
      if (!Number.isInteger(n) || n < min || n > max) {
        problems.push(`${name} must be a whole number from ${min} to ${max}, not "${value}"`);
        return fallback;
      }
      return n;
    },
    bool(name: string, fallback: boolean) {
      const value = raw(name);
      if (value === undefined) return fallback;
      if (['1', 'true', 'yes'].includes(value)) return true;
      if (['0', 'false', 'no'].includes(value)) return false;
      problems.push(`${name} must be true or false, not "${value}"`);
      return fallback;
    },
    oneOf<T extends string>(name: string, fallback: T, allowed: readonly T[]): T {
      const value = raw(name);
      if (value === undefined) return fallback;
      if ((allowed as readonly string[]).includes(value)) return value as T;
      problems.push(`${name} must be one of ${allowed.join(', ')}, not "${value}"`);
      return fallback;
    },
  };
}
