/**
 * A small stand-in for the bot core, enough to drive the interest dialogs turn by turn with botbuilder's
 * TestAdapter against the real Graph interests client and a real local profile service:
 * - "add …" / "tag …" start the dialogs when none is active, "cancel" cancels every dialog (as the core does);
 * - an `adaptiveCard/action` invoke goes into `continueDialog()` and is answered with the card the dialog left
 *   through the invoke seam, as an `invokeResponse` activity the test can read.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ActivityTypes, ConversationState, MemoryStorage, TestAdapter, type Activity, type TurnContext } from 'botbuilder';
import { DialogSet, DialogTurnStatus, type DialogState } from 'botbuilder-dialogs';
import { createLocalTokenProvider } from '../../../src/auth/localTokenProvider';
import type { UserTokenProvider } from '../../../src/auth/userTokenProvider';
import {
  ADD_INTEREST_DIALOG,
  createInterestDialogs,
  TAG_INTEREST_DIALOG,
  takeInvokeResponseCard,
  type InterestDialogOptions,
} from '../../../src/bot/dialogs';
import { createGraphAccess } from '../../../src/bot/graphAccess';
import { createGraphInterestsClient, type InterestsClient } from '../../../src/graph/interestsClient';
import type { InterestDraft, PersonInterest } from '../../../src/domain/personInterest';
import { mintDevToken } from '../../../src/auth/devToken';
import { silentLogger } from '../../../src/logger';
import { startProfileService, type RunningProfileService } from '../../../profileService/server';

export const USER = { id: '29:local-user', name: 'Alex Wilber', aadObjectId: '11111111-2222-4333-8444-555555555555' };
export const HOST_CANCELLED_TEXT = 'Cancelled. Nothing was changed.';

const START_COMMANDS: readonly { word: string; dialogId: string }[] = [
  { word: 'add', dialogId: ADD_INTEREST_DIALOG },
  { word: 'tag', dialogId: TAG_INTEREST_DIALOG },
];

/** What the bot sent in one turn, without typing indicators (those are kept apart). */
export interface Turn {
  readonly replies: Partial<Activity>[];
  readonly typingCount: number;
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
  /** Every request the dialogs' Graph client sent (seeding included). */
  readonly requests: SentRequest[];
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
  const dataDir = await mkdtemp(path.join(tmpdir(), 'dialog-tests-'));
  const service = await startProfileService({ port: 0, dataDir });
  // No client retries: every confirmation must cost exactly one POST, which the tests count.
  const requests: SentRequest[] = [];
  const recordingFetch: typeof fetch = async (input, init) => {
    requests.push({ method: init?.method ?? 'GET', url: input instanceof Request ? input.url : String(input), body: typeof init?.body === 'string' ? init.body : undefined });
    return fetch(input, init);
  };
  const interests = createGraphInterestsClient({
    graphBaseUrl: service.graphBaseUrl,
    timeoutMs: 5000,
    maxRetries: 0,
    maxRetryWaitSeconds: 0,
    logger: silentLogger,
    fetch: recordingFetch,
  });
  const tokens = options.tokens ?? createLocalTokenProvider({ logger: silentLogger });
  const storage = new MemoryStorage();
  const conversationState = new ConversationState(storage);
  const dialogs = new DialogSet(conversationState.createProperty<DialogState>('dialogState'));
  for (const dialog of createInterestDialogs({ graph: createGraphAccess({ interests, tokens, signIn: undefined }), logger: silentLogger, storage })) dialogs.add(dialog);

  const adapter = new TestAdapter(async (context) => {
    await runTurn(context, dialogs);
    await conversationState.saveChanges(context);
  });
  adapter.conversation.user = { ...USER };

  const send = async (input: string | Partial<Activity>): Promise<Turn> => {
    await adapter.processActivity(typeof input === 'string' ? { type: ActivityTypes.Message, text: input } : { ...input });
    const sent = adapter.activeQueue.splice(0);
    const invokeResponse = sent.find((activity) => activity.type === ActivityTypes.InvokeResponse);
    return {
      replies: sent.filter((activity) => activity.type === ActivityTypes.Message),
      typingCount: sent.filter((activity) => activity.type === ActivityTypes.Typing).length,
      invokeResponse: (invokeResponse?.value as { body?: unknown } | undefined)?.body,
    };
  };

  return {
    service,
    requests,
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
    stored: () => service.store.listInterests(USER.aadObjectId),
    async close() {
      await service.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

async function runTurn(context: TurnContext, dialogs: DialogSet): Promise<void> {
  const dc = await dialogs.createContext(context);
  const { type, text } = context.activity;
  if (type === ActivityTypes.Message && text?.trim().toLowerCase() === 'cancel') {
    await dc.cancelAllDialogs();
    await context.sendActivity(HOST_CANCELLED_TEXT);
    return;
  }
  const result = await dc.continueDialog();
  if (type === ActivityTypes.Invoke) {
    const card = takeInvokeResponseCard(context);
    const body = card
      ? { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card }
      : { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: 'OK' };
    await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 200, body } });
    return;
  }
  if (result.status !== DialogTurnStatus.empty || type !== ActivityTypes.Message || !text) return;
  const [word = '', ...rest] = text.trim().split(/\s+/);
  const command = START_COMMANDS.find((candidate) => candidate.word === word.toLowerCase());
  if (!command) return;
  const name = rest.join(' ');
  await dc.beginDialog(command.dialogId, (name ? { name } : {}) satisfies InterestDialogOptions);
}

/** Everything the user would read in a turn: message texts and card JSON (including an invoke's response card). */
export function transcriptOf(turn: Turn): string {
  const parts = turn.replies.map((reply) => [reply.text ?? '', ...(reply.attachments ?? []).map((attachment) => JSON.stringify(attachment.content))].join('\n'));
  if (turn.invokeResponse !== undefined) parts.push(JSON.stringify(turn.invokeResponse));
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

/** Checks that the turn sent nothing at all. */
export function silence(turn: Turn): void {
  if (turn.replies.length > 0 || turn.invokeResponse !== undefined) throw new Error('expected no answer');
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
