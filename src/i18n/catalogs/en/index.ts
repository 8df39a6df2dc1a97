/**
 * English, the source language: every message the bot shows, by area. Other languages translate these keys
 * (`../<language>.ts`); no user-facing words live anywhere else in `src/` or `cards/`.
 */
import { bulkAddMessages } from './bulkAdd';
import { cardMessages } from './cards';
import { conversationMessages } from './conversation';
import { domainMessages } from './domain';
import { helperMessages } from './helpers';
import { interestMessages } from './interests';
import { manifestMessages } from './manifest';
import { promptCardMessages } from './promptCards';
import { wordMessages } from './words';

/** Each area's keys are prefixed with its own names, so no two areas share a key (a test checks). */
export const EN_AREAS = { cardMessages, promptCardMessages, conversationMessages, domainMessages, interestMessages, bulkAddMessages, helperMessages, wordMessages, manifestMessages } as const;

export const en = {
  ...cardMessages,
  ...promptCardMessages,
  ...conversationMessages,
  ...domainMessages,
  ...interestMessages,
  ...bulkAddMessages,
  ...helperMessages,
  ...wordMessages,
  ...manifestMessages,
} as const;
