// Svenska: samma nycklar och argument som en/.
import type { Catalog } from "../en/index.ts";
import { answers } from "./answers.ts";
import { notices } from "./notices.ts";
import { requests } from "./requests.ts";
import { wizard } from "./wizard.ts";

export const sv: Catalog = { ...notices, ...answers, ...requests, ...wizard };
