// Child process of bench/slash.ts: plays Slack. It runs the fake Slack (Web API + response_url)
// and drives the app with autocannon on 127.0.0.1, each request a freshly signed `/contacts tier`
// with a unique trigger_id, so the app's event loop only serves and the load is measured from outside.
import autocannon from "autocannon";
import { FakeSlack } from "../test/helpers/fake-slack.ts";
import { newId, signatureHeaders, slashCommandBody } from "../test/helpers/slack-sign.ts";

interface Go {
  url: string;
  teamId: string;
  userId: string;
  text: string;
  connections: number;
  amount: number;
  drainMs: number;
}

const send = (m: unknown) => process.send?.(m);
const fake = await new FakeSlack().start();
send({ type: "fake", apiUrl: fake.url });

process.on("message", async (m: Go | { type: "quit" }) => {
  if ("type" in m) {
    await fake.stop();
    process.exit(0);
  }
  const target = new URL(m.url);
  let sent = 0;
  const result = await autocannon({
    url: target.origin,
    connections: m.connections,
    amount: m.amount,
    timeout: 10,
    requests: [
      {
        method: "POST",
        path: target.pathname,
        setupRequest: (req: Record<string, unknown>) => {
          const body = slashCommandBody({
            text: m.text,
            userId: m.userId,
            teamId: m.teamId,
            responseUrl: fake.responseUrl(newId("cmd")),
            triggerId: `${Date.now()}.${newId("")}${++sent}`,
          });
          return {
            ...req,
            body,
            headers: { "content-type": "application/x-www-form-urlencoded", ...signatureHeaders(body) },
          };
        },
      },
    ],
  });
  // The answers arrive through response_url after the ack: wait (bounded) for them to drain.
  const ok = result["2xx"];
  const ended = Date.now();
  const until = ended + m.drainMs;
  while (fake.responses.length < ok && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
  const answered = fake.responses.length;
  const wrong = fake.responses.filter((r) => !/tier/i.test(JSON.stringify(r.body))).length;
  send({
    type: "result",
    latency: result.latency,
    requests: result.requests.total,
    ok,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    durationSec: result.duration,
    answered,
    wrongAnswers: wrong,
    drainedAfterMs: answered >= ok ? Math.max(0, (fake.responses.at(-1)?.at ?? ended) - ended) : null,
  });
  // Stay up (answering response_url) until the bench has stopped the app.
});
