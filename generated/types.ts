// generated from spec/openapi.yaml by the zt-risk-scoring generator — do not edit; regenerate: npm run generate
import type { components, paths } from "./schema.js";
/** How much a behavior raises a user's risk score. */
export type RiskLevel = components["schemas"]["RiskLevel"];
/** Every value of {@link RiskLevel}, in the order the spec lists them. */
export const RISK_LEVELS = ["low", "medium", "high"] as const satisfies readonly RiskLevel[];
/** A configured risk-scoring behavior, as read back from the API. */
export type Behavior = components["schemas"]["Behavior"];
/** Every configured behavior, keyed by behavior id. */
export type Behaviors = components["schemas"]["Behaviors"];
/** The new configuration of one behavior. */
export type UpdateBehavior = components["schemas"]["UpdateBehavior"];
/** Behavior configurations, keyed by behavior id. */
export type UpdateBehaviors = components["schemas"]["UpdateBehaviors"];
/** An error or informational message from the API. */
export type Message = components["schemas"]["Message"];
/** The `Messages` schema. */
export type Messages = components["schemas"]["Messages"];
/** The envelope of every successful Cloudflare API response. */
export type ResponseCommon = components["schemas"]["ResponseCommon"];
/** The envelope of every failed Cloudflare API response. */
export type ResponseCommonFailure = components["schemas"]["ResponseCommonFailure"];
/**
 * The path parameters of `getBehaviors`.
 *
 * Get all behaviors and associated configuration
 *
 * Retrieves configured risk score behaviors that define how user actions affect their overall risk score.
 *
 * `GET /accounts/{account_id}/zt_risk_scoring/behaviors`
 */
export type GetBehaviorsPathParams = paths["/accounts/{account_id}/zt_risk_scoring/behaviors"]["get"]["parameters"]["path"];
/**
 * The request body of `getBehaviors`.
 *
 * Get all behaviors and associated configuration
 *
 * Retrieves configured risk score behaviors that define how user actions affect their overall risk score.
 *
 * `GET /accounts/{account_id}/zt_risk_scoring/behaviors`
 */
export type GetBehaviorsBody = never;
/**
 * The argument of `getBehaviors`: its parameters and body fields.
 *
 * Get all behaviors and associated configuration
 *
 * Retrieves configured risk score behaviors that define how user actions affect their overall risk score.
 *
 * `GET /accounts/{account_id}/zt_risk_scoring/behaviors`
 */
export type GetBehaviorsParams = GetBehaviorsPathParams;
/**
 * The success response body of `getBehaviors`.
 *
 * Get all behaviors and associated configuration
 *
 * Retrieves configured risk score behaviors that define how user actions affect their overall risk score.
 *
 * `GET /accounts/{account_id}/zt_risk_scoring/behaviors`
 */
export type GetBehaviorsEnvelope = paths["/accounts/{account_id}/zt_risk_scoring/behaviors"]["get"]["responses"]["200"]["content"]["application/json"];
/**
 * What `getBehaviors` resolves to.
 *
 * Get all behaviors and associated configuration
 *
 * Retrieves configured risk score behaviors that define how user actions affect their overall risk score.
 *
 * `GET /accounts/{account_id}/zt_risk_scoring/behaviors`
 */
export type GetBehaviorsResult = GetBehaviorsEnvelope["result"];
/**
 * The error response body of `getBehaviors`.
 *
 * Get all behaviors and associated configuration
 *
 * Retrieves configured risk score behaviors that define how user actions affect their overall risk score.
 *
 * `GET /accounts/{account_id}/zt_risk_scoring/behaviors`
 */
export type GetBehaviorsError = paths["/accounts/{account_id}/zt_risk_scoring/behaviors"]["get"]["responses"]["4XX"]["content"]["application/json"];
/**
 * The path parameters of `updateBehaviors`.
 *
 * Update configuration for risk behaviors
 *
 * Updates risk score behavior configurations, defining weights and thresholds for risk calculation.
 *
 * `PUT /accounts/{account_id}/zt_risk_scoring/behaviors`
 */
export type UpdateBehaviorsPathParams = paths["/accounts/{account_id}/zt_risk_scoring/behaviors"]["put"]["parameters"]["path"];
/**
 * The request body of `updateBehaviors`.
 *
 * Update configuration for risk behaviors
 *
 * Updates risk score behavior configurations, defining weights and thresholds for risk calculation.
 *
 * `PUT /accounts/{account_id}/zt_risk_scoring/behaviors`
 */
export type UpdateBehaviorsBody = NonNullable<paths["/accounts/{account_id}/zt_risk_scoring/behaviors"]["put"]["requestBody"]>["content"]["application/json"];
/**
 * The argument of `updateBehaviors`: its parameters and body fields.
 *
 * Update configuration for risk behaviors
 *
 * Updates risk score behavior configurations, defining weights and thresholds for risk calculation.
 *
 * `PUT /accounts/{account_id}/zt_risk_scoring/behaviors`
 */
export type UpdateBehaviorsParams = UpdateBehaviorsPathParams & UpdateBehaviorsBody;
/**
 * The success response body of `updateBehaviors`.
 *
 * Update configuration for risk behaviors
 *
 * Updates risk score behavior configurations, defining weights and thresholds for risk calculation.
 *
 * `PUT /accounts/{account_id}/zt_risk_scoring/behaviors`
 */
export type UpdateBehaviorsEnvelope = paths["/accounts/{account_id}/zt_risk_scoring/behaviors"]["put"]["responses"]["200"]["content"]["application/json"];
/**
 * What `updateBehaviors` resolves to.
 *
 * Update configuration for risk behaviors
 *
 * Updates risk score behavior configurations, defining weights and thresholds for risk calculation.
 *
 * `PUT /accounts/{account_id}/zt_risk_scoring/behaviors`
 */
export type UpdateBehaviorsResult = UpdateBehaviorsEnvelope["result"];
/**
 * The error response body of `updateBehaviors`.
 *
 * Update configuration for risk behaviors
 *
 * Updates risk score behavior configurations, defining weights and thresholds for risk calculation.
 *
 * `PUT /accounts/{account_id}/zt_risk_scoring/behaviors`
 */
export type UpdateBehaviorsError = paths["/accounts/{account_id}/zt_risk_scoring/behaviors"]["put"]["responses"]["4XX"]["content"]["application/json"];
