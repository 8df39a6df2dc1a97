import { ComponentDialog, TextPrompt, WaterfallDialog, type DialogTurnResult, type FoundChoice, type WaterfallStepContext } from 'botbuilder-dialogs';
import { plainText } from '../../../cards/displayText';
import { renderEditCard } from '../../../cards/editCard';
import { renderNameNotAddedHereCard } from '../../../cards/personalChatHintCard';
import { isSharedView } from '../../../cards/sharedView';
import { AUDIENCE_LABELS, DEFAULT_AUDIENCE, SELECTABLE_AUDIENCES, type Audience } from '../../../domain/audiences';
import type { CollaborationTag } from '../../../domain/collaborationTags';
import { ok, type Result } from '../../../domain/result';
import { findInterestByName } from '../../../domain/interestDraft';
import { INTEREST_LIMITS, type InterestDraft, type PersonInterest } from '../../../domain/personInterest';
import { validateDisplayName, validateInterestInput } from '../../../domain/validateInterest';
import { actorIdOf } from '../../../conversation/actor';
import { cardViewersFor, sendCard, sendTyping } from '../../../conversation/replies';
import { acceptedAnswer, answerValidator, withReason } from '../../../conversation/dialogs/answerValidator';
import { matchWholeChoice } from '../../../conversation/dialogs/wholeChoicePrompt';
import { CardQuestionPrompt, choiceQuestion, wholeChoiceReader, type AnswerReader, type CardQuestionOptions } from '../../../conversation/dialogs/cardQuestionPrompt';
import { collaborationTagQuestion, describeTags, parseCollaborationTagAnswer } from './collaborationTagAnswer';
import { CONFIRM_AND_CREATE_DIALOG, ConfirmAndCreateDialog, newCreationKey, type ConfirmAndCreateOptions } from './confirmAndCreateDialog';
import { ADD_INTEREST_DIALOG, TAG_INTEREST_DIALOG, type InterestDialogDeps, type InterestDialogOptions } from '../../../conversation/dialogs/dialogIds';
import { expectedGraphFailure } from '../../../conversation/dialogs/graphFailures';
import { parseAudienceAnswer, parseCategoriesAnswer, parseDescriptionAnswer, parseLinkAnswer } from './interestAnswers';

const STEPS = 'addInterestSteps';
const NAME_PROMPT = 'addNamePrompt';
const DUPLICATE_PROMPT = 'addDuplicatePrompt';
const DESCRIPTION_PROMPT = 'addDescriptionPrompt';
const CATEGORIES_PROMPT = 'addCategoriesPrompt';
const TAGS_PROMPT = 'addTagsPrompt';
const AUDIENCE_PROMPT = 'addAudiencePrompt';
const LINK_PROMPT = 'addLinkPrompt';

export const NAME_QUESTION = "What's the name of the interest? For example: Chess.";
export const DESCRIPTION_QUESTION = 'Add a short description, or say skip.';
export const CATEGORIES_QUESTION = 'Any categories? Separate them with commas (like Games, Strategy), or say skip.';
export const TAGS_QUESTION = 'Which collaboration tags fit?';
export const AUDIENCE_QUESTION = `Who can see it? Say skip for ${AUDIENCE_LABELS[DEFAULT_AUDIENCE]}.`;
export const DUPLICATE_REASON = 'Choose one: Tag it, Edit it or Pick another name.';
export const LINK_QUESTION = 'Add a link (starting with http:// or https://), or say skip.';

/** What to do instead of creating a second interest with a name that is already taken. */
export const DUPLICATE_CHOICES = { tag: 'Tag it', edit: 'Edit it', rename: 'Pick another name' } as const;

/**
 * Adds an interest by asking for each field in turn: name (checked against existing interests), description,
 * categories, collaboration tags, audience, link, then a summary to confirm. Each answer is checked by the
 * domain as it is given; a bad one is asked again with the reason, and earlier answers stay.
 */
