import { ComponentDialog, TextPrompt, WaterfallDialog, type DialogTurnResult, type FoundChoice, type WaterfallStepContext } from 'botbuilder-dialogs';
import { plainText } from '../../../cards/displayText';
import { renderEditCard } from '../cards/editCard';
import { renderNameNotAddedHereCard } from '../../../cards/personalChatHintCard';
import type { MessageKey } from '../../../i18n/catalog';
import type { Text } from '../../../i18n/text';
import { textOf } from '../../../conversation/turnText';
import { isSharedView } from '../../../cards/sharedView';
import { AUDIENCE_LABEL_KEYS, DEFAULT_AUDIENCE, SELECTABLE_AUDIENCES, type Audience } from '../../../domain/audiences';
import type { CollaborationTag } from '../../../domain/collaborationTags';
import { ok, type Result } from '../../../domain/result';
import { findInterestByName } from '../../../domain/interestDraft';
import { INTEREST_LIMITS, type InterestDraft, type PersonInterest } from '../../../domain/personInterest';
import { validateDisplayName, validateInterestInput } from '../../../domain/validateInterest';
import { actorIdOf } from '../../../conversation/actor';
import { cardViewersFor, sendCard, sendTyping } from '../../../conversation/replies';
import { acceptedAnswer, answerValidator, withReason, type Refusal } from '../../../conversation/dialogs/answerValidator';
import { CardQuestionPrompt, choiceQuestion, matchOption, typedChoices, wholeChoiceReader, type AnswerReader, type CardQuestionOptions } from '../../../conversation/dialogs/cardQuestionPrompt';
import { collaborationTagQuestion, describeTags, readCollaborationTagAnswer } from './collaborationTagAnswer';
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

const nameQuestion = (text: Text): string => text.t('addDialog.askName');

/** What to do instead of creating a second interest with a name that is already taken, in the order offered. */
const DUPLICATE_CHOICES = ['addDialog.duplicate.tag', 'addDialog.duplicate.edit', 'addDialog.duplicate.rename'] as const satisfies readonly MessageKey[];

/** An answer naming one option whole; else a refusal naming the options in the reader's language. */
const readDuplicateChoice: AnswerReader<FoundChoice> = (answer, options, text) => {
  const [tag = '', edit = '', rename = ''] = DUPLICATE_CHOICES.map((key) => text.t(key));
  return wholeChoiceReader({ key: 'addDialog.duplicate.reason', values: { tag, edit, rename } })(answer, options, text);
};

/**
 * Adds an interest by asking for each field in turn: name (checked against existing interests), description,
 * categories, collaboration tags, audience, link, then a summary to confirm. Each answer is checked by the
 * domain as it is given; a bad one is asked again with the reason, and earlier answers stay.
 */
export class AddInterestDialog extends ComponentDialog {
  constructor(private readonly deps: InterestDialogDeps) {
    super(ADD_INTEREST_DIALOG);
    this.addDialog(new TextPrompt(NAME_PROMPT, answerValidator(validateDisplayName, nameQuestion)));
    this.addDialog(new CardQuestionPrompt<FoundChoice>(DUPLICATE_PROMPT, readDuplicateChoice, (choice, text) => text.t(DUPLICATE_CHOICES[choice.index] ?? 'addDialog.duplicate.rename')));
    this.addDialog(new TextPrompt(DESCRIPTION_PROMPT, answerValidator(parseDescriptionAnswer)));
    this.addDialog(new TextPrompt(CATEGORIES_PROMPT, answerValidator(parseCategoriesAnswer)));
    this.addDialog(new CardQuestionPrompt<CollaborationTag[]>(TAGS_PROMPT, readCollaborationTagAnswer, describeTags));
    this.addDialog(new CardQuestionPrompt<Audience>(AUDIENCE_PROMPT, readAudienceAnswer, (audience, text) => text.t('addDialog.audience.answered', { audience: text.t(AUDIENCE_LABEL_KEYS[audience]) })));
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
    const text = textOf(step.context);
    if (!given) return step.prompt(NAME_PROMPT, { prompt: nameQuestion(text) });
    const name = validateDisplayName(given);
    if (name.ok) return step.next(name.value);
    return step.prompt(NAME_PROMPT, { prompt: withReason(text.say(name.error), nameQuestion(text)) });
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
    const name = acceptedAnswer(validateDisplayName, step.result, textOf(step.context));
    draftOf(step).displayName = name;
    await sendTyping(step.context);
    let existing: PersonInterest | undefined;
    try {
      existing = findInterestByName(await token.provided.profile.list(), name);
    } catch (error) {
      await step.context.sendActivity(textOf(step.context).say(expectedGraphFailure(error, this.deps.logger, 'Listing interests before adding').userMessage));
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
      await sendCard(step.context, renderNameNotAddedHereCard(textOf(step.context), viewers));
      return step.endDialog();
    }
    valuesOf(step).existing = existing;
    const text = textOf(step.context);
    const question = choiceQuestion(
      text,
      {
        ownerId: actorIdOf(step.context.activity),
        // The card escapes the name, so `Guitar **bold**` shows as typed.
        question: text.t('addDialog.duplicate.question', { name: plainText(existing.displayName, INTEREST_LIMITS.displayNameMax) }),
        hint: text.t('choice.hint'),
        label: text.t('addDialog.duplicate.label'),
        options: DUPLICATE_CHOICES.map((key, index) => ({ title: text.t(key), answer: String(index + 1) })),
        selected: ['1'],
        submitTitle: text.t('addDialog.duplicate.submit'),
      },
      { choices: typedChoices(text, DUPLICATE_CHOICES) },
    );
    return step.prompt(DUPLICATE_PROMPT, question);
  };

