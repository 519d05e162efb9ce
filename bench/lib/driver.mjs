import autocannon from 'autocannon';

/**
 * Runs one scenario against one server for a fixed time: every request comes from the
 * scenario's `next()`. Any answer other than 2xx, a socket error or a timeout is an error.
 */
export async function drive(baseUrl, scenario, { connections, duration }) {
  const samples = new Map();
  const result = await autocannon({
    url: baseUrl,
    connections,
    duration,
    timeout: 10,
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
  const errors = result.non2xx + result.errors + result.timeouts;
  return {
    requests: result.requests.total,
    rps: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors,
    errorSamples: Object.fromEntries(samples),
  };
}

/** A short untimed run first, so JIT warm-up and cold pages do not land in the numbers. */
export async function driveWithWarmup(baseUrl, scenario, options) {
  if (options.warmup > 0) {
    await drive(baseUrl, scenario, { ...options, duration: options.warmup });
  }
  return drive(baseUrl, scenario, options);
}