export class AddInterestDialog extends ComponentDialog {
  constructor(private readonly deps: InterestDialogDeps) {
    super(ADD_INTEREST_DIALOG);
    this.addDialog(new TextPrompt(NAME_PROMPT, answerValidator(validateDisplayName, NAME_QUESTION)));
    this.addDialog(new CardQuestionPrompt<FoundChoice>(DUPLICATE_PROMPT, wholeChoiceReader(DUPLICATE_REASON), (choice) => choice.value));
    this.addDialog(new TextPrompt(DESCRIPTION_PROMPT, answerValidator(parseDescriptionAnswer)));
    this.addDialog(new TextPrompt(CATEGORIES_PROMPT, answerValidator(parseCategoriesAnswer)));
    this.addDialog(new CardQuestionPrompt<CollaborationTag[]>(TAGS_PROMPT, parseCollaborationTagAnswer, describeTags));
    this.addDialog(new CardQuestionPrompt<Audience>(AUDIENCE_PROMPT, readAudienceAnswer, (audience) => `Who can see it: ${AUDIENCE_LABELS[audience]}`));
    this.addDialog(new TextPrompt(LINK_PROMPT, answerValidator(parseLinkAnswer)));
    this.addDialog(new ConfirmAndCreateDialog(deps));
    this.addDialog(
      new WaterfallDialog<InterestDialogOptions>(STEPS, [
        this.askName,
        this.checkNameIsNew,
        this.offerExistingInstead,
        this.askDescription,
        this.askCategories,
        this.askTags,
        this.askAudience,
        this.askLink,
        this.confirmAndCreate,
        this.finish,
      ]),
    );
    this.initialDialogId = STEPS;
  }

  private readonly askName = async (step: AddStep): Promise<DialogTurnResult> => {
    const given = step.options.name?.trim();
    if (!given) return step.prompt(NAME_PROMPT, { prompt: NAME_QUESTION });
    const name = validateDisplayName(given);
    if (name.ok) return step.next(name.value);
    return step.prompt(NAME_PROMPT, { prompt: withReason(name.error, NAME_QUESTION) });
  };

  /**
   * A name already in use offers the existing interest instead of making a duplicate. Needs Graph: while the user
   * signs in the name is asked again, and the name replayed after sign-in brings the dialog back here.
   */
  private readonly checkNameIsNew = async (step: AddStep): Promise<DialogTurnResult> => {
    const token = await this.deps.graph.tokenFor(step.context, 'profile');
    if (!token.ok) {
      return this.deps.graph.answerStep(step.context, token, async (notice) => {
        await step.context.sendActivity(notice);
        return step.replaceDialog(STEPS, {} satisfies InterestDialogOptions);
      });
    }
    const name = acceptedAnswer(validateDisplayName, step.result);
    draftOf(step).displayName = name;
    await sendTyping(step.context);
    let existing: PersonInterest | undefined;
    try {
      existing = findInterestByName(await token.provided.profile.list(), name);
    } catch (error) {
      await step.context.sendActivity(expectedGraphFailure(error, this.deps.logger, 'Listing interests before adding').userText);
      return step.endDialog();
    }
    return this.offerExisting(step, existing);
  };

  /**
   * In a group chat or channel the room must not learn whether the name is a private interest, so any name on the
   * profile, whatever its audience, gets the same answer naming nothing of it, and the asker goes on in a personal
   * chat. Offering to tag or edit it would show the room that it exists.
   */
  private readonly offerExisting = async (step: AddStep, existing: PersonInterest | undefined): Promise<DialogTurnResult> => {
    if (!existing) return step.next();
    const viewers = cardViewersFor(step.context.activity);
    if (isSharedView(viewers)) {
      await sendCard(step.context, renderNameNotAddedHereCard(viewers));
      return step.endDialog();
    }
    valuesOf(step).existing = existing;
    const choices = Object.values(DUPLICATE_CHOICES);
    const question = choiceQuestion(
      {
        ownerId: actorIdOf(step.context.activity),
        // The card escapes the name, so `Guitar **bold**` shows as typed.
        question: `You already have an interest called "${plainText(existing.displayName, INTEREST_LIMITS.displayNameMax)}". Do you want to tag it or edit it instead?`,
        hint: 'Choose one, or type its number or name.',
        label: 'What to do',
        options: choices.map((choice, index) => ({ title: choice, answer: String(index + 1) })),
        selected: ['1'],
        submitTitle: 'Choose',
      },
      { choices },
    );
    return step.prompt(DUPLICATE_PROMPT, question);
  };

  private readonly offerExistingInstead = async (step: AddStep): Promise<DialogTurnResult> => {
    const { existing } = valuesOf(step);
    if (!existing) return step.next();
    const choice = (step.result as FoundChoice).value;
    if (choice === DUPLICATE_CHOICES.tag) {
      return step.replaceDialog(TAG_INTEREST_DIALOG, { name: existing.displayName ?? '' } satisfies InterestDialogOptions);
    }
    if (choice === DUPLICATE_CHOICES.edit) {
      await sendCard(step.context, renderEditCard({ interest: existing, ownerId: actorIdOf(step.context.activity), viewers: cardViewersFor(step.context.activity) }));
      return step.endDialog();
    }
    return step.replaceDialog(STEPS, {} satisfies InterestDialogOptions);
  };

