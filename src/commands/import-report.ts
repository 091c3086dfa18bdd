// What an import did, for the DM that shared the file and for `tierkeeper import`.
import { n, pct } from "../domain/format.ts";
import type { ImportReport } from "../services/import/index.ts";
import { type Answer, answer, facts, list, type Part, paragraph } from "./answer.ts";
import { type AnswerLocale, isTranslated, speak } from "./i18n/answers.ts";
import type { Locale } from "./i18n/format.ts";
import { localRequestParts, localSummary } from "./i18n/requests.ts";
import { requestParts, requestSummary } from "./requests-view.ts";
import { emoji, md, type Rich, strong } from "./rich.ts";

/** What an import did, in the user's language (English when none is given). */
export function importAnswer(r: ImportReport, timeZone: string, locale?: Locale): Answer {
  const parts = isTranslated(locale) ? localParts(locale, r, timeZone) : englishParts(r, timeZone);
  return {
    ...answer(parts, {
      importId: r.importId,
      rows: r.rows,
      created: r.created,
      updated: r.updated,
      unchanged: r.unchanged,
      rejected: r.rejected,
      rejections: r.rejections,
      list: r.list,
      requestId: r.marketingRequest?.id ?? null,
      impact: r.marketingRequest?.impact ?? null,
      ruleRequestIds: r.ruleRequests.map((q) => q.id),
    }),
    ...(r.marketingRequest ? { request: r.marketingRequest } : {}),
  };
}

function localParts(locale: AnswerLocale, r: ImportReport, timeZone: string): Part[] {
  const { f, say, label } = speak(locale);
  const lines: Rich[] = [say("import.nonMarketing")];
  if (r.list) {
    lines.push(
      say("import.list", { name: [r.list.name], created: r.list.created ? "yes" : "no", added: r.list.added }),
    );
  }
  if (r.ruleChanges > 0) lines.push(say("import.ruleChanges", { count: r.ruleChanges }));
  for (const req of r.ruleRequests) {
    lines.push(say("import.rulePaused", { id: [req.id], summary: localSummary(locale, req) }));
  }
  if (r.marketingRequested) {
    const q = r.marketingRequest;
    lines.push(
      q
        ? say("import.marketingRequest", {
            id: [q.id],
            count: q.impact.becomeMarketing,
            before: q.impact.marketingCountBefore,
            after: q.impact.marketingCountAfter,
            limit: q.impact.tierLimit,
            usage: f.pct(q.impact.usageAfter),
            upgrade: q.impact.upgrade ? "yes" : "no",
            newLimit: q.impact.upgrade?.newLimit ?? 0,
          })
        : say("import.nothingToRequest"),
    );
  }
  // The rejected cells are quoted as the file has them.
  const rejectLines: Rich[] = r.rejections.map((x) =>
    say("import.rejectedLine", { line: x.line, email: x.email ? ` (${x.email})` : "", reason: [x.reason] }),
  );
  if (r.rejected > r.rejections.length) {
    rejectLines.push(say("import.moreRejected", { count: r.rejected - r.rejections.length }));
  }
  return [
    paragraph([
      emoji("inbox_tray"),
      " ",
      ...say("import.summary", {
        file: r.fileName === null ? label("import.theFile") : [r.fileName],
        rows: r.rows,
        created: r.created,
        updated: r.updated,
        unchanged: r.unchanged,
        rejected: r.rejected,
      }),
    ]),
    facts([
      [label("import.created"), f.n(r.created)],
      [label("import.updated"), f.n(r.updated)],
      [label("import.unchanged"), f.n(r.unchanged)],
      [label("import.rejected"), f.n(r.rejected)],
    ]),
    ...lines.map((l) => paragraph(l)),
    ...(r.marketingRequest ? localRequestParts(locale, r.marketingRequest, timeZone, { buttons: false }) : []),
    ...(rejectLines.length ? [list([[strong(label("import.rejectedRows"))], ...rejectLines])] : []),
  ];
}

function englishParts(r: ImportReport, timeZone: string): Part[] {
  const lines: Rich[] = [md`New contacts from an import are non-marketing.`];
  if (r.list) {
    lines.push(md`List "${r.list.name}"${r.list.created ? " (new)" : ""}: ${n(r.list.added)} contacts added.`);
  }
  if (r.ruleChanges > 0) lines.push(md`Automation rules changed ${n(r.ruleChanges)} of the imported contacts.`);
  for (const req of r.ruleRequests) {
    lines.push(md`A rule paused and asks for approval: request ${req.id} (${requestSummary(req)}).`);
  }
  if (r.marketingRequested) {
    if (r.marketingRequest) {
      const i = r.marketingRequest.impact;
      lines.push(
        md`Set all as marketing needs approval: request ${r.marketingRequest.id} would make ${n(i.becomeMarketing)} contacts marketing, ${n(i.marketingCountBefore)} → ${n(i.marketingCountAfter)} of ${n(i.tierLimit)} (${pct(i.usageAfter)})${i.upgrade ? `, upgrading the tier to ${n(i.upgrade.newLimit)}` : ""}.`,
      );
    } else {
      lines.push(
        md`Set all as marketing: no imported contact would change (they are all marketing already, or none was imported), so there is nothing to request.`,
      );
    }
  }
  // The rejected cells are quoted as the file has them.
  const rejectLines: Rich[] = r.rejections.map((x) => md`line ${x.line}${x.email ? ` (${x.email})` : ""}: ${x.reason}`);
  if (r.rejected > r.rejections.length)
    rejectLines.push(md`… and ${n(r.rejected - r.rejections.length)} more rejected rows.`);
  const parts: Part[] = [
    paragraph(
      md`${emoji("inbox_tray")} Imported ${r.fileName === null ? "the file" : r.fileName}: ${n(r.rows)} rows — ${n(r.created)} created, ${n(r.updated)} updated, ${n(r.unchanged)} unchanged, ${n(r.rejected)} rejected.`,
    ),
    facts([
      ["Created", n(r.created)],
      ["Updated", n(r.updated)],
      ["Unchanged", n(r.unchanged)],
      ["Rejected", n(r.rejected)],
    ]),
    ...lines.map((l) => paragraph(l)),
    ...(r.marketingRequest ? requestParts(r.marketingRequest, timeZone, { buttons: false }) : []),
    ...(rejectLines.length ? [list([md`${strong("Rejected rows:")}`, ...rejectLines])] : []),
  ];
  return parts;
}
