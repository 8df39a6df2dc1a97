import template from '../../cards/edit.json';
import { AUDIENCE_LABELS, SELECTABLE_AUDIENCES, type Audience } from '../domain/audiences';
import { COLLABORATION_TAG_LABELS, COLLABORATION_TAGS } from '../domain/collaborationTags';
import { draftFromInterest } from '../domain/interestDraft';
import { INTEREST_LIMITS, type InterestDraft, type PersonInterest } from '../domain/personInterest';
import type { ValidationIssue } from '../domain/validateInterest';
import { boundedDraft } from './boundedDraft';
import { EDIT_INPUT_IDS, type CARD_VERBS, type CardActionData, type EditField, type EditFormValues } from './cardActions';
import { defineCardTemplate, type AdaptiveCard } from './cardTemplate';
import { blockText, inputText } from './displayText';
import { DISPLAY_LIMITS, displayName } from './interestView';

export interface EditCardData {
  interest: PersonInterest;
  ownerId: string;
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

interface EditCardView extends CardActionData<typeof CARD_VERBS.saveInterest> {
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
// Choice values are short ids; anything longer in submitted values is not a choice anyway.
const CHOICE_INPUT_MAX = 200;

const INPUT_LIMITS: Record<EditField, number> = {
  displayName: INTEREST_LIMITS.displayNameMax,
  description: INTEREST_LIMITS.descriptionMax,
  categories: CATEGORIES_INPUT_MAX,
  collaborationTags: CHOICE_INPUT_MAX,
  allowedAudiences: CHOICE_INPUT_MAX,
  webUrl: INTEREST_LIMITS.webUrlMax,
};

/** Shown by the card itself when an input fails its own checks, before anything is sent. */
const INPUT_MESSAGES: EditCardView['messages'] = {
  displayName: `Enter a name of up to ${INTEREST_LIMITS.displayNameMax} characters.`,
  description: `The description can be at most ${INTEREST_LIMITS.descriptionMax} characters.`,
  categories: `Enter up to ${INTEREST_LIMITS.categoriesMax} categories, separated by commas.`,
  allowedAudiences: 'Choose who can see this interest.',
  webUrl: 'Enter a link that starts with http:// or https://.',
};

const TAG_CHOICES: Choice[] = COLLABORATION_TAGS.map((tag) => ({ title: COLLABORATION_TAG_LABELS[tag], value: tag }));

const expand = defineCardTemplate<EditCardView>(template);

/** The edit form: every writable field prefilled, with Save (sends the draft shown as `before`) and Cancel. */
export function renderEditCard({ interest, ownerId, errors = [], values = {} }: EditCardData): AdaptiveCard {
  const before = boundedDraft(draftFromInterest(interest));
  const shown = inputValues(before);
  const typed = Object.fromEntries(
    EDIT_INPUT_IDS.flatMap((field) => {
      const value = values[field];
      return value === undefined ? [] : [[field, inputText(value, INPUT_LIMITS[field])]];
    }),
  );
  const fieldErrors = errorsByField(errors);
  return expand({
    ownerId,
    interestId: interest.id ?? '',
    before,
    title: displayName(before.displayName),
    values: { ...shown, ...typed },
    limits: {
      displayName: INPUT_LIMITS.displayName,
      description: INPUT_LIMITS.description,
      categories: INPUT_LIMITS.categories,
      webUrl: INPUT_LIMITS.webUrl,
    },
    messages: INPUT_MESSAGES,
    hasErrors: errors.length > 0,
    errors: fieldErrors,
    tagChoices: TAG_CHOICES,
    audienceChoices: audienceChoices(before.allowedAudiences),
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

/** The offered audiences, plus the current one when Graph holds one the bot doesn't offer, so the picker isn't blank. */
function audienceChoices(current: Audience): Choice[] {
  const audiences: readonly Audience[] = (SELECTABLE_AUDIENCES as readonly Audience[]).includes(current)
    ? SELECTABLE_AUDIENCES
    : [...SELECTABLE_AUDIENCES, current];
  return audiences.map((audience) => ({ title: AUDIENCE_LABELS[audience], value: audience }));
}

function errorsByField(issues: readonly ValidationIssue[]): FieldErrors {
  const messages = {} as Record<EditField, string>;
  for (const field of EDIT_INPUT_IDS) {
    const issue = issues.find((candidate) => candidate.field === field);
    messages[field] = blockText(issue?.message, DISPLAY_LIMITS.message);
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
