/**
 * The card actions of the interests feature, each declared once: verb, the `data` its cards write (the action its
 * handler gets is the schema's output), what it does and what it needs. The cards in `cards/` carry them (templates
 * name them `@ACTION.<name>`); the handlers are bound to them in `viewActions.ts`, `changeActions.ts`,
 * `addDialogActions.ts` and `ownerViewAction.ts`, and listed in `cardRoutes.ts`.
 */
import { z } from 'zod';
import { AUDIENCE_FLAGS, type Audience } from '../../domain/audiences';
import { COLLABORATION_TAGS } from '../../domain/collaborationTags';
import { INTEREST_LIMITS } from '../../domain/personInterest';
import { validateCollaborationTags } from '../../domain/validateInterest';
import { SOURCE_TEXT } from '../../i18n/text';
import { defineCardAction, type CardActionData } from '../../conversation/cardActionDefinition';
import { idSchema, inputSchema, owned, pageSchema } from '../../conversation/payloadSchemas';

/**
 * Input ids on the edit card. Teams merges input values into the action's `data` by input id, so these must not
 * collide with the data keys below (`ownerId`, `interestId`, `before`).
 */
export const EDIT_INPUT_IDS = ['displayName', 'description', 'categories', 'collaborationTags', 'allowedAudiences', 'webUrl'] as const;
export type EditField = (typeof EDIT_INPUT_IDS)[number];

/** What the user typed into the edit card, as the card submits it (multi-selects arrive as one comma-separated string). */
export type EditFormValues = Partial<Record<EditField, string>>;

/** Input id of the tag card's multi-select. */
export const TAGS_INPUT_ID = 'collaborationTags';

const audienceSchema = z.enum(Object.keys(AUDIENCE_FLAGS) as [Audience, ...Audience[]]);
const tagSchema = z.enum(COLLABORATION_TAGS);

/** An InterestDraft as a card carries it (limits are in code points, as the domain counts them). */
const draftSchema = z.object({
  displayName: z.string().refine((text) => Array.from(text).length <= INTEREST_LIMITS.displayNameMax),
  description: z
    .string()
    .refine((text) => Array.from(text).length <= INTEREST_LIMITS.descriptionMax)
    .nullable(),
  categories: z.array(z.string().refine((text) => Array.from(text).length <= INTEREST_LIMITS.categoryMax)).max(INTEREST_LIMITS.categoriesMax),
  collaborationTags: z.array(tagSchema).max(COLLABORATION_TAGS.length),
  allowedAudiences: audienceSchema,
  webUrl: z
    .string()
    .refine((text) => Array.from(text).length <= INTEREST_LIMITS.webUrlMax)
    .nullable(),
});

const onInterest = { ownerId: idSchema, interestId: idSchema };

/** A page of the list. */
export const SHOW_LIST = defineCardAction({ verb: 'list.show', schema: z.object({ ...owned, page: pageSchema }), kind: 'read', needs: 'profile' });

/** One interest's card; `page` is the list page to go back to. */
export const OPEN_INTEREST = defineCardAction({ verb: 'interest.open', schema: z.object({ ...onInterest, page: pageSchema.optional() }), kind: 'read', needs: 'profile' });

export const EDIT_INTEREST = defineCardAction({ verb: 'interest.edit', schema: z.object(onInterest), kind: 'read', needs: 'profile' });

/** What the edit card submits: the card's own data plus the typed inputs, handed on as `form` (raw text). */
export const SAVE_INTEREST = defineCardAction({
  verb: 'interest.save',
  schema: z
    .object({
      ...onInterest,
      before: draftSchema,
      ...(Object.fromEntries(EDIT_INPUT_IDS.map((id) => [id, inputSchema.optional()])) as Record<EditField, z.ZodOptional<typeof inputSchema>>),
    })
    .transform(({ ownerId, interestId, before, ...typed }) => {
      const form: EditFormValues = {};
      for (const id of EDIT_INPUT_IDS) {
        const value = typed[id];
        if (typeof value === 'string') form[id] = value;
      }
      return { ownerId, interestId, before, form };
    }),
  kind: 'change',
  needs: 'profile',
});

export const TAG_INTEREST = defineCardAction({ verb: 'interest.tag', schema: z.object(onInterest), kind: 'read', needs: 'profile' });

