/**
 * Every word a user reads comes from a catalog (`src/i18n/catalogs/`): a string literal that reads like prose in a
 * folder whose words can reach a person, or a fixed word in a card template, fails here. Log lines, thrown errors
 * (they never reach the chat: the boundaries answer from the catalog) and the HTTP edge's refusal bodies are for
 * operators and stay English; so do the Graph, storage and edge folders and the configuration, which only ever
 * speak to logs and to the services they call.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ts from 'typescript';

const ROOT = path.join(__dirname, '..', '..');
const SRC = path.join(ROOT, 'src');
const CATALOGS = path.join(SRC, 'i18n', 'catalogs');

/** Prose: two words of letters with a space between, or a capitalized word alone ("Save", "Cancel"). */
const PROSE = /\p{L}{2,}[ \u00a0]+\p{L}{2,}|^\p{Lu}\p{Ll}+[.!?…:]?$/u;

/**
 * Literals that look like prose and are not: each with where it is and why it is no user text.
 */
const NOT_USER_TEXT: Readonly<Record<string, readonly string[]>> = {
  // A BCP 47 script code.
  'src/i18n/languages.ts': ['Hant'],
  // The pseudo-locale's padding: generated around catalog text, never instead of it.
  'src/i18n/pseudo.ts': [' ~ļōŕēḿ ïƥšūḿ đōļōŕ šïŧ àḿēŧ'],
  // Why a card payload was refused: logged; the person gets `cardAction.malformed`.
  'src/conversation/cardActionDefinition.ts': ['not an Action.Execute invoke', 'unknown verb "{}"', 'malformed data for {}: {}'],
  // Adaptive Card element types.
  'src/features/helpers/helpersCard.ts': ['Column', 'Container'],
  // The sign-in pages' markup; their words are `signInPage.*`.
  'src/auth/authPages.ts': [
    '<script src="{}"></script>',
    '<!doctype html><html lang="{}"><head><meta charset="utf-8"><title>{}</title></head><body{}><p id="status">{}</p>{}</body></html>',
  ],
  // Scopes of a development token.
  'src/auth/devToken.ts': ['User.Read User.ReadWrite'],
  // `failureDetail` of a token-exchange invoke response: read by the Teams client, which then shows the sign-in card.
  'src/auth/signInFlow.ts': [
    'The token exchange request had no token.',
    'The sign-in token was not issued for this user and app.',
    'The bot could not exchange the token; consent or interactive sign-in is needed.',
  ],
  // The HTTP body of a 500 on the edge.
  'src/errors/errorCatalogue.ts': ['Something went wrong.'],
  // botbuilder's own words for a lost storage race, matched by other code.
  'src/errors/storageWriteConflictError.ts': ['Storage: error writing "{}" due to eTag conflict.'],
};

const LOG_METHODS = new Set(['debug', 'info', 'warn', 'error', 'log']);

/** Folders (under `src/`) whose words can reach the chat, a card or the sign-in pages. */
const SPEAKING_FOLDERS = ['domain', 'i18n', 'cards', 'auth', 'conversation', 'features', 'app', 'errors'];

/** Calls whose text arguments are for operators: the edge's HTTP refusal bodies, log lines of failure boundaries, symbol names. */
const OPERATOR_CALLS = new Set(['httpRefusal', 'answerFailure', 'expectedGraphFailure', 'logFailureOnce', 'Symbol']);

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return full === CATALOGS ? [] : sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

/** Whether a literal sits where no user reads it: a log call, a thrown or constructed error, an import, a type. */
function isOperatorText(node: ts.Node): boolean {
  for (let current: ts.Node = node; current.parent !== undefined; current = current.parent) {
    const parent = current.parent;
    if (ts.isImportDeclaration(parent) || ts.isExportDeclaration(parent) || ts.isLiteralTypeNode(parent) || ts.isImportTypeNode(parent)) return true;
    if (ts.isThrowStatement(parent)) return true;
    if (ts.isNewExpression(parent) && /Error$/.test(parent.expression.getText())) return true;
    if (ts.isCallExpression(parent) && ts.isIdentifier(parent.expression) && OPERATOR_CALLS.has(parent.expression.text)) return true;
    if (ts.isCallExpression(parent) && ts.isPropertyAccessExpression(parent.expression) && LOG_METHODS.has(parent.expression.name.text) && current !== parent.expression) {
      return true;
    }
    // `logger[level](…)`: a log line whose level is chosen at run time.
    if (ts.isCallExpression(parent) && ts.isElementAccessExpression(parent.expression) && /logger/i.test(parent.expression.expression.getText()) && current !== parent.expression) {
      return true;
    }
    if (ts.isPropertyAssignment(parent) && parent.name === current) return true;
    if (ts.isElementAccessExpression(parent) && parent.argumentExpression === current) return true;
    if (ts.isFunctionLike(parent) || ts.isClassDeclaration(parent) || ts.isSourceFile(parent)) return false;
  }
  return false;
}

