import {
  DEFAULT_AUDIENCE,
  INTEREST_LIMITS,
  validateAudience,
  validateCategories,
  validateCollaborationTags,
  validateDescription,
  validateDisplayName,
  validateInterestInput,
  validateWebUrl,
  type FieldResult,
} from '../../src/domain';
import { SOURCE_TEXT } from '../../src/i18n/text';

const RTL = 'שחמט'; // Hebrew "chess"
const ARABIC = 'الشطرنج';
const EMOJI_FAMILY = '👨‍👩‍👧'; // joined with U+200D zero-width joiners
const ZALGO = 'Z\u0334\u0321\u032Aa\u0337l\u0338g\u0335o\u0336';
const DECOMPOSED_CAFE = 'Cafe\u0301';
const COMPOSED_CAFE = 'Caf\u00E9';

function okValue<T>(result: FieldResult<T>): T {
  if (!result.ok) throw new Error(`expected ok, got: ${result.error}`);
  return result.value;
}

function errorOf(result: FieldResult<unknown>): string {
  if (result.ok) throw new Error(`expected an error, got: ${JSON.stringify(result.value)}`);
  return SOURCE_TEXT.say(result.error);
}

describe('validateDisplayName', () => {
  it.each<[string, unknown, string]>([
    ['plain text', 'Chess', 'Chess'],
    ['surrounding whitespace', '  Chess \t', 'Chess'],
    ['inner whitespace runs and line breaks', 'Board \n\n  games', 'Board games'],
    ['a non-breaking space', 'Board\u00A0games', 'Board games'],
    ['right-to-left text', RTL, RTL],
    ['Arabic text', ARABIC, ARABIC],
    ['an emoji with zero-width joiners', `Family ${EMOJI_FAMILY}`, `Family ${EMOJI_FAMILY}`],
    ['a zero-width non-joiner (needed by Persian)', 'می\u200Cخواهم', 'می\u200Cخواهم'],
    ['combining marks', ZALGO, ZALGO],
    ['decomposed accents, composed to NFC', DECOMPOSED_CAFE, COMPOSED_CAFE],
    ['a template placeholder, stored as text', '${process.env.SECRET}', '${process.env.SECRET}'],
    ['markdown, stored as text', '**bold** [link](javascript:alert(1))', '**bold** [link](javascript:alert(1))'],
    ['HTML, stored as text', '<script>alert(1)</script>', '<script>alert(1)</script>'],
    ['a number', 42, '42'],
    ['exactly the maximum length', 'a'.repeat(INTEREST_LIMITS.displayNameMax), 'a'.repeat(INTEREST_LIMITS.displayNameMax)],
    ['the maximum length in emoji (counted once each)', '😀'.repeat(INTEREST_LIMITS.displayNameMax), '😀'.repeat(INTEREST_LIMITS.displayNameMax)],
  ])('accepts %s', (_label, input, expected) => {
    expect(okValue(validateDisplayName(input))).toBe(expected);
  });

  it.each<[string, unknown, string]>([
    ['an empty string', '', "The name can’t be empty."],
    ['whitespace only', ' \n\t ', "The name can’t be empty."],
    ['zero-width no-break space only (BOM)', '\uFEFF', "The name can’t be empty."],
    ['undefined', undefined, "The name can’t be empty."],
    ['null', null, "The name can’t be empty."],
    ['one character over the limit', 'a'.repeat(INTEREST_LIMITS.displayNameMax + 1), 'The name can be at most 100 characters.'],
    ['a very long string', 'x'.repeat(1_000_000), 'The name can be at most 100 characters.'],
    ['a NUL character', 'Chess\u0000', "The name contains characters that can’t be saved."],
    ['an escape sequence', '\u001B[31mRed', "The name contains characters that can’t be saved."],
    ['DEL', 'Chess\u007F', "The name contains characters that can’t be saved."],
    ['a C1 control character', 'Chess\u0085', "The name contains characters that can’t be saved."],
    ['a right-to-left override (Trojan Source)', 'Chess\u202Egnp.exe', "The name contains characters that can’t be saved."],
    ['an unpaired surrogate', 'Chess\uD800', "The name contains characters that can’t be saved."],
    ['an object', { text: 'Chess' }, 'The name must be text.'],
    ['an array', ['Chess'], 'The name must be text.'],
    ['a boolean', true, 'The name must be text.'],
  ])('rejects %s', (_label, input, message) => {
    expect(errorOf(validateDisplayName(input))).toBe(message);
  });
});

