// `lists`, `list create`, `list add`: static lists.
import { n } from "../../domain/format.ts";
import { addToList, createList, listPage } from "../../services/lists.ts";
import { answer, header, list, note, say } from "../answer.ts";
import type { Handler } from "../handler.ts";
import { isTranslated, speak } from "../i18n/answers.ts";
import { localListsParts } from "../i18n/commands.ts";
import { code, md } from "../rich.ts";

export const lists: Handler<"lists"> = async (svc, inv, c) => {
  const page = await listPage(svc, inv.actor, { contains: c.contains });
  const rows = page.lists;
  const named = c.contains === null ? "" : ` with "${c.contains}" in the name`;
  const data = { lists: rows, shown: rows.length, total: page.total };
  if (isTranslated(inv.locale)) return answer(localListsParts(inv.locale, rows, page.total, c.contains), data);
  if (rows.length === 0) {
    return say(
      c.contains === null
        ? md`No lists yet. Create one with ${code('list create "Name"')}.`
        : `No list has "${c.contains}" in its name.`,
      data,
    );
  }
  return answer(
    [
      header(`Lists${named}`),
      list(rows.map((l) => `• ${l.name} — ${n(l.size)} contacts`)),
      ...(page.total > rows.length
        ? [
            note(
              md`Showing the first ${n(rows.length)} of ${n(page.total)} lists${named} by name; narrow with ${code("lists <part of a name>")}.`,
            ),
          ]
        : []),
    ],
    data,
  );
};

export const listCreate: Handler<"list-create"> = async (svc, inv, c) => {
  const l = await createList(svc, inv.actor, c.name);
  if (isTranslated(inv.locale)) return say(speak(inv.locale).say("list.created", { name: [l.name] }), { list: l.name });
  return say(`Created the list "${l.name}".`, { list: l.name });
};

export const listAdd: Handler<"list-add"> = async (svc, inv, c) => {
  const r = await addToList(svc, inv.actor, c.name, c.emails);
  if (isTranslated(inv.locale)) {
    return say(speak(inv.locale).say("list.added", { added: r.added, list: [r.list], already: r.already }), r);
  }
  return say(
    `Added ${n(r.added)} contacts to "${r.list}"${r.already ? ` (${n(r.already)} were already in it)` : ""}.`,
    r,
  );
};