function literalTexts(node: ts.Node): string[] {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return [node.text];
  if (ts.isTemplateExpression(node)) return [node.head.text, ...node.templateSpans.map((span) => span.literal.text)];
  return [];
}

export function proseIn(file: string): string[] {
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    const texts = literalTexts(node);
    if (texts.length > 0 && !isOperatorText(node)) {
      // A template literal is read whole, its placeholders as words: `Showing ${first} of ${total}` is prose.
      const whole = texts.join('{}');
      if (/\p{L}{2,}/u.test(texts.join(' ')) && PROSE.test(whole.replaceAll('{}', 'xx').trim())) found.push(whole);
    }
    if (!ts.isTemplateExpression(node)) ts.forEachChild(node, visit);
    else node.templateSpans.forEach((span) => visit(span.expression));
  };
  visit(source);
  return found;
}

/** Card properties a user reads or hears. */
const CARD_WORD_PROPERTIES = new Set(['text', 'title', 'placeholder', 'label', 'errorMessage', 'altText', 'fallbackText', 'speak']);

export function fixedWordsIn(template: unknown, found: string[] = []): string[] {
  if (Array.isArray(template)) template.forEach((child) => fixedWordsIn(child, found));
  else if (template !== null && typeof template === 'object') {
    for (const [key, value] of Object.entries(template)) {
      if (typeof value === 'string' && CARD_WORD_PROPERTIES.has(key)) {
        // An example link (`https://…`) is the same in every language.
        const fixed = value.startsWith('@TEXT.') || /^https?:\/\//.test(value) ? '' : value.replace(/\$\{[^}]*\}/g, '');
        if (/\p{L}/u.test(fixed)) found.push(`${key}: ${value}`);
      } else fixedWordsIn(value, found);
    }
  }
  return found;
}

describe('words a user reads come from the catalogs', () => {
  it.each(SPEAKING_FOLDERS.flatMap((folder) => sourceFiles(path.join(SRC, folder))).map((file) => [path.relative(ROOT, file)]))('%s has no prose of its own', (file) => {
    const allowed = new Set(NOT_USER_TEXT[file] ?? []);
    expect(proseIn(path.join(ROOT, file)).filter((text) => !allowed.has(text))).toEqual([]);
  });

  it.each(fs.readdirSync(path.join(ROOT, 'cards')).map((name) => [name]))('cards/%s names its words by catalog key', (name) => {
    expect(fixedWordsIn(JSON.parse(fs.readFileSync(path.join(ROOT, 'cards', name), 'utf8')))).toEqual([]);
  });

  it('notices prose in a reply, a card and a template, and not in a log line or an error', () => {
    const sample = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'words-')), 'sample.ts');
    fs.writeFileSync(
      sample,
      [
        "await context.sendActivity('Your interest was saved.');",
        "const title = 'Cancel';",
        'const shown = `Showing ${first} of ${total}`;',
        "logger.warn('Graph refused the change', { status });",
        "throw new Error('card template did not expand');",
        "import x from 'some module';",
        "const id = 'interest.save';",
      ].join('\n'),
    );
    expect(proseIn(sample)).toEqual(['Your interest was saved.', 'Cancel', 'Showing {} of {}']);
    expect(fixedWordsIn({ body: [{ type: 'TextBlock', text: 'Suggested' }, { type: 'TextBlock', text: '${name}' }, { title: '@TEXT.card.next' }] })).toEqual([
      'text: Suggested',
    ]);
  });
});