describe('validateDescription', () => {
  it.each<[string, unknown, string | null]>([
    ['plain text', 'Weekend club', 'Weekend club'],
    ['surrounding whitespace', '  Weekend club  ', 'Weekend club'],
    ['line breaks, kept and normalized to \\n', 'Line one\r\nLine two\rLine three', 'Line one\nLine two\nLine three'],
    ['tabs', 'a\tb', 'a\tb'],
    ['an empty string, as null', '', null],
    ['whitespace only, as null', '  \n ', null],
    ['undefined, as null', undefined, null],
    ['null, as null', null, null],
    ['right-to-left text', `${RTL} ${ARABIC}`, `${RTL} ${ARABIC}`],
    ['markdown, stored as text', '# Title\n- item', '# Title\n- item'],
    ['exactly the maximum length', 'd'.repeat(INTEREST_LIMITS.descriptionMax), 'd'.repeat(INTEREST_LIMITS.descriptionMax)],
  ])('accepts %s', (_label, input, expected) => {
    expect(okValue(validateDescription(input))).toBe(expected);
  });

  it.each<[string, unknown, string]>([
    ['one character over the limit', 'd'.repeat(INTEREST_LIMITS.descriptionMax + 1), 'The description can be at most 500 characters.'],
    ['a bell character', 'Ding\u0007', "The description contains characters that can’t be saved."],
    ['a vertical tab', 'a\u000Bb', "The description contains characters that can’t be saved."],
    ['a bidi embedding control', 'a\u202Bb', "The description contains characters that can’t be saved."],
    ['an object', {}, 'The description must be text.'],
  ])('rejects %s', (_label, input, message) => {
    expect(errorOf(validateDescription(input))).toBe(message);
  });
});

describe('validateCategories', () => {
  it.each<[string, unknown, string[]]>([
    ['an array', ['Sports', 'Outdoors'], ['Sports', 'Outdoors']],
    ['a comma-separated string', 'Sports, Outdoors', ['Sports', 'Outdoors']],
    ['full-width commas, as Chinese keyboards type them', '体育，户外', ['体育', '户外']],
    ['ideographic commas, as Japanese keyboards type them', 'スポーツ、アウトドア', ['スポーツ', 'アウトドア']],
    ['entries needing trimming', ['  Sports  ', ' Outdoors'], ['Sports', 'Outdoors']],
    ['empty entries, dropped', 'Sports,, ,Outdoors,', ['Sports', 'Outdoors']],
    ['repeats in another case, keeping the first spelling', ['Sports', 'SPORTS', 'sports ', 'Outdoors'], ['Sports', 'Outdoors']],
    ['repeats in another Unicode form', [DECOMPOSED_CAFE, COMPOSED_CAFE], [COMPOSED_CAFE]],
    ['array entries containing commas, kept whole', ['Food, drink'], ['Food, drink']],
    ['an empty string', '', []],
    ['undefined', undefined, []],
    ['null', null, []],
    ['an empty array', [], []],
    ['right-to-left and emoji entries', [RTL, '⚽ Football'], [RTL, '⚽ Football']],
    ['exactly the maximum count', Array.from({ length: INTEREST_LIMITS.categoriesMax }, (_, i) => `c${i}`), Array.from({ length: INTEREST_LIMITS.categoriesMax }, (_, i) => `c${i}`)],
    ['more entries than the maximum that collapse to the maximum', [...Array.from({ length: 10 }, (_, i) => `c${i}`), 'C0', 'c1 '], Array.from({ length: 10 }, (_, i) => `c${i}`)],
    ['an entry of exactly the maximum length', ['k'.repeat(INTEREST_LIMITS.categoryMax)], ['k'.repeat(INTEREST_LIMITS.categoryMax)]],
  ])('accepts %s', (_label, input, expected) => {
    expect(okValue(validateCategories(input))).toEqual(expected);
  });

  it.each<[string, unknown, string]>([
    ['more than the maximum count', Array.from({ length: INTEREST_LIMITS.categoriesMax + 1 }, (_, i) => `c${i}`), 'You can add at most 10 categories.'],
    ['an entry over the maximum length', ['k'.repeat(INTEREST_LIMITS.categoryMax + 1)], 'Each category can be at most 50 characters.'],
    ['a control character in an entry', 'Sports, Out\u0000doors', "A category contains characters that can’t be saved."],
    ['a non-string entry', ['Sports', 3], 'Categories must be text.'],
    ['an object', { a: 1 }, 'Categories must be text.'],
  ])('rejects %s', (_label, input, message) => {
    expect(errorOf(validateCategories(input))).toBe(message);
  });
});

