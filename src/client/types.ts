import type { paths } from './schema.js';

type Method = 'get' | 'put' | 'post' | 'delete' | 'patch';
type SuccessStatus = 200 | 201 | 202 | 204;

/** The paths that have an operation for `M`. */
export type PathsWithMethod<M extends Method> = {
  [P in keyof paths]: paths[P][M] extends { responses: unknown } ? P : never;
}[keyof paths];

type Operation<P extends keyof paths, M extends Method> = NonNullable<paths[P][M]>;

type JsonContent<R> = R extends { content: { 'application/json': infer Body } } ? Body : undefined;

/**
 * The JSON a route answers with on success, e.g.
 * `ResponseBody<'/api/workspaces/{workspaceId}/members', 'get'>['members'][number]`, so the
 * console's types follow the route schemas and a renamed field is a type error where it is read.
 */
export type ResponseBody<P extends PathsWithMethod<M>, M extends Method> =
  Operation<P, M> extends { responses: infer Responses }
    ? { [S in keyof Responses & SuccessStatus]: JsonContent<Responses[S]> }[keyof Responses &
        SuccessStatus]
    : never;

/** The JSON body a route accepts. */
export type RequestBody<P extends PathsWithMethod<M>, M extends Method> =
  Operation<P, M> extends { requestBody?: { content: { 'application/json': infer Body } } }
    ? Body
    : never;

/** The query parameters a route accepts. */
export type QueryParams<P extends PathsWithMethod<M>, M extends Method> =
  Operation<P, M> extends { parameters: { query?: infer Query } } ? NonNullable<Query> : never;
