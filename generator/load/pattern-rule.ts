/**
 * A lint rule of the load step (issue 22 item 3): a `pattern` that can backtrack
 * (runtime/patterns.ts's canBacktrack) in a spec that asks for validators is a warning at
 * the pattern's file:line:col, since the validators then check it only on short strings.
 * A schema whose `maxLength` is within that bound is not reported: Ajv checks maxLength
 * first, so the pattern never sees a long string. Specs without validators never run
 * their patterns: nothing to say.
 */
import { canBacktrack, PATTERN_CHECK_LIMIT } from "../runtime/patterns.js";

/** The rule's name in problems: `zt/slow-pattern`. */
export const SLOW_PATTERN_RULE = "zt/slow-pattern";

interface RuleContext {
  report(problem: { message: string; location: unknown }): void;
  location: { child(key: string): unknown };
}

/** Redocly's visitor: the root says whether validators are emitted; each schema's pattern is then judged. */
function slowPattern() {
  let validators = false;
  return {
    Root: {
      enter(root: { "x-zt-generator"?: { validators?: unknown } }) {
        validators = root?.["x-zt-generator"]?.validators === true;
      },
    },
    Schema: {
      enter(schema: { pattern?: unknown; maxLength?: unknown }, ctx: RuleContext) {
        if (!validators || typeof schema.pattern !== "string" || !canBacktrack(schema.pattern)) return;
        if (typeof schema.maxLength === "number" && schema.maxLength <= PATTERN_CHECK_LIMIT) return;
        ctx.report({
          message:
            `pattern ${JSON.stringify(schema.pattern)} can backtrack (its time grows faster than the string): the validators ` +
            `check it only on strings of at most ${PATTERN_CHECK_LIMIT} characters and fail longer ones; ` +
            `give the schema a maxLength of ${PATTERN_CHECK_LIMIT} or less, or a pattern without overlapping repetitions`,
          location: ctx.location.child("pattern"),
        });
      },
    },
  };
}

/** The plugin that holds the rule, for createConfig's `plugins`. */
export const PATTERN_PLUGIN = { id: "zt", rules: { oas3: { "slow-pattern": slowPattern }, oas2: { "slow-pattern": slowPattern } } };
