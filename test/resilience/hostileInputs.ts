/**
 * Generated hostile input for the bot: texts people (or forged clients) can send, and card-action payloads with
 * those texts, wrong types and missing data. `PWNED` appears in no input: it is what the template engine would
 * produce if it evaluated any of the `${…}` expressions, so finding it in a reply means user text was expanded.
 */
import { ALL_CARD_VERBS, CARD_VERBS } from '../../src/app/cardActionRoutes';

export const EXPANSION_MARKER = 'PWNED';

export const HOSTILE_TEXTS: readonly string[] = [
  'x'.repeat(10_000),
  '🙂'.repeat(3_000),
  'a'.repeat(101),
  'word '.repeat(400),
  'مرحبا بالعالم',
  'שלום עולם',
  'evil\u202Etxt.exe',
  '\u2067isolate\u2069',
  '👩‍👩‍👧‍👦🏳️‍🌈🇺🇦',
  'zero\u200Bwidth\u200Djoiner\uFEFF',
  'Z̴̡̢̛͇a̶̡͎l̷̰̈g̵̱̓o̸͚͝',
  'e\u0301\u0302\u0303',
  'nul\u0000byte',
  'bell\u0007\u0008',
  '\u001b[31mred\u001b[0m',
  'line\r\nbreak\nand\ttab',
  "${toUpper('pwned')}",
  "${concat('PW','NED')}",
  '${ownerId}',
  '${$root}',
  "${json('{\"a\":1}')}",
  '{{name}} {{{raw}}}',
  '**bold** _it_ [link](javascript:alert(1))',
  '# heading\n- item\n```code```',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '![img](data:image/png;base64,AAAA)',
  'javascript:alert(1)',
  'JaVaScRiPt:alert(document.cookie)',
  'data:text/html,<script>alert(1)</script>',
  'vbscript:msgbox(1)',
  'file:///etc/passwd',
  'https://example.com/"onmouseover="alert(1)',
  '\uD800 lone surrogate',
  '',
  '   ',
  '🙂',
  'Chess',
];

/** Commands a hostile text can ride on. */
export const MESSAGE_FORMS: readonly ((text: string) => string)[] = [
  (text) => text,
  (text) => `add ${text}`,
  (text) => `edit ${text}`,
  (text) => `delete ${text}`,
  (text) => `tag ${text}`,
  (text) => `list ${text}`,
];

const WRONG_TYPES: readonly unknown[] = [null, 42, true, [], {}, { nested: { deeper: ['x'] } }, 'x'.repeat(30_000)];

/** Every data key some verb reads, so each can be made missing or ill-typed. */
const DATA_KEYS = ['ownerId', 'interestId', 'page', 'before', 'tagsBefore', 'collaborationTags', 'snapshot', 'undoToken', 'draft', 'displayName', 'description', 'webUrl'];

export interface HostilePayload {
  readonly label: string;
  /** The invoke's `value`. */
  readonly value: unknown;
  /** A well-formed action that writes (extra junk keys are ignored), so it may change the profile. */
  readonly validWrite?: boolean;
}

// The one writing verb that needs nothing but the ids; the others need a full snapshot or form.
const WRITES_WITH_IDS_ONLY: readonly string[] = [CARD_VERBS.confirmInference];

export function hostileCardPayloads(ownerId: string, interestId: string): HostilePayload[] {
  const payloads: HostilePayload[] = [];
  const action = (verb: string, data: unknown): unknown => ({ action: { type: 'Action.Execute', verb, data } });
  const validData = (): Record<string, unknown> => ({ ownerId, interestId, page: 0, tagsBefore: [], undoToken: interestId });

  for (const value of [undefined, null, 'text', 42, [], {}, { action: null }, { action: 'x' }, { action: { type: 'Action.Submit', verb: CARD_VERBS.showList } }]) {
    payloads.push({ label: `malformed value ${JSON.stringify(value)?.slice(0, 40)}`, value });
  }
  for (const text of HOSTILE_TEXTS) payloads.push({ label: `unknown verb ${text.slice(0, 20)}`, value: action(text, { ownerId }) });
  for (const verb of ALL_CARD_VERBS) {
    for (const data of [undefined, null, 'data', 7, []]) payloads.push({ label: `${verb} with data ${String(data)}`, value: action(verb, data) });
    for (const key of DATA_KEYS) {
      const validWrite = WRITES_WITH_IDS_ONLY.includes(verb) && key !== 'ownerId' && key !== 'interestId';
      for (const wrong of WRONG_TYPES) {
        payloads.push({ label: `${verb} ${key}=${JSON.stringify(wrong).slice(0, 20)}`, value: action(verb, { ...validData(), [key]: wrong }), validWrite });
      }
    }
    for (const text of HOSTILE_TEXTS.filter((_, index) => index % 3 === 0)) {
      payloads.push({ label: `${verb} interestId=${text.slice(0, 20)}`, value: action(verb, { ...validData(), interestId: text }) });
      payloads.push({ label: `${verb} ownerId=${text.slice(0, 20)}`, value: action(verb, { ...validData(), ownerId: text }) });
    }
  }
  return payloads;
}
