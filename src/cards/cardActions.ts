import { z } from 'zod';
import { AUDIENCE_FLAGS, type Audience } from '../domain/audiences';
import { COLLABORATION_TAGS } from '../domain/collaborationTags';
import { INTEREST_LIMITS } from '../domain/personInterest';
import { fail, ok, type Result } from '../domain/result';
import { validateCollaborationTags } from '../domain/validateInterest';

/**
 * The `Action.Execute` verbs the bot's cards carry, and the data each one records. Cards are built by the
 * renderers in this folder; the invoke handler in the bot parses `value.action` with `parseCardAction` and
 * routes on `verb`. Every action records `ownerId` (the AAD object id, or channel user id, of the user whose
 * interests the card shows) so an action from anyone else can be refused.
 */
export const CARD_VERBS = {
  showList: 'list.show',
  openInterest: 'interest.open',
  editInterest: 'interest.edit',
  saveInterest: 'interest.save',
  tagInterest: 'interest.tag',
  saveTags: 'interest.saveTags',
  deleteInterest: 'interest.delete',
  confirmDelete: 'interest.confirmDelete',
  undoDelete: 'interest.undoDelete',
  confirmInference: 'interest.confirmInference',
  cancel: 'interest.cancel',
  confirmAdd: 'add.confirm',
  cancelAdd: 'add.cancel',
} as const;

export type CardVerb = (typeof CARD_VERBS)[keyof typeof CARD_VERBS];

/** Every verb, so the bot's tests can assert each one has a handler. */
export const ALL_CARD_VERBS: readonly CardVerb[] = Object.freeze(Object.values(CARD_VERBS));

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

// Ids come from Graph or the channel and are short; the bound only keeps a forged payload from being huge.
const MAX_ID_LENGTH = 512;
// Generous bound for a raw input string: the card caps typed text, a forged payload is refused.
const MAX_INPUT_LENGTH = 20_000;

const idSchema = z.string().min(1).max(MAX_ID_LENGTH);
const inputSchema = z.string().max(MAX_INPUT_LENGTH);
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

const owned = { ownerId: idSchema };
const onInterest = { ownerId: idSchema, interestId: idSchema };

/** `data` of each verb, as the card writes it (before Teams merges any inputs in). */
const actionDataSchemas = {
  [CARD_VERBS.showList]: z.object({ ...owned, page: z.number().int().min(0).max(100_000) }),
  [CARD_VERBS.openInterest]: z.object(onInterest),
  [CARD_VERBS.editInterest]: z.object(onInterest),
  [CARD_VERBS.saveInterest]: z.object({
    ...onInterest,
    before: draftSchema,
    ...Object.fromEntries(EDIT_INPUT_IDS.map((id) => [id, inputSchema.optional()])),
  }),
  [CARD_VERBS.tagInterest]: z.object(onInterest),
  [CARD_VERBS.saveTags]: z.object({ ...onInterest, tagsBefore: z.array(tagSchema).max(COLLABORATION_TAGS.length), [TAGS_INPUT_ID]: inputSchema.optional() }),
  [CARD_VERBS.deleteInterest]: z.object(onInterest),
  // The token names what the bot stored when it read the interest (`undoSnapshots.ts`). Cards from older versions
  // carried a `snapshot` instead: still accepted, never written, so they get a clear answer rather than an error.
  [CARD_VERBS.confirmDelete]: z.object({ ...onInterest, undoToken: idSchema.optional(), snapshot: z.unknown().optional() }),
  [CARD_VERBS.undoDelete]: z.object({ ...owned, undoToken: idSchema, snapshot: z.unknown().optional() }),
  // The score the card showed, so a confirm keeps it (Graph replaces `inference` whole); absent on older cards.
  [CARD_VERBS.confirmInference]: z.object({ ...onInterest, confidenceScore: z.number().min(0).max(1).nullable().optional() }),
  [CARD_VERBS.cancel]: z.object({ ...owned, interestId: idSchema.optional() }),
  [CARD_VERBS.confirmAdd]: z.object({ ...owned, draft: draftSchema }),
  [CARD_VERBS.cancelAdd]: z.object(owned),
} as const satisfies Record<CardVerb, z.ZodTypeAny>;

type DataOf<V extends CardVerb> = z.infer<(typeof actionDataSchemas)[V]>;
type Draft = z.infer<typeof draftSchema>;

