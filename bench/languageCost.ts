/**
 * What speaking German costs the product per turn, against English in the same run. The same users, with the same
 * data and the same conversations, send `list`, `open` and `save` once as English speakers and once as German
 * speakers (the activity's `locale` and a `clientInfo` entity with it, as Teams sends; both with the same time zone,
 * so the language is the only difference). Each action's English and German runs go back to back, which one goes
 * first alternating from round to round, the actions in rotated order; the ratio of the bot's CPU per turn is taken
 * within each round, then summarized as the median of those per-round ratios with their min–max.
 *
 * Until a German catalog ships, `de-DE` gets English. Before measuring, one turn of each action in each language
 * tells which language the bot actually answered in, so a run where German fell back to English cannot pass as a
 * German measurement: its target is then reported as not measured.
 */
import { CARD_VERBS } from '../src/app/cardActionRoutes';
import { benchUser, BotClient, cardsOf, invokeCard, type ClientLocale } from './botClient';
import type { BenchContext } from './context';
import { runLoad } from './load';
import { THROUGHPUT_TARGETS, typicalUser, type ActionKind, type BenchTarget, type SeededUser } from './scenarios';
import type { Section, Target } from './section';
import { fixed, showSpread, spread, type Spread } from './stats';
import { measureRun, perRoundRatio, roundOrder, type LoadedBot, type RunSample } from './throughput';

export const LANGUAGE_RATIO_TARGET = 1.05;
export type LanguageAction = Extract<ActionKind, 'list' | 'open' | 'save'>;
export const LANGUAGE_ACTIONS: readonly LanguageAction[] = ['list', 'open', 'save'];
/** Busy enough that the bot's fixed per-second costs are spread over many turns; one level keeps the section short. */
const LEVELS: readonly number[] = [8];
const TIME_ZONE = 'Europe/Berlin';
export const ENGLISH: ClientLocale = { locale: 'en-US', timezone: TIME_ZONE };
export const GERMAN: ClientLocale = { locale: 'de-DE', timezone: TIME_ZONE };

export const languageTargetId = (action: LanguageAction, spoken: ClientLocale): string => `${action}@${spoken.locale}`;

/** What the bot answered a German speaker in, told from its reply beside the English reply to the same turn. */
export interface AnswerLanguage {
  readonly german: boolean;
  /** How it was told, for the report: the card's `lang`, or its fixed words against the English reply's. */
  readonly evidence: string;
}

export interface LanguageRow {
  readonly action: LanguageAction;
  readonly answer: AnswerLanguage;
  readonly englishCpuMsPerTurn: Spread;
  readonly germanCpuMsPerTurn: Spread;
  /** German bot CPU per turn ÷ English, per round (same concurrency), then the median and min–max. */
  readonly germanOverEnglish: Spread;
  readonly englishTurnsPerSecond: Spread;
  readonly germanTurnsPerSecond: Spread;
  readonly errors: number;
}

export interface LanguageFigures {
  readonly rounds: number;
  readonly concurrency: number;
  readonly durationMs: number;
  readonly samples: RunSample[];
  readonly rows: LanguageRow[];
}

interface CardNode {
  readonly [field: string]: unknown;
}

/**
 * The words a card shows that never come from user data or dates: its headings and its buttons. A German card
 * differs from the English one there; a card that fell back to English shows the very same words. (Dates are left
 * out on purpose: the same English words can be formatted for another locale or time zone.)
 */
export function fixedWordsOf(card: unknown): string[] {
  const words: string[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach(visit);
      return;
    }
    if (node === null || typeof node !== 'object') return;
    const record = node as CardNode;
    const type = typeof record.type === 'string' ? record.type : '';
    if (type === 'TextBlock' && record.style === 'heading' && typeof record.text === 'string') words.push(record.text);
    if (type.startsWith('Action.') && typeof record.title === 'string') words.push(record.title);
    for (const value of Object.values(record)) visit(value);
  };
  visit(card);
  return words;
}

function cardLang(card: unknown): string | undefined {
  const lang = card !== null && typeof card === 'object' ? (card as CardNode).lang : undefined;
  return typeof lang === 'string' && lang !== '' ? lang : undefined;
}

/**
 * German when the reply says so in its `lang`, or when its fixed words differ from the English reply's; English
 * when they are the same (also when there are none to compare: a reply that cannot be told apart is not counted as
 * German).
 */
