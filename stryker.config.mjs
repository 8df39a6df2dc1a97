import process from 'node:process';

// Mutation testing (StrykerJS) for the modules that hold guarantees. On demand only: `npm run mutate`, or one
// group with `MUTATION_GROUP=once npm run mutate`. Not part of `npm test` or CI. Groups and scores: docs/mutation-testing.md.
const GROUPS = {
  once: {
    mutate: ['src/storage/once.ts', 'src/storage/onceKinds.ts', 'src/storage/expirySweep.ts', 'src/storage/sweepingMemoryStorage.ts'],
    // The memory-store tests: fast enough for one run per mutant. The same contract runs on Azurite in onceBlob.test.ts.
    tests: ['test/storage/once.test.ts'],
  },
  undo: {
    mutate: ['src/features/interests/undoSnapshots.ts', 'src/graph/interestCopyBody.ts', 'src/features/interests/changeActions.ts'],
    tests: ['test/bot/undoAndSuggestions.test.ts', 'test/bot/cardActions.test.ts', 'test/bot/undoSnapshots.test.ts'],
  },
  diff: {
    mutate: ['src/domain/diffInterest.ts'],
    tests: ['test/domain/diffInterest.test.ts'],
  },
  signIn: {
    mutate: ['src/auth/ssoToken.ts', 'src/auth/tokenExchangeDedupe.ts'],
    tests: ['test/auth/ssoToken.test.ts', 'test/auth/ssoSignIn.test.ts'],
  },
  graphRetry: {
    mutate: ['src/graph/middleware/boundedRetryHandler.ts', 'src/graph/retryAfter.ts'],
    tests: ['test/graph/interestsClient.resilience.test.ts', 'test/graph/retryAfter.test.ts', 'test/graph/boundedRetryHandler.test.ts'],
  },
  concurrency: {
    mutate: ['src/storage/concurrencyRetryMiddleware.ts', 'src/storage/conditionalBotState.ts', 'src/errors/storageWriteConflictError.ts'],
    tests: ['test/storage/concurrencyRetryMiddleware.test.ts', 'test/storage/conditionalBotState.test.ts', 'test/storage/storageWriteConflict.test.ts'],
  },
  persistence: {
    mutate: ['profileService/atomicJsonFile.ts'],
    tests: ['test/profileService/persistence.test.ts'],
  },
  privacy: {
    mutate: [
      'src/domain/sharedConversation.ts',
      'src/domain/audiences.ts',
      'src/cards/sharedView.ts',
      'src/app/handleCardAction.ts',
      'src/features/interests/ownerViewAction.ts',
    ],
    tests: [
      'test/domain/sharedConversation.test.ts',
      'test/domain/audiences.test.ts',
      'test/cards/sharedView.test.ts',
      'test/bot/sharedConversations.test.ts',
      'test/bot/ownerView.test.ts',
      'test/bot/cardActions.test.ts',
      'test/bot/welcomeAndErrors.test.ts',
    ],
  },
  wire: {
    mutate: ['src/graph/personInterestWire.ts', 'src/graph/wire/declaredProperties.ts', 'src/graph/wire/personInterestSchemas.ts'],
    tests: ['test/graph/personInterestWire.test.ts', 'test/graph/declaredProperties.test.ts', 'test/graph/wireChecks.test.ts'],
  },
  templates: {
    mutate: ['src/cards/cardTemplate.ts', 'src/cards/expansionShapes.ts'],
    tests: ['test/cards/cardTemplate.test.ts', 'test/cards/expansionShapes.test.ts', 'test/cards/interestCard.test.ts', 'test/cards/listCard.test.ts'],
  },
  messages: {
    mutate: ['src/i18n/compiledMessage.ts'],
    tests: ['test/i18n/compiledMessage.test.ts'],
  },
  tokenCache: {
    mutate: ['src/storage/msalCachePlugin.ts', 'src/storage/conditionalReads.ts', 'src/auth/graphTokenService.ts'],
    tests: ['test/storage/msalCachePlugin.test.ts', 'test/auth/graphTokenService.test.ts', 'test/storage/blobStorage.test.ts'],
  },
  ingress: {
    mutate: ['src/edge/botFrameworkAuthentication.ts'],
    tests: ['test/auth/inboundAuth.test.ts', 'test/bot/connectorReuse.test.ts'],
  },
};

const name = process.env.MUTATION_GROUP ?? 'once';
const group = GROUPS[name];
if (!group) throw new Error(`MUTATION_GROUP must be one of: ${Object.keys(GROUPS).join(', ')}`);

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'jest',
  checkers: ['typescript'],
  tsconfigFile: 'tsconfig.json',
  mutate: group.mutate,
  jest: {
    projectType: 'custom',
    configFile: 'jest.config.js',
    config: { testMatch: group.tests.map((path) => `<rootDir>/${path}`) },
    enableFindRelatedTests: false,
  },
  coverageAnalysis: 'perTest',
  // Two cores, shared: one test process at a time keeps the servers the tests start from competing.
  concurrency: 1,
  timeoutMS: 60_000,
  // A group that would not finish within the budget is cut short and says which mutants it left out.
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: `reports/mutation/${name}.html` },
  jsonReporter: { fileName: `reports/mutation/${name}.json` },
  // Type checks are switched off only where mutants live: the generated wire checks and the test that compares them
  // with a fresh generation must stay byte for byte as committed.
  disableTypeChecks: '{src,profileService}/**/!(*.generated).ts',
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
