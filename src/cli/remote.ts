import { ApiError, call, createPandoraClient, type PandoraClient } from '../client/index.js';
import { CliError } from './cli-error.js';

/** A Pandora server the CLI works on over the REST API, and the API key it sends. */
export interface RemoteTarget {
  url: string;
  apiKey: string;
}

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;

/** The server URL, checked: http(s) only, no credentials in it, no trailing slash. */
export function serverUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new CliError(`--server must be a URL like https://pandora.example.com, got "${raw}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new CliError(`--server must be an http:// or https:// URL, got "${raw}"`);
  }
  if (url.username || url.password) {
    throw new CliError('--server must not hold credentials: put the API key in PANDORA_API_KEY');
  }
  if (url.search || url.hash) {
    throw new CliError(`--server must be the server's base URL, without ?query or #fragment`);
  }
  url.pathname = url.pathname.replace(/\/+$/, '');
  return url;
}

/**
 * The server to work on, from `--server` or PANDORA_SERVER_URL, with the key in
 * PANDORA_API_KEY; undefined to work on the local database. The key is read from the
 * environment only, never from an option, so it stays out of shell history and `ps`.
 */
export function remoteTarget(
  server: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
  warn: (message: string) => void = (message) => process.stderr.write(message),
): RemoteTarget | undefined {
  const raw = server ?? (env.PANDORA_SERVER_URL?.trim() || undefined);
  const apiKey = env.PANDORA_API_KEY?.trim() || undefined;
  if (raw === undefined) {
    // Falling back to the local database here would quietly create an empty one.
    if (apiKey) {
      throw new CliError(
        'PANDORA_API_KEY is set but no server: pass --server <url> or set PANDORA_SERVER_URL ' +
          '(unset PANDORA_API_KEY to work on the local database)',
      );
    }
    return undefined;
  }
  const url = serverUrl(raw);
  if (!apiKey) {
    throw new CliError(
      `No API key for ${url.origin}: set PANDORA_API_KEY to a key made in the console ` +
        '(Settings, API keys) or with `pandora apikey create` (it is read from the environment only)',
    );
  }
  if (!/^pk_\S+$/.test(apiKey)) {
    throw new CliError('PANDORA_API_KEY is not a Pandora API key: those start with pk_');
  }
  if (url.protocol === 'http:' && !LOOPBACK.test(url.hostname)) {
    warn(`pandora: warning: ${url.origin} is plain http; the API key travels unencrypted\n`);
  }
  return { url: url.href.replace(/\/$/, ''), apiKey };
}

/**
 * Why a fetch got no answer, in a word: fetch throws "fetch failed" and keeps the socket's
 * error (ECONNREFUSED, ENOTFOUND; an AggregateError when every address of a host refused,
 * "bad port" for ports browsers block) as its cause.
 */
function reason(failure: unknown): string {
  const root = (failure as { cause?: { code?: unknown; errors?: { code?: unknown }[] } })?.cause;
  const code = root?.code ?? root?.errors?.[0]?.code;
  if (typeof code === 'string') return code;
  if (root instanceof Error && root.message) return root.message;
  return failure instanceof Error ? failure.message : String(failure);
}

/** What went wrong talking to the server, said for a person at a terminal. */
export function remoteFailure(error: unknown, target: RemoteTarget): CliError {
  if (error instanceof CliError) return error;
  if (error instanceof ApiError) {
    if (error.status === 0) {
      return new CliError(
        `Could not reach the Pandora server at ${target.url} (${reason(error.cause)}): ` +
          'check the URL and that the server is running',
        { cause: error },
      );
    }
    // Pandora answers its own errors with a code and a message; these are someone else's.
    if (error.code === 'server_error') {
      return new CliError(
        `${target.url} answered ${error.status} without a Pandora error: the server, or a proxy in front of it, failed`,
        { cause: error },
      );
    }
    if (error.code === 'http_error') {
      return new CliError(
        `${target.url} answered ${error.status} without a Pandora error: is it a Pandora server?`,
        { cause: error },
      );
    }
    if (error.status === 401) {
      return new CliError(
        `The server at ${target.url} refused the API key in PANDORA_API_KEY: ${error.message}`,
        { cause: error },
      );
    }
    return new CliError(`${error.message} (${error.status} ${error.code})`, { cause: error });
  }
  if (error instanceof SyntaxError) {
    const message = `${target.url} answered something other than JSON: is it a Pandora server?`;
    return new CliError(message, { cause: error });
  }
  return new CliError(`Talking to ${target.url} failed: ${reason(error)}`, { cause: error });
}

/** A client call's data, any failure turned into a CliError that names the server. */
export type Send = typeof call;

export interface RemoteSession {
  target: RemoteTarget;
  client: PandoraClient;
  send: Send;
  workspace: { id: string; slug: string };
}

/**
 * Opens the typed client on the server and finds the workspace: `ref` (slug or id)
 * among those the key reaches, or the key's own when none is given. Asking who the key
 * is first also proves the server is there and the key good, before any work.
 */
export async function connectRemote(
  target: RemoteTarget,
  ref: string | undefined,
): Promise<RemoteSession> {
  const client = createPandoraClient({ baseUrl: target.url, apiKey: target.apiKey });
  const send: Send = (pending) =>
    call(pending).catch((error: unknown) => {
      throw remoteFailure(error, target);
    });
  const me = await send(client.GET('/api/me'));
  const reachable = me.workspaces.map(({ id, slug }) => ({ id, slug }));
  const workspace =
    ref === undefined
      ? reachable.length === 1
        ? reachable[0]
        : undefined
      : reachable.find((candidate) => candidate.slug === ref || candidate.id === ref);
  if (!workspace) {
    const names = reachable.map((candidate) => candidate.slug).join(', ') || 'none';
    throw new CliError(
      ref === undefined
        ? `This API key reaches several workspaces (${names}): pick one with --workspace`
        : `No workspace "${ref}" for this API key on ${target.url}; it reaches: ${names}`,
    );
  }
  return { target, client, send, workspace };
}
