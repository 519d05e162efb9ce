import autocannon from 'autocannon';

/**
 * Runs one scenario against one server for a fixed time: every request comes from the
 * scenario's `next()`. Any answer other than 2xx or a socket error is an error; timeouts
 * (no answer within 30 s) are counted apart.
 */
export async function drive(baseUrl, scenario, { connections, duration }) {
  const samples = new Map();
  const result = await autocannon({
    url: baseUrl,
    connections,
    duration,
    timeout: 30,
    requests: [
      {
        setupRequest: (request) => {
          const next = scenario.next();
          return { ...request, ...next, body: next.body ?? undefined };
        },
        onResponse: (status, body) => {
          if ((status < 200 || status > 299) && samples.size < 5 && !samples.has(status)) {
            samples.set(status, String(body).slice(0, 300));
          }
        },
      },
    ],
  });
  // A timeout is slowness, not a wrong answer: reported apart so it never fails the run.
  const errors = result.non2xx + result.errors - result.timeouts;
  return {
    requests: result.requests.total,
    rps: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: Math.max(0, errors),
    timeouts: result.timeouts,
    errorSamples: Object.fromEntries(samples),
  };
}

/**
 * Waits until the server answers its health check quickly again: requests still queued from
 * a slow scenario (or warm-up) must not land in the next scenario's numbers.
 */
export async function settle(server) {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    const started = performance.now();
    try {
      await fetch(`${server.url}${server.healthPath}`);
    } catch {
      // busy or restarting; try again
    }
    if (performance.now() - started < 50) return;
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** A short untimed run first, so JIT warm-up and cold pages do not land in the numbers. */
export async function driveWithWarmup(server, scenario, options) {
  if (options.warmup > 0) {
    await drive(server.url, scenario, { ...options, duration: options.warmup });
    await settle(server);
  }
  const result = await drive(server.url, scenario, options);
  await settle(server);
  return result;
}
