import { ComponentDialog, WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { inlineText, plainText } from '../../../cards/displayText';
import { renderInterestCard } from '../cards/interestCard';
import { isSharedView } from '../../../cards/sharedView';
import { interestsForSharedConversation } from '../../../domain/sharedConversation';
import { diffInterest, isEmptyPatch } from '../../../domain/diffInterest';
import { draftFromInterest } from '../../../domain/interestDraft';
import { findNamedInterest } from '../../../domain/interestLookup';
import { INTEREST_LIMITS, type PersonInterest } from '../../../domain/personInterest';
import { actorIdOf } from '../../../conversation/actor';
import { cardViewersFor, sendCard, sendTyping } from '../../../conversation/replies';
import { textOf } from '../../../conversation/turnText';
import { CardQuestionPrompt } from '../../../conversation/dialogs/cardQuestionPrompt';
import { collaborationTagLabels, collaborationTagQuestion, describeTags, readCollaborationTagAnswer } from './collaborationTagAnswer';
import type { CollaborationTag } from '../../../domain/collaborationTags';
import { TAG_INTEREST_DIALOG, type InterestDialogDeps, type InterestDialogOptions } from '../../../conversation/dialogs/dialogIds';
import { expectedGraphFailure, isPassingFailure } from '../../../conversation/dialogs/graphFailures';
import { PICK_INTEREST_DIALOG, PickInterestDialog, type PickInterestOptions } from './pickInterestDialog';

const STEPS = 'tagInterestSteps';
const TAGS_PROMPT = 'tagTagsPrompt';

type InterestWithId = PersonInterest & { id: string };

/**
 * Sets an interest's collaboration tags: finds the interest (by the name given, else by a paged pick), shows its
 * current tags, asks for the new ones, and saves only `collaborationTags` with one PATCH.
 */
export class TagInterestDialog extends ComponentDialog {
  constructor(private readonly deps: InterestDialogDeps) {
    super(TAG_INTEREST_DIALOG);
    this.addDialog(new PickInterestDialog());
    this.addDialog(new CardQuestionPrompt<CollaborationTag[]>(TAGS_PROMPT, readCollaborationTagAnswer, describeTags));
    this.addDialog(new WaterfallDialog<TagDialogOptions>(STEPS, [this.findInterest, this.askTags, this.saveTags]));
    this.initialDialogId = STEPS;
  }

  private readonly findInterest = async (step: TagStep): Promise<DialogTurnResult> => {
    const { retry } = step.options;
    if (retry) {
      // Saving failed for a passing reason: ask for the tags again for the same interest, without listing again.
      valuesOf(step).interests = [retry.interest];
      return step.next(retry.interest.id);
    }
    // The tag command starts this dialog signed in (and this is the token it got); begun from the add dialog
    // instead, sign-in may still be needed, and the dialog ends while it happens.
    const token = await this.deps.graph.tokenFor(step.context, 'profile');
    if (!token.ok) {
      await this.deps.graph.answerMessage(step.context, token);
      return step.endDialog();
    }
    await sendTyping(step.context);
    let listed: InterestWithId[];
    try {
      listed = (await token.provided.profile.list()).filter(hasId);
    } catch (error) {
      await step.context.sendActivity(textOf(step.context).say(expectedGraphFailure(error, this.deps.logger, 'Listing interests to tag').userMessage));
      return step.endDialog();
    }
    // In a group chat or channel the question and the picker name only interests everyone there may see.
    const shared = isSharedView(cardViewersFor(step.context.activity));
    const interests = shared ? interestsForSharedConversation(listed).shown : listed;
    // Said in every shared answer whatever the owner has, so it tells the room nothing about private interests.
    const text = textOf(step.context);
    const hidden = shared ? ` ${text.t('shared.viewNote')} ${text.t('tagDialog.privateInPersonalChat')}` : '';
    if (interests.length === 0) {
      await step.context.sendActivity(shared ? `${text.t('shared.noInterests')}${hidden}` : text.t('tagDialog.noInterests'));
      return step.endDialog();
    }
    valuesOf(step).interests = interests;
    const name = step.options.name?.trim();
    const named = name ? findNamedInterest(interests, name, text.locale) : undefined;
    if (named) return step.next(named.id);
    if (name) await step.context.sendActivity(`${text.t('tagDialog.notFound', { name: inlineText(name, INTEREST_LIMITS.displayNameMax) })}${hidden}`);
    const choices = interests.map((interest) => ({ id: interest.id, name: interest.displayName ?? '' }));
    return step.beginDialog(PICK_INTEREST_DIALOG, { interests: choices, question: `${text.t('tagDialog.pickQuestion')}${hidden}`, ownerId: actorIdOf(step.context.activity) } satisfies PickInterestOptions);
  };

  private readonly askTags = async (step: TagStep): Promise<DialogTurnResult> => {
    // Cancel on the picker: it has said so already.
    if (typeof step.result !== 'string') return step.endDialog();
    const interest = pickedInterest(step, step.result);
    valuesOf(step).pickedId = interest.id;
    const text = textOf(step.context);
    // Plain here: the card escapes the question, so `Guitar **bold**` shows as typed.
    const name = plainText(interest.displayName, INTEREST_LIMITS.displayNameMax);
    const current = draftFromInterest(interest).collaborationTags;
    const ask = current.length > 0 ? text.t('tagDialog.ask.tagged', { name, tags: collaborationTagLabels(text, current) }) : text.t('tagDialog.ask.untagged', { name });
    const lead = step.options.retry?.retryText ?? ask;
    return step.prompt(TAGS_PROMPT, collaborationTagQuestion(text, lead, actorIdOf(step.context.activity), text.t('tagDialog.save'), current));
  };

  private readonly saveTags = async (step: TagStep): Promise<DialogTurnResult> => {
    const { context } = step;
    const interest = pickedInterest(step, valuesOf(step).pickedId);
    const collaborationTags = step.result as CollaborationTag[];
    const ownerId = actorIdOf(context.activity);
    // Only the tags differ from the stored draft, so the patch holds `collaborationTags` or nothing.
    const patch = diffInterest(interest, { ...draftFromInterest(interest), collaborationTags });
    if (isEmptyPatch(patch)) {
      await sendCard(context, renderInterestCard(textOf(context), { interest, ownerId, notice: textOf(context).t('tagDialog.unchanged'), viewers: cardViewersFor(context.activity) }));
      return step.endDialog(interest);
    }
    // Busy, or sign-in needed (sign-in replays the answer): the dialog waits for the tags again.
    const askAgain = (retryText: string) => step.replaceDialog(STEPS, { retry: { interest, retryText } } satisfies TagDialogOptions);
    const token = await this.deps.graph.tokenFor(context, 'profile');
    if (!token.ok) return this.deps.graph.answerStep(context, token, askAgain);
    await sendTyping(context);
    try {
      const updated = await token.provided.profile.update(interest, patch);
      await sendCard(context, renderInterestCard(textOf(context), { interest: updated, ownerId, notice: textOf(context).t('tagDialog.saved'), viewers: cardViewersFor(context.activity) }));
      return step.endDialog(updated);
    } catch (error) {
      const report = expectedGraphFailure(error, this.deps.logger, 'Saving collaboration tags');
      if (isPassingFailure(error)) return askAgain(textOf(context).t('tagDialog.busy'));
      await context.sendActivity(textOf(context).say(report.userMessage));
      return step.endDialog();
    }
  };
}

interface TagDialogOptions extends InterestDialogOptions {
  /** Set when saving failed for a reason that passes: the interest being tagged and what to ask. */
  retry?: { interest: InterestWithId; retryText: string };
}

type TagStep = WaterfallStepContext<TagDialogOptions>;

/** What the waterfall remembers between turns: the interests listed when it started, and the one picked. */
interface TagValues {
  interests?: InterestWithId[];
  pickedId?: string;
}

function valuesOf(step: TagStep): TagValues {
  return step.values as TagValues;
}

function hasId(interest: PersonInterest): interest is InterestWithId {
  return typeof interest.id === 'string' && interest.id !== '';
}

function pickedInterest(step: TagStep, id: unknown): InterestWithId {
  const interest = valuesOf(step).interests?.find((candidate) => candidate.id === id);
  if (!interest) throw new Error('The tag dialog lost track of the interest it was tagging.');
  return interest;
}
