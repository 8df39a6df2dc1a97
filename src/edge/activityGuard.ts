/**
 * Checks a parsed body at the edge, before authentication and before any handler sees it: it must be an activity
 * with the fields every turn reads (who sent it, in which conversation, on which channel, where replies go; the
 * connector and the Agents Playground always send them, and without them a turn fails deep inside the SDK), every
 * id the bot copies into URLs, storage keys and cards must be well-formed (see `domain/identifier.ts`), and the
 * lists handlers walk (entities, members) hold only entries of the shape the SDK expects. Malformed list entries are
 * harmless, so they are dropped rather than refused: a mention without `mentioned` or an entity of `null` would
 * otherwise make the SDK's mention helpers throw.
 */
import { isWellFormedId } from '../domain/identifier';
import { fail, ok, type Result } from '../domain/result';
import { REFUSALS, type HttpRefusal } from './errorBodies';

type JsonObject = Record<string, unknown>;

const MAX_TYPE_LENGTH = 64;
const MAX_NAME_LENGTH = 256;
/** Real service URLs are a host and a short region path; the bound keeps a forged one from reaching the URL parser. */
const MAX_SERVICE_URL_LENGTH = 2048;

/** Account fields whose ids are checked, and which of them an account must have. */
const ACCOUNT_FIELDS = ['from', 'recipient'] as const;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function absent(value: unknown): boolean {
  return value === undefined || value === null;
}

/** An optional id: absent, or well-formed. */
function optionalId(value: unknown): boolean {
  return absent(value) || isWellFormedId(value);
}

function validAccount(value: unknown): boolean {
  if (absent(value)) return true;
  return isObject(value) && optionalId(value.id) && optionalId(value.aadObjectId);
}

/** Each field is there (malformed or not): the sender's id, the conversation's id, the channel and the service URL. */
function hasRequiredFields(activity: JsonObject): boolean {
  const { from, conversation, channelId, serviceUrl } = activity;
  return isObject(from) && !absent(from.id) && isObject(conversation) && !absent(conversation.id) && !absent(channelId) && !absent(serviceUrl);
}

/** Where the SDK sends replies and builds connector clients: an absolute http(s) URL. */
function validServiceUrl(value: unknown): boolean {
  if (typeof value !== 'string' || value.length > MAX_SERVICE_URL_LENGTH) return false;
  const url = URL.parse(value);
  return url !== null && (url.protocol === 'https:' || url.protocol === 'http:');
}

function validEntity(entity: unknown): boolean {
  if (!isObject(entity) || typeof entity.type !== 'string') return false;
  if (entity.type.toLowerCase() !== 'mention') return true;
  return isObject(entity.mentioned) && typeof entity.mentioned.id === 'string' && typeof entity.text === 'string';
}

function validMember(member: unknown): boolean {
  return isObject(member) && isWellFormedId(member.id) && optionalId(member.aadObjectId);
}

/** Keeps the well-shaped entries of an optional list; anything that is not a list is dropped. */
function keepWellShaped(activity: JsonObject, field: string, isValid: (entry: unknown) => boolean): void {
  const list = activity[field];
  if (absent(list)) return;
  if (!Array.isArray(list)) {
    delete activity[field];
    return;
  }
  activity[field] = list.filter(isValid);
}

/**
 * The activity, with malformed entities and member entries dropped (it is changed in place), or why it is refused.
 */
export function guardActivity(body: unknown): Result<JsonObject, HttpRefusal> {
  if (!isObject(body) || typeof body.type !== 'string' || body.type === '' || body.type.length > MAX_TYPE_LENGTH) {
    return fail(REFUSALS.notAnActivity);
  }
  if (!hasRequiredFields(body)) return fail(REFUSALS.incompleteActivity);
  for (const field of ACCOUNT_FIELDS) if (!validAccount(body[field])) return fail(REFUSALS.invalidActivity);
  const { conversation, channelId, serviceUrl, name } = body;
  if (!(isObject(conversation) && isWellFormedId(conversation.id))) return fail(REFUSALS.invalidActivity);
  if (!isWellFormedId(channelId) || !validServiceUrl(serviceUrl)) return fail(REFUSALS.invalidActivity);
  if (!absent(name) && !(typeof name === 'string' && name.length <= MAX_NAME_LENGTH)) return fail(REFUSALS.invalidActivity);
  keepWellShaped(body, 'entities', validEntity);
  keepWellShaped(body, 'membersAdded', validMember);
  keepWellShaped(body, 'membersRemoved', validMember);
  return ok(body);
}