export function answerLanguage(englishCard: unknown, germanCard: unknown): AnswerLanguage {
  const lang = cardLang(germanCard);
  if (lang !== undefined) return { german: new Intl.Locale(lang).language === 'de', evidence: `the card's lang is "${lang}"` };
  const english = fixedWordsOf(englishCard);
  const german = fixedWordsOf(germanCard);
  const differing = german.findIndex((word, index) => word !== english[index]);
  if (differing >= 0 || german.length !== english.length) {
    const index = differing >= 0 ? differing : Math.min(english.length, german.length);
    return { german: true, evidence: `"${english[index] ?? ''}" in English is "${german[index] ?? ''}"` };
  }
  if (english.length === 0) return { german: false, evidence: 'no headings or buttons to compare' };
  const shown = english.slice(0, 3).map((word) => `"${word}"`).join(', ');
  return { german: false, evidence: `the same ${english.length} headings and buttons as the English reply: ${shown}${english.length > 3 ? ', …' : ''}` };
}

/** One turn of `action` for the first seeded user, in `spoken`; the card it answered with. */
async function probeTurn(action: LanguageAction, client: BotClient, user: SeededUser, spoken: ClientLocale): Promise<unknown> {
  const bench = benchUser(user.key);
  const conversation = `a:${user.key}`;
  if (action === 'list') return cardsOf(await client.say(bench, conversation, 'list'))[0];
  if (action === 'open') return invokeCard(await client.act(bench, conversation, CARD_VERBS.openInterest, { ownerId: bench.aadObjectId, interestId: user.interestIds[0] }));
  // A description of its own per language, so both saves are real changes and answer with the same kind of card.
  return invokeCard(await client.act(bench, conversation, CARD_VERBS.saveInterest, { ...user.saveData, description: `Language check, ${spoken.locale}.` }));
}

function productTarget(action: LanguageAction): BenchTarget {
  const target = THROUGHPUT_TARGETS.find((candidate) => candidate.id === action && candidate.bot === 'product');
  if (!target) throw new Error(`The throughput targets have no product ${action}`);
  return target;
}

/** The product's action as one language's target: the same steps, its own run keys (so saves stay real changes). */
function languageTarget(action: LanguageAction, spoken: ClientLocale): BenchTarget {
  const base = productTarget(action);
  return { ...base, id: languageTargetId(action, spoken), label: `${action} (${spoken.locale})`, makeStep: (client, users, runKey) => base.makeStep(client, users, `${runKey}-${spoken.locale}`) };
}

export function summarizeLanguages(samples: readonly RunSample[], answers: Readonly<Record<LanguageAction, AnswerLanguage>>, concurrency: number): LanguageRow[] {
  return LANGUAGE_ACTIONS.map((action): LanguageRow => {
    const english = languageTargetId(action, ENGLISH);
    const german = languageTargetId(action, GERMAN);
    const of = (target: string, pick: (sample: RunSample) => number): Spread => spread(samples.filter((sample) => sample.target === target && sample.concurrency === concurrency).map(pick));
    const cpu = (sample: RunSample): number => sample.botCpuMsPerTurn;
    const rate = (sample: RunSample): number => sample.turnsPerSecond;
    return {
      action,
      answer: answers[action],
      englishCpuMsPerTurn: of(english, cpu),
      germanCpuMsPerTurn: of(german, cpu),
      germanOverEnglish: perRoundRatio(samples, german, english, concurrency, cpu),
      englishTurnsPerSecond: of(english, rate),
      germanTurnsPerSecond: of(german, rate),
      errors: samples.filter((sample) => (sample.target === english || sample.target === german) && sample.concurrency === concurrency).reduce((sum, sample) => sum + sample.errors, 0),
    };
  });
}