export type ShowListAction = { verb: typeof CARD_VERBS.showList } & DataOf<typeof CARD_VERBS.showList>;
export type OpenInterestAction = { verb: typeof CARD_VERBS.openInterest } & DataOf<typeof CARD_VERBS.openInterest>;
export type EditInterestAction = { verb: typeof CARD_VERBS.editInterest } & DataOf<typeof CARD_VERBS.editInterest>;
/** `form` holds what the user typed, raw; `before` is the draft the card showed, so only changed fields are written. */
export type SaveInterestAction = { verb: typeof CARD_VERBS.saveInterest; ownerId: string; interestId: string; before: Draft; form: EditFormValues };
export type TagInterestAction = { verb: typeof CARD_VERBS.tagInterest } & DataOf<typeof CARD_VERBS.tagInterest>;
/** `tags` is the submitted selection, parsed; `tagsBefore` is what the card showed selected. */
export type SaveTagsAction = {
  verb: typeof CARD_VERBS.saveTags;
  ownerId: string;
  interestId: string;
  tagsBefore: Draft['collaborationTags'];
  tags: Draft['collaborationTags'];
};
export type DeleteInterestAction = { verb: typeof CARD_VERBS.deleteInterest } & DataOf<typeof CARD_VERBS.deleteInterest>;
export type ConfirmDeleteAction = { verb: typeof CARD_VERBS.confirmDelete } & DataOf<typeof CARD_VERBS.confirmDelete>;
export type UndoDeleteAction = { verb: typeof CARD_VERBS.undoDelete } & DataOf<typeof CARD_VERBS.undoDelete>;
export type ConfirmInferenceAction = { verb: typeof CARD_VERBS.confirmInference } & DataOf<typeof CARD_VERBS.confirmInference>;
export type CancelAction = { verb: typeof CARD_VERBS.cancel } & DataOf<typeof CARD_VERBS.cancel>;
export type ConfirmAddAction = { verb: typeof CARD_VERBS.confirmAdd } & DataOf<typeof CARD_VERBS.confirmAdd>;
export type CancelAddAction = { verb: typeof CARD_VERBS.cancelAdd } & DataOf<typeof CARD_VERBS.cancelAdd>;

export type CardAction =
  | ShowListAction
  | OpenInterestAction
  | EditInterestAction
  | SaveInterestAction
  | TagInterestAction
  | SaveTagsAction
  | DeleteInterestAction
  | ConfirmDeleteAction
  | UndoDeleteAction
  | ConfirmInferenceAction
  | CancelAction
  | ConfirmAddAction
  | CancelAddAction;

/** The `data` a card writes for a verb: what renderers put on an action (inputs are merged in by the client). */
export type CardActionData<V extends CardVerb> = Omit<Extract<CardAction, { verb: V }>, 'verb' | 'form' | 'tags'>;

const invokeValueSchema = z.object({
  action: z.object({
    type: z.literal('Action.Execute'),
    verb: z.string(),
    data: z.record(z.unknown()).optional(),
  }),
});

function isCardVerb(verb: string): verb is CardVerb {
  return (ALL_CARD_VERBS as readonly string[]).includes(verb);
}

/**
 * Parses the `value` of an `adaptiveCard/action` invoke into a card action. Anything malformed — not an
 * `Action.Execute`, an unknown verb, missing or ill-typed data, an unknown tag — is an error result, never a throw.
 */
export function parseCardAction(value: unknown): Result<CardAction, string> {
  const invoke = invokeValueSchema.safeParse(value);
  if (!invoke.success) return fail('not an Action.Execute invoke');
  const { verb, data = {} } = invoke.data.action;
  if (!isCardVerb(verb)) return fail(`unknown verb "${verb.slice(0, 64)}"`);
  return parseActionData(verb, data);
}

function parseActionData(verb: CardVerb, data: Record<string, unknown>): Result<CardAction, string> {
  const parsed = actionDataSchemas[verb].safeParse(data);
  if (!parsed.success) return fail(`malformed data for ${verb}: ${describeIssues(parsed.error)}`);
  const fields = parsed.data as Record<string, unknown>;
  switch (verb) {
    case CARD_VERBS.saveInterest: {
      const { ownerId, interestId, before } = fields as DataOf<typeof CARD_VERBS.saveInterest>;
      const form: EditFormValues = {};
      for (const id of EDIT_INPUT_IDS) {
        const typed = fields[id];
        if (typeof typed === 'string') form[id] = typed;
      }
      return ok({ verb, ownerId, interestId, before, form });
    }
    case CARD_VERBS.saveTags: {
      const { ownerId, interestId, tagsBefore } = fields as DataOf<typeof CARD_VERBS.saveTags>;
      // A multi-select submits one comma-separated string, or nothing when no box is ticked.
      const tags = validateCollaborationTags(fields[TAGS_INPUT_ID]);
      if (!tags.ok) return fail(`malformed data for ${verb}: ${tags.error}`);
      return ok({ verb, ownerId, interestId, tagsBefore, tags: tags.value });
    }
    default:
      return ok({ verb, ...fields } as CardAction);
  }
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join('.') || '(data)'}: ${issue.message}`)
    .join('; ');
}
