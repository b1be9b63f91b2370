import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  afterParam,
  booleanParam,
  limitParam,
  nowIso,
  objectTypeParam,
  type HubspotEnv,
} from './context.js';
import { HubspotApiError, notFoundError, validationError } from './errors.js';
import {
  FIELD_TYPES,
  type HsPropertyType,
  type OptionDef,
  type PropertyDef,
} from './properties.js';
import type { HsOwner, HsPipeline, HubspotStore } from './store.js';

const PROPERTY_TYPES = Object.keys(FIELD_TYPES) as HsPropertyType[];
const NAME = /^[a-z][a-z0-9_]*$/;

export function propertyJson(store: HubspotStore, def: PropertyDef): Record<string, unknown> {
  const json: Record<string, unknown> = {
    updatedAt: def.createdAt,
    createdAt: def.createdAt,
    name: def.name,
    label: def.label,
    type: def.type,
    fieldType: def.fieldType,
    description: def.description,
    groupName: def.groupName,
    options: store.optionsOf(def),
    displayOrder: def.displayOrder,
    calculated: def.calculated,
    externalOptions: def.dynamicOptions !== undefined,
    hasUniqueValue: def.hasUniqueValue,
    hidden: false,
    hubspotDefined: def.hubspotDefined,
    modificationMetadata: {
      archivable: !def.hubspotDefined,
      readOnlyDefinition: def.hubspotDefined,
      readOnlyValue: def.readOnly,
    },
    formField: !def.readOnly,
    dataSensitivity: 'non_sensitive',
  };
  if (def.showCurrencySymbol) json.showCurrencySymbol = true;
  if (def.referencedObjectType) json.referencedObjectType = def.referencedObjectType;
  return json;
}

function pipelineJson(pipeline: HsPipeline): Record<string, unknown> {
  return {
    label: pipeline.label,
    displayOrder: pipeline.displayOrder,
    id: pipeline.id,
    stages: pipeline.stages.map((stage) => ({
      label: stage.label,
      displayOrder: stage.displayOrder,
      // HubSpot sends stage metadata as strings.
      metadata: {
        isClosed: String(stage.isClosed),
        probability: Number.isInteger(stage.probability * 10)
          ? stage.probability.toFixed(1)
          : String(stage.probability),
      },
      id: stage.id,
      createdAt: pipeline.createdAt,
      updatedAt: pipeline.createdAt,
      archived: false,
      writePermissions: 'CRM_PERMISSIONS_ENFORCEMENT',
    })),
    createdAt: pipeline.createdAt,
    updatedAt: pipeline.createdAt,
    archived: false,
  };
}

function ownerJson(owner: HsOwner): Record<string, unknown> {
  return {
    id: owner.id,
    email: owner.email,
    type: 'PERSON',
    firstName: owner.firstName,
    lastName: owner.lastName,
    userId: owner.userId,
    userIdIncludingInactive: owner.userId,
    createdAt: owner.createdAt,
    updatedAt: owner.createdAt,
    archived: owner.archived,
    teams: [],
  };
}

function parseOptions(value: unknown): OptionDef[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw validationError('options must be an array');
  return value.map((option: { label?: unknown; value?: unknown; displayOrder?: unknown }, i) => {
    if (typeof option?.value !== 'string' || typeof option.label !== 'string') {
      throw validationError(`options[${i}] needs a string label and value`);
    }
    const order = typeof option.displayOrder === 'number' ? option.displayOrder : i;
    return { label: option.label, value: option.value, displayOrder: order, hidden: false };
  });
}

