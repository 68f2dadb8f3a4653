import path from "node:path";

/** Repository root. (This module has no side effects: child processes of the tests import it too.) */
export const ROOT = path.resolve(import.meta.dirname, "../..");

/** Cloudflare's documents, copied into the repository (test/fixtures/cloudflare/README.md says where each came from). */
const CLOUDFLARE = path.resolve(import.meta.dirname, "../fixtures/cloudflare");

/** Cloudflare's whole API as of 2024-08-07 (OpenAPI 3.0.3, 1,533 operations, 4.2 MB): real input nobody here wrote. */
export const CLOUDFLARE_2024 = path.join(CLOUDFLARE, "cloudflare-openapi-2024-08-07.json");
/** Cloudflare's own definition of the two behaviors operations, which spec/ must stay faithful to. */
export const CLOUDFLARE_BEHAVIORS = path.join(CLOUDFLARE, "cloudflare-behaviors.openapi.yaml");
/** The text of Cloudflare's reference page for the PUT operation: the page this project was written from. */
export const SEED_PAGE = path.join(CLOUDFLARE, "update-risk-behaviors.txt");
