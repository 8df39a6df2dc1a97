import { ActionTypes } from 'botbuilder';
import { ChoiceFactory, ComponentDialog, ListStyle, WaterfallDialog, type Choice, type DialogTurnResult, type FoundChoice, type WaterfallStepContext } from 'botbuilder-dialogs';
import { WholeChoicePrompt } from './wholeChoicePrompt';
import { escapeMarkdown } from '../../cards/escapeMarkdown';
import { plainText } from '../../cards/displayText';
import { pageOf } from '../../domain/paging';

export const PICK_INTEREST_DIALOG = 'pickInterest';

/** One interest as the picker offers it. */
export interface InterestChoice {
  id: string;
  name: string;
}

export interface PickInterestOptions {
  interests: InterestChoice[];
  question: string;
  /** Zero-based page to show. */
  page?: number;
}

export const PICK_PAGE_SIZE = 10;
export const MORE_CHOICE = 'More…';
export const BACK_CHOICE = 'Back';
const CHOICE_NAME_MAX = 60;

const STEPS = 'pickInterestSteps';
const PICK_PROMPT = 'pickInterestPrompt';

/** Lets the user pick one interest, ten at a time with "More…" and "Back". Ends with the picked interest's id. */
export class PickInterestDialog extends ComponentDialog {
  constructor() {
    super(PICK_INTEREST_DIALOG);
    this.addDialog(new WholeChoicePrompt(PICK_PROMPT));
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
  const choices: Choice[] = page.items.map((interest) => ({ value: plainText(interest.name, CHOICE_NAME_MAX) || '(no name)' }));
  if (page.hasNext) choices.push({ value: MORE_CHOICE, synonyms: ['more', 'next', 'more...'] });
  if (page.hasPrevious) choices.push({ value: BACK_CHOICE, synonyms: ['back', 'previous', 'prev'] });
  const where = page.pageCount > 1 ? ` (page ${page.page + 1} of ${page.pageCount})` : '';
  const question = `${step.options.question}${where}`;
  const shown = ChoiceFactory.forChannel(step.context, choices, question);
  if (shown.attachments?.length || shown.suggestedActions) return step.prompt(PICK_PROMPT, { prompt: question, choices });
  // No buttons here (names too long, or a channel without them), so the names go into the message text, which
  // Teams renders as Markdown: escaped there, a name like "Guitar **bold**" shows as typed. Escaping only lengthens
  // titles, so the layout stays a text one (inline or numbered). The prompt still recognizes the names as they are.
  const listed = ChoiceFactory.forChannel(
    step.context,
    choices.map((choice) => ({ ...choice, action: { type: ActionTypes.ImBack, title: escapeMarkdown(choice.value), value: choice.value } })),
    question,
  );
  return step.prompt(PICK_PROMPT, { prompt: listed, choices, style: ListStyle.none });
}

async function takeInterestOrTurnPage(step: PickStep): Promise<DialogTurnResult> {
  const page = pageFor(step.options);
  const { index } = step.result as FoundChoice;
  const picked = page.items[index];
  if (picked) return step.endDialog(picked.id);
  const turn = index === page.items.length && page.hasNext ? 1 : -1;
  return step.replaceDialog(STEPS, { ...step.options, page: page.page + turn } satisfies PickInterestOptions);
}
