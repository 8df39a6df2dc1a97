/**
 * Talks to a bot the way the connector does, over loopback HTTP: activities posted to `/api/messages` with
 * `deliveryMode: "expectReplies"`, so the replies (and an invoke's response) come back in the HTTP response; or, with
 * the `connector` option, as Teams does in production: a channel token on every request, normal delivery (the bot
 * sends its replies to the connector at `serviceUrl`; an invoke's response is the HTTP response's body) and the
 * tenant on the conversation.
 */
import { randomUUID } from 'node:crypto';
import type { Activity } from 'botbuilder';
import { activityWireSize, MAX_ACTIVITY_BYTES } from '../src/conversation/outboundGate';
import { connectorEnvelope } from '../test/support/postActivity';
import { request } from './httpClient';

export interface BenchUser {
  readonly id: string;
  readonly aadObjectId: string;
  readonly name: string;
}

export interface TurnResult {
  readonly status: number;
  readonly activities: Partial<Activity>[];
}

export function benchUser(key: string): BenchUser {
  return { id: `29:${key}`, aadObjectId: `aad-${key}`, name: `Bench ${key}` };
}

/**
 * The user's language as Teams sends it: `locale` on every activity, and a `clientInfo` entity with the same locale,
 * the country and the user's time zone.
 */
export interface ClientLocale {
  /** A BCP 47 tag, as Teams writes it (`de-DE`). */
  readonly locale: string;
  /** An IANA time zone (`Europe/Berlin`). */
  readonly timezone: string;
}

/** What Teams puts on every activity in production. */
export interface ConnectorShape {
  /** Where the bot sends its replies (a connector stand-in). */
  readonly serviceUrl: string;
  /** The `Authorization` header: a channel token the bot validates. */
  readonly authorization: string;
  readonly tenantId: string;
}

export interface BotClientOptions {
  /** Sent on every activity; without it the activities carry no locale and no `clientInfo`. */
  readonly locale?: ClientLocale;
  /** Production delivery (see the file's comment); without it replies come back in the response. */
  readonly connector?: ConnectorShape;
  /** A turn not answered within this many ms fails (default: the HTTP client's 30 s). */
  readonly timeoutMs?: number;
}

export class BotClient {
  private readonly locale: ClientLocale | undefined;
  private readonly connector: ConnectorShape | undefined;
  private readonly timeoutMs: number | undefined;

  constructor(readonly baseUrl: string, options: BotClientOptions = {}) {
    this.locale = options.locale;
    this.connector = options.connector;
    this.timeoutMs = options.timeoutMs;
  }

  /** True when the replies come back in the HTTP response (`expectReplies`); false when they go to a connector. */
  get repliesInResponse(): boolean {
    return this.connector === undefined;
  }

  async send(user: BenchUser, conversationId: string, activity: Partial<Activity>, extra: Record<string, unknown> = {}): Promise<TurnResult> {
    return (await this.post(user, conversationId, activity, extra)).turn;
  }

  private async post(user: BenchUser, conversationId: string, activity: Partial<Activity>, extra: Record<string, unknown>): Promise<{ turn: TurnResult; body: string }> {
    const spoken = this.locale ? localeFields(this.locale, activity) : {};
    const { connector } = this;
    const conversation = { id: conversationId, conversationType: 'personal', ...(connector ? { tenantId: connector.tenantId } : {}) };
    const delivery = connector ? { serviceUrl: connector.serviceUrl, deliveryMode: 'normal', channelData: { tenant: { id: connector.tenantId } } } : {};
    const envelope = connectorEnvelope({ from: user, recipient: { id: '28:interests-bot', name: 'Interests' }, conversation, ...activity, ...spoken, ...delivery, ...extra });
    const headers = { 'Content-Type': 'application/json', ...(connector ? { Authorization: connector.authorization } : {}) };
    const answer = await request({ method: 'POST', url: `${this.baseUrl}/api/messages`, headers, body: JSON.stringify(envelope), ...(this.timeoutMs !== undefined ? { timeoutMs: this.timeoutMs } : {}) });
    if (answer.status >= 300) throw new Error(`The bot answered HTTP ${answer.status}`);
    if (connector) return { turn: { status: answer.status, activities: [] }, body: answer.body };
    const activities = activitiesOf(answer.body);
    // No run may see a reply Teams would refuse; the whole body within the limit is enough to know (the usual case).
    if (answer.body.length * 2 > MAX_ACTIVITY_BYTES) assertWithinTeamsLimit(activities);
    return { turn: { status: answer.status, activities }, body: answer.body };
  }

