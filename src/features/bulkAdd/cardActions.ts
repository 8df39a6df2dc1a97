/**
 * The bulk add's card actions, each declared once: verb, payload schema, kind and need. The cards in `cards/` carry
 * them; their handlers are bound in `bulkAddRoutes.ts`. What a card carries is bounded: at most `MAX_BULK_NAMES`
 * names, each no longer than an interest name may be, plus the shared tags and audience.
 */
import { z } from 'zod';
import type { Audience } from '../../domain/audiences';
import { MAX_BULK_NAMES } from '../../domain/bulkNames';
import { COLLABORATION_TAGS, type CollaborationTag } from '../../domain/collaborationTags';
import { INTEREST_LIMITS } from '../../domain/personInterest';
import { validateAudience, validateCollaborationTags } from '../../domain/validateInterest';
import { SOURCE_TEXT } from '../../i18n/text';
import { defineCardAction } from '../../conversation/cardActionDefinition';
import { idSchema } from '../../conversation/payloadSchemas';

/** Input ids on the bulk card: `pick0`…`pick99` (one toggle per name, by its index in `names`), tags, audience. */
export const BULK_PICK_INPUT_PREFIX = 'pick';
export const BULK_TAGS_INPUT_ID = 'bulkTags';
export const BULK_AUDIENCE_INPUT_ID = 'bulkAudience';
/** What a ticked toggle submits (`valueOn`); anything else is unticked. */
export const PICKED_VALUE = 'true';

const MAX_INPUT_LENGTH = 2_000;
const nameSchema = z.string().refine((text) => Array.from(text).length <= INTEREST_LIMITS.displayNameMax);
const namesSchema = z.array(nameSchema).min(1).max(MAX_BULK_NAMES);
const inputSchema = z.string().max(MAX_INPUT_LENGTH).optional();
const pickInputs = Object.fromEntries(Array.from({ length: MAX_BULK_NAMES }, (_, index) => [`${BULK_PICK_INPUT_PREFIX}${index}`, z.string().max(16).optional()])) as Record<
  string,
  z.ZodOptional<z.ZodString>
>;

/** The answer to "one interest or several?" for `add Food, wine`: one starts the add dialog, several the bulk card. */
export const CHOOSE_SPLIT = defineCardAction({ verb: 'addMany.choose', schema: z.object({ ownerId: idSchema, names: namesSchema }), kind: 'dialog', needs: 'profile' });

/**
 * The fields every name of a batch shares, checked with the domain's rules (`validateInterest.ts`), the same
 * whether they come from the bulk card's inputs (Create) or from the result card's data (Retry): whatever a card
 * carries, nothing is written that Create would refuse.
 */
function sharedFields(tagsInput: unknown, audienceInput: unknown, ctx: z.RefinementCtx, paths: { tags: string; audience: string }): { collaborationTags: CollaborationTag[]; allowedAudiences: Audience } | typeof z.NEVER {
  const tags = validateCollaborationTags(tagsInput);
  const audience = validateAudience(audienceInput);
  // A malformed card's diagnostic, logged and sent back as the refusal's problem: the catalog's source words.
  if (!tags.ok) ctx.addIssue({ code: z.ZodIssueCode.custom, path: [paths.tags], message: SOURCE_TEXT.say(tags.error) });
  if (!audience.ok) ctx.addIssue({ code: z.ZodIssueCode.custom, path: [paths.audience], message: SOURCE_TEXT.say(audience.error) });
  if (!tags.ok || !audience.ok) return z.NEVER;
  return { collaborationTags: tags.value, allowedAudiences: audience.value };
}

/** Create on the bulk card: the names left ticked, turned into the names to create and the fields they share. */
const bulkCreateSchema = z
  .object({ ownerId: idSchema, batchId: idSchema, names: namesSchema, [BULK_TAGS_INPUT_ID]: inputSchema, [BULK_AUDIENCE_INPUT_ID]: inputSchema, ...pickInputs })
  .transform((data, ctx) => {
    const record = data as Record<string, unknown>;
    const names = data.names.filter((_, index) => record[`${BULK_PICK_INPUT_PREFIX}${index}`] === PICKED_VALUE);
    const fields = sharedFields(data[BULK_TAGS_INPUT_ID] ?? '', data[BULK_AUDIENCE_INPUT_ID] ?? '', ctx, { tags: BULK_TAGS_INPUT_ID, audience: BULK_AUDIENCE_INPUT_ID });
    if (fields === z.NEVER) return z.NEVER;
    return { ownerId: data.ownerId, batchId: data.batchId, names, ...fields };
  });

/** Retry on the result card: the names not created, with the tags and audience they were sent with. */
const bulkRetrySchema = z
  .object({
    ownerId: idSchema,
    batchId: idSchema,
    names: namesSchema,
    collaborationTags: z.array(z.string().max(MAX_INPUT_LENGTH)).max(COLLABORATION_TAGS.length),
    allowedAudiences: z.string().max(MAX_INPUT_LENGTH),
  })
  .transform((data, ctx) => {
    const fields = sharedFields(data.collaborationTags, data.allowedAudiences, ctx, { tags: 'collaborationTags', audience: 'allowedAudiences' });
    if (fields === z.NEVER) return z.NEVER;
    return { ownerId: data.ownerId, batchId: data.batchId, names: data.names, ...fields };
  });

export const CREATE_MANY = defineCardAction({ verb: 'addMany.create', schema: bulkCreateSchema, kind: 'change', needs: 'profile' });

export const RETRY_MANY = defineCardAction({ verb: 'addMany.retry', schema: bulkRetrySchema, kind: 'change', needs: 'profile' });

/** The feature's card actions, by name; `bulkAddRoutes.ts` gives each its route. */
export const BULK_ADD_CARD_ACTIONS = { chooseSplit: CHOOSE_SPLIT, create: CREATE_MANY, retry: RETRY_MANY } as const;
