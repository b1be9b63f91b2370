import createClient, { type Client } from 'openapi-fetch';
import { apiErrorFromBody, networkError } from './api-error.js';
import type { paths } from './schema.js';

/** A client for every REST route, its paths, parameters, bodies and answers typed from /openapi.json. */
export type PandoraClient = Client<paths>;

export interface PandoraClientOptions {
  /** Where the server is (`http://127.0.0.1:4000`); '' in the console, which calls its own origin. */
  baseUrl: string;
  /** Sent as `Authorization: Bearer <key>`; without it the browser's session cookie is used. */
  apiKey?: string;
  /** Defaults to the global fetch, looked up at each call. */
  fetch?: (request: Request) => Promise<Response>;
  /** The console sends its session cookie with `same-origin`. */
  credentials?: RequestInit['credentials'];
}

/** A typed client for a Pandora server; turn its answers into data with `call`. */
export function createPandoraClient(options: PandoraClientOptions): PandoraClient {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.apiKey) headers.authorization = `Bearer ${options.apiKey}`;
  const client = createClient<paths>({
    baseUrl: options.baseUrl,
    headers,
    // Looked up late, so a fetch replaced after the client was made (tests, polyfills) is used.
    fetch: options.fetch ?? ((request) => globalThis.fetch(request)),
    ...(options.credentials ? { credentials: options.credentials } : {}),
  });
  // Only a request that got no answer lands here; a bad JSON body stays a SyntaxError.
  client.use({ onError: ({ error }) => networkError(error) });
  return client;
}

/** What every method of a PandoraClient resolves to. */
type Answer = { data?: unknown; error?: unknown; response: Response };

/** The success branch's data of an answer (its error branch has none). */
type DataOf<A> = A extends { data: infer Data; error?: never } ? Data : never;

/**
 * The data of a client call, or a thrown ApiError: the server's error code and message for
 * a non-2xx answer (the client itself throws `network_error` when no answer came). A 204
 * gives undefined.
 *
 *     const { members } = await call(client.GET('/api/workspaces/{workspaceId}/members', ...));
 */
export async function call<A extends Answer>(pending: Promise<A>): Promise<DataOf<A>> {
  const answer = await pending;
  const { response } = answer;
  if (!response.ok) throw apiErrorFromBody(response.status, response.statusText, answer.error);
  return answer.data as DataOf<A>;
}