  private readonly offerExistingInstead = async (step: AddStep): Promise<DialogTurnResult> => {
    const { existing } = valuesOf(step);
    if (!existing) return step.next();
    const choice = DUPLICATE_CHOICES[(step.result as FoundChoice).index];
    if (choice === 'addDialog.duplicate.tag') {
      return step.replaceDialog(TAG_INTEREST_DIALOG, { name: existing.displayName ?? '' } satisfies InterestDialogOptions);
    }
    if (choice === 'addDialog.duplicate.edit') {
      await sendCard(step.context, renderEditCard(textOf(step.context), { interest: existing, ownerId: actorIdOf(step.context.activity), viewers: cardViewersFor(step.context.activity) }));
      return step.endDialog();
    }
    return step.replaceDialog(STEPS, {} satisfies InterestDialogOptions);
  };

  private readonly askDescription = async (step: AddStep): Promise<DialogTurnResult> =>
    step.prompt(DESCRIPTION_PROMPT, { prompt: textOf(step.context).t('addDialog.askDescription') });

  private readonly askCategories = async (step: AddStep): Promise<DialogTurnResult> => {
    draftOf(step).description = acceptedAnswer(parseDescriptionAnswer, step.result, textOf(step.context));
    return step.prompt(CATEGORIES_PROMPT, { prompt: textOf(step.context).t('addDialog.askCategories') });
  };

  private readonly askTags = async (step: AddStep): Promise<DialogTurnResult> => {
    draftOf(step).categories = acceptedAnswer(parseCategoriesAnswer, step.result, textOf(step.context));
    const text = textOf(step.context);
    return step.prompt(TAGS_PROMPT, collaborationTagQuestion(text, text.t('addDialog.askTags'), actorIdOf(step.context.activity), text.t('addDialog.next')));
  };

  private readonly askAudience = async (step: AddStep): Promise<DialogTurnResult> => {
    draftOf(step).collaborationTags = step.result as CollaborationTag[];
    return step.prompt(AUDIENCE_PROMPT, audienceQuestion(textOf(step.context), actorIdOf(step.context.activity)));
  };

  private readonly askLink = async (step: AddStep): Promise<DialogTurnResult> => {
    draftOf(step).allowedAudiences = step.result as Audience;
    return step.prompt(LINK_PROMPT, { prompt: textOf(step.context).t('addDialog.askLink') });
  };

  private readonly confirmAndCreate = async (step: AddStep): Promise<DialogTurnResult> => {
    draftOf(step).webUrl = acceptedAnswer(parseLinkAnswer, step.result, textOf(step.context));
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

/** The audience question's options, in the order offered (and numbered). */
const SELECTABLE_AUDIENCE_LABELS = SELECTABLE_AUDIENCES.map((audience) => AUDIENCE_LABEL_KEYS[audience]);

/** The audience question as a choice card, the default ticked. */
function audienceQuestion(text: Text, ownerId: string): CardQuestionOptions {
  return choiceQuestion(
    text,
    {
      ownerId,
      question: text.t('addDialog.askAudience', { audience: text.t(AUDIENCE_LABEL_KEYS[DEFAULT_AUDIENCE]) }),
      hint: text.t('choice.hint'),
      label: text.t('addDialog.audience.label'),
      options: SELECTABLE_AUDIENCE_LABELS.map((key, index) => ({ title: text.t(key), answer: String(index + 1) })),
      selected: [String((SELECTABLE_AUDIENCES as readonly string[]).indexOf(DEFAULT_AUDIENCE) + 1)],
      submitTitle: text.t('addDialog.next'),
    },
    { choices: typedChoices(text, SELECTABLE_AUDIENCE_LABELS) },
  );
}

/** A listed audience (number or label), "skip", or an audience's id or label; else the domain's reason with the question. */
const readAudienceAnswer: AnswerReader<Audience> = (answer, options, text): Result<Audience, Refusal> => {
  const found = matchOption(answer, options);
  const listed = found ? SELECTABLE_AUDIENCES[found.index] : undefined;
  return listed ? ok(listed) : parseAudienceAnswer(answer, text);
};