  say(user: BenchUser, conversationId: string, text: string): Promise<TurnResult> {
    return this.send(user, conversationId, { type: 'message', text });
  }

  /** Sends an `adaptiveCard/action` invoke; returns the invoke response body. */
  async act(user: BenchUser, conversationId: string, verb: string, data: Record<string, unknown>): Promise<InvokeBody> {
    const { turn, body: text } = await this.post(
      user,
      conversationId,
      {
        type: 'invoke',
        name: 'adaptiveCard/action',
        value: { action: { type: 'Action.Execute', verb, data, id: randomUUID() }, trigger: 'manual' },
      },
      {},
    );
    // With normal delivery the invoke's response is the HTTP response's body.
    if (!this.repliesInResponse) return invokeBodyOf(text, verb);
    const body = (turn.activities.find((activity) => activity.type === 'invokeResponse')?.value as { body?: InvokeBody } | undefined)?.body;
    if (!body) throw new Error(`No invoke response to ${verb}`);
    return body;
  }
}

/** The activity's own locale and entities win; the client's `clientInfo` joins the entities unless one is there. */
function localeFields(spoken: ClientLocale, activity: Partial<Activity>): Pick<Activity, 'locale' | 'entities'> {
  const entities = activity.entities ?? [];
  const country = new Intl.Locale(spoken.locale).region;
  const clientInfo = { type: 'clientInfo', locale: spoken.locale, ...(country ? { country } : {}), platform: 'Web', timezone: spoken.timezone };
  return {
    locale: activity.locale ?? spoken.locale,
    entities: entities.some((entity) => entity.type === 'clientInfo') ? entities : [...entities, clientInfo],
  };
}

function assertWithinTeamsLimit(activities: readonly Partial<Activity>[]): void {
  const over = activities.map(activityWireSize).find((bytes) => bytes > MAX_ACTIVITY_BYTES);
  if (over !== undefined) throw new Error(`The bot sent an activity of ${over} bytes (UTF-16); Teams refuses over ${MAX_ACTIVITY_BYTES}.`);
}

function activitiesOf(body: string): Partial<Activity>[] {
  const parsed: unknown = body ? JSON.parse(body) : {};
  const activities = typeof parsed === 'object' && parsed !== null ? (parsed as { activities?: unknown }).activities : undefined;
  return Array.isArray(activities) ? (activities as Partial<Activity>[]) : [];
}

function invokeBodyOf(text: string, verb: string): InvokeBody {
  const parsed: unknown = text ? JSON.parse(text) : undefined;
  if (typeof parsed !== 'object' || parsed === null || typeof (parsed as { type?: unknown }).type !== 'string') throw new Error(`No invoke response to ${verb}`);
  return parsed as InvokeBody;
}

export interface InvokeBody {
  readonly statusCode: number;
  readonly type: string;
  readonly value: unknown;
}

const CARD = 'application/vnd.microsoft.card.adaptive';

/** The Adaptive Cards among a turn's replies. */
export function cardsOf(turn: TurnResult): unknown[] {
  return turn.activities.flatMap((activity) => (activity.attachments ?? []).filter((attachment) => attachment.contentType === CARD).map((attachment) => attachment.content));
}

/** The card an invoke answered with; throws when it answered with something else (the bench expects success). */
export function invokeCard(body: InvokeBody): unknown {
  if (body.type !== CARD) throw new Error(`Expected a card, got ${body.type}: ${JSON.stringify(body.value).slice(0, 200)}`);
  return body.value;
}

/** The data of the first Action.Execute with `verb` anywhere in a card. */
export function actionData(card: unknown, verb: string): Record<string, unknown> {
  const stack: unknown[] = [card];
  while (stack.length > 0) {
    const node = stack.pop();
    if (Array.isArray(node)) stack.push(...node);
    else if (node !== null && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      if (record.type === 'Action.Execute' && record.verb === verb) return (record.data ?? {}) as Record<string, unknown>;
      stack.push(...Object.values(record));
    }
  }
  throw new Error(`No ${verb} action on the card`);
}