describe('validateCollaborationTags', () => {
  it.each<[string, unknown, string[]]>([
    ['tag ids in an array', ['askMeAbout', 'wantsToLearn'], ['askMeAbout', 'wantsToLearn']],
    ['a comma-separated string of ids (Adaptive Card multi-select)', 'wantsToLearn,askMeAbout', ['askMeAbout', 'wantsToLearn']],
    ['ids in another case', 'ASKMEABOUT, abletomentor', ['askMeAbout', 'ableToMentor']],
    ['labels in any case', 'ask me about, CAN MENTOR', ['askMeAbout', 'ableToMentor']],
    ['labels with extra whitespace', ['  Wants   to improve '], ['wantsToImprove']],
    ['repeats, de-duplicated', ['askMeAbout', 'Ask me about', 'askmeabout'], ['askMeAbout']],
    ['every tag, in offered order', 'wantsToImprove, wantsToLearn, ableToMentor, askMeAbout', ['askMeAbout', 'ableToMentor', 'wantsToLearn', 'wantsToImprove']],
    ['empty entries, dropped', 'askMeAbout,,', ['askMeAbout']],
    ['an empty string', '', []],
    ['undefined', undefined, []],
    ['an empty array', [], []],
  ])('accepts %s', (_label, input, expected) => {
    expect(okValue(validateCollaborationTags(input))).toEqual(expected);
  });

  const unknownTag = 'Unknown tag. Choose from: Ask me about, Can mentor, Wants to learn, Wants to improve.';
  it.each<[string, unknown, string]>([
    ['an unknown tag', 'askMeAnything', unknownTag],
    ['one unknown tag among known ones', ['askMeAbout', 'expertIn'], unknownTag],
    ['a template placeholder', '${askMeAbout}', unknownTag],
    ['a tag hidden behind a zero-width space', 'ask\u200BMeAbout', unknownTag],
    ['a non-string entry', [1], 'Tags must be text.'],
  ])('rejects %s', (_label, input, message) => {
    expect(errorOf(validateCollaborationTags(input))).toBe(message);
  });
});

describe('validateAudience', () => {
  it.each<[string, unknown, string]>([
    ['a name', 'contacts', 'contacts'],
    ['a name in another case', 'GroupMembers', 'groupMembers'],
    ['a label', 'My organization', 'organization'],
    ['a label in another case with spaces', '  only ME ', 'me'],
    ['everyone', 'Everyone', 'everyone'],
    ['federated organizations by label', 'federated organizations', 'federatedOrganizations'],
    ['family, not offered but kept when a synced item is saved unchanged', 'family', 'family'],
    ['an empty string, as the default', '', DEFAULT_AUDIENCE],
    ['undefined, as the default', undefined, DEFAULT_AUDIENCE],
  ])('accepts %s', (_label, input, expected) => {
    expect(okValue(validateAudience(input))).toBe(expected);
  });

  const chooseAudience = 'Choose who can see it: Only me, My contacts, Group members, My organization, Federated organizations, Everyone.';
  it.each<[string, unknown, string]>([
    ['an unknown audience', 'friends', chooseAudience],
    ['unknownFutureValue, which is never written', 'unknownFutureValue', chooseAudience],
    ['a numeric flags value, which people never type', '8', chooseAudience],
    ['a comma list', 'contacts, organization', chooseAudience],
    ['an object', { audience: 'me' }, 'The audience must be text.'],
  ])('rejects %s', (_label, input, message) => {
    expect(errorOf(validateAudience(input))).toBe(message);
  });
});

