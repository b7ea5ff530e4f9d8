// Generated from contracts/partners.yaml by `npm run contracts`. Do not edit.
export interface paths {
    "/pupil-trace": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * DfE's pupil trace (called by the gateway, never by partners).
         * @description The partner's side: DfE matches a child on name, date of birth and postcode and returns addresses and schools.
         *     The gateway minimises the answer before it reaches the requester.
         */
        post: operations["upstreamDfePupilTrace"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/dwp/nino-trace": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * DWP confirms, finds or assigns a NINo for each grant in a batch (dwp.nino-alignment, ¶6.33).
         * @description Partial matches (a common name, a differing date of birth) come back with their candidates for resolution; DWP never silently accepts one.
         */
        post: operations["upstreamDwpNinoTrace"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/dwp/accessed-public-funds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Has this applicant claimed benefits, which, from when and on what basis (dwp.accessed-public-funds, ¶6.46–6.53).
         * @description The partner's side: DWP finds the applicant and lists the claims that ran since a day. The gateway minimises
         *     the answer.
         */
        post: operations["upstreamDwpAccessedPublicFunds"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/dwp/status-notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * DWP receives a proactive notification of a change in someone's immigration status (dwp.proactive-notification).
         * @description The partner's side: DWP acknowledges a notification of a change of status.
         */
        post: operations["upstreamDwpStatusNotification"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/hmrc/evidence-request": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * HMRC supplies evidence of employment, income and residence under UK Borders Act 2007 s.40 (hmrc.evidence-request, ¶6.87–6.95).
         * @description The partner's side: HMRC returns the employment, income and residence evidence it holds for the taxpayer
         *     named.
         */
        post: operations["upstreamHmrcEvidenceRequest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/hmrc/status-notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * HMRC receives a proactive notification of a change in someone's immigration status (hmrc.proactive-notification).
         * @description The partner's side: HMRC acknowledges a notification of a change of status.
         */
        post: operations["upstreamHmrcStatusNotification"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/nhs/trace": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * NHS Digital traces a person's latest registered address; non-clinical data only (nhs.trace-request, ¶5.31–5.36).
         * @description The partner's side: NHS Digital returns the latest registered address it holds, and nothing clinical.
         */
        post: operations["upstreamNhsTrace"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/home-office/status-check": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The Home Office's own records answer a status check (dwp.status-check, hmrc.status-check, dfe.education-status-check, dfe.fsm-eligibility, nhs.chargeability-check).
         * @description Answers with the whole status record; the gateway gives each partner only what its agreement allows, and computes ages from the date of birth.
         */
        post: operations["upstreamHomeOfficeStatusCheck"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/home-office/nhs-debtor-reports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The Home Office records an NHS debtor report against a person (nhs.debtor-return, ¶6.143–6.154).
         * @description The Home Office's side: the records service files a Trust's debtor report against the person.
         */
        post: operations["upstreamHomeOfficeNhsDebtorReport"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/financial/status-share": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A bank or building society receives a status share about a disqualified person (financial.status-share, ¶5.43).
         * @description The partner's side: the bank acknowledges a status share.
         */
        post: operations["upstreamFinancialStatusShare"];
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
        /** @description How the financial institution sandbox says no; it never repeats the personal data it was sent. */
        FinancialError: {
            /** @enum {string} */
            error: "invalid-request" | "malformed-json" | "payload-too-large" | "unsupported-media-type" | "not-found" | "internal";
            detail: string;
            fields?: {
                field: string;
                message: string;
            }[];
        };
        FinancialStatusShareAcknowledgement: {
            /** @enum {string} */
            status: "acknowledged";
            /** @description The same share always gets the same reference. */
            reference: string;
        };
        /** @description Tells a bank or building society that a customer is a disqualified person (Immigration Act 2014 s.40, Immigration Act 2016). */
        FinancialStatusShare: {
            shareReference?: string;
            subject: {
                forename: components["schemas"]["PersonName"];
                surname: components["schemas"]["PersonName"];
                dateOfBirth: components["schemas"]["IsoDate"];
                homeOfficeReference?: string;
                postcode?: components["schemas"]["Postcode"];
            };
            /** @enum {string} */
            status: "disqualified-person";
            /** @enum {string} */
            reason: "facing-deportation-for-criminal-offence" | "no-leave";
            effectiveFrom: components["schemas"]["IsoDate"];
        };
        HomeOfficeNhsDebtorReceipt: {
            /** @enum {string} */
            outcome: "recorded" | "not-matched";
            /** @description The same debt always gets the same reference. */
            reference?: string;
            /** @description The person the debt was recorded against. */
            homeOfficeReference?: string | null;
            /**
             * @description The status the Home Office already held for this debt, or null when it is new to it.
             * @enum {string|null}
             */
            previousStatus?: "debt-outstanding" | "repayment-arrangement" | "defaulted-debt-still-outstanding" | "debt-repaid" | null;
        };
        /** @description A Trust's report of an overseas visitor's unpaid NHS charges; the date of birth is mandatory. Non-clinical fields only. */
        HomeOfficeNhsDebtorReport: {
            homeOfficeReference?: string;
            forename?: components["schemas"]["PersonName"];
            surname?: components["schemas"]["PersonName"];
            dateOfBirth: components["schemas"]["IsoDate"];
            trust?: string;
            amountPence: number;
            invoicedOn: components["schemas"]["IsoDate"];
            /**
             * @description Figure 5 of the inspection report.
             * @enum {string}
             */
            status: "debt-outstanding" | "repayment-arrangement" | "defaulted-debt-still-outstanding" | "debt-repaid";
        };
        /** @description How the Home Office records sandbox says no; it never repeats the personal data it was sent. */
        HomeOfficeError: {
            /** @enum {string} */
            error: "invalid-request" | "malformed-json" | "payload-too-large" | "unsupported-media-type" | "not-found" | "internal";
            detail: string;
            fields?: {
                field: string;
                message: string;
            }[];
        };
        HomeOfficeStatusCheckResponse: {
            /**
             * @description multiple-matches when a name and date of birth fit more than one record; ask again with a NINo or Home Office reference.
             * @enum {string}
             */
            outcome: "matched" | "no-match" | "multiple-matches";
            record?: components["schemas"]["HomeOfficeStatusRecord"];
        };
        /** @description The whole status record, as CID holds it (British citizens from passport records, with no Home Office reference). */
        HomeOfficeStatusRecord: {
            homeOfficeReference: string | null;
            nino: string | null;
            forename: string;
            surname: string;
            /** Format: date */
            dateOfBirth: string;
            /** @description ISO 3166-1 alpha-3; GBR for British. */
            nationality: string;
            /** @enum {string} */
            immigrationStatus: "british-citizen" | "settled" | "limited-leave" | "no-leave" | "asylum-seeker" | "refugee" | "eea-settled";
            /** @description e.g. indefinite-leave-to-remain, skilled-worker, student, eu-settlement-scheme-settled. */
            leaveType: string | null;
            /** Format: date */
            leaveValidFrom: string | null;
            /**
             * Format: date
             * @description null when the leave is indefinite or there is none.
             */
            leaveValidTo: string | null;
            noRecourseToPublicFunds: boolean;
            /** @description Asylum support under s.95 (Part VI) of the Immigration and Asylum Act 1999 (¶6.127). */
            supportedUnderS95: boolean;
            /** Format: date */
            arrivedInUk: string | null;
            /** @description A Commonwealth citizen settled in the UK before 1 January 1973 (¶3.24). */
            windrushProfile: boolean;
            facingDeportationForCriminalOffence: boolean;
            sentenceMonths: number | null;
        };
        HomeOfficeStatusCheckRequest: {
            subject: components["schemas"]["HomeOfficeSubject"];
        };
        /** @description A person as the Home Office finds them, by NINo, Home Office reference, or name and date of birth. */
        HomeOfficeSubject: {
            nino?: string;
            homeOfficeReference?: string;
            forename?: components["schemas"]["PersonName"];
            surname?: components["schemas"]["PersonName"];
            dateOfBirth?: components["schemas"]["IsoDate"];
        };
        /** @description How the NHS Digital sandbox says no; it never repeats the personal data it was sent. */
        NhsError: {
            /** @enum {string} */
            error: "invalid-request" | "malformed-json" | "payload-too-large" | "unsupported-media-type" | "not-found" | "internal";
            detail: string;
            fields?: {
                field: string;
                message: string;
            }[];
        };
        /** @description Non-clinical data only; NHS Digital never returns medical information (¶5.31). */
        NhsTraceResponse: {
            /** @enum {string} */
            outcome: "matched" | "no-match" | "multiple-matches";
            patient?: {
                forename: string;
                surname: string;
                /** Format: date */
                dateOfBirth: string;
                /** @description The latest address registered with a GP, and since when. */
                address: {
                    line1: string;
                    town: string;
                    postcode: string;
                    /** Format: date */
                    from: string;
                };
                gpPracticeName: string;
            };
        };
        NhsTraceRequest: {
            forename: components["schemas"]["PersonName"];
            surname: components["schemas"]["PersonName"];
            dateOfBirth: components["schemas"]["IsoDate"];
            /** @description Any postcode the person is known to have lived at, to tell apart people with the same name and date of birth. */
            postcode?: components["schemas"]["Postcode"];
            /** @enum {string} */
            sex?: "F" | "M";
        };
        HmrcNotificationAcknowledgement: {
            /** @enum {string} */
            status: "acknowledged";
            /** @description The same notification always gets the same reference. */
            reference: string;
            /** @description Whether HMRC matched the subject to a taxpayer record. */
            recordFound: boolean;
        };
        HmrcStatusNotification: {
            notificationReference?: string;
            subject: {
                homeOfficeReference: string;
                forename: components["schemas"]["PersonName"];
                surname: components["schemas"]["PersonName"];
                dateOfBirth: components["schemas"]["IsoDate"];
                nino?: string;
            };
            /** @enum {string} */
            change: "leave-curtailed" | "leave-expired" | "leave-refused" | "no-leave" | "removed-from-uk";
            effectiveFrom: components["schemas"]["IsoDate"];
        };
        /** @description How the HMRC sandbox says no; it never repeats the personal data it was sent. */
        HmrcError: {
            /** @enum {string} */
            error: "invalid-request" | "malformed-json" | "payload-too-large" | "unsupported-media-type" | "not-found" | "internal" | "subject-out-of-scope";
            detail: string;
            fields?: {
                field: string;
                message: string;
            }[];
        };
        HmrcEvidenceResponse: {
            /** @enum {string} */
            outcome: "matched" | "no-match" | "multiple-matches";
            taxpayer?: {
                nino: string | null;
                forename: string;
                surname: string;
                /** Format: date */
                dateOfBirth: string;
            };
            employment?: {
                employer: string;
                payeReference: string;
                /** Format: date */
                from: string;
                /** Format: date */
                to: string | null;
            }[];
            /** @description Gross pay by tax year (6 April to 5 April) and employer, from PAYE real-time information. */
            income?: {
                taxYear: string;
                employer: string;
                payeReference: string;
                grossPayPence: number;
            }[];
            residence?: {
                line1: string;
                town: string;
                postcode: string;
                /** Format: date */
                from: string;
                /** Format: date */
                to: string | null;
            }[];
        };
        HmrcEvidenceRequest: {
            subject: components["schemas"]["HmrcSubject"];
            evidence: ("employment" | "income" | "residence")[];
            /** @description Exactly how the information will be used; HMRC releases nothing without it (¶6.79). */
            statedUse: string;
            caseReference?: components["schemas"]["CaseReference"];
        };
        /** @description A taxpayer as HMRC finds them, by NINo or by name and date of birth. */
        HmrcSubject: {
            nino?: string;
            forename?: components["schemas"]["PersonName"];
            surname?: components["schemas"]["PersonName"];
            dateOfBirth?: components["schemas"]["IsoDate"];
        };
        DwpNotificationAcknowledgement: {
            /** @enum {string} */
            status: "acknowledged";
            /** @description The same notification always gets the same reference. */
            reference: string;
            /** @description Whether DWP matched the subject to a customer record. */
            recordFound: boolean;
        };
        DwpStatusNotification: {
            notificationReference?: string;
            subject: {
                homeOfficeReference: string;
                forename: components["schemas"]["PersonName"];
                surname: components["schemas"]["PersonName"];
                dateOfBirth: components["schemas"]["IsoDate"];
                nino?: string;
            };
            /** @enum {string} */
            change: "leave-curtailed" | "leave-expired" | "leave-refused" | "no-leave" | "removed-from-uk";
            effectiveFrom: components["schemas"]["IsoDate"];
        };
        DwpAccessedPublicFundsResponse: {
            /** @enum {string} */
            outcome: "matched" | "no-match" | "partial-match";
            /** @description The matched customer's NINo. */
            nino?: string;
            claims?: components["schemas"]["DwpBenefitClaim"][];
            candidates?: components["schemas"]["DwpCandidate"][];
        };
        /** @description A DWP customer who might be the person asked about, returned so that the Home Office can resolve the match. */
        DwpCandidate: {
            forename: string;
            surname: string;
            /** Format: date */
            dateOfBirth: string;
            nino: string;
            /** @description Of the customer's current address. */
            postcode: string;
        };
        DwpBenefitClaim: {
            /** @enum {string} */
            benefit: "universal-credit" | "jobseekers-allowance" | "employment-support-allowance" | "personal-independence-payment" | "housing-benefit";
            /** Format: date */
            from: string;
            /** Format: date */
            to: string | null;
            /**
             * @description The condition of entitlement the benefit was paid on.
             * @enum {string}
             */
            basis: "income-related" | "contribution-based" | "disability" | "housing-costs";
            /**
             * @description How the claimant met the immigration and residence conditions, as DWP recorded it; none-recorded is what an Accessed Public Funds check looks for.
             * @enum {string}
             */
            residenceBasis: "british-or-irish-citizen" | "settled-status" | "eu-settlement-scheme" | "refugee-status" | "limited-leave" | "none-recorded";
            /** @description Where the claimant lived when the claim began (¶6.51). */
            claimAddress: {
                line1: string;
                town: string;
                postcode: string;
            };
        };
        DwpAccessedPublicFundsRequest: {
            subject: components["schemas"]["DwpSubject"];
            /** @description Only claims running on or after this day, e.g. since arrival. */
            since?: components["schemas"]["IsoDate"];
        };
        /** @description A person as DWP finds them, by NINo or by name and date of birth. */
        DwpSubject: {
            nino?: string;
            forename?: components["schemas"]["PersonName"];
            surname?: components["schemas"]["PersonName"];
            dateOfBirth?: components["schemas"]["IsoDate"];
        };
        /** @description How the DWP sandbox says no; it never repeats the personal data it was sent. */
        DwpError: {
            /** @enum {string} */
            error: "invalid-request" | "malformed-json" | "payload-too-large" | "unsupported-media-type" | "not-found" | "internal";
            detail: string;
            fields?: {
                field: string;
                message: string;
            }[];
        };
        DwpNinoTraceResponse: {
            batchReference?: string;
            results: components["schemas"]["DwpNinoTraceResult"][];
        };
        /**
         * @description confirmed: the NINo supplied matches DWP's records; found: DWP already holds a NINo for this person;
         *     assigned: DWP has allocated a new NINo; partial-match: candidates to resolve, and no NINo (¶6.33).
         */
        DwpNinoTraceResult: {
            homeOfficeReference: string;
            /** @enum {string} */
            outcome: "confirmed" | "found" | "assigned" | "partial-match";
            nino?: string;
            candidates?: components["schemas"]["DwpCandidate"][];
        };
        DwpNinoTraceRequest: {
            batchReference?: string;
            grants: components["schemas"]["DwpGrant"][];
        };
        /** @description A grant of leave recorded on CID; the NINo only where the applicant said they already have one. */
        DwpGrant: {
            homeOfficeReference: string;
            forename: components["schemas"]["PersonName"];
            surname: components["schemas"]["PersonName"];
            dateOfBirth: components["schemas"]["IsoDate"];
            nino?: string;
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
        DfePupilTraceRequest: {
            forename: string;
            surname: string;
            dateOfBirth: string;
            postcode: string;
        };
        Postcode: string;
        /**
         * Format: date
         * @description A calendar day, YYYY-MM-DD, from 1800-01-01 to 2999-12-31: every day the register, a date of birth or a decision can need, and no day the database cannot hold.
         */
        IsoDate: string;
        PersonName: string;
        /** @description The requester's case reference, so an exchange can be traced to a decision (¶6.79). Stored only as a keyed hash. */
        CaseReference: string;
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    upstreamDfePupilTrace: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "forename": "Amara",
                 *       "surname": "Okonkwo-Testcase",
                 *       "dateOfBirth": "2016-03-14",
                 *       "postcode": "LS6 2AB"
                 *     }
                 */
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
                    /**
                     * @example {
                     *       "status": "matched",
                     *       "pupil": {
                     *         "forename": "Amara",
                     *         "surname": "Okonkwo-Testcase",
                     *         "dateOfBirth": "2016-03-14",
                     *         "homeAddresses": [
                     *           {
                     *             "line1": "14 Headingley Lane",
                     *             "town": "Leeds",
                     *             "postcode": "LS6 2AB",
                     *             "from": "2019-03-01",
                     *             "to": null
                     *           }
                     *         ],
                     *         "schools": [
                     *           {
                     *             "urn": "149101",
                     *             "schoolName": "Ashgrove Fold Primary School",
                     *             "address": {
                     *               "line1": "3 Ashgrove Fold",
                     *               "town": "Bradford",
                     *               "postcode": "BD7 3EQ",
                     *               "from": "2020-09-01",
                     *               "to": "2021-04-30"
                     *             },
                     *             "from": "2020-09-01",
                     *             "to": "2021-04-30"
                     *           }
                     *         ],
                     *         "parents": [
                     *           {
                     *             "forename": "Chukwuemeka",
                     *             "surname": "Okonkwo-Testcase",
                     *             "relationship": "father"
                     *           }
                     *         ]
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["DfePupilTraceResponse"];
                };
            };
            /** @description The request is not valid; DfE never repeats what it was sent. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "invalid-request",
                     *       "detail": "The request does not match DfePupilTraceRequest"
                     *     }
                     */
                    "application/json": {
                        error: string;
                        detail?: string;
                    };
                };
            };
        };
    };
    upstreamDwpNinoTrace: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "batchReference": "DWP-NA-2026-0117",
                 *       "grants": [
                 *         {
                 *           "homeOfficeReference": "HO-4000001",
                 *           "forename": "Amara",
                 *           "surname": "Okonkwo-Testcase",
                 *           "dateOfBirth": "2016-03-14",
                 *           "nino": "YH204817B"
                 *         }
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["DwpNinoTraceRequest"];
            };
        };
        responses: {
            /** @description One result per grant, in the order sent. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "batchReference": "DWP-NA-2026-0117",
                     *       "results": [
                     *         {
                     *           "homeOfficeReference": "HO-4000004",
                     *           "outcome": "found",
                     *           "nino": "YH204817B"
                     *         },
                     *         {
                     *           "homeOfficeReference": "HO-4000007",
                     *           "outcome": "partial-match",
                     *           "candidates": [
                     *             {
                     *               "forename": "Mohammed",
                     *               "surname": "Rahman",
                     *               "dateOfBirth": "1991-07-19",
                     *               "nino": "JC318274A",
                     *               "postcode": "B11 1AA"
                     *             },
                     *             {
                     *               "forename": "Mohammed",
                     *               "surname": "Rahman",
                     *               "dateOfBirth": "1991-07-19",
                     *               "nino": "ZR550912C",
                     *               "postcode": "E1 6AN"
                     *             }
                     *           ]
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["DwpNinoTraceResponse"];
                };
            };
            /** @description The batch is not valid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "invalid-request",
                     *       "detail": "The request does not match DwpNinoTraceRequest",
                     *       "fields": [
                     *         {
                     *           "field": "subject.dateOfBirth",
                     *           "message": "is required"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["DwpError"];
                };
            };
        };
    };
    upstreamDwpAccessedPublicFunds: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "subject": {
                 *         "nino": "YH204817B",
                 *         "forename": "Amara",
                 *         "surname": "Okonkwo-Testcase",
                 *         "dateOfBirth": "2016-03-14"
                 *       },
                 *       "since": "2026-11-23"
                 *     }
                 */
                "application/json": components["schemas"]["DwpAccessedPublicFundsRequest"];
            };
        };
        responses: {
            /** @description The claims DWP holds, or why it found none. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "outcome": "matched",
                     *       "nino": "YH204817B",
                     *       "claims": [
                     *         {
                     *           "benefit": "housing-benefit",
                     *           "from": "2014-01-06",
                     *           "to": null,
                     *           "basis": "housing-costs",
                     *           "residenceBasis": "settled-status",
                     *           "claimAddress": {
                     *             "line1": "63 Albert Street",
                     *             "town": "London",
                     *             "postcode": "SW9 8ND"
                     *           }
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["DwpAccessedPublicFundsResponse"];
                };
            };
            /** @description The request is not valid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "invalid-request",
                     *       "detail": "The request does not match DwpAccessedPublicFundsRequest",
                     *       "fields": [
                     *         {
                     *           "field": "subject.dateOfBirth",
                     *           "message": "is required"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["DwpError"];
                };
            };
        };
    };
    upstreamDwpStatusNotification: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "notificationReference": "HO-PN-2026-004511",
                 *       "subject": {
                 *         "homeOfficeReference": "HO-4000001",
                 *         "forename": "Amara",
                 *         "surname": "Okonkwo-Testcase",
                 *         "dateOfBirth": "2016-03-14",
                 *         "nino": "YH204817B"
                 *       },
                 *       "change": "leave-curtailed",
                 *       "effectiveFrom": "2026-11-23"
                 *     }
                 */
                "application/json": components["schemas"]["DwpStatusNotification"];
            };
        };
        responses: {
            /** @description Acknowledged, with DWP's reference. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "acknowledged",
                     *       "reference": "DWP-N-3F9A0C11B2",
                     *       "recordFound": true
                     *     }
                     */
                    "application/json": components["schemas"]["DwpNotificationAcknowledgement"];
                };
            };
            /** @description The notification is not valid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "invalid-request",
                     *       "detail": "The request does not match DwpStatusNotification",
                     *       "fields": [
                     *         {
                     *           "field": "subject.dateOfBirth",
                     *           "message": "is required"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["DwpError"];
                };
            };
        };
    };
    upstreamHmrcEvidenceRequest: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "subject": {
                 *         "nino": "YH204817B",
                 *         "forename": "Amara",
                 *         "surname": "Okonkwo-Testcase",
                 *         "dateOfBirth": "2016-03-14"
                 *       },
                 *       "evidence": [
                 *         "employment"
                 *       ],
                 *       "statedUse": "To establish whether the applicant has worked in the UK, for a decision on their application for leave to remain.",
                 *       "caseReference": "IE-RC-2026-0042"
                 *     }
                 */
                "application/json": components["schemas"]["HmrcEvidenceRequest"];
            };
        };
        responses: {
            /** @description The evidence asked for, or no match. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "outcome": "matched",
                     *       "taxpayer": {
                     *         "nino": "YH204817B",
                     *         "forename": "Amara",
                     *         "surname": "Okonkwo-Testcase",
                     *         "dateOfBirth": "2016-03-14"
                     *       },
                     *       "employment": [
                     *         {
                     *           "employer": "Calder Analytics Ltd",
                     *           "payeReference": "120/CA55510",
                     *           "from": "2019-03-01",
                     *           "to": null
                     *         }
                     *       ],
                     *       "income": [
                     *         {
                     *           "taxYear": "2025-26",
                     *           "employer": "Calder Analytics Ltd",
                     *           "payeReference": "120/CA55510",
                     *           "grossPayPence": 3875000
                     *         }
                     *       ],
                     *       "residence": [
                     *         {
                     *           "line1": "14 Headingley Lane",
                     *           "town": "Leeds",
                     *           "postcode": "LS6 2AB",
                     *           "from": "2019-03-01",
                     *           "to": null
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["HmrcEvidenceResponse"];
                };
            };
            /** @description The request is not valid (for instance, it does not state how the information will be used, ¶6.79). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "invalid-request",
                     *       "detail": "The request does not match HmrcEvidenceRequest",
                     *       "fields": [
                     *         {
                     *           "field": "subject.dateOfBirth",
                     *           "message": "is required"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["HmrcError"];
                };
            };
            /** @description HMRC refuses, because its records show the subject is a British or EU/EEA citizen, whose data must not be swept in (¶6.79). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "subject-out-of-scope",
                     *       "detail": "HMRC does not release information about British citizens or EU/EEA nationals under this agreement"
                     *     }
                     */
                    "application/json": components["schemas"]["HmrcError"];
                };
            };
        };
    };
    upstreamHmrcStatusNotification: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "notificationReference": "HO-PN-2026-004511",
                 *       "subject": {
                 *         "homeOfficeReference": "HO-4000001",
                 *         "forename": "Amara",
                 *         "surname": "Okonkwo-Testcase",
                 *         "dateOfBirth": "2016-03-14",
                 *         "nino": "YH204817B"
                 *       },
                 *       "change": "leave-curtailed",
                 *       "effectiveFrom": "2026-11-23"
                 *     }
                 */
                "application/json": components["schemas"]["HmrcStatusNotification"];
            };
        };
        responses: {
            /** @description Acknowledged, with HMRC's reference. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "acknowledged",
                     *       "reference": "HMRC-N-7C2E90A4D1",
                     *       "recordFound": true
                     *     }
                     */
                    "application/json": components["schemas"]["HmrcNotificationAcknowledgement"];
                };
            };
            /** @description The notification is not valid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "invalid-request",
                     *       "detail": "The request does not match HmrcStatusNotification",
                     *       "fields": [
                     *         {
                     *           "field": "subject.dateOfBirth",
                     *           "message": "is required"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["HmrcError"];
                };
            };
        };
    };
    upstreamNhsTrace: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "forename": "Amara",
                 *       "surname": "Okonkwo-Testcase",
                 *       "dateOfBirth": "2016-03-14",
                 *       "postcode": "LS6 2AB",
                 *       "sex": "F"
                 *     }
                 */
                "application/json": components["schemas"]["NhsTraceRequest"];
            };
        };
        responses: {
            /** @description The trace result. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "outcome": "matched",
                     *       "patient": {
                     *         "forename": "Amara",
                     *         "surname": "Okonkwo-Testcase",
                     *         "dateOfBirth": "2016-03-14",
                     *         "address": {
                     *           "line1": "14 Headingley Lane",
                     *           "town": "Leeds",
                     *           "postcode": "LS6 2AB",
                     *           "from": "2019-03-01"
                     *         },
                     *         "gpPracticeName": "Headingley Medical Centre"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["NhsTraceResponse"];
                };
            };
            /** @description The request is not valid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "invalid-request",
                     *       "detail": "The request does not match NhsTraceRequest",
                     *       "fields": [
                     *         {
                     *           "field": "subject.dateOfBirth",
                     *           "message": "is required"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["NhsError"];
                };
            };
        };
    };
    upstreamHomeOfficeStatusCheck: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "subject": {
                 *         "nino": "YH204817B",
                 *         "homeOfficeReference": "HO-4000001",
                 *         "forename": "Amara",
                 *         "surname": "Okonkwo-Testcase",
                 *         "dateOfBirth": "2016-03-14"
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["HomeOfficeStatusCheckRequest"];
            };
        };
        responses: {
            /** @description The status record, or why there is none. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "outcome": "matched",
                     *       "record": {
                     *         "homeOfficeReference": "HO-4000001",
                     *         "nino": "YH204817B",
                     *         "forename": "Amara",
                     *         "surname": "Okonkwo-Testcase",
                     *         "dateOfBirth": "2016-03-14",
                     *         "nationality": "NGA",
                     *         "immigrationStatus": "british-citizen",
                     *         "leaveType": "dependant",
                     *         "leaveValidFrom": "2026-11-23",
                     *         "leaveValidTo": "2026-11-23",
                     *         "noRecourseToPublicFunds": false,
                     *         "supportedUnderS95": true,
                     *         "arrivedInUk": "2026-11-23",
                     *         "windrushProfile": true,
                     *         "facingDeportationForCriminalOffence": true,
                     *         "sentenceMonths": 18
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["HomeOfficeStatusCheckResponse"];
                };
            };
            /** @description The request is not valid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "invalid-request",
                     *       "detail": "The request does not match HomeOfficeStatusCheckRequest",
                     *       "fields": [
                     *         {
                     *           "field": "subject.dateOfBirth",
                     *           "message": "is required"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["HomeOfficeError"];
                };
            };
        };
    };
    upstreamHomeOfficeNhsDebtorReport: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "homeOfficeReference": "HO-4000001",
                 *       "forename": "Amara",
                 *       "surname": "Okonkwo-Testcase",
                 *       "dateOfBirth": "2016-03-14",
                 *       "trust": "Leeds Teaching Hospitals NHS Trust",
                 *       "amountPence": 65000,
                 *       "invoicedOn": "2026-11-23",
                 *       "status": "debt-outstanding"
                 *     }
                 */
                "application/json": components["schemas"]["HomeOfficeNhsDebtorReport"];
            };
        };
        responses: {
            /** @description Recorded against the person, or not matched to anyone. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "outcome": "recorded",
                     *       "reference": "HO-NHSD-5E1B7A20C9",
                     *       "homeOfficeReference": "HO-4000006",
                     *       "previousStatus": null
                     *     }
                     */
                    "application/json": components["schemas"]["HomeOfficeNhsDebtorReceipt"];
                };
            };
            /** @description The report is not valid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "invalid-request",
                     *       "detail": "The request does not match HomeOfficeNhsDebtorReport",
                     *       "fields": [
                     *         {
                     *           "field": "subject.dateOfBirth",
                     *           "message": "is required"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["HomeOfficeError"];
                };
            };
        };
    };
    upstreamFinancialStatusShare: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "shareReference": "HO-FS-2026-0031",
                 *       "subject": {
                 *         "forename": "Amara",
                 *         "surname": "Okonkwo-Testcase",
                 *         "dateOfBirth": "2016-03-14",
                 *         "homeOfficeReference": "HO-4000001",
                 *         "postcode": "LS6 2AB"
                 *       },
                 *       "status": "disqualified-person",
                 *       "reason": "facing-deportation-for-criminal-offence",
                 *       "effectiveFrom": "2026-11-23"
                 *     }
                 */
                "application/json": components["schemas"]["FinancialStatusShare"];
            };
        };
        responses: {
            /** @description Acknowledged, with the institution's reference. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "acknowledged",
                     *       "reference": "FIN-0A4C2E9B71"
                     *     }
                     */
                    "application/json": components["schemas"]["FinancialStatusShareAcknowledgement"];
                };
            };
            /** @description The share is not valid. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "invalid-request",
                     *       "detail": "The request does not match FinancialStatusShare",
                     *       "fields": [
                     *         {
                     *           "field": "subject.dateOfBirth",
                     *           "message": "is required"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["FinancialError"];
                };
            };
        };
    };
}
