// Why a file imports nothing: it can't be read, or it is over a limit.
import { Refusal } from "../context.ts";

/** The file can't be imported at all (encoding, no Email column, unreadable CSV). */
export class ImportFileError extends Refusal {
  constructor(message: string) {
    super(message, "invalid");
  }
}

/** The file is over an import limit: its size (TIERKEEPER_IMPORT_MAX_MB) or its rows (TIERKEEPER_IMPORT_MAX_ROWS). */
export class ImportTooLargeError extends ImportFileError {
  constructor(
    message: string,
    readonly limit: "bytes" | "rows",
  ) {
    super(message);
  }
}
