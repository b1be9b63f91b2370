import { Type, type Static, type TSchema } from '@sinclair/typebox';

export const Uuid = Type.String({ format: 'uuid' });
export const Timestamp = Type.String({ format: 'date-time' });
export const NullableTimestamp = Type.Union([Timestamp, Type.Null()]);
export const Email = Type.String({ format: 'email', maxLength: 254 });
export const RoleSchema = Type.Union([Type.Literal('admin'), Type.Literal('member')]);

export const ErrorBody = Type.Object(
  {
    error: Type.Object({
      code: Type.String({ description: 'Stable machine-readable code, e.g. validation_failed' }),
      message: Type.String(),
      details: Type.Unknown({
        description:
          'What was wrong: [{ field, message }] for validation, else an object ({} when nothing to add)',
      }),
    }),
  },
  { $id: 'ErrorBody', title: 'Error' },
);

/** The error responses every route may give, for the OpenAPI document. */
export function errorResponses(...statuses: number[]): Record<number, TSchema> {
  return Object.fromEntries(statuses.map((status) => [status, Type.Ref('ErrorBody')]));
}

export const WorkspaceParams = Type.Object({ workspaceId: Uuid });
export type WorkspaceParams = Static<typeof WorkspaceParams>;

export function strictObject<T extends Parameters<typeof Type.Object>[0]>(properties: T) {
  return Type.Object(properties, { additionalProperties: false });
}
