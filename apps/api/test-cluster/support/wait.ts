export const POSTGRES_SERVER_URL =
  process.env['HELPDESK_TEST_POSTGRES_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';

export async function waitFor(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Condition not met within ${timeoutMs} ms`);
    await new Promise((wait) => setTimeout(wait, 100));
  }
}
