// Child process of the fleet run: plays Slack's side for the replicas (the Web API and the
// response_urls) with the test suite's fake, and tells the load generator which requests the
// answers name (it clicks Approve on them). At the end it writes everything it received to a file.
import { writeFileSync } from "node:fs";
import { FakeSlack } from "../../test/helpers/fake-slack.ts";

const send = (m: unknown) => process.send?.(m);
const fake = await new FakeSlack().start();
send({ type: "ready", apiUrl: fake.url, responseBase: fake.responseUrl("") });

// New response_url messages that name a bulk request go to the load generator at once.
let seen = 0;
const forward = setInterval(() => {
  for (; seen < fake.responses.length; seen++) {
    const r = fake.responses[seen];
    if (!r) continue;
    const text = typeof r.body.text === "string" ? r.body.text : "";
    const request = /Request (R[A-Z0-9]+)/.exec(text)?.[1];
    if (request) send({ type: "request", responseId: r.id, requestId: request });
  }
}, 20);

process.on("message", (m: { type: string; file?: string }) => {
  if (m.type === "dump" && m.file) {
    writeFileSync(
      m.file,
      JSON.stringify({
        responses: fake.responses,
        calls: fake.calls.map((c) => ({ method: c.method, body: c.body })),
      }),
    );
    send({ type: "dumped" });
  }
  if (m.type === "quit") {
    clearInterval(forward);
    void fake.stop().finally(() => process.exit(0));
  }
});
