import template from '../../../../cards/edit.json';
import { AUDIENCE_LABEL_KEYS, SELECTABLE_AUDIENCES, type Audience } from '../../../domain/audiences';
import { COLLABORATION_TAG_LABEL_KEYS, COLLABORATION_TAGS } from '../../../domain/collaborationTags';
import { draftFromInterest } from '../../../domain/interestDraft';
import { INTEREST_LIMITS, type InterestDraft, type PersonInterest } from '../../../domain/personInterest';
import type { ValidationIssue } from '../../../domain/validateInterest';
import type { Text } from '../../../i18n/text';
import { boundedDraft } from '../../../cards/boundedDraft';
import type { CardActionData } from '../../../conversation/cardActionDefinition';
import { CANCEL, EDIT_INPUT_IDS, SAVE_INTEREST, type EditField, type EditFormValues } from '../cardActions';
import { isVisibleToEveryoneIn } from '../../../domain/sharedConversation';
import { renderPrivateInterestCard } from './privateInterestCard';
import { isSharedView, OWNER_ONLY, type Viewers } from '../../../cards/sharedView';
import { defineCardTemplate, type AdaptiveCard } from '../../../cards/cardTemplate';
import { blockText, typedText } from '../../../cards/displayText';
import { displayName } from '../../../cards/interestView';

export interface EditCardData {
  interest: PersonInterest;
  ownerId: string;
  /** Who reads the card; in a group chat or channel a private interest is replaced by a placeholder. */
  viewers?: Viewers;
  /** Problems found when the submitted form was validated, shown under their fields. */
  errors?: readonly ValidationIssue[];
  /** What the user typed, shown instead of the stored values (kept when server-side validation fails). */
  values?: EditFormValues;
}

interface Choice {
  title: string;
  value: string;
}

type FieldErrors = { [F in EditField]: string } & { [F in EditField as `has${Capitalize<F>}`]: boolean };

interface EditCardView extends CardActionData<typeof SAVE_INTEREST, EditField> {
  title: string;
  values: Record<EditField, string>;
  limits: Record<Exclude<EditField, 'collaborationTags' | 'allowedAudiences'>, number>;
  messages: Record<Exclude<EditField, 'collaborationTags'>, string>;
  hasErrors: boolean;
  errors: FieldErrors;
  tagChoices: Choice[];
  audienceChoices: Choice[];
}

/** Room for the most categories at the longest length, with ", " between them. */
const CATEGORIES_INPUT_MAX = INTEREST_LIMITS.categoriesMax * (INTEREST_LIMITS.categoryMax + 2);
/** `maxLength` of the text inputs (the client counts UTF-16 units). */
const INPUT_LIMITS = {
  displayName: INTEREST_LIMITS.displayNameMax,
  description: INTEREST_LIMITS.descriptionMax,
  categories: CATEGORIES_INPUT_MAX,
  webUrl: INTEREST_LIMITS.webUrlMax,
} as const;

/** Validation messages are the domain’s short sentences; the cap only bounds the card. */
const ERROR_MESSAGE_MAX = 150;

/** Shown by the card itself when an input fails its own checks, before anything is sent. */
function inputMessages(text: Text): EditCardView['messages'] {
  return {
    displayName: text.t('editCard.name.error', { max: INTEREST_LIMITS.displayNameMax }),
    description: text.t('editCard.description.error', { max: INTEREST_LIMITS.descriptionMax }),
    categories: text.t('editCard.categories.error', { max: INTEREST_LIMITS.categoriesMax }),
    allowedAudiences: text.t('editCard.audience.error'),
    webUrl: text.t('editCard.link.error'),
  };
}

function tagChoices(text: Text): Choice[] {
  return COLLABORATION_TAGS.map((tag) => ({ title: text.t(COLLABORATION_TAG_LABEL_KEYS[tag]), value: tag }));
}

