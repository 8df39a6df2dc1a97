import type { Message, MessageKey } from '../i18n/catalog';
import { SOURCE_TEXT } from '../i18n/text';
import { AUDIENCE_FLAGS, AUDIENCE_LABEL_KEYS, DEFAULT_AUDIENCE, SELECTABLE_AUDIENCES, type Audience } from './audiences';
import { COLLABORATION_TAGS, COLLABORATION_TAG_LABEL_KEYS, type CollaborationTag } from './collaborationTags';
import { INTEREST_LIMITS, type InterestDraft } from './personInterest';
import { fail, ok, type Result } from './result';
import { codePointLength, comparisonKey, hasUnsafeCharacters, hasVisibleCharacter, normalizeMultiLine, normalizeSingleLine, LIST_COMMA } from './text';
import { asRecord } from './wireValues';

/** One problem with one field, for the person who typed it, in their language (`text.say(message)`). */
export interface ValidationIssue {
  field: keyof InterestDraft;
  message: Message;
}

/** A field validator: the cleaned value, or a message saying what to fix. */
export type FieldResult<T> = Result<T, Message>;

/** Which field a message is about: the value its `{field, select, …}` picks the sentence by. */
type Subject = 'name' | 'description' | 'categories' | 'category' | 'tags' | 'audience' | 'link';

/*
 * Policy for characters (see text.ts):
 * - All text is trimmed and NFC-normalized. In one-line fields (name, categories) every whitespace run, line
 *   breaks included, becomes a single space; descriptions keep their line breaks.
 * - Control characters, bidi override controls and broken surrogates are rejected with a message rather than
 *   stripped, so what is saved to the profile is always exactly what the person sees in the confirmation.
 * - Anything else (right-to-left scripts, emoji, zero-width joiners, combining marks, markdown, `${...}`) is just
 *   text: the domain stores it as typed and the renderers escape it for display.
 * - Lengths count code points, so an emoji counts as one character.
 */

const ALLOWED_URL_SCHEMES = new Set(['http:', 'https:']);

export const INVISIBLE_NAME_MESSAGE: Message = Object.freeze({ key: 'validation.name.invisible' });

export function validateDisplayName(input: unknown): FieldResult<string> {
  const text = readText(input, 'name');
  if (!text.ok) return text;
  const name = normalizeSingleLine(text.value);
  if (name === '') return fail({ key: 'validation.name.empty' });
  if (!hasVisibleCharacter(name)) return fail(INVISIBLE_NAME_MESSAGE);
  return checkText(name, 'name', INTEREST_LIMITS.displayNameMax);
}

/** Empty means "no description" (null). */
export function validateDescription(input: unknown): FieldResult<string | null> {
  const text = readText(input, 'description');
  if (!text.ok) return text;
  const description = normalizeMultiLine(text.value);
  if (description === '') return ok(null);
  return checkText(description, 'description', INTEREST_LIMITS.descriptionMax);
}

/**
 * Categories from an array or a comma-separated string ("Sports, Outdoors"). Blank entries are dropped and
 * repeats (ignoring case) keep their first spelling, in the order given.
 */
export function validateCategories(input: unknown): FieldResult<string[]> {
  const parts = readList(input, 'categories');
  if (!parts.ok) return parts;
  const categories: string[] = [];
  const seen = new Set<string>();
  for (const part of parts.value) {
    const category = normalizeSingleLine(part);
    const key = comparisonKey(category);
    if (category === '' || seen.has(key)) continue;
    const checked = checkText(category, 'category', INTEREST_LIMITS.categoryMax);
    if (!checked.ok) return checked;
    seen.add(key);
    categories.push(category);
  }
  if (categories.length > INTEREST_LIMITS.categoriesMax) {
    return fail({ key: 'validation.categories.tooMany', values: { max: INTEREST_LIMITS.categoriesMax } });
  }
  return ok(categories);
}

/**
 * The names a typed answer may give a value by, and the ones a refusal offers. Made by `collaborationTagNames` and
 * `audienceNames` from labels the caller renders in the reader's language: the domain knows no language.
 */
export interface TypedNames<T extends string> {
  /** A name's `comparisonKey` → its value. */
  readonly byKey: ReadonlyMap<string, T>;
  /** The names a refusal lists ("Choose from: …"), as shown. */
  readonly offered: readonly string[];
  /** Those names joined as the reader's language lists choices ("A, B or C"; "A、B或C"). */
  readonly offeredText: string;
}

/** How a language joins the choices a refusal offers; a comma list unless the caller knows the reader's language. */
export type JoinChoices = (names: readonly string[]) => string;

const COMMA_LIST: JoinChoices = (names) => names.join(', ');

