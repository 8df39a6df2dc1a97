/**
 * JSON Schemas of the Graph bodies read on every list: a `personInterest` and a page of them. Every property of
 * `personInterest` is optional and nullable on the wire; only a non-empty `id` is required. The checks are compiled
 * from these ahead of time into plain functions (`personInterestChecks.generated.ts`, rebuilt with
 * `npm run generate:wire-checks`), which check a page of 20 items in microseconds and load no validator library at
 * start. The same schemas say which properties are kept (`keepDeclaredProperties`).
 */
import type { WireSchema } from './declaredProperties';

const nullableString = { type: ['string', 'null'] } as const;
const nullableBoolean = { type: ['boolean', 'null'] } as const;
const nullableStringList = { type: ['array', 'null'], items: { type: 'string' } } as const;
const nonEmptyString = { type: 'string', not: { const: '' } } as const;

const identity = { type: ['object', 'null'], properties: { displayName: nullableString, id: nullableString } } as const;
const identitySet = { type: ['object', 'null'], properties: { application: identity, device: identity, user: identity } } as const;

export const STORED_INTEREST_SCHEMA = {
  $id: 'storedInterest',
  type: 'object',
  required: ['id'],
  properties: {
    id: nonEmptyString,
    displayName: nullableString,
    description: nullableString,
    categories: nullableStringList,
    collaborationTags: nullableStringList,
    webUrl: nullableString,
    thumbnailUrl: nullableString,
    // Any value: `readAllowedAudiences` reads names, comma lists and flag strings, and maps the rest to one answer.
    allowedAudiences: {},
    inference: { type: ['object', 'null'], properties: { confidenceScore: { type: ['number', 'null'] }, userHasVerifiedAccuracy: nullableBoolean } },
    createdDateTime: nullableString,
    createdBy: identitySet,
    lastModifiedDateTime: nullableString,
    lastModifiedBy: identitySet,
    // `source.type` is a string list in current metadata and a single string in older responses.
    source: { type: ['object', 'null'], properties: { type: { type: ['array', 'string', 'null'], items: { type: 'string' } } } },
    sources: {
      type: ['array', 'null'],
      items: { type: 'object', properties: { isDefaultSource: nullableBoolean, properties: nullableStringList, sourceId: nullableString } },
    },
    isSearchable: nullableBoolean,
  },
} as const satisfies WireSchema;

export const INTERESTS_PAGE_SCHEMA = {
  $id: 'interestsPage',
  type: 'object',
  required: ['value'],
  properties: {
    value: { type: 'array' },
    '@odata.nextLink': { type: ['string', 'null'], not: { const: '' } },
  },
} as const satisfies WireSchema;
