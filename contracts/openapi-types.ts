// Generated from openapi.yaml by `npm run contracts`. Do not edit.
export interface paths {
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The process is alive. */
        get: operations["health"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The database is reachable and every migration is applied. */
        get: operations["ready"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/exchanges/dfe/child-trace": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Ask DfE to trace a child (dfe.child-trace, ¶6.100–6.112).
         * @description Immigration Enforcement asks DfE whether it holds a child's home and school addresses. DfE matches on
         *     three points (name, date of birth, postcode). A match returns addresses held for the previous 5 years
         *     and nothing about the parents. Allowed only with reason to believe a parent is an immigration offender
         *     at the time of the request, under a signed agreement in force, at most 300 requests a month.
         */
        post: operations["dfeChildTrace"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/audit/entries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Search the audit log (Data Protection Officers). */
        get: operations["listAuditEntries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/audit/entries/{auditId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One audit entry with the outcomes linked to it.
         * @description A DPO may read any entry; a party may read the entries of its own exchanges.
         */
        get: operations["getAuditEntry"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/pupil-trace": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** DfE's pupil trace (called by the gateway, never by partners). */
        post: operations["upstreamDfePupilTrace"];
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
        Problem: {
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @enum {string} */
            code: "invalid-request" | "malformed-json" | "unauthenticated" | "forbidden" | "policy-denied" | "not-found" | "method-not-allowed" | "conflict" | "payload-too-large" | "unsupported-media-type" | "unprocessable" | "rate-limited" | "internal" | "upstream-failed" | "audit-unavailable" | "unavailable" | "upstream-timeout";
            requestId?: string;
            /** @description For invalid requests, each field that is wrong. */
            errors?: {
                field: string;
                message: string;
            }[];
            /** Format: uuid */
            auditId?: string;
            decision?: components["schemas"]["Decision"];
        };
        Health: {
            /** @enum {string} */
            status: "alive";
        };
        Ready: {
            /** @enum {string} */
            status: "ready";
            /** @enum {string} */
            database: "postgresql" | "pglite";
            pendingMigrations: number;
        };
        /** @description A register code (purpose, legal basis, agreement id). */
        Code: string;
        /** @description The requester's case reference, so an exchange can be traced to a decision (¶6.79). Stored only as a keyed hash. */
        CaseReference: string;
        /** Format: date */
        IsoDate: string;
        PersonName: string;
        Postcode: string;
        Decision: {
            /** @enum {string} */
            decision: "permit" | "deny";
            rules: {
                id: string;
                /** @enum {string} */
                outcome: "permit" | "deny" | "not-applicable";
                reason: string;
            }[];
            obligations: {
                id: string;
            }[];
            agreement: null | {
                id: string;
                version: string;
            };
            directives: string[];
            /** Format: uuid */
            auditId: string;
        };
        /** @description What every exchange request states. */
        ExchangeEnvelope: {
            purpose: components["schemas"]["Code"];
            legalBasis: components["schemas"]["Code"];
            caseReference: components["schemas"]["CaseReference"];
            /** @description The agreement the requester relies on; when absent the gateway finds the one that covers the request. */
            agreementId?: components["schemas"]["Code"];
        };
        ChildTraceRequest: {
            purpose: components["schemas"]["Code"];
            legalBasis: components["schemas"]["Code"];
            caseReference: components["schemas"]["CaseReference"];
            agreementId?: components["schemas"]["Code"];
            /** @description An urgent request for safeguarding or welfare; it still counts against the monthly cap (¶6.112). */
            urgentSafeguarding?: boolean;
            grounds: {
                /** @description The Home Office has reason to believe a parent is an immigration offender now (¶6.103). */
                parentBelievedImmigrationOffender: boolean;
            };
            subject: {
                forename: components["schemas"]["PersonName"];
                surname: components["schemas"]["PersonName"];
                dateOfBirth: components["schemas"]["IsoDate"];
                postcode: components["schemas"]["Postcode"];
                /** @description Removed from the referral in October 2016 (¶6.109); the current agreement refuses it. */
                nationality?: string;
            };
        };
        TracedAddress: {
            /** @enum {string} */
            kind: "home" | "school";
            schoolName?: string;
            line1: string;
            town: string;
            postcode: string;
            from: components["schemas"]["IsoDate"];
            to: components["schemas"]["IsoDate"] | null;
        };
        ChildTraceResponse: {
            /** Format: uuid */
            auditId: string;
            decision: components["schemas"]["Decision"];
            /** @enum {string} */
            outcome: "matched" | "no-match";
            result: {
                match?: boolean;
                addresses?: components["schemas"]["TracedAddress"][];
            };
        };
        AuditEntry: {
            seq: number;
            /** Format: uuid */
            id: string;
            /** Format: date-time */
            recordedAt: string;
            /** @enum {string} */
            kind: "decision" | "outcome" | "dry-run" | "register-change";
            /** @description The entry's facts. Subjects and case references appear only as keyed hashes; fields disclosed by name only. */
            body: Record<string, never>;
            prevHash: string;
            hash: string;
        };
        AuditEntryList: {
            entries: components["schemas"]["AuditEntry"][];
        };
        AuditEntryWithOutcomes: {
            entry: components["schemas"]["AuditEntry"];
            outcomes: components["schemas"]["AuditEntry"][];
        };
        DfePupilTraceRequest: {
            forename: string;
            surname: string;
            dateOfBirth: string;
            postcode: string;
        };
        /** @description DfE answers with the whole pupil record it matched; the gateway withholds what the agreement does not allow. */
        DfePupilTraceResponse: {
            /** @enum {string} */
            status: "matched" | "no-match";
            pupil?: {
                forename: string;
                surname: string;
                dateOfBirth: string;
                homeAddresses: components["schemas"]["DfeAddress"][];
                schools: {
                    urn: string;
                    schoolName: string;
                    address: components["schemas"]["DfeAddress"];
                    from: string;
                    to: string | null;
                }[];
                parents?: Record<string, never>[];
            };
        };
        DfeAddress: {
            line1: string;
            town: string;
            postcode: string;
            from: string;
            to: string | null;
        };
    };
    responses: {
        /** @description A problem, as RFC 9457 problem+json. */
        Problem: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description A problem that follows a policy decision; it carries the decision and its audit id. */
        PolicyProblem: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
    };
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    health: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Alive. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Health"];
                };
            };
        };
    };
    ready: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Ready. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Ready"];
                };
            };
            503: components["responses"]["Problem"];
        };
    };
    dfeChildTrace: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChildTraceRequest"];
            };
        };
        responses: {
            /** @description The exchange was permitted and DfE answered. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChildTraceResponse"];
                };
            };
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
            403: components["responses"]["PolicyProblem"];
            413: components["responses"]["Problem"];
            415: components["responses"]["Problem"];
            502: components["responses"]["PolicyProblem"];
            503: components["responses"]["Problem"];
            504: components["responses"]["PolicyProblem"];
        };
    };
    listAuditEntries: {
        parameters: {
            query?: {
                exchange?: string;
                decision?: "permit" | "deny";
                kind?: "decision" | "outcome" | "dry-run" | "register-change";
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Entries, newest first. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditEntryList"];
                };
            };
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
        };
    };
    getAuditEntry: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                auditId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The entry and its linked outcome entries. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditEntryWithOutcomes"];
                };
            };
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
        };
    };
    upstreamDfePupilTrace: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DfePupilTraceRequest"];
            };
        };
        responses: {
            /** @description The match result. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DfePupilTraceResponse"];
                };
            };
        };
    };
}
