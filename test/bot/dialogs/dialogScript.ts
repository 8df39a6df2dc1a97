/**
 * Table-driven dialog tests (`[user says, bot answers]`) over the one bot harness: the whole bot from `createBot`,
 * reached in-process, so "add …", "tag …" and "cancel" go through the real command routing, Create and Cancel
 * clicks through the real card-action boundary, and dialog state through the real conditional state classes,
 * against the real Graph client and a local profile service.
 */
import { ActivityTypes, type Activity } from 'botbuilder';
import type { UserTokenProvider } from '../../../src/auth/userTokenProvider';
import { mintDevToken } from '../../../src/auth/devToken';
import { NOT_UNDERSTOOD_KEY } from '../../../src/app/commands';
import { renderHelpCard } from '../../../src/features/interests/cards/helpCard';
import { SOURCE_TEXT } from '../../../src/i18n/text';
import type { InterestsClient } from '../../../src/graph/interestsClient';
import type { InterestDraft, PersonInterest } from '../../../src/domain/personInterest';
import type { RunningProfileService } from '../../../profileService/server';
import { cardText, startBotHarness } from '../../support/botHarness';

export const USER = { id: '29:local-user', name: 'Alex Wilber', aadObjectId: '11111111-2222-4333-8444-555555555555' };

/** What the bot sent in one turn. */
export interface Turn {
  readonly replies: Partial<Activity>[];
  /** The body of the invoke response, for an invoke turn. */
  readonly invokeResponse: unknown;
}

/** A bot answer: a substring of the turn's transcript, a pattern, or a check that throws. */
export type Expectation = string | RegExp | ((turn: Turn) => void);
export type Exchange = readonly [say: string | Partial<Activity>, expect: Expectation | readonly Expectation[]];

/** A request the Graph client sent, as it went over the wire. */
export interface SentRequest {
  readonly method: string;
  readonly url: string;
  readonly body: string | undefined;
}

export interface DialogHost {
  readonly service: RunningProfileService;
  /** Every request the bot's Graph client sent (seeding included). */
  readonly requests: readonly SentRequest[];
  readonly interests: InterestsClient;
  send(input: string | Partial<Activity>): Promise<Turn>;
  /** Plays `[user says, bot answers]` pairs in order and checks each answer. */
  converse(script: readonly Exchange[]): Promise<Turn[]>;
  /** Creates interests for the test user straight through the client (not through a dialog). */
  seed(drafts: readonly InterestDraft[]): Promise<PersonInterest[]>;
  stored(): PersonInterest[];
  close(): Promise<void>;
}

export interface DialogHostOptions {
  tokens?: UserTokenProvider;
}

export async function startDialogHost(options: DialogHostOptions = {}): Promise<DialogHost> {
  let client: InterestsClient | undefined;
  const harness = await startBotHarness({
    transport: 'in-process',
    seedUserIds: [],
    // The 'test' channel shows a prompt's choices inline in its text ("(1) Tag it, (2) …"), which the scripts read.
    defaults: { channelId: 'test', from: USER, conversation: { id: 'a:personal-local-user', conversationType: 'personal' } },
    // No client retries (the harness default): every confirmation must cost exactly one POST, which the tests count.
    wrapInterests: (graphClient) => (client = graphClient),
    ...(options.tokens ? { userTokens: () => ({ tokens: options.tokens! }) } : {}),
  });
  const interests = client!;

  const send = async (input: string | Partial<Activity>): Promise<Turn> => {
    const { activities } = await harness.send(typeof input === 'string' ? { type: ActivityTypes.Message, text: input } : { ...input });
    const invokeResponse = activities.find((activity) => activity.type === ActivityTypes.InvokeResponse);
    return {
      replies: activities.filter((activity) => activity.type === ActivityTypes.Message),
      invokeResponse: (invokeResponse?.value as { body?: unknown } | undefined)?.body,
    };
  };

  return {
    service: harness.service,
    get requests() {
      return harness.graphCalls.map(({ method, url, body }) => ({ method, url, body }));
    },
    interests,
    send,
    async converse(script) {
      const turns: Turn[] = [];
      for (const [index, [say, expected]] of script.entries()) {
        const turn = await send(say);
        const expectations = Array.isArray(expected) ? expected : [expected];
        for (const expectation of expectations as Expectation[]) checkExpectation(turn, expectation, `exchange ${index + 1} (user says ${describe(say)})`);
        turns.push(turn);
      }
      return turns;
    },
    async seed(drafts) {
      const getToken = async () => mintDevToken({ oid: USER.aadObjectId });
      const created: PersonInterest[] = [];
      for (const draft of drafts) created.push(await interests.create(getToken, draft));
      return created;
    },
    stored: () => harness.service.store.listInterests(USER.aadObjectId),
    close: () => harness.close(),
  };
}

/**
 * Everything the user would read in a turn: message texts and cards (including an invoke's response card), each
 * card as its JSON and as its strings (so a quoted name in a card reads as it shows).
 */
export function transcriptOf(turn: Turn): string {
  const parts = turn.replies.map((reply) =>
    [reply.text ?? '', ...(reply.attachments ?? []).flatMap((attachment) => [JSON.stringify(attachment.content), cardText(attachment.content)])].join('\n'),
  );
  if (turn.invokeResponse !== undefined) parts.push(JSON.stringify(turn.invokeResponse), cardText(turn.invokeResponse));
  return parts.join('\n---\n');
}

