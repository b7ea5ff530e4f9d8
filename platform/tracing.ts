// OpenTelemetry spans for the steps of a request, exported over OTLP/HTTP when an endpoint is configured, and a
// no-op otherwise: with tracing off no span object, context or exporter exists. Nothing here is global: each
// gateway holds its own provider and its own async context, so two gateways in one process (tests) never mix.
// What goes into a span is the caller's business (see README "Tracing"): codes and ids of the gateway's own,
// never a person's identifiers, a request body, the caller's X-Request-Id or an error's message.
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import {
  INVALID_SPAN_CONTEXT,
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  TraceFlags,
  isSpanContextValid,
  trace,
  type Attributes,
  type Span,
} from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  AlwaysOnSampler,
  BasicTracerProvider,
  BatchSpanProcessor,
  ParentBasedSampler,
  SimpleSpanProcessor,
  type SpanExporter,
} from '@opentelemetry/sdk-trace-base';
import type { TracingSettings } from './config.ts';

export type { Span } from '@opentelemetry/api';

/** A caller's W3C traceparent, as trace-context.ts parsed it. */
export interface RemoteParent {
  traceId: string;
  parentId: string;
  flags: string;
}

export interface Tracing {
  readonly on: boolean;
  /**
   * Runs `work` in a span that is a child of the span active here, and ends it when `work` returns or settles. A
   * failure is recorded by its code or kind only (never its message); a 4xx is an answer, not an error.
   */
  inSpan<T>(name: string, attributes: Attributes, work: (span: Span) => T, kind?: SpanKind): T;
  /** A request's span, continuing the caller's trace where there is one; `run` runs the rest of the request in it. */
  serve(parent: RemoteParent | null, name: string, attributes: Attributes): { span: Span; run<T>(fn: () => T): T };
  /** `fn` bound to the span active now, for work that another request's task may run (a group commit's batch). */
  bind<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R;
  /** The traceparent a call made from the active span carries: its trace id, its span id as parent; null when off. */
  traceparent(): string | null;
  /** Exports what is pending and stops. */
  shutdown(): Promise<void>;
}

const nothing = trace.wrapSpanContext(INVALID_SPAN_CONTEXT);

/** Tracing off: every call is the work itself. */
export const tracingOff: Tracing = {
  on: false,
  inSpan: (_name, _attributes, work) => work(nothing),
  serve: () => ({ span: nothing, run: (fn) => fn() }),
  bind: (fn) => fn,
  traceparent: () => null,
  shutdown: async () => {},
};

/** What a failure is called in a span: a GatewayError's code, an UpstreamError's kind, or else its class. */
function failureOf(error: unknown): { type: string; answer: boolean } {
  const e = error as { code?: unknown; kind?: unknown; status?: unknown; constructor?: { name?: string } } | null;
  const type =
    typeof e?.code === 'string' ? e.code : typeof e?.kind === 'string' ? e.kind : (e?.constructor?.name ?? 'Error');
  return { type, answer: typeof e?.status === 'number' && e.status < 500 };
}

/**
 * The gateway's tracing: off unless `settings.otlpEndpoint` is set or an `exporter` is given (tests give an
 * InMemorySpanExporter, exported to at once). The caller's sampling decision is kept; a trace the gateway starts
 * is sampled.
 */
export function createTracing(settings: TracingSettings, options: { exporter?: SpanExporter } = {}): Tracing {
  if (!settings.otlpEndpoint && !options.exporter) return tracingOff;
  const processor = options.exporter
    ? new SimpleSpanProcessor(options.exporter)
    : new BatchSpanProcessor(new OTLPTraceExporter({ url: settings.otlpEndpoint! }));
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({ 'service.name': settings.serviceName }),
    sampler: new ParentBasedSampler({ root: new AlwaysOnSampler() }),
    spanProcessors: [processor],
  });
  const tracer = provider.getTracer('data-sharing-gateway');
  const contexts = new AsyncLocalStorageContextManager().enable();

  const ended = (span: Span, error?: unknown) => {
    if (error !== undefined) {
      const failure = failureOf(error);
      span.setAttribute('error.type', failure.type);
      if (!failure.answer) span.setStatus({ code: SpanStatusCode.ERROR, message: failure.type });
    }
    span.end();
  };

  return {
    on: true,
    inSpan(name, attributes, work, kind = SpanKind.INTERNAL) {
      const span = tracer.startSpan(name, { attributes, kind }, contexts.active());
      let result;
      try {
        result = contexts.with(trace.setSpan(contexts.active(), span), () => work(span));
      } catch (error) {
        ended(span, error);
        throw error;
      }
      if (result instanceof Promise) {
        return result.then(
          (value) => {
            ended(span);
            return value;
          },
          (error: unknown) => {
            ended(span, error);
            throw error;
          },
        ) as typeof result;
      }
      ended(span);
      return result;
    },
    serve(parent, name, attributes) {
      const remote =
        parent &&
        trace.setSpanContext(ROOT_CONTEXT, {
          traceId: parent.traceId,
          spanId: parent.parentId,
          isRemote: true,
          traceFlags: Number.parseInt(parent.flags, 16) & TraceFlags.SAMPLED,
        });
      const span = tracer.startSpan(name, { attributes, kind: SpanKind.SERVER }, remote ?? ROOT_CONTEXT);
      const inside = trace.setSpan(remote ?? ROOT_CONTEXT, span);
      return { span, run: (fn) => contexts.with(inside, fn) };
    },
    bind: (fn) => contexts.bind(contexts.active(), fn),
    traceparent() {
      const context = trace.getSpan(contexts.active())?.spanContext();
      if (!context || !isSpanContextValid(context)) return null;
      const flags = (context.traceFlags & TraceFlags.SAMPLED) === TraceFlags.SAMPLED ? '01' : '00';
      return `00-${context.traceId}-${context.spanId}-${flags}`;
    },
    async shutdown() {
      await provider.shutdown();
      contexts.disable();
    },
  };
}