/**
 * Tags from an array or a comma-separated string, each given as its id (`askMeAbout`) or a name `names` knows
 * ("Ask me about"; the English ones by default), any letter case. Returned without repeats in the order the bot
 * offers them, so the same choice always produces the same list.
 */
export function validateCollaborationTags(input: unknown, names: TypedNames<CollaborationTag> = ENGLISH_TAG_NAMES): FieldResult<CollaborationTag[]> {
  const parts = readList(input, 'tags');
  if (!parts.ok) return parts;
  const chosen = new Set<CollaborationTag>();
  for (const part of parts.value) {
    const key = comparisonKey(part);
    if (key === '') continue;
    const tag = names.byKey.get(key);
    if (!tag) return fail({ key: 'validation.tags.unknown', values: { choices: names.offeredText } });
    chosen.add(tag);
  }
  return ok(COLLABORATION_TAGS.filter((tag) => chosen.has(tag)));
}

/**
 * One of the offered audiences, by name (`organization`) or a label `names` knows ("My organization"; the English
 * ones by default); empty means DEFAULT_AUDIENCE.
 */
export function validateAudience(input: unknown, names: TypedNames<Audience> = ENGLISH_AUDIENCE_NAMES): FieldResult<Audience> {
  const text = readText(input, 'audience');
  if (!text.ok) return text;
  const key = comparisonKey(text.value);
  if (key === '') return ok(DEFAULT_AUDIENCE);
  const audience = names.byKey.get(key);
  if (!audience) return fail({ key: 'validation.audience.unknown', values: { choices: names.offeredText } });
  return ok(audience);
}

/** An absolute http(s) link, kept as typed (trimmed); empty means "no link" (null). */
export function validateWebUrl(input: unknown): FieldResult<string | null> {
  const text = readText(input, 'link');
  if (!text.ok) return text;
  const url = text.value.trim();
  if (url === '') return ok(null);
  if (hasUnsafeCharacters(url)) return fail({ key: 'validation.unsafeCharacters', values: { field: 'link' } });
  if (/\s/.test(url)) return fail({ key: 'validation.link.spaces' });
  if (url.length > INTEREST_LIMITS.webUrlMax) return fail({ key: 'validation.tooLong', values: { field: 'link', max: INTEREST_LIMITS.webUrlMax } });
  if (!/^https?:\/\//i.test(url)) return fail({ key: 'validation.link.scheme' });
  const parsed = parseUrl(url);
  if (!parsed || !ALLOWED_URL_SCHEMES.has(parsed.protocol) || parsed.hostname === '') {
    return fail({ key: 'validation.link.invalid' });
  }
  if (parsed.username !== '' || parsed.password !== '') return fail({ key: 'validation.link.credentials' });
  return ok(url);
}

type FieldRules = { [K in keyof InterestDraft]: (input: unknown) => FieldResult<InterestDraft[K]> };

/** Each field's validator, in form order. */
const FIELD_RULES: FieldRules = {
  displayName: validateDisplayName,
  description: validateDescription,
  categories: validateCategories,
  collaborationTags: validateCollaborationTags,
  allowedAudiences: validateAudience,
  webUrl: validateWebUrl,
};

const FIELDS = Object.keys(FIELD_RULES) as (keyof InterestDraft)[];

/**
 * Validates everything a person entered for an interest (chat answers or card inputs, all loose strings or
 * arrays) and returns the cleaned draft, or every problem found, one per field, in form order.
 */
export function validateInterestInput(input: unknown): Result<InterestDraft, ValidationIssue[]> {
  const fields = asRecord(input) ?? {};
  return validateFields((field) => FIELD_RULES[field](fields[field]));
}

/**
 * Validates an edit of a stored interest: `before` is the draft the form showed (as stored, read from Graph) and
 * `typed` what the form submitted. The rules are for what the person types or changes: a field submitted as it
 * was shown keeps its stored value untouched, even one that breaks a rule added since it was saved (an invisible
 * name, say), so saving another field is never refused because of it.
 */
export function validateInterestEdit(before: InterestDraft, typed: Partial<Record<keyof InterestDraft, string>>): Result<InterestDraft, ValidationIssue[]> {
  return validateFields((field) => {
    const value = typed[field];
    if (value === undefined || isAsShown(field, value, before)) return ok(before[field]);
    return FIELD_RULES[field](value);
  });
}

/** The form's text for a field is the stored value as the form showed it (whitespace aside). */
function isAsShown(field: keyof InterestDraft, typed: string, before: InterestDraft): boolean {
  const stored = before[field];
  if (Array.isArray(stored)) return sameList(typed.split(LIST_COMMA).map(normalizeSingleLine).filter((part) => part !== ''), stored.map((item) => normalizeSingleLine(item)));
  if (field === 'description') return normalizeMultiLine(typed) === normalizeMultiLine(stored ?? '');
  return normalizeSingleLine(typed) === normalizeSingleLine(stored ?? '');
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item, index) => item === b[index]);
}

