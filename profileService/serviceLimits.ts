/**
 * Server-side bounds so the service never stores unbounded data. Graph documents none; these sit well above the
 * bot's own INTEREST_LIMITS (4x) so the bot's validation, not this service, is what users meet.
 */
export const SERVICE_LIMITS = Object.freeze({
  displayNameMax: 400,
  descriptionMax: 2000,
  categoryMax: 200,
  categoriesMax: 40,
  collaborationTagsMax: 16,
  webUrlMax: 8192,
  sourceTypesMax: 10,
  sourceTypeMax: 100,
  interestsPerUser: 1000,
  defaultMaxBodyBytes: 128 * 1024,
});
