// copied from generator/runtime/security-rule.ts by the zt-risk-scoring generator — do not edit; regenerate: npm run generate
/**
 * Which of an operation's security alternatives a request meets: the one rule the client
 * (credentials.ts, choosing what to send) and the test kit (testing-request.ts, checking
 * what was sent) share. It imports only the contract's type of security alternatives.
 */
import type { Security } from "./operation.js";

/** Whether an operation with `security` may be called without credentials: it lists no alternative, or the empty one (`{}`). */
export function isPublic(security: Security): boolean {
  return security.length === 0 || security.some((alternative) => alternative.length === 0);
}

/** Whether `alternative` is met: it names at least one scheme, and `has` a credential for each. */
export function isMet(alternative: readonly string[], has: (key: string) => boolean): boolean {
  return alternative.length > 0 && alternative.every(has);
}
