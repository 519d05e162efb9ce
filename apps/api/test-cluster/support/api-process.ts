import { type ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';

const WORKSPACE = resolve(__dirname, '../../../..');
export const BUILT_API = resolve(WORKSPACE, 'dist/apps/api/main.js');
export const BUILT_CLI = resolve(WORKSPACE, 'dist/apps/api/cli.js');

/** A real API process started from the build, as in production. */
export class ApiProcess {
  private output = '';

  private constructor(
    private readonly child: ChildProcess,
    readonly baseUrl: string,
  ) {
    child.stdout?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
  }

  static async start(port: number, env: Record<string, string>): Promise<ApiProcess> {
    const child = spawn(process.execPath, [BUILT_API], {
      cwd: WORKSPACE,
      env: { ...process.env, ...env, PORT: String(port), REQUEST_LOGS: 'off' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const api = new ApiProcess(child, `http://127.0.0.1:${port}`);
    await api.waitUntilHealthy();
    return api;
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise((done) => this.child.once('exit', done));
    this.child.kill('SIGTERM');
    await exited;
  }

  private async waitUntilHealthy(): Promise<void> {
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      if (this.child.exitCode !== null) {
        throw new Error(`API exited with ${this.child.exitCode}:\n${this.output}`);
      }
      const healthy = await fetch(`${this.baseUrl}/api/health`)
        .then((response) => response.ok)
        .catch(() => false);
      if (healthy) return;
      await new Promise((wait) => setTimeout(wait, 200));
    }
    throw new Error(`API did not become healthy:\n${this.output}`);
  }
}
