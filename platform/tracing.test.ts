import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTracing, tracingOff } from './tracing.ts';
import { GatewayError } from './http/problem.ts';

/** An OTLP/HTTP collector that keeps what it is sent. */
let bodies: string[] = [];
let collector: http.Server;
let endpoint: string;
beforeAll(async () => {
  collector = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => {
      bodies.push(body);
      res.setHeader('content-type', 'application/json');
      res.end('{}');
    });
  });
  await new Promise<void>((resolve) => collector.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(collector.address() as AddressInfo).port}/v1/traces`;
});
afterAll(() => new Promise<void>((resolve) => collector.close(() => resolve())));

describe('tracing', () => {
  it('is off without an endpoint: the work runs as it is, no trace id is made and nothing is exported', async () => {
    bodies = [];
    const tracing = createTracing({ otlpEndpoint: null, serviceName: 'gw' });
    expect(tracing).toBe(tracingOff);
    const answer = await tracing.inSpan('exchange', {}, async () => tracing.traceparent());
    expect(answer).toBeNull();
    const caller = { traceId: '4bf92f3577b34da6a3ce929d0e0e4736', parentId: '00f067aa0ba902b7', flags: '01' };
    expect(tracing.serve(caller, 'POST', {}).span.isRecording()).toBe(false);
    await tracing.shutdown();
    expect(bodies).toEqual([]);
  });

  it('exports its spans over OTLP/HTTP to the endpoint, named for the service, when it stops', async () => {
    bodies = [];
    const tracing = createTracing({ otlpEndpoint: endpoint, serviceName: 'gateway-under-test' });
    const served = tracing.serve(null, 'POST', {});
    let sent: string | null = null;
    served.run(() =>
      tracing.inSpan('upstream', {}, () => {
        sent = tracing.traceparent();
      }),
    );
    served.span.end();
    await tracing.shutdown();
    const exported = bodies.join('\n');
    expect(exported).toContain('gateway-under-test');
    expect(exported).toContain('"upstream"');
    expect(exported).toContain(served.span.spanContext().traceId);
    expect(sent).toMatch(new RegExp(`^00-${served.span.spanContext().traceId}-[0-9a-f]{16}-01$`));
  });

  it('records a failure by its code, never its message, and a refusal (4xx) as an answer, not an error', async () => {
    bodies = [];
    const tracing = createTracing({ otlpEndpoint: endpoint, serviceName: 'gw' });
    const refusal = new GatewayError('policy-denied', 'Refused for Amara Okonkwo');
    await expect(
      tracing.inSpan('auth', {}, async () => {
        throw refusal;
      }),
    ).rejects.toThrow();
    expect(() =>
      tracing.inSpan('decide', {}, () => {
        throw new Error('Amara Okonkwo 1990-01-01');
      }),
    ).toThrow();
    await tracing.shutdown();
    const exported = bodies.join('\n');
    expect(exported).not.toMatch(/Amara|Okonkwo|1990-01-01/);
    type Exported = { name: string; status: { code?: number } };
    const spans = JSON.parse(bodies[0]!).resourceSpans[0].scopeSpans[0].spans as Exported[];
    expect(spans.find((s) => s.name === 'auth')!.status.code ?? 0).toBe(0);
    expect(spans.find((s) => s.name === 'decide')!.status.code).toBe(2);
    expect(exported).toContain('"policy-denied"');
  });
});
