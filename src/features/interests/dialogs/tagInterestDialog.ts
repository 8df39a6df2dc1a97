import { ComponentDialog, WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { inlineText, plainText } from '../../../cards/displayText';
import { renderInterestCard } from '../../../cards/interestCard';
import { isSharedView, NO_SHARED_INTERESTS_TEXT, SHARED_VIEW_NOTE } from '../../../cards/sharedView';
import { interestsForSharedConversation } from '../../../domain/sharedConversation';
import { diffInterest, isEmptyPatch } from '../../../domain/diffInterest';
import { draftFromInterest, findInterestByName } from '../../../domain/interestDraft';
import { INTEREST_LIMITS, type PersonInterest } from '../../../domain/personInterest';
import { actorIdOf } from '../../../conversation/actor';
import { cardViewersFor, sendCard, sendTyping } from '../../../conversation/replies';
import { CardQuestionPrompt } from '../../../conversation/dialogs/cardQuestionPrompt';
import { collaborationTagLabels, collaborationTagQuestion, describeTags, parseCollaborationTagAnswer } from './collaborationTagAnswer';
import type { CollaborationTag } from '../../../domain/collaborationTags';
import { TAG_INTEREST_DIALOG, type InterestDialogDeps, type InterestDialogOptions } from '../../../conversation/dialogs/dialogIds';
import { expectedGraphFailure, isPassingFailure } from '../../../conversation/dialogs/graphFailures';
import { PICK_INTEREST_DIALOG, PickInterestDialog, type PickInterestOptions } from './pickInterestDialog';

const STEPS = 'tagInterestSteps';
const TAGS_PROMPT = 'tagTagsPrompt';

export const PICK_QUESTION = 'Which interest do you want to tag?';
export const NO_INTERESTS_TEXT = "You don't have any interests yet. Say add to create one.";
export const TAG_PRIVATE_IN_PERSONAL_CHAT = 'To tag a private one, say tag to me in a personal chat.';
export const TAGS_SAVED_NOTICE = 'Tags saved.';
export const TAGS_UNCHANGED_NOTICE = 'The tags were already set that way, so nothing changed.';
export const TAGS_BUSY_RETRY_TEXT = 'Microsoft 365 is busy right now, so the tags were not saved. Send them again to try again, or say cancel.';

type InterestWithId = PersonInterest & { id: string };

/**
 * Sets an interest's collaboration tags: finds the interest (by the name given, else by a paged pick), shows its
 * current tags, asks for the new ones, and saves only `collaborationTags` with one PATCH.
 */
export class TagInterestDialog extends ComponentDialog {
  constructor(private readonly deps: InterestDialogDeps) {
    super(TAG_INTEREST_DIALOG);
    this.addDialog(new PickInterestDialog());
    this.addDialog(new CardQuestionPrompt<CollaborationTag[]>(TAGS_PROMPT, parseCollaborationTagAnswer, describeTags));
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
      await step.context.sendActivity(expectedGraphFailure(error, this.deps.logger, 'Listing interests to tag').userText);
      return step.endDialog();
    }
    // In a group chat or channel the question and the picker name only interests everyone there may see.
    const shared = isSharedView(cardViewersFor(step.context.activity));
    const interests = shared ? interestsForSharedConversation(listed).shown : listed;
    // Said in every shared answer whatever the owner has, so it tells the room nothing about private interests.
    const hidden = shared ? ` ${SHARED_VIEW_NOTE} ${TAG_PRIVATE_IN_PERSONAL_CHAT}` : '';
    if (interests.length === 0) {
      await step.context.sendActivity(shared ? `${NO_SHARED_INTERESTS_TEXT}${hidden}` : NO_INTERESTS_TEXT);
      return step.endDialog();
    }
    valuesOf(step).interests = interests;
    const name = step.options.name?.trim();
    const named = name ? findInterestByName(interests, name) : undefined;
    if (named) return step.next(named.id);
    if (name) await step.context.sendActivity(`I couldn't find "${inlineText(name, INTEREST_LIMITS.displayNameMax)}" in your interests.${hidden}`);
    const choices = interests.map((interest) => ({ id: interest.id, name: interest.displayName ?? '' }));
    return step.beginDialog(PICK_INTEREST_DIALOG, { interests: choices, question: `${PICK_QUESTION}${hidden}`, ownerId: actorIdOf(step.context.activity) } satisfies PickInterestOptions);
  };

  private readonly askTags = async (step: TagStep): Promise<DialogTurnResult> => {
    const interest = pickedInterest(step, step.result);
    valuesOf(step).pickedId = interest.id;
    // Plain here: the card escapes the question, so `Guitar **bold**` shows as typed.
    const name = `"${plainText(interest.displayName, INTEREST_LIMITS.displayNameMax)}"`;
    const current = draftFromInterest(interest).collaborationTags;
    const now = current.length > 0 ? `${name} is tagged: ${collaborationTagLabels(current)}.` : `${name} has no tags yet.`;
    const lead = step.options.retry?.retryText ?? `${now} Which tags should it have?`;
    return step.prompt(TAGS_PROMPT, collaborationTagQuestion(lead, actorIdOf(step.context.activity), 'Save tags', current));
  };

  private readonly saveTags = async (step: TagStep): Promise<DialogTurnResult> => {
    const { context } = step;
    const interest = pickedInterest(step, valuesOf(step).pickedId);
    const collaborationTags = step.result as CollaborationTag[];
    const ownerId = actorIdOf(context.activity);
    // Only the tags differ from the stored draft, so the patch holds `collaborationTags` or nothing.
    const patch = diffInterest(interest, { ...draftFromInterest(interest), collaborationTags });
    if (isEmptyPatch(patch)) {
      await sendCard(context, renderInterestCard({ interest, ownerId, notice: TAGS_UNCHANGED_NOTICE, viewers: cardViewersFor(context.activity) }));
      return step.endDialog(interest);
    }
    // Busy, or sign-in needed (sign-in replays the answer): the dialog waits for the tags again.
    const askAgain = (retryText: string) => step.replaceDialog(STEPS, { retry: { interest, retryText } } satisfies TagDialogOptions);
    const token = await this.deps.graph.tokenFor(context, 'profile');
    if (!token.ok) return this.deps.graph.answerStep(context, token, askAgain);
    await sendTyping(context);
    try {
      const updated = await token.provided.profile.update(interest, patch);
      await sendCard(context, renderInterestCard({ interest: updated, ownerId, notice: TAGS_SAVED_NOTICE, viewers: cardViewersFor(context.activity) }));
      return step.endDialog(updated);
    } catch (error) {
      const report = expectedGraphFailure(error, this.deps.logger, 'Saving collaboration tags');
      if (isPassingFailure(error)) return askAgain(TAGS_BUSY_RETRY_TEXT);
      await context.sendActivity(report.userText);
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
