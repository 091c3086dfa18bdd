// The quote-aware lexer that the command grammar and the filter grammar share: words, quoted
// phrases and (for filters) operators, with their positions in the text. Linear in the text.

/** One word of command text. `value` has its quotes removed; `raw` is the text as typed. */
export interface Token {
  value: string;
  raw: string;
  /** Whether any part of the word was quoted (so it is never a keyword). */
  quoted: boolean;
  /** Whether this is an operator (`=`, `!=`, `<`, `>`, …), only when lexing a filter. */
  operator: boolean;
  start: number;
  end: number;
}

export type LexResult = { ok: true; tokens: Token[] } | { ok: false; error: string };

const OPERATOR_AT = /^(?:!=|==|<=|>=|<>|=|<|>)/;

/**
 * Straightens smart quotes (Slack and phones type them) and odd spaces. Idempotent, so text
 * that was normalized once may be normalized again.
 */
export function normalizeQuotes(text: string): string {
  return text
    .replace(/[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/g, '"')
    .replace(/[\u2018\u2019\u201A\u201B\u2032]/g, "'")
    .replace(/[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000\t\r\n\f\v]/g, " ");
}

function isSpace(char: string): boolean {
  return char === " ";
}

/**
 * Splits normalized text into words, shell-like: double quotes group words (`list:"Spring
 * webinar"` is one word), single quotes only when they open a word and close one, so that
 * apostrophes (`O'Brien`) stay letters.
 */
export function lex(text: string, options: { operators?: boolean } = {}): LexResult {
  const tokens: Token[] = [];
  const operators = options.operators === true;
  const atOperator = (i: number): string | null => {
    if (!operators) return null;
    const match = OPERATOR_AT.exec(text.slice(i, i + 2));
    return match ? match[0] : null;
  };
  const endsWord = (i: number): boolean => i >= text.length || isSpace(text.charAt(i)) || atOperator(i) !== null;
  const closingQuotes = closingApostrophes(text, endsWord);

  let i = 0;
  while (i < text.length) {
    if (isSpace(text.charAt(i))) {
      i++;
      continue;
    }
    const op = atOperator(i);
    if (op !== null) {
      tokens.push({ value: op, raw: op, quoted: false, operator: true, start: i, end: i + op.length });
      i += op.length;
      continue;
    }
    const start = i;
    let value = "";
    let quoted = false;
    while (i < text.length && !isSpace(text.charAt(i)) && atOperator(i) === null) {
      const char = text.charAt(i);
      if (char === '"') {
        const close = text.indexOf('"', i + 1);
        if (close < 0) {
          return { ok: false, error: `The quote that opens ${shortQuote(text.slice(i))} is never closed.` };
        }
        value += text.slice(i + 1, close);
        quoted = true;
        i = close + 1;
        continue;
      }
      if (char === "'" && (i === start || text.charAt(i - 1) === ":")) {
        const close = closingQuotes[i + 1] ?? -1;
        if (close >= 0) {
          value += text.slice(i + 1, close);
          quoted = true;
          i = close + 1;
          continue;
        }
      }
      value += char;
      i++;
    }
    tokens.push({ value, raw: text.slice(start, i), quoted, operator: false, start, end: i });
  }
  return { ok: true, tokens };
}

/**
 * For every position p, the first apostrophe at or after p that ends a word (or -1), found in one
 * pass from the end: looking it up per opening quote keeps lexing linear however many `'x` words
 * the text has.
 */
function closingApostrophes(text: string, endsWord: (i: number) => boolean): Int32Array {
  const next = new Int32Array(text.length + 1).fill(-1);
  for (let p = text.length - 1; p >= 0; p--) {
    next[p] = text.charAt(p) === "'" && endsWord(p + 1) ? p : (next[p + 1] ?? -1);
  }
  return next;
}

function shortQuote(text: string): string {
  const shown = text.length > 30 ? `${text.slice(0, 27)}...` : text;
  return `\`${shown}\``;
}

/** Whether the token is the unquoted keyword `word` (case-insensitive). */
export function isKeyword(token: Token | undefined, ...words: string[]): boolean {
  if (token === undefined || token.quoted || token.operator) return false;
  return words.includes(token.value.toLowerCase());
}
