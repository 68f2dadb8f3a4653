// generated from spec/openapi.yaml by the zt-risk-scoring generator — do not edit; regenerate: npm run generate
export interface paths {
    "/accounts/{account_id}/zt_risk_scoring/behaviors": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Account ID.
                 * @example 023e105f4ecef8ad9ca31a8372d0c353
                 */
                account_id: components["parameters"]["account_id"];
            };
            cookie?: never;
        };
        /**
         * Get all behaviors and associated configuration
         * @description Retrieves configured risk score behaviors that define how user actions affect their overall risk score.
         */
        get: operations["getBehaviors"];
        /**
         * Update configuration for risk behaviors
         * @description Updates risk score behavior configurations, defining weights and thresholds for risk calculation.
         */
        put: operations["updateBehaviors"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /**
         * @description How much a behavior raises a user's risk score.
         * @example low
         * @enum {string}
         */
        RiskLevel: RiskLevel;
        /** @description A configured risk-scoring behavior, as read back from the API. */
        Behavior: Behavior;
        /** @description Every configured behavior, keyed by behavior id. */
        Behaviors: Behaviors;
        /** @description The new configuration of one behavior. */
        UpdateBehavior: UpdateBehavior;
        /** @description Behavior configurations, keyed by behavior id. */
        UpdateBehaviors: UpdateBehaviors;
        /** @description An error or informational message from the API. */
        Message: Message;
        Messages: Messages;
        /** @description The envelope of every successful Cloudflare API response. */
        ResponseCommon: ResponseCommon;
        /** @description The envelope of every failed Cloudflare API response. */
        ResponseCommonFailure: ResponseCommonFailure;
    };
    responses: {
        /** @description The request failed; `errors` says why. */
        Failure: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "errors": [
                 *         {
                 *           "code": 7003,
                 *           "message": "No route for the URI"
                 *         }
                 *       ],
                 *       "messages": [],
                 *       "result": null,
                 *       "success": false
                 *     }
                 */
                "application/json": components["schemas"]["ResponseCommonFailure"];
            };
        };
    };
    parameters: {
        /**
         * @description Account ID.
         * @example 023e105f4ecef8ad9ca31a8372d0c353
         */
        account_id: string;
    };
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getBehaviors: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Account ID.
                 * @example 023e105f4ecef8ad9ca31a8372d0c353
                 */
                account_id: components["parameters"]["account_id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Risk scoring behaviors. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "errors": [],
                     *       "messages": [],
                     *       "success": true,
                     *       "result": {
                     *         "behaviors": {
                     *           "foo": {
                     *             "name": "Foo",
                     *             "description": "An example behavior.",
                     *             "enabled": true,
                     *             "risk_level": "low"
                     *           }
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ResponseCommon"] & {
                        /** @description Every configured behavior, keyed by behavior id. */
                        result: components["schemas"]["Behaviors"];
                    };
                };
            };
            "4XX": components["responses"]["Failure"];
        };
    };
    updateBehaviors: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Account ID.
                 * @example 023e105f4ecef8ad9ca31a8372d0c353
                 */
                account_id: components["parameters"]["account_id"];
            };
            cookie?: never;
        };
        /** @description Behaviors. */
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "behaviors": {
                 *         "foo": {
                 *           "enabled": true,
                 *           "risk_level": "low"
                 *         }
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["UpdateBehaviors"];
            };
        };
        responses: {
            /** @description The updated behavior configurations. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "errors": [
                     *         {
                     *           "code": 1000,
                     *           "message": "message",
                     *           "documentation_url": "documentation_url",
                     *           "source": {
                     *             "pointer": "pointer"
                     *           }
                     *         }
                     *       ],
                     *       "messages": [
                     *         {
                     *           "code": 1000,
                     *           "message": "message",
                     *           "documentation_url": "documentation_url",
                     *           "source": {
                     *             "pointer": "pointer"
                     *           }
                     *         }
                     *       ],
                     *       "success": true,
                     *       "result": {
                     *         "behaviors": {
                     *           "foo": {
                     *             "enabled": true,
                     *             "risk_level": "low"
                     *           }
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ResponseCommon"] & {
                        /** @description Behavior configurations, keyed by behavior id. */
                        result: components["schemas"]["UpdateBehaviors"];
                    };
                };
            };
            "4XX": components["responses"]["Failure"];
        };
    };
}
type RiskLevel = "low" | "medium" | "high";
type Behavior = {
    /** @description Human-readable name of the behavior. */
    name: string;
    /** @description What the behavior detects. */
    description: string;
    /** @description Whether the behavior contributes to the risk score. */
    enabled: boolean;
    /** @description How much a behavior raises a user's risk score. */
    risk_level: RiskLevel;
};
type Behaviors = {
    behaviors: {
        [key: string]: Behavior;
    };
};
type UpdateBehavior = {
    /** @description Whether the behavior contributes to the risk score. */
    enabled: boolean;
    /** @description How much a behavior raises a user's risk score. */
    risk_level: RiskLevel;
};
type UpdateBehaviors = {
    behaviors: {
        [key: string]: UpdateBehavior;
    };
};
type Message = {
    code: number;
    message: string;
    documentation_url?: string;
    source?: {
        pointer?: string;
    };
};
type Messages = Message[];
type ResponseCommon = {
    errors: Messages;
    messages: Messages;
    /**
     * @description Whether the API call was successful.
     * @enum {boolean}
     */
    success: true;
};
type ResponseCommonFailure = {
    errors: Messages;
    messages: Messages;
    result: null;
    /**
     * @description Whether the API call was successful.
     * @enum {boolean}
     */
    success: false;
};
