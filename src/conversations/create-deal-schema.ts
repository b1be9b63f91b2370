import { Type, type TProperties } from '@sinclair/typebox';

/**
 * What a create-deal request may carry, checked the same way by REST (the body) and
 * GraphQL (the `input` argument), so both refuse the same input with the same field.
 */
const strict = <T extends TProperties>(properties: T) =>
  Type.Object(properties, { additionalProperties: false });
const Email = Type.String({ format: 'email', maxLength: 254 });

const ContactInput = strict({
  email: Email,
  firstName: Type.Optional(Type.String({ maxLength: 100 })),
  lastName: Type.Optional(Type.String({ maxLength: 100 })),
  mode: Type.Union([Type.Literal('create'), Type.Literal('associate')], {
    description: '`create` a new CRM contact, or `associate` the CRM contact with this email',
  }),
});

export const CreateDealBody = strict({
  name: Type.Optional(
    Type.String({ minLength: 1, maxLength: 255, description: 'Default "Account – title"' }),
  ),
  amount: Type.Optional(Type.Union([Type.Number({ minimum: 0 }), Type.Null()])),
  stage: Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: 100,
      description: "A stage of the pipeline (id or label); default the pipeline's first open stage",
    }),
  ),
  pipeline: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  closeDate: Type.Optional(
    Type.String({ format: 'date', description: 'YYYY-MM-DD; default 30 days from today' }),
  ),
  ownerEmail: Type.Optional(Email),
  contacts: Type.Optional(Type.Array(ContactInput, { maxItems: 50 })),
});
