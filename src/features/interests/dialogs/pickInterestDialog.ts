import { ComponentDialog, WaterfallDialog, type Choice, type DialogTurnResult, type FoundChoice, type WaterfallStepContext } from 'botbuilder-dialogs';
import { pageOf } from '../../../domain/paging';
import { CardQuestionPrompt, choiceQuestion, wholeChoiceReader } from '../../../conversation/dialogs/cardQuestionPrompt';
import { renderNoticeCard } from '../../../cards/noticeCard';
import { showCard } from '../../../conversation/dialogs/dialogInvokes';
import { textOf } from '../../../conversation/turnText';
import type { Message } from '../../../i18n/catalog';

export const PICK_INTEREST_DIALOG = 'pickInterest';

/** One interest as the picker offers it. */
export interface InterestChoice {
  id: string;
  name: string;
}

export interface PickInterestOptions {
  interests: InterestChoice[];
  question: string;
  /** Whose interests they are: the card's answers are refused from anyone else. */
  ownerId: string;
  /** Zero-based page to show. */
  page?: number;
}

export const PICK_PAGE_SIZE = 10;

const STEPS = 'pickInterestSteps';
const PICK_PROMPT = 'pickInterestPrompt';

/**
 * The answers after the interests' numbers, in this order: turning the page and cancelling. The card's Next,
 * Previous and Cancel send these numbers (never shown), so an interest named "next" cannot be taken for the button.
 */
const NAVIGATION = ['next', 'previous', 'cancel'] as const;
const NAVIGATION_SYNONYMS: Readonly<Record<(typeof NAVIGATION)[number], string[]>> = {
  next: ['more', 'more…', 'more...'],
  previous: ['back', 'prev'],
  cancel: [],
};

/**
 * Lets the user pick one interest, ten at a time, on a choice card with Previous, Next and Cancel (which type as
 * "previous"/"back", "next"/"more", and "cancel"). Interests are numbered across pages (the second page starts at
 * 11), and a number or name picks its interest from any page. Ends with the picked interest's id, or nothing after
 * Cancel (the answer says so).
 */
export class PickInterestDialog extends ComponentDialog {
  constructor() {
    super(PICK_INTEREST_DIALOG);
    const reason: Message = { key: 'pick.reason' };
    this.addDialog(new CardQuestionPrompt<FoundChoice>(PICK_PROMPT, wholeChoiceReader(reason), (choice) => choice.value));
    this.addDialog(new WaterfallDialog<PickInterestOptions>(STEPS, [askForInterest, takeInterestOrTurnPage]));
    this.initialDialogId = STEPS;
  }
}

type PickStep = WaterfallStepContext<PickInterestOptions>;

function pageFor(options: PickInterestOptions) {
  return pageOf(options.interests, options.page ?? 0, PICK_PAGE_SIZE);
}

/** What a navigation answer sends: its number after the interests'. */
function navigationAnswer(options: PickInterestOptions, answer: (typeof NAVIGATION)[number]): string {
  return String(options.interests.length + NAVIGATION.indexOf(answer) + 1);
}

async function askForInterest(step: PickStep): Promise<DialogTurnResult> {
  const { options } = step;
  const page = pageFor(options);
  const text = textOf(step.context);
  const first = page.page * PICK_PAGE_SIZE;
  const noName = text.t('pick.noName');
  // Typed answers: every interest by its number or its name (as typed, so any name is recognized), then the
  // navigation words; the numbers are the ones the cards show.
  const choices: Choice[] = [
    ...options.interests.map((interest) => ({ value: interest.name || noName })),
    ...NAVIGATION.map((answer) => ({ value: answer, synonyms: NAVIGATION_SYNONYMS[answer] })),
  ];
  const paged = page.pageCount > 1;
  const question = choiceQuestion(
    text,
    {
      ownerId: options.ownerId,
      question: paged ? text.t('pick.question.paged', { question: options.question, page: page.page + 1, pages: page.pageCount }) : options.question,
      hint: paged ? text.t('pick.hint.paged', { next: text.t('card.next'), previous: text.t('card.previous') }) : text.t('choice.hint'),
      label: text.t('pick.label'),
      options: page.items.map((interest, index) => ({ title: interest.name || noName, answer: String(first + index + 1) })),
      firstNumber: first + 1,
      selected: [],
      submitTitle: text.t('pick.submit'),
      ...(page.hasPrevious ? { previousAnswer: navigationAnswer(options, 'previous') } : {}),
      ...(page.hasNext ? { nextAnswer: navigationAnswer(options, 'next') } : {}),
      cancelAnswer: navigationAnswer(options, 'cancel'),
    },
    { choices },
  );
  return step.prompt(PICK_PROMPT, question);
}

async function takeInterestOrTurnPage(step: PickStep): Promise<DialogTurnResult> {
  const { options } = step;
  const { index } = step.result as FoundChoice;
  const picked = options.interests[index];
  if (picked) return step.endDialog(picked.id);
  const navigation = NAVIGATION[index - options.interests.length];
  if (navigation === 'cancel') {
    const text = textOf(step.context);
    // From the card, the picker itself turns into the answer.
    await showCard(step.context, renderNoticeCard(text, { title: text.t('interest.cancelled'), text: text.t('interest.nothingChanged') }));
    return step.endDialog();
  }
  // Past the first or last page, the page asked for is the nearest one there is.
  const page = pageFor(options).page + (navigation === 'next' ? 1 : -1);
  return step.replaceDialog(STEPS, { ...options, page } satisfies PickInterestOptions);
}
