import { ComponentDialog, WaterfallDialog, type Choice, type DialogTurnResult, type FoundChoice, type WaterfallStepContext } from 'botbuilder-dialogs';
import { pageOf } from '../../../domain/paging';
import { CardQuestionPrompt, choiceQuestion, wholeChoiceReader } from '../../../conversation/dialogs/cardQuestionPrompt';

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
export const MORE_CHOICE = 'More…';
export const BACK_CHOICE = 'Back';
export const PICK_REASON = 'Pick one of the listed interests: choose it on the card, or type its number or name.';

const STEPS = 'pickInterestSteps';
const PICK_PROMPT = 'pickInterestPrompt';

/**
 * Lets the user pick one interest, ten at a time, on a choice card with Previous and Next (which type as "back"
 * and "more"). Every interest is on some page, whatever its name. Ends with the picked interest's id.
 */
export class PickInterestDialog extends ComponentDialog {
  constructor() {
    super(PICK_INTEREST_DIALOG);
    this.addDialog(new CardQuestionPrompt<FoundChoice>(PICK_PROMPT, wholeChoiceReader(PICK_REASON), (choice) => choice.value));
    this.addDialog(new WaterfallDialog<PickInterestOptions>(STEPS, [askForInterest, takeInterestOrTurnPage]));
    this.initialDialogId = STEPS;
  }
}

type PickStep = WaterfallStepContext<PickInterestOptions>;

function pageFor(options: PickInterestOptions) {
  return pageOf(options.interests, options.page ?? 0, PICK_PAGE_SIZE);
}

async function askForInterest(step: PickStep): Promise<DialogTurnResult> {
  const page = pageFor(step.options);
  // Typed answers: the page's names (as typed, so any name is recognized) by number or name, then more / back.
  const choices: Choice[] = page.items.map((interest) => ({ value: interest.name || '(no name)' }));
  const more = page.hasNext ? String(choices.push({ value: MORE_CHOICE, synonyms: ['more', 'next', 'more...'] })) : undefined;
  const back = page.hasPrevious ? String(choices.push({ value: BACK_CHOICE, synonyms: ['back', 'previous', 'prev'] })) : undefined;
  const where = page.pageCount > 1 ? ` (page ${page.page + 1} of ${page.pageCount})` : '';
  const paging = page.pageCount > 1 ? ' Say more or back to turn the page.' : '';
  const question = choiceQuestion(
    {
      ownerId: step.options.ownerId,
      question: `${step.options.question}${where}`,
      hint: `Choose one, or type its number or name.${paging}`,
      label: 'Interest',
      options: page.items.map((interest, index) => ({ title: interest.name || '(no name)', answer: String(index + 1) })),
      selected: [],
      submitTitle: 'Select',
      ...(back !== undefined ? { previousAnswer: back } : {}),
      ...(more !== undefined ? { nextAnswer: more } : {}),
    },
    { choices },
  );
  return step.prompt(PICK_PROMPT, question);
}

async function takeInterestOrTurnPage(step: PickStep): Promise<DialogTurnResult> {
  const page = pageFor(step.options);
  const { index } = step.result as FoundChoice;
  const picked = page.items[index];
  if (picked) return step.endDialog(picked.id);
  const turn = index === page.items.length && page.hasNext ? 1 : -1;
  return step.replaceDialog(STEPS, { ...step.options, page: page.page + turn } satisfies PickInterestOptions);
}
