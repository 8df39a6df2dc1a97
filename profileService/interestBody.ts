import type { PersonInterest } from '@microsoft/microsoft-graph-types-beta';
import { COLLABORATION_TAGS, isCollaborationTag } from '../src/domain/collaborationTags';
import { fail, ok, type Result } from '../src/domain/result';
import { normalizeAudienceLiteral } from './audienceValue';
import { PERSON_INTEREST_TYPE, serviceErrors } from './serviceErrors';
import { SERVICE_LIMITS } from './serviceLimits';
import type { ServiceResponse } from './wire';

/**
 * Reads a create (POST) or update (PATCH) body the way Graph's OData reader does: unknown properties and values
 * of the wrong JSON type are `RequestBodyRead`; values the model allows but this service refuses (missing
 * display name, unknown collaboration tag, over-long text, `source` on update) are `invalidRequest`.
 * Server-set properties (id, created*, lastModified*, ...) are accepted and ignored, as Graph does.
 */
export type WritableInterestFields = Required<
  Pick<PersonInterest, 'displayName' | 'description' | 'categories' | 'collaborationTags' | 'allowedAudiences' | 'webUrl' | 'inference' | 'source'>
>;
export type InterestWrite = Partial<WritableInterestFields>;
export type InterestCreate = InterestWrite & { displayName: string };

type WritableName = keyof WritableInterestFields;
type Parsed<T> = Result<T, ServiceResponse>;
type FieldParser<T> = (value: unknown, property: string) => Parsed<T>;

const SERVER_SET_PROPERTIES = new Set(['id', 'createdDateTime', 'createdBy', 'lastModifiedDateTime', 'lastModifiedBy', 'sources', 'isSearchable', 'thumbnailUrl']);
const ACCEPTED_ODATA_TYPES = new Set([PERSON_INTEREST_TYPE, `#${PERSON_INTEREST_TYPE}`]);

const wrongType = (property: string, expected: string): ServiceResponse =>
  serviceErrors.requestBodyRead(`Cannot convert the value of property '${property}' to the expected type '${expected}'.`);
const tooLong = (property: string, max: number): ServiceResponse => serviceErrors.invalidRequest(`Property '${property}' exceeds the maximum length of ${max}.`);
const tooMany = (property: string, max: number): ServiceResponse => serviceErrors.invalidRequest(`Property '${property}' holds more than ${max} values.`);
const isPlainObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

const requiredText =
  (max: number): FieldParser<string> =>
  (value, property) => {
    if (value === null || (typeof value === 'string' && value.trim() === '')) {
      return fail(serviceErrors.invalidRequest(`Property '${property}' is required and cannot be empty.`));
    }
    if (typeof value !== 'string') return fail(wrongType(property, 'Edm.String'));
    return value.length > max ? fail(tooLong(property, max)) : ok(value);
  };

const optionalText =
  (max: number): FieldParser<string | null> =>
  (value, property) => {
    if (value === null) return ok(null);
    if (typeof value !== 'string') return fail(wrongType(property, 'Edm.String'));
    return value.length > max ? fail(tooLong(property, max)) : ok(value);
  };

const stringList =
  (itemMax: number, countMax: number, allowed?: (item: string) => boolean, allowedText?: string): FieldParser<string[] | null> =>
  (value, property) => {
    if (value === null) return ok(null);
    if (!Array.isArray(value) || value.some((item) => typeof item !== 'string')) return fail(wrongType(property, 'Collection(Edm.String)'));
    const items = value as string[];
    if (items.length > countMax) return fail(tooMany(property, countMax));
    const overLong = items.find((item) => item.length > itemMax);
    if (overLong !== undefined) return fail(tooLong(property, itemMax));
    const refused = allowed ? items.find((item) => !allowed(item)) : undefined;
    if (refused !== undefined) {
      return fail(serviceErrors.invalidRequest(`'${refused}' is not a valid value for '${property}'. Allowed values: ${allowedText ?? ''}.`));
    }
    return ok([...items]);
  };

const audiences: FieldParser<WritableInterestFields['allowedAudiences']> = (value, property) => {
  if (value === null) return ok(null);
  if (typeof value !== 'string') return fail(wrongType(property, 'microsoft.graph.allowedAudiences'));
  const normalized = normalizeAudienceLiteral(value);
  return normalized === undefined
    ? fail(serviceErrors.requestBodyRead(`The string '${value}' is not a valid enumeration type constant for 'microsoft.graph.allowedAudiences'.`))
    : ok(normalized);
};