  private readonly askDescription = async (step: AddStep): Promise<DialogTurnResult> =>
    step.prompt(DESCRIPTION_PROMPT, { prompt: DESCRIPTION_QUESTION });

  private readonly askCategories = async (step: AddStep): Promise<DialogTurnResult> => {
    draftOf(step).description = acceptedAnswer(parseDescriptionAnswer, step.result);
    return step.prompt(CATEGORIES_PROMPT, { prompt: CATEGORIES_QUESTION });
  };

  private readonly askTags = async (step: AddStep): Promise<DialogTurnResult> => {
    draftOf(step).categories = acceptedAnswer(parseCategoriesAnswer, step.result);
    return step.prompt(TAGS_PROMPT, collaborationTagQuestion(TAGS_QUESTION, actorIdOf(step.context.activity), 'Next'));
  };

  private readonly askAudience = async (step: AddStep): Promise<DialogTurnResult> => {
    draftOf(step).collaborationTags = step.result as CollaborationTag[];
    return step.prompt(AUDIENCE_PROMPT, audienceQuestion(actorIdOf(step.context.activity)));
  };

  private readonly askLink = async (step: AddStep): Promise<DialogTurnResult> => {
    draftOf(step).allowedAudiences = step.result as Audience;
    return step.prompt(LINK_PROMPT, { prompt: LINK_QUESTION });
  };

  private readonly confirmAndCreate = async (step: AddStep): Promise<DialogTurnResult> => {
    draftOf(step).webUrl = acceptedAnswer(parseLinkAnswer, step.result);
    const options: ConfirmAndCreateOptions = { draft: completeDraft(draftOf(step)), creationKey: newCreationKey() };
    return step.beginDialog(CONFIRM_AND_CREATE_DIALOG, options);
  };

  private readonly finish = async (step: AddStep): Promise<DialogTurnResult> => step.endDialog(step.result);
}

type AddStep = WaterfallStepContext<InterestDialogOptions>;

/** What the waterfall remembers between turns: the answers so far, and the interest a taken name belongs to. */
interface AddValues {
  draft?: Partial<InterestDraft>;
  existing?: PersonInterest;
}

function valuesOf(step: AddStep): AddValues {
  return step.values as AddValues;
}

/** The answers so far: kept in the waterfall's values, so re-prompts and Graph failures never lose them. */
function draftOf(step: AddStep): Partial<InterestDraft> {
  const values = valuesOf(step);
  values.draft ??= {};
  return values.draft;
}

/** Every answer was checked when given; checking the whole draft again turns the collected parts into a draft. */
function completeDraft(answers: Partial<InterestDraft>): InterestDraft {
  const draft = validateInterestInput(answers);
  if (!draft.ok) throw new Error(`The add dialog collected an invalid draft (${draft.error.map((issue) => issue.field).join(', ')}).`);
  return draft.value;
}

const AUDIENCE_LABELS_LISTED = SELECTABLE_AUDIENCES.map((audience) => AUDIENCE_LABELS[audience]);

/** The audience question as a choice card, the default ticked. */
function audienceQuestion(ownerId: string): CardQuestionOptions {
  return choiceQuestion(
    {
      ownerId,
      question: AUDIENCE_QUESTION,
      hint: 'Choose one, or type its number or name.',
      label: 'Who can see it',
      options: AUDIENCE_LABELS_LISTED.map((label, index) => ({ title: label, answer: String(index + 1) })),
      selected: [String((SELECTABLE_AUDIENCES as readonly string[]).indexOf(DEFAULT_AUDIENCE) + 1)],
      submitTitle: 'Next',
    },
    { choices: AUDIENCE_LABELS_LISTED },
  );
}

/** A listed audience (number or label), "skip", or an audience's id or label; else the domain's reason with the question. */
const readAudienceAnswer: AnswerReader<Audience> = (text, options): Result<Audience, string> => {
  const found = matchWholeChoice(text, (options.choices ?? []).map((value) => (typeof value === 'string' ? { value } : value)));
  const listed = found ? SELECTABLE_AUDIENCES[found.index] : undefined;
  return listed ? ok(listed) : parseAudienceAnswer(text);
};
