/** The words people type, with the shipped German catalog (see `typedWordsSuite.ts`). */
import { describeTypedWords } from './typedWordsSuite';

describeTypedWords('typed words with the shipped German catalog');