describe('validateWebUrl', () => {
  it.each<[string, unknown, string | null]>([
    ['an https link', 'https://www.chelseafc.com', 'https://www.chelseafc.com'],
    ['an http link with path, query and fragment', 'http://example.com/a/b?c=d#e', 'http://example.com/a/b?c=d#e'],
    ['an upper-case scheme', 'HTTPS://EXAMPLE.COM', 'HTTPS://EXAMPLE.COM'],
    ['surrounding whitespace, trimmed', '  https://example.com  ', 'https://example.com'],
    ['an internationalized domain and path', 'https://例え.jp/パス', 'https://例え.jp/パス'],
    ['a port', 'https://example.com:8443/x', 'https://example.com:8443/x'],
    ['an empty string, as null', '', null],
    ['whitespace only, as null', '   ', null],
    ['undefined, as null', undefined, null],
    ['exactly the maximum length', `https://example.com/${'a'.repeat(INTEREST_LIMITS.webUrlMax - 20)}`, `https://example.com/${'a'.repeat(INTEREST_LIMITS.webUrlMax - 20)}`],
  ])('accepts %s', (_label, input, expected) => {
    expect(okValue(validateWebUrl(input))).toBe(expected);
  });

  const needsScheme = 'The link must start with http:// or https://.';
  it.each<[string, unknown, string]>([
    ['a javascript: URL', 'javascript:alert(1)', needsScheme],
    ['a javascript: URL in mixed case', 'JaVaScRiPt:alert(1)', needsScheme],
    ['a data: URL', 'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==', needsScheme],
    ['a vbscript: URL', 'vbscript:msgbox(1)', needsScheme],
    ['a file: URL', 'file:///etc/passwd', needsScheme],
    ['an ftp: URL', 'ftp://example.com', needsScheme],
    ['a mailto: URL', 'mailto:someone@example.com', needsScheme],
    ['a relative path', '/interests/chess', needsScheme],
    ['a scheme-relative URL', '//example.com', needsScheme],
    ['a bare domain', 'www.example.com', needsScheme],
    ['a scheme with one slash', 'https:/example.com', needsScheme],
    ['a space inside', 'https://example.com/my page', "The link can’t contain spaces."],
    ['a tab inside', 'https://exa\tmple.com', "The link can’t contain spaces."],
    ['a line break inside', 'https://example.com/\njavascript:alert(1)', "The link can’t contain spaces."],
    ['a control character', 'https://example.com/\u0000', "The link contains characters that can’t be saved."],
    ['a scheme only', 'https://', "That doesn’t look like a valid link."],
    ['an invalid host', 'http://exa[mple.com', "That doesn’t look like a valid link."],
    ['credentials', 'https://user:secret@example.com', "The link can’t contain a user name or password."],
    ['one character over the limit', `https://example.com/${'a'.repeat(INTEREST_LIMITS.webUrlMax - 19)}`, 'The link can be at most 2,048 characters.'],
    ['a non-string', { href: 'https://example.com' }, 'The link must be text.'],
  ])('rejects %s', (_label, input, message) => {
    expect(errorOf(validateWebUrl(input))).toBe(message);
  });
});

describe('validateInterestInput', () => {
  it('returns the cleaned draft for loose chat and card values', () => {
    const result = validateInterestInput({
      displayName: '  Chess  ',
      description: '',
      categories: 'Games, games, Strategy',
      collaborationTags: 'wantsToLearn,Ask me about',
      allowedAudiences: 'My contacts',
      webUrl: ' https://lichess.org ',
      unrelated: 'ignored',
    });
    expect(result).toEqual({
      ok: true,
      value: {
        displayName: 'Chess',
        description: null,
        categories: ['Games', 'Strategy'],
        collaborationTags: ['askMeAbout', 'wantsToLearn'],
        allowedAudiences: 'contacts',
        webUrl: 'https://lichess.org',
      },
    });
  });

  it('fills defaults when only a name is given', () => {
    expect(validateInterestInput({ displayName: 'Chess' })).toEqual({
      ok: true,
      value: { displayName: 'Chess', description: null, categories: [], collaborationTags: [], allowedAudiences: DEFAULT_AUDIENCE, webUrl: null },
    });
  });

  it('reports every invalid field, in form order, with the per-field messages', () => {
    const result = validateInterestInput({
      displayName: '   ',
      description: 'ok',
      categories: ['x'.repeat(51)],
      collaborationTags: 'bogus',
      allowedAudiences: 'nobody',
      webUrl: 'javascript:alert(document.cookie)',
    });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.map(({ field, message }) => ({ field, message: SOURCE_TEXT.say(message) }))).toEqual([
      { field: 'displayName', message: "The name can’t be empty." },
      { field: 'categories', message: 'Each category can be at most 50 characters.' },
      { field: 'collaborationTags', message: 'Unknown tag. Choose from: Ask me about, Can mentor, Wants to learn, Wants to improve.' },
      { field: 'allowedAudiences', message: expect.stringContaining('Choose who can see it') },
      { field: 'webUrl', message: 'The link must start with http:// or https://.' },
    ]);
  });

  it.each<[string, unknown]>([
    ['undefined', undefined],
    ['null', null],
    ['a string', 'Chess'],
    ['an array', ['Chess']],
  ])('treats %s as an empty form', (_label, input) => {
    expect(validateInterestInput(input)).toEqual({ ok: false, error: [{ field: 'displayName', message: { key: 'validation.name.empty' } }] });
  });
});
