import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { MeetingInput } from '../../conversations/meeting-input.js';
import {
  csvRows,
  importMeetings,
  jsonRows,
  MAX_UPLOAD_BYTES,
  MAX_UPLOAD_ROWS,
  type RowValidator,
} from '../../conversations/upload.js';
import type { AppContext } from '../context.js';
import type { FieldIssue } from '../error-handler.js';
import { toHttpError } from '../error-handler.js';
import { validatorCompiler } from '../validation.js';

const UploadSummary = Type.Object({
  rows: Type.Integer(),
  created: Type.Integer(),
  updated: Type.Integer(),
  unchanged: Type.Integer(),
  skipped: Type.Integer({ description: 'Invalid rows, and repeats of an earlier row of the file' }),
  errors: Type.Array(
    Type.Object({
      row: Type.Integer({ description: '1 for the first meeting (the line after the header)' }),
      column: Type.Union([Type.String(), Type.Null()]),
      message: Type.String(),
    }),
    { description: 'The first 100' },
  ),
  errorCount: Type.Integer(),
});

// Checked as a request body is, with the same limits (dates, text Postgres can hold).
const checkMeeting = validatorCompiler({
  schema: MeetingInput,
  method: 'POST',
  url: 'upload',
  httpPart: 'body',
}) as (data: unknown) => { error?: Error };

const validateRow: RowValidator = (row) => {
  const { error } = checkMeeting(row);
  if (!error) return [];
  return (
    (toHttpError(error).details as FieldIssue[] | undefined) ?? [
      { field: 'body', message: error.message },
    ]
  );
};

/** Uploading meetings as a JSON array or a CSV file; in a plugin of its own for the CSV parser. */
export function conversationUploadRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.addContentTypeParser('text/csv', { parseAs: 'string' }, (_request, body, done) =>
      done(null, body),
    );

    app.post(
      '/api/workspaces/:workspaceId/conversations/upload',
      {
        config: { role: 'admin' },
        bodyLimit: MAX_UPLOAD_BYTES,
        schema: {
          operationId: 'uploadConversations',
          summary: 'Upload meetings as JSON or CSV',
          description:
            `At most ${MAX_UPLOAD_ROWS} meetings and 10 MB. JSON: an array of meetings ` +
            '(id, title, startedAt, duration in seconds, participants [{ email, name }], hostEmail, ' +
            'transcript, url). CSV (`Content-Type: text/csv`): a header row naming those columns ' +
            '(title, startedAt and duration required; participants as `Name <email>; email`). ' +
            'Each row is checked on its own: valid rows are stored, the others listed by row and ' +
            'column. A row is the same meeting as before when its id is, or without an id, its ' +
            'title and start, so uploading a file again stores nothing twice.',
          tags: ['conversations'],
          body: {
            content: {
              'application/json': {
                schema: Type.Array(Type.Unknown({ description: 'A meeting, as described above' }), {
                  maxItems: MAX_UPLOAD_ROWS,
                }),
              },
              'text/csv': { schema: Type.String({ description: 'The CSV file' }) },
            },
          },
          response: { 200: UploadSummary },
        },
      },
      async (request) => {
        const isCsv = typeof request.body === 'string';
        const rows = isCsv ? csvRows(request.body as string) : jsonRows(request.body);
        return importMeetings(
          { pool: ctx.pool },
          request.access.workspaceId,
          rows,
          validateRow,
          isCsv ? 'csv' : 'json',
        );
      },
    );
  };
}
