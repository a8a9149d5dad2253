/**
 * An open-loop load generator: request i is due at `start + i / rate`,
 * whatever happened to the requests before it, and its latency is counted
 * from when it was due (so a request that waited for a free connection, or
 * behind a stalled server, is charged for the wait: no coordinated
 * omission). This is what "an offered rate of N req/s" means.
 *
 * autocannon's `overallRate` is not that: each connection sends its share
 * of a second's requests back to back as soon as the second starts and then
 * waits for the next second (autocannon 9, lib/httpClient.js), so 200 req/s
 * over 20 connections arrives as one burst of 200 requests at 20 at a time
 * each second; and its coordinated-omission correction assumes one request
 * every `ceil(1 / rate)` = 1 ms per connection, adding a sample for every
 * millisecond a response took beyond that (lib/run.js), which inflates the
 * upper percentiles. The closed-loop throughput benches (bench/api.bench.ts)
 * keep autocannon; the rate bench uses this.
 */
import http from 'node:http';
import { performance } from 'node:perf_hooks';

/** One request as the generator sends it. */
export interface OpenLoopRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
}

/** What a run measured. */
export interface OpenLoopResult {
  /** Requests that got a response. */
  requests: number;
  /** Requests sent per second over the run (the offered rate, unless the generator fell behind). */
  sentPerSecond: number;
  /** Responses per second, from the first request's due time to the last response. */
  requestsPerSecond: number;
  latencyMeanMs: number;
  latencyP50Ms: number;
  latencyP90Ms: number;
  latencyP99Ms: number;
  latencyMaxMs: number;
  non2xx: number;
  errors: number;
  /** How late the generator itself sent requests at the 99th percentile (its own lag, ms). */
  senderLagP99Ms: number;
}

/** The value at quantile `q` of sorted `values`. */
function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? 0;
}

const round = (ms: number) => +ms.toFixed(2);

/**
 * Sends `rate` requests a second to `url` for `durationS` seconds over at
 * most `connections` keep-alive connections, `request(i)` giving the i-th.
 */
export async function openLoop(options: {
  url: string;
  rate: number;
  durationS: number;
  connections: number;
  request: (i: number) => OpenLoopRequest;
}): Promise<OpenLoopResult> {
  const { rate, durationS, connections } = options;
  const base = new URL(options.url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const total = Math.round(rate * durationS);
  const interval = 1000 / rate;
  const latencies: number[] = [];
  const lags: number[] = [];
  let non2xx = 0;
  let errors = 0;
  let lastEnd = 0;

  const send = (i: number, due: number) =>
    new Promise<void>((resolve) => {
      const { method, path, headers, body } = options.request(i);
      lags.push(performance.now() - due);
      const req = http.request(
        {
          host: base.hostname,
          port: base.port,
          method,
          path,
          agent,
          headers:
            body === undefined
              ? headers
              : { ...headers, 'content-length': Buffer.byteLength(body) },
        },
        (res) => {
          res.on('data', () => undefined);
          res.on('end', () => {
            const end = performance.now();
            lastEnd = Math.max(lastEnd, end);
            latencies.push(end - due);
            if ((res.statusCode ?? 0) < 200 || (res.statusCode ?? 0) >= 300) non2xx += 1;
            resolve();
          });
        },
      );
      req.on('error', () => {
        errors += 1;
        resolve();
      });
      req.end(body);
    });

  const start = performance.now() + 5;
  const inFlight: Promise<void>[] = [];
  let next = 0;
  await new Promise<void>((resolve) => {
    const tick = () => {
      const now = performance.now();
      while (next < total && start + next * interval <= now) {
        inFlight.push(send(next, start + next * interval));
        next += 1;
      }
      if (next >= total) {
        resolve();
        return;
      }
      setTimeout(tick, Math.max(0, start + next * interval - performance.now()));
    };
    setTimeout(tick, Math.max(0, start - performance.now()));
  });
  const sentBy = performance.now();
  await Promise.all(inFlight);
  agent.destroy();

  const sorted = [...latencies].sort((a, b) => a - b);
  const sortedLags = [...lags].sort((a, b) => a - b);
  const mean = sorted.reduce((s, x) => s + x, 0) / Math.max(1, sorted.length);
  return {
    requests: sorted.length,
    sentPerSecond: Math.round(total / ((sentBy - start) / 1000)),
    requestsPerSecond: Math.round(sorted.length / ((lastEnd - start) / 1000)),
    latencyMeanMs: round(mean),
    latencyP50Ms: round(quantile(sorted, 0.5)),
    latencyP90Ms: round(quantile(sorted, 0.9)),
    latencyP99Ms: round(quantile(sorted, 0.99)),
    latencyMaxMs: round(sorted.at(-1) ?? 0),
    non2xx,
    errors,
    senderLagP99Ms: round(quantile(sortedLags, 0.99)),
  };
}
