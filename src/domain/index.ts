/** The interests domain: rules about personInterest items, free of Bot Framework and HTTP. */
export {
  AUDIENCE_FLAGS,
  AUDIENCE_LABEL_KEYS,
  DEFAULT_AUDIENCE,
  SELECTABLE_AUDIENCES,
  describeAudience,
  parseAllowedAudiences,
  primaryAudience,
  type Audience,
} from './audiences';
export { COLLABORATION_TAGS, COLLABORATION_TAG_LABEL_KEYS, isCollaborationTag, type CollaborationTag } from './collaborationTags';
export { knownDate } from './knownDate';
export { diffInterest, isEmptyPatch } from './diffInterest';
export { draftFromInterest, findInterestByName } from './interestDraft';
export { LIST_PAGE_SIZE, pageOf, type Page } from './paging';
export { INTEREST_LIMITS, type InterestDraft, type InterestPatch, type PersonInterest } from './personInterest';
export { describeProvenance, type InterestOrigin, type Provenance } from './provenance';
export { fail, ok, type Result } from './result';
export { SHARED_AUDIENCES, interestsForSharedConversation, isVisibleToEveryoneIn, type SharedSelection } from './sharedConversation';
export {
  validateAudience,
  validateCategories,
  validateCollaborationTags,
  validateDescription,
  validateDisplayName,
  validateInterestInput,
  validateWebUrl,
  type FieldResult,
  type ValidationIssue,
} from './validateInterest';
