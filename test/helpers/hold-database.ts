// Run as a child process (`node --import tsx`): opens the database of argv[2] the way every
// tierkeeper process does, says "open", and keeps it open until it is killed.
import { openDatabase } from "../../src/db/client.ts";

const url = process.argv[2];
if (!url) throw new Error("usage: hold-database.ts <database url>");
await openDatabase(url);
process.stdout.write("open\n");
setInterval(() => {}, 60_000);