/** What the tag card submits; the multi-select's one comma-separated string (or nothing) is parsed into `tags`. */
export const SAVE_TAGS = defineCardAction({
  verb: 'interest.saveTags',
  schema: z
    .object({ ...onInterest, tagsBefore: z.array(tagSchema).max(COLLABORATION_TAGS.length), [TAGS_INPUT_ID]: inputSchema.optional() })
    .transform(({ ownerId, interestId, tagsBefore, [TAGS_INPUT_ID]: submitted }, ctx) => {
      const tags = validateCollaborationTags(submitted);
      if (!tags.ok) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: [TAGS_INPUT_ID], message: SOURCE_TEXT.say(tags.error) });
        return z.NEVER;
      }
      return { ownerId, interestId, tagsBefore, tags: tags.value };
    }),
  kind: 'change',
  needs: 'profile',
});

export const DELETE_INTEREST = defineCardAction({ verb: 'interest.delete', schema: z.object(onInterest), kind: 'read', needs: 'profile' });

// The token names what the bot stored when it read the interest (`undoSnapshots.ts`). Cards from older versions
// carried a `snapshot` instead: still accepted, never written, so they get a clear answer rather than an error.
export const CONFIRM_DELETE = defineCardAction({
  verb: 'interest.confirmDelete',
  schema: z.object({ ...onInterest, undoToken: idSchema.optional(), snapshot: z.unknown().optional() }),
  kind: 'change',
  needs: 'profile',
});

export const UNDO_DELETE = defineCardAction({ verb: 'interest.undoDelete', schema: z.object({ ...owned, undoToken: idSchema, snapshot: z.unknown().optional() }), kind: 'change', needs: 'profile' });

// The score the card showed, so a confirm keeps it (Graph replaces `inference` whole); absent on older cards.
export const CONFIRM_INFERENCE = defineCardAction({
  verb: 'interest.confirmInference',
  schema: z.object({ ...onInterest, confidenceScore: z.number().min(0).max(1).nullable().optional() }),
  kind: 'change',
  needs: 'profile',
});

/** Cancel on the edit, tag and delete cards: back to the interest, or to the list. */
export const CANCEL = defineCardAction({ verb: 'interest.cancel', schema: z.object({ ...owned, interestId: idSchema.optional() }), kind: 'read', needs: 'profile' });

/** The add summary card's Create: the add dialog continues with the draft the card showed. */
export const CONFIRM_ADD = defineCardAction({ verb: 'add.confirm', schema: z.object({ ...owned, draft: draftSchema }), kind: 'dialog', needs: 'profile' });

/** The add summary card's Cancel: nothing is written, so no sign-in. */
export const CANCEL_ADD = defineCardAction({ verb: 'add.cancel', schema: z.object(owned), kind: 'dialog', needs: 'none' });

/**
 * The owner's automatic refresh of a shared card (`cards/ownerRefresh.ts`): the owner's private interests, returned
 * to the owner's client alone, never posted (not even late).
 */
export const OWNER_VIEW = defineCardAction({
  verb: 'ownerView.show',
  schema: z.discriminatedUnion('card', [
    z.object({ ...owned, card: z.literal('list'), page: pageSchema }),
    z.object({ ...owned, card: z.literal('interest'), interestId: idSchema, page: pageSchema }),
  ]),
  kind: 'read',
  needs: 'profile',
  answersFor: 'askerAlone',
});

/** The card a refresh re-renders for the owner. */
export type OwnerViewData = CardActionData<typeof OWNER_VIEW>;

/** The feature's card actions, by name; `cardRoutes.ts` gives each its route. */
export const INTEREST_CARD_ACTIONS = {
  showList: SHOW_LIST,
  openInterest: OPEN_INTEREST,
  editInterest: EDIT_INTEREST,
  saveInterest: SAVE_INTEREST,
  tagInterest: TAG_INTEREST,
  saveTags: SAVE_TAGS,
  deleteInterest: DELETE_INTEREST,
  confirmDelete: CONFIRM_DELETE,
  undoDelete: UNDO_DELETE,
  confirmInference: CONFIRM_INFERENCE,
  cancel: CANCEL,
  confirmAdd: CONFIRM_ADD,
  cancelAdd: CANCEL_ADD,
  ownerView: OWNER_VIEW,
} as const;
