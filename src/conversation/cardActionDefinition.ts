/**
 * A card action, declared once by the feature whose cards carry it (`defineCardAction`): its verb, the schema of the
 * `data` its cards write (the action its handler gets is the schema's output), what it does (`kind`), what it needs
 * (`graphNeeds.ts`) and who reads its answer. Everything else is made from the declaration: the button a card
 * carries (`action`, or `"verb": "@ACTION.<name>"` in a template, see `cardTemplate.ts`), the parser of its invokes,
 * its route (`defineCardRoute` in `routeTypes.ts`) and the registry that gathers the features' routes
 * (`app/cardActionRoutes.ts`).
 *
 * The handler is bound to the declaration in the feature's route modules, not written inside it: a handler renders
 * cards, and those cards import the declarations of the buttons they carry (the interest card's Edit, whose answer is
 * the edit card, whose Save answers with the interest card again), so declarations sit below both.
 */
import { z } from 'zod';
import { fail, ok, type Result } from '../domain/result';
import type { BudgetedKind } from './cardActionDeadline';
import type { RouteNeed } from './graphNeeds';

/**
 * What an action does, which the plumbing reads: a slow `read` gets a "Loading…" card and a slow `change` a
 * "Saving…" card while the answer follows in the chat; a `dialog` action continues the add dialog, which must
 * finish inside the turn, so it is never put on the deadline.
 */
export type CardActionKind = BudgetedKind | 'dialog';

/**
 * Who reads a route's answer. Most answers may be posted where everyone in the conversation reads them (a late
 * answer is); `askerAlone` answers are the owner's own view of a shared card, so they are only ever returned to the
 * user who acted, never posted, and the handler's return type says so (`routeTypes.ts`).
 */
export type AnswersFor = 'conversation' | 'askerAlone';

/**
 * A payload schema: the card's `data` (inputs merged in by the client) in, the action out. Every action records
 * `ownerId` (the AAD object id, or channel user id, of the user whose interests the card shows) so an action from
 * anyone else can be refused.
 */
export type PayloadSchema = z.ZodType<{ readonly ownerId: string }, z.ZodTypeDef, unknown>;

/** An `Action.Execute` as a card carries it. */
export interface ExecuteAction<V extends string = string> {
  readonly type: 'Action.Execute';
  readonly title: string;
  readonly verb: V;
  readonly data: object;
}

export interface CardActionDefinition<V extends string = string, S extends PayloadSchema = PayloadSchema, N extends RouteNeed = RouteNeed, A extends AnswersFor = AnswersFor> {
  readonly verb: V;
  readonly schema: S;
  readonly kind: CardActionKind;
  readonly needs: N;
  readonly answersFor: A;
  /** A button carrying this action, with the data its schema takes (a code-built action; templates name it instead). */
  action(title: string, data: z.input<S>): ExecuteAction<V>;
}

/** Any declared action, whatever its verb and schema. */
export type AnyCardActionDefinition = CardActionDefinition<string, PayloadSchema, RouteNeed, AnswersFor>;

/** The parsed action of a declaration (of each, for a union), as its handler receives it. */
export type CardActionOf<D extends AnyCardActionDefinition> = D extends AnyCardActionDefinition ? { readonly verb: D['verb'] } & z.output<D['schema']> : never;

/**
 * The `data` a card writes for an action: what a card's view type carries for it. `Inputs` names the card's input
 * ids, which the client merges into the data and the card does not write itself.
 */
export type CardActionData<D extends AnyCardActionDefinition, Inputs extends string = never> = DistributiveOmit<z.input<D['schema']>, Inputs>;

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** Declares a card action once: verb, payload schema, kind, need (and `answersFor: 'askerAlone'` for the owner's own views). */
export function defineCardAction<V extends string, S extends PayloadSchema, N extends RouteNeed, A extends AnswersFor = 'conversation'>(declared: {
  readonly verb: V;
  readonly schema: S;
  readonly kind: CardActionKind;
  readonly needs: N;
  readonly answersFor?: A;
}): CardActionDefinition<V, S, N, A> {
  const { verb } = declared;
  return Object.freeze({
    ...declared,
    answersFor: declared.answersFor ?? ('conversation' as A),
    action: (title: string, data: z.input<S>): ExecuteAction<V> => ({ type: 'Action.Execute', title, verb, data: data as object }),
  });
}

const invokeValueSchema = z.object({
  action: z.object({
    type: z.literal('Action.Execute'),
    verb: z.string(),
    data: z.record(z.unknown()).optional(),
  }),
});

/**
 * Parses the `value` of an `adaptiveCard/action` invoke into the action of one of `definitions` (by verb). Anything
 * malformed — not an `Action.Execute`, a verb none of them has, missing or ill-typed data, an unknown tag — is an
 * error result, never a throw.
 */
export function parseCardActionAmong<D extends AnyCardActionDefinition>(value: unknown, definitions: ReadonlyMap<string, D>): Result<CardActionOf<D>, string> {
  const invoke = invokeValueSchema.safeParse(value);
  if (!invoke.success) return fail('not an Action.Execute invoke');
  const { verb, data = {} } = invoke.data.action;
  const definition = definitions.get(verb);
  if (definition === undefined) return fail(`unknown verb "${verb.slice(0, 64)}"`);
  const parsed = definition.schema.safeParse(data);
  if (!parsed.success) return fail(`malformed data for ${verb}: ${describeIssues(parsed.error)}`);
  // The schema was picked by `verb`, so its output is that verb's action.
  return ok({ verb, ...parsed.data } as CardActionOf<D>);
}

/** The declarations by verb; a verb declared twice is a start-up error, not a button that reaches the wrong handler. */
export function byVerb<D extends AnyCardActionDefinition>(definitions: readonly D[]): ReadonlyMap<string, D> {
  const map = new Map<string, D>();
  for (const definition of definitions) {
    if (map.has(definition.verb)) throw new Error(`The card verb ${definition.verb} is declared twice.`);
    map.set(definition.verb, definition);
  }
  return map;
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join('.') || '(data)'}: ${issue.message}`)
    .join('; ');
}
