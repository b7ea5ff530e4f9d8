// Prometheus metrics, from a registry of this gateway's own (tests run several gateways in one process).
// Decisions, denials by rule, partner outcomes and upstream latency are read from the entries the audit appender
// commits, so the metrics count exactly what the log holds and no exchange code needs a hook. Labels are exchanges,
// rules, outcomes and route templates: bounded sets, never personal data.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import type { Knex } from 'knex';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { AuditAppender } from '../../audit/append.ts';
import type { ChainHealthMonitor } from '../../audit/chain-health.ts';
import { logBytes, logHead } from '../../audit/measure-queries.ts';
import type { AuditEntry } from '../../audit/types.ts';
import { bearerCredentials } from '../../platform/http/bearer.ts';
import { GatewayError } from '../../platform/http/problem.ts';
import { completionMarker } from './completion.ts';
import { routeTemplate } from '../../platform/http/route-template.ts';
import { defineRoute, type Route } from '../../platform/http/route.ts';

const seconds = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
/** An entry's exchange as a metric label: `none` where the entry names none. */
const label = (exchange: unknown) => (typeof exchange === 'string' ? exchange : 'none');

export function createMetrics(db: Knex, chain?: Pick<ChainHealthMonitor, 'current' | 'onCheck'>) {
  const registry = new Registry();
  const registers = [registry];
  collectDefaultMetrics({ register: registry, prefix: 'gateway_' });
  const requests = new Counter({
    name: 'gateway_http_requests_total',
    help: 'HTTP requests answered, by route template and status',
    labelNames: ['method', 'route', 'status'],
    registers,
  });
  const requestSeconds = new Histogram({
    name: 'gateway_http_request_duration_seconds',
    help: 'Time to answer an HTTP request',
    labelNames: ['method', 'route'],
    buckets: seconds,
    registers,
  });
  const decisions = new Counter({
    name: 'gateway_decisions_total',
    help: 'Decisions committed to the audit log (dry runs excluded)',
    labelNames: ['exchange', 'decision'],
    registers,
  });
  const denials = new Counter({
    name: 'gateway_rule_denials_total',
    help: 'Refusals by the rule that denied; one refusal by two rules counts under each',
    labelNames: ['exchange', 'rule'],
    registers,
  });
  const outcomes = new Counter({
    name: 'gateway_exchange_outcomes_total',
    help: 'Partner outcomes of permitted exchanges',
    labelNames: ['exchange', 'outcome'],
    registers,
  });
  const upstream = new Histogram({
    name: 'gateway_upstream_latency_seconds',
    help: 'Time the partner took to answer, as recorded in the outcome entry',
    labelNames: ['exchange'],
    buckets: seconds,
    registers,
  });
  const feedback = new Counter({
    name: 'gateway_feedback_total',
    help: 'Outcomes fed back by the parties (¶6.62)',
    labelNames: ['exchange', 'outcome'],
    registers,
  });
  const completions = new Counter({
    name: 'gateway_partner_completions_total',
    help: 'Back-office completions reported by the answering party, on which SLAs are judged',
    labelNames: ['exchange', 'work'],
    registers,
  });
  const appendSeconds = new Histogram({
    name: 'gateway_audit_append_duration_seconds',
    help: 'Time to commit an append to the audit log, the work under the chain lock included',
    buckets: seconds,
    registers,
  });
  const appendFailures = new Counter({
    name: 'gateway_audit_append_failures_total',
    help: 'Appends to the audit log that failed (nothing was shared)',
    registers,
  });
  new Gauge({
    name: 'gateway_audit_log_entries',
    help: 'Entries in the audit log (its head seq)',
    registers,
    async collect() {
      const head = await logHead(db).catch(() => null);
      if (head !== null) this.set(head);
    },
  });
  new Gauge({
    name: 'gateway_audit_log_bytes',
    help: 'Size of the audit log table with its indexes',
    registers,
    async collect() {
      const bytes = await logBytes(db).catch(() => null);
      if (bytes !== null) this.set(bytes);
    },
  });

  if (chain) {
    // An alert rule fires on gateway_audit_chain_verified == 0, or on any increase in the failures.
    new Gauge({
      name: 'gateway_audit_chain_verified',
      help: '1 unless a check found the audit chain broken and no verification of the whole log has passed since',
      registers,
      collect() {
        this.set(chain.current().status === 'broken' ? 0 : 1);
      },
    });
    const failures = new Counter({
      name: 'gateway_audit_chain_verification_failures_total',
      help: 'Checks of the audit chain that found it broken, by what checked',
      labelNames: ['source'],
      registers,
    });
    failures.inc({ source: 'checkpointer' }, 0);
    failures.inc({ source: 'verification' }, 0);
    chain.onCheck((check) => {
      if (!check.ok) failures.inc({ source: check.source });
    });
  }

  function noteEntries(entries: AuditEntry[]) {
    for (const entry of entries) {
      if (entry.kind === 'decision') {
        const exchange = label(entry.body.exchange);
        decisions.inc({ exchange, decision: String(entry.body.decision) });
        for (const r of entry.body.rules ?? []) if (r.outcome === 'deny') denials.inc({ exchange, rule: r.id });
      } else if (entry.kind === 'outcome') {
        const exchange = label(entry.body.exchange);
        outcomes.inc({ exchange, outcome: String(entry.body.outcome) });
        if (typeof entry.body.latencyMs === 'number') upstream.observe({ exchange }, entry.body.latencyMs / 1000);
      } else if (entry.kind === 'feedback' && entry.body.feedback === completionMarker) {
        completions.inc({ exchange: label(entry.body.exchange), work: String(entry.body.work) });
      } else if (entry.kind === 'feedback') {
        feedback.inc({ exchange: label(entry.body.exchange), outcome: String(entry.body.feedback) });
      }
    }
  }

  return {
    /** The same appender, timed and counted. Everything that writes the log is given this one. */
    observe(appender: AuditAppender): AuditAppender {
      async function timed<T>(append: () => Promise<{ stored: AuditEntry[]; result: T }>) {
        const end = appendSeconds.startTimer();
        try {
          const committed = await append();
          end();
          noteEntries(committed.stored);
          return committed;
        } catch (error) {
          // A refusal raised by the caller's own checks is not a failure of the log.
          if (!(error instanceof GatewayError)) appendFailures.inc();
          throw error;
        }
      }
      return {
        append: (build) => timed(() => appender.append(build)),
        appendGrouped: (build) => timed(() => appender.appendGrouped(build)),
      };
    },

    httpMiddleware: ((req, res, next) => {
      const end = requestSeconds.startTimer();
      res.on('finish', () => {
        const route = routeTemplate(req);
        requests.inc({ method: req.method, route, status: String(res.statusCode) });
        end({ method: req.method, route });
      });
      next();
    }) as RequestHandler,

    route(token: string | null): Route {
      const expected = token ? createHash('sha256').update(token).digest() : null;
      return defineRoute({
        operationId: 'getMetrics',
        roles: 'public',
        handler: async ({ req }) => {
          if (!expected) throw new GatewayError('not-found', 'Metrics are off: set METRICS_TOKEN to turn them on');
          const given = bearerCredentials(req.get('authorization'));
          if (!given || !timingSafeEqual(createHash('sha256').update(given).digest(), expected)) {
            throw new GatewayError('unauthenticated', 'Send the metrics token: Authorization: Bearer <METRICS_TOKEN>');
          }
          return { body: await registry.metrics(), type: registry.contentType };
        },
      });
    },
  };
}
export type Metrics = ReturnType<typeof createMetrics>;
