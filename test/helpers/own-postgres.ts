// Which project runs the tests that start Postgres servers of their own: once per suite run (the
// postgres project when TEST_DATABASE_URL is set, else the pglite one), and only where Postgres's
// server programs are installed. They never touch the server of TEST_DATABASE_URL.
import { driver } from "./db.ts";
import { postgresBinDir } from "./throwaway-postgres.ts";

export const ownPostgresAvailable = postgresBinDir() !== null;

export const runsOwnPostgres =
  ownPostgresAvailable && (process.env.TEST_DATABASE_URL ? driver === "postgres" : driver === "pglite");
