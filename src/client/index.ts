/** Pandora's typed REST client, shared by the console and the CLI. */
export { ApiError, apiErrorFromBody, isUnauthenticated, networkError } from './api-error.js';
export { call, createPandoraClient } from './client.js';
export type { PandoraClient, PandoraClientOptions } from './client.js';
export type { QueryParams, RequestBody, ResponseBody } from './types.js';
export type { components, operations, paths } from './schema.js';
