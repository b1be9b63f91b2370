/**
 * `{{...}}` templates in a step's config: `{{trigger.x}}`, `{{vars.x}}`,
 * `{{steps.key.output.x}}` and `{{secrets.x}}`. A string that is one whole template
 * takes the value's own type (`"{{vars.count}}"` is the number); a template inside
 * other text is written in as text (objects as JSON).
 *
 * Resolving returns two copies: the one the step runs with, and the one stored on the
 * step run, where every string a secret went into reads `[secret]`. The secret values
 * themselves are returned too, so what the step answers (its output, its error) can be
 * scrubbed of them before it is stored or logged.
 */
import type { RunScope } from '../types.js';

const TEMPLATE = /\{\{\s*([^{}]*?)\s*\}\}/g;
const WHOLE = /^\{\{\s*([^{}]*?)\s*\}\}$/;
const PATH = /^(trigger|vars|steps|secrets)((?:\.[A-Za-z0-9_$-]+|\[\d+\])*)$/;

export const SECRET_PLACEHOLDER = '[secret]';

/** Reads `{{secrets.name}}`: the decrypted value, or undefined when there is none. */
export type SecretReader = (name: string) => Promise<string | undefined>;

export class TemplateError extends Error {
  override name = 'TemplateError';
}

export interface Resolved<T> {
  /** What the step runs with. */
  value: T;
  /** What is stored and shown: secrets replaced by `[secret]`. */
  stored: T;
  /** The secret values used, to scrub from whatever the step answers. */
  secrets: string[];
}

/** Whether any string in `value` holds a template (a config without one is used as is). */
export function hasTemplates(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('{{');
  if (Array.isArray(value)) return value.some(hasTemplates);
  if (value && typeof value === 'object') return Object.values(value).some(hasTemplates);
  return false;
}

/** Resolves every template in `value` (strings, arrays and objects, deeply). */
export async function resolveTemplates<T>(
  value: T,
  scope: RunScope,
  readSecret: SecretReader,
): Promise<Resolved<T>> {
  if (!hasTemplates(value)) return { value, stored: value, secrets: [] };
  const secrets = new Map<string, string>();
  const lookupSecret = async (name: string): Promise<string> => {
    const known = secrets.get(name);
    if (known !== undefined) return known;
    const found = await readSecret(name);
    if (found === undefined) {
      throw new TemplateError(`{{secrets.${name}}}: the workspace has no secret named ${name}`);
    }
    secrets.set(name, found);
    return found;
  };

  const walk = async (node: unknown): Promise<{ value: unknown; stored: unknown }> => {
    if (typeof node === 'string') return resolveString(node, scope, lookupSecret);
    if (Array.isArray(node)) {
      const items = await Promise.all(node.map(walk));
      return { value: items.map((i) => i.value), stored: items.map((i) => i.stored) };
    }
    if (node && typeof node === 'object') {
      const value: Record<string, unknown> = {};
      const stored: Record<string, unknown> = {};
      for (const [key, child] of Object.entries(node)) {
        const resolved = await walk(child);
        value[key] = resolved.value;
        stored[key] = resolved.stored;
      }
      return { value, stored };
    }
    return { value: node, stored: node };
  };
  const result = await walk(value);
  return { value: result.value as T, stored: result.stored as T, secrets: [...secrets.values()] };
}

async function resolveString(
  text: string,
  scope: RunScope,
  lookupSecret: (name: string) => Promise<string>,
): Promise<{ value: unknown; stored: unknown }> {
  if (!text.includes('{{')) return { value: text, stored: text };
  const whole = WHOLE.exec(text);
  if (whole) {
    const path = parsePath(whole[1]!);
    if (path.root === 'secrets') {
      return { value: await lookupSecret(secretName(path)), stored: SECRET_PLACEHOLDER };
    }
    return { value: readPath(scope, path), stored: readPath(scope, path) };
  }
  let usedSecret = false;
  const parts: string[] = [];
  let last = 0;
  for (const match of text.matchAll(TEMPLATE)) {
    parts.push(text.slice(last, match.index));
    last = match.index + match[0].length;
    const path = parsePath(match[1]!);
    if (path.root === 'secrets') {
      usedSecret = true;
      parts.push(await lookupSecret(secretName(path)));
    } else {
      parts.push(asText(readPath(scope, path)));
    }
  }
  parts.push(text.slice(last));
  const value = parts.join('');
  return { value, stored: usedSecret ? SECRET_PLACEHOLDER : value };
}

interface TemplatePath {
  root: 'trigger' | 'vars' | 'steps' | 'secrets';
  keys: (string | number)[];
  source: string;
}

function parsePath(source: string): TemplatePath {
  const match = PATH.exec(source);
  if (!match) {
    throw new TemplateError(
      `{{${source}}} is not a template this engine reads: use trigger.x, vars.x, steps.key.output.x or secrets.x`,
    );
  }
  const keys: (string | number)[] = [];
  for (const part of match[2]!.matchAll(/\.([A-Za-z0-9_$-]+)|\[(\d+)\]/g)) {
    keys.push(part[1] ?? Number(part[2]));
  }
  return { root: match[1] as TemplatePath['root'], keys, source };
}

function secretName(path: TemplatePath): string {
  if (path.keys.length !== 1 || typeof path.keys[0] !== 'string') {
    throw new TemplateError(`{{${path.source}}}: name one secret, as {{secrets.api_key}}`);
  }
  return path.keys[0];
}

/** A missing value reads as undefined (an empty string inside text), as most builders do. */
function readPath(scope: RunScope, path: TemplatePath): unknown {
  let node: unknown = scope[path.root as Exclude<TemplatePath['root'], 'secrets'>];
  for (const key of path.keys) {
    if (node === null || node === undefined || typeof node !== 'object') return undefined;
    if (!Object.prototype.hasOwnProperty.call(node, key)) return undefined;
    node = (node as Record<string | number, unknown>)[key];
  }
  return node;
}

function asText(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/**
 * `value` with every occurrence of a secret replaced by `[secret]`: for what a step
 * answers (its output, an error message quoting a header) before it is stored or logged.
 */
export function scrubSecrets<T>(value: T, secrets: readonly string[]): T {
  const used = secrets.filter((secret) => secret.length > 0);
  if (used.length === 0) return value;
  const scrubText = (text: string): string =>
    used.reduce((acc, secret) => acc.split(secret).join(SECRET_PLACEHOLDER), text);
  const walk = (node: unknown): unknown => {
    if (typeof node === 'string') return scrubText(node);
    if (Array.isArray(node)) return node.map(walk);
    if (node && typeof node === 'object') {
      return Object.fromEntries(Object.entries(node).map(([k, v]) => [scrubText(k), walk(v)]));
    }
    return node;
  };
  return walk(value) as T;
}