function checkExpectation(turn: Turn, expectation: Expectation, where: string): void {
  if (typeof expectation === 'function') {
    try {
      expectation(turn);
    } catch (error) {
      throw new Error(`${where}: ${error instanceof Error ? error.message : String(error)}\nTranscript:\n${transcriptOf(turn)}`);
    }
    return;
  }
  const transcript = transcriptOf(turn);
  const found = typeof expectation === 'string' ? transcript.includes(expectation) : expectation.test(transcript);
  if (!found) throw new Error(`${where}: expected the bot to answer with ${String(expectation)}\nTranscript:\n${transcript || '(nothing)'}`);
}

function describe(say: string | Partial<Activity>): string {
  return typeof say === 'string' ? JSON.stringify(say) : `a ${say.type ?? 'message'} activity`;
}

/**
 * Checks that no dialog took the message: the bot answered it as text outside any dialog (it did not understand
 * it, and showed the help card), and nothing else.
 */
export function outsideDialog(turn: Turn): void {
  const helpCard = JSON.parse(JSON.stringify(renderHelpCard(SOURCE_TEXT, { ownerId: USER.aadObjectId }))) as unknown;
  const answer = turn.replies.map((reply) => ({ text: reply.text, cards: (reply.attachments ?? []).map((attachment) => attachment.content as unknown) }));
  const expected = [{ text: SOURCE_TEXT.t(NOT_UNDERSTOOD_KEY), cards: [] }, { text: undefined, cards: [helpCard] }];
  if (turn.invokeResponse !== undefined || JSON.stringify(answer) !== JSON.stringify(expected)) {
    throw new Error('expected only the answer to text outside any dialog (not understood, and the help card)');
  }
}

/** The Adaptive Card JSON of every attachment in the turn's messages. */
export function cardsOf(turn: Turn): Record<string, unknown>[] {
  return turn.replies.flatMap((reply) => (reply.attachments ?? []).map((attachment) => attachment.content as Record<string, unknown>));
}

/** An `adaptiveCard/action` invoke for one of a card's Action.Execute buttons, as Teams sends it. */
export function cardActionInvoke(card: Record<string, unknown>, verb: string): Partial<Activity> {
  const actions = (card.actions ?? []) as { type?: string; verb?: string; data?: unknown }[];
  const action = actions.find((candidate) => candidate.type === 'Action.Execute' && candidate.verb === verb);
  if (!action) throw new Error(`The card has no Action.Execute with verb ${verb}.`);
  return {
    type: ActivityTypes.Invoke,
    name: 'adaptiveCard/action',
    value: { action: { type: 'Action.Execute', verb, data: action.data ?? {} }, trigger: 'manual' },
  };
}

/** The choice card among a turn's replies or its invoke response (the last one), or a failure naming the turn. */
export function choiceCardOf(turn: Turn): Record<string, unknown> {
  const response = turn.invokeResponse as { value?: unknown } | undefined;
  const cards = [...cardsOf(turn), ...(response && typeof response.value === 'object' ? [response.value as Record<string, unknown>] : [])];
  const card = cards.reverse().find((candidate) => choiceSetOf(candidate) !== undefined);
  if (!card) throw new Error(`No choice card in the turn:\n${transcriptOf(turn)}`);
  return card;
}

interface ChoiceSet {
  isMultiSelect?: boolean;
  choices: { title: string; value: string }[];
  value?: string;
}

function choiceSetOf(card: Record<string, unknown>): ChoiceSet | undefined {
  return ((card.body ?? []) as { type?: string }[]).find((element) => element.type === 'Input.ChoiceSet') as ChoiceSet | undefined;
}

/** The titles of a choice card's options, as shown ("1. Chess"). */
export function choiceTitles(card: Record<string, unknown>): string[] {
  return (choiceSetOf(card)?.choices ?? []).map((choice) => choice.title);
}

/**
 * The invoke Teams sends when the user ticks the options titled `titles` (by their title without the number) and
 * presses the button titled `button` (Select, Next, Previous…): the action's data with the input merged in.
 */
export function choiceSubmit(card: Record<string, unknown>, button: string, titles: readonly string[] = []): Partial<Activity> {
  const actions = (card.actions ?? []) as { type?: string; verb?: string; title?: string; data?: Record<string, unknown>; associatedInputs?: string }[];
  const action = actions.find((candidate) => candidate.type === 'Action.Execute' && candidate.title === button);
  if (!action) throw new Error(`The card has no button ${button}.`);
  const choices = choiceSetOf(card)?.choices ?? [];
  const values = titles.map((title) => {
    const choice = choices.find((candidate) => candidate.title.replace(/^\d+\. /, '') === title);
    if (!choice) throw new Error(`The card has no option ${title}.`);
    return choice.value;
  });
  const data = action.associatedInputs === 'none' ? { ...action.data } : { ...action.data, choice: values.join(',') };
  return { type: ActivityTypes.Invoke, name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb: action.verb, data }, trigger: 'manual' } };
}
