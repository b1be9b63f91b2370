import type { TestApp } from './app.js';

/** A GraphQL answer with its HTTP status; the data's shape varies by query. */
export interface GqlAnswer {
  status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  data: any;
  errors?: { message: string; extensions: { code: string; details?: unknown } }[];
}

/** Posts a GraphQL document to the app (`POST /graphql`) with the given auth headers. */
export async function graphql(
  testApp: TestApp,
  auth: object,
  query: string,
  variables: object = {},
): Promise<GqlAnswer> {
  const response = await testApp.app.inject({
    method: 'POST',
    url: '/graphql',
    headers: { ...auth, 'content-type': 'application/json' },
    payload: { query, variables },
  });
  return { ...(response.json() as object), status: response.statusCode } as GqlAnswer;
}

/** The error code of an answer's first error. */
export const codeOf = (answer: GqlAnswer) => answer.errors?.[0]?.extensions.code;
