/** The one request every contestant of row 4 sends, and the answer the server gives. */
export const TOKEN = "bench-token-0123456789";
export const ACCOUNT = "023e105f4ecef8ad9ca31a8372d0c353";
export const PATH = `/accounts/${ACCOUNT}/zt_risk_scoring/behaviors`;
export const BEHAVIORS = {
  high_dlp: { enabled: true, risk_level: "high" },
  imp_travel: { enabled: true, risk_level: "medium" },
  sso_failures: { enabled: false, risk_level: "low" },
} as const;
export const REQUEST_BODY = JSON.stringify({ behaviors: BEHAVIORS });
export const RESPONSE_BODY = JSON.stringify({ success: true, errors: [], messages: [], result: { behaviors: BEHAVIORS } });
