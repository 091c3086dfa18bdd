// Automation rules (R16): "when a contact matches FILTER, set it marketing / non-marketing".
// They run on the contacts the intake API and imports create or change, and on a schedule over
// all contacts, set-based.
//
// A rule is a standing bulk change (R14, R16). Adding, enabling or changing one that would change
// more contacts than the direct-change limit now (either direction), or would upgrade the tier,
// makes a bulk request that starts it once approved; a run that would do the same pauses the rule
// into ONE bulk request. The rule, its pause and its request commit together. A rule acts with its
// owner's rights as they are at each run: the owner is whoever last added, enabled or changed it,
// is the requester of its requests (so the self-approval setting applies to them), and must still
// have marketing contacts access for a marketing rule to run (R13); otherwise the rule pauses and
// the approvals channel is told.
//
// Pause lifecycle: while paused (paused_reason set) a rule does not run. It resumes when its
// request is executed (or expires: the next run asks again if it still has to); a rejected
// request disables the rule, since the approver said no to what it does. A rule paused because its
// owner lost access (no request) waits until someone with access enables it. Resumption is checked
// lazily at the start of every run (refreshPausedRules), so no hook in the approval flow is needed.
//
// Precedence: two enabled rules that set opposite statuses could both match a contact and flip
// it every hour. The older rule wins: a rule never changes a contact that an older enabled rule
// with the opposite action matches. `rules add` and `rules test` say how many contacts that is.

export * from "./manage.ts";
export * from "./model.ts";
export * from "./pause.ts";
export * from "./run.ts";
