/**
 * The add dialog's questions, in the order it asks them, and its closing notice, as an English-speaking user reads
 * them. Tests that walk the dialog through a running bot match replies against these rather than restating the
 * catalog keys. The audience question names the audience the dialog offers by default (the whole organization).
 */
import { SOURCE_TEXT } from '../../src/i18n/text';

export const NAME_QUESTION = SOURCE_TEXT.t('addDialog.askName');
export const DESCRIPTION_QUESTION = SOURCE_TEXT.t('addDialog.askDescription');
export const CATEGORIES_QUESTION = SOURCE_TEXT.t('addDialog.askCategories');
export const TAGS_QUESTION = SOURCE_TEXT.t('addDialog.askTags');
export const AUDIENCE_QUESTION = SOURCE_TEXT.t('addDialog.askAudience', { audience: SOURCE_TEXT.t('audience.organization') });
export const LINK_QUESTION = SOURCE_TEXT.t('addDialog.askLink');
export const ADDED_NOTICE = SOURCE_TEXT.t('addDialog.added');