/**
 * The template asks Teams for a full-width card (`msteams.width: "Full"`): a description of up to 500 characters
 * and a link are typed into it, and its labels wrap less. After a Save the form refused, its first line says so
 * ("Please fix the fields marked below."), above the title, so it is what a screen reader reads first.
 */
const expand = defineCardTemplate<EditCardView>(template, { saveInterest: SAVE_INTEREST, cancel: CANCEL });

/** The edit form: every writable field prefilled, with Save (sends the draft shown as `before`) and Cancel. */
export function renderEditCard(text: Text, { interest, ownerId, errors = [], values = {}, viewers = OWNER_ONLY }: EditCardData): AdaptiveCard {
  if (isSharedView(viewers) && !isVisibleToEveryoneIn(interest)) return renderPrivateInterestCard(text, { interest, ownerId, viewers });
  const before = boundedDraft(draftFromInterest(interest));
  const shown = inputValues(before);
  const choices = audienceChoices(text, before.allowedAudiences);
  return expand(text, {
    ownerId,
    interestId: interest.id ?? '',
    before,
    title: text.t('editCard.title', { name: displayName(text, before.displayName) }),
    values: { ...shown, ...typedValues(values, choices) },
    limits: INPUT_LIMITS,
    messages: inputMessages(text),
    hasErrors: errors.length > 0,
    errors: errorsByField(text, errors),
    tagChoices: tagChoices(text),
    audienceChoices: choices,
  });
}

/** The draft as the inputs hold it: text, with lists joined the way the inputs submit them. */
function inputValues(draft: InterestDraft): Record<EditField, string> {
  return {
    displayName: draft.displayName,
    description: draft.description ?? '',
    categories: draft.categories.join(', '),
    collaborationTags: draft.collaborationTags.join(','),
    allowedAudiences: draft.allowedAudiences,
    webUrl: draft.webUrl ?? '',
  };
}

/**
 * What the user typed, capped as the inputs cap typing, so a forged submission can't grow the card. Choice sets
 * keep only values they offer.
 */
function typedValues(values: EditFormValues, audiences: readonly Choice[]): Partial<Record<EditField, string>> {
  const typed: Partial<Record<EditField, string>> = {};
  for (const field of ['displayName', 'description', 'categories', 'webUrl'] as const) {
    const value = values[field];
    if (value !== undefined) typed[field] = typedText(value, INPUT_LIMITS[field]);
  }
  if (values.collaborationTags !== undefined) {
    const chosen = values.collaborationTags.split(',').map((part) => part.trim());
    typed.collaborationTags = COLLABORATION_TAGS.filter((tag) => chosen.includes(tag)).join(',');
  }
  const audience = values.allowedAudiences?.trim();
  if (audiences.some((choice) => choice.value === audience)) typed.allowedAudiences = audience;
  return typed;
}

/** The offered audiences, plus the current one when Graph holds one the bot doesn't offer, so the picker isn't blank. */
function audienceChoices(text: Text, current: Audience): Choice[] {
  const audiences: readonly Audience[] = (SELECTABLE_AUDIENCES as readonly Audience[]).includes(current)
    ? SELECTABLE_AUDIENCES
    : [...SELECTABLE_AUDIENCES, current];
  return audiences.map((audience) => ({ title: text.t(AUDIENCE_LABEL_KEYS[audience]), value: audience }));
}

function errorsByField(text: Text, issues: readonly ValidationIssue[]): FieldErrors {
  const messages = {} as Record<EditField, string>;
  for (const field of EDIT_INPUT_IDS) {
    const issue = issues.find((candidate) => candidate.field === field);
    messages[field] = issue === undefined ? '' : blockText(text.say(issue.message), ERROR_MESSAGE_MAX);
  }
  return {
    ...messages,
    hasDisplayName: messages.displayName !== '',
    hasDescription: messages.description !== '',
    hasCategories: messages.categories !== '',
    hasCollaborationTags: messages.collaborationTags !== '',
    hasAllowedAudiences: messages.allowedAudiences !== '',
    hasWebUrl: messages.webUrl !== '',
  };
}
