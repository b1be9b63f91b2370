import { costLimitPlugin } from '@escape.tech/graphql-armor-cost-limit';
import { maxAliasesPlugin } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthPlugin } from '@escape.tech/graphql-armor-max-depth';
import { maxTokensPlugin } from '@escape.tech/graphql-armor-max-tokens';
// Types only: a second copy of graphql-js at run time (ESM beside Yoga's CommonJS)
// would refuse Yoga's schema objects.
import type { ASTVisitor, GraphQLError, ValidationContext } from 'graphql';
import { createGraphQLError, type Plugin } from 'graphql-yoga';

/** What one GraphQL document may ask for; each refusal comes before any resolver runs. */
export interface GraphQLLimits {
  /** Lexical tokens in the document: bounds the parser's work and its recursion. */
  maxTokens: number;
  /** Fields nested inside each other. */
  maxDepth: number;
  /** Aliased fields in one operation (300 aliases of a list ran for 29 s). */
  maxAliases: number;
  /** Static cost: each field costs 1, each object 2, growing by 1.5 per level of nesting. */
  maxCost: number;
  /** `__schema` and `__type` answer; off hides the schema from anyone probing it. */
  introspection: boolean;
}

const refusals = new WeakSet<object>();

/** A refused document: 400 with a stable code in `extensions`, like REST's error shape. */
function refusal(code: string, message: string, limit?: number): GraphQLError {
  const error = createGraphQLError(message, {
    extensions: {
      code,
      // `spec: false`: a 400 even for clients that accept plain application/json.
      http: { status: 400, spec: false },
      ...(limit === undefined ? {} : { details: { limit } }),
    },
  });
  refusals.add(error);
  return error;
}

/**
 * Yoga marks every parse error as one the GraphQL-over-HTTP spec lets answer 200 to
 * plain-JSON clients; a refused document is a 400 for every client, so the mark comes
 * off again just before the response is made.
 */
function useRefusalStatus(): Plugin {
  return {
    onResultProcess: ({ result }) => {
      const errors = 'errors' in result ? result.errors : undefined;
      for (const error of errors ?? []) {
        const http = (error as GraphQLError).extensions?.http as { spec?: boolean } | undefined;
        if (refusals.has(error) && http) http.spec = false;
      }
    },
  };
}

/** Armor's plugins report through this instead of throwing their own untyped error. */
function reportAs(code: string, message: string, limit: number) {
  return {
    propagateOnRejection: false,
    onReject: [
      (context: ValidationContext | null) => {
        const error = refusal(code, message, limit);
        // The token limit runs inside the parser, which has no validation context.
        if (!context) throw error;
        context.reportError(error);
      },
    ],
  };
}

/** The schema's two ways in, `__schema` and `__type`, refused with our code. */
function noIntrospection(context: ValidationContext): ASTVisitor {
  return {
    Field(node) {
      if (node.name.value === '__schema' || node.name.value === '__type') {
        context.reportError(
          refusal(
            'introspection_disabled',
            `Introspection (${node.name.value}) is switched off on this server (PANDORA_GRAPHQL_INTROSPECTION)`,
          ),
        );
      }
    },
  };
}

/**
 * Brackets open at once anywhere in a GraphQL document (outside strings and comments):
 * how deep the parser, and every visitor after it, will recurse. One pass, linear in
 * the document, so it runs before anything that could overflow the stack.
 */
export function deepestNesting(source: string): number {
  let depth = 0;
  let deepest = 0;
  let i = 0;
  while (i < source.length) {
    const char = source[i];
    if (char === '#') {
      while (i < source.length && source[i] !== '\n' && source[i] !== '\r') i++;
    } else if (source.startsWith('"""', i)) {
      // A block string ends at the next """ not escaped as \""".
      i += 3;
      while (i < source.length && !source.startsWith('"""', i))
        i += source.startsWith('\\"""', i) ? 4 : 1;
      i += 2;
    } else if (char === '"') {
      i++;
      while (i < source.length && source[i] !== '"' && source[i] !== '\n')
        i += source[i] === '\\' ? 2 : 1;
    } else if (char === '{' || char === '(' || char === '[') {
      deepest = Math.max(deepest, ++depth);
    } else if (char === '}' || char === ')' || char === ']') {
      depth = Math.max(0, depth - 1);
    }
    i++;
  }
  return deepest;
}

/**
 * Deeper than any query within the field-depth limit needs (lists in arguments
 * included), and far inside what the parser's recursion can take on any supported
 * Node. Catching the parser's RangeError alone left a band of depths (about 5,000)
 * that parsed and then overflowed in a recursive validation rule: a 500.
 */
const MAX_NESTING = 256;

/** A document nested past `MAX_NESTING` is refused before it is parsed: a client's error. */
function useNestingGuard(): Plugin {
  return {
    onParse: ({ parseFn, setParseFn }) => {
      setParseFn((source, options) => {
        const body = typeof source === 'string' ? source : source.body;
        if (deepestNesting(body) > MAX_NESTING) {
          throw refusal('query_too_deep', 'The query is nested too deeply to parse', MAX_NESTING);
        }
        return parseFn(source, options);
      });
    },
  };
}

/** The Yoga plugins that enforce `limits`. */
export function graphqlLimitPlugins(limits: GraphQLLimits): Plugin[] {
  const plugins: Plugin[] = [
    useRefusalStatus(),
    maxTokensPlugin({
      n: limits.maxTokens,
      ...reportAs(
        'query_too_large',
        `The query has more than ${limits.maxTokens} tokens (PANDORA_GRAPHQL_MAX_TOKENS)`,
        limits.maxTokens,
      ),
    }),
    // After the token limit, whose parser it wraps: the nesting is checked first.
    useNestingGuard(),
    maxDepthPlugin({
      n: limits.maxDepth,
      ...reportAs(
        'query_too_deep',
        `The query nests fields deeper than ${limits.maxDepth} levels (PANDORA_GRAPHQL_MAX_DEPTH)`,
        limits.maxDepth,
      ),
    }),
    maxAliasesPlugin({
      n: limits.maxAliases,
      ...reportAs(
        'too_many_aliases',
        `The query has more than ${limits.maxAliases} aliases (PANDORA_GRAPHQL_MAX_ALIASES); split it into several requests`,
        limits.maxAliases,
      ),
    }),
    costLimitPlugin({
      maxCost: limits.maxCost,
      ...reportAs(
        'query_too_costly',
        `The query costs more than ${limits.maxCost} (PANDORA_GRAPHQL_MAX_COST); ask for fewer fields or split it`,
        limits.maxCost,
      ),
    }),
  ];
  if (!limits.introspection) {
    plugins.push({ onValidate: ({ addValidationRule }) => addValidationRule(noIntrospection) });
  }
  return plugins;
}
