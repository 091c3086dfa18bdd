// Reading a CSV file in constant memory: bytes → UTF-8 text (checked up front) → physical lines
// (an overlong one replaced by a marker) → records (Papa Parse, one record held at a time),
// each numbered by the line it starts on; and the cap on the bytes of a download.
import type { Readable } from "node:stream";
import Papa from "papaparse";
import { ImportFileError } from "./errors.ts";

/** Longest line accepted; longer ones are rejected by line number (the rest of the file goes on). */
export const MAX_LINE_CHARS = 1_000_000;
/** A record (with quoted newlines) longer than this means a quote that never closes: the import stops. */
const MAX_RECORD_CHARS = 4_000_000;

/** What guardLines puts in place of a line over MAX_LINE_CHARS; readRow rejects the record holding it. */
export const OVERSIZED = "\u0001tierkeeper:line-too-long\u0001";
/** What the decoder makes of bytes that are not UTF-8. */
export const BAD_UTF8 = "\uFFFD";
/** What a row can't be stored with: the OVERSIZED marker, BAD_UTF8, and NUL (Postgres text refuses it). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: NUL and the U+0001 of OVERSIZED are what it looks for.
export const UNSTORABLE = /[\u0000\u0001\uFFFD]/;

// Decoding: UTF-8 only, checked up front; a UTF-8 BOM is dropped by TextDecoder.

export async function* decodeUtf8(
  input: AsyncIterable<unknown>,
  progress: (bytes: number) => void,
): AsyncGenerator<string> {
  const decoder = new TextDecoder("utf-8");
  let first = true;
  for await (const chunk of input) {
    const buf = typeof chunk === "string" ? Buffer.from(chunk, "utf8") : Buffer.from(chunk as Uint8Array);
    if (first && buf.length > 0) {
      first = false;
      checkEncoding(buf);
    }
    progress(buf.length);
    const text = decoder.decode(buf, { stream: true });
    if (text) yield text;
  }
  const rest = decoder.decode();
  if (rest) yield rest;
}

/** Fails clearly on UTF-16/32 files and on files that aren't UTF-8 from the start (e.g. Windows-1252). */
function checkEncoding(head: Buffer): void {
  const utf16 =
    (head[0] === 0xff && head[1] === 0xfe) ||
    (head[0] === 0xfe && head[1] === 0xff) ||
    head.subarray(0, 512).filter((b) => b === 0).length > 0;
  if (utf16) {
    throw new ImportFileError(
      "The file is UTF-16 (or another encoding with zero bytes), not UTF-8. Save it as “CSV UTF-8” and import it again; nothing was imported.",
    );
  }
  try {
    // A chunk may end inside a character: streaming mode only throws on bytes that can never be valid.
    new TextDecoder("utf-8", { fatal: true }).decode(head.subarray(0, 65_536), { stream: true });
  } catch {
    throw new ImportFileError(
      "The file is not UTF-8 (it looks like Windows-1252 or Latin-1). Save it as “CSV UTF-8” and import it again; nothing was imported.",
    );
  }
}

/**
 * Replaces every physical line longer than `max` characters by a marker, holding at most one
 * line in memory, so a 10 MB line is rejected by number and the rest of the file still imports.
 */
export async function* guardLines(chunks: AsyncIterable<string>, max: number): AsyncGenerator<string> {
  let current = "";
  let oversized = false;
  for await (const chunk of chunks) {
    let out = "";
    let start = 0;
    while (start < chunk.length) {
      const nl = chunk.indexOf("\n", start);
      const end = nl < 0 ? chunk.length : nl + 1;
      if (!oversized) {
        current += chunk.slice(start, end);
        if (current.length > max + 2) {
          oversized = true;
          current = "";
        }
      }
      if (nl >= 0) {
        // CRLF becomes LF: records are split on LF, and line numbers count LFs (quoted ones too).
        out += oversized ? `${OVERSIZED}\n` : current.endsWith("\r\n") ? `${current.slice(0, -2)}\n` : current;
        current = "";
        oversized = false;
      }
      start = end;
    }
    if (out) yield out;
  }
  if (oversized) yield OVERSIZED;
  else if (current) yield current;
}

// Parsing: Papa Parse's core parser, fed chunk by chunk, so only one record is ever held.

export interface CsvRow {
  /** The physical line the record starts on (1-based; quoted newlines make a record span lines). */
  line: number;
  fields: string[];
  /** Lines after `line` the record took because a quote opened on it was never closed. */
  unclosedQuote?: number;
}

const QUOTE_ERRORS_IGNORED = new Set(["InvalidQuotes"]);

/**
 * Parses decoded CSV text into records, a batch per chunk of text, numbering each by the line it
 * starts on. Throws ImportFileError when a record grows past MAX_RECORD_CHARS (a quote that
 * never closes would otherwise swallow the rest of the file into memory).
 */
export async function* csvRows(text: AsyncIterable<string>): AsyncGenerator<CsvRow[]> {
  const parser = new Papa.Parser({ delimiter: ",", newline: "\n", quoteChar: '"' });
  let partial = "";
  let line = 0; // the last line consumed
  const number = (data: string[][], errors: Papa.ParseError[]): CsvRow[] => {
    const unclosed = new Set(errors.filter((e) => !QUOTE_ERRORS_IGNORED.has(e.code)).map((e) => e.row ?? -1));
    return data.map((fields, i) => {
      const row: CsvRow = { line: line + 1, fields };
      let breaks = 0;
      for (const f of fields) for (let j = f.indexOf("\n"); j >= 0; j = f.indexOf("\n", j + 1)) breaks++;
      line += 1 + breaks;
      if (unclosed.has(i)) row.unclosedQuote = breaks;
      return row;
    });
  };
  for await (const chunk of text) {
    const input = partial + chunk;
    const result = parser.parse(input, 0, true) as Papa.ParseResult<string[]>;
    partial = input.slice(result.meta.cursor);
    if (partial.length > MAX_RECORD_CHARS) {
      throw new ImportFileError(
        `The import stopped: the record starting on line ${line + 1} is longer than ${MAX_RECORD_CHARS / 1_000_000} million characters, probably because a quote opened there is never closed. Nothing was imported.`,
      );
    }
    if (result.data.length > 0) yield number(result.data, result.errors);
  }
  if (partial !== "") {
    const result = parser.parse(partial, 0, false) as Papa.ParseResult<string[]>;
    yield number(result.data, result.errors);
  }
}

/** The first non-empty record (the header) and the batches after it. */
export async function splitHeader(batches: AsyncGenerator<CsvRow[]>) {
  for (;;) {
    const next = await batches.next();
    if (next.done) return null;
    const rows = next.value;
    const at = rows.findIndex((r) => !(r.fields.length === 1 && r.fields[0] === ""));
    if (at < 0) continue;
    const rest = rows.slice(at + 1);
    return {
      header: rows[at] as CsvRow,
      async *rows(): AsyncGenerator<CsvRow[]> {
        if (rest.length > 0) yield rest;
        yield* batches;
      },
    };
  }
}

/** The chunks of `input` until more than `maxBytes` have come: then `tooLarge()` is thrown and the rest never read. */
export async function* capBytes(
  input: Readable,
  maxBytes: number,
  tooLarge: () => Error,
): AsyncGenerator<Uint8Array | string> {
  let total = 0;
  try {
    for await (const chunk of input as AsyncIterable<Uint8Array | string>) {
      total += typeof chunk === "string" ? Buffer.byteLength(chunk) : chunk.byteLength;
      if (total > maxBytes) throw tooLarge();
      yield chunk;
    }
  } finally {
    input.destroy();
  }
}
