// The Worker the workerd target runs (through Miniflare): GET /?scenario=…&origin=…&refusedOrigin=…
// runs one scenario and answers its Outcome as JSON. Its credential comes from a binding,
// passed as an option: a Worker has no process.env unless nodejs_compat gives it one.
import { createClient } from "../../generated/index.js";
import { runScenario, type Outcome, type Scenario } from "./scenarios.js";

interface Env {
  readonly CLOUDFLARE_API_TOKEN?: string;
}

/** createClient() with no credential option: it works only where process.env holds CLOUDFLARE_API_TOKEN. */
async function fromEnvironment(origin: string): Promise<Outcome> {
  try {
    const client = createClient({ baseUrl: `${origin}/client/v4`, maxRetries: 0 });
    return { result: await client.getBehaviors({ account_id: "acc" }), attempts: 1 };
  } catch (error) {
    return { error: { name: (error as Error).name, message: (error as Error).message, classes: [] }, attempts: 0 };
  }
}

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    const query = new URL(request.url).searchParams;
    const [scenario, origin, refusedOrigin] = ["scenario", "origin", "refusedOrigin"].map((name) => query.get(name) ?? "");
    if (scenario === "fromEnvironment") return Response.json(await fromEnvironment(origin!));
    return Response.json(
      await runScenario(scenario as Scenario, { origin: origin!, refusedOrigin: refusedOrigin!, apiToken: env.CLOUDFLARE_API_TOKEN }),
    );
  },
};
