// What an import did, for the DM that shared the file and for `tierkeeper import`.
import { n, pct } from "../domain/format.ts";
import type { ImportReport } from "../services/import/index.ts";
import { type Answer, answer, facts, list, type Part, paragraph } from "./answer.ts";
import { requestParts, requestSummary } from "./requests-view.ts";
import { emoji, md, type Rich, strong } from "./rich.ts";

export function importAnswer(r: ImportReport, timeZone: string): Answer {
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
