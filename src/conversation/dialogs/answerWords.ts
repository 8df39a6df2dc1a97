import { comparisonKey } from '../../domain/text';

/** Words that leave an optional answer empty ("skip" the description, "none" for tags). */
const SKIP_WORDS: ReadonlySet<string> = new Set(['skip', 'none', 'no', 'n/a', '-']);
const YES_WORDS: ReadonlySet<string> = new Set(['yes', 'y', 'yep', 'yeah', 'ok', 'okay', 'sure', 'create', 'create it', 'confirm', 'add', 'add it', 'save']);
const NO_WORDS: ReadonlySet<string> = new Set(['no', 'n', 'nope', 'cancel', 'stop', "don't", 'discard']);

export function isSkipAnswer(text: string): boolean {
  return SKIP_WORDS.has(comparisonKey(text));
}

/** true for yes, false for no, undefined when the answer is neither. */
export function readYesNo(text: string): boolean | undefined {
  const key = comparisonKey(text).replace(/[.!]+$/, '');
  if (YES_WORDS.has(key)) return true;
  if (NO_WORDS.has(key)) return false;
  return undefined;
}
