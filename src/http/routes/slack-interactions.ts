import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { HttpError } from '../../errors.js';
import { receiveSlackInteraction } from '../../notifications/slack/interactions.js';
import { verifySlackRequest } from '../../notifications/slack/signature.js';
import type { AppContext } from '../context.js';
import { errorResponses } from '../schemas.js';

const FORM = 'application/x-www-form-urlencoded';

const SlackAnswer = Type.Object(
  {
    response_action: Type.Optional(Type.Literal('errors')),
    errors: Type.Optional(
      Type.Record(Type.String(), Type.String(), {
        description: 'A message per input block id, shown under that input in the modal',
      }),
    ),
  },
  {
    description:
      'Empty for a click (acknowledged; the decision follows in the background). For an Edit modal whose values are wrong, the errors to show in it.',
  },
);

/**
 * Slack's Request URL for interactivity. It lives in a plugin of its own so that its
 * form parser, which keeps the raw bytes the signature covers, is no other route's.
 */
export function slackInteractionRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  const deps = () => ({
    pool: ctx.pool,
    secretKey: ctx.secretKey,
    log: ctx.log,
    slackApiUrl: ctx.config.slackApiUrl,
  });
  return async (app) => {
    app.addContentTypeParser(FORM, { parseAs: 'buffer' }, (_request, body, done) =>
      done(null, body),
    );

    app.post(
      '/api/slack/interactions',
      {
        schema: {
          operationId: 'deliverSlackInteraction',
          summary: 'Deliver a Slack interaction',
          description:
            'Where Slack sends button clicks and modal submissions (set it as the Slack app’s ' +
            'Interactivity Request URL). No session or API key: Slack’s signature is the proof ' +
            '(`X-Slack-Signature: v0=<hex HMAC-SHA256 of "v0:<timestamp>:<raw body>">` keyed ' +
            'with SLACK_SIGNING_SECRET, `X-Slack-Request-Timestamp` within 5 minutes). Answered ' +
            'at once; decisions are made in the background by the Slack user’s Pandora member, ' +
            'and the same interaction sent again (`X-Slack-Retry-Num`) is acted on once.',
          tags: ['slack'],
          security: [],
          headers: Type.Object({
            'x-slack-request-timestamp': Type.Optional(
              Type.String({ description: 'Unix seconds when Slack signed the request' }),
            ),
            'x-slack-signature': Type.Optional(Type.String({ description: 'v0=<hex>' })),
            'x-slack-retry-num': Type.Optional(
              Type.String({ description: 'Set when Slack sends the same interaction again' }),
            ),
          }),
          consumes: [FORM],
          body: Type.Object({
            payload: Type.String({ description: 'The interaction, as JSON' }),
          }),
          response: {
            200: SlackAnswer,
            ...errorResponses(400, 401, 404, 413, 415, 429, 503),
          },
        },
        // The signature is checked on the raw bytes before anything parses them.
        preValidation: async (request) => {
          const raw = request.body;
          if (!Buffer.isBuffer(raw)) {
            throw new HttpError(
              415,
              'unsupported_media_type',
              `Send the interaction as Slack does (Content-Type: ${FORM})`,
            );
          }
          const secret = ctx.config.slackSigningSecret;
          if (!secret) {
            throw new HttpError(
              503,
              'slack_not_configured',
              'Slack interactivity is off: set SLACK_SIGNING_SECRET to the Slack app’s signing secret',
            );
          }
          verifySlackRequest(secret, request.headers, raw);
          const payload = new URLSearchParams(raw.toString('utf8')).get('payload');
          if (payload === null) {
            throw new HttpError(400, 'invalid_slack_payload', 'The form has no payload field');
          }
          request.body = { payload };
        },
      },
      async (request, reply) => {
        let payload: unknown;
        try {
          payload = JSON.parse(request.body.payload);
        } catch (error) {
          throw new HttpError(
            400,
            'invalid_slack_payload',
            `payload is not valid JSON: ${(error as Error).message}`,
          );
        }
        const answer = await receiveSlackInteraction(deps(), payload);
        if (answer.body) void reply.status(200).send(answer.body);
        else void reply.status(200).send(undefined as never);
        // After the answer is on its way: Slack waits for nobody's modal or reply.
        if (answer.after) {
          answer.after().catch((error: unknown) => {
            request.log.error({ err: error }, 'slack interaction follow-up failed');
          });
        }
        return reply;
      },
    );
  };
}
