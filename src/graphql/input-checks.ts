/**
 * Bad input to /graphql never 500s. A request GraphQL cannot even start on (not JSON, no
 * query, variables that are not a JSON object) is refused at the HTTP level, in the REST
 * error shape; text a database cannot hold (a NUL byte, a lone surrogate) in a variable
 * or a string literal is a `validation_failed` naming the argument before any resolver
 * runs, as REST's validation does.
 */
import type { FastifyRequest } from 'fastify';
import { createGraphQLError, type Plugin } from 'graphql-yoga';
import { HttpError } from '../errors.js';
import type { FieldIssue } from '../http/error-handler.js';
import { textIssues, textProblem } from '../http/sane-values.js';

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function jsonObjectParameter(name: string, value: unknown): void {
  if (value === undefined || value === null || value === '') return;
  let parsed = value;
  if (typeof value === 'string') {
    try {
      parsed = JSON.parse(value);
    } catch {
      throw new HttpError(400, 'malformed_json', `${name} is not valid JSON`, [
        { field: name, message: 'must be a JSON object' },
      ]);
    }
  }
  if (!isObject(parsed) && parsed !== null) {
    throw new HttpError(400, 'validation_failed', `${name} must be a JSON object`, [
      { field: name, message: 'must be a JSON object' },
    ]);
  }
}

/**
 * Refuses what GraphQL cannot start on: a POST body that is not a JSON object (text/plain
 * passes Fastify's parsers), a request without a query, variables or extensions that
 * are not a JSON object (Yoga answers a GET's unparsable variables with a 500).
 */
export function refuseMalformedGraphQLRequest(request: FastifyRequest): void {
  if (request.method !== 'GET' && request.method !== 'POST') return;
  const params = request.method === 'GET' ? request.query : request.body;
  if (request.method === 'POST' && typeof params === 'string') {
    throw new HttpError(
      415,
      'unsupported_media_type',
      'Send GraphQL requests as application/json: { "query": "...", "variables": {...} }',
    );
  }
  if (!isObject(params)) {
    throw new HttpError(400, 'validation_failed', 'The body must be a JSON object', [
      { field: 'body', message: 'must be an object with query (and variables)' },
    ]);
  }
  if (typeof params.query !== 'string' || !params.query.trim()) {
    throw new HttpError(400, 'query_required', 'Send a GraphQL query (the query parameter)', [
      { field: 'query', message: 'is required' },
    ]);
  }
  jsonObjectParameter('variables', params.variables);
  jsonObjectParameter('extensions', params.extensions);
}

interface AstNode {
  kind?: string;
  name?: { value: string };
  value?: unknown;
  [key: string]: unknown;
}

/** String literals of a document that cannot be stored, named by argument (`input.name`). */
function literalIssues(node: unknown, path: string[] = []): FieldIssue[] {
  if (Array.isArray(node)) return node.flatMap((item) => literalIssues(item, path));
  if (!node || typeof node !== 'object') return [];
  const ast = node as AstNode;
  if (ast.kind === 'Argument' || ast.kind === 'ObjectField')
    return literalIssues(ast.value, [...path, ast.name?.value ?? '?']);
  if (ast.kind === 'StringValue' && typeof ast.value === 'string') {
    const message = textProblem(ast.value);
    return message ? [{ field: path.join('.') || 'query', message }] : [];
  }
  return Object.entries(ast)
    .filter(([key]) => key !== 'loc')
    .flatMap(([, child]) => literalIssues(child, path));
}

function variableIssues(variables: unknown): FieldIssue[] {
  return textIssues(variables).map((issue) => ({
    field: issue.instancePath.split('/').filter(Boolean).join('.') || 'variables',
    message: issue.message,
  }));
}

/** Yoga plugin: refuses text a database cannot hold before any resolver sees it. */
export function useTextChecks(): Plugin {
  const check = (args: { document: unknown; variableValues?: unknown }) => {
    const issues = [...variableIssues(args.variableValues), ...literalIssues(args.document)];
    if (!issues.length) return undefined;
    const summary = issues
      .slice(0, 3)
      .map((issue) => `${issue.field} ${issue.message}`)
      .join('; ');
    return {
      errors: [
        createGraphQLError(`Invalid request: ${summary}`, {
          extensions: { code: 'validation_failed', http: { status: 400 }, details: issues },
        }),
      ],
    };
  };
  return {
    onExecute: ({ args, setResultAndStopExecution }) => {
      const refused = check(args);
      if (refused) setResultAndStopExecution(refused);
    },
    onSubscribe: ({ args, setResultAndStopExecution }) => {
      const refused = check(args);
      if (refused) setResultAndStopExecution(refused);
    },
  };
}
