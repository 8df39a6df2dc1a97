import type { InterestDraft, PersonInterest } from '../domain/personInterest';
import { readAllowedAudiences } from './allowedAudiencesWire';
import { keepDeclaredProperties } from './wire/declaredProperties';
import { isInterestsPageWire, isStoredInterestWire } from './wire/personInterestChecks.generated';
import { STORED_INTEREST_SCHEMA } from './wire/personInterestSchemas';

/**
 * An interest as Graph stores it: always addressable by `id`. `allowedAudiences` is the wire value as read, which
 * may be a comma list of flags or a numeric string (`readAllowedAudiences`): interpret it with the domain's
 * audience readers, never by comparing it with one name.
 */
export type StoredInterest = PersonInterest & { id: string };

// Compile-time: every property the schema keeps is one of `StoredInterest`'s, so the cast in `parseStoredInterest`
// names nothing the type lacks.
type UndeclaredByTheType = Exclude<keyof typeof STORED_INTEREST_SCHEMA.properties, keyof StoredInterest>;
const schemaKeepsOnlyInterestProperties: [UndeclaredByTheType] extends [never] ? true : never = true;
void schemaKeepsOnlyInterestProperties;

export interface InterestsPage {
  readonly items: readonly unknown[];
  readonly nextLink: string | undefined;
}

/**
 * The entity, or `undefined` when the body is not a `personInterest` with an id (`STORED_INTEREST_SCHEMA`). Only
 * the declared properties are kept; `allowedAudiences` keeps its wire value (`readAllowedAudiences`) and a
 * single-string `source.type` becomes a list.
 */
export function parseStoredInterest(body: unknown): StoredInterest | undefined {
  if (!isStoredInterestWire(body)) return undefined;
  const interest = keepDeclaredProperties(STORED_INTEREST_SCHEMA, body) as Record<string, unknown>;
  interest['allowedAudiences'] = readAllowedAudiences(interest['allowedAudiences']);
  const source = interest['source'] as { type?: unknown } | null | undefined;
  if (typeof source?.type === 'string') interest['source'] = { type: [source.type] };
  // The check above proved this shape.
  return interest as unknown as StoredInterest;
}

/** A collection page (`value` plus an optional `@odata.nextLink`), or `undefined` when the body is not one. */
export function parseInterestsPage(body: unknown): InterestsPage | undefined {
  if (!isInterestsPageWire(body)) return undefined;
  const page = body as { value: unknown[]; '@odata.nextLink'?: string | null };
  return { items: page.value, nextLink: page['@odata.nextLink'] ?? undefined };
}

/** The POST body for a new interest. Empty optional texts are left out rather than sent as nulls. */
export function toCreateBody(draft: InterestDraft): Record<string, unknown> {
  return {
    displayName: draft.displayName,
    ...(draft.description !== null ? { description: draft.description } : {}),
    categories: draft.categories,
    collaborationTags: draft.collaborationTags,
    allowedAudiences: draft.allowedAudiences,
    ...(draft.webUrl !== null ? { webUrl: draft.webUrl } : {}),
  };
}
