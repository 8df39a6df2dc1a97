import { z } from 'zod';
import { AUDIENCE_FLAGS, type Audience } from '../domain/audiences';
import { BULK_ADD_VERBS, bulkCreateSchema, bulkRetrySchema, chooseSplitSchema } from './bulkAddActions';
import { COLLABORATION_TAGS } from '../domain/collaborationTags';
import { isWellFormedId } from '../domain/identifier';
import { INTEREST_LIMITS } from '../domain/personInterest';
import { fail, ok, type Result } from '../domain/result';
import { validateCollaborationTags } from '../domain/validateInterest';
import { SOURCE_TEXT } from '../i18n/text';

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
  ...BULK_ADD_VERBS,
  answerChoice: 'choice.answer',
  ownerView: 'ownerView.show',
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

// Generous bound for a raw input string: the card caps typed text, a forged payload is refused.
const MAX_INPUT_LENGTH = 20_000;

// Ids go into Graph URLs and back into cards: bounded, well-formed, never `.`/`..` (domain/identifier.ts).
const idSchema = z.string().refine(isWellFormedId);
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

/** What the edit card submits: the card's own data plus the typed inputs, handed on as `form` (raw text). */
const saveInterestSchema = z
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
  });

/** What the tag card submits; the multi-select's one comma-separated string (or nothing) is parsed into `tags`. */
const saveTagsSchema = z
  .object({ ...onInterest, tagsBefore: z.array(tagSchema).max(COLLABORATION_TAGS.length), [TAGS_INPUT_ID]: inputSchema.optional() })
  .transform(({ ownerId, interestId, tagsBefore, [TAGS_INPUT_ID]: submitted }, ctx) => {
    const tags = validateCollaborationTags(submitted);
    if (!tags.ok) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: [TAGS_INPUT_ID], message: SOURCE_TEXT.say(tags.error) });
      return z.NEVER;
    }
    return { ownerId, interestId, tagsBefore, tags: tags.value };
  });

/** Input id of a choice card's `Input.ChoiceSet` (a multi-select sends one comma-separated string). */
export const CHOICE_INPUT_ID = 'choice';

/**
 * A choice card's answer: Select sends the ticked option(s) through the input, Previous/Next send a fixed `pick`.
 * Either way the dialog reads it as the text it would accept typed (`answer`).
 */
const answerChoiceSchema = z
  .object({ ...owned, questionId: idSchema, pick: z.string().max(16).optional(), [CHOICE_INPUT_ID]: inputSchema.optional() })
  .transform(({ ownerId, questionId, pick, [CHOICE_INPUT_ID]: chosen }) => ({ ownerId, questionId, answer: pick ?? chosen ?? '' }));

const pageSchema = z.number().int().min(0).max(100_000);

/** The owner's automatic refresh of a shared card (`OwnerViewData` in `sharedView.ts`). */
const ownerViewSchema = z.discriminatedUnion('card', [
  z.object({ ...owned, card: z.literal('list'), page: pageSchema }),
  z.object({ ...owned, card: z.literal('interest'), interestId: idSchema, page: pageSchema }),
]);

/**
 * `data` of each verb, as the card writes it (inputs merged in by the client), and through each schema's output
 * the action the bot handles. This is the one declaration of a verb's payload: the renderers' data types
 * (`CardActionData`) and the handlers' action types (`CardAction`) are both inferred from it.
 */
const actionDataSchemas = {
  [CARD_VERBS.showList]: z.object({ ...owned, page: z.number().int().min(0).max(100_000) }),
  [CARD_VERBS.openInterest]: z.object({ ...onInterest, page: z.number().int().min(0).max(100_000).optional() }),
  [CARD_VERBS.editInterest]: z.object(onInterest),
  [CARD_VERBS.saveInterest]: saveInterestSchema,
  [CARD_VERBS.tagInterest]: z.object(onInterest),
  [CARD_VERBS.saveTags]: saveTagsSchema,
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
  [CARD_VERBS.chooseSplit]: chooseSplitSchema,
  [CARD_VERBS.create]: bulkCreateSchema,
  [CARD_VERBS.retry]: bulkRetrySchema,
  [CARD_VERBS.answerChoice]: answerChoiceSchema,
  [CARD_VERBS.ownerView]: ownerViewSchema,
} as const satisfies Record<CardVerb, z.ZodTypeAny>;

type ActionSchemas = typeof actionDataSchemas;

/** The parsed action of each verb, as handlers receive it. */
export type CardActionOf<V extends CardVerb> = { readonly verb: V } & z.output<ActionSchemas[V]>;

export type CardAction = { [V in CardVerb]: CardActionOf<V> }[CardVerb];

/** The `data` a card writes for a verb: what renderers put on an action (inputs are merged in by the client). */
export type CardActionData<V extends CardVerb> = Omit<z.input<ActionSchemas[V]>, EditField | typeof CHOICE_INPUT_ID>;

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
  // The schema was picked by `verb`, so its output is that verb's action.
  return ok({ verb, ...parsed.data } as CardAction);
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join('.') || '(data)'}: ${issue.message}`)
    .join('; ');
}
