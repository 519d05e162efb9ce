let lastTenth = -1;

export function secondsSince(start) {
  return ((Date.now() - start) / 1000).toFixed(1);
}

/** A progress line: rewritten in place on a terminal, one line per 10% in logs. */
export function progress(label, done, total, started) {
  const tenth = Math.floor((10 * done) / total);
  if (!process.stdout.isTTY && tenth === lastTenth) return;
  lastTenth = tenth;
  const seconds = (Date.now() - started) / 1000;
  const rate = Math.round(done / Math.max(seconds, 0.001));
  const eta = Math.round((total - done) / Math.max(rate, 1));
  const percent = ((100 * done) / total).toFixed(1);
  process.stdout.write(
    `${process.stdout.isTTY ? '\r' : '\n'}  ${label}: ${done}/${total} (${percent}%), ${rate}/s, ${seconds.toFixed(0)} s, eta ${eta} s   `,
  );
}

/** Ends a progress line, so the next one starts afresh. */
export function endProgress() {
  lastTenth = -1;
  process.stdout.write('\n');
}