/** Properties, pipelines, owners and account details. */
export function registerMetadataRoutes(app: FastifyInstance, env: HubspotEnv): void {
  const { store } = env;

  app.get<{ Params: { objectType: string } }>('/crm/v3/properties/:objectType', async (request) => {
    const type = objectTypeParam(request.params.objectType);
    return { results: store.properties(type).map((def) => propertyJson(store, def)) };
  });

  app.get<{ Params: { objectType: string; name: string } }>(
    '/crm/v3/properties/:objectType/:name',
    async (request) => {
      const type = objectTypeParam(request.params.objectType);
      const def = store.property(type, request.params.name);
      if (!def) throw notFoundError(`Unable to find property ${request.params.name}`);
      return propertyJson(store, def);
    },
  );

  app.post<{ Params: { objectType: string } }>(
    '/crm/v3/properties/:objectType',
    async (request, reply) => {
      const type = objectTypeParam(request.params.objectType);
      const body = (request.body ?? {}) as Record<string, unknown>;
      for (const field of ['name', 'label', 'type', 'fieldType', 'groupName']) {
        if (typeof body[field] !== 'string' || body[field] === '') {
          throw validationError(`Property definitions need ${field}`, {
            errors: [
              {
                message: `${field} is required`,
                code: 'REQUIRED_FIELD',
                context: { field: [field] },
              },
            ],
          });
        }
      }
      const name = body.name as string;
      const kind = body.type as HsPropertyType;
      if (!NAME.test(name)) {
        throw validationError(
          `Property name ${name} must be lowercase letters, digits and underscores`,
        );
      }
      if (!PROPERTY_TYPES.includes(kind)) {
        throw validationError(
          `Unknown property type ${kind}; use one of ${PROPERTY_TYPES.join(', ')}`,
        );
      }
      if (!FIELD_TYPES[kind].includes(body.fieldType as string)) {
        throw validationError(
          `fieldType ${String(body.fieldType)} does not go with type ${kind}; use one of ${FIELD_TYPES[kind].join(', ')}`,
        );
      }
      if (store.property(type, name)) {
        throw new HubspotApiError(
          409,
          'OBJECT_ALREADY_EXISTS',
          `Property named '${name}' already exists.`,
        );
      }
      const def: PropertyDef = {
        name,
        label: body.label as string,
        type: kind,
        fieldType: body.fieldType as string,
        groupName: body.groupName as string,
        description: typeof body.description === 'string' ? body.description : '',
        options:
          kind === 'bool'
            ? parseOptions([
                { label: 'Yes', value: 'true' },
                { label: 'No', value: 'false' },
              ])
            : parseOptions(body.options),
        displayOrder: typeof body.displayOrder === 'number' ? body.displayOrder : -1,
        calculated: false,
        readOnly: false,
        hubspotDefined: false,
        hasUniqueValue: body.hasUniqueValue === true,
        createdAt: nowIso(env),
      };
      store.customProperties[type].set(name, def);
      store.version += 1;
      return reply.code(201).send(propertyJson(store, def));
    },
  );

  const dealsOnly = (objectType: string) => {
    if (objectTypeParam(objectType) !== 'deals') {
      throw validationError(`The emulator keeps pipelines for deals only, not ${objectType}`);
    }
  };

  app.get<{ Params: { objectType: string } }>('/crm/v3/pipelines/:objectType', async (request) => {
    dealsOnly(request.params.objectType);
    return { results: store.pipelines.map(pipelineJson) };
  });

  app.get<{ Params: { objectType: string; pipelineId: string } }>(
    '/crm/v3/pipelines/:objectType/:pipelineId',
    async (request) => {
      dealsOnly(request.params.objectType);
      const pipeline = store.pipelines.find((p) => p.id === request.params.pipelineId);
      if (!pipeline) throw notFoundError(`Unable to find pipeline ${request.params.pipelineId}`);
      return pipelineJson(pipeline);
    },
  );

  const listOwners = async (request: FastifyRequest<{ Querystring: Record<string, unknown> }>) => {
    const query = request.query;
    const limit = limitParam(query.limit, 100, 500);
    const archived = booleanParam(query.archived);
    const email = typeof query.email === 'string' ? query.email.toLowerCase() : undefined;
    const matching = store.owners.filter(
      (owner) => owner.archived === archived && (!email || owner.email.toLowerCase() === email),
    );
    const after = afterParam(query.after);
    const page = matching.slice(after, after + limit);
    const answer: Record<string, unknown> = { results: page.map(ownerJson) };
    if (after + limit < matching.length) {
      answer.paging = { next: { after: String(after + limit) } };
    }
    return answer;
  };
  // The SDK asks for `/crm/v3/owners/?...`.
  app.get('/crm/v3/owners', listOwners);
  app.get('/crm/v3/owners/', listOwners);

  app.get<{ Params: { ownerId: string } }>('/crm/v3/owners/:ownerId', async (request) => {
    const owner = store.ownersById.get(request.params.ownerId);
    if (!owner) throw notFoundError(`Unable to find owner ${request.params.ownerId}`);
    return ownerJson(owner);
  });

  app.get('/account-info/v3/details', async () => ({
    portalId: store.portalId,
    accountType: 'STANDARD',
    timeZone: 'US/Eastern',
    companyCurrency: 'USD',
    additionalCurrencies: [],
    utcOffset: '-05:00',
    utcOffsetMilliseconds: -18_000_000,
    uiDomain: 'app.hubspot.com',
    dataHostingLocation: 'na1',
  }));
}
