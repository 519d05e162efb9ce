/** A signed-in browser: keeps the session cookie and echoes the XSRF token, like Angular. */
export class HttpClient {
  private constructor(
    private readonly cookie: string,
    private readonly xsrfToken: string,
  ) {}

  static async signIn(baseUrl: string, email: string, password: string): Promise<HttpClient> {
    const response = await fetch(`${baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    if (response.status !== 200) throw new Error(`Sign-in of ${email} failed: ${response.status}`);
    const cookies = response.headers.getSetCookie().map((header) => header.split(';')[0] ?? '');
    const xsrf = cookies.find((cookie) => cookie.startsWith('XSRF-TOKEN='));
    return new HttpClient(cookies.join('; '), decodeURIComponent(xsrf?.split('=')[1] ?? ''));
  }

  /** The same browser talking to another instance. */
  async request<T>(baseUrl: string, method: string, path: string, body?: unknown): Promise<T> {
    const response = await this.send(baseUrl, method, path, body);
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path} → ${response.status}: ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }

  async upload(baseUrl: string, path: string, form: FormData): Promise<void> {
    const response = await fetch(`${baseUrl}${path}`, {
      method: 'POST',
      headers: { cookie: this.cookie, 'x-xsrf-token': this.xsrfToken },
      body: form,
    });
    if (response.status !== 201)
      throw new Error(`Upload → ${response.status}: ${await response.text()}`);
  }

  send(baseUrl: string, method: string, path: string, body?: unknown): Promise<Response> {
    return fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        cookie: this.cookie,
        'x-xsrf-token': this.xsrfToken,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  }
}