function validateFields(validate: <K extends keyof InterestDraft>(field: K) => FieldResult<InterestDraft[K]>): Result<InterestDraft, ValidationIssue[]> {
  const issues: ValidationIssue[] = [];
  const draft: Partial<Record<keyof InterestDraft, unknown>> = {};
  for (const field of FIELDS) {
    const result = validate(field);
    if (result.ok) draft[field] = result.value;
    else issues.push({ field, message: result.error });
  }
  return issues.length > 0 ? fail(issues) : ok(draft as InterestDraft);
}

function englishLabel(key: MessageKey): string {
  return SOURCE_TEXT.t(key);
}

function namesOf<T extends string>(
  values: readonly T[],
  labelOf: (value: T) => string,
  labels: Partial<Readonly<Record<T, string>>> | undefined,
  offeredValues: readonly T[],
  joinChoices: JoinChoices,
): TypedNames<T> {
  const byKey = new Map<string, T>();
  const add = (name: string | undefined, value: T): void => {
    const key = name === undefined ? '' : comparisonKey(name);
    // The first meaning of a name wins: an id or an English label is never taken over by another language's label.
    if (key !== '' && !byKey.has(key)) byKey.set(key, value);
  };
  for (const value of values) add(value, value);
  for (const value of values) add(labelOf(value), value);
  for (const value of values) add(labels?.[value], value);
  const offered = offeredValues.map((value) => labels?.[value] ?? labelOf(value));
  return { byKey, offered, offeredText: joinChoices(offered) };
}

/**
 * The tag names typed answers take: each tag's id and English label, always, and `labels` (the reader's language's,
 * rendered by the caller), which are also the names a refusal offers. Without `labels`, the English ones.
 */
export function collaborationTagNames(labels?: Readonly<Record<CollaborationTag, string>>, joinChoices: JoinChoices = COMMA_LIST): TypedNames<CollaborationTag> {
  return namesOf(COLLABORATION_TAGS, (tag) => englishLabel(COLLABORATION_TAG_LABEL_KEYS[tag]), labels, COLLABORATION_TAGS, joinChoices);
}

// Every audience Graph writes is accepted (a synced item may be `family`, which the bot does not offer but must be
// able to save back unchanged); `unknownFutureValue` is not a real audience.
const WRITABLE_AUDIENCES = (Object.keys(AUDIENCE_FLAGS) as Audience[]).filter((audience) => audience !== 'unknownFutureValue');

/** The audience names typed answers take, as `collaborationTagNames` makes the tags'; a refusal offers the selectable ones. */
export function audienceNames(labels?: Partial<Readonly<Record<Audience, string>>>, joinChoices: JoinChoices = COMMA_LIST): TypedNames<Audience> {
  return namesOf(WRITABLE_AUDIENCES, (audience) => englishLabel(AUDIENCE_LABEL_KEYS[audience]), labels, SELECTABLE_AUDIENCES, joinChoices);
}

const ENGLISH_TAG_NAMES = collaborationTagNames();
const ENGLISH_AUDIENCE_NAMES = audienceNames();

function checkText(text: string, field: Subject, max: number): FieldResult<string> {
  if (hasUnsafeCharacters(text)) return fail({ key: 'validation.unsafeCharacters', values: { field } });
  if (codePointLength(text) > max) return fail({ key: 'validation.tooLong', values: { field, max } });
  return ok(text);
}

/** Missing (undefined/null) reads as empty text; numbers are accepted as typed text. */
function readText(input: unknown, field: Subject): FieldResult<string> {
  if (input === undefined || input === null) return ok('');
  if (typeof input === 'string') return ok(input);
  if (typeof input === 'number' && Number.isFinite(input)) return ok(String(input));
  return fail({ key: 'validation.notText', values: { field } });
}

/** An array of strings as is, or one string split at commas (`LIST_COMMA`). */
function readList(input: unknown, field: Subject): FieldResult<string[]> {
  if (Array.isArray(input)) {
    return input.every((item): item is string => typeof item === 'string') ? ok(input) : fail({ key: 'validation.notText', values: { field } });
  }
  const text = readText(input, field);
  return text.ok ? ok(text.value.split(LIST_COMMA)) : text;
}

function parseUrl(text: string): URL | null {
  return URL.canParse(text) ? new URL(text) : null;
}