export async function measureLanguageCost(context: BenchContext): Promise<LanguageFigures> {
  const { options } = context;
  const user = typicalUser(context.users);
  const product = context.bots.product;
  const loaded = (spoken: ClientLocale): LoadedBot => ({ client: new BotClient(product.url, { locale: spoken }), process: product.process });
  const speakers = { english: loaded(ENGLISH), german: loaded(GERMAN) };

  const answers = {} as Record<LanguageAction, AnswerLanguage>;
  for (const action of LANGUAGE_ACTIONS) {
    const english = await probeTurn(action, speakers.english.client, user, ENGLISH);
    const answer = answerLanguage(english, await probeTurn(action, speakers.german.client, user, GERMAN));
    answers[action] = answer;
    console.log(`  ${action}: ${answer.german ? 'the bot answered de-DE in German' : 'German not shipped: the bot answered de-DE in English'} (${answer.evidence})`);
  }

  const units = LANGUAGE_ACTIONS.map((action): [BenchTarget, LoadedBot][] => [
    [languageTarget(action, ENGLISH), speakers.english],
    [languageTarget(action, GERMAN), speakers.german],
  ]);
  // The product is fresh when this section runs alone (`--only`), and the German templates are prepared on first
  // use: a longer burst of each target first, so no round measures a cold path against a warm one.
  for (const [target, bot] of units.flat()) {
    await runLoad({ concurrency: LEVELS[0] ?? 8, durationMs: options.warmupMs * 4, maxTurns: options.maxTurns }, target.makeStep(bot.client, context.users, 'warm-up'));
  }
  const shift = Math.max(1, Math.floor(units.length / options.rounds));
  const samples: RunSample[] = [];
  for (let round = 0; round < options.rounds; round++) {
    for (const [levelIndex, concurrency] of LEVELS.entries()) {
      for (const [position, [target, bot]] of roundOrder(units, round + levelIndex, shift).entries()) {
        const sample = await measureRun(context, target, bot, concurrency, round, position);
        samples.push(sample);
        console.log(
          `  round ${round + 1}/${options.rounds} c=${String(concurrency).padStart(2)} ${target.id.padEnd(11)} ${fixed(sample.turnsPerSecond, 0).padStart(5)} turns/s  bot CPU ${fixed(sample.botCpuMsPerTurn, 2)} ms/turn${sample.errors ? `  (${sample.errors} errors)` : ''}`,
        );
      }
    }
  }
  const concurrency = LEVELS[0] ?? 8;
  return { rounds: options.rounds, concurrency, durationMs: options.durationMs, samples, rows: summarizeLanguages(samples, answers, concurrency) };
}

export function languageTargets(figures: LanguageFigures): Target[] {
  return figures.rows.map((row): Target => {
    const name = `${row.action}: bot CPU per turn in German ≤ ${LANGUAGE_RATIO_TARGET}× English at c=${figures.concurrency} (median of per-round ratios)`;
    if (!row.answer.german) return { name, met: false, detail: `not measured: German not shipped, the bot answered in English (${row.answer.evidence})` };
    const ratio = row.germanOverEnglish.median;
    const met = Number.isFinite(ratio) && ratio <= LANGUAGE_RATIO_TARGET && row.errors === 0;
    return { name, met, detail: `${showSpread(row.germanOverEnglish, 2)}×${row.errors ? `; ${row.errors} failed turns` : ''}` };
  });
}

export function languageMarkdown(figures: LanguageFigures): string[] {
  const lines = [
    `The product's \`list\`, \`open\` and \`save\` with the same users and data, as English (\`en-US\`) and German (\`de-DE\`) speakers (activity \`locale\` and \`clientInfo\`, both in ${TIME_ZONE}); ${figures.rounds} rounds at c=${figures.concurrency}, ${figures.durationMs} ms per run, each action's two languages back to back in alternating order. Medians over the rounds, min–max in brackets; the ratio is taken within each round, then its median. Target: German ≤ ${LANGUAGE_RATIO_TARGET}× English.`,
    '',
    '| action | answered de-DE in | bot CPU ms/turn, English | bot CPU ms/turn, German | German ÷ English (per round) | turns/s, English | turns/s, German | errors |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const row of figures.rows) {
    const answered = row.answer.german ? 'German' : '**English: German not shipped, not measured**';
    lines.push(
      `| ${row.action} | ${answered} | ${showSpread(row.englishCpuMsPerTurn, 2)} | ${showSpread(row.germanCpuMsPerTurn, 2)} | ${showSpread(row.germanOverEnglish, 2)} | ${showSpread(row.englishTurnsPerSecond, 0)} | ${showSpread(row.germanTurnsPerSecond, 0)} | ${row.errors} |`,
    );
  }
  if (figures.rows.some((row) => !row.answer.german)) {
    lines.push('', 'German not shipped: the bot answered de-DE in English for the actions marked so. Their figures compare English with English (the German speaker\'s path through the locale choice, answered in English) and are no German measurement.');
  }
  return lines;
}

export async function languageCostSection(context: BenchContext): Promise<Section> {
  const figures = await measureLanguageCost(context);
  return { id: 'language', title: 'Bot CPU per turn in German against English', data: figures, markdown: languageMarkdown(figures), targets: languageTargets(figures) };
}
