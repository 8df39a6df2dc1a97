import { COLLABORATION_TAGS } from '../domain/collaborationTags';
import { INTEREST_LIMITS, type InterestDraft } from '../domain/personInterest';
import { inputText, typedText } from './displayText';

/**
 * A draft as a card carries it, in inputs and in action data (edit, tag, add summary; never Undo, whose copy stays
 * server-side and whole): unsafe characters removed and every field within
 * INTEREST_LIMITS (counted as the domain counts), so the card stays small whatever Graph returned. The edit card shows exactly this draft and
 * sends it back as `before`, so a field the user leaves alone compares equal and is not written (an over-long
 * synced description stays intact unless the user edits it).
 */
export function boundedDraft(draft: InterestDraft): InterestDraft {
  return {
    displayName: inputText(draft.displayName, INTEREST_LIMITS.displayNameMax),
    description: emptyToNull(inputText(draft.description, INTEREST_LIMITS.descriptionMax)),
    categories: draft.categories
      .slice(0, INTEREST_LIMITS.categoriesMax)
      .map((category) => inputText(category, INTEREST_LIMITS.categoryMax))
      .filter((category) => category.trim() !== ''),
    collaborationTags: COLLABORATION_TAGS.filter((tag) => draft.collaborationTags.includes(tag)),
    allowedAudiences: draft.allowedAudiences,
    // The domain measures links in UTF-16 units, as URLs are usually ASCII.
    webUrl: emptyToNull(typedText(draft.webUrl, INTEREST_LIMITS.webUrlMax)),
  };
}

function emptyToNull(text: string): string | null {
  return text === '' ? null : text;
}
