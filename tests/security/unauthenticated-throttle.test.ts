// Issue 13: "nothing throttles unauthenticated traffic: tokens with random kids made 871 req/s of 401s and 6,243
// PostgreSQL transactions in 8 s". Refused authentications are now counted per source address (a token bucket,
// UNAUTHENTICATED_BURST and UNAUTHENTICATED_PER_MINUTE); past the allowance an address gets 429 with Retry-After
// before anything else is done, the database included, while other addresses, and tokens already verified, carry on.
import http from 'node:http';
import { SignJWT, generateKeyPair } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../support/gateway.ts';

let gw: TestGateway;
beforeAll(async () => {
  gw = await startTestGateway({ unauthenticatedThrottle: { perMinute: 6, burst: 5 } });
});
afterAll(() => gw.close());

/** A GET from a chosen local address (any 127.x.y.z reaches the gateway on 127.0.0.1 over loopback). */
function get(
  path: string,
  authorization: string | undefined,
  localAddress: string,
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: any }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      `${gw.baseUrl}${path}`,
      { localAddress, headers: authorization ? { authorization } : {} },
      (res) => {
        let text = '';
        res.on('data', (chunk) => {
          text += chunk;
        });
        res.on('end', () =>
          resolve({ status: res.statusCode!, headers: res.headers, body: text ? JSON.parse(text) : null }),
        );
      },
    );
    req.on('error', reject);
    req.end();
  });
}

async function forgedToken() {
  const { privateKey } = await generateKeyPair('ES256');
  const now = Math.floor(Date.now() / 1000);
  const kid = `random-${crypto.randomUUID()}`;
  return new SignJWT({
    iss: 'ie-removals-casework',
    sub: 'ie-removals-casework',
    aud: gw.config.audience,
    iat: now,
    exp: now + 60,
  })
    .setProtectedHeader({ alg: 'ES256', kid })
    .sign(privateKey);
}

describe('a flood of bad tokens from one address', () => {
  it('is answered 429 with Retry-After once past its allowance, without reaching the database, while others carry on', async () => {
    const path = '/v1/register/collaborations';
    const verifiedBefore = `Bearer ${await gw.token('dwp-benefits')}`;
    expect((await get(path, verifiedBefore, '127.0.0.3')).status).toBe(200);

    const statements: string[] = [];
    const note = (query: { sql: string }) => statements.push(query.sql);
    gw.db.on('query', note);
    const answers: {
      status: number;
      statementsBefore: number;
      statementsAfter: number;
      retryAfter?: string;
      type?: string;
    }[] = [];
    try {
      for (let i = 0; i < 40; i += 1) {
        const authorization = i % 4 === 0 ? undefined : `Bearer ${await forgedToken()}`;
        const statementsBefore = statements.length;
        const res = await get(path, authorization, '127.0.0.3');
        answers.push({
          status: res.status,
          statementsBefore,
          statementsAfter: statements.length,
          retryAfter: res.headers['retry-after'],
          type: res.headers['content-type'],
        });
      }
    } finally {
      gw.db.off('query', note);
    }
    expect(answers.slice(0, 5).map((a) => a.status)).toEqual([401, 401, 401, 401, 401]);
    const throttled = answers.slice(5);
    expect(throttled.every((a) => a.status === 429)).toBe(true);
    expect(throttled.every((a) => Number(a.retryAfter) >= 1 && a.type?.includes('application/problem+json'))).toBe(
      true,
    );
    // No statement at all while throttled: not a key lookup, not a generation read.
    expect(throttled.reduce((n, a) => n + a.statementsAfter - a.statementsBefore, 0)).toBe(0);

    // The same address's token verified before the flood still works; another address is not held back at all.
    expect((await get(path, verifiedBefore, '127.0.0.3')).status).toBe(200);
    expect((await get(path, `Bearer ${await gw.token('hmrc-benefits')}`, '127.0.0.4')).status).toBe(200);
    expect((await get(path, `Bearer ${await forgedToken()}`, '127.0.0.4')).status).toBe(401);
  });
});