const inference: FieldParser<WritableInterestFields['inference']> = (value, property) => {
  if (value === null) return ok(null);
  if (!isPlainObject(value)) return fail(wrongType(property, 'microsoft.graph.inferenceData'));
  const result: NonNullable<WritableInterestFields['inference']> = {};
  for (const [key, item] of Object.entries(value)) {
    if (key.startsWith('@odata.')) continue;
    if (key === 'confidenceScore') {
      if (item !== null && (typeof item !== 'number' || !Number.isFinite(item))) return fail(wrongType('confidenceScore', 'Edm.Double'));
      result.confidenceScore = item;
    } else if (key === 'userHasVerifiedAccuracy') {
      if (item !== null && typeof item !== 'boolean') return fail(wrongType('userHasVerifiedAccuracy', 'Edm.Boolean'));
      result.userHasVerifiedAccuracy = item;
    } else {
      return fail(serviceErrors.unknownProperty(key, 'microsoft.graph.inferenceData'));
    }
  }
  return ok(result);
};

// `source.type` is a collection in current metadata; older payloads send one string, read here as a one-item list.
const source: FieldParser<WritableInterestFields['source']> = (value, property) => {
  if (value === null) return ok(null);
  if (!isPlainObject(value)) return fail(wrongType(property, 'microsoft.graph.personDataSources'));
  const result: NonNullable<WritableInterestFields['source']> = {};
  for (const [key, item] of Object.entries(value)) {
    if (key.startsWith('@odata.')) continue;
    if (key !== 'type') return fail(serviceErrors.unknownProperty(key, 'microsoft.graph.personDataSources'));
    const types = stringList(SERVICE_LIMITS.sourceTypeMax, SERVICE_LIMITS.sourceTypesMax)(typeof item === 'string' ? [item] : item, 'source.type');
    if (!types.ok) return types;
    result.type = types.value;
  }
  return ok(result);
};

const FIELD_PARSERS: { readonly [K in WritableName]: FieldParser<WritableInterestFields[K]> } = {
  displayName: requiredText(SERVICE_LIMITS.displayNameMax),
  description: optionalText(SERVICE_LIMITS.descriptionMax),
  webUrl: optionalText(SERVICE_LIMITS.webUrlMax),
  categories: stringList(SERVICE_LIMITS.categoryMax, SERVICE_LIMITS.categoriesMax),
  collaborationTags: stringList(SERVICE_LIMITS.categoryMax, SERVICE_LIMITS.collaborationTagsMax, isCollaborationTag, COLLABORATION_TAGS.join(', ')),
  allowedAudiences: audiences,
  inference,
  source,
};

const isWritable = (key: string): key is WritableName => Object.hasOwn(FIELD_PARSERS, key);

function parseInto<K extends WritableName>(target: InterestWrite, key: K, value: unknown): ServiceResponse | undefined {
  const parsed = FIELD_PARSERS[key](value, key);
  if (!parsed.ok) return parsed.error;
  target[key] = parsed.value;
  return undefined;
}

function parseFields(body: Record<string, unknown>, operation: 'create' | 'update'): Parsed<InterestWrite> {
  const fields: InterestWrite = {};
  for (const [key, value] of Object.entries(body)) {
    if (key === '@odata.type') {
      if (typeof value !== 'string' || !ACCEPTED_ODATA_TYPES.has(value)) {
        return fail(serviceErrors.requestBodyRead(`A type named '${String(value)}' could not be resolved by the model.`));
      }
      continue;
    }
    // Instance and property annotations (`@odata.etag`, `displayName@odata.type`) carry no data.
    if (key.includes('@')) continue;
    if (SERVER_SET_PROPERTIES.has(key)) continue;
    if (!isWritable(key)) return fail(serviceErrors.unknownProperty(key));
    if (key === 'source' && operation === 'update') {
      return fail(serviceErrors.invalidRequest("Property 'source' can be set only when the interest is created."));
    }
    const error = parseInto(fields, key, value);
    if (error) return fail(error);
  }
  return ok(fields);
}

export function parseCreateBody(body: Record<string, unknown>): Parsed<InterestCreate> {
  const fields = parseFields(body, 'create');
  if (!fields.ok) return fields;
  const { displayName } = fields.value;
  if (typeof displayName !== 'string') return fail(serviceErrors.invalidRequest("Property 'displayName' is required and cannot be empty."));
  return ok({ ...fields.value, displayName });
}

export function parseUpdateBody(body: Record<string, unknown>): Parsed<InterestWrite> {
  return parseFields(body, 'update');
}
