import { DEFAULT_PRIVATE_APP_TOKEN } from './context.js';

export interface HttpAnswer {
  status: number;
  headers: Headers;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
}

/** Raw HTTP to the emulator, for tests of what it answers (connector tests go through the SDK). */
export function httpClient(baseUrl: string) {
  return async function call(
    method: string,
    path: string,
    options: { body?: unknown; form?: Record<string, string>; token?: string | null } = {},
  ): Promise<HttpAnswer> {
    const token = options.token === undefined ? DEFAULT_PRIVATE_APP_TOKEN : options.token;
    const headers: Record<string, string> = {};
    if (token) headers.authorization = `Bearer ${token}`;
    let body: string | undefined;
    if (options.form) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(options.form).toString();
    } else if (options.body !== undefined) {
      headers['content-type'] = 'application/json';
      body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
    }
    const response = await fetch(baseUrl + path, { method, headers, body, redirect: 'manual' });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // Not JSON: keep the text.
    }
    return { status: response.status, headers: response.headers, body: parsed };
  };
}
