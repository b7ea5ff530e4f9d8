// Generated from openapi.yaml by `npm run contracts`. Do not edit.
export interface paths {
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The process is alive.
         * @description Answers as long as the process runs; it reads nothing, so it never refuses and ignores any query string (a
         *     load balancer's cache-buster is welcome).
         */
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
        /**
         * The database is reachable and every migration is applied; whether the audit chain is known to be broken.
         * @description 200 once the database answers and no migration is pending; 503 otherwise, so a load balancer sends no traffic
         *     to a gateway that cannot audit. Stays 200 when the audit chain is broken, so that the DPO can still reach the
         *     console and the audit API to investigate; exchanges are refused meanwhile (503 audit-unavailable) and
         *     `auditChain` says so. Ignores any query string.
         */
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
    "/v1/exchanges/dwp/nino-alignment": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * dwp.nino-alignment: UKVI sends a batch of grants; DWP confirms, finds or assigns NINos (¶6.33).
         * @description UKVI sends the day's grants; DWP confirms, finds or assigns each person's NINo, and a partial match goes back
         *     for resolution, never silently accepted (¶6.41). Decided against the register, audited before anything is
         *     disclosed, and answered with only the fields the agreement allows; a refusal is 403 with the decision and its
         *     auditId. Send an Idempotency-Key to make a retry safe.
         */
        post: operations["dwpNinoAlignment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/exchanges/dwp/accessed-public-funds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * dwp.accessed-public-funds: has this applicant claimed benefits, on what basis (¶6.46–6.53).
         * @description UKVI asks DWP whether an applicant has claimed public funds, which and from when. Decided against the
         *     register, audited before anything is disclosed, and answered with only the fields the agreement allows; a
         *     refusal is 403 with the decision and its auditId. Send an Idempotency-Key to make a retry safe.
         */
        post: operations["dwpAccessedPublicFunds"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/exchanges/dwp/status-check": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * dwp.status-check: DWP checks a claimant's immigration status (reactive).
         * @description DWP asks the Home Office for a claimant's immigration status under its statutory duty; answered from the Home
         *     Office's own records. Decided against the register, audited before anything is disclosed, and answered with
         *     only the fields the agreement allows; a refusal is 403 with the decision and its auditId. Send an Idempotency-
         *     Key to make a retry safe.
         */
        post: operations["dwpStatusCheck"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/exchanges/dwp/proactive-notification": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * dwp.proactive-notification: the Home Office tells DWP of a change of status (proactive, compliant environment).
         * @description The Home Office volunteers a change of status to DWP. Proactive sharing is subject to the Windrush pause for
         *     anyone over 30 (¶3.24). Decided against the register, audited before anything is disclosed, and answered with
         *     only the fields the agreement allows; a refusal is 403 with the decision and its auditId. Send an Idempotency-
         *     Key to make a retry safe.
         */
        post: operations["dwpProactiveNotification"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/exchanges/hmrc/evidence-request": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * hmrc.evidence-request: IE or UKVI asks HMRC for evidence of employment, income and residence (UK Borders Act 2007 s.40, ¶6.87–6.95).
         * @description Immigration Enforcement or UKVI asks HMRC for employment, income and residence evidence, stating how it will
         *     be used; at most 10,000 a month, and never about British or EU citizens. Decided against the register, audited
         *     before anything is disclosed, and answered with only the fields the agreement allows; a refusal is 403 with
         *     the decision and its auditId. Send an Idempotency-Key to make a retry safe.
         */
        post: operations["hmrcEvidenceRequest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/exchanges/hmrc/status-check": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * hmrc.status-check: HMRC checks status for child benefit and tax credits (reactive).
         * @description HMRC asks the Home Office for a claimant's status for child benefit or tax credits; answered from the Home
         *     Office's own records. Decided against the register, audited before anything is disclosed, and answered with
         *     only the fields the agreement allows; a refusal is 403 with the decision and its auditId. Send an Idempotency-
         *     Key to make a retry safe.
         */
        post: operations["hmrcStatusCheck"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/exchanges/hmrc/proactive-notification": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * hmrc.proactive-notification: the Home Office tells HMRC of a change of status (proactive, compliant environment).
         * @description The Home Office volunteers a change of status to HMRC; paused for anyone over 30 while the Windrush pause is
         *     in force. Decided against the register, audited before anything is disclosed, and answered with only the
         *     fields the agreement allows; a refusal is 403 with the decision and its auditId. Send an Idempotency-Key to
         *     make a retry safe.
         */
        post: operations["hmrcProactiveNotification"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/exchanges/dfe/education-status-check": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * dfe.education-status-check: a school or LEA asks about a parent; the reply is leave type and validity only (¶6.115–6.120).
         * @description A school or local education authority asks about a parent; the reply gives leave type and validity only, never
         *     a name or a view on entitlement. Decided against the register, audited before anything is disclosed, and
         *     answered with only the fields the agreement allows; a refusal is 403 with the decision and its auditId. Send
         *     an Idempotency-Key to make a retry safe.
         */
        post: operations["dfeEducationStatusCheck"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/exchanges/dfe/fsm-eligibility": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * dfe.fsm-eligibility: is the parent supported under s.95 of the Immigration and Asylum Act 1999; the reply says Part VI (¶6.127–6.134).
         * @description DfE's Eligibility Checking System asks whether a parent is supported under Part VI of the 1999 Act; the reply
         *     says Part VI. Decided against the register, audited before anything is disclosed, and answered with only the
         *     fields the agreement allows; a refusal is 403 with the decision and its auditId. Send an Idempotency-Key to
         *     make a retry safe.
         */
        post: operations["dfeFsmEligibility"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/exchanges/nhs/chargeability-check": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * nhs.chargeability-check: an NHS Trust with its own signed MoU checks status for charging (¶6.160).
         * @description A Trust with its own signed MoU asks whether a patient is chargeable; non-clinical data only. Decided against
         *     the register, audited before anything is disclosed, and answered with only the fields the agreement allows; a
         *     refusal is 403 with the decision and its auditId. Send an Idempotency-Key to make a retry safe.
         */
        post: operations["nhsChargeabilityCheck"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/exchanges/nhs/debtor-return": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * nhs.debtor-return: a Trust reports a non-EEA debtor owing £500 or more for 2 months or more (¶6.143–6.154).
         * @description A Trust reports a non-EEA patient's debt of £500 or more outstanding for 2 months or more, with date of birth.
         *     Decided against the register, audited before anything is disclosed, and answered with only the fields the
         *     agreement allows; a refusal is 403 with the decision and its auditId. Send an Idempotency-Key to make a retry
         *     safe.
         */
        post: operations["nhsDebtorReturn"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/exchanges/nhs/trace-request": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * nhs.trace-request: the Home Office asks NHS Digital to trace a person, only for the narrowed purposes (¶5.36, fn 32).
         * @description The Home Office asks NHS Digital for a person's latest address, only for the three purposes of the narrowed
         *     MoU and only after other efforts failed. Decided against the register, audited before anything is disclosed,
         *     and answered with only the fields the agreement allows; a refusal is 403 with the decision and its auditId.
         *     Send an Idempotency-Key to make a retry safe.
         */
        post: operations["nhsTraceRequest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/exchanges/financial/status-share": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * financial.status-share: the Home Office tells a bank about a disqualified person, only under-30s facing deportation (¶5.43).
         * @description The Home Office tells a bank or building society that a person is disqualified; since the Windrush pause only
         *     about under-30s facing deportation for criminal offending. Decided against the register, audited before
         *     anything is disclosed, and answered with only the fields the agreement allows; a refusal is 403 with the
         *     decision and its auditId. Send an Idempotency-Key to make a retry safe.
         */
        post: operations["financialStatusShare"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/decisions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Evaluate a request without sending it (a dry run), optionally as of a past or future day.
         * @description Returns the full decision the gateway would make, with every rule and reason, using the agreements and
         *     directives in force on `asOf` (default today). The evaluation is written to the audit log as a dry run
         *     and never counts against a cap. Partners evaluate their own requests; DPOs, SROs and registry
         *     administrators name the party on whose behalf the request is evaluated.
         */
        post: operations["dryRunDecision"];
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
        /**
         * Search the audit log (Data Protection Officers).
         * @description Filters combine (all must hold). To search by person, use POST /v1/audit/subject-search, which keeps
         *     identifiers out of URLs.
         */
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
    "/v1/audit/entries/{auditId}/replay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Replay a decision on the register as it was known when it was made.
         * @description Runs the policy again on the facts sealed into the decision's entry (encrypted; never shown) and the register
         *     as it stood at the revision the entry names, and says whether the answer is the same, naming every difference.
         *     The entry also names the version of the rules in code; a replay under other rules says so. A DPO may replay any
         *     decision, a party those of its own exchanges, and reads the reasons as it was told them.
         */
        get: operations["replayAuditEntry"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/audit/subject-search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Entries about one person (Data Protection Officers).
         * @description Name the person by exactly one identifier: a NINo; forename, surname and date of birth together; or a Home
         *     Office reference. They travel in the body, never in a URL, and are neither stored nor logged: the gateway
         *     computes the keyed HMAC the log holds in their place and searches for it.
         */
        post: operations["searchAuditBySubject"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/audit/subject-report": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Every exchange about one person, for a subject access request (Data Protection Officers).
         * @description By whom, when, for what purpose, under which agreement and legal basis, what was decided and which fields
         *     were disclosed: each decision joined with its outcome, oldest first. Identifiers as for subject-search.
         *     Several identifiers of one person at once (`identifiers`: a NINo, a name with date of birth, a Home Office
         *     reference, up to 10) give one list of every exchange naming any of them, each row saying by position which
         *     it matched (`matchedBy`); only their keyed HMACs are compared. `?format=csv` or `Accept: text/csv` gives
         *     the same report as CSV for a subject access request, with a fixed file name and no identifier in any header.
         */
        post: operations["auditSubjectReport"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/audit/receipts/{auditId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A signed receipt proving an entry is in the log.
         * @description The entry, a signed checkpoint whose Merkle tree covers it, and the RFC 6962 inclusion proof from the entry's
         *     hash to that checkpoint's root. Check it with only the keys at /.well-known/audit-keys.json (audit/CHAIN.md).
         *     The party that made the exchange may fetch it, and a DPO.
         */
        get: operations["getAuditReceipt"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/audit/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Export a run of the log as JSON lines or CSV, with a signed manifest (Data Protection Officers).
         * @description Every entry from the first recorded at or after `from` to the last recorded before `to` (the whole log when
         *     both are absent), led by a signed manifest: count, first and last hash, a checkpoint covering the last entry
         *     and the inclusion proof for it. `npm run audit -- verify-export <file>` checks it with no database. At most
         *     100,000 entries are exported this way; use `npm run audit -- export` for more.
         */
        get: operations["exportAuditLog"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/audit/verification": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Verify the whole log now (Data Protection Officers).
         * @description Recomputes every entry's hash and its link to the one before, checks seq has no gaps and every signed
         *     checkpoint against the entries it covers, and names the first entry that does not fit (edited, deleted,
         *     inserted, reordered, rewritten). Also reports whether the database still enforces append-only.
         */
        get: operations["verifyAuditLog"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/audit/proofs/inclusion": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The RFC 6962 inclusion proof of an entry in the tree of a given size.
         * @description Read from the stored Merkle tree: O(log n) hashes whatever the size of the log. Check it against the root of
         *     a signed checkpoint of that size (audit/CHAIN.md §6). The party that made the exchange may fetch it, and a
         *     DPO. `treeSize` defaults to the newest signed checkpoint's size; it may be any size from the entry's seq up
         *     to that (422 beyond it).
         */
        get: operations["getAuditInclusionProof"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/audit/proofs/consistency": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The RFC 6962 consistency proof that the tree of size `from` is a prefix of the tree of size `to`.
         * @description Read from the stored Merkle tree: O(log n) hashes. With the roots of two signed checkpoints it shows the log
         *     only grew between them (audit/CHAIN.md §6); witnesses check one before they cosign. 400 when `from` > `to`,
         *     422 when `to` is beyond the newest signed checkpoint.
         */
        get: operations["getAuditConsistencyProof"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/audit/checkpoint": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The newest checkpoint as a C2SP signed note (tlog-checkpoint), with the witnesses' cosignatures.
         * @description Origin line, tree size, base64 root hash, a blank line, then the gateway's Ed25519 note signature and every
         *     registered witness's cosignature of this size (c2sp.org/tlog-cosignature). audit/CHAIN.md §8a gives the
         *     bytes. 503 when no checkpoint has been signed as a note yet.
         */
        get: operations["getAuditCheckpoint"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/audit/checkpoint/cosignatures": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A registered witness sends its cosignature of a signed checkpoint.
         * @description `cosignature` is the signature line the witness adds to the note, `— <witness name> base64(key ID ‖ u64
         *     timestamp ‖ Ed25519 signature)`, over the checkpoint of `treeSize`. It is kept (append-only) only when it
         *     verifies with the witness's registered key; the same witness sending the same size again keeps the first.
         */
        post: operations["addAuditCosignature"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/audit/witnesses": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The registered witnesses, and the largest checkpoint each has cosigned.
         * @description Each witness's name and public key as registered, and the largest tree size whose checkpoint it has cosigned, so a reader sees how far the log is witnessed.
         */
        get: operations["listAuditWitnesses"];
        put?: never;
        /**
         * Register a witness's Ed25519 cosigning key (register administrators; append-only, audited).
         * @description `vkey` is the witness's C2SP verifier key with signature type 0x04: `<name>+<hex key ID>+base64(0x04 ‖
         *     32-byte public key)`, as `npm run audit -- witness init` prints it. A name or key already registered is 422.
         */
        post: operations["registerAuditWitness"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/.well-known/audit-keys.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The public keys that sign audit checkpoints, receipts and export manifests (JWKS).
         * @description Every key ever used stays listed after rotation, so old checkpoints still verify.
         */
        get: operations["getAuditKeys"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/register/parties": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every party the register knows, including defunct ones.
         * @description Every party, with the day it became defunct if it has, so an agreement naming a defunct agency is visible as such
         *     (¶6.130). Any authenticated caller.
         */
        get: operations["listParties"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/register/collaborations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every collaboration with its owner, its agreements and where each stands on a day.
         * @description The register of collaborations (recommendation 1), each with its owner and its agreements' standing on `asOf`
         *     (default today). Any authenticated caller.
         */
        get: operations["listCollaborations"];
        put?: never;
        /**
         * Add a collaboration (registry administrators).
         * @description Registry administrators add a collaboration; the change is audited in the same transaction. 409 when the id is
         *     taken. Send an Idempotency-Key to make a retry safe.
         */
        post: operations["createCollaboration"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/register/collaborations/{collaborationId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One collaboration with every agreement version and its standing on a day, and its scorecard.
         * @description A collaboration as the SRO reviews it: every agreement version, its standing on `asOf`, and its scorecard. Any
         *     authenticated caller.
         */
        get: operations["getCollaboration"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/register/agreements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Add an agreement to a collaboration (registry administrators).
         * @description Registry administrators add an agreement to a collaboration; its terms come in versions. Audited in the same
         *     transaction. Send an Idempotency-Key to make a retry safe.
         */
        post: operations["createAgreement"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/register/agreements/{agreementId}/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every version of an agreement, with its standing on a day (as-of reads recall any past day's terms).
         * @description Every version of an agreement, oldest first, with the one that governs on `asOf`; past days' terms stay
         *     readable. Any authenticated caller.
         */
        get: operations["listAgreementVersions"];
        put?: never;
        /**
         * Draft a new version (registry administrators). A signed version is never edited; a change is a new version.
         * @description Registry administrators draft the next version; it governs nothing until every party has signed and it is in
         *     force. The body's `agreementId` must be the path's (400 otherwise). Send an Idempotency-Key to make a retry
         *     safe.
         */
        post: operations["draftAgreementVersion"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/register/agreements/{agreementId}/versions/{version}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One version with its standing on a day.
         * @description One version's terms, signatures and standing on `asOf`. Any authenticated caller.
         */
        get: operations["getAgreementVersion"];
        /**
         * Replace the terms of a draft (registry administrators); refused with 409 once any party has signed.
         * @description Registry administrators replace an unsigned draft's terms; once any party has signed it is frozen and this is
         *     409. The body's `agreementId` and `version` must be the path's (400 otherwise): a PUT cannot move a draft. A
         *     PUT, so a retry is safe as it stands.
         */
        put: operations["replaceDraftVersion"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/register/agreements/{agreementId}/versions/{version}/signatures": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record one party's signature (registry administrators). The version is frozen from the first signature.
         * @description Registry administrators record a party's signature, its signatory and the day it was signed; the version's terms
         *     are frozen from the first signature. Send an Idempotency-Key to make a retry safe.
         */
        post: operations["signAgreementVersion"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/register/agreements/{agreementId}/versions/{version}/lifecycle": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Suspend, reinstate or terminate a version from a day (registry administrators). Never back-dated.
         * @description Registry administrators suspend, reinstate or terminate a version from today or a later day; never back-dated.
         *     Send an Idempotency-Key to make a retry safe.
         */
        post: operations["changeVersionLifecycle"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/register/agreements/{agreementId}/versions/{version}/joint-reviews": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A version's joint reviews, whether each is joint yet, their improvement actions and what is overdue (rec 2f).
         * @description Oldest first; each review names the parties still to sign it off, and each action is open, closed or overdue, with signals for what is late.
         */
        get: operations["listJointReviews"];
        put?: never;
        /**
         * Record a joint review held with every party, its findings and its improvement plan (Senior Responsible Officers, rec 2f).
         * @description Attendees must include someone for every party to the version; each improvement action has an owner from a
         *     party and a due date. The review is joint only once every party has signed it off (sign-offs); then it is
         *     the version's review and the next is due an interval later. Missing attendees or strangers: 422.
         */
        post: operations["holdJointReview"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/register/joint-reviews/{reviewId}/sign-offs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * One party's sign-off of a joint review (a partner for its own party; an SRO for the Home Office's).
         * @description The review becomes joint, and the version's review, once every party has signed it off; a second sign-off by the same party is 409.
         */
        post: operations["signOffJointReview"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/register/improvement-actions/{actionId}/closure": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Close an improvement action with what came of it (Senior Responsible Officers).
         * @description An action is closed once, with its outcome; it is audited as a register change.
         */
        post: operations["closeImprovementAction"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/register/directives": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Directives, or only those in force on a day.
         * @description Directives such as the Windrush pause, with their days in force; `asOf` lists only those in force on that day.
         *     Any authenticated caller.
         */
        get: operations["listDirectives"];
        put?: never;
        /**
         * Issue a time-bounded directive that overrides agreements (registry administrators).
         * @description Registry administrators issue a time-bounded directive that decisions follow from its first day; its kind and
         *     condition are checked against this contract. Send an Idempotency-Key to make a retry safe.
         */
        post: operations["issueDirective"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/register/directives/{directiveId}/end": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Extend a directive, or lift it, by moving its last day (registry administrators). Past days are never rewritten.
         * @description Registry administrators move a directive's last day, to extend or lift it; days already past are never
         *     rewritten. Send an Idempotency-Key to make a retry safe.
         */
        post: operations["endDirective"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/register/scorecard": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every collaboration against the seven characteristics, with what needs attention first.
         * @description Every collaboration scored against the inspection's seven characteristics, worst first, so the SRO sees what
         *     needs attention. Any authenticated caller.
         */
        get: operations["registerScorecard"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/register/published": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The published list of business-as-usual collaborations with purpose and Home Office owner (recommendation 1).
         * @description The list recommendation 1 asks to publish: business-as-usual collaborations with their purpose and Home Office
         *     owner, and nothing else. Public: no token is needed.
         */
        get: operations["publishedCollaborations"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/measures": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Performance measures per collaboration, agreement and exchange, from the audit log alone (SROs and DPOs).
         * @description Computed afresh from the audit log each time, up to the log head it reports (`logHead`), so two reports of the
         *     same window and head always agree (¶6.106). For each collaboration, agreement and exchange: requests in both
         *     directions, permits and refusals by rule, partner outcomes and match rate, response times (p50 and p95, nearest
         *     rank) against the SLA of the agreement version each exchange was made under, outcomes fed back by the parties
         *     (¶6.62), the monthly cap used this month as the cap rule counts it, and sharing under each directive. The window
         *     is London days, both ends included; by default this month so far.
         */
        get: operations["getMeasures"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/measures/collaborations/{collaborationId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One collaboration's measures and the same figures over time (SROs and DPOs).
         * @description By default the last twelve weeks, week by week (Monday to Sunday).
         */
        get: operations["getCollaborationMeasures"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/measures/signals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * What needs attention now, most urgent first (SROs and DPOs).
         * @description An expected feed that stopped (a measure's `cadence`, ¶6.136), SLA breaches in the last 30 days, monthly caps at
         *     80% or more (¶6.112), joint reviews overdue (¶6.140) and directives that lapse within 30 days (¶5.43).
         */
        get: operations["listSignals"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/feedback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Report what an exchange led to (parties to the exchange, ¶6.62).
         * @description Either party to a permitted, completed exchange says what came of it, by the exchange's `auditId` and one
         *     outcome from a fixed list (never free text). Written to the audit log as a `feedback` entry linked to the
         *     decision; the measures show the outcome rates per collaboration. An exchange the caller was not party to is
         *     404; a refused or failed exchange, a repeated outcome, or `no-action` beside another outcome is 409.
         *     The accuracy loop: `wrong-person` and `data-inaccurate` say the data were wrong; `corrected` says they were put
         *     right, naming in `corrects` the report it answers (409 if that is no such report on the exchange) or, without
         *     it, the decision. The measures show an accuracy rate per collaboration and agreement (Figures.accuracy).
         */
        post: operations["reportFeedback"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/measures/reported": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record a figure for an operation outside the gateway, with its source (Senior Responsible Officers).
         * @description Rec 3 asks for measures of every collaboration; some run outside the gateway (Project WALKS: 503 referrals, 15
         *     of interest, ¶6.19; Operation DINTEL: 425 cases reviewed, ¶6.180; the IECAS helpline, about 50 calls a day,
         *     ¶6.160). An SRO records the figure for a period with its source. Append-only (a figure found wrong is
         *     corrected by recording another); recorded with the database's clock and the actor, and audited as a
         *     `register-change` (`record-reported-measure`) in the same transaction. Shown in the collaboration's measures
         *     under `reported`, each marked `basis: reported`.
         */
        post: operations["recordReportedMeasure"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/obligations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Obligations decisions put on someone, tracked to confirmation (SROs and DPOs).
         * @description Worked out from the audit log each time, never stored: a completed exchange whose outcome referred the case to
         *     the Windrush Taskforce (¶3.24) gives the Home Office a `refer-to-windrush-taskforce` obligation; a completed
         *     `nhs.debtor-return` gives the reporting Trust an `inform-patient-of-debt-report` obligation (¶5.29, ¶5.31).
         *     Each is due 10 working days (England and Wales, bank holidays skipped) after the exchange completed; the
         *     report sets no deadline, so the register's own return period is used (¶6.110). `overdue` from the day after
         *     the due date until an `obligation-confirmation` entry says it was done; overdue ones raise an
         *     `obligation-overdue` signal.
         */
        get: operations["listObligations"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/obligations/{obligationId}/confirmation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The responsible party confirms an obligation was done.
         * @description Appends an `obligation-confirmation` entry, linked to the decision, in the transaction that checks the
         *     obligation. Only the responsible party (the Home Office for a referral, the reporting Trust for informing the
         *     patient) may confirm; anyone else gets 404. A second confirmation is 409. The body is an empty JSON object:
         *     a confirmation carries no free text, so it cannot carry personal data.
         */
        post: operations["confirmObligation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/console/people": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The register of people, who may sign into the console and as what (registry administrators).
         * @description Each mapping gives a console role to a person, by their subject at the identity provider (`claim: sub`), or to
         *     everyone in a group the provider lists in the ID token (`claim: group`, the `OIDC_GROUPS_CLAIM`). A person
         *     holds every role any of their mappings gives. The list is what stands now; the history behind it is kept.
         */
        get: operations["listConsolePeople"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/console/people/grants": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Give a person, or a group, a console role (registry administrators).
         * @description Written with its audit entry (`register-change`, `grant-console-role`) in one transaction; a subject appears
         *     in the log only as a keyed HMAC. A role the person or group already holds is 409. Takes effect at their next
         *     page.
         */
        post: operations["grantConsoleRole"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/console/people/revocations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Take a console role away from a person or a group (registry administrators).
         * @description Audited in the same transaction (`revoke-console-role`). Sessions of people who no longer hold any console
         *     role end at their next page. A role not held is 404.
         */
        post: operations["revokeConsoleRole"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/completions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Report when the partner finished the work an exchange asked for (the answering party).
         * @description The party that answered a permitted exchange says when its back office completed the work (a NINo allocated
         *     or traced, a trace answered, a check answered), by the exchange's `auditId`. The SLA is judged from the
         *     request to this time (¶6.34: 5 days, 48 hours for refugees; ¶6.110: 10 working days), not from the HTTP
         *     answer. Written to the audit log as a `feedback` entry linked to the decision (with `feedback: completed`);
         *     one completion per exchange. Not the answering party, or no such exchange: 404. Refused, already reported,
         *     or a time before the request or in the future: 409 or 422.
         */
        post: operations["reportCompletion"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/exchanges/{partner}/{exchange}/batches": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Submit a batch of records for a bulk exchange (dwp.nino-alignment, dfe.fsm-eligibility, dfe.child-trace, hmrc.evidence-request).
         * @description Each record is exactly the body the exchange's single endpoint takes, and is checked against its schema;
         *     a record that fails is reported on its own line of the results, not as the batch's failure. Every valid
         *     record is then decided, audited, forwarded and minimised as the single call would be, counted against the
         *     same caps. At most BATCH_MAX_RECORDS records (10,000 by default) a batch. Answers 202 with a Location to
         *     poll; the results are kept for BATCH_RETENTION_DAYS days (7 by default).
         *
         *     Instead of polling, the partner may be called back: `callbackUrl` names one of the callback URLs a registry
         *     administrator registered for its client (PUT /v1/clients/{clientId}/callback-urls); any other URL is refused
         *     with 422 and nothing is taken. Once every record is done the gateway POSTs `batchFinished` to it, signed
         *     (Standard Webhooks, Ed25519), tried again with backoff until a 2xx answer or BATCH_CALLBACK_MAX_ATTEMPTS.
         */
        post: operations["submitExchangeBatch"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/batches/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A batch's progress (its submitting party only).
         * @description How many records are done, permitted, refused, failed and invalid, and whether the batch is still running; another party's batch is not found.
         */
        get: operations["getBatch"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/batches/{id}/results": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A batch's results as NDJSON, one line per record in order (its submitting party only).
         * @description Each line has the record's `index` and `status` (permitted, refused, failed, invalid or pending); a decided
         *     record has its `auditId`, `decision`, `rules` and `outcome`, and a permitted one the minimised `result` the
         *     single call would have given. A record taken up again after the gateway stopped is marked `recovered`:
         *     it was not decided twice, and its line says what the audit log holds for it.
         */
        get: operations["getBatchResults"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/.well-known/callback-keys.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The public keys that sign batch callbacks (JWKS).
         * @description The newest key signs; every key ever used stays listed after rotation (npm run callback-keys -- rotate-key).
         */
        get: operations["getCallbackKeys"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Prometheus metrics (the scraper, with the metrics token).
         * @description Requests, decisions and denials by rule, partner outcomes and upstream latency, audit append latency and
         *     failures, and the size of the audit log, in the Prometheus text format. No personal data: labels are
         *     exchanges, rules, outcomes and routes only. Needs `Authorization: Bearer <METRICS_TOKEN>`; when METRICS_TOKEN
         *     is not set the endpoint is off (404). Not rate-limited (the scraper is one caller); 503 while the gateway
         *     shuts down.
         */
        get: operations["getMetrics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/clients": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every registered client as it stands now (registry administrators).
         * @description Each client's latest state in the client register (its party, roles, status and keys); its history is on the client's own page.
         */
        get: operations["listClients"];
        put?: never;
        /**
         * Register a partner's system with its party, roles and public keys (registry administrators).
         * @description The keys are a JWKS given inline (`jwks`, public ES256 or EdDSA keys, each with its `kid`) or the `jwksUri` where
         *     the client publishes them (https, or http on this host), which the gateway fetches as OpenID Connect's
         *     private_key_jwt does: cached, with a deadline and a size limit. The private key never reaches the gateway.
         *     A client id is registered once, ever; a key id belongs to one client, ever. Audited with its `reason`.
         */
        post: operations["registerClient"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/clients/{clientId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A client as it stands now, and every change to it, oldest first (registry administrators).
         * @description Every change is a row recorded with the database's clock, who made it and why; nothing is ever changed in place.
         */
        get: operations["getClient"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/clients/{clientId}/keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Rotate a client's keys - the new key set replaces the old (registry administrators).
         * @description To rotate without a gap, send the old and new keys together, then, once the client signs with the new key,
         *     the new key alone: a key left out is retired. A revoked key id can never come back.
         */
        put: operations["replaceClientKeys"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/clients/{clientId}/callback-urls": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Set where a client's batches may be called back - the new list replaces the old (registry administrators).
         * @description A batch may name only one of these as its callbackUrl, so the gateway never calls an address a caller typed
         *     in. A URL withdrawn here is not called again, even for a batch taken before. Audited with its `reason`.
         */
        put: operations["replaceClientCallbackUrls"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/clients/{clientId}/key-revocations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Revoke one of a client's keys, for good (registry administrators).
         * @description The key stops working in every gateway process within CLIENT_REGISTER_POLL_MS, even if a jwks_uri still serves it.
         */
        post: operations["revokeClientKey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/clients/{clientId}/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Suspend, reinstate or disable a client (registry administrators). Disabling is final.
         * @description Takes effect in every gateway process within CLIENT_REGISTER_POLL_MS. A client cannot suspend or disable itself.
         */
        post: operations["changeClientStatus"];
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
        BatchAccepted: {
            /** Format: uuid */
            id: string;
            exchange: string;
            total: number;
            /** @description Records that failed their schema; their lines say why. */
            invalid: number;
            progress: string;
            results: string;
        };
        BatchProgress: {
            /** Format: uuid */
            id: string;
            exchange: string;
            /** @enum {string} */
            state: "running" | "done";
            total: number;
            done: number;
            permitted: number;
            refused: number;
            failed: number;
            invalid: number;
            /** Format: date-time */
            submittedAt: string;
            /** Format: date-time */
            finishedAt: string | null;
            results: string;
            /** @description The call back the batch asked for, and how its attempts went; null when it named no callbackUrl. */
            callback: components["schemas"]["BatchCallbackState"] | null;
        };
        BatchCallbackState: {
            url: string;
            /**
             * @description pending: waiting for the batch to finish, or for the next attempt.
             * @enum {string}
             */
            state: "pending" | "delivered" | "failed";
            attempts: number;
            /** @description The HTTP status of the last attempt's answer (its body is never kept). */
            lastStatus: number | null;
            /**
             * @description Why the last attempt got no answer; unregistered - the URL was withdrawn from the client since.
             * @enum {string|null}
             */
            lastError: "timeout" | "unreachable" | "unregistered" | null;
            /** Format: date-time */
            lastAttemptAt: string | null;
            /** Format: date-time */
            nextAttemptAt: string | null;
            /** Format: date-time */
            deliveredAt: string | null;
        };
        /**
         * @description One line of a batch's results: what the record at `index` came to, as the single call would have answered it.
         *     A decided record has its `auditId`, `decision`, `rules` and `outcome`; a permitted one the minimised `result`;
         *     a record that failed its schema its `errors`; a record taken up again after the gateway stopped is marked
         *     `recovered`, and says what the audit log holds for it.
         */
        BatchResultLine: {
            /** @description The record's position in the batch, from 0. */
            index: number;
            /** @description The request id its audit entries carry. */
            requestId?: string;
            /** @enum {string} */
            status: "permitted" | "refused" | "failed" | "invalid" | "pending";
            /** Format: uuid */
            auditId?: string;
            /** @enum {string} */
            decision?: "permit" | "deny";
            /** @description The exchange's outcome as its single call names it, or refused, upstream-failed, upstream-timeout, invalid-request, interrupted. */
            outcome?: string;
            agreement?: components["schemas"]["AuditAgreementRef"];
            rules?: {
                id: string;
                /** @enum {string} */
                outcome: "permit" | "deny" | "not-applicable";
                reason: string;
            }[];
            /** @description The minimised answer, as the exchange's single endpoint gives it under `result`. */
            result?: Record<string, never>;
            notices?: string[];
            detail?: string;
            errors?: {
                field: string;
                message: string;
            }[];
            /** @enum {boolean} */
            recovered?: true;
        };
        /** @description The body of a batch's callback - counts and links, no personal data. */
        BatchFinished: {
            /** @enum {string} */
            type: "batch.finished";
            /**
             * Format: date-time
             * @description When the last record was done.
             */
            timestamp: string;
            data: {
                /** Format: uuid */
                id: string;
                exchange: string;
                /** @enum {string} */
                state: "done";
                total: number;
                permitted: number;
                refused: number;
                failed: number;
                invalid: number;
                /** Format: date-time */
                submittedAt: string;
                /** Format: date-time */
                finishedAt: string;
                /** Format: uri */
                progress: string;
                /**
                 * Format: uri
                 * @description GET it with the client's own token (NDJSON).
                 */
                results: string;
            };
        };
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
            /**
             * @description broken when a check (the checkpointer, or a verification of the whole log) found the log altered and no
             *     verification of the whole log has passed since; exchanges are then refused on every gateway process.
             */
            auditChain?: {
                /** @enum {string} */
                status: "broken" | "not-broken";
                /** Format: date-time */
                since?: string;
                firstBadSeq?: number | null;
                /** @enum {string} */
                exchanges: "served" | "refused";
            };
        };
        /** @description A register code (purpose, legal basis, agreement id). */
        Code: string;
        /** @description The requester's case reference, so an exchange can be traced to a decision (¶6.79). Stored only as a keyed hash. */
        CaseReference: string;
        /**
         * Format: date
         * @description A calendar day, YYYY-MM-DD, from 1800-01-01 to 2999-12-31: every day the register, a date of birth or a decision can need, and no day the database cannot hold.
         */
        IsoDate: string;
        PersonName: string;
        Postcode: string;
        ReplayedDecision: {
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
        };
        Replay: {
            /** Format: uuid */
            auditId: string;
            /** @enum {string} */
            kind: "decision" | "dry-run" | "lookup";
            /** @description The replay gives the same decision, rules, reasons, obligations, agreement and directives. */
            identical: boolean;
            /** @description Each difference in words; empty when identical. */
            differences: string[];
            /** @description The register state replayed on: the revision the decision named, or (a dry run as known on a past day) the moment. */
            register: {
                generation?: number;
                /** Format: date-time */
                knownBefore?: string;
            };
            policyVersion: {
                original: string | null;
                now: string;
                changed: boolean;
            };
            note?: string;
            original: components["schemas"]["ReplayedDecision"];
            replayed: components["schemas"]["ReplayedDecision"];
        };
        /**
         * @description Record time: read the register as the gateway had been told it by then, whatever days its facts speak of
         *     (`asOf` is valid time). A day (YYYY-MM-DD) means by the end of that day in London; a moment (RFC 3339) up to it.
         *     Default: now.
         */
        AsKnownOn: components["schemas"]["IsoDate"] | string;
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
            /**
             * @description Where the agreement's monthly cap stands after this decision (counted per calendar month in London). Given
             *     only to the parties to the agreement, and only where the agreement sets a cap; a dry run and a refusal
             *     take no place under it. Real exchanges also carry it as the `monthly-cap` policy of the `RateLimit` fields.
             */
            monthlyCap?: {
                limit: number;
                used: number;
                remaining: number;
                /** @example 2026-11 */
                month: string;
            };
        };
        DryRunRequest: {
            exchange: components["schemas"]["Code"];
            asOf?: components["schemas"]["IsoDate"];
            asKnownOn?: components["schemas"]["AsKnownOn"];
            /**
             * @description On whose behalf the request is evaluated. Required when a DPO, SRO or registry administrator asks (400
             *     without it); a partner may leave it out, and may name only itself (403 otherwise).
             */
            party?: components["schemas"]["Code"];
            /** @description The body the exchange's own endpoint takes; checked against that endpoint's schema as well. */
            request: components["schemas"]["ExchangeEnvelope"];
        };
        /** @description The person an exchange is about. Which of these fields an exchange may carry is set by its agreement. */
        Subject: {
            forename: components["schemas"]["PersonName"];
            surname: components["schemas"]["PersonName"];
            dateOfBirth: components["schemas"]["IsoDate"];
            nino?: string;
            homeOfficeReference?: string;
            postcode?: components["schemas"]["Postcode"];
        };
        /** @description A reactive status check a public body makes under its own statutory duties (¶5.43, ¶6.56). */
        StatusCheckRequest: {
            purpose: components["schemas"]["Code"];
            legalBasis: components["schemas"]["Code"];
            caseReference: components["schemas"]["CaseReference"];
            agreementId?: components["schemas"]["Code"];
            subject: components["schemas"]["Subject"];
        };
        StatusCheckResponse: {
            /** Format: uuid */
            auditId: string;
            decision: components["schemas"]["Decision"];
            /** @enum {string} */
            outcome: "matched" | "no-match" | "multiple-matches";
            /** @description What the partner is told beyond the result, e.g. that the case has been referred to the Windrush Taskforce. */
            notices?: string[];
            /** @description Only the fields the agreement allows for this exchange. */
            result: {
                match?: boolean;
                immigrationStatus?: string;
                leaveType?: string | null;
                leaveValidTo?: string | null;
                noRecourseToPublicFunds?: boolean;
                supportedUnderS95?: boolean;
                /** @description Says "Part VI" when the parent is supported under s.95 (¶6.134). */
                partVI?: string | null;
                windrushReferral?: boolean;
            };
        };
        /** @description The Home Office volunteers a change of status so that a department can act on it (compliant environment). */
        ProactiveNotificationRequest: {
            purpose: components["schemas"]["Code"];
            legalBasis: components["schemas"]["Code"];
            caseReference: components["schemas"]["CaseReference"];
            agreementId?: components["schemas"]["Code"];
            notificationReference: components["schemas"]["CaseReference"];
            subject: components["schemas"]["Subject"];
            /** @enum {string} */
            change: "leave-curtailed" | "leave-expired" | "leave-refused" | "no-leave" | "removed-from-uk";
            effectiveFrom: components["schemas"]["IsoDate"];
        };
        AcknowledgementResponse: {
            /** Format: uuid */
            auditId: string;
            decision: components["schemas"]["Decision"];
            /** @enum {string} */
            outcome: "acknowledged" | "recorded" | "not-matched";
            result: {
                reference?: string;
                recordFound?: boolean;
                recorded?: boolean;
                previousStatus?: string | null;
            };
        };
        NinoAlignmentRequest: {
            purpose: components["schemas"]["Code"];
            legalBasis: components["schemas"]["Code"];
            caseReference: components["schemas"]["CaseReference"];
            agreementId?: components["schemas"]["Code"];
            batchReference: components["schemas"]["CaseReference"];
            grants: {
                homeOfficeReference: string;
                forename: components["schemas"]["PersonName"];
                surname: components["schemas"]["PersonName"];
                dateOfBirth: components["schemas"]["IsoDate"];
                nino?: string;
                /** @description Refugees and vulnerable people are traced within 48 hours (¶6.34). */
                vulnerable?: boolean;
            }[];
        };
        NinoAlignmentResponse: {
            /** Format: uuid */
            auditId: string;
            decision: components["schemas"]["Decision"];
            /** @enum {string} */
            outcome: "aligned" | "needs-resolution";
            result: {
                matches?: {
                    homeOfficeReference: string;
                    /** @enum {string} */
                    outcome: "confirmed" | "found" | "assigned";
                    nino: string;
                }[];
                /** @description Grants DWP could not match with confidence; they come back for resolution, never silently accepted (¶6.33). */
                partialMatches?: {
                    homeOfficeReference: string;
                    /** @description How many DWP records fit; details stay with DWP until resolved. */
                    candidates: number;
                }[];
            };
        };
        /** @description A question about one person, with what the answer is wanted for. */
        PersonQueryRequest: {
            purpose: components["schemas"]["Code"];
            legalBasis: components["schemas"]["Code"];
            caseReference: components["schemas"]["CaseReference"];
            agreementId?: components["schemas"]["Code"];
            subject: components["schemas"]["Subject"];
            since?: components["schemas"]["IsoDate"];
        };
        /** @description A question to HMRC about one person, saying exactly how the answer will be used (¶6.79). */
        HmrcEvidenceGatewayRequest: {
            purpose: components["schemas"]["Code"];
            legalBasis: components["schemas"]["Code"];
            caseReference: components["schemas"]["CaseReference"];
            agreementId?: components["schemas"]["Code"];
            subject: components["schemas"]["Subject"];
            /** @description The kinds of evidence wanted; all three when absent. */
            evidence?: ("employment" | "income" | "residence")[];
            /** @description Exactly how the information will be used (¶6.79); HMRC releases nothing without it. Sent to HMRC; never stored by the gateway. */
            statedUse: string;
        };
        PersonQueryResponse: {
            /** Format: uuid */
            auditId: string;
            decision: components["schemas"]["Decision"];
            /** @enum {string} */
            outcome: "matched" | "no-match" | "partial-match" | "multiple-matches" | "out-of-scope";
            result: {
                match?: boolean;
                claims?: {
                    benefit?: string;
                    from?: string;
                    to?: string | null;
                    basis?: string;
                }[];
                partialMatches?: number;
                employment?: {
                    employer?: string;
                    from?: string;
                    to?: string | null;
                }[];
                income?: {
                    taxYear?: string;
                    payPence?: number;
                }[];
                residence?: {
                    line1?: string;
                    town?: string;
                    postcode?: string;
                    from?: string;
                    to?: string | null;
                }[];
                address?: {
                    line1?: string;
                    town?: string;
                    postcode?: string;
                };
            };
        };
        NhsTraceGatewayRequest: {
            purpose: components["schemas"]["Code"];
            legalBasis: components["schemas"]["Code"];
            caseReference: components["schemas"]["CaseReference"];
            agreementId?: components["schemas"]["Code"];
            subject: components["schemas"]["Subject"];
            trace: {
                /** @description Other reasonable efforts to locate the person have failed (fn 32). */
                otherEffortsFailed: boolean;
                sentenceMonths?: number;
            };
        };
        NhsDebtorReturnRequest: {
            purpose: components["schemas"]["Code"];
            legalBasis: components["schemas"]["Code"];
            caseReference: components["schemas"]["CaseReference"];
            agreementId?: components["schemas"]["Code"];
            subject: components["schemas"]["Subject"];
            debt: {
                invoiceNumber: components["schemas"]["CaseReference"];
                invoicedOn: components["schemas"]["IsoDate"];
                amountPence: number;
                /**
                 * @description Figure 5.
                 * @enum {string}
                 */
                status: "debt-outstanding" | "repayment-arrangement" | "defaulted-debt-still-outstanding" | "debt-repaid";
            };
        };
        FinancialStatusShareGatewayRequest: {
            purpose: components["schemas"]["Code"];
            legalBasis: components["schemas"]["Code"];
            caseReference: components["schemas"]["CaseReference"];
            agreementId?: components["schemas"]["Code"];
            shareReference: components["schemas"]["CaseReference"];
            subject: components["schemas"]["Subject"];
            /** @enum {string} */
            status: "disqualified-person";
            /** @enum {string} */
            reason: "facing-deportation-for-criminal-offence" | "no-leave";
            effectiveFrom: components["schemas"]["IsoDate"];
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
        /**
         * @description One entry of the audit log. Every kind has the same seven fields; what `body` holds depends on `kind`, and
         *     each kind's body is described by its own schema. Subjects, case references and people signing in to the
         *     console appear only as keyed hashes; data fields are named, never their values. Entries are kept for years
         *     and never rewritten, so a body may carry a field an older gateway wrote that its schema no longer lists:
         *     readers ignore fields they do not know. The gateway writes only the fields listed.
         */
        AuditEntry: components["schemas"]["DecisionAuditEntry"] | components["schemas"]["DryRunAuditEntry"] | components["schemas"]["LookupAuditEntry"] | components["schemas"]["OutcomeAuditEntry"] | components["schemas"]["RegisterChangeAuditEntry"] | components["schemas"]["FeedbackAuditEntry"] | components["schemas"]["ConsoleAccessAuditEntry"] | components["schemas"]["ObligationConfirmationAuditEntry"];
        /** @description A decision on an exchange: whether the policy permitted it, and why. */
        DecisionAuditEntry: {
            /** @description Position in the log: 1 for the first entry, then one more each time. */
            seq: number;
            /**
             * Format: uuid
             * @description The entry's id: the auditId callers are given.
             */
            id: string;
            /**
             * Format: date-time
             * @description When the entry was committed (UTC).
             */
            recordedAt: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            kind: "decision";
            body: components["schemas"]["DecisionEntryBody"];
            /** @description The hash of the entry before it (audit/CHAIN.md). */
            prevHash: string;
            /** @description This entry's own hash (audit/CHAIN.md). */
            hash: string;
        };
        /** @description A decision made as a dry run: nothing was forwarded and no place under a cap was taken. */
        DryRunAuditEntry: {
            /** @description Position in the log: 1 for the first entry, then one more each time. */
            seq: number;
            /**
             * Format: uuid
             * @description The entry's id: the auditId callers are given.
             */
            id: string;
            /**
             * Format: date-time
             * @description When the entry was committed (UTC).
             */
            recordedAt: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            kind: "dry-run";
            body: components["schemas"]["DecisionEntryBody"];
            /** @description The hash of the entry before it (audit/CHAIN.md). */
            prevHash: string;
            /** @description This entry's own hash (audit/CHAIN.md). */
            hash: string;
        };
        /** @description The intent to look a person up in the Home Office's records, committed before the lookup is made. */
        LookupAuditEntry: {
            /** @description Position in the log: 1 for the first entry, then one more each time. */
            seq: number;
            /**
             * Format: uuid
             * @description The entry's id: the auditId callers are given.
             */
            id: string;
            /**
             * Format: date-time
             * @description When the entry was committed (UTC).
             */
            recordedAt: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            kind: "lookup";
            body: components["schemas"]["LookupEntryBody"];
            /** @description The hash of the entry before it (audit/CHAIN.md). */
            prevHash: string;
            /** @description This entry's own hash (audit/CHAIN.md). */
            hash: string;
        };
        /** @description What came of a permitted exchange or of a lookup: what left the gateway, or why nothing did. */
        OutcomeAuditEntry: {
            /** @description Position in the log: 1 for the first entry, then one more each time. */
            seq: number;
            /**
             * Format: uuid
             * @description The entry's id: the auditId callers are given.
             */
            id: string;
            /**
             * Format: date-time
             * @description When the entry was committed (UTC).
             */
            recordedAt: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            kind: "outcome";
            body: components["schemas"]["OutcomeEntryBody"];
            /** @description The hash of the entry before it (audit/CHAIN.md). */
            prevHash: string;
            /** @description This entry's own hash (audit/CHAIN.md). */
            hash: string;
        };
        /** @description A change to a register the gateway keeps: agreements, directives, clients, console people, witnesses, reported measures, archives. */
        RegisterChangeAuditEntry: {
            /** @description Position in the log: 1 for the first entry, then one more each time. */
            seq: number;
            /**
             * Format: uuid
             * @description The entry's id: the auditId callers are given.
             */
            id: string;
            /**
             * Format: date-time
             * @description When the entry was committed (UTC).
             */
            recordedAt: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            kind: "register-change";
            body: components["schemas"]["RegisterChangeEntryBody"];
            /** @description The hash of the entry before it (audit/CHAIN.md). */
            prevHash: string;
            /** @description This entry's own hash (audit/CHAIN.md). */
            hash: string;
        };
        /** @description A party reporting what an exchange led to, or that the work it asked for was completed. */
        FeedbackAuditEntry: {
            /** @description Position in the log: 1 for the first entry, then one more each time. */
            seq: number;
            /**
             * Format: uuid
             * @description The entry's id: the auditId callers are given.
             */
            id: string;
            /**
             * Format: date-time
             * @description When the entry was committed (UTC).
             */
            recordedAt: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            kind: "feedback";
            body: components["schemas"]["FeedbackEntryBody"];
            /** @description The hash of the entry before it (audit/CHAIN.md). */
            prevHash: string;
            /** @description This entry's own hash (audit/CHAIN.md). */
            hash: string;
        };
        /** @description A console sign-in, sign-out or refused sign-in, or a console action that changes nothing but is accounted for. */
        ConsoleAccessAuditEntry: {
            /** @description Position in the log: 1 for the first entry, then one more each time. */
            seq: number;
            /**
             * Format: uuid
             * @description The entry's id: the auditId callers are given.
             */
            id: string;
            /**
             * Format: date-time
             * @description When the entry was committed (UTC).
             */
            recordedAt: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            kind: "console-access";
            body: components["schemas"]["ConsoleAccessEntryBody"];
            /** @description The hash of the entry before it (audit/CHAIN.md). */
            prevHash: string;
            /** @description This entry's own hash (audit/CHAIN.md). */
            hash: string;
        };
        /** @description A party confirming it did what a decision obliged it to do. */
        ObligationConfirmationAuditEntry: {
            /** @description Position in the log: 1 for the first entry, then one more each time. */
            seq: number;
            /**
             * Format: uuid
             * @description The entry's id: the auditId callers are given.
             */
            id: string;
            /**
             * Format: date-time
             * @description When the entry was committed (UTC).
             */
            recordedAt: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            kind: "obligation-confirmation";
            body: components["schemas"]["ObligationConfirmationEntryBody"];
            /** @description The hash of the entry before it (audit/CHAIN.md). */
            prevHash: string;
            /** @description This entry's own hash (audit/CHAIN.md). */
            hash: string;
        };
        /** @description A keyed hash (HMAC-SHA-256, hex) standing in for an identifier; the identifier itself is never kept. */
        AuditKeyedHash: string;
        /** @description The agreement and version an exchange was made under; null where no agreement covered it. */
        AuditAgreementRef: null | {
            /** @description The agreement's id in the register. */
            id: string;
            /** @description The version of the agreement that was in force. */
            version: string;
        };
        /** @description A decision or dry-run entry's body. */
        DecisionEntryBody: {
            /** @description The exchange asked for, e.g. dfe.child-trace. */
            exchange: string;
            /**
             * @description Whether the Home Office asked a partner (outbound) or a partner asked the Home Office (inbound).
             * @enum {string}
             */
            direction?: "inbound" | "outbound";
            /** @description The partner department or body the exchange is with. */
            partner?: string;
            /** @description The party that made the request (for a dry run, the party it was made as). */
            party: string;
            /** @description The API client that made the request. */
            clientId: string;
            /** @description The gateway's id of the request, also in its logs and traces. */
            requestId: string;
            callerRequestId?: components["schemas"]["AuditKeyedHash"];
            caseReference?: components["schemas"]["AuditKeyedHash"];
            /** @description The people the request is about, each as a keyed hash of an identifier. */
            subjects?: components["schemas"]["AuditKeyedHash"][];
            /** @description The data fields the request carried or asked for, by name only. */
            fieldsRequested?: string[];
            /**
             * Format: date
             * @description The day (London) the decision was made for; for a dry run, the day it was asked as of.
             */
            decisionDate: string;
            /** @description The purpose code given, where the agreement knows it; `unrecognised` otherwise (anything else could be free text). */
            purpose?: string;
            /** @description The legal basis code given, where the agreement knows it; `unrecognised` otherwise. */
            legalBasis?: string;
            /**
             * Format: uuid
             * @description At the subject stage, the lookup entry this decision follows.
             */
            lookupId?: string;
            /** @description The revision of the register the decision was made on (replay reads it again). */
            registerGeneration?: number;
            /**
             * Format: date-time
             * @description A dry run on the register as known before this moment.
             */
            registerKnownBefore?: string;
            /** @description The version of the policy rules in code that made the decision. */
            policyVersion?: string;
            /** @description The facts the decision was made on, encrypted so that it can be replayed; never shown. */
            sealedFacts?: string;
            /**
             * @description Whether the exchange was allowed.
             * @enum {string}
             */
            decision: "permit" | "deny";
            /** @description Every policy rule that was applied, with its outcome and its full reason. */
            rules: {
                /** @description The rule's id, e.g. windrush-pause. */
                id: string;
                /** @enum {string} */
                outcome: "permit" | "deny" | "not-applicable";
                /** @description Why, in words a DPO can read. */
                reason: string;
            }[];
            /** @description What the decision obliged (fields to omit, older data to withhold, a referral to make). */
            obligations: {
                /** @enum {string} */
                id: "omit-fields" | "refer-to-windrush-taskforce" | "withhold-older-than";
                /** @description With omit-fields: the fields left out. */
                fields?: string[];
                /** @description With withhold-older-than: data older than this many years is withheld. */
                years?: number;
            }[];
            agreement: components["schemas"]["AuditAgreementRef"];
            /** @description The directives in force that the decision read. */
            directives: string[];
            /**
             * @description Present where the request was refused before anyone was looked up.
             * @constant
             */
            stage?: "request";
        };
        /** @description A lookup entry's body: the request as a decision records it, the agreement and directives that allowed the lookup. */
        LookupEntryBody: {
            /** @description The exchange asked for, e.g. dfe.child-trace. */
            exchange: string;
            /**
             * @description Whether the Home Office asked a partner (outbound) or a partner asked the Home Office (inbound).
             * @enum {string}
             */
            direction?: "inbound" | "outbound";
            /** @description The partner department or body the exchange is with. */
            partner?: string;
            /** @description The party that made the request (for a dry run, the party it was made as). */
            party: string;
            /** @description The API client that made the request. */
            clientId: string;
            /** @description The gateway's id of the request, also in its logs and traces. */
            requestId: string;
            callerRequestId?: components["schemas"]["AuditKeyedHash"];
            caseReference?: components["schemas"]["AuditKeyedHash"];
            /** @description The people the request is about, each as a keyed hash of an identifier. */
            subjects?: components["schemas"]["AuditKeyedHash"][];
            /** @description The data fields the request carried or asked for, by name only. */
            fieldsRequested?: string[];
            /**
             * Format: date
             * @description The day (London) the decision was made for; for a dry run, the day it was asked as of.
             */
            decisionDate: string;
            /** @description The purpose code given, where the agreement knows it; `unrecognised` otherwise (anything else could be free text). */
            purpose?: string;
            /** @description The legal basis code given, where the agreement knows it; `unrecognised` otherwise. */
            legalBasis?: string;
            /** @description The revision of the register the request policy read. */
            registerGeneration?: number;
            /**
             * Format: date-time
             * @description A dry run on the register as known before this moment.
             */
            registerKnownBefore?: string;
            /** @description The version of the policy rules in code that allowed the lookup. */
            policyVersion?: string;
            /** @description The facts the request policy read, encrypted so that it can be replayed; never shown. */
            sealedFacts?: string;
            agreement: components["schemas"]["AuditAgreementRef"];
            /** @description The directives in force that the request policy read. */
            directives: string[];
            /**
             * @description Where the person is looked up: the Home Office's own records.
             * @constant
             */
            lookup: "home-office-records";
            /**
             * @description Present on a dry run: the records were read, nothing was forwarded.
             * @constant
             */
            dryRun?: true;
        };
        /** @description An outcome entry's body: what left the gateway after a permit, or why nothing did. */
        OutcomeEntryBody: {
            /**
             * Format: uuid
             * @description The decision (or, where the lookup failed, the lookup) entry this is the outcome of.
             */
            decisionId: string;
            exchange?: string;
            /** @description The party that made the request. */
            party?: string;
            agreement?: components["schemas"]["AuditAgreementRef"];
            /** @description The gateway's id of the request. */
            requestId?: string;
            /** @description The partner's answer (e.g. matched, no-match), or why there was none: lookup-timeout, lookup-failed, upstream-timeout, upstream-error. */
            outcome: string;
            /** @description How long the partner or the lookup took to answer. */
            latencyMs?: number;
            /** @description The fields that left the gateway, by name only; empty when nothing did. */
            fieldsDisclosed?: string[];
            /** @description The fields the partner gave that the agreement or an obligation kept back. */
            fieldsWithheld?: string[];
            /** @description Referrals made because of this exchange. */
            referrals?: "windrush-taskforce"[];
            /** @description The partner's HTTP status where its call failed; null where it gave none. */
            upstreamStatus?: number | null;
        };
        /** @description A register change's body: who did what to which record, with the record before and after. */
        RegisterChangeEntryBody: {
            /** @description What was done, e.g. issue-directive, client-register, grant-console-role, register-witness. */
            action: string;
            /** @description Who did it: a client id, a console person, or `system` / `audit-cli`. */
            actor: string;
            /** @description What it was done to, e.g. agreement/<id>, client/<id>, witness/<name>. */
            target?: string;
            /** @description Why, where the change asks for a reason. */
            reason?: string;
            /** @description The record as it stood before; null for something new. */
            before?: unknown;
            /** @description The record as it stands after; null for something removed. */
            after: unknown;
            /** @description Present where the change took effect more than a day before it was recorded. */
            afterTheFact?: {
                /**
                 * Format: date
                 * @description The day the change says it took effect.
                 */
                validFrom: string;
                /**
                 * Format: date
                 * @description The day it was recorded.
                 */
                recordedOn: string;
                /** @description Why it was recorded late. */
                reason: string | null;
            };
            /** @description The gateway's id of the request that made the change. */
            requestId?: string;
        };
        /** @description A feedback entry's body: what a party reports an exchange led to, or that it completed the work asked. */
        FeedbackEntryBody: {
            /**
             * Format: uuid
             * @description The decision entry of the exchange reported on.
             */
            decisionId: string;
            exchange: string;
            /** @enum {string} */
            direction?: "inbound" | "outbound";
            agreement?: components["schemas"]["AuditAgreementRef"];
            /** @description The party reporting. */
            party: string;
            /** @description The API client that reported. */
            clientId: string;
            /** @description The other party to the exchange. */
            partner?: string;
            /** @description A FeedbackOutcome (e.g. benefit-stopped, no-action, wrong-person), or `completed` for a completion. */
            feedback: string;
            /**
             * Format: uuid
             * @description With corrected: the feedback entry, or the decision, put right.
             */
            corrects?: string;
            /**
             * @description With completed: the work completed.
             * @enum {string}
             */
            work?: "nino-allocated" | "nino-traced" | "trace-answered" | "check-answered";
            /**
             * Format: date-time
             * @description With completed: when the party says the work was completed.
             */
            completedAt?: string;
            /** @description The gateway's id of the report's request. */
            requestId?: string;
        };
        /** @description A console access entry's body. People are named by a keyed hash of their identity provider's subject. */
        ConsoleAccessEntryBody: {
            /**
             * @description What happened; verification-run and audit-export are a DPO's console actions that change nothing.
             * @enum {string}
             */
            action: "sign-in" | "sign-in-refused" | "sign-out" | "verification-run" | "audit-export";
            /**
             * @description How the person signed in: the identity provider, or a client token (sandbox).
             * @enum {string}
             */
            method?: "oidc" | "client-token";
            /** @description The client that signed in with a token. */
            clientId?: string;
            subjectHmac?: components["schemas"]["AuditKeyedHash"];
            /** @description The console roles the session was given. */
            roles?: string[];
            /** @description A prefix of the session hash, pairing a sign-in with its sign-out. */
            session?: string;
            /** @description Why a sign-in was refused, e.g. not-in-register, not-a-console-role. */
            reason?: string;
            /** @description The console user who took the action. */
            actor?: string;
            /** @description With verification-run: whether the log verified. */
            ok?: boolean;
            /** @description With verification-run: the seq of the head checked. */
            head?: number;
            /** @description With verification-run: how many entries were checked. */
            checked?: number;
            /** @description With audit-export: the format exported. */
            format?: string;
            /** @description With audit-export: the start of the time range, if any. */
            from?: string | null;
            /** @description With audit-export: the end of the time range, if any. */
            to?: string | null;
        };
        /** @description An obligation confirmation's body: the responsible party saying it did what a decision obliged. */
        ObligationConfirmationEntryBody: {
            /** @description `<kind>.<decision uuid>`: the obligation confirmed. */
            obligationId: string;
            /**
             * @description What was owed.
             * @enum {string}
             */
            obligation: "refer-to-windrush-taskforce" | "inform-patient-of-debt-report";
            /**
             * Format: uuid
             * @description The decision entry that gave rise to it.
             */
            decisionId: string;
            exchange: string;
            agreement?: {
                id: string;
            };
            /** @description The responsible party that confirmed. */
            party: string;
            /** @description The API client that confirmed. */
            clientId: string;
            /**
             * Format: date
             * @description The day it was due.
             */
            due: string;
            /** @description Whether it was confirmed after the day it was due. */
            late: boolean;
            /** @description The gateway's id of the confirming request. */
            requestId?: string;
        };
        AuditEntryList: {
            entries: components["schemas"]["AuditEntry"][];
            /** @description Present when there are more entries; pass it as `before` for the next page. */
            nextBefore?: number;
        };
        AuditEntryWithOutcomes: {
            entry: components["schemas"]["AuditEntry"];
            outcomes: components["schemas"]["AuditEntry"][];
        };
        /**
         * @description Exactly one way of naming the person: `nino`; or `forename`, `surname` and `dateOfBirth` together; or
         *     `homeOfficeReference`. Names are compared case-insensitively after Unicode (NFKC) normalisation.
         */
        AuditSubjectQuery: {
            nino?: string;
            forename?: components["schemas"]["PersonName"];
            surname?: components["schemas"]["PersonName"];
            dateOfBirth?: components["schemas"]["IsoDate"];
            homeOfficeReference?: string;
        } & (unknown | unknown | unknown);
        /** @description The person, named as in AuditSubjectQuery, and the page wanted. */
        AuditSubjectSearch: {
            nino?: string;
            forename?: components["schemas"]["PersonName"];
            surname?: components["schemas"]["PersonName"];
            dateOfBirth?: components["schemas"]["IsoDate"];
            homeOfficeReference?: string;
            limit?: number;
            before?: number;
        } & (unknown | unknown | unknown);
        AuditSubjectReport: {
            /** @enum {string} */
            identifiedBy: "nino" | "name-dob" | "ho-ref";
            count: number;
            /** @description True when there were more than 5,000 and only the first 5,000 are listed. */
            truncated: boolean;
            exchanges: components["schemas"]["AuditReportedExchange"][];
        };
        /** @description One identifier (AuditSubjectQuery), or several of the same person under `identifiers`. */
        AuditSubjectReportQuery: components["schemas"]["AuditSubjectQuery"] | {
            identifiers: components["schemas"]["AuditSubjectQuery"][];
        };
        AuditLinkedSubjectReport: {
            /** @enum {string} */
            identifiedBy: "linked";
            /** @description The kind of each identifier asked by, in the order given; never its value. */
            identifiers: {
                index: number;
                /** @enum {string} */
                kind: "nino" | "name-dob" | "ho-ref";
            }[];
            count: number;
            truncated: boolean;
            /** @description Each exchange carries `matchedBy`. */
            exchanges: components["schemas"]["AuditReportedExchange"][];
        };
        AuditSubjectReportAnswer: components["schemas"]["AuditSubjectReport"] | components["schemas"]["AuditLinkedSubjectReport"];
        AuditReportedExchange: {
            /** Format: uuid */
            auditId: string;
            /** Format: date-time */
            recordedAt: string;
            /** @description A decision asked for without any exchange taking place. */
            dryRun: boolean;
            exchange: string | null;
            direction: string | null;
            partner: string | null;
            /** @description The party that asked. */
            party: string | null;
            /** @description The registered system that asked. */
            clientId: string | null;
            purpose: string | null;
            legalBasis: string | null;
            agreement: null | {
                id: string;
                version: string;
            };
            decision: string | null;
            /** @description The rules that refused it. */
            deniedBy: string[];
            fieldsRequested: string[];
            /** @description matched, no-match, upstream-error, …; null if no outcome was recorded. */
            outcome: string | null;
            outcomeAuditId: string | null;
            outcomeRecordedAt: string | null;
            /** @description Names of the fields that went, never their values. */
            fieldsDisclosed: string[];
            fieldsWithheld: string[];
            /** @description In a linked report only, the positions in `identifiers` of those this exchange named. */
            matchedBy?: number[];
        };
        AuditInclusionProof: {
            /** @description The entry's seq minus 1. */
            leafIndex: number;
            treeSize: number;
            /** @description RFC 6962 audit path, nearest sibling first. */
            hashes: string[];
        };
        /**
         * @description The first line of an export (after `# ` in CSV): what the file holds, signed (a compact JWS, EdDSA, over the
         *     canonical JSON of the manifest without `keys` and `signature`), with the keys to check it. audit/CHAIN.md,
         *     "Exports", gives the algorithm; `npm run audit -- verify-export <file>` runs it.
         */
        AuditExportManifestLine: {
            manifest: {
                /** @enum {string} */
                format: "audit-export/1";
                /** @enum {string} */
                entries: "jsonl" | "csv";
                from: string | null;
                to: string | null;
                count: number;
                firstSeq: number | null;
                lastSeq: number | null;
                firstPrevHash: string | null;
                firstHash: string | null;
                lastHash: string | null;
                checkpoint: {
                    /** @description The signed checkpoint covering the last entry. */
                    jws: string;
                } | null;
                inclusionProof: components["schemas"]["AuditInclusionProof"] | null;
                /** Format: date-time */
                generatedAt: string;
                keys: components["schemas"]["AuditKeySet"];
                signature: string;
            };
        };
        AuditReceipt: {
            /** Format: uuid */
            auditId: string;
            entry: components["schemas"]["AuditEntry"];
            /** @description The signed checkpoint (jws) and, for reading, what it says; only the signed payload counts. */
            checkpoint: {
                jws: string;
                size: number;
                headHash: string;
                rootHash: string;
                time: string;
                kid: string;
            };
            inclusionProof: components["schemas"]["AuditInclusionProof"];
            /** @description Where the public keys are published. */
            keys: string;
        };
        AuditVerification: {
            ok: boolean;
            checked: number;
            head: number;
            checkpointsChecked: number;
            firstBad?: {
                seq: number;
                /** @enum {string} */
                problem: "edited" | "deleted" | "inserted" | "reordered" | "rewritten" | "bad-checkpoint";
                detail: string;
            };
            protection: {
                intact: boolean;
                bodyGenerated: boolean;
                problems: string[];
            };
            /** @description Each registered witness, the largest checkpoint it cosigned, and whether that cosignature verifies over entries this run verified. */
            witnesses?: {
                name: string;
                treeSize: number | null;
                cosignedAt: string | null;
                verified: boolean | null;
            }[];
        };
        AuditInclusionProofAnswer: {
            /** Format: uuid */
            auditId: string;
            /** @description The entry's hash (the leaf's data). */
            entryHash: string;
            /** @description The entry's seq minus 1. */
            leafIndex: number;
            treeSize: number;
            /** @description RFC 6962 audit path, nearest sibling first, hex. */
            hashes: string[];
        };
        AuditConsistencyProof: {
            from: number;
            to: number;
            /** @description RFC 6962 PROOF(from, D[to]), hex. */
            hashes: string[];
        };
        AuditCosignatureRequest: {
            treeSize: number;
            /** @description The note signature line, without its newline. */
            cosignature: string;
        };
        AuditCosignature: {
            witness: string;
            treeSize: number;
            /**
             * Format: date-time
             * @description The time the witness signed (its timestamp).
             */
            cosignedAt: string;
            cosignature: string;
        };
        AuditWitnessRegistration: {
            vkey: string;
        };
        AuditWitness: {
            name: string;
            vkey: string;
            /** Format: date-time */
            registeredAt: string;
            registeredBy: string;
            /** @description The largest checkpoint this witness has cosigned, or null. */
            latest: null | components["schemas"]["AuditCosignature"];
        };
        AuditWitnessList: {
            witnesses: components["schemas"]["AuditWitness"][];
        };
        AuditKeySet: {
            keys: {
                /** @enum {string} */
                kty: "OKP";
                /** @enum {string} */
                crv: "Ed25519";
                x: string;
                kid: string;
                /** @enum {string} */
                alg: "EdDSA";
                /** @enum {string} */
                use: "sig";
            }[];
        };
        VersionLabel: string;
        Text: string;
        Contact: {
            name: string;
            role: string;
            /** Format: email */
            email: string;
            phone?: string;
        };
        Party: {
            id: components["schemas"]["Code"];
            name: string;
            /** @enum {string} */
            kind: "department" | "directorate" | "agency" | "nhs-body" | "local-authority" | "school" | "financial-institution";
            defunctSince: components["schemas"]["IsoDate"] | null;
        };
        PartyList: {
            parties: components["schemas"]["Party"][];
        };
        Collaboration: {
            id: components["schemas"]["Code"];
            reportRef: string;
            title: string;
            purpose: components["schemas"]["Text"];
            /** @enum {string} */
            kind: "bau" | "operation" | "project";
            directorate: string;
            owner: components["schemas"]["Contact"];
            parties: components["schemas"]["Code"][];
            startsOn: components["schemas"]["IsoDate"];
            endsOn: components["schemas"]["IsoDate"] | null;
            /** @enum {string} */
            status: "active" | "closed";
        };
        Agreement: {
            id: components["schemas"]["Code"];
            collaborationId: components["schemas"]["Code"];
            /** @enum {string} */
            kind: "mou" | "data-sharing-agreement" | "data-usage-agreement" | "statutory-gateway";
            title: string;
        };
        Signature: {
            party: components["schemas"]["Code"];
            signatory: string;
            signedOn: components["schemas"]["IsoDate"];
            /** @description Why a signature made more than a day ago is recorded only now; kept with it and shown to the SRO. */
            reason?: string;
        };
        /**
         * @description What a version agrees. Stored whole and frozen from the first signature. Besides what each field says, the
         *     terms must hang together, or the version is refused with 422 and nothing is stored: every party is one the
         *     register knows; `inForceTo` is on or after `inForceFrom`; every exchange's `requesters` and `responder`, and
         *     every senior owner's `party`, are among `parties`; no purpose, legal basis or exchange code appears twice; and
         *     `review.nextReviewDue` is on or after `review.lastReviewedOn`.
         */
        VersionTerms: {
            agreementId: components["schemas"]["Code"];
            version: components["schemas"]["VersionLabel"];
            title: string;
            /** @enum {string} */
            kind: "mou" | "data-sharing-agreement" | "data-usage-agreement" | "statutory-gateway";
            /** @description The parties to the agreement, at least two, each one the register knows (422 otherwise). */
            parties: components["schemas"]["Code"][];
            /** @description The first day the version is in force once signed by every party; null while not known. */
            inForceFrom: components["schemas"]["IsoDate"] | null;
            /** @description The last day it is in force; on or after `inForceFrom` (422 otherwise); null for no end. */
            inForceTo: components["schemas"]["IsoDate"] | null;
            /** @description When this version was first written (valid time). A scorecard as of an earlier day does not count it. */
            draftedOn?: components["schemas"]["IsoDate"] | null;
            legalBases: {
                code: components["schemas"]["Code"];
                statute: string;
                section: string;
                /** @description Where the provision is named (the report's paragraph, or the statute's public text), so a DPO can check it. */
                source?: string;
            }[];
            purposes: {
                code: components["schemas"]["Code"];
                description: components["schemas"]["Text"];
                /** @enum {string} */
                mode: "proactive" | "reactive";
                compliantEnvironment: boolean;
            }[];
            partyAims: {
                party: components["schemas"]["Code"];
                seeks: components["schemas"]["Text"];
            }[];
            exchanges: {
                exchange: components["schemas"]["Code"];
                requesters: components["schemas"]["Code"][];
                responder: components["schemas"]["Code"];
                requestFields: string[];
                responseFields: string[];
                lookbackYears?: number;
            }[];
            dataAccuracy: null | {
                matchPoints: string[];
                description: components["schemas"]["Text"];
            };
            sopReferences: components["schemas"]["Text"][];
            processMaps: components["schemas"]["Text"][];
            seniorOwners: {
                party: components["schemas"]["Code"];
                name: string;
                role: string;
                /** Format: email */
                email: string;
                phone?: string;
            }[];
            communication: components["schemas"]["Text"] | null;
            feedback: components["schemas"]["Text"] | null;
            measures: {
                code: components["schemas"]["Code"];
                description: components["schemas"]["Text"];
                /** @description The time within which the exchange should be answered, in hours; above 0. */
                slaHours?: number;
                slaWorkingDays?: number;
                /** @description At most this many exchanges a calendar month (in London); a whole number above 0. */
                monthlyCap?: number;
                exchanges?: components["schemas"]["Code"][];
                /**
                 * @description A feed expected at a steady rhythm (e.g. a weekly batch upload, ¶6.132), made of the measure's
                 *     `exchanges` (all of the version's when absent). After `missedPeriods` whole days, weeks (Monday to
                 *     Sunday) or calendar months with no exchange, the measures raise a `feed-stopped` signal (¶6.136).
                 */
                cadence?: {
                    /** @enum {string} */
                    every: "day" | "week" | "month";
                    /** @default 2 */
                    missedPeriods: number;
                };
            }[];
            review: {
                intervalMonths: number | null;
                lastReviewedOn: components["schemas"]["IsoDate"] | null;
                nextReviewDue: components["schemas"]["IsoDate"] | null;
                improvementPlan: components["schemas"]["Text"] | null;
            };
            namesOrganisations: components["schemas"]["Code"][];
            notes: components["schemas"]["Text"] | null;
        };
        Standing: {
            /** @enum {string} */
            status: "draft" | "signed" | "in-force" | "suspended" | "terminated" | "expired";
            authorises: boolean;
            reason: string;
        };
        AgreementVersionView: {
            asOf: components["schemas"]["IsoDate"];
            standing: components["schemas"]["Standing"];
            /** @description The version's terms with its signatures, suspensions, termination and latest review folded in. */
            version: {
                [key: string]: unknown;
            };
        };
        AgreementVersionList: {
            agreement: components["schemas"]["Agreement"];
            asOf: components["schemas"]["IsoDate"];
            versions: components["schemas"]["AgreementVersionView"][];
            governing: components["schemas"]["VersionLabel"] | null;
        };
        LifecycleChange: {
            /** @enum {string} */
            action: "suspend" | "reinstate" | "terminate";
            on: components["schemas"]["IsoDate"];
            reason: components["schemas"]["Text"];
        };
        ReviewAttendee: {
            party: components["schemas"]["Code"];
            name: string;
            role: string;
        };
        JointReviewMeeting: {
            heldOn: components["schemas"]["IsoDate"];
            attendees: components["schemas"]["ReviewAttendee"][];
            findings: components["schemas"]["Text"][];
            actions: {
                description: components["schemas"]["Text"];
                owner: {
                    party: components["schemas"]["Code"];
                    name: string;
                };
                dueOn: components["schemas"]["IsoDate"];
            }[];
        };
        JointReviewSignOff: {
            party: components["schemas"]["Code"];
            signatory: string;
            signedOn: components["schemas"]["IsoDate"];
        };
        ImprovementActionClosure: {
            closedOn: components["schemas"]["IsoDate"];
            outcome: components["schemas"]["Text"];
        };
        JointReviewView: {
            /** Format: uuid */
            id: string;
            agreementId: string;
            version: string;
            heldOn: components["schemas"]["IsoDate"];
            attendees: components["schemas"]["ReviewAttendee"][];
            findings: string[];
            signOffs: components["schemas"]["JointReviewSignOff"][];
            /** @description Every party to the version has signed the review off. */
            joint: boolean;
            awaitingSignOff: string[];
            actions: {
                /** Format: uuid */
                id: string;
                description: string;
                owner: {
                    party: string;
                    name: string;
                };
                dueOn: components["schemas"]["IsoDate"];
                closed: null | {
                    on: components["schemas"]["IsoDate"];
                    outcome: string;
                };
                /** @enum {string} */
                status: "open" | "closed" | "overdue";
            }[];
            signals: {
                /** @enum {string} */
                code: "action-overdue" | "sign-off-overdue";
                detail: string;
            }[];
        };
        JointReviewList: {
            agreementId: string;
            version: string;
            reviews: components["schemas"]["JointReviewView"][];
        };
        Directive: {
            id: components["schemas"]["Code"];
            title: string;
            authority: string;
            scope: {
                parties?: components["schemas"]["Code"][];
                exchanges?: components["schemas"]["Code"][];
                /** @enum {string} */
                direction?: "outbound" | "inbound";
                /** @enum {string} */
                purposeMode?: "proactive" | "reactive";
                compliantEnvironment?: boolean;
            };
            condition: components["schemas"]["DirectiveCondition"];
            effectiveFrom: components["schemas"]["IsoDate"];
            effectiveTo: components["schemas"]["IsoDate"] | null;
            reference: string;
        };
        /** @description A directive as the register holds it. Issued through the API its condition is a DirectiveCondition; one from older data, or written around the API, may carry a kind no rule handles, and is listed so that it can be seen and lifted (the unknown-directive rule refuses every exchange it reaches). */
        DirectiveRecord: {
            id: components["schemas"]["Code"];
            title: string;
            authority: string;
            scope: {
                parties?: components["schemas"]["Code"][];
                exchanges?: components["schemas"]["Code"][];
                /** @enum {string} */
                direction?: "outbound" | "inbound";
                /** @enum {string} */
                purposeMode?: "proactive" | "reactive";
                compliantEnvironment?: boolean;
            };
            /** @description The directive's machine-readable effect, as stored. */
            condition: {
                kind: string;
            };
            effectiveFrom: components["schemas"]["IsoDate"];
            effectiveTo: components["schemas"]["IsoDate"] | null;
            reference: string;
        };
        /** @description The directive's machine-readable effect: one of the kinds a policy rule handles, with that kind's parameters. Any other kind is refused, so a directive can never be in force without effect. */
        DirectiveCondition: components["schemas"]["PauseOverAgeCondition"] | components["schemas"]["ReferWindrushProfileCondition"] | components["schemas"]["OnlyUnderAgeFacingDeportationCondition"] | components["schemas"]["AllowedPurposesCondition"];
        /** @description Read by windrush-pause (¶5.42–5.43): proactive sharing about anyone aged `age` or more on the decision day is paused, and so is sharing about anyone whose age cannot be established. */
        PauseOverAgeCondition: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            kind: "pause-over-age";
            age: number;
            /**
             * @description On the birthday the person counts as that age, so is paused.
             * @constant
             */
            atExactAge?: "paused";
            /**
             * @description A subject of unknown age is paused.
             * @constant
             */
            whenAgeUnknown?: "paused";
        };
        /** @description Read by windrush-pause (¶3.24, ¶6.56): a reactive status check about someone with a Windrush profile (settled in the UK before 1 January 1973) continues, and the case is referred to the Windrush Taskforce. */
        ReferWindrushProfileCondition: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            kind: "refer-windrush-profile";
            /**
             * @description The Windrush generation settled before 1 January 1973; the profile is read from Home Office records, not from this field.
             * @constant
             */
            settledBefore?: "1973-01-01";
        };
        /** @description Read by financial-services-age (¶5.43): only people under `age` facing deportation for criminal offending, as Home Office records show, may be shared; the request must give `requiredReason` in `reasonField`. */
        OnlyUnderAgeFacingDeportationCondition: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            kind: "only-under-age-facing-deportation";
            age: number;
            /**
             * @description On the birthday the person is no longer under that age.
             * @constant
             */
            atExactAge?: "excluded";
            /**
             * @description A subject of unknown age is not shared.
             * @constant
             */
            whenAgeUnknown?: "excluded";
            reasonField: components["schemas"]["RequestFieldPath"];
            requiredReason: components["schemas"]["Code"];
        };
        /** @description Read by nhs-narrowed-scope (¶5.35–5.36, fn 32, fn 36): tracing only for these purposes, only once other reasonable efforts have failed, and for a serious offence only with a sentence of at least the given months. */
        AllowedPurposesCondition: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            kind: "allowed-purposes";
            purposes: components["schemas"]["Code"][];
            otherEffortsFailedRequired: boolean;
            otherEffortsFailedField: components["schemas"]["RequestFieldPath"];
            seriousOffenceMinimumSentenceMonths: number;
            sentenceField: components["schemas"]["RequestFieldPath"];
        };
        /** @description A dotted path to a field of the request's data, e.g. trace.otherEffortsFailed. */
        RequestFieldPath: string;
        DirectiveList: {
            asOf?: components["schemas"]["IsoDate"];
            directives: components["schemas"]["DirectiveRecord"][];
        };
        DirectiveEnd: {
            /** @enum {string} */
            action: "extend" | "lift";
            /** @description The directive's last day; null (with extend) leaves it open-ended. */
            effectiveTo: components["schemas"]["IsoDate"] | null;
            /** @description Why it is extended or lifted; kept with the directive's new revision. */
            reason?: string;
        };
        CollaborationSummary: {
            collaboration: components["schemas"]["Collaboration"];
            /** @description Some version is signed by every party. */
            signed: boolean;
            /** @description Some version authorises exchanges on the day. */
            inForce: boolean;
            governing: string[];
            reviewOverdue: boolean;
            nextReviewDue: components["schemas"]["IsoDate"] | null;
        };
        CollaborationSummaryList: {
            asOf: components["schemas"]["IsoDate"];
            collaborations: components["schemas"]["CollaborationSummary"][];
        };
        CollaborationDetail: {
            asOf: components["schemas"]["IsoDate"];
            collaboration: components["schemas"]["Collaboration"];
            agreements: {
                agreement: components["schemas"]["Agreement"];
                versions: components["schemas"]["AgreementVersionView"][];
            }[];
            scorecard: components["schemas"]["Scorecard"];
        };
        Scorecard: {
            collaborationId: string;
            title: string;
            kind: string;
            asOf: components["schemas"]["IsoDate"];
            characteristics: {
                /** @enum {string} */
                id: "agreed-objectives" | "defined-processes" | "strategic-leadership" | "committed-resources" | "communication" | "evaluation" | "review-and-revision";
                met: boolean;
                gaps: string[];
            }[];
            gaps: {
                code: string;
                characteristic: string;
                detail: string;
                weight: number;
            }[];
            priority: number;
        };
        ScorecardList: {
            asOf: components["schemas"]["IsoDate"];
            scorecards: components["schemas"]["Scorecard"][];
            /** @description The most urgent gaps across the register, one line each. */
            attentionFirst: string[];
        };
        PublishedList: {
            collaborations: {
                id: string;
                title: string;
                purpose: string;
                directorate: string;
                ownerName: string;
                ownerRole: string;
                ownerEmail: string;
                parties: string;
            }[];
        };
        MeasureWindow: {
            from: components["schemas"]["IsoDate"];
            to: components["schemas"]["IsoDate"];
        };
        Counts: {
            [key: string]: number;
        };
        /** @description A fraction from 0 to 1, or null when there is nothing to divide by. */
        Share: number | null;
        Figures: {
            /** @description Decisions made (dry runs excluded). */
            requests: number;
            /** @description The Home Office asking or telling a partner. */
            outbound: number;
            /** @description A partner asking or telling the Home Office. */
            inbound: number;
            permitted: number;
            refused: number;
            refusalsByRule: components["schemas"]["Counts"];
            outcomes: components["schemas"]["Counts"];
            matched: number;
            unmatched: number;
            matchRate: components["schemas"]["Share"];
            responseTimes: {
                measured: number;
                p50Ms: number | null;
                p95Ms: number | null;
            };
            /**
             * @description Back-office SLAs as the report means them (¶6.34, ¶6.110): from the request to the partner's completion of
             *     the work (a NINo allocated, a trace answered), in working days skipping England and Wales bank holidays
             *     where the SLA is set in working days. Only outcomes whose completion the partner reported are measured;
             *     the rest are counted in completionUnknown, never as met.
             */
            sla: {
                measured: number;
                within: number;
                breached: number;
                shareWithin: components["schemas"]["Share"];
                /** @description Permitted exchanges under an SLA whose completion the partner has not reported (a synchronous answer says nothing of the back office). */
                completionUnknown: number;
            };
            /** @description Exchanges with at least one outcome reported, their share of the exchanges that delivered, and exchanges per outcome. */
            feedback: {
                exchanges: number;
                rate: components["schemas"]["Share"];
                byOutcome: components["schemas"]["Counts"];
            };
            /**
             * @description The accuracy loop. The denominator, `withFeedback`, is the answered exchanges (permitted, with a usable
             *     partner answer) that have at least one feedback entry; exchanges nobody gave feedback on are left out.
             *     `inaccurate` counts those reported `wrong-person`, `data-inaccurate` or `corrected` (a correction means
             *     something was wrong); `corrected` those with a correction; `rate` is (withFeedback - inaccurate) / withFeedback.
             */
            accuracy: {
                withFeedback: number;
                inaccurate: number;
                corrected: number;
                rate: components["schemas"]["Share"];
            };
            windrushReferrals: number;
        };
        SlaTerms: null | {
            measure: string;
            hours?: number;
            workingDays?: number;
        };
        ExchangeMeasures: {
            exchange: string;
            direction: ("outbound" | "inbound") | null;
            sla: components["schemas"]["SlaTerms"];
            figures: components["schemas"]["Figures"];
        };
        CapUse: {
            agreementId: string;
            version: string;
            measure: string;
            monthlyCap: number;
            used: number;
            month: string;
        };
        AgreementMeasures: {
            agreementId: string;
            title: string;
            /** @description The version in force on the window's last day. */
            governing: string | null;
            cap: components["schemas"]["CapUse"] | null;
            figures: components["schemas"]["Figures"];
            exchanges: components["schemas"]["ExchangeMeasures"][];
        };
        CollaborationMeasures: {
            collaborationId: string;
            title: string;
            /** @enum {string} */
            kind: "bau" | "operation" | "project";
            figures: components["schemas"]["Figures"];
            agreements: components["schemas"]["AgreementMeasures"][];
        };
        DirectiveSharing: {
            directiveId: string;
            title: string;
            effectiveFrom: components["schemas"]["IsoDate"];
            effectiveTo: components["schemas"]["IsoDate"] | null;
            /** @description The policy rule that applies the directive, when it refuses. */
            rule: string | null;
            /** @description Decisions on exchanges in the directive's scope while it was in force. */
            inScope: number;
            permitted: number;
            refused: number;
            refusedByDirective: number;
            windrushReferrals: number;
        };
        MeasuresReport: {
            window: components["schemas"]["MeasureWindow"];
            /** @description The last audit entry (seq) the figures were read up to. */
            logHead: number;
            collaborations: components["schemas"]["CollaborationMeasures"][];
            /** @description Exchanges that no agreement covered (every one refused). */
            unattributed: components["schemas"]["ExchangeMeasures"][];
            directives: components["schemas"]["DirectiveSharing"][];
        };
        CollaborationMeasuresReport: {
            logHead: number;
            window: components["schemas"]["MeasureWindow"];
            /** @enum {string} */
            interval: "day" | "week" | "month";
            measures: components["schemas"]["CollaborationMeasures"];
            /** @description Figures an SRO recorded for periods overlapping the window (POST /v1/measures/reported), each marked `basis: reported`. */
            reported?: components["schemas"]["ReportedMeasure"][];
            /** @description Obligations on decisions under the collaboration's agreements (GET /v1/obligations), by status today, whenever they arose. */
            obligations?: {
                open: number;
                overdue: number;
                confirmed: number;
            };
            series: {
                start: components["schemas"]["IsoDate"];
                end: components["schemas"]["IsoDate"];
                figures: components["schemas"]["Figures"];
            }[];
        };
        Signal: {
            /** @enum {string} */
            code: "feed-stopped" | "sla-breached" | "cap-reached" | "cap-near-limit" | "review-overdue" | "directive-lapsing" | "recorded-after-the-fact" | "audit-chain-broken" | "obligation-overdue" | "sign-off-overdue" | "action-overdue";
            /** @enum {string} */
            severity: "urgent" | "warning";
            collaborationId: string | null;
            agreementId: string | null;
            exchange: string | null;
            directiveId: string | null;
            detail: string;
        };
        SignalList: {
            asOf: components["schemas"]["IsoDate"];
            logHead: number;
            signals: components["schemas"]["Signal"][];
        };
        /** @enum {string} */
        FeedbackOutcome: "benefit-stopped" | "address-updated" | "referred-to-windrush-taskforce" | "safeguarding-referral" | "debt-repaid" | "no-action" | "wrong-person" | "data-inaccurate" | "corrected";
        FeedbackRequest: {
            /**
             * Format: uuid
             * @description The auditId the exchange's answer carried.
             */
            auditId: string;
            outcome: components["schemas"]["FeedbackOutcome"];
            /**
             * Format: uuid
             * @description With `corrected` only, the feedback entry (a `wrong-person` or `data-inaccurate` report on the same exchange) put right. Without it a correction names the decision.
             */
            corrects?: string;
        };
        CompletionRequest: {
            /**
             * Format: uuid
             * @description The auditId the exchange's answer carried.
             */
            auditId: string;
            /**
             * @description What was completed.
             * @enum {string}
             */
            work: "nino-allocated" | "nino-traced" | "trace-answered" | "check-answered";
            /**
             * Format: date-time
             * @description When the partner's back office completed it.
             */
            completedAt: string;
        };
        CompletionReceipt: {
            /**
             * Format: uuid
             * @description The completion entry's own id.
             */
            auditId: string;
            /** Format: uuid */
            decisionId: string;
            exchange: string;
            work: string;
            /** Format: date-time */
            completedAt: string;
            /** Format: date-time */
            recordedAt: string;
        };
        FeedbackReceipt: {
            /**
             * Format: uuid
             * @description The feedback entry's own id.
             */
            auditId: string;
            /** Format: uuid */
            decisionId: string;
            exchange: string;
            outcome: components["schemas"]["FeedbackOutcome"];
            /**
             * Format: uuid
             * @description What a correction puts right: a feedback entry or the decision.
             */
            corrects?: string;
            /** Format: date-time */
            recordedAt: string;
        };
        ReportedMeasureRequest: {
            collaborationId: components["schemas"]["Code"];
            measure: components["schemas"]["Code"];
            /** @description The first day the figure covers; on or before `periodTo` (400 otherwise, naming `periodFrom`). */
            periodFrom: components["schemas"]["IsoDate"];
            /** @description The last day the figure covers; on or after `periodFrom`. */
            periodTo: components["schemas"]["IsoDate"];
            value: number;
            /** @description Where the figure comes from, e.g. "ICIBI report, ¶6.19". */
            source: string;
        };
        ReportedMeasure: {
            /** Format: uuid */
            id: string;
            collaborationId: string;
            measure: string;
            periodFrom: components["schemas"]["IsoDate"];
            periodTo: components["schemas"]["IsoDate"];
            value: number;
            source: string;
            /**
             * @description Recorded by a person, not computed from the audit log.
             * @enum {string}
             */
            basis: "reported";
            recordedBy: string;
            party: string;
            /** Format: date-time */
            recordedAt: string;
            /** @description The register-change entry that recorded it (on the answer to the POST; null in lists). */
            auditId: string | null;
        };
        Obligation: {
            /** @description `<kind>.<decision uuid>`: one obligation of each kind per decision. */
            id: string;
            /** @enum {string} */
            kind: "refer-to-windrush-taskforce" | "inform-patient-of-debt-report";
            duty: string;
            /** Format: uuid */
            decisionId: string;
            exchange: string;
            agreementId: string | null;
            responsibleParty: string;
            arose: components["schemas"]["IsoDate"];
            due: components["schemas"]["IsoDate"];
            /** @enum {string} */
            status: "open" | "overdue" | "confirmed";
            confirmation: null | {
                obligationId: string;
                /** Format: uuid */
                auditId: string;
                party: string;
                clientId: string;
                /** Format: date-time */
                recordedAt: string;
            };
        };
        /** @description Nothing but the confirmation itself; the actor and the time come from the token and the database. */
        ObligationConfirmationRequest: Record<string, never>;
        ObligationList: {
            asOf: components["schemas"]["IsoDate"];
            obligations: components["schemas"]["Obligation"][];
        };
        ConsoleRoleMapping: {
            /**
             * @description Match the provider's subject, or one of the groups it lists.
             * @enum {string}
             */
            claim: "sub" | "group";
            value: string;
            /** @enum {string} */
            role: "sro" | "dpo";
        };
        ConsoleRoleMappingRecord: {
            /** @enum {string} */
            claim: "sub" | "group";
            value: string;
            /** @enum {string} */
            role: "sro" | "dpo";
            /** Format: date-time */
            since: string;
            grantedBy: string;
        };
        ConsolePeople: {
            mappings: components["schemas"]["ConsoleRoleMappingRecord"][];
        };
        /** @description A client id, as its tokens' iss and sub. */
        ClientId: string;
        /** @enum {string} */
        ClientRole: "partner" | "registry-admin" | "sro" | "dpo";
        /** @enum {string} */
        ClientStatus: "active" | "suspended" | "disabled";
        /** @description A public ES256 (EC P-256) or EdDSA (Ed25519) key. Private key members are refused. */
        PublicJwk: {
            /** @enum {string} */
            kty: "EC" | "OKP";
            /** @enum {string} */
            crv: "P-256" | "Ed25519";
            x: string;
            y?: string;
            kid: string;
            /** @enum {string} */
            alg?: "ES256" | "EdDSA";
            /** @enum {string} */
            use?: "sig";
            /** @description A private key never leaves its owner; send the public key only. */
            d?: unknown;
        };
        PublicJwks: {
            keys: components["schemas"]["PublicJwk"][];
        };
        /**
         * Format: uri
         * @description Where the client publishes its JWKS - https, or http on this host (127.0.0.1, ::1, localhost).
         */
        JwksUri: string;
        /** @description Exactly one of jwks and jwksUri. */
        ClientRegistration: {
            id: components["schemas"]["ClientId"];
            party: components["schemas"]["Code"];
            displayName: string;
            roles: components["schemas"]["ClientRole"][];
            jwks?: components["schemas"]["PublicJwks"];
            jwksUri?: components["schemas"]["JwksUri"];
            callbackUrls?: components["schemas"]["CallbackUrls"];
            reason: components["schemas"]["Text"];
        };
        /** @description Where the client's batches may be called back - https (http only in a sandbox), no credentials, no fragment. */
        CallbackUrls: string[];
        ClientCallbackUrls: {
            callbackUrls: components["schemas"]["CallbackUrls"];
            reason: components["schemas"]["Text"];
        };
        /** @description Exactly one of jwks and jwksUri. */
        ClientKeysReplacement: {
            jwks?: components["schemas"]["PublicJwks"];
            jwksUri?: components["schemas"]["JwksUri"];
            reason: components["schemas"]["Text"];
        };
        ClientKeyRevocation: {
            kid: string;
            reason: components["schemas"]["Text"];
        };
        ClientStatusChange: {
            /** @enum {string} */
            action: "suspend" | "reinstate" | "disable";
            reason: components["schemas"]["Text"];
        };
        /** @description A client as one change left it; the latest is how it stands. */
        ClientRecord: {
            id: components["schemas"]["ClientId"];
            party: string;
            displayName: string;
            roles: components["schemas"]["ClientRole"][];
            status: components["schemas"]["ClientStatus"];
            jwks: components["schemas"]["PublicJwks"] | null;
            jwksUri: string | null;
            revokedKids: string[];
            callbackUrls: string[];
            /**
             * Format: date-time
             * @description When the change was recorded, by the database's clock.
             */
            recordedAt: string;
            /** @description The client (or command) that made the change. */
            actor: string;
            /** @enum {string} */
            action: "register" | "rotate-keys" | "revoke-key" | "set-callback-urls" | "suspend" | "reinstate" | "disable";
            reason: string;
        };
        ClientDetail: {
            client: components["schemas"]["ClientRecord"];
            history: components["schemas"]["ClientRecord"][];
        };
        ClientList: {
            clients: components["schemas"]["ClientRecord"][];
        };
    };
    responses: {
        /** @description A problem, as RFC 9457 problem+json, from an operation that needs no bearer token (so without `RateLimit`). */
        Problem: {
            headers: {
                "X-Gateway-Request-Id": components["headers"]["X-Gateway-Request-Id"];
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description A problem, as RFC 9457 problem+json, to a caller the gateway has authenticated, so with where it stands against its rate limit. */
        CallerProblem: {
            headers: {
                "X-Gateway-Request-Id": components["headers"]["X-Gateway-Request-Id"];
                "X-Request-Id": components["headers"]["X-Request-Id"];
                RateLimit: components["headers"]["RateLimit"];
                "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /**
         * @description The gateway cannot serve now: it is shutting down (with `Connection: close`; send the request to another
         *     instance), its database cannot be reached, or the audit log cannot be written, so nothing was shared.
         *     `RateLimit` comes with it when the caller was authenticated first.
         */
        ServiceUnavailable: {
            headers: {
                "X-Gateway-Request-Id": components["headers"]["X-Gateway-Request-Id"];
                "X-Request-Id": components["headers"]["X-Request-Id"];
                RateLimit: components["headers"]["RateLimitOnceAuthenticated"];
                "RateLimit-Policy": components["headers"]["RateLimit-PolicyOnceAuthenticated"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description No valid credentials (RFC 9110 §11.6.1); the challenge names the scheme, and why where it can. */
        Unauthorized: {
            headers: {
                "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                "X-Gateway-Request-Id": components["headers"]["X-Gateway-Request-Id"];
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /**
         * @description Too many requests: from this client (with `RateLimit` showing none left), or refused authentications from this
         *     address (before the caller is known, so without `RateLimit`). Try again after Retry-After seconds.
         */
        RateLimited: {
            headers: {
                "X-Gateway-Request-Id": components["headers"]["X-Gateway-Request-Id"];
                "Retry-After": components["headers"]["Retry-After"];
                RateLimit: components["headers"]["RateLimitOnceAuthenticated"];
                "RateLimit-Policy": components["headers"]["RateLimit-PolicyOnceAuthenticated"];
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description A problem that follows a policy decision; it carries the decision and its audit id. */
        PolicyProblem: {
            headers: {
                "X-Gateway-Request-Id": components["headers"]["X-Gateway-Request-Id"];
                RateLimit: components["headers"]["RateLimit"];
                "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
    };
    parameters: {
        /**
         * @description Makes a retry safe (draft-ietf-httpapi-idempotency-key-header). The same key with the same request, from the
         *     same client, within 24 hours, gets the first answer again (same status, body and `auditId`, with
         *     `Idempotent-Replayed: true`), and nothing is decided, counted against a cap or audited again. The same key with
         *     a different request is 422; a duplicate sent while the first is still running is 409. Keys are per client.
         *     Send a fresh UUID for each new request, quoted as the draft writes it (`"…"`) or bare.
         * @example "8e03978e-40d5-43e8-bc93-6894a57f9324"
         */
        IdempotencyKey: string;
    };
    requestBodies: never;
    headers: {
        /** @description The caller's own X-Request-Id when it sent a plain token (8 to 64 of A-Z a-z 0-9 . _ -), else the gateway's request id. */
        "X-Request-Id": string;
        /** @description The gateway's id for this request, as its logs, the audit log and problem bodies carry it; forwarded to partners. */
        "X-Gateway-Request-Id": string;
        /**
         * @description Where the caller stands (draft-ietf-httpapi-ratelimit-headers), on every answer to a caller the gateway has
         *     authenticated, success or problem: `"burst";r=…;t=…`, the requests left and the seconds until the allowance is
         *     full again. An exchange answer to a party to an agreement with a monthly cap adds `"monthly-cap";r=…;t=…`: the
         *     room left and the seconds until the month turns.
         * @example "burst";r=5999;t=1, "monthly-cap";r=283;t=648000
         */
        RateLimit: string;
        /**
         * @description The policies behind `RateLimit`, each with its quota and window in seconds; sent with it.
         * @example "burst";q=6000;w=60, "monthly-cap";q=300;w=2592000
         */
        "RateLimit-Policy": string;
        /**
         * @description As `RateLimit`, when the caller was authenticated before the answer was decided. Absent when it was not: a
         *     429 to an address refused too often before authentication, a 503 while the gateway shuts down or cannot
         *     reach its database to authenticate, a batch body refused as it arrives.
         * @example "burst";r=0;t=12
         */
        RateLimitOnceAuthenticated: string;
        /**
         * @description The policies behind `RateLimit`, sent with it.
         * @example "burst";q=6000;w=60
         */
        "RateLimit-PolicyOnceAuthenticated": string;
        /** @description The Bearer challenge (RFC 6750), e.g. `Bearer error="invalid_token"`. */
        "WWW-Authenticate": string;
        /** @description Seconds to wait before trying again. */
        "Retry-After": number;
        /** @description `true` when this is the stored first answer to an earlier request with the same Idempotency-Key. */
        "Idempotent-Replayed": "true";
    };
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
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Gateway-Request-Id": components["headers"]["X-Gateway-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "alive"
                     *     }
                     */
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
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Gateway-Request-Id": components["headers"]["X-Gateway-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "ready",
                     *       "database": "postgresql",
                     *       "pendingMigrations": 0,
                     *       "auditChain": {
                     *         "status": "not-broken",
                     *         "exchanges": "served"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Ready"];
                };
            };
            503: components["responses"]["Problem"];
        };
    };
    dfeChildTrace: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes a retry safe (draft-ietf-httpapi-idempotency-key-header). The same key with the same request, from the
                 *     same client, within 24 hours, gets the first answer again (same status, body and `auditId`, with
                 *     `Idempotent-Replayed: true`), and nothing is decided, counted against a cap or audited again. The same key with
                 *     a different request is 422; a duplicate sent while the first is still running is 409. Keys are per client.
                 *     Send a fresh UUID for each new request, quoted as the draft writes it (`"…"`) or bare.
                 * @example "8e03978e-40d5-43e8-bc93-6894a57f9324"
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "purpose": "trace-child-of-immigration-offender",
                 *       "legalBasis": "dpa-1998-s29-3",
                 *       "caseReference": "IE-RC-2026-0042",
                 *       "grounds": {
                 *         "parentBelievedImmigrationOffender": true
                 *       },
                 *       "subject": {
                 *         "forename": "Amara",
                 *         "surname": "Okonkwo-Testcase",
                 *         "dateOfBirth": "2016-03-14",
                 *         "postcode": "LS6 2AB"
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["ChildTraceRequest"];
            };
        };
        responses: {
            /** @description The exchange was permitted and DfE answered. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Gateway-Request-Id": components["headers"]["X-Gateway-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "auditId": "0b6f3f1e-6a4c-4e0b-9a53-2f7d1c9e4a10",
                     *       "decision": {
                     *         "decision": "permit",
                     *         "rules": [
                     *           {
                     *             "id": "agreement-in-force",
                     *             "outcome": "permit",
                     *             "reason": "Version 2.0 of Home Office – DfE child tracing process MoU is signed by both parties and in force"
                     *           },
                     *           {
                     *             "id": "party",
                     *             "outcome": "permit",
                     *             "reason": "home-office-ie may ask dfe under Home Office – DfE child tracing process MoU"
                     *           },
                     *           {
                     *             "id": "purpose",
                     *             "outcome": "permit",
                     *             "reason": "The stated purpose is one of this agreement's purposes"
                     *           },
                     *           {
                     *             "id": "windrush-pause",
                     *             "outcome": "not-applicable",
                     *             "reason": "The pause covers proactive sharing only"
                     *           }
                     *         ],
                     *         "obligations": [],
                     *         "agreement": {
                     *           "id": "ie-dfe-child-tracing-mou",
                     *           "version": "2.0"
                     *         },
                     *         "directives": [],
                     *         "auditId": "0b6f3f1e-6a4c-4e0b-9a53-2f7d1c9e4a10",
                     *         "monthlyCap": {
                     *           "limit": 500,
                     *           "used": 138,
                     *           "remaining": 362,
                     *           "month": "2026-11"
                     *         }
                     *       },
                     *       "outcome": "matched",
                     *       "result": {
                     *         "match": true,
                     *         "addresses": [
                     *           {
                     *             "kind": "home",
                     *             "schoolName": "Ashgrove Fold Primary School",
                     *             "line1": "14 Headingley Lane",
                     *             "town": "Leeds",
                     *             "postcode": "LS6 2AB",
                     *             "from": "2019-03-01",
                     *             "to": "2026-11-23"
                     *           }
                     *         ]
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ChildTraceResponse"];
                };
            };
            400: components["responses"]["CallerProblem"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["PolicyProblem"];
            409: components["responses"]["CallerProblem"];
            413: components["responses"]["CallerProblem"];
            415: components["responses"]["CallerProblem"];
            422: components["responses"]["CallerProblem"];
            429: components["responses"]["RateLimited"];
            502: components["responses"]["PolicyProblem"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["PolicyProblem"];
        };
    };
    dwpNinoAlignment: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes a retry safe (draft-ietf-httpapi-idempotency-key-header). The same key with the same request, from the
                 *     same client, within 24 hours, gets the first answer again (same status, body and `auditId`, with
                 *     `Idempotent-Replayed: true`), and nothing is decided, counted against a cap or audited again. The same key with
                 *     a different request is 422; a duplicate sent while the first is still running is 409. Keys are per client.
                 *     Send a fresh UUID for each new request, quoted as the draft writes it (`"…"`) or bare.
                 * @example "8e03978e-40d5-43e8-bc93-6894a57f9324"
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "purpose": "record-nino-on-brp",
                 *       "legalBasis": "ssaa-1992-s122b",
                 *       "caseReference": "UKVI-NA-2026-1123",
                 *       "batchReference": "CID-GRANTS-2026-11-23",
                 *       "grants": [
                 *         {
                 *           "homeOfficeReference": "HO-4000005",
                 *           "forename": "Priya",
                 *           "surname": "Raghunathan",
                 *           "dateOfBirth": "1988-05-01",
                 *           "nino": "PL739201D"
                 *         }
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["NinoAlignmentRequest"];
            };
        };
        responses: {
            /** @description Permitted, and the partner answered; only the fields the agreement allows. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Gateway-Request-Id": components["headers"]["X-Gateway-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "auditId": "5d2c8a4b-1f3e-4b7a-8c6d-9e0f1a2b3c4d",
                     *       "decision": {
                     *         "decision": "permit",
                     *         "rules": [
                     *           {
                     *             "id": "agreement-in-force",
                     *             "outcome": "permit",
                     *             "reason": "Version 2018-05 of UKVI – DWP NINO alignment process MoU is signed by both parties and in force"
                     *           },
                     *           {
                     *             "id": "party",
                     *             "outcome": "permit",
                     *             "reason": "home-office-ukvi may ask dwp under UKVI – DWP NINO alignment process MoU"
                     *           },
                     *           {
                     *             "id": "purpose",
                     *             "outcome": "permit",
                     *             "reason": "The stated purpose is one of this agreement's purposes"
                     *           },
                     *           {
                     *             "id": "windrush-pause",
                     *             "outcome": "not-applicable",
                     *             "reason": "The pause covers proactive sharing only"
                     *           }
                     *         ],
                     *         "obligations": [],
                     *         "agreement": {
                     *           "id": "ukvi-dwp-nino-alignment-mou",
                     *           "version": "2018-05"
                     *         },
                     *         "directives": [],
                     *         "auditId": "0b6f3f1e-6a4c-4e0b-9a53-2f7d1c9e4a10",
                     *         "monthlyCap": {
                     *           "limit": 500,
                     *           "used": 138,
                     *           "remaining": 362,
                     *           "month": "2026-11"
                     *         }
                     *       },
                     *       "outcome": "aligned",
                     *       "result": {
                     *         "matches": [
                     *           {
                     *             "homeOfficeReference": "HO-4000001",
                     *             "outcome": "confirmed",
                     *             "nino": "YH204817B"
                     *           }
                     *         ],
                     *         "partialMatches": [
                     *           {
                     *             "homeOfficeReference": "HO-4000001",
                     *             "candidates": 2
                     *           }
                     *         ]
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["NinoAlignmentResponse"];
                };
            };
            400: components["responses"]["CallerProblem"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["PolicyProblem"];
            409: components["responses"]["CallerProblem"];
            413: components["responses"]["CallerProblem"];
            415: components["responses"]["CallerProblem"];
            422: components["responses"]["CallerProblem"];
            429: components["responses"]["RateLimited"];
            502: components["responses"]["PolicyProblem"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["PolicyProblem"];
        };
    };
    dwpAccessedPublicFunds: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes a retry safe (draft-ietf-httpapi-idempotency-key-header). The same key with the same request, from the
                 *     same client, within 24 hours, gets the first answer again (same status, body and `auditId`, with
                 *     `Idempotent-Replayed: true`), and nothing is decided, counted against a cap or audited again. The same key with
                 *     a different request is 422; a duplicate sent while the first is still running is 409. Keys are per client.
                 *     Send a fresh UUID for each new request, quoted as the draft writes it (`"…"`) or bare.
                 * @example "8e03978e-40d5-43e8-bc93-6894a57f9324"
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "purpose": "check-accessed-public-funds",
                 *       "legalBasis": "dpa-1998-s29-3",
                 *       "caseReference": "UKVI-MC-2026-0311",
                 *       "subject": {
                 *         "forename": "Clarence",
                 *         "surname": "Baptiste",
                 *         "dateOfBirth": "1948-06-02",
                 *         "nino": "YH204817B"
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["PersonQueryRequest"];
            };
        };
        responses: {
            /** @description Permitted, and the partner answered; only the fields the agreement allows. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Gateway-Request-Id": components["headers"]["X-Gateway-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "auditId": "c41f2e9a-7b3d-4c5e-a6f7-08192a3b4c5d",
                     *       "decision": {
                     *         "decision": "permit",
                     *         "rules": [
                     *           {
                     *             "id": "agreement-in-force",
                     *             "outcome": "permit",
                     *             "reason": "Version 1.0 of DWP National Disclosure Unit MoU (Form 1000 requests) is signed by both parties and in force"
                     *           },
                     *           {
                     *             "id": "party",
                     *             "outcome": "permit",
                     *             "reason": "home-office-ukvi may ask dwp under DWP National Disclosure Unit MoU (Form 1000 requests)"
                     *           },
                     *           {
                     *             "id": "purpose",
                     *             "outcome": "permit",
                     *             "reason": "The stated purpose is one of this agreement's purposes"
                     *           },
                     *           {
                     *             "id": "windrush-pause",
                     *             "outcome": "not-applicable",
                     *             "reason": "The pause covers proactive sharing only"
                     *           }
                     *         ],
                     *         "obligations": [],
                     *         "agreement": {
                     *           "id": "dwp-disclosure-mou",
                     *           "version": "1.0"
                     *         },
                     *         "directives": [],
                     *         "auditId": "0b6f3f1e-6a4c-4e0b-9a53-2f7d1c9e4a10",
                     *         "monthlyCap": {
                     *           "limit": 500,
                     *           "used": 138,
                     *           "remaining": 362,
                     *           "month": "2026-11"
                     *         }
                     *       },
                     *       "outcome": "matched",
                     *       "result": {
                     *         "match": true,
                     *         "claims": [
                     *           {
                     *             "benefit": "universal-credit",
                     *             "from": "2019-03-01",
                     *             "to": null,
                     *             "basis": "entitled"
                     *           }
                     *         ],
                     *         "partialMatches": 0,
                     *         "employment": [
                     *           {
                     *             "employer": "Calder Analytics Ltd",
                     *             "from": "2019-03-01",
                     *             "to": null
                     *           }
                     *         ],
                     *         "income": [
                     *           {
                     *             "taxYear": "2025-26",
                     *             "payPence": 3875000
                     *           }
                     *         ],
                     *         "residence": [
                     *           {
                     *             "line1": "14 Headingley Lane",
                     *             "town": "Leeds",
                     *             "postcode": "LS6 2AB",
                     *             "from": "2019-03-01",
                     *             "to": null
                     *           }
                     *         ],
                     *         "address": {
                     *           "line1": "14 Headingley Lane",
                     *           "town": "Leeds",
                     *           "postcode": "LS6 2AB"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["PersonQueryResponse"];
                };
            };
            400: components["responses"]["CallerProblem"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["PolicyProblem"];
            409: components["responses"]["CallerProblem"];
            413: components["responses"]["CallerProblem"];
            415: components["responses"]["CallerProblem"];
            422: components["responses"]["CallerProblem"];
            429: components["responses"]["RateLimited"];
            502: components["responses"]["PolicyProblem"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["PolicyProblem"];
        };
    };
    dwpStatusCheck: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes a retry safe (draft-ietf-httpapi-idempotency-key-header). The same key with the same request, from the
                 *     same client, within 24 hours, gets the first answer again (same status, body and `auditId`, with
                 *     `Idempotent-Replayed: true`), and nothing is decided, counted against a cap or audited again. The same key with
                 *     a different request is 422; a duplicate sent while the first is still running is 409. Keys are per client.
                 *     Send a fresh UUID for each new request, quoted as the draft writes it (`"…"`) or bare.
                 * @example "8e03978e-40d5-43e8-bc93-6894a57f9324"
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "purpose": "benefit-entitlement-status-check",
                 *       "legalBasis": "ssaa-1992-s122b",
                 *       "caseReference": "DWP-UC-2026-7781",
                 *       "subject": {
                 *         "forename": "Clarence",
                 *         "surname": "Baptiste",
                 *         "dateOfBirth": "1948-06-02",
                 *         "nino": "YH204817B"
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["StatusCheckRequest"];
            };
        };
        responses: {
            /** @description Permitted, and the partner answered; only the fields the agreement allows. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Gateway-Request-Id": components["headers"]["X-Gateway-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "auditId": "0b6f3f1e-6a4c-4e0b-9a53-2f7d1c9e4a10",
                     *       "decision": {
                     *         "decision": "permit",
                     *         "rules": [
                     *           {
                     *             "id": "agreement-in-force",
                     *             "outcome": "permit",
                     *             "reason": "Version 2012-01 of Home Office – DWP umbrella data-sharing MoU is signed by both parties and in force"
                     *           },
                     *           {
                     *             "id": "party",
                     *             "outcome": "permit",
                     *             "reason": "dwp may ask home-office under Home Office – DWP umbrella data-sharing MoU"
                     *           },
                     *           {
                     *             "id": "purpose",
                     *             "outcome": "permit",
                     *             "reason": "The stated purpose is one of this agreement's purposes"
                     *           },
                     *           {
                     *             "id": "windrush-pause",
                     *             "outcome": "not-applicable",
                     *             "reason": "The pause covers proactive sharing only"
                     *           }
                     *         ],
                     *         "obligations": [],
                     *         "agreement": {
                     *           "id": "home-office-dwp-umbrella-mou",
                     *           "version": "2012-01"
                     *         },
                     *         "directives": [],
                     *         "auditId": "0b6f3f1e-6a4c-4e0b-9a53-2f7d1c9e4a10",
                     *         "monthlyCap": {
                     *           "limit": 500,
                     *           "used": 138,
                     *           "remaining": 362,
                     *           "month": "2026-11"
                     *         }
                     *       },
                     *       "outcome": "matched",
                     *       "notices": [
                     *         "The Home Office has referred this case to the Windrush Taskforce; do not act on this status alone."
                     *       ],
                     *       "result": {
                     *         "match": true,
                     *         "immigrationStatus": "limited-leave",
                     *         "leaveType": "dependant",
                     *         "leaveValidTo": "2026-11-23",
                     *         "noRecourseToPublicFunds": false,
                     *         "supportedUnderS95": true,
                     *         "partVI": null,
                     *         "windrushReferral": true
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["StatusCheckResponse"];
                };
            };
            400: components["responses"]["CallerProblem"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["PolicyProblem"];
            409: components["responses"]["CallerProblem"];
            413: components["responses"]["CallerProblem"];
            415: components["responses"]["CallerProblem"];
            422: components["responses"]["CallerProblem"];
            429: components["responses"]["RateLimited"];
            502: components["responses"]["PolicyProblem"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["PolicyProblem"];
        };
    };
    dwpProactiveNotification: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes a retry safe (draft-ietf-httpapi-idempotency-key-header). The same key with the same request, from the
                 *     same client, within 24 hours, gets the first answer again (same status, body and `auditId`, with
                 *     `Idempotent-Replayed: true`), and nothing is decided, counted against a cap or audited again. The same key with
                 *     a different request is 422; a duplicate sent while the first is still running is 409. Keys are per client.
                 *     Send a fresh UUID for each new request, quoted as the draft writes it (`"…"`) or bare.
                 * @example "8e03978e-40d5-43e8-bc93-6894a57f9324"
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "purpose": "cease-benefits-notification",
                 *       "legalBasis": "ssaa-1992-s122b",
                 *       "caseReference": "HO-CE-2026-0042",
                 *       "notificationReference": "HO-CE-N-2026-0042",
                 *       "change": "leave-curtailed",
                 *       "effectiveFrom": "2026-11-01",
                 *       "subject": {
                 *         "forename": "Jordan",
                 *         "surname": "Mitchell",
                 *         "dateOfBirth": "1979-12-03",
                 *         "homeOfficeReference": "HO-4000008"
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["ProactiveNotificationRequest"];
            };
        };
        responses: {
            /** @description Permitted, and the partner answered; only the fields the agreement allows. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Gateway-Request-Id": components["headers"]["X-Gateway-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "auditId": "5d2c8a4b-1f3e-4b7a-8c6d-9e0f1a2b3c4d",
                     *       "decision": {
                     *         "decision": "permit",
                     *         "rules": [
                     *           {
                     *             "id": "agreement-in-force",
                     *             "outcome": "permit",
                     *             "reason": "Version 2012-01 of Home Office – DWP umbrella data-sharing MoU is signed by both parties and in force"
                     *           },
                     *           {
                     *             "id": "party",
                     *             "outcome": "permit",
                     *             "reason": "home-office may ask dwp under Home Office – DWP umbrella data-sharing MoU"
                     *           },
                     *           {
                     *             "id": "purpose",
                     *             "outcome": "permit",
                     *             "reason": "The stated purpose is one of this agreement's purposes"
                     *           },
                     *           {
                     *             "id": "windrush-pause",
                     *             "outcome": "not-applicable",
                     *             "reason": "The pause covers proactive sharing only"
                     *           }
                     *         ],
                     *         "obligations": [],
                     *         "agreement": {
                     *           "id": "home-office-dwp-umbrella-mou",
                     *           "version": "2012-01"
                     *         },
                     *         "directives": [],
                     *         "auditId": "0b6f3f1e-6a4c-4e0b-9a53-2f7d1c9e4a10",
                     *         "monthlyCap": {
                     *           "limit": 500,
                     *           "used": 138,
                     *           "remaining": 362,
                     *           "month": "2026-11"
                     *         }
                     *       },
                     *       "outcome": "acknowledged",
                     *       "result": {
                     *         "reference": "IE-RC-2026-0042",
                     *         "recordFound": true,
                     *         "recorded": true,
                     *         "previousStatus": "debt-outstanding"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["AcknowledgementResponse"];
                };
            };
            400: components["responses"]["CallerProblem"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["PolicyProblem"];
            409: components["responses"]["CallerProblem"];
            413: components["responses"]["CallerProblem"];
            415: components["responses"]["CallerProblem"];
            422: components["responses"]["CallerProblem"];
            429: components["responses"]["RateLimited"];
            502: components["responses"]["PolicyProblem"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["PolicyProblem"];
        };
    };
    hmrcEvidenceRequest: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes a retry safe (draft-ietf-httpapi-idempotency-key-header). The same key with the same request, from the
                 *     same client, within 24 hours, gets the first answer again (same status, body and `auditId`, with
                 *     `Idempotent-Replayed: true`), and nothing is decided, counted against a cap or audited again. The same key with
                 *     a different request is 422; a duplicate sent while the first is still running is 409. Keys are per client.
                 *     Send a fresh UUID for each new request, quoted as the draft writes it (`"…"`) or bare.
                 * @example "8e03978e-40d5-43e8-bc93-6894a57f9324"
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "purpose": "immigration-offences",
                 *       "legalBasis": "ukba-2007-s40",
                 *       "caseReference": "IE-ICE-2026-1207",
                 *       "subject": {
                 *         "forename": "Ruan",
                 *         "surname": "van der Merwe",
                 *         "dateOfBirth": "2000-02-10"
                 *       },
                 *       "statedUse": "To establish whether the person has worked in breach of their conditions of stay"
                 *     }
                 */
                "application/json": components["schemas"]["HmrcEvidenceGatewayRequest"];
            };
        };
        responses: {
            /** @description Permitted, and the partner answered; only the fields the agreement allows. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Gateway-Request-Id": components["headers"]["X-Gateway-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "auditId": "c41f2e9a-7b3d-4c5e-a6f7-08192a3b4c5d",
                     *       "decision": {
                     *         "decision": "permit",
                     *         "rules": [
                     *           {
                     *             "id": "agreement-in-force",
                     *             "outcome": "permit",
                     *             "reason": "Version 1.0 of UKVI – HMRC bulk data-sharing agreement is signed by both parties and in force"
                     *           },
                     *           {
                     *             "id": "party",
                     *             "outcome": "permit",
                     *             "reason": "home-office-ukvi may ask hmrc under UKVI – HMRC bulk data-sharing agreement"
                     *           },
                     *           {
                     *             "id": "purpose",
                     *             "outcome": "permit",
                     *             "reason": "The stated purpose is one of this agreement's purposes"
                     *           },
                     *           {
                     *             "id": "windrush-pause",
                     *             "outcome": "not-applicable",
                     *             "reason": "The pause covers proactive sharing only"
                     *           }
                     *         ],
                     *         "obligations": [],
                     *         "agreement": {
                     *           "id": "ukvi-hmrc-bulk-evidence-dsa",
                     *           "version": "1.0"
                     *         },
                     *         "directives": [],
                     *         "auditId": "0b6f3f1e-6a4c-4e0b-9a53-2f7d1c9e4a10",
                     *         "monthlyCap": {
                     *           "limit": 500,
                     *           "used": 138,
                     *           "remaining": 362,
                     *           "month": "2026-11"
                     *         }
                     *       },
                     *       "outcome": "matched",
                     *       "result": {
                     *         "match": true,
                     *         "claims": [
                     *           {
                     *             "benefit": "universal-credit",
                     *             "from": "2019-03-01",
                     *             "to": null,
                     *             "basis": "entitled"
                     *           }
                     *         ],
                     *         "partialMatches": 0,
                     *         "employment": [
                     *           {
                     *             "employer": "Calder Analytics Ltd",
                     *             "from": "2019-03-01",
                     *             "to": null
                     *           }
                     *         ],
                     *         "income": [
                     *           {
                     *             "taxYear": "2025-26",
                     *             "payPence": 3875000
                     *           }
                     *         ],
                     *         "residence": [
                     *           {
                     *             "line1": "14 Headingley Lane",
                     *             "town": "Leeds",
                     *             "postcode": "LS6 2AB",
                     *             "from": "2019-03-01",
                     *             "to": null
                     *           }
                     *         ],
                     *         "address": {
                     *           "line1": "14 Headingley Lane",
                     *           "town": "Leeds",
                     *           "postcode": "LS6 2AB"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["PersonQueryResponse"];
                };
            };
            400: components["responses"]["CallerProblem"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["PolicyProblem"];
            409: components["responses"]["CallerProblem"];
            413: components["responses"]["CallerProblem"];
            415: components["responses"]["CallerProblem"];
            422: components["responses"]["CallerProblem"];
            429: components["responses"]["RateLimited"];
            502: components["responses"]["PolicyProblem"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["PolicyProblem"];
        };
    };
    hmrcStatusCheck: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes a retry safe (draft-ietf-httpapi-idempotency-key-header). The same key with the same request, from the
                 *     same client, within 24 hours, gets the first answer again (same status, body and `auditId`, with
                 *     `Idempotent-Replayed: true`), and nothing is decided, counted against a cap or audited again. The same key with
                 *     a different request is 422; a duplicate sent while the first is still running is 409. Keys are per client.
                 *     Send a fresh UUID for each new request, quoted as the draft writes it (`"…"`) or bare.
                 * @example "8e03978e-40d5-43e8-bc93-6894a57f9324"
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "purpose": "tax-credit-child-benefit-status-check",
                 *       "legalBasis": "ukba-2007-s40",
                 *       "caseReference": "HMRC-CB-2026-5512",
                 *       "subject": {
                 *         "forename": "Clarence",
                 *         "surname": "Baptiste",
                 *         "dateOfBirth": "1948-06-02",
                 *         "nino": "YH204817B"
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["StatusCheckRequest"];
            };
        };
        responses: {
            /** @description Permitted, and the partner answered; only the fields the agreement allows. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Gateway-Request-Id": components["headers"]["X-Gateway-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "auditId": "0b6f3f1e-6a4c-4e0b-9a53-2f7d1c9e4a10",
                     *       "decision": {
                     *         "decision": "permit",
                     *         "rules": [
                     *           {
                     *             "id": "agreement-in-force",
                     *             "outcome": "permit",
                     *             "reason": "Version 2007-10 of UK Borders Act 2007 s.40 and Immigration and Asylum Act 1999 s.21: HMRC – Home Office status exchange is signed by both parties and in force"
                     *           },
                     *           {
                     *             "id": "party",
                     *             "outcome": "permit",
                     *             "reason": "hmrc may ask home-office under UK Borders Act 2007 s.40 and Immigration and Asylum Act 1999 s.21: HMRC – Home Office status exchange"
                     *           },
                     *           {
                     *             "id": "purpose",
                     *             "outcome": "permit",
                     *             "reason": "The stated purpose is one of this agreement's purposes"
                     *           },
                     *           {
                     *             "id": "windrush-pause",
                     *             "outcome": "not-applicable",
                     *             "reason": "The pause covers proactive sharing only"
                     *           }
                     *         ],
                     *         "obligations": [],
                     *         "agreement": {
                     *           "id": "home-office-hmrc-status-gateway",
                     *           "version": "2007-10"
                     *         },
                     *         "directives": [],
                     *         "auditId": "0b6f3f1e-6a4c-4e0b-9a53-2f7d1c9e4a10",
                     *         "monthlyCap": {
                     *           "limit": 500,
                     *           "used": 138,
                     *           "remaining": 362,
                     *           "month": "2026-11"
                     *         }
                     *       },
                     *       "outcome": "matched",
                     *       "notices": [
                     *         "The Home Office has referred this case to the Windrush Taskforce; do not act on this status alone."
                     *       ],
                     *       "result": {
                     *         "match": true,
                     *         "immigrationStatus": "limited-leave",
                     *         "leaveType": "dependant",
                     *         "leaveValidTo": "2026-11-23",
                     *         "noRecourseToPublicFunds": false,
                     *         "supportedUnderS95": true,
                     *         "partVI": null,
                     *         "windrushReferral": true
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["StatusCheckResponse"];
                };
            };
            400: components["responses"]["CallerProblem"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["PolicyProblem"];
            409: components["responses"]["CallerProblem"];
            413: components["responses"]["CallerProblem"];
            415: components["responses"]["CallerProblem"];
            422: components["responses"]["CallerProblem"];
            429: components["responses"]["RateLimited"];
            502: components["responses"]["PolicyProblem"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["PolicyProblem"];
        };
    };
    hmrcProactiveNotification: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes a retry safe (draft-ietf-httpapi-idempotency-key-header). The same key with the same request, from the
                 *     same client, within 24 hours, gets the first answer again (same status, body and `auditId`, with
                 *     `Idempotent-Replayed: true`), and nothing is decided, counted against a cap or audited again. The same key with
                 *     a different request is 422; a duplicate sent while the first is still running is 409. Keys are per client.
                 *     Send a fresh UUID for each new request, quoted as the draft writes it (`"…"`) or bare.
                 * @example "8e03978e-40d5-43e8-bc93-6894a57f9324"
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "purpose": "compliant-environment-notification",
                 *       "legalBasis": "iaa-1999-s21",
                 *       "caseReference": "HO-CE-2026-0043",
                 *       "notificationReference": "HO-CE-N-2026-0042",
                 *       "change": "leave-curtailed",
                 *       "effectiveFrom": "2026-11-01",
                 *       "subject": {
                 *         "forename": "Jordan",
                 *         "surname": "Mitchell",
                 *         "dateOfBirth": "1979-12-03",
                 *         "homeOfficeReference": "HO-4000008"
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["ProactiveNotificationRequest"];
            };
        };
        responses: {
            /** @description Permitted, and the partner answered; only the fields the agreement allows. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Gateway-Request-Id": components["headers"]["X-Gateway-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "auditId": "5d2c8a4b-1f3e-4b7a-8c6d-9e0f1a2b3c4d",
                     *       "decision": {
                     *         "decision": "permit",
                     *         "rules": [
                     *           {
                     *             "id": "agreement-in-force",
                     *             "outcome": "permit",
                     *             "reason": "Version 2007-10 of UK Borders Act 2007 s.40 and Immigration and Asylum Act 1999 s.21: HMRC – Home Office status exchange is signed by both parties and in force"
                     *           },
                     *           {
                     *             "id": "party",
                     *             "outcome": "permit",
                     *             "reason": "home-office may ask hmrc under UK Borders Act 2007 s.40 and Immigration and Asylum Act 1999 s.21: HMRC – Home Office status exchange"
                     *           },
                     *           {
                     *             "id": "purpose",
                     *             "outcome": "permit",
                     *             "reason": "The stated purpose is one of this agreement's purposes"
                     *           },
                     *           {
                     *             "id": "windrush-pause",
                     *             "outcome": "not-applicable",
                     *             "reason": "The pause covers proactive sharing only"
                     *           }
                     *         ],
                     *         "obligations": [],
                     *         "agreement": {
                     *           "id": "home-office-hmrc-status-gateway",
                     *           "version": "2007-10"
                     *         },
                     *         "directives": [],
                     *         "auditId": "0b6f3f1e-6a4c-4e0b-9a53-2f7d1c9e4a10",
                     *         "monthlyCap": {
                     *           "limit": 500,
                     *           "used": 138,
                     *           "remaining": 362,
                     *           "month": "2026-11"
                     *         }
                     *       },
                     *       "outcome": "acknowledged",
                     *       "result": {
                     *         "reference": "IE-RC-2026-0042",
                     *         "recordFound": true,
                     *         "recorded": true,
                     *         "previousStatus": "debt-outstanding"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["AcknowledgementResponse"];
                };
            };
            400: components["responses"]["CallerProblem"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["PolicyProblem"];
            409: components["responses"]["CallerProblem"];
            413: components["responses"]["CallerProblem"];
            415: components["responses"]["CallerProblem"];
            422: components["responses"]["CallerProblem"];
            429: components["responses"]["RateLimited"];
            502: components["responses"]["PolicyProblem"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["PolicyProblem"];
        };
    };
    dfeEducationStatusCheck: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes a retry safe (draft-ietf-httpapi-idempotency-key-header). The same key with the same request, from the
                 *     same client, within 24 hours, gets the first answer again (same status, body and `auditId`, with
                 *     `Idempotent-Replayed: true`), and nothing is decided, counted against a cap or audited again. The same key with
                 *     a different request is 422; a duplicate sent while the first is still running is 409. Keys are per client.
                 *     Send a fresh UUID for each new request, quoted as the draft writes it (`"…"`) or bare.
                 * @example "8e03978e-40d5-43e8-bc93-6894a57f9324"
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "purpose": "confirm-parent-leave",
                 *       "legalBasis": "education-gateway-yet-to-be-named",
                 *       "caseReference": "LEA-ADM-2026-0917",
                 *       "subject": {
                 *         "forename": "Ngozi",
                 *         "surname": "Okonkwo-Testcase",
                 *         "dateOfBirth": "1987-09-22",
                 *         "homeOfficeReference": "HO-4000002"
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["StatusCheckRequest"];
            };
        };
        responses: {
            /** @description Permitted, and the partner answered; only the fields the agreement allows. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Gateway-Request-Id": components["headers"]["X-Gateway-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "auditId": "c41f2e9a-7b3d-4c5e-a6f7-08192a3b4c5d",
                     *       "decision": {
                     *         "decision": "permit",
                     *         "rules": [
                     *           {
                     *             "id": "agreement-in-force",
                     *             "outcome": "permit",
                     *             "reason": "Version 1.0 of Home Office – DfE umbrella data-sharing MoU is signed by both parties and in force"
                     *           },
                     *           {
                     *             "id": "party",
                     *             "outcome": "permit",
                     *             "reason": "local-education-authorities may ask home-office under Home Office – DfE umbrella data-sharing MoU"
                     *           },
                     *           {
                     *             "id": "purpose",
                     *             "outcome": "permit",
                     *             "reason": "The stated purpose is one of this agreement's purposes"
                     *           },
                     *           {
                     *             "id": "windrush-pause",
                     *             "outcome": "not-applicable",
                     *             "reason": "The pause covers proactive sharing only"
                     *           }
                     *         ],
                     *         "obligations": [],
                     *         "agreement": {
                     *           "id": "home-office-dfe-umbrella-mou",
                     *           "version": "1.0"
                     *         },
                     *         "directives": [],
                     *         "auditId": "0b6f3f1e-6a4c-4e0b-9a53-2f7d1c9e4a10",
                     *         "monthlyCap": {
                     *           "limit": 500,
                     *           "used": 138,
                     *           "remaining": 362,
                     *           "month": "2026-11"
                     *         }
                     *       },
                     *       "outcome": "matched",
                     *       "notices": [
                     *         "The Home Office has referred this case to the Windrush Taskforce; do not act on this status alone."
                     *       ],
                     *       "result": {
                     *         "match": true,
                     *         "immigrationStatus": "limited-leave",
                     *         "leaveType": "dependant",
                     *         "leaveValidTo": "2026-11-23",
                     *         "noRecourseToPublicFunds": false,
                     *         "supportedUnderS95": true,
                     *         "partVI": null,
                     *         "windrushReferral": true
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["StatusCheckResponse"];
                };
            };
            400: components["responses"]["CallerProblem"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["PolicyProblem"];
            409: components["responses"]["CallerProblem"];
            413: components["responses"]["CallerProblem"];
            415: components["responses"]["CallerProblem"];
            422: components["responses"]["CallerProblem"];
            429: components["responses"]["RateLimited"];
            502: components["responses"]["PolicyProblem"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["PolicyProblem"];
        };
    };
    dfeFsmEligibility: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes a retry safe (draft-ietf-httpapi-idempotency-key-header). The same key with the same request, from the
                 *     same client, within 24 hours, gets the first answer again (same status, body and `auditId`, with
                 *     `Idempotent-Replayed: true`), and nothing is decided, counted against a cap or audited again. The same key with
                 *     a different request is 422; a duplicate sent while the first is still running is 409. Keys are per client.
                 *     Send a fresh UUID for each new request, quoted as the draft writes it (`"…"`) or bare.
                 * @example "8e03978e-40d5-43e8-bc93-6894a57f9324"
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "purpose": "free-school-meals-eligibility",
                 *       "legalBasis": "iaa-1999-s95",
                 *       "caseReference": "ECS-FSM-2026-0230",
                 *       "subject": {
                 *         "forename": "Yonas",
                 *         "surname": "Tesfaye",
                 *         "dateOfBirth": "1989-04-11"
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["StatusCheckRequest"];
            };
        };
        responses: {
            /** @description Permitted, and the partner answered; only the fields the agreement allows. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Gateway-Request-Id": components["headers"]["X-Gateway-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "auditId": "0b6f3f1e-6a4c-4e0b-9a53-2f7d1c9e4a10",
                     *       "decision": {
                     *         "decision": "permit",
                     *         "rules": [
                     *           {
                     *             "id": "agreement-in-force",
                     *             "outcome": "permit",
                     *             "reason": "Version V1-3 of Free school meals eligibility checking process MoU is signed by both parties and in force"
                     *           },
                     *           {
                     *             "id": "party",
                     *             "outcome": "permit",
                     *             "reason": "dfe may ask home-office under Free school meals eligibility checking process MoU"
                     *           },
                     *           {
                     *             "id": "purpose",
                     *             "outcome": "permit",
                     *             "reason": "The stated purpose is one of this agreement's purposes"
                     *           },
                     *           {
                     *             "id": "windrush-pause",
                     *             "outcome": "not-applicable",
                     *             "reason": "The pause covers proactive sharing only"
                     *           }
                     *         ],
                     *         "obligations": [],
                     *         "agreement": {
                     *           "id": "ho-dfe-fsm-process-mou",
                     *           "version": "V1-3"
                     *         },
                     *         "directives": [],
                     *         "auditId": "0b6f3f1e-6a4c-4e0b-9a53-2f7d1c9e4a10",
                     *         "monthlyCap": {
                     *           "limit": 500,
                     *           "used": 138,
                     *           "remaining": 362,
                     *           "month": "2026-11"
                     *         }
                     *       },
                     *       "outcome": "matched",
                     *       "notices": [
                     *         "The Home Office has referred this case to the Windrush Taskforce; do not act on this status alone."
                     *       ],
                     *       "result": {
                     *         "match": true,
                     *         "immigrationStatus": "limited-leave",
                     *         "leaveType": "dependant",
                     *         "leaveValidTo": "2026-11-23",
                     *         "noRecourseToPublicFunds": false,
                     *         "supportedUnderS95": true,
                     *         "partVI": null,
                     *         "windrushReferral": true
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["StatusCheckResponse"];
                };
            };
            400: components["responses"]["CallerProblem"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["PolicyProblem"];
            409: components["responses"]["CallerProblem"];
            413: components["responses"]["CallerProblem"];
            415: components["responses"]["CallerProblem"];
            422: components["responses"]["CallerProblem"];
            429: components["responses"]["RateLimited"];
            502: components["responses"]["PolicyProblem"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["PolicyProblem"];
        };
    };
    nhsChargeabilityCheck: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes a retry safe (draft-ietf-httpapi-idempotency-key-header). The same key with the same request, from the
                 *     same client, within 24 hours, gets the first answer again (same status, body and `auditId`, with
                 *     `Idempotent-Replayed: true`), and nothing is decided, counted against a cap or audited again. The same key with
                 *     a different request is 422; a duplicate sent while the first is still running is 409. Keys are per client.
                 *     Send a fresh UUID for each new request, quoted as the draft writes it (`"…"`) or bare.
                 * @example "8e03978e-40d5-43e8-bc93-6894a57f9324"
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "purpose": "establish-chargeability",
                 *       "legalBasis": "nhs-overseas-visitor-charging",
                 *       "caseReference": "GSTT-OVM-2026-0815",
                 *       "subject": {
                 *         "forename": "Jordan",
                 *         "surname": "Mitchell",
                 *         "dateOfBirth": "1979-12-03"
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["StatusCheckRequest"];
            };
        };
        responses: {
            /** @description Permitted, and the partner answered; only the fields the agreement allows. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Gateway-Request-Id": components["headers"]["X-Gateway-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "auditId": "5d2c8a4b-1f3e-4b7a-8c6d-9e0f1a2b3c4d",
                     *       "decision": {
                     *         "decision": "permit",
                     *         "rules": [
                     *           {
                     *             "id": "agreement-in-force",
                     *             "outcome": "permit",
                     *             "reason": "Version 1.0 of IECAS checking service MoU - Home Office – nhs-trust-wealdbridge is signed by both parties and in force"
                     *           },
                     *           {
                     *             "id": "party",
                     *             "outcome": "permit",
                     *             "reason": "nhs-trust-wealdbridge may ask home-office-ie under IECAS checking service MoU - Home Office – nhs-trust-wealdbridge"
                     *           },
                     *           {
                     *             "id": "purpose",
                     *             "outcome": "permit",
                     *             "reason": "The stated purpose is one of this agreement's purposes"
                     *           },
                     *           {
                     *             "id": "windrush-pause",
                     *             "outcome": "not-applicable",
                     *             "reason": "The pause covers proactive sharing only"
                     *           }
                     *         ],
                     *         "obligations": [],
                     *         "agreement": {
                     *           "id": "iecas-mou-nhs-trust-wealdbridge",
                     *           "version": "1.0"
                     *         },
                     *         "directives": [],
                     *         "auditId": "0b6f3f1e-6a4c-4e0b-9a53-2f7d1c9e4a10",
                     *         "monthlyCap": {
                     *           "limit": 500,
                     *           "used": 138,
                     *           "remaining": 362,
                     *           "month": "2026-11"
                     *         }
                     *       },
                     *       "outcome": "matched",
                     *       "notices": [
                     *         "The Home Office has referred this case to the Windrush Taskforce; do not act on this status alone."
                     *       ],
                     *       "result": {
                     *         "match": true,
                     *         "immigrationStatus": "limited-leave",
                     *         "leaveType": "dependant",
                     *         "leaveValidTo": "2026-11-23",
                     *         "noRecourseToPublicFunds": false,
                     *         "supportedUnderS95": true,
                     *         "partVI": null,
                     *         "windrushReferral": true
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["StatusCheckResponse"];
                };
            };
            400: components["responses"]["CallerProblem"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["PolicyProblem"];
            409: components["responses"]["CallerProblem"];
            413: components["responses"]["CallerProblem"];
            415: components["responses"]["CallerProblem"];
            422: components["responses"]["CallerProblem"];
            429: components["responses"]["RateLimited"];
            502: components["responses"]["PolicyProblem"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["PolicyProblem"];
        };
    };
    nhsDebtorReturn: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes a retry safe (draft-ietf-httpapi-idempotency-key-header). The same key with the same request, from the
                 *     same client, within 24 hours, gets the first answer again (same status, body and `auditId`, with
                 *     `Idempotent-Replayed: true`), and nothing is decided, counted against a cap or audited again. The same key with
                 *     a different request is 422; a duplicate sent while the first is still running is 409. Keys are per client.
                 *     Send a fresh UUID for each new request, quoted as the draft writes it (`"…"`) or bare.
                 * @example "8e03978e-40d5-43e8-bc93-6894a57f9324"
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "purpose": "record-nhs-debt",
                 *       "legalBasis": "immigration-rules-320-22",
                 *       "caseReference": "OVM-DEBTORS-2026-11",
                 *       "subject": {
                 *         "forename": "Jordan",
                 *         "surname": "Mitchell",
                 *         "dateOfBirth": "1979-12-03"
                 *       },
                 *       "debt": {
                 *         "invoiceNumber": "INV-2026-08-0451",
                 *         "invoicedOn": "2026-08-23",
                 *         "amountPence": 65000,
                 *         "status": "debt-outstanding"
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["NhsDebtorReturnRequest"];
            };
        };
        responses: {
            /** @description Permitted, and the partner answered; only the fields the agreement allows. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Gateway-Request-Id": components["headers"]["X-Gateway-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "auditId": "c41f2e9a-7b3d-4c5e-a6f7-08192a3b4c5d",
                     *       "decision": {
                     *         "decision": "permit",
                     *         "rules": [
                     *           {
                     *             "id": "agreement-in-force",
                     *             "outcome": "permit",
                     *             "reason": "Version 2016-04 of Immigration Rules ¶320(22) and ¶322(12) - NHS debtors (no MoU) is signed by both parties and in force"
                     *           },
                     *           {
                     *             "id": "party",
                     *             "outcome": "permit",
                     *             "reason": "dhsc may ask home-office-ie under Immigration Rules ¶320(22) and ¶322(12) - NHS debtors (no MoU)"
                     *           },
                     *           {
                     *             "id": "purpose",
                     *             "outcome": "permit",
                     *             "reason": "The stated purpose is one of this agreement's purposes"
                     *           },
                     *           {
                     *             "id": "windrush-pause",
                     *             "outcome": "not-applicable",
                     *             "reason": "The pause covers proactive sharing only"
                     *           }
                     *         ],
                     *         "obligations": [],
                     *         "agreement": {
                     *           "id": "nhs-debtor-immigration-rules",
                     *           "version": "2016-04"
                     *         },
                     *         "directives": [],
                     *         "auditId": "0b6f3f1e-6a4c-4e0b-9a53-2f7d1c9e4a10",
                     *         "monthlyCap": {
                     *           "limit": 500,
                     *           "used": 138,
                     *           "remaining": 362,
                     *           "month": "2026-11"
                     *         }
                     *       },
                     *       "outcome": "acknowledged",
                     *       "result": {
                     *         "reference": "IE-RC-2026-0042",
                     *         "recordFound": true,
                     *         "recorded": true,
                     *         "previousStatus": "debt-outstanding"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["AcknowledgementResponse"];
                };
            };
            400: components["responses"]["CallerProblem"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["PolicyProblem"];
            409: components["responses"]["CallerProblem"];
            413: components["responses"]["CallerProblem"];
            415: components["responses"]["CallerProblem"];
            422: components["responses"]["CallerProblem"];
            429: components["responses"]["RateLimited"];
            502: components["responses"]["PolicyProblem"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["PolicyProblem"];
        };
    };
    nhsTraceRequest: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes a retry safe (draft-ietf-httpapi-idempotency-key-header). The same key with the same request, from the
                 *     same client, within 24 hours, gets the first answer again (same status, body and `auditId`, with
                 *     `Idempotent-Replayed: true`), and nothing is decided, counted against a cap or audited again. The same key with
                 *     a different request is 422; a duplicate sent while the first is still running is 409. Keys are per client.
                 *     Send a fresh UUID for each new request, quoted as the draft writes it (`"…"`) or bare.
                 * @example "8e03978e-40d5-43e8-bc93-6894a57f9324"
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "purpose": "deportation-serious-criminal-offence",
                 *       "legalBasis": "iaa-1999-s20",
                 *       "caseReference": "IE-TRACE-2026-0661",
                 *       "subject": {
                 *         "forename": "Ruan",
                 *         "surname": "van der Merwe",
                 *         "dateOfBirth": "2000-02-10"
                 *       },
                 *       "trace": {
                 *         "otherEffortsFailed": true,
                 *         "sentenceMonths": 18
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["NhsTraceGatewayRequest"];
            };
        };
        responses: {
            /** @description Permitted, and the partner answered; only the fields the agreement allows. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Gateway-Request-Id": components["headers"]["X-Gateway-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "auditId": "0b6f3f1e-6a4c-4e0b-9a53-2f7d1c9e4a10",
                     *       "decision": {
                     *         "decision": "permit",
                     *         "rules": [
                     *           {
                     *             "id": "agreement-in-force",
                     *             "outcome": "permit",
                     *             "reason": "Version 2017-12 of Home Office – NHS Digital MoU - non-medical data for immigration tracing is signed by both parties and in force"
                     *           },
                     *           {
                     *             "id": "party",
                     *             "outcome": "permit",
                     *             "reason": "home-office may ask nhs-digital under Home Office – NHS Digital MoU - non-medical data for immigration tracing"
                     *           },
                     *           {
                     *             "id": "purpose",
                     *             "outcome": "permit",
                     *             "reason": "The stated purpose is one of this agreement's purposes"
                     *           },
                     *           {
                     *             "id": "windrush-pause",
                     *             "outcome": "not-applicable",
                     *             "reason": "The pause covers proactive sharing only"
                     *           }
                     *         ],
                     *         "obligations": [],
                     *         "agreement": {
                     *           "id": "ho-nhs-digital-tracing-mou",
                     *           "version": "2017-12"
                     *         },
                     *         "directives": [],
                     *         "auditId": "0b6f3f1e-6a4c-4e0b-9a53-2f7d1c9e4a10",
                     *         "monthlyCap": {
                     *           "limit": 500,
                     *           "used": 138,
                     *           "remaining": 362,
                     *           "month": "2026-11"
                     *         }
                     *       },
                     *       "outcome": "matched",
                     *       "result": {
                     *         "match": true,
                     *         "claims": [
                     *           {
                     *             "benefit": "universal-credit",
                     *             "from": "2019-03-01",
                     *             "to": null,
                     *             "basis": "entitled"
                     *           }
                     *         ],
                     *         "partialMatches": 0,
                     *         "employment": [
                     *           {
                     *             "employer": "Calder Analytics Ltd",
                     *             "from": "2019-03-01",
                     *             "to": null
                     *           }
                     *         ],
                     *         "income": [
                     *           {
                     *             "taxYear": "2025-26",
                     *             "payPence": 3875000
                     *           }
                     *         ],
                     *         "residence": [
                     *           {
                     *             "line1": "14 Headingley Lane",
                     *             "town": "Leeds",
                     *             "postcode": "LS6 2AB",
                     *             "from": "2019-03-01",
                     *             "to": null
                     *           }
                     *         ],
                     *         "address": {
                     *           "line1": "14 Headingley Lane",
                     *           "town": "Leeds",
                     *           "postcode": "LS6 2AB"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["PersonQueryResponse"];
                };
            };
            400: components["responses"]["CallerProblem"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["PolicyProblem"];
            409: components["responses"]["CallerProblem"];
            413: components["responses"]["CallerProblem"];
            415: components["responses"]["CallerProblem"];
            422: components["responses"]["CallerProblem"];
            429: components["responses"]["RateLimited"];
            502: components["responses"]["PolicyProblem"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["PolicyProblem"];
        };
    };
    financialStatusShare: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes a retry safe (draft-ietf-httpapi-idempotency-key-header). The same key with the same request, from the
                 *     same client, within 24 hours, gets the first answer again (same status, body and `auditId`, with
                 *     `Idempotent-Replayed: true`), and nothing is decided, counted against a cap or audited again. The same key with
                 *     a different request is 422; a duplicate sent while the first is still running is 409. Keys are per client.
                 *     Send a fresh UUID for each new request, quoted as the draft writes it (`"…"`) or bare.
                 * @example "8e03978e-40d5-43e8-bc93-6894a57f9324"
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "purpose": "disqualified-person-current-account",
                 *       "legalBasis": "ia-2014-s40-40h",
                 *       "caseReference": "HO-FIN-2026-0119",
                 *       "shareReference": "HO-FIN-SHARE-0119",
                 *       "status": "disqualified-person",
                 *       "reason": "facing-deportation-for-criminal-offence",
                 *       "effectiveFrom": "2026-11-01",
                 *       "subject": {
                 *         "forename": "Ruan",
                 *         "surname": "van der Merwe",
                 *         "dateOfBirth": "2000-02-10"
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["FinancialStatusShareGatewayRequest"];
            };
        };
        responses: {
            /** @description Permitted, and the partner answered; only the fields the agreement allows. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Gateway-Request-Id": components["headers"]["X-Gateway-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "auditId": "5d2c8a4b-1f3e-4b7a-8c6d-9e0f1a2b3c4d",
                     *       "decision": {
                     *         "decision": "permit",
                     *         "rules": [
                     *           {
                     *             "id": "agreement-in-force",
                     *             "outcome": "permit",
                     *             "reason": "Version 2017-10 of Immigration Acts 2014 and 2016 - current accounts (no MoU) is signed by both parties and in force"
                     *           },
                     *           {
                     *             "id": "party",
                     *             "outcome": "permit",
                     *             "reason": "home-office may ask financial-institutions under Immigration Acts 2014 and 2016 - current accounts (no MoU)"
                     *           },
                     *           {
                     *             "id": "purpose",
                     *             "outcome": "permit",
                     *             "reason": "The stated purpose is one of this agreement's purposes"
                     *           },
                     *           {
                     *             "id": "windrush-pause",
                     *             "outcome": "not-applicable",
                     *             "reason": "The pause covers proactive sharing only"
                     *           }
                     *         ],
                     *         "obligations": [],
                     *         "agreement": {
                     *           "id": "ia-2014-current-accounts",
                     *           "version": "2017-10"
                     *         },
                     *         "directives": [],
                     *         "auditId": "0b6f3f1e-6a4c-4e0b-9a53-2f7d1c9e4a10",
                     *         "monthlyCap": {
                     *           "limit": 500,
                     *           "used": 138,
                     *           "remaining": 362,
                     *           "month": "2026-11"
                     *         }
                     *       },
                     *       "outcome": "acknowledged",
                     *       "result": {
                     *         "reference": "IE-RC-2026-0042",
                     *         "recordFound": true,
                     *         "recorded": true,
                     *         "previousStatus": "debt-outstanding"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["AcknowledgementResponse"];
                };
            };
            400: components["responses"]["CallerProblem"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["PolicyProblem"];
            409: components["responses"]["CallerProblem"];
            413: components["responses"]["CallerProblem"];
            415: components["responses"]["CallerProblem"];
            422: components["responses"]["CallerProblem"];
            429: components["responses"]["RateLimited"];
            502: components["responses"]["PolicyProblem"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["PolicyProblem"];
        };
    };
    dryRunDecision: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes a retry safe (draft-ietf-httpapi-idempotency-key-header). The same key with the same request, from the
                 *     same client, within 24 hours, gets the first answer again (same status, body and `auditId`, with
                 *     `Idempotent-Replayed: true`), and nothing is decided, counted against a cap or audited again. The same key with
                 *     a different request is 422; a duplicate sent while the first is still running is 409. Keys are per client.
                 *     Send a fresh UUID for each new request, quoted as the draft writes it (`"…"`) or bare.
                 * @example "8e03978e-40d5-43e8-bc93-6894a57f9324"
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "exchange": "dfe.child-trace",
                 *       "asOf": "2026-11-23",
                 *       "asKnownOn": "2026-11-23",
                 *       "party": "dfe",
                 *       "request": {
                 *         "purpose": "trace-child-of-immigration-offender",
                 *         "legalBasis": "dpa-1998-s29-3",
                 *         "caseReference": "IE-RC-2026-0042",
                 *         "agreementId": "ie-dfe-child-tracing-mou"
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["DryRunRequest"];
            };
        };
        responses: {
            /** @description The decision. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Gateway-Request-Id": components["headers"]["X-Gateway-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "decision": "permit",
                     *       "rules": [
                     *         {
                     *           "id": "agreement-in-force",
                     *           "outcome": "permit",
                     *           "reason": "Version 2.0 of the IE-DfE child tracing MoU is signed by both parties and in force"
                     *         },
                     *         {
                     *           "id": "party",
                     *           "outcome": "permit",
                     *           "reason": "ie-removals-casework may ask dfe under the IE-DfE child tracing MoU"
                     *         },
                     *         {
                     *           "id": "purpose",
                     *           "outcome": "permit",
                     *           "reason": "The stated purpose is one of this agreement's purposes"
                     *         },
                     *         {
                     *           "id": "windrush-pause",
                     *           "outcome": "not-applicable",
                     *           "reason": "The pause covers proactive sharing only"
                     *         }
                     *       ],
                     *       "obligations": [],
                     *       "agreement": {
                     *         "id": "ie-dfe-child-tracing-mou",
                     *         "version": "2.0"
                     *       },
                     *       "directives": [],
                     *       "auditId": "0b6f3f1e-6a4c-4e0b-9a53-2f7d1c9e4a10",
                     *       "monthlyCap": {
                     *         "limit": 500,
                     *         "used": 138,
                     *         "remaining": 362,
                     *         "month": "2026-11"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Decision"];
                };
            };
            400: components["responses"]["CallerProblem"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["CallerProblem"];
            409: components["responses"]["CallerProblem"];
            413: components["responses"]["CallerProblem"];
            415: components["responses"]["CallerProblem"];
            422: components["responses"]["CallerProblem"];
            429: components["responses"]["RateLimited"];
            502: components["responses"]["PolicyProblem"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["PolicyProblem"];
        };
    };
    listAuditEntries: {
        parameters: {
            query?: {
                /** @description An exchange the gateway governs; its decisions, dry runs and outcomes. */
                exchange?: "dwp.nino-alignment" | "dwp.accessed-public-funds" | "dwp.status-check" | "dwp.proactive-notification" | "hmrc.evidence-request" | "hmrc.status-check" | "hmrc.proactive-notification" | "dfe.child-trace" | "dfe.education-status-check" | "dfe.fsm-eligibility" | "nhs.chargeability-check" | "nhs.debtor-return" | "nhs.trace-request" | "financial.status-share";
                decision?: "permit" | "deny";
                kind?: "decision" | "lookup" | "outcome" | "dry-run" | "register-change" | "feedback" | "console-access" | "obligation-confirmation";
                /** @description The party that made the exchange (e.g. home-office-ie). */
                party?: string;
                /** @description An agreement id; entries under any version of it. */
                agreement?: string;
                /** @description A policy rule id; decisions that this rule denied. */
                rule?: "party" | "agreement-in-force" | "purpose" | "legal-basis" | "field-scope" | "direction" | "windrush-pause" | "financial-services-age" | "nhs-narrowed-scope" | "nhs-non-clinical" | "dfe-offender-belief" | "debtor-threshold" | "debtor-nationality" | "monthly-cap" | "match-quality" | "unknown-directive";
                /** @description Only register changes recorded more than a day after the day they took effect (a signature, review or directive dated in the past). */
                afterTheFact?: boolean;
                /** @description Recorded at or after this time; earlier than `to` when both are given (400 otherwise). A leap second (23:59:60) is refused with 400. */
                from?: string;
                /** @description Recorded before this time; later than `from` (400 otherwise). A leap second is refused with 400. */
                to?: string;
                /** @description Only entries with a lower seq: pass the nextBefore of the previous page. */
                before?: number;
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
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Gateway-Request-Id": components["headers"]["X-Gateway-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "entries": [
                     *         {
                     *           "seq": 3,
                     *           "id": "c41f2e9a-7b3d-4c5e-a6f7-08192a3b4c5d",
                     *           "recordedAt": "2026-11-23T10:15:00Z",
                     *           "kind": "decision",
                     *           "body": {
                     *             "exchange": "dfe.child-trace",
                     *             "direction": "outbound",
                     *             "partner": "dfe",
                     *             "party": "home-office-ie",
                     *             "clientId": "ie-removals-casework",
                     *             "requestId": "7c1e4b2a-9d3f-4e6a-8b5c-2f1d0e9a8b7c",
                     *             "caseReference": "9f2c6b1e4a7d0c3f6b9e2a5d8c1f4b7e0a3d6c9f2b5e8a1d4c7f0b3e6a9d2c5f",
                     *             "subjects": [
                     *               "f5c2d9a6e3b0f7c4d1a8e5b2f9c6d3a0e7b4f1c8d5a2e9b6f3c0d7a4e1b6c2f9"
                     *             ],
                     *             "fieldsRequested": [
                     *               "subject.forename",
                     *               "subject.surname",
                     *               "subject.dateOfBirth"
                     *             ],
                     *             "decisionDate": "2026-11-23",
                     *             "purpose": "trace-child-of-immigration-offender",
                     *             "legalBasis": "dpa-1998-s29-3",
                     *             "registerGeneration": 42,
                     *             "policyVersion": "3f9a1c7e",
                     *             "decision": "permit",
                     *             "rules": [
                     *               {
                     *                 "id": "party",
                     *                 "outcome": "permit",
                     *                 "reason": "home-office-ie is a party to the agreement."
                     *               },
                     *               {
                     *                 "id": "agreement-in-force",
                     *                 "outcome": "permit",
                     *                 "reason": "ie-dfe-child-tracing-mou@2.0 is signed and in force on 2026-11-23."
                     *               }
                     *             ],
                     *             "obligations": [],
                     *             "agreement": {
                     *               "id": "ie-dfe-child-tracing-mou",
                     *               "version": "2.0"
                     *             },
                     *             "directives": []
                     *           },
                     *           "prevHash": "5b8e1c4a7d0f3b6e9c2a5d8f1b4e7c0a3d6f9b2e5c8a1d4f7b0e3c6a9d2f5b8e",
                     *           "hash": "b8c4e1f0a7d2936e5b1c4d7a0e3f6a9c2d5b8e1f4a7c0d3e6f9a2b5c8d1e4f7a"
                     *         }
                     *       ],
                     *       "nextBefore": 3
                     *     }
                     */
                    "application/json": components["schemas"]["AuditEntryList"];
                };
            };
            /** @description Not valid, each wrong field or parameter named in `errors`. A query parameter this operation does not take (it takes `exchange`, `decision`, `kind`, `party`, `agreement`, `rule`, `afterTheFact`, `from`, `to`, `before` and `limit`) is refused, not ignored, and named, so that a misspelt filter never widens the answer. */
            400: components["responses"]["CallerProblem"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["CallerProblem"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["ServiceUnavailable"];
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
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Gateway-Request-Id": components["headers"]["X-Gateway-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "entry": {
                     *         "seq": 3,
                     *         "id": "0b6f3f1e-6a4c-4e0b-9a53-2f7d1c9e4a10",
                     *         "recordedAt": "2026-11-23T10:15:00Z",
                     *         "kind": "decision",
                     *         "body": {
                     *           "exchange": "dfe.child-trace",
                     *           "direction": "outbound",
                     *           "partner": "dfe",
                     *           "party": "home-office-ie",
                     *           "clientId": "ie-removals-casework",
                     *           "requestId": "7c1e4b2a-9d3f-4e6a-8b5c-2f1d0e9a8b7c",
                     *           "caseReference": "9f2c6b1e4a7d0c3f6b9e2a5d8c1f4b7e0a3d6c9f2b5e8a1d4c7f0b3e6a9d2c5f",
                     *           "subjects": [
                     *             "f5c2d9a6e3b0f7c4d1a8e5b2f9c6d3a0e7b4f1c8d5a2e9b6f3c0d7a4e1b6c2f9"
                     *           ],
                     *           "fieldsRequested": [
                     *             "subject.forename",
                     *             "subject.surname",
                     *             "subject.dateOfBirth"
                     *           ],
                     *           "decisionDate": "2026-11-23",
                     *           "purpose": "trace-child-of-immigration-offender",
                     *           "legalBasis": "dpa-1998-s29-3",
                     *           "registerGeneration": 42,
                     *           "policyVersion": "3f9a1c7e",
                     *           "decision": "permit",
                     *           "rules": [
                     *             {
                     *               "id": "party",
                     *               "outcome": "permit",
                     *               "reason": "home-office-ie is a party to the agreement."
                     *             },
                     *             {
                     *               "id": "agreement-in-force",
                     *               "outcome": "permit",
                     *               "reason": "ie-dfe-child-tracing-mou@2.0 is signed and in force on 2026-11-23."
                     *             }
                     *           ],
                     *           "obligations": [],
                     *           "agreement": {
                     *             "id": "ie-dfe-child-tracing-mou",
                     *             "version": "2.0"
                     *           },
                     *           "directives": []
                     *         },
                     *         "prevHash": "5b8e1c4a7d0f3b6e9c2a5d8f1b4e7c0a3d6f9b2e5c8a1d4f7b0e3c6a9d2f5b8e",
                     *         "hash": "b8c4e1f0a7d2936e5b1c4d7a0e3f6a9c2d5b8e1f4a7c0d3e6f9a2b5c8d1e4f7a"
                     *       },
                     *       "outcomes": [
                     *         {
                     *           "seq": 3,
                     *           "id": "5d2c8a4b-1f3e-4b7a-8c6d-9e0f1a2b3c4d",
                     *           "recordedAt": "2026-11-23T10:15:00Z",
                     *           "kind": "outcome",
                     *           "body": {
                     *             "decisionId": "c41f2e9a-7b3d-4c5e-a6f7-08192a3b4c5d",
                     *             "outcome": "matched",
                     *             "latencyMs": 184,
                     *             "fieldsDisclosed": [
                     *               "match",
                     *               "addresses"
                     *             ],
                     *             "fieldsWithheld": []
                     *           },
                     *           "prevHash": "5b8e1c4a7d0f3b6e9c2a5d8f1b4e7c0a3d6f9b2e5c8a1d4f7b0e3c6a9d2f5b8e",
                     *           "hash": "b8c4e1f0a7d2936e5b1c4d7a0e3f6a9c2d5b8e1f4a7c0d3e6f9a2b5c8d1e4f7a"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["AuditEntryWithOutcomes"];
                };
            };
            400: components["responses"]["CallerProblem"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["CallerProblem"];
            404: components["responses"]["CallerProblem"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    replayAuditEntry: {
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
            /** @description The decision then and now. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Gateway-Request-Id": components["headers"]["X-Gateway-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "auditId": "c41f2e9a-7b3d-4c5e-a6f7-08192a3b4c5d",
                     *       "kind": "decision",
                     *       "identical": true,
                     *       "differences": [
                     *         "The replayed decision has no obligations; the logged one has refer-to-windrush-taskforce."
                     *       ],
                     *       "register": {
                     *         "generation": 3,
                     *         "knownBefore": "2026-11-23T10:15:00Z"
                     *       },
                     *       "policyVersion": {
                     *         "original": "Ashgrove Fold Primary School",
                     *         "now": "2026-11-23",
                     *         "changed": true
                     *       },
                     *       "note": "Agreed at the joint review of 2026-11-12.",
                     *       "original": {
                     *         "decision": "permit",
                     *         "rules": [
                     *           {
                     *             "id": "ie-dfe-child-tracing",
                     *             "outcome": "permit",
                     *             "reason": "Signed at the joint review; recorded on return from leave."
                     *           }
                     *         ],
                     *         "obligations": [
                     *           {
                     *             "id": "ie-dfe-child-tracing"
                     *           }
                     *         ],
                     *         "agreement": {
                     *           "id": "ie-dfe-child-tracing",
                     *           "version": "2.0"
                     *         },
                     *         "directives": [
                     *           "windrush-pause-2018"
                     *         ]
                     *       },
                     *       "replayed": {
                     *         "decision": "permit",
                     *         "rules": [
                     *           {
                     *             "id": "ie-dfe-child-tracing",
                     *             "outcome": "permit",
                     *             "reason": "Signed at the joint review; recorded on return from leave."
                     *           }
                     *         ],
                     *         "obligations": [
                     *           {
                     *             "id": "ie-dfe-child-tracing"
                     *           }
                     *         ],
                     *         "agreement": {
                     *           "id": "ie-dfe-child-tracing",
                     *           "version": "2.0"
                     *         },
                     *         "directives": [
                     *           "windrush-pause-2018"
                     *         ]
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Replay"];
                };
            };
            400: components["responses"]["CallerProblem"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["CallerProblem"];
            404: components["responses"]["CallerProblem"];
            422: components["responses"]["CallerProblem"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    searchAuditBySubject: {
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
                 *       "nino": "YH204817B"
                 *     }
                 */
                "application/json": components["schemas"]["AuditSubjectSearch"];
            };
        };
        responses: {
            /** @description Decisions about the person, newest first. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Gateway-Request-Id": components["headers"]["X-Gateway-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "entries": [
                     *         {
                     *           "seq": 3,
                     *           "id": "0b6f3f1e-6a4c-4e0b-9a53-2f7d1c9e4a10",
                     *           "recordedAt": "2026-11-23T10:15:00Z",
                     *           "kind": "decision",
                     *           "body": {
                     *             "exchange": "dfe.child-trace",
                     *             "direction": "outbound",
                     *             "partner": "dfe",
                     *             "party": "home-office-ie",
                     *             "clientId": "ie-removals-casework",
                     *             "requestId": "7c1e4b2a-9d3f-4e6a-8b5c-2f1d0e9a8b7c",
                     *             "caseReference": "9f2c6b1e4a7d0c3f6b9e2a5d8c1f4b7e0a3d6c9f2b5e8a1d4c7f0b3e6a9d2c5f",
                     *             "subjects": [
                     *               "f5c2d9a6e3b0f7c4d1a8e5b2f9c6d3a0e7b4f1c8d5a2e9b6f3c0d7a4e1b6c2f9"
                     *             ],
                     *             "fieldsRequested": [
                     *               "subject.forename",
                     *               "subject.surname",
                     *               "subject.dateOfBirth"
                     *             ],
                     *             "decisionDate": "2026-11-23",
                     *             "purpose": "trace-child-of-immigration-offender",
                     *             "legalBasis": "dpa-1998-s29-3",
                     *             "registerGeneration": 42,
                     *             "policyVersion": "3f9a1c7e",
                     *             "decision": "permit",
                     *             "rules": [
                     *               {
                     *                 "id": "party",
                     *                 "outcome": "permit",
                     *                 "reason": "home-office-ie is a party to the agreement."
                     *               },
                     *               {
                     *                 "id": "agreement-in-force",
                     *                 "outcome": "permit",
                     *                 "reason": "ie-dfe-child-tracing-mou@2.0 is signed and in force on 2026-11-23."
                     *               }
                     *             ],
                     *             "obligations": [],
                     *             "agreement": {
                     *               "id": "ie-dfe-child-tracing-mou",
                     *               "version": "2.0"
                     *             },
                     *             "directives": []
                     *           },
                     *           "prevHash": "5b8e1c4a7d0f3b6e9c2a5d8f1b4e7c0a3d6f9b2e5c8a1d4f7b0e3c6a9d2f5b8e",
                     *           "hash": "b8c4e1f0a7d2936e5b1c4d7a0e3f6a9c2d5b8e1f4a7c0d3e6f9a2b5c8d1e4f7a"
                     *         }
                     *       ],
                     *       "nextBefore": 3
                     *     }
                     */
                    "application/json": components["schemas"]["AuditEntryList"];
                };
            };
            400: components["responses"]["CallerProblem"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["CallerProblem"];
            413: components["responses"]["CallerProblem"];
            415: components["responses"]["CallerProblem"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    auditSubjectReport: {
        parameters: {
            query?: {
                format?: "json" | "csv";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "nino": "YH204817B"
                 *     }
                 */
                "application/json": components["schemas"]["AuditSubjectReportQuery"];
            };
        };
        responses: {
            /** @description The report. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Gateway-Request-Id": components["headers"]["X-Gateway-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "identifiedBy": "nino",
                     *       "count": 12,
                     *       "truncated": true,
                     *       "exchanges": [
                     *         {
                     *           "auditId": "5d2c8a4b-1f3e-4b7a-8c6d-9e0f1a2b3c4d",
                     *           "recordedAt": "2026-11-23T10:15:00Z",
                     *           "dryRun": true,
                     *           "exchange": "dfe.child-trace",
                     *           "direction": "outbound",
                     *           "partner": "dfe",
                     *           "party": "dfe",
                     *           "clientId": "ie-removals-casework",
                     *           "purpose": "trace-child-of-immigration-offender",
                     *           "legalBasis": "dpa-1998-s29-3",
                     *           "agreement": {
                     *             "id": "ie-dfe-child-tracing",
                     *             "version": "2.0"
                     *           },
                     *           "decision": "permit",
                     *           "deniedBy": [
                     *             "deniedBy"
                     *           ],
                     *           "fieldsRequested": [
                     *             "fieldsRequested"
                     *           ],
                     *           "outcome": "matched",
                     *           "outcomeAuditId": "5d2c8a4b-1f3e-4b7a-8c6d-9e0f1a2b3c4d",
                     *           "outcomeRecordedAt": "2026-11-23T10:15:00Z",
                     *           "fieldsDisclosed": [
                     *             "fieldsDisclosed"
                     *           ],
                     *           "fieldsWithheld": [
                     *             "fieldsWithheld"
                     *           ],
                     *           "matchedBy": [
                     *             3
                     *           ]
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["AuditSubjectReportAnswer"];
                    /**
                     * @example recordedAt,auditId,matchedBy,exchange,direction,party,partner,clientId,purpose,legalBasis,agreement,decision,deniedBy,dryRun,outcome,outcomeRecordedAt,fieldsRequested,fieldsDisclosed,fieldsWithheld
                     *     2026-12-08T10:10:00.000Z,83189220-2428-4b21-ab14-6fd7dc692e72,1 name-dob,dfe.child-trace,outbound,home-office-ie,dfe,ie-removals-casework,trace-child-of-immigration-offender,dpa-1998-s29-3,ie-dfe-child-tracing-mou 2.0,permit,,false,matched,2026-12-08T10:10:00.000Z,grounds.parentBelievedImmigrationOffender; subject.forename; subject.surname; subject.dateOfBirth; subject.postcode,match; addresses,parents
                     *     2026-12-08T10:15:00.000Z,08f745a9-0633-4d06-9d2f-acaaf8a64f4c,1 name-dob,dfe.child-trace,outbound,home-office-ie,dfe,ie-removals-casework,trace-child-of-immigration-offender,dpa-1998-s29-3,ie-dfe-child-tracing-mou 2.0,permit,,false,matched,2026-12-08T10:15:00.000Z,grounds.parentBelievedImmigrationOffender; subject.forename; subject.surname; subject.dateOfBirth; subject.postcode,match; addresses,parents
                     *     2026-12-08T10:17:00.000Z,3416556e-3b1d-449e-85b0-552a128e6824,1 name-dob,dfe.child-trace,outbound,home-office-ie,dfe,ie-removals-casework,trace-child-of-immigration-offender,dpa-1998-s29-3,ie-dfe-child-tracing-mou 2.0,deny,dfe-offender-belief,false,,,grounds.parentBelievedImmigrationOffender; subject.forename; subject.surname; subject.dateOfBirth; subject.postcode,,
                     */
                    "text/csv": string;
                };
            };
            /** @description Not valid, each wrong field or parameter named in `errors`. A query parameter this operation does not take (it takes `format`) is refused, not ignored, and named. */
            400: components["responses"]["CallerProblem"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["CallerProblem"];
            413: components["responses"]["CallerProblem"];
            415: components["responses"]["CallerProblem"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getAuditReceipt: {
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
            /** @description The receipt. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Gateway-Request-Id": components["headers"]["X-Gateway-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "auditId": "c41f2e9a-7b3d-4c5e-a6f7-08192a3b4c5d",
                     *       "entry": {
                     *         "seq": 3,
                     *         "id": "0b6f3f1e-6a4c-4e0b-9a53-2f7d1c9e4a10",
                     *         "recordedAt": "2026-11-23T10:15:00Z",
                     *         "kind": "decision",
                     *         "body": {
                     *           "exchange": "dfe.child-trace",
                     *           "direction": "outbound",
                     *           "partner": "dfe",
                     *           "party": "home-office-ie",
                     *           "clientId": "ie-removals-casework",
                     *           "requestId": "7c1e4b2a-9d3f-4e6a-8b5c-2f1d0e9a8b7c",
                     *           "caseReference": "9f2c6b1e4a7d0c3f6b9e2a5d8c1f4b7e0a3d6c9f2b5e8a1d4c7f0b3e6a9d2c5f",
                     *           "subjects": [
                     *             "f5c2d9a6e3b0f7c4d1a8e5b2f9c6d3a0e7b4f1c8d5a2e9b6f3c0d7a4e1b6c2f9"
                     *           ],
                     *           "fieldsRequested": [
                     *             "subject.forename",
                     *             "subject.surname",
                     *             "subject.dateOfBirth"
                     *           ],
                     *           "decisionDate": "2026-11-23",
                     *           "purpose": "trace-child-of-immigration-offender",
                     *           "legalBasis": "dpa-1998-s29-3",
                     *           "registerGeneration": 42,
                     *           "policyVersion": "3f9a1c7e",
                     *           "decision": "permit",
                     *           "rules": [
                     *             {
                     *               "id": "party",
                     *               "outcome": "permit",
                     *               "reason": "home-office-ie is a party to the agreement."
                     *             },
                     *             {
                     *               "id": "agreement-in-force",
                     *               "outcome": "permit",
                     *               "reason": "ie-dfe-child-tracing-mou@2.0 is signed and in force on 2026-11-23."
                     *             }
                     *           ],
                     *           "obligations": [],
                     *           "agreement": {
                     *             "id": "ie-dfe-child-tracing-mou",
                     *             "version": "2.0"
                     *           },
                     *           "directives": []
                     *         },
                     *         "prevHash": "5b8e1c4a7d0f3b6e9c2a5d8f1b4e7c0a3d6f9b2e5c8a1d4f7b0e3c6a9d2f5b8e",
                     *         "hash": "b8c4e1f0a7d2936e5b1c4d7a0e3f6a9c2d5b8e1f4a7c0d3e6f9a2b5c8d1e4f7a"
                     *       },
                     *       "checkpoint": {
                     *         "jws": "eyJhbGciOiJFZERTQSIsImtpZCI6ImF1ZGl0LTIwMjYtMTEifQ..c2lnbmF0dXJl",
                     *         "size": 12,
                     *         "headHash": "3c6a9d2f5b8e1c4a7d0f3b6e9c2a5d8f1b4e7c0a3d6f9b2e5c8a1d4f7b0e3c6a",
                     *         "rootHash": "b8c4e1f0a7d2936e5b1c4d7a0e3f6a9c2d5b8e1f4a7c0d3e6f9a2b5c8d1e4f7a",
                     *         "time": "2026-11-23T10:15:00Z",
                     *         "kid": "audit-2026-11"
                     *       },
                     *       "inclusionProof": {
                     *         "leafIndex": 3,
                     *         "treeSize": 12,
                     *         "hashes": [
                     *           "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
                     *         ]
                     *       },
                     *       "keys": "/.well-known/audit-keys.json"
                     *     }
                     */
                    "application/json": components["schemas"]["AuditReceipt"];
                };
            };
            400: components["responses"]["CallerProblem"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["CallerProblem"];
            404: components["responses"]["CallerProblem"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    exportAuditLog: {
        parameters: {
            query?: {
                format?: "jsonl" | "csv";
                /** @description Recorded at or after this time; earlier than `to` when both are given (400 otherwise). A leap second (23:59:60) is refused with 400. */
                from?: string;
                /** @description Recorded before this time; later than `from` (400 otherwise). A leap second is refused with 400. */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The export file. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Gateway-Request-Id": components["headers"]["X-Gateway-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {"manifest":{"format":"audit-export/1","entries":"jsonl","from":"2026-12-08T10:14:00Z","to":"2026-12-08T10:16:00Z","count":2,"firstSeq":4,"lastSeq":5,"firstPrevHash":"9d46faa59b5aad88f8beac10eab14f6bd8b0b312415df8e1dc4e90f7c8ffe4fa","firstHash":"8ab1be98671e9353e9f4637c219070c2df927d32d89b0a262dfa88ad67376358","lastHash":"76302008c8cca1290ff0997602af63b0f360792a695457ff7dd6d35322aa6e5f","checkpoint":{"jws":"eyJhbGciOiJFZERTQSIsImtpZCI6Im9qUV9UMzBPQzhvRHlhRG8yQzY1OHVuaVdLRnBRMGNIZm1VTkJ5N0pEQkEiLCJ0eXAiOiJhdWRpdC1jaGVja3BvaW50K2p3cyJ9.eyJoZWFkSGFzaCI6IjUwOTdkOTRhZjYzMjU0MDRjM2RiZGZlYWEwNzVhZjYyZWU3YWQ5ODc3MGZlZDQ3Zjg5MWY5ZWJhMTllOTIzOWYiLCJyb290SGFzaCI6ImFkMTM1NmU1OTMyNmNkNWMzZWQ0NWRlYzU3OWFlOTRhOWIyNDZiNWRiOTllNjliOGI1MTg4M2U5NTk5ODljZTkiLCJzaXplIjo2LCJ0aW1lIjoiMjAyNi0xMi0wOFQxMDoxNzowMC4wMDBaIn0.KAVhXubW_mAjg96jwklfzvIAuQVXpHkQbMS79zlY6cN6mnwxmSPzIAvYdY9Sqhrtd77U8WCZ8HYQGrx2f_G6DQ"},"inclusionProof":{"leafIndex":4,"treeSize":6,"hashes":["5c05639c78eb9a6e7e039751b280092c3b762cd4b46c7bc3e1ba5a294452bcdc","f8fb6658ceb2c3437916033b47709cc8131727c3a04851e235853afbf6fd4231"]},"generatedAt":"2026-12-08T10:17:00.000Z","keys":{"keys":[{"kty":"OKP","crv":"Ed25519","x":"fQedI3EgasKIfJxm5Q-Lm4HhSJmpznQtz5cTZr3oqY4","kid":"ojQ_T30OC8oDyaDo2C658uniWKFpQ0cHfmUNBy7JDBA","alg":"EdDSA","use":"sig"}]},"signature":"eyJhbGciOiJFZERTQSIsImtpZCI6Im9qUV9UMzBPQzhvRHlhRG8yQzY1OHVuaVdLRnBRMGNIZm1VTkJ5N0pEQkEiLCJ0eXAiOiJhdWRpdC1leHBvcnQtbWFuaWZlc3QrandzIn0.eyJjaGVja3BvaW50Ijp7Imp3cyI6ImV5SmhiR2NpT2lKRlpFUlRRU0lzSW10cFpDSTZJbTlxVVY5VU16QlBRemh2UkhsaFJHOHlRelkxT0hWdWFWZExSbkJSTUdOSVptMVZUa0o1TjBwRVFrRWlMQ0owZVhBaU9pSmhkV1JwZEMxamFHVmphM0J2YVc1MEsycDNjeUo5LmV5Sm9aV0ZrU0dGemFDSTZJalV3T1Rka09UUmhaall6TWpVME1EUmpNMlJpWkdabFlXRXdOelZoWmpZeVpXVTNZV1E1T0RjM01HWmxaRFEzWmpnNU1XWTVaV0poTVRsbE9USXpPV1lpTENKeWIyOTBTR0Z6YUNJNkltRmtNVE0xTm1VMU9UTXlObU5rTldNelpXUTBOV1JsWXpVM09XRmxPVFJoT1dJeU5EWmlOV1JpT1RsbE5qbGlPR0kxTVRnNE0yVTVOVGs1T0RsalpUa2lMQ0p6YVhwbElqbzJMQ0owYVcxbElqb2lNakF5TmkweE1pMHdPRlF4TURveE56b3dNQzR3TURCYUluMC5LQVZoWHViV19tQWpnOTZqd2tsZnp2SUF1UVZYcEhrUWJNUzc5emxZNmNONm1ud3htU1B6SUF2WWRZOVNxaHJ0ZDc3VThXQ1o4SFlRR3J4MmZfRzZEUSJ9LCJjb3VudCI6MiwiZW50cmllcyI6Impzb25sIiwiZmlyc3RIYXNoIjoiOGFiMWJlOTg2NzFlOTM1M2U5ZjQ2MzdjMjE5MDcwYzJkZjkyN2QzMmQ4OWIwYTI2MmRmYTg4YWQ2NzM3NjM1OCIsImZpcnN0UHJldkhhc2giOiI5ZDQ2ZmFhNTliNWFhZDg4ZjhiZWFjMTBlYWIxNGY2YmQ4YjBiMzEyNDE1ZGY4ZTFkYzRlOTBmN2M4ZmZlNGZhIiwiZmlyc3RTZXEiOjQsImZvcm1hdCI6ImF1ZGl0LWV4cG9ydC8xIiwiZnJvbSI6IjIwMjYtMTItMDhUMTA6MTQ6MDBaIiwiZ2VuZXJhdGVkQXQiOiIyMDI2LTEyLTA4VDEwOjE3OjAwLjAwMFoiLCJpbmNsdXNpb25Qcm9vZiI6eyJoYXNoZXMiOlsiNWMwNTYzOWM3OGViOWE2ZTdlMDM5NzUxYjI4MDA5MmMzYjc2MmNkNGI0NmM3YmMzZTFiYTVhMjk0NDUyYmNkYyIsImY4ZmI2NjU4Y2ViMmMzNDM3OTE2MDMzYjQ3NzA5Y2M4MTMxNzI3YzNhMDQ4NTFlMjM1ODUzYWZiZjZmZDQyMzEiXSwibGVhZkluZGV4Ijo0LCJ0cmVlU2l6ZSI6Nn0sImxhc3RIYXNoIjoiNzYzMDIwMDhjOGNjYTEyOTBmZjA5OTc2MDJhZjYzYjBmMzYwNzkyYTY5NTQ1N2ZmN2RkNmQzNTMyMmFhNmU1ZiIsImxhc3RTZXEiOjUsInRvIjoiMjAyNi0xMi0wOFQxMDoxNjowMFoifQ.PxBdG1YDcUOcTHIRcGMBu4ZOYGHKSmJq7BSImLTjyTCukoHzytz3DpHggVFzG8nlIQ3-31uk8nt3q53iktlkBA"}}
                     *     {"body":{"agreement":{"id":"ie-dfe-child-tracing-mou","version":"2.0"},"caseReference":"73cb3c393c794b5dc686ae13a861ffe26e069d13d7723b303aa876e934d736af","clientId":"ie-removals-casework","decision":"permit","decisionDate":"2026-12-08","direction":"outbound","directives":[],"exchange":"dfe.child-trace","fieldsRequested":["grounds.parentBelievedImmigrationOffender","subject.forename","subject.surname","subject.dateOfBirth","subject.postcode"],"legalBasis":"dpa-1998-s29-3","obligations":[{"id":"withhold-older-than","years":5}],"partner":"dfe","party":"home-office-ie","policyVersion":"d3e33204697a1a89","purpose":"trace-child-of-immigration-offender","registerGeneration":8,"requestId":"68334274-7ed5-409b-a7de-c88aad82fdfc","rules":[{"id":"party","outcome":"permit","reason":"home-office-ie may ask dfe under Home Office – DfE child tracing process MoU"},{"id":"agreement-in-force","outcome":"permit","reason":"Home Office – DfE child tracing process MoU v2.0 is signed by every party and in force on 2026-12-08"},{"id":"purpose","outcome":"permit","reason":"Purpose \"trace-child-of-immigration-offender\" (reactive) is named in the agreement"},{"id":"legal-basis","outcome":"permit","reason":"Data Protection Act 1998 s.29(3) (now DPA 2018 Sch. 2 para 2) is named in the agreement"},{"id":"direction","outcome":"permit","reason":"dfe.child-trace is reactive (outbound) sharing, as its purpose is"},{"id":"field-scope","outcome":"permit","reason":"Every field sent is within the agreement; replies are limited to its response fields"},{"id":"nhs-narrowed-scope","outcome":"not-applicable","reason":"No narrowing directive reaches this exchange"},{"id":"nhs-non-clinical","outcome":"not-applicable","reason":"Applies to NHS exchanges only"},{"id":"dfe-offender-belief","outcome":"permit","reason":"The requester states reason to believe a parent is an immigration offender"},{"id":"debtor-threshold","outcome":"not-applicable","reason":"Applies to NHS debtor returns only"},{"id":"match-quality","outcome":"permit","reason":"The request carries every agreed match point (name, dateOfBirth, postcode); partial matches go back for resolution"},{"id":"unknown-directive","outcome":"not-applicable","reason":"Every directive in force that reaches this exchange is of a kind the rules apply"},{"id":"monthly-cap","outcome":"permit","reason":"2 of 300 requests this month"},{"id":"windrush-pause","outcome":"not-applicable","reason":"No Windrush directive in force reaches this exchange"},{"id":"financial-services-age","outcome":"not-applicable","reason":"No financial-services restriction reaches this exchange"},{"id":"debtor-nationality","outcome":"not-applicable","reason":"Applies to NHS debtor returns only"}],"sealedFacts":"v1.LuaI6xahIxv1UsVX.x7PVwbfyMMGWgA0u83m7nVVzn_VJF4kjK_N_ApA22-ShgWuZPraVd06PvCFWUVZ0avru7FkTGd--Ppo_i1HVXnv7eGLrfLWHSJDMUcaJLglzW_Njz9S0_pFrYKiBOvUB7kXnsyhCGlMP2-9UIC5QZbvvqE4g6JoifGLtaTkZb3oUiEfwkZCtUOmSgfUhI2frj6kwviJhLJfilxlTQ7DE4E8MTcgt5rY0rpACNHomsfjdvSVR079m6cXDZCFnz99PyAEKy36FOGezDwTruafue6PpOi11yr9qzeYH9KOwvkKi8vYvSbhbldjrFLDFrnxF2sEBzGjN7uxV5Zk5XnnoJrokfWIk9Gqchpduac482rZtDGaMyB3lytnymp999ODkKxeAX1j7u321g8DopVoFa4jXFLcb62HXFqV5KjW1bvreI38hQk8q-uRjMgX2CVFYFi4NsbDXWlldyyQVsDQFESbAjiQxBMU4tQOqysUM-jOblPUruGD-ohTi3xD43li3mkIDE4DkQaS0Ykv7K2kHOec5jvTZgCooqT-mWMsA-hGOMW9_jzA8S4MZ7f5R4APR5O44qlLdZhpN3Nt0h1F7A-Y9M7zCFDew8scSd5xq5RWqbZmcfHoc3lms4eLKl4AwTBtaePLt5LX3Kbf1xGZbqHdf9wT2LIZM61qEQ7Q_i3f-XZVrDEIk-tyg9buVIaMl61Xoxn0b3IW5p1anOebPzHJs_X0UrmGWaMYgPsDvqCN7k44TJWUHThHs5vIJlCCFcJ_szB4QQZ0LYkY64S5E3TOVNDKn188YeQ8ttbMhJWOQLg10W1vCMk2sz2_NXc4IWYYikUWIwWB_4U7sdcCwwUDasuXrBYr2VEHU2VE0VgLZ2q9jij4uItXanktmWc4oEeLfSuMnGsNjgkxDIW0C6GdluEKYGyDKnm6K0A","subjects":["65404ad53968ca2395b42fab77b1870e2edb07548d6f01c26e212e7f9c858f12"]},"hash":"8ab1be98671e9353e9f4637c219070c2df927d32d89b0a262dfa88ad67376358","id":"08f745a9-0633-4d06-9d2f-acaaf8a64f4c","kind":"decision","prevHash":"9d46faa59b5aad88f8beac10eab14f6bd8b0b312415df8e1dc4e90f7c8ffe4fa","recordedAt":"2026-12-08T10:15:00.000Z","seq":4}
                     *     {"body":{"agreement":{"id":"ie-dfe-child-tracing-mou","version":"2.0"},"decisionId":"08f745a9-0633-4d06-9d2f-acaaf8a64f4c","exchange":"dfe.child-trace","fieldsDisclosed":["match","addresses"],"fieldsWithheld":["parents"],"latencyMs":74,"outcome":"matched","party":"home-office-ie","requestId":"68334274-7ed5-409b-a7de-c88aad82fdfc"},"hash":"76302008c8cca1290ff0997602af63b0f360792a695457ff7dd6d35322aa6e5f","id":"757ae44f-5b70-42db-89a2-2228e0cd3d90","kind":"outcome","prevHash":"8ab1be98671e9353e9f4637c219070c2df927d32d89b0a262dfa88ad67376358","recordedAt":"2026-12-08T10:15:00.000Z","seq":5}
                     */
                    "application/x-ndjson": string;
                    /**
                     * @example # {"manifest":{"format":"audit-export/1","entries":"csv","from":"2026-12-08T10:14:00Z","to":"2026-12-08T10:16:00Z","count":2,"firstSeq":4,"lastSeq":5,"firstPrevHash":"9d46faa59b5aad88f8beac10eab14f6bd8b0b312415df8e1dc4e90f7c8ffe4fa","firstHash":"8ab1be98671e9353e9f4637c219070c2df927d32d89b0a262dfa88ad67376358","lastHash":"76302008c8cca1290ff0997602af63b0f360792a695457ff7dd6d35322aa6e5f","checkpoint":{"jws":"eyJhbGciOiJFZERTQSIsImtpZCI6Im9qUV9UMzBPQzhvRHlhRG8yQzY1OHVuaVdLRnBRMGNIZm1VTkJ5N0pEQkEiLCJ0eXAiOiJhdWRpdC1jaGVja3BvaW50K2p3cyJ9.eyJoZWFkSGFzaCI6IjUwOTdkOTRhZjYzMjU0MDRjM2RiZGZlYWEwNzVhZjYyZWU3YWQ5ODc3MGZlZDQ3Zjg5MWY5ZWJhMTllOTIzOWYiLCJyb290SGFzaCI6ImFkMTM1NmU1OTMyNmNkNWMzZWQ0NWRlYzU3OWFlOTRhOWIyNDZiNWRiOTllNjliOGI1MTg4M2U5NTk5ODljZTkiLCJzaXplIjo2LCJ0aW1lIjoiMjAyNi0xMi0wOFQxMDoxNzowMC4wMDBaIn0.KAVhXubW_mAjg96jwklfzvIAuQVXpHkQbMS79zlY6cN6mnwxmSPzIAvYdY9Sqhrtd77U8WCZ8HYQGrx2f_G6DQ"},"inclusionProof":{"leafIndex":4,"treeSize":6,"hashes":["5c05639c78eb9a6e7e039751b280092c3b762cd4b46c7bc3e1ba5a294452bcdc","f8fb6658ceb2c3437916033b47709cc8131727c3a04851e235853afbf6fd4231"]},"generatedAt":"2026-12-08T10:17:00.000Z","keys":{"keys":[{"kty":"OKP","crv":"Ed25519","x":"fQedI3EgasKIfJxm5Q-Lm4HhSJmpznQtz5cTZr3oqY4","kid":"ojQ_T30OC8oDyaDo2C658uniWKFpQ0cHfmUNBy7JDBA","alg":"EdDSA","use":"sig"}]},"signature":"eyJhbGciOiJFZERTQSIsImtpZCI6Im9qUV9UMzBPQzhvRHlhRG8yQzY1OHVuaVdLRnBRMGNIZm1VTkJ5N0pEQkEiLCJ0eXAiOiJhdWRpdC1leHBvcnQtbWFuaWZlc3QrandzIn0.eyJjaGVja3BvaW50Ijp7Imp3cyI6ImV5SmhiR2NpT2lKRlpFUlRRU0lzSW10cFpDSTZJbTlxVVY5VU16QlBRemh2UkhsaFJHOHlRelkxT0hWdWFWZExSbkJSTUdOSVptMVZUa0o1TjBwRVFrRWlMQ0owZVhBaU9pSmhkV1JwZEMxamFHVmphM0J2YVc1MEsycDNjeUo5LmV5Sm9aV0ZrU0dGemFDSTZJalV3T1Rka09UUmhaall6TWpVME1EUmpNMlJpWkdabFlXRXdOelZoWmpZeVpXVTNZV1E1T0RjM01HWmxaRFEzWmpnNU1XWTVaV0poTVRsbE9USXpPV1lpTENKeWIyOTBTR0Z6YUNJNkltRmtNVE0xTm1VMU9UTXlObU5rTldNelpXUTBOV1JsWXpVM09XRmxPVFJoT1dJeU5EWmlOV1JpT1RsbE5qbGlPR0kxTVRnNE0yVTVOVGs1T0RsalpUa2lMQ0p6YVhwbElqbzJMQ0owYVcxbElqb2lNakF5TmkweE1pMHdPRlF4TURveE56b3dNQzR3TURCYUluMC5LQVZoWHViV19tQWpnOTZqd2tsZnp2SUF1UVZYcEhrUWJNUzc5emxZNmNONm1ud3htU1B6SUF2WWRZOVNxaHJ0ZDc3VThXQ1o4SFlRR3J4MmZfRzZEUSJ9LCJjb3VudCI6MiwiZW50cmllcyI6ImNzdiIsImZpcnN0SGFzaCI6IjhhYjFiZTk4NjcxZTkzNTNlOWY0NjM3YzIxOTA3MGMyZGY5MjdkMzJkODliMGEyNjJkZmE4OGFkNjczNzYzNTgiLCJmaXJzdFByZXZIYXNoIjoiOWQ0NmZhYTU5YjVhYWQ4OGY4YmVhYzEwZWFiMTRmNmJkOGIwYjMxMjQxNWRmOGUxZGM0ZTkwZjdjOGZmZTRmYSIsImZpcnN0U2VxIjo0LCJmb3JtYXQiOiJhdWRpdC1leHBvcnQvMSIsImZyb20iOiIyMDI2LTEyLTA4VDEwOjE0OjAwWiIsImdlbmVyYXRlZEF0IjoiMjAyNi0xMi0wOFQxMDoxNzowMC4wMDBaIiwiaW5jbHVzaW9uUHJvb2YiOnsiaGFzaGVzIjpbIjVjMDU2MzljNzhlYjlhNmU3ZTAzOTc1MWIyODAwOTJjM2I3NjJjZDRiNDZjN2JjM2UxYmE1YTI5NDQ1MmJjZGMiLCJmOGZiNjY1OGNlYjJjMzQzNzkxNjAzM2I0NzcwOWNjODEzMTcyN2MzYTA0ODUxZTIzNTg1M2FmYmY2ZmQ0MjMxIl0sImxlYWZJbmRleCI6NCwidHJlZVNpemUiOjZ9LCJsYXN0SGFzaCI6Ijc2MzAyMDA4YzhjY2ExMjkwZmYwOTk3NjAyYWY2M2IwZjM2MDc5MmE2OTU0NTdmZjdkZDZkMzUzMjJhYTZlNWYiLCJsYXN0U2VxIjo1LCJ0byI6IjIwMjYtMTItMDhUMTA6MTY6MDBaIn0.Gmm8MuFvJCG49-E6fUSs40KgJlmPSZATGU4F8-tHVi6PHsqUXFhmcLkYE2EtniXyxG2wH_sTbjjvnZFXv0z9CA"}}
                     *     seq,id,recordedAt,kind,prevHash,hash,body
                     *     4,08f745a9-0633-4d06-9d2f-acaaf8a64f4c,2026-12-08T10:15:00.000Z,decision,9d46faa59b5aad88f8beac10eab14f6bd8b0b312415df8e1dc4e90f7c8ffe4fa,8ab1be98671e9353e9f4637c219070c2df927d32d89b0a262dfa88ad67376358,"{""agreement"":{""id"":""ie-dfe-child-tracing-mou"",""version"":""2.0""},""caseReference"":""73cb3c393c794b5dc686ae13a861ffe26e069d13d7723b303aa876e934d736af"",""clientId"":""ie-removals-casework"",""decision"":""permit"",""decisionDate"":""2026-12-08"",""direction"":""outbound"",""directives"":[],""exchange"":""dfe.child-trace"",""fieldsRequested"":[""grounds.parentBelievedImmigrationOffender"",""subject.forename"",""subject.surname"",""subject.dateOfBirth"",""subject.postcode""],""legalBasis"":""dpa-1998-s29-3"",""obligations"":[{""id"":""withhold-older-than"",""years"":5}],""partner"":""dfe"",""party"":""home-office-ie"",""policyVersion"":""d3e33204697a1a89"",""purpose"":""trace-child-of-immigration-offender"",""registerGeneration"":8,""requestId"":""68334274-7ed5-409b-a7de-c88aad82fdfc"",""rules"":[{""id"":""party"",""outcome"":""permit"",""reason"":""home-office-ie may ask dfe under Home Office – DfE child tracing process MoU""},{""id"":""agreement-in-force"",""outcome"":""permit"",""reason"":""Home Office – DfE child tracing process MoU v2.0 is signed by every party and in force on 2026-12-08""},{""id"":""purpose"",""outcome"":""permit"",""reason"":""Purpose \""trace-child-of-immigration-offender\"" (reactive) is named in the agreement""},{""id"":""legal-basis"",""outcome"":""permit"",""reason"":""Data Protection Act 1998 s.29(3) (now DPA 2018 Sch. 2 para 2) is named in the agreement""},{""id"":""direction"",""outcome"":""permit"",""reason"":""dfe.child-trace is reactive (outbound) sharing, as its purpose is""},{""id"":""field-scope"",""outcome"":""permit"",""reason"":""Every field sent is within the agreement; replies are limited to its response fields""},{""id"":""nhs-narrowed-scope"",""outcome"":""not-applicable"",""reason"":""No narrowing directive reaches this exchange""},{""id"":""nhs-non-clinical"",""outcome"":""not-applicable"",""reason"":""Applies to NHS exchanges only""},{""id"":""dfe-offender-belief"",""outcome"":""permit"",""reason"":""The requester states reason to believe a parent is an immigration offender""},{""id"":""debtor-threshold"",""outcome"":""not-applicable"",""reason"":""Applies to NHS debtor returns only""},{""id"":""match-quality"",""outcome"":""permit"",""reason"":""The request carries every agreed match point (name, dateOfBirth, postcode); partial matches go back for resolution""},{""id"":""unknown-directive"",""outcome"":""not-applicable"",""reason"":""Every directive in force that reaches this exchange is of a kind the rules apply""},{""id"":""monthly-cap"",""outcome"":""permit"",""reason"":""2 of 300 requests this month""},{""id"":""windrush-pause"",""outcome"":""not-applicable"",""reason"":""No Windrush directive in force reaches this exchange""},{""id"":""financial-services-age"",""outcome"":""not-applicable"",""reason"":""No financial-services restriction reaches this exchange""},{""id"":""debtor-nationality"",""outcome"":""not-applicable"",""reason"":""Applies to NHS debtor returns only""}],""sealedFacts"":""v1.LuaI6xahIxv1UsVX.x7PVwbfyMMGWgA0u83m7nVVzn_VJF4kjK_N_ApA22-ShgWuZPraVd06PvCFWUVZ0avru7FkTGd--Ppo_i1HVXnv7eGLrfLWHSJDMUcaJLglzW_Njz9S0_pFrYKiBOvUB7kXnsyhCGlMP2-9UIC5QZbvvqE4g6JoifGLtaTkZb3oUiEfwkZCtUOmSgfUhI2frj6kwviJhLJfilxlTQ7DE4E8MTcgt5rY0rpACNHomsfjdvSVR079m6cXDZCFnz99PyAEKy36FOGezDwTruafue6PpOi11yr9qzeYH9KOwvkKi8vYvSbhbldjrFLDFrnxF2sEBzGjN7uxV5Zk5XnnoJrokfWIk9Gqchpduac482rZtDGaMyB3lytnymp999ODkKxeAX1j7u321g8DopVoFa4jXFLcb62HXFqV5KjW1bvreI38hQk8q-uRjMgX2CVFYFi4NsbDXWlldyyQVsDQFESbAjiQxBMU4tQOqysUM-jOblPUruGD-ohTi3xD43li3mkIDE4DkQaS0Ykv7K2kHOec5jvTZgCooqT-mWMsA-hGOMW9_jzA8S4MZ7f5R4APR5O44qlLdZhpN3Nt0h1F7A-Y9M7zCFDew8scSd5xq5RWqbZmcfHoc3lms4eLKl4AwTBtaePLt5LX3Kbf1xGZbqHdf9wT2LIZM61qEQ7Q_i3f-XZVrDEIk-tyg9buVIaMl61Xoxn0b3IW5p1anOebPzHJs_X0UrmGWaMYgPsDvqCN7k44TJWUHThHs5vIJlCCFcJ_szB4QQZ0LYkY64S5E3TOVNDKn188YeQ8ttbMhJWOQLg10W1vCMk2sz2_NXc4IWYYikUWIwWB_4U7sdcCwwUDasuXrBYr2VEHU2VE0VgLZ2q9jij4uItXanktmWc4oEeLfSuMnGsNjgkxDIW0C6GdluEKYGyDKnm6K0A"",""subjects"":[""65404ad53968ca2395b42fab77b1870e2edb07548d6f01c26e212e7f9c858f12""]}"
                     *     5,757ae44f-5b70-42db-89a2-2228e0cd3d90,2026-12-08T10:15:00.000Z,outcome,8ab1be98671e9353e9f4637c219070c2df927d32d89b0a262dfa88ad67376358,76302008c8cca1290ff0997602af63b0f360792a695457ff7dd6d35322aa6e5f,"{""agreement"":{""id"":""ie-dfe-child-tracing-mou"",""version"":""2.0""},""decisionId"":""08f745a9-0633-4d06-9d2f-acaaf8a64f4c"",""exchange"":""dfe.child-trace"",""fieldsDisclosed"":[""match"",""addresses""],""fieldsWithheld"":[""parents""],""latencyMs"":74,""outcome"":""matched"",""party"":""home-office-ie"",""requestId"":""68334274-7ed5-409b-a7de-c88aad82fdfc""}"
                     */
                    "text/csv": string;
                };
            };
            /** @description Not valid, each wrong field or parameter named in `errors`. A query parameter this operation does not take (it takes `format`, `from` and `to`) is refused, not ignored, and named, so that a misspelt filter never widens the answer. */
            400: components["responses"]["CallerProblem"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["CallerProblem"];
            422: components["responses"]["CallerProblem"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    verifyAuditLog: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The result; `ok` is false when anything does not verify. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Gateway-Request-Id": components["headers"]["X-Gateway-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "ok": true,
                     *       "checked": 3,
                     *       "head": 3,
                     *       "checkpointsChecked": 3,
                     *       "firstBad": {
                     *         "seq": 3,
                     *         "problem": "edited",
                     *         "detail": "The request is not valid."
                     *       },
                     *       "protection": {
                     *         "intact": true,
                     *         "bodyGenerated": true,
                     *         "problems": [
                     *           "problem"
                     *         ]
                     *       },
                     *       "witnesses": [
                     *         {
                     *           "name": "Removals Casework",
                     *           "treeSize": 12,
                     *           "cosignedAt": "2026-11-23T10:15:00Z",
                     *           "verified": true
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["AuditVerification"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["CallerProblem"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getAuditInclusionProof: {
        parameters: {
            query: {
                auditId: string;
                treeSize?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The proof. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Gateway-Request-Id": components["headers"]["X-Gateway-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "auditId": "5d2c8a4b-1f3e-4b7a-8c6d-9e0f1a2b3c4d",
                     *       "entryHash": "9f2b7c4e1a0d8f3b6e5c2a9d7f4b1e8c3a6d0f9b2e5c8a1d4f7b0e3c6a9d2f5b",
                     *       "leafIndex": 3,
                     *       "treeSize": 12,
                     *       "hashes": [
                     *         "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["AuditInclusionProofAnswer"];
                };
            };
            /** @description Not valid, each wrong field or parameter named in `errors`. A query parameter this operation does not take (it takes `auditId` and `treeSize`) is refused, not ignored, and named, so that a misspelt filter never widens the answer. */
            400: components["responses"]["CallerProblem"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["CallerProblem"];
            404: components["responses"]["CallerProblem"];
            422: components["responses"]["CallerProblem"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getAuditConsistencyProof: {
        parameters: {
            query: {
                from: number;
                to: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The proof. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Gateway-Request-Id": components["headers"]["X-Gateway-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "from": 3,
                     *       "to": 3,
                     *       "hashes": [
                     *         "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["AuditConsistencyProof"];
                };
            };
            /** @description Not valid, each wrong field or parameter named in `errors`. A query parameter this operation does not take (it takes `from` and `to`) is refused, not ignored, and named, so that a misspelt filter never widens the answer. */
            400: components["responses"]["CallerProblem"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["CallerProblem"];
            422: components["responses"]["CallerProblem"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getAuditCheckpoint: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The signed note. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Gateway-Request-Id": components["headers"]["X-Gateway-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example data-sharing-gateway.service.gov.uk/audit-log
                     *     6
                     *     rRNW5ZMmzVw+1F3sV5rpSpska125nmm4tRiD6VmYnOk=
                     *
                     *     — data-sharing-gateway.service.gov.uk/audit-log nG3rMgzpyKBA3D3zCHoDTxn9+cqG1Tc6Kw3d5CvrJ0rrrM/qJm8ekBbCoAttiBAozOqGw87l7v6RKEukzipig+J7DgQ=
                     */
                    "text/plain": string;
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["CallerProblem"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    addAuditCosignature: {
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
                 *       "treeSize": 12,
                 *       "cosignature": "— witness.example.org Az3grlgtzPICa5OS8npBqPQMzvc+kKqDfVXEzyxDbSjz+jBZJAxVcf6P0nHtRtJBVKp7lCTAA"
                 *     }
                 */
                "application/json": components["schemas"]["AuditCosignatureRequest"];
            };
        };
        responses: {
            /** @description Kept. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Gateway-Request-Id": components["headers"]["X-Gateway-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "witness": "witness.example.org",
                     *       "treeSize": 12,
                     *       "cosignedAt": "2026-11-23T10:15:00Z",
                     *       "cosignature": "— witness.example.org Az3grlgtzPICa5OS8npBqPQMzvc+kKqDfVXEzyxDbSjz+jBZJAxVcf6P0nHtRtJBVKp7lCTAA"
                     *     }
                     */
                    "application/json": components["schemas"]["AuditCosignature"];
                };
            };
            400: components["responses"]["CallerProblem"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["CallerProblem"];
            404: components["responses"]["CallerProblem"];
            413: components["responses"]["CallerProblem"];
            415: components["responses"]["CallerProblem"];
            422: components["responses"]["CallerProblem"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listAuditWitnesses: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Witnesses, in the order they were registered. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Gateway-Request-Id": components["headers"]["X-Gateway-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "witnesses": [
                     *         {
                     *           "name": "Removals Casework",
                     *           "vkey": "witness.example.org+2d7a1f3c+AaGiB4pE4dlSkzu3yPmlCHq9xf1H2v4TlNXhRFxJ8bWS",
                     *           "registeredAt": "2026-11-23T10:15:00Z",
                     *           "registeredBy": "registry-admin",
                     *           "latest": {
                     *             "witness": "witness.example.org",
                     *             "treeSize": 12,
                     *             "cosignedAt": "2026-11-23T10:15:00Z",
                     *             "cosignature": "— witness.example.org Az3grlgtzPICa5OS8npBqPQMzvc+kKqDfVXEzyxDbSjz+jBZJAxVcf6P0nHtRtJBVKp7lCTAA"
                     *           }
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["AuditWitnessList"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["CallerProblem"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    registerAuditWitness: {
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
                 *       "vkey": "witness.example.org+2d7a1f3c+AaGiB4pE4dlSkzu3yPmlCHq9xf1H2v4TlNXhRFxJ8bWS"
                 *     }
                 */
                "application/json": components["schemas"]["AuditWitnessRegistration"];
            };
        };
        responses: {
            /** @description Registered. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Gateway-Request-Id": components["headers"]["X-Gateway-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "name": "Removals Casework",
                     *       "vkey": "witness.example.org+2d7a1f3c+AaGiB4pE4dlSkzu3yPmlCHq9xf1H2v4TlNXhRFxJ8bWS",
                     *       "registeredAt": "2026-11-23T10:15:00Z",
                     *       "registeredBy": "registry-admin",
                     *       "latest": {
                     *         "witness": "witness.example.org",
                     *         "treeSize": 12,
                     *         "cosignedAt": "2026-11-23T10:15:00Z",
                     *         "cosignature": "— witness.example.org Az3grlgtzPICa5OS8npBqPQMzvc+kKqDfVXEzyxDbSjz+jBZJAxVcf6P0nHtRtJBVKp7lCTAA"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["AuditWitness"];
                };
            };
            400: components["responses"]["CallerProblem"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["CallerProblem"];
            413: components["responses"]["CallerProblem"];
            415: components["responses"]["CallerProblem"];
            422: components["responses"]["CallerProblem"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getAuditKeys: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The key set. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Gateway-Request-Id": components["headers"]["X-Gateway-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "keys": [
                     *         {
                     *           "kty": "OKP",
                     *           "crv": "Ed25519",
                     *           "x": "fQedI3EgasKIfJxm5Q-Lm4HhSJmpznQtz5cTZr3oqY4",
                     *           "kid": "ojQ_T30OC8oDyaDo2C658uniWKFpQ0cHfmUNBy7JDBA",
                     *           "alg": "EdDSA",
                     *           "use": "sig"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["AuditKeySet"];
                };
            };
            503: components["responses"]["Problem"];
        };
    };
    listParties: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Parties. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Gateway-Request-Id": components["headers"]["X-Gateway-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "parties": [
                     *         {
                     *           "id": "ie-dfe-child-tracing",
                     *           "name": "Removals Casework",
                     *           "kind": "department",
                     *           "defunctSince": "2026-11-23"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["PartyList"];
                };
            };
            401: components["responses"]["Unauthorized"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listCollaborations: {
        parameters: {
            query?: {
                /** @description The day to judge standing on (default today, London). */
                asOf?: components["schemas"]["IsoDate"];
                asKnownOn?: components["schemas"]["AsKnownOn"];
                kind?: "bau" | "operation" | "project";
                /** @description Only those with (true) or without (false) an agreement in force on the day. */
                inForce?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Collaborations. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Gateway-Request-Id": components["headers"]["X-Gateway-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "asOf": "2026-11-23",
                     *       "collaborations": [
                     *         {
                     *           "collaboration": {
                     *             "id": "ie-dfe-child-tracing",
                     *             "reportRef": "¶6.125",
                     *             "title": "Tracing the children of immigration offenders",
                     *             "purpose": "trace-child-of-immigration-offender",
                     *             "kind": "bau",
                     *             "directorate": "Immigration Enforcement",
                     *             "owner": {
                     *               "name": "Removals Casework",
                     *               "role": "Senior Responsible Owner",
                     *               "email": "removals.casework@homeoffice.gov.uk",
                     *               "phone": "020 7946 0321"
                     *             },
                     *             "parties": [
                     *               "dfe",
                     *               "dfe"
                     *             ],
                     *             "startsOn": "2026-11-23",
                     *             "endsOn": "2026-11-23",
                     *             "status": "active"
                     *           },
                     *           "signed": true,
                     *           "inForce": true,
                     *           "governing": [
                     *             "2.0"
                     *           ],
                     *           "reviewOverdue": true,
                     *           "nextReviewDue": "2026-11-23"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["CollaborationSummaryList"];
                };
            };
            /** @description Not valid, each wrong field or parameter named in `errors`. A query parameter this operation does not take (it takes `asOf`, `asKnownOn`, `kind` and `inForce`) is refused, not ignored, and named, so that a misspelt filter never widens the answer. */
            400: components["responses"]["CallerProblem"];
            401: components["responses"]["Unauthorized"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    createCollaboration: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes a retry safe (draft-ietf-httpapi-idempotency-key-header). The same key with the same request, from the
                 *     same client, within 24 hours, gets the first answer again (same status, body and `auditId`, with
                 *     `Idempotent-Replayed: true`), and nothing is decided, counted against a cap or audited again. The same key with
                 *     a different request is 422; a duplicate sent while the first is still running is 409. Keys are per client.
                 *     Send a fresh UUID for each new request, quoted as the draft writes it (`"…"`) or bare.
                 * @example "8e03978e-40d5-43e8-bc93-6894a57f9324"
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "id": "ie-dfe-child-tracing",
                 *       "reportRef": "¶6.125",
                 *       "title": "Tracing the children of immigration offenders",
                 *       "purpose": "trace-child-of-immigration-offender",
                 *       "kind": "bau",
                 *       "directorate": "Immigration Enforcement",
                 *       "owner": {
                 *         "name": "Removals Casework",
                 *         "role": "Senior Responsible Owner",
                 *         "email": "removals.casework@homeoffice.gov.uk",
                 *         "phone": "020 7946 0321"
                 *       },
                 *       "parties": [
                 *         "dfe",
                 *         "dfe"
                 *       ],
                 *       "startsOn": "2026-11-23",
                 *       "endsOn": "2026-11-23",
                 *       "status": "active"
                 *     }
                 */
                "application/json": components["schemas"]["Collaboration"];
            };
        };
        responses: {
            /** @description Created. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Gateway-Request-Id": components["headers"]["X-Gateway-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "ie-dfe-child-tracing",
                     *       "reportRef": "¶6.125",
                     *       "title": "Tracing the children of immigration offenders",
                     *       "purpose": "trace-child-of-immigration-offender",
                     *       "kind": "bau",
                     *       "directorate": "Immigration Enforcement",
                     *       "owner": {
                     *         "name": "Removals Casework",
                     *         "role": "Senior Responsible Owner",
                     *         "email": "removals.casework@homeoffice.gov.uk",
                     *         "phone": "020 7946 0321"
                     *       },
                     *       "parties": [
                     *         "dfe",
                     *         "dfe"
                     *       ],
                     *       "startsOn": "2026-11-23",
                     *       "endsOn": "2026-11-23",
                     *       "status": "active"
                     *     }
                     */
                    "application/json": components["schemas"]["Collaboration"];
                };
            };
            400: components["responses"]["CallerProblem"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["CallerProblem"];
            409: components["responses"]["CallerProblem"];
            413: components["responses"]["CallerProblem"];
            415: components["responses"]["CallerProblem"];
            422: components["responses"]["CallerProblem"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getCollaboration: {
        parameters: {
            query?: {
                asOf?: components["schemas"]["IsoDate"];
                asKnownOn?: components["schemas"]["AsKnownOn"];
            };
            header?: never;
            path: {
                collaborationId: components["schemas"]["Code"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The collaboration. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Gateway-Request-Id": components["headers"]["X-Gateway-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "asOf": "2026-11-23",
                     *       "collaboration": {
                     *         "id": "ie-dfe-child-tracing",
                     *         "reportRef": "¶6.125",
                     *         "title": "Tracing the children of immigration offenders",
                     *         "purpose": "trace-child-of-immigration-offender",
                     *         "kind": "bau",
                     *         "directorate": "Immigration Enforcement",
                     *         "owner": {
                     *           "name": "Removals Casework",
                     *           "role": "Senior Responsible Owner",
                     *           "email": "removals.casework@homeoffice.gov.uk",
                     *           "phone": "020 7946 0321"
                     *         },
                     *         "parties": [
                     *           "dfe",
                     *           "dfe"
                     *         ],
                     *         "startsOn": "2026-11-23",
                     *         "endsOn": "2026-11-23",
                     *         "status": "active"
                     *       },
                     *       "agreements": [
                     *         {
                     *           "agreement": {
                     *             "id": "ie-dfe-child-tracing",
                     *             "collaborationId": "ie-dfe-child-tracing",
                     *             "kind": "mou",
                     *             "title": "Tracing the children of immigration offenders"
                     *           },
                     *           "versions": [
                     *             {
                     *               "asOf": "2026-11-23",
                     *               "standing": {
                     *                 "status": "draft",
                     *                 "authorises": true,
                     *                 "reason": "Signed at the joint review; recorded on return from leave."
                     *               },
                     *               "version": {}
                     *             }
                     *           ]
                     *         }
                     *       ],
                     *       "scorecard": {
                     *         "collaborationId": "ie-dfe-child-tracing",
                     *         "title": "Tracing the children of immigration offenders",
                     *         "kind": "mou",
                     *         "asOf": "2026-11-23",
                     *         "characteristics": [
                     *           {
                     *             "id": "agreed-objectives",
                     *             "met": true,
                     *             "gaps": [
                     *               "gap"
                     *             ]
                     *           }
                     *         ],
                     *         "gaps": [
                     *           {
                     *             "code": "trace-child-of-immigration-offender",
                     *             "characteristic": "age",
                     *             "detail": "The request is not valid.",
                     *             "weight": 3
                     *           }
                     *         ],
                     *         "priority": 3
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["CollaborationDetail"];
                };
            };
            /** @description Not valid, each wrong field or parameter named in `errors`. A query parameter this operation does not take (it takes `asOf` and `asKnownOn`) is refused, not ignored, and named, so that a misspelt filter never widens the answer. */
            400: components["responses"]["CallerProblem"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["CallerProblem"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    createAgreement: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes a retry safe (draft-ietf-httpapi-idempotency-key-header). The same key with the same request, from the
                 *     same client, within 24 hours, gets the first answer again (same status, body and `auditId`, with
                 *     `Idempotent-Replayed: true`), and nothing is decided, counted against a cap or audited again. The same key with
                 *     a different request is 422; a duplicate sent while the first is still running is 409. Keys are per client.
                 *     Send a fresh UUID for each new request, quoted as the draft writes it (`"…"`) or bare.
                 * @example "8e03978e-40d5-43e8-bc93-6894a57f9324"
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "id": "ie-dfe-child-tracing",
                 *       "collaborationId": "ie-dfe-child-tracing",
                 *       "kind": "mou",
                 *       "title": "Tracing the children of immigration offenders"
                 *     }
                 */
                "application/json": components["schemas"]["Agreement"];
            };
        };
        responses: {
            /** @description Created. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Gateway-Request-Id": components["headers"]["X-Gateway-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "ie-dfe-child-tracing",
                     *       "collaborationId": "ie-dfe-child-tracing",
                     *       "kind": "mou",
                     *       "title": "Tracing the children of immigration offenders"
                     *     }
                     */
                    "application/json": components["schemas"]["Agreement"];
                };
            };
            400: components["responses"]["CallerProblem"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["CallerProblem"];
            409: components["responses"]["CallerProblem"];
            413: components["responses"]["CallerProblem"];
            415: components["responses"]["CallerProblem"];
            422: components["responses"]["CallerProblem"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listAgreementVersions: {
        parameters: {
            query?: {
                asOf?: components["schemas"]["IsoDate"];
                asKnownOn?: components["schemas"]["AsKnownOn"];
            };
            header?: never;
            path: {
                agreementId: components["schemas"]["Code"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Versions, oldest first, and the one that governs on the day if any. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Gateway-Request-Id": components["headers"]["X-Gateway-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "agreement": {
                     *         "id": "ie-dfe-child-tracing",
                     *         "collaborationId": "ie-dfe-child-tracing",
                     *         "kind": "mou",
                     *         "title": "Tracing the children of immigration offenders"
                     *       },
                     *       "asOf": "2026-11-23",
                     *       "versions": [
                     *         {
                     *           "asOf": "2026-11-23",
                     *           "standing": {
                     *             "status": "draft",
                     *             "authorises": true,
                     *             "reason": "Signed at the joint review; recorded on return from leave."
                     *           },
                     *           "version": {}
                     *         }
                     *       ],
                     *       "governing": "2.0"
                     *     }
                     */
                    "application/json": components["schemas"]["AgreementVersionList"];
                };
            };
            /** @description Not valid, each wrong field or parameter named in `errors`. A query parameter this operation does not take (it takes `asOf` and `asKnownOn`) is refused, not ignored, and named, so that a misspelt filter never widens the answer. */
            400: components["responses"]["CallerProblem"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["CallerProblem"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    draftAgreementVersion: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes a retry safe (draft-ietf-httpapi-idempotency-key-header). The same key with the same request, from the
                 *     same client, within 24 hours, gets the first answer again (same status, body and `auditId`, with
                 *     `Idempotent-Replayed: true`), and nothing is decided, counted against a cap or audited again. The same key with
                 *     a different request is 422; a duplicate sent while the first is still running is 409. Keys are per client.
                 *     Send a fresh UUID for each new request, quoted as the draft writes it (`"…"`) or bare.
                 * @example "8e03978e-40d5-43e8-bc93-6894a57f9324"
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                agreementId: components["schemas"]["Code"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "agreementId": "ie-dfe-child-tracing-mou",
                 *       "version": "2.0",
                 *       "title": "Tracing the children of immigration offenders",
                 *       "kind": "mou",
                 *       "parties": [
                 *         "home-office-ie",
                 *         "dfe"
                 *       ],
                 *       "inForceFrom": "2026-11-23",
                 *       "inForceTo": "2026-11-23",
                 *       "draftedOn": "2026-11-23",
                 *       "legalBases": [
                 *         {
                 *           "code": "trace-child-of-immigration-offender",
                 *           "statute": "Data Protection Act 2018",
                 *           "section": "s.29(3)",
                 *           "source": "dfe"
                 *         }
                 *       ],
                 *       "purposes": [
                 *         {
                 *           "code": "trace-child-of-immigration-offender",
                 *           "description": "Agreed at the quarterly joint review.",
                 *           "mode": "proactive",
                 *           "compliantEnvironment": true
                 *         }
                 *       ],
                 *       "partyAims": [
                 *         {
                 *           "party": "dfe",
                 *           "seeks": "Current address and school"
                 *         }
                 *       ],
                 *       "exchanges": [
                 *         {
                 *           "exchange": "dfe.child-trace",
                 *           "requesters": [
                 *             "ie-removals-casework"
                 *           ],
                 *           "responder": "dfe",
                 *           "requestFields": [
                 *             "requestField"
                 *           ],
                 *           "responseFields": [
                 *             "responseField"
                 *           ],
                 *           "lookbackYears": 3
                 *         }
                 *       ],
                 *       "dataAccuracy": {
                 *         "matchPoints": [
                 *           "matchPoint"
                 *         ],
                 *         "description": "Agreed at the quarterly joint review."
                 *       },
                 *       "sopReferences": [
                 *         "sopReference"
                 *       ],
                 *       "processMaps": [
                 *         "processMap"
                 *       ],
                 *       "seniorOwners": [
                 *         {
                 *           "party": "dfe",
                 *           "name": "Removals Casework",
                 *           "role": "Senior Responsible Owner",
                 *           "email": "removals.casework@homeoffice.gov.uk",
                 *           "phone": "020 7946 0321"
                 *         }
                 *       ],
                 *       "communication": "Monthly bulletin to Removals Casework team leaders.",
                 *       "feedback": "Quarterly survey of requesting caseworkers.",
                 *       "measures": [
                 *         {
                 *           "code": "trace-child-of-immigration-offender",
                 *           "description": "Agreed at the quarterly joint review.",
                 *           "slaHours": 3,
                 *           "slaWorkingDays": 3,
                 *           "monthlyCap": 3,
                 *           "exchanges": [
                 *             "dfe.child-trace"
                 *           ],
                 *           "cadence": {
                 *             "every": "day",
                 *             "missedPeriods": 3
                 *           }
                 *         }
                 *       ],
                 *       "review": {
                 *         "intervalMonths": 3,
                 *         "lastReviewedOn": "2026-11-23",
                 *         "nextReviewDue": "2026-11-23",
                 *         "improvementPlan": "Match quality reviewed monthly until fewer than 2% of traces are partial."
                 *       },
                 *       "namesOrganisations": [
                 *         "dfe"
                 *       ],
                 *       "notes": "Reviewed with DfE's data protection officer."
                 *     }
                 */
                "application/json": components["schemas"]["VersionTerms"];
            };
        };
        responses: {
            /** @description The draft. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Gateway-Request-Id": components["headers"]["X-Gateway-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "asOf": "2026-11-23",
                     *       "standing": {
                     *         "status": "draft",
                     *         "authorises": true,
                     *         "reason": "Signed at the joint review; recorded on return from leave."
                     *       },
                     *       "version": {}
                     *     }
                     */
                    "application/json": components["schemas"]["AgreementVersionView"];
                };
            };
            400: components["responses"]["CallerProblem"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["CallerProblem"];
            404: components["responses"]["CallerProblem"];
            409: components["responses"]["CallerProblem"];
            413: components["responses"]["CallerProblem"];
            415: components["responses"]["CallerProblem"];
            422: components["responses"]["CallerProblem"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getAgreementVersion: {
        parameters: {
            query?: {
                asOf?: components["schemas"]["IsoDate"];
                asKnownOn?: components["schemas"]["AsKnownOn"];
            };
            header?: never;
            path: {
                agreementId: components["schemas"]["Code"];
                version: components["schemas"]["VersionLabel"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The version. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Gateway-Request-Id": components["headers"]["X-Gateway-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "asOf": "2026-11-23",
                     *       "standing": {
                     *         "status": "draft",
                     *         "authorises": true,
                     *         "reason": "Signed at the joint review; recorded on return from leave."
                     *       },
                     *       "version": {}
                     *     }
                     */
                    "application/json": components["schemas"]["AgreementVersionView"];
                };
            };
            /** @description Not valid, each wrong field or parameter named in `errors`. A query parameter this operation does not take (it takes `asOf` and `asKnownOn`) is refused, not ignored, and named, so that a misspelt filter never widens the answer. */
            400: components["responses"]["CallerProblem"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["CallerProblem"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    replaceDraftVersion: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                agreementId: components["schemas"]["Code"];
                version: components["schemas"]["VersionLabel"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "agreementId": "ie-dfe-child-tracing-mou",
                 *       "version": "2.0",
                 *       "title": "Tracing the children of immigration offenders",
                 *       "kind": "mou",
                 *       "parties": [
                 *         "home-office-ie",
                 *         "dfe"
                 *       ],
                 *       "inForceFrom": "2026-11-23",
                 *       "inForceTo": "2026-11-23",
                 *       "draftedOn": "2026-11-23",
                 *       "legalBases": [
                 *         {
                 *           "code": "trace-child-of-immigration-offender",
                 *           "statute": "Data Protection Act 2018",
                 *           "section": "s.29(3)",
                 *           "source": "dfe"
                 *         }
                 *       ],
                 *       "purposes": [
                 *         {
                 *           "code": "trace-child-of-immigration-offender",
                 *           "description": "Agreed at the quarterly joint review.",
                 *           "mode": "proactive",
                 *           "compliantEnvironment": true
                 *         }
                 *       ],
                 *       "partyAims": [
                 *         {
                 *           "party": "dfe",
                 *           "seeks": "Current address and school"
                 *         }
                 *       ],
                 *       "exchanges": [
                 *         {
                 *           "exchange": "dfe.child-trace",
                 *           "requesters": [
                 *             "ie-removals-casework"
                 *           ],
                 *           "responder": "dfe",
                 *           "requestFields": [
                 *             "requestField"
                 *           ],
                 *           "responseFields": [
                 *             "responseField"
                 *           ],
                 *           "lookbackYears": 3
                 *         }
                 *       ],
                 *       "dataAccuracy": {
                 *         "matchPoints": [
                 *           "matchPoint"
                 *         ],
                 *         "description": "Agreed at the quarterly joint review."
                 *       },
                 *       "sopReferences": [
                 *         "sopReference"
                 *       ],
                 *       "processMaps": [
                 *         "processMap"
                 *       ],
                 *       "seniorOwners": [
                 *         {
                 *           "party": "dfe",
                 *           "name": "Removals Casework",
                 *           "role": "Senior Responsible Owner",
                 *           "email": "removals.casework@homeoffice.gov.uk",
                 *           "phone": "020 7946 0321"
                 *         }
                 *       ],
                 *       "communication": "Monthly bulletin to Removals Casework team leaders.",
                 *       "feedback": "Quarterly survey of requesting caseworkers.",
                 *       "measures": [
                 *         {
                 *           "code": "trace-child-of-immigration-offender",
                 *           "description": "Agreed at the quarterly joint review.",
                 *           "slaHours": 3,
                 *           "slaWorkingDays": 3,
                 *           "monthlyCap": 3,
                 *           "exchanges": [
                 *             "dfe.child-trace"
                 *           ],
                 *           "cadence": {
                 *             "every": "day",
                 *             "missedPeriods": 3
                 *           }
                 *         }
                 *       ],
                 *       "review": {
                 *         "intervalMonths": 3,
                 *         "lastReviewedOn": "2026-11-23",
                 *         "nextReviewDue": "2026-11-23",
                 *         "improvementPlan": "Match quality reviewed monthly until fewer than 2% of traces are partial."
                 *       },
                 *       "namesOrganisations": [
                 *         "dfe"
                 *       ],
                 *       "notes": "Reviewed with DfE's data protection officer."
                 *     }
                 */
                "application/json": components["schemas"]["VersionTerms"];
            };
        };
        responses: {
            /** @description The draft as replaced. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Gateway-Request-Id": components["headers"]["X-Gateway-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "asOf": "2026-11-23",
                     *       "standing": {
                     *         "status": "draft",
                     *         "authorises": true,
                     *         "reason": "Signed at the joint review; recorded on return from leave."
                     *       },
                     *       "version": {}
                     *     }
                     */
                    "application/json": components["schemas"]["AgreementVersionView"];
                };
            };
            400: components["responses"]["CallerProblem"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["CallerProblem"];
            404: components["responses"]["CallerProblem"];
            409: components["responses"]["CallerProblem"];
            413: components["responses"]["CallerProblem"];
            415: components["responses"]["CallerProblem"];
            422: components["responses"]["CallerProblem"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    signAgreementVersion: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes a retry safe (draft-ietf-httpapi-idempotency-key-header). The same key with the same request, from the
                 *     same client, within 24 hours, gets the first answer again (same status, body and `auditId`, with
                 *     `Idempotent-Replayed: true`), and nothing is decided, counted against a cap or audited again. The same key with
                 *     a different request is 422; a duplicate sent while the first is still running is 409. Keys are per client.
                 *     Send a fresh UUID for each new request, quoted as the draft writes it (`"…"`) or bare.
                 * @example "8e03978e-40d5-43e8-bc93-6894a57f9324"
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                agreementId: components["schemas"]["Code"];
                version: components["schemas"]["VersionLabel"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "party": "dfe",
                 *       "signatory": "Helen Marsh",
                 *       "signedOn": "2026-11-23",
                 *       "reason": "Signed at the joint review; recorded on return from leave."
                 *     }
                 */
                "application/json": components["schemas"]["Signature"];
            };
        };
        responses: {
            /** @description The version with the signature. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Gateway-Request-Id": components["headers"]["X-Gateway-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "asOf": "2026-11-23",
                     *       "standing": {
                     *         "status": "draft",
                     *         "authorises": true,
                     *         "reason": "Signed at the joint review; recorded on return from leave."
                     *       },
                     *       "version": {}
                     *     }
                     */
                    "application/json": components["schemas"]["AgreementVersionView"];
                };
            };
            400: components["responses"]["CallerProblem"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["CallerProblem"];
            404: components["responses"]["CallerProblem"];
            409: components["responses"]["CallerProblem"];
            413: components["responses"]["CallerProblem"];
            415: components["responses"]["CallerProblem"];
            422: components["responses"]["CallerProblem"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    changeVersionLifecycle: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes a retry safe (draft-ietf-httpapi-idempotency-key-header). The same key with the same request, from the
                 *     same client, within 24 hours, gets the first answer again (same status, body and `auditId`, with
                 *     `Idempotent-Replayed: true`), and nothing is decided, counted against a cap or audited again. The same key with
                 *     a different request is 422; a duplicate sent while the first is still running is 409. Keys are per client.
                 *     Send a fresh UUID for each new request, quoted as the draft writes it (`"…"`) or bare.
                 * @example "8e03978e-40d5-43e8-bc93-6894a57f9324"
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                agreementId: components["schemas"]["Code"];
                version: components["schemas"]["VersionLabel"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "action": "suspend",
                 *       "on": "2026-11-23",
                 *       "reason": "Signed at the joint review; recorded on return from leave."
                 *     }
                 */
                "application/json": components["schemas"]["LifecycleChange"];
            };
        };
        responses: {
            /** @description The version after the change. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Gateway-Request-Id": components["headers"]["X-Gateway-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "asOf": "2026-11-23",
                     *       "standing": {
                     *         "status": "draft",
                     *         "authorises": true,
                     *         "reason": "Signed at the joint review; recorded on return from leave."
                     *       },
                     *       "version": {}
                     *     }
                     */
                    "application/json": components["schemas"]["AgreementVersionView"];
                };
            };
            400: components["responses"]["CallerProblem"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["CallerProblem"];
            404: components["responses"]["CallerProblem"];
            409: components["responses"]["CallerProblem"];
            413: components["responses"]["CallerProblem"];
            415: components["responses"]["CallerProblem"];
            422: components["responses"]["CallerProblem"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listJointReviews: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                agreementId: components["schemas"]["Code"];
                version: components["schemas"]["VersionLabel"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The reviews, oldest first. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Gateway-Request-Id": components["headers"]["X-Gateway-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "agreementId": "ie-dfe-child-tracing-mou",
                     *       "version": "2.0",
                     *       "reviews": [
                     *         {
                     *           "id": "c41f2e9a-7b3d-4c5e-a6f7-08192a3b4c5d",
                     *           "agreementId": "ie-dfe-child-tracing-mou",
                     *           "version": "2.0",
                     *           "heldOn": "2026-11-23",
                     *           "attendees": [
                     *             {
                     *               "party": "dfe",
                     *               "name": "Removals Casework",
                     *               "role": "Senior Responsible Owner"
                     *             }
                     *           ],
                     *           "findings": [
                     *             "finding"
                     *           ],
                     *           "signOffs": [
                     *             {
                     *               "party": "dfe",
                     *               "signatory": "Helen Marsh",
                     *               "signedOn": "2026-11-23"
                     *             }
                     *           ],
                     *           "joint": true,
                     *           "awaitingSignOff": [
                     *             "awaitingSignOff"
                     *           ],
                     *           "actions": [
                     *             {
                     *               "id": "0b6f3f1e-6a4c-4e0b-9a53-2f7d1c9e4a10",
                     *               "description": "Agreed at the quarterly joint review.",
                     *               "owner": {
                     *                 "party": "dfe",
                     *                 "name": "Removals Casework"
                     *               },
                     *               "dueOn": "2026-11-23",
                     *               "closed": {
                     *                 "on": "2026-11-23",
                     *                 "outcome": "matched"
                     *               },
                     *               "status": "open"
                     *             }
                     *           ],
                     *           "signals": [
                     *             {
                     *               "code": "action-overdue",
                     *               "detail": "The request is not valid."
                     *             }
                     *           ]
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["JointReviewList"];
                };
            };
            400: components["responses"]["CallerProblem"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["CallerProblem"];
            404: components["responses"]["CallerProblem"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    holdJointReview: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes a retry safe (draft-ietf-httpapi-idempotency-key-header). The same key with the same request, from the
                 *     same client, within 24 hours, gets the first answer again (same status, body and `auditId`, with
                 *     `Idempotent-Replayed: true`), and nothing is decided, counted against a cap or audited again. The same key with
                 *     a different request is 422; a duplicate sent while the first is still running is 409. Keys are per client.
                 *     Send a fresh UUID for each new request, quoted as the draft writes it (`"…"`) or bare.
                 * @example "8e03978e-40d5-43e8-bc93-6894a57f9324"
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                agreementId: components["schemas"]["Code"];
                version: components["schemas"]["VersionLabel"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "heldOn": "2026-11-23",
                 *       "attendees": [
                 *         {
                 *           "party": "dfe",
                 *           "name": "Removals Casework",
                 *           "role": "Senior Responsible Owner"
                 *         }
                 *       ],
                 *       "findings": [
                 *         "finding"
                 *       ],
                 *       "actions": [
                 *         {
                 *           "description": "Agreed at the quarterly joint review.",
                 *           "owner": {
                 *             "party": "dfe",
                 *             "name": "Removals Casework"
                 *           },
                 *           "dueOn": "2026-11-23"
                 *         }
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["JointReviewMeeting"];
            };
        };
        responses: {
            /** @description Recorded; not yet joint. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Gateway-Request-Id": components["headers"]["X-Gateway-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "5d2c8a4b-1f3e-4b7a-8c6d-9e0f1a2b3c4d",
                     *       "agreementId": "ie-dfe-child-tracing-mou",
                     *       "version": "2.0",
                     *       "heldOn": "2026-11-23",
                     *       "attendees": [
                     *         {
                     *           "party": "dfe",
                     *           "name": "Removals Casework",
                     *           "role": "Senior Responsible Owner"
                     *         }
                     *       ],
                     *       "findings": [
                     *         "finding"
                     *       ],
                     *       "signOffs": [
                     *         {
                     *           "party": "dfe",
                     *           "signatory": "Helen Marsh",
                     *           "signedOn": "2026-11-23"
                     *         }
                     *       ],
                     *       "joint": true,
                     *       "awaitingSignOff": [
                     *         "awaitingSignOff"
                     *       ],
                     *       "actions": [
                     *         {
                     *           "id": "c41f2e9a-7b3d-4c5e-a6f7-08192a3b4c5d",
                     *           "description": "Agreed at the quarterly joint review.",
                     *           "owner": {
                     *             "party": "dfe",
                     *             "name": "Removals Casework"
                     *           },
                     *           "dueOn": "2026-11-23",
                     *           "closed": {
                     *             "on": "2026-11-23",
                     *             "outcome": "matched"
                     *           },
                     *           "status": "open"
                     *         }
                     *       ],
                     *       "signals": [
                     *         {
                     *           "code": "action-overdue",
                     *           "detail": "The request is not valid."
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["JointReviewView"];
                };
            };
            400: components["responses"]["CallerProblem"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["CallerProblem"];
            404: components["responses"]["CallerProblem"];
            409: components["responses"]["CallerProblem"];
            413: components["responses"]["CallerProblem"];
            415: components["responses"]["CallerProblem"];
            422: components["responses"]["CallerProblem"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    signOffJointReview: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                reviewId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "party": "dfe",
                 *       "signatory": "Helen Marsh",
                 *       "signedOn": "2026-11-23"
                 *     }
                 */
                "application/json": components["schemas"]["JointReviewSignOff"];
            };
        };
        responses: {
            /** @description The review, joint once every party has signed it off. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Gateway-Request-Id": components["headers"]["X-Gateway-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "0b6f3f1e-6a4c-4e0b-9a53-2f7d1c9e4a10",
                     *       "agreementId": "ie-dfe-child-tracing-mou",
                     *       "version": "2.0",
                     *       "heldOn": "2026-11-23",
                     *       "attendees": [
                     *         {
                     *           "party": "dfe",
                     *           "name": "Removals Casework",
                     *           "role": "Senior Responsible Owner"
                     *         }
                     *       ],
                     *       "findings": [
                     *         "finding"
                     *       ],
                     *       "signOffs": [
                     *         {
                     *           "party": "dfe",
                     *           "signatory": "Helen Marsh",
                     *           "signedOn": "2026-11-23"
                     *         }
                     *       ],
                     *       "joint": true,
                     *       "awaitingSignOff": [
                     *         "awaitingSignOff"
                     *       ],
                     *       "actions": [
                     *         {
                     *           "id": "5d2c8a4b-1f3e-4b7a-8c6d-9e0f1a2b3c4d",
                     *           "description": "Agreed at the quarterly joint review.",
                     *           "owner": {
                     *             "party": "dfe",
                     *             "name": "Removals Casework"
                     *           },
                     *           "dueOn": "2026-11-23",
                     *           "closed": {
                     *             "on": "2026-11-23",
                     *             "outcome": "matched"
                     *           },
                     *           "status": "open"
                     *         }
                     *       ],
                     *       "signals": [
                     *         {
                     *           "code": "action-overdue",
                     *           "detail": "The request is not valid."
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["JointReviewView"];
                };
            };
            400: components["responses"]["CallerProblem"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["CallerProblem"];
            404: components["responses"]["CallerProblem"];
            409: components["responses"]["CallerProblem"];
            413: components["responses"]["CallerProblem"];
            415: components["responses"]["CallerProblem"];
            422: components["responses"]["CallerProblem"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    closeImprovementAction: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                actionId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "closedOn": "2026-11-23",
                 *       "outcome": "matched"
                 *     }
                 */
                "application/json": components["schemas"]["ImprovementActionClosure"];
            };
        };
        responses: {
            /** @description The review with the action closed. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Gateway-Request-Id": components["headers"]["X-Gateway-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "c41f2e9a-7b3d-4c5e-a6f7-08192a3b4c5d",
                     *       "agreementId": "ie-dfe-child-tracing-mou",
                     *       "version": "2.0",
                     *       "heldOn": "2026-11-23",
                     *       "attendees": [
                     *         {
                     *           "party": "dfe",
                     *           "name": "Removals Casework",
                     *           "role": "Senior Responsible Owner"
                     *         }
                     *       ],
                     *       "findings": [
                     *         "finding"
                     *       ],
                     *       "signOffs": [
                     *         {
                     *           "party": "dfe",
                     *           "signatory": "Helen Marsh",
                     *           "signedOn": "2026-11-23"
                     *         }
                     *       ],
                     *       "joint": true,
                     *       "awaitingSignOff": [
                     *         "awaitingSignOff"
                     *       ],
                     *       "actions": [
                     *         {
                     *           "id": "0b6f3f1e-6a4c-4e0b-9a53-2f7d1c9e4a10",
                     *           "description": "Agreed at the quarterly joint review.",
                     *           "owner": {
                     *             "party": "dfe",
                     *             "name": "Removals Casework"
                     *           },
                     *           "dueOn": "2026-11-23",
                     *           "closed": {
                     *             "on": "2026-11-23",
                     *             "outcome": "matched"
                     *           },
                     *           "status": "open"
                     *         }
                     *       ],
                     *       "signals": [
                     *         {
                     *           "code": "action-overdue",
                     *           "detail": "The request is not valid."
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["JointReviewView"];
                };
            };
            400: components["responses"]["CallerProblem"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["CallerProblem"];
            404: components["responses"]["CallerProblem"];
            409: components["responses"]["CallerProblem"];
            413: components["responses"]["CallerProblem"];
            415: components["responses"]["CallerProblem"];
            422: components["responses"]["CallerProblem"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listDirectives: {
        parameters: {
            query?: {
                asOf?: components["schemas"]["IsoDate"];
                asKnownOn?: components["schemas"]["AsKnownOn"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Directives. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Gateway-Request-Id": components["headers"]["X-Gateway-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "asOf": "2026-11-23",
                     *       "directives": [
                     *         {
                     *           "id": "ie-dfe-child-tracing",
                     *           "title": "Tracing the children of immigration offenders",
                     *           "authority": "Immigration Act 1971, Schedule 2, paragraph 27B",
                     *           "scope": {
                     *             "parties": [
                     *               "dfe"
                     *             ],
                     *             "exchanges": [
                     *               "dfe.child-trace"
                     *             ],
                     *             "direction": "outbound",
                     *             "purposeMode": "proactive",
                     *             "compliantEnvironment": true
                     *           },
                     *           "condition": {
                     *             "kind": "mou"
                     *           },
                     *           "effectiveFrom": "2026-11-23",
                     *           "effectiveTo": "2026-11-23",
                     *           "reference": "IE-RC-2026-0042"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["DirectiveList"];
                };
            };
            /** @description Not valid, each wrong field or parameter named in `errors`. A query parameter this operation does not take (it takes `asOf` and `asKnownOn`) is refused, not ignored, and named, so that a misspelt filter never widens the answer. */
            400: components["responses"]["CallerProblem"];
            401: components["responses"]["Unauthorized"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    issueDirective: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes a retry safe (draft-ietf-httpapi-idempotency-key-header). The same key with the same request, from the
                 *     same client, within 24 hours, gets the first answer again (same status, body and `auditId`, with
                 *     `Idempotent-Replayed: true`), and nothing is decided, counted against a cap or audited again. The same key with
                 *     a different request is 422; a duplicate sent while the first is still running is 409. Keys are per client.
                 *     Send a fresh UUID for each new request, quoted as the draft writes it (`"…"`) or bare.
                 * @example "8e03978e-40d5-43e8-bc93-6894a57f9324"
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "id": "ie-dfe-child-tracing",
                 *       "title": "Tracing the children of immigration offenders",
                 *       "authority": "Immigration Act 1971, Schedule 2, paragraph 27B",
                 *       "scope": {
                 *         "parties": [
                 *           "dfe"
                 *         ],
                 *         "exchanges": [
                 *           "dfe.child-trace"
                 *         ],
                 *         "direction": "outbound",
                 *         "purposeMode": "proactive",
                 *         "compliantEnvironment": true
                 *       },
                 *       "condition": {
                 *         "kind": "pause-over-age",
                 *         "age": 35,
                 *         "atExactAge": "paused",
                 *         "whenAgeUnknown": "paused"
                 *       },
                 *       "effectiveFrom": "2026-11-23",
                 *       "effectiveTo": "2026-11-23",
                 *       "reference": "IE-RC-2026-0042"
                 *     }
                 */
                "application/json": components["schemas"]["Directive"];
            };
        };
        responses: {
            /** @description Issued. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Gateway-Request-Id": components["headers"]["X-Gateway-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "ie-dfe-child-tracing",
                     *       "title": "Tracing the children of immigration offenders",
                     *       "authority": "Immigration Act 1971, Schedule 2, paragraph 27B",
                     *       "scope": {
                     *         "parties": [
                     *           "dfe"
                     *         ],
                     *         "exchanges": [
                     *           "dfe.child-trace"
                     *         ],
                     *         "direction": "outbound",
                     *         "purposeMode": "proactive",
                     *         "compliantEnvironment": true
                     *       },
                     *       "condition": {
                     *         "kind": "pause-over-age",
                     *         "age": 35,
                     *         "atExactAge": "paused",
                     *         "whenAgeUnknown": "paused"
                     *       },
                     *       "effectiveFrom": "2026-11-23",
                     *       "effectiveTo": "2026-11-23",
                     *       "reference": "IE-RC-2026-0042"
                     *     }
                     */
                    "application/json": components["schemas"]["Directive"];
                };
            };
            400: components["responses"]["CallerProblem"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["CallerProblem"];
            409: components["responses"]["CallerProblem"];
            413: components["responses"]["CallerProblem"];
            415: components["responses"]["CallerProblem"];
            422: components["responses"]["CallerProblem"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    endDirective: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes a retry safe (draft-ietf-httpapi-idempotency-key-header). The same key with the same request, from the
                 *     same client, within 24 hours, gets the first answer again (same status, body and `auditId`, with
                 *     `Idempotent-Replayed: true`), and nothing is decided, counted against a cap or audited again. The same key with
                 *     a different request is 422; a duplicate sent while the first is still running is 409. Keys are per client.
                 *     Send a fresh UUID for each new request, quoted as the draft writes it (`"…"`) or bare.
                 * @example "8e03978e-40d5-43e8-bc93-6894a57f9324"
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                directiveId: components["schemas"]["Code"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "action": "extend",
                 *       "effectiveTo": "2026-11-23",
                 *       "reason": "Signed at the joint review; recorded on return from leave."
                 *     }
                 */
                "application/json": components["schemas"]["DirectiveEnd"];
            };
        };
        responses: {
            /** @description The directive as changed. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Gateway-Request-Id": components["headers"]["X-Gateway-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "ie-dfe-child-tracing",
                     *       "title": "Tracing the children of immigration offenders",
                     *       "authority": "Immigration Act 1971, Schedule 2, paragraph 27B",
                     *       "scope": {
                     *         "parties": [
                     *           "dfe"
                     *         ],
                     *         "exchanges": [
                     *           "dfe.child-trace"
                     *         ],
                     *         "direction": "outbound",
                     *         "purposeMode": "proactive",
                     *         "compliantEnvironment": true
                     *       },
                     *       "condition": {
                     *         "kind": "mou"
                     *       },
                     *       "effectiveFrom": "2026-11-23",
                     *       "effectiveTo": "2026-11-23",
                     *       "reference": "IE-RC-2026-0042"
                     *     }
                     */
                    "application/json": components["schemas"]["DirectiveRecord"];
                };
            };
            400: components["responses"]["CallerProblem"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["CallerProblem"];
            404: components["responses"]["CallerProblem"];
            409: components["responses"]["CallerProblem"];
            413: components["responses"]["CallerProblem"];
            415: components["responses"]["CallerProblem"];
            422: components["responses"]["CallerProblem"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    registerScorecard: {
        parameters: {
            query?: {
                asOf?: components["schemas"]["IsoDate"];
                asKnownOn?: components["schemas"]["AsKnownOn"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Scorecards, most urgent first. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Gateway-Request-Id": components["headers"]["X-Gateway-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "asOf": "2026-11-23",
                     *       "scorecards": [
                     *         {
                     *           "collaborationId": "ie-dfe-child-tracing",
                     *           "title": "Tracing the children of immigration offenders",
                     *           "kind": "mou",
                     *           "asOf": "2026-11-23",
                     *           "characteristics": [
                     *             {
                     *               "id": "agreed-objectives",
                     *               "met": true,
                     *               "gaps": [
                     *                 "gap"
                     *               ]
                     *             }
                     *           ],
                     *           "gaps": [
                     *             {
                     *               "code": "trace-child-of-immigration-offender",
                     *               "characteristic": "age",
                     *               "detail": "The request is not valid.",
                     *               "weight": 3
                     *             }
                     *           ],
                     *           "priority": 3
                     *         }
                     *       ],
                     *       "attentionFirst": [
                     *         "attentionFirst"
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ScorecardList"];
                };
            };
            /** @description Not valid, each wrong field or parameter named in `errors`. A query parameter this operation does not take (it takes `asOf` and `asKnownOn`) is refused, not ignored, and named, so that a misspelt filter never widens the answer. */
            400: components["responses"]["CallerProblem"];
            401: components["responses"]["Unauthorized"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    publishedCollaborations: {
        parameters: {
            query?: {
                format?: "json" | "csv";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The list, as JSON or CSV. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Gateway-Request-Id": components["headers"]["X-Gateway-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "collaborations": [
                     *         {
                     *           "id": "ie-dfe-child-tracing",
                     *           "title": "Tracing the children of immigration offenders",
                     *           "purpose": "trace-child-of-immigration-offender",
                     *           "directorate": "Immigration Enforcement",
                     *           "ownerName": "Helen Marsh",
                     *           "ownerRole": "Senior Responsible Owner",
                     *           "ownerEmail": "helen.marsh@homeoffice.gov.uk",
                     *           "parties": "parties"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["PublishedList"];
                    /**
                     * @example id,title,purpose,directorate,ownerName,ownerRole,ownerEmail,parties
                     *     dwp-status-checks,DWP status checks and proactive notifications,"DWP checks a claimant's immigration status when doubts arise about entitlement to benefits; the Home Office volunteers changes of status to DWP so that benefits can be stopped (compliant environment, paused for people over 30 since 23 April 2018).","UK Visas and Immigration (Status Verification, Enquiries and Checking)",Not named in the report,Home Office owner of DWP status checks,dwp-status-checks@homeoffice.example,home-office; dwp
                     *     financial-services-status-share,Status shares with banks and building societies,"The Home Office tells banks and building societies that a customer is a disqualified person, so that a current account is refused or closed; since 23 April 2018 only about people under 30 facing deportation for criminal offending.",Immigration Enforcement (Interventions and Sanctions Directorate),Not named in the report,Home Office owner of financial-services data sharing,financial-status-share@homeoffice.example,home-office; financial-institutions
                     *     hmrc-status-checks,HMRC status checks and proactive notifications,HMRC checks a person's immigration status when doubts arise about entitlement to tax credits or child benefit; the Home Office volunteers changes of status to HMRC for the compliant environment (paused for people over 30 since 23 April 2018).,"UK Visas and Immigration (Status Verification, Enquiries and Checking)",Not named in the report,Home Office owner of HMRC status checks,hmrc-status-checks@homeoffice.example,home-office; hmrc
                     */
                    "text/csv": string;
                };
            };
            /** @description Not valid, each wrong parameter named in `errors`. A query parameter this operation does not take (it takes `format`) is refused, not ignored, and named, so that a misspelt filter never widens the answer. */
            400: components["responses"]["Problem"];
            503: components["responses"]["Problem"];
        };
    };
    getMeasures: {
        parameters: {
            query?: {
                /** @description First day of the window; on or before `to`, and at most 400 days before it (400 otherwise). */
                from?: components["schemas"]["IsoDate"];
                /** @description Last day of the window; on or after `from`, at most 400 days after it (400 otherwise). */
                to?: components["schemas"]["IsoDate"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The measures. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Gateway-Request-Id": components["headers"]["X-Gateway-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "window": {
                     *         "from": "2019-03-01",
                     *         "to": "2026-11-23"
                     *       },
                     *       "logHead": 3,
                     *       "collaborations": [
                     *         {
                     *           "collaborationId": "ie-dfe-child-tracing",
                     *           "title": "Tracing the children of immigration offenders",
                     *           "kind": "bau",
                     *           "figures": {
                     *             "requests": 3,
                     *             "outbound": 3,
                     *             "inbound": 3,
                     *             "permitted": 3,
                     *             "refused": 3,
                     *             "refusalsByRule": {
                     *               "dfe.child-trace": 3
                     *             },
                     *             "outcomes": {
                     *               "dfe.child-trace": 3
                     *             },
                     *             "matched": 3,
                     *             "unmatched": 3,
                     *             "matchRate": 1,
                     *             "responseTimes": {
                     *               "measured": 3,
                     *               "p50Ms": 184,
                     *               "p95Ms": 184
                     *             },
                     *             "sla": {
                     *               "measured": 3,
                     *               "within": 3,
                     *               "breached": 3,
                     *               "shareWithin": 1,
                     *               "completionUnknown": 3
                     *             },
                     *             "feedback": {
                     *               "exchanges": 3,
                     *               "rate": 1,
                     *               "byOutcome": {
                     *                 "dfe.child-trace": 3
                     *               }
                     *             },
                     *             "accuracy": {
                     *               "withFeedback": 3,
                     *               "inaccurate": 3,
                     *               "corrected": 3,
                     *               "rate": 1
                     *             },
                     *             "windrushReferrals": 3
                     *           },
                     *           "agreements": [
                     *             {
                     *               "agreementId": "ie-dfe-child-tracing-mou",
                     *               "title": "Tracing the children of immigration offenders",
                     *               "governing": "2.0",
                     *               "cap": {
                     *                 "agreementId": "ie-dfe-child-tracing-mou",
                     *                 "version": "2.0",
                     *                 "measure": "requests-per-month",
                     *                 "monthlyCap": 3,
                     *                 "used": 3,
                     *                 "month": "2026-11"
                     *               },
                     *               "figures": {
                     *                 "requests": 3,
                     *                 "outbound": 3,
                     *                 "inbound": 3,
                     *                 "permitted": 3,
                     *                 "refused": 3,
                     *                 "refusalsByRule": {
                     *                   "dfe.child-trace": 3
                     *                 },
                     *                 "outcomes": {
                     *                   "dfe.child-trace": 3
                     *                 },
                     *                 "matched": 3,
                     *                 "unmatched": 3,
                     *                 "matchRate": 1,
                     *                 "responseTimes": {
                     *                   "measured": 3,
                     *                   "p50Ms": 184,
                     *                   "p95Ms": 184
                     *                 },
                     *                 "sla": {
                     *                   "measured": 3,
                     *                   "within": 3,
                     *                   "breached": 3,
                     *                   "shareWithin": 1,
                     *                   "completionUnknown": 3
                     *                 },
                     *                 "feedback": {
                     *                   "exchanges": 3,
                     *                   "rate": 1,
                     *                   "byOutcome": {
                     *                     "dfe.child-trace": 3
                     *                   }
                     *                 },
                     *                 "accuracy": {
                     *                   "withFeedback": 3,
                     *                   "inaccurate": 3,
                     *                   "corrected": 3,
                     *                   "rate": 1
                     *                 },
                     *                 "windrushReferrals": 3
                     *               },
                     *               "exchanges": [
                     *                 {
                     *                   "exchange": "dfe.child-trace",
                     *                   "direction": "outbound",
                     *                   "sla": {
                     *                     "measure": "requests-per-month",
                     *                     "hours": 3,
                     *                     "workingDays": 3
                     *                   },
                     *                   "figures": {
                     *                     "requests": 3,
                     *                     "outbound": 3,
                     *                     "inbound": 3,
                     *                     "permitted": 3,
                     *                     "refused": 3,
                     *                     "refusalsByRule": {
                     *                       "dfe.child-trace": 3
                     *                     },
                     *                     "outcomes": {
                     *                       "dfe.child-trace": 3
                     *                     },
                     *                     "matched": 3,
                     *                     "unmatched": 3,
                     *                     "matchRate": 1,
                     *                     "responseTimes": {
                     *                       "measured": 3,
                     *                       "p50Ms": 184,
                     *                       "p95Ms": 184
                     *                     },
                     *                     "sla": {
                     *                       "measured": 3,
                     *                       "within": 3,
                     *                       "breached": 3,
                     *                       "shareWithin": 1,
                     *                       "completionUnknown": 3
                     *                     },
                     *                     "feedback": {
                     *                       "exchanges": 3,
                     *                       "rate": 1,
                     *                       "byOutcome": {
                     *                         "dfe.child-trace": 3
                     *                       }
                     *                     },
                     *                     "accuracy": {
                     *                       "withFeedback": 3,
                     *                       "inaccurate": 3,
                     *                       "corrected": 3,
                     *                       "rate": 1
                     *                     },
                     *                     "windrushReferrals": 3
                     *                   }
                     *                 }
                     *               ]
                     *             }
                     *           ]
                     *         }
                     *       ],
                     *       "unattributed": [
                     *         {
                     *           "exchange": "dfe.child-trace",
                     *           "direction": "outbound",
                     *           "sla": {
                     *             "measure": "requests-per-month",
                     *             "hours": 3,
                     *             "workingDays": 3
                     *           },
                     *           "figures": {
                     *             "requests": 3,
                     *             "outbound": 3,
                     *             "inbound": 3,
                     *             "permitted": 3,
                     *             "refused": 3,
                     *             "refusalsByRule": {
                     *               "dfe.child-trace": 3
                     *             },
                     *             "outcomes": {
                     *               "dfe.child-trace": 3
                     *             },
                     *             "matched": 3,
                     *             "unmatched": 3,
                     *             "matchRate": 1,
                     *             "responseTimes": {
                     *               "measured": 3,
                     *               "p50Ms": 184,
                     *               "p95Ms": 184
                     *             },
                     *             "sla": {
                     *               "measured": 3,
                     *               "within": 3,
                     *               "breached": 3,
                     *               "shareWithin": 1,
                     *               "completionUnknown": 3
                     *             },
                     *             "feedback": {
                     *               "exchanges": 3,
                     *               "rate": 1,
                     *               "byOutcome": {
                     *                 "dfe.child-trace": 3
                     *               }
                     *             },
                     *             "accuracy": {
                     *               "withFeedback": 3,
                     *               "inaccurate": 3,
                     *               "corrected": 3,
                     *               "rate": 1
                     *             },
                     *             "windrushReferrals": 3
                     *           }
                     *         }
                     *       ],
                     *       "directives": [
                     *         {
                     *           "directiveId": "ie-dfe-child-tracing",
                     *           "title": "Tracing the children of immigration offenders",
                     *           "effectiveFrom": "2026-11-23",
                     *           "effectiveTo": "2026-11-23",
                     *           "rule": "windrush-pause",
                     *           "inScope": 3,
                     *           "permitted": 3,
                     *           "refused": 3,
                     *           "refusedByDirective": 3,
                     *           "windrushReferrals": 3
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["MeasuresReport"];
                };
            };
            /** @description Not valid, each wrong field or parameter named in `errors`. A query parameter this operation does not take (it takes `from` and `to`) is refused, not ignored, and named, so that a misspelt filter never widens the answer. */
            400: components["responses"]["CallerProblem"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["CallerProblem"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getCollaborationMeasures: {
        parameters: {
            query?: {
                /** @description First day of the window; on or before `to`, and at most 400 days before it (400 otherwise). */
                from?: components["schemas"]["IsoDate"];
                /** @description Last day of the window; on or after `from`, at most 400 days after it (400 otherwise). */
                to?: components["schemas"]["IsoDate"];
                interval?: "day" | "week" | "month";
            };
            header?: never;
            path: {
                collaborationId: components["schemas"]["Code"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The collaboration's measures and series. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Gateway-Request-Id": components["headers"]["X-Gateway-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "logHead": 3,
                     *       "window": {
                     *         "from": "2019-03-01",
                     *         "to": "2026-11-23"
                     *       },
                     *       "interval": "day",
                     *       "measures": {
                     *         "collaborationId": "ie-dfe-child-tracing",
                     *         "title": "Tracing the children of immigration offenders",
                     *         "kind": "bau",
                     *         "figures": {
                     *           "requests": 3,
                     *           "outbound": 3,
                     *           "inbound": 3,
                     *           "permitted": 3,
                     *           "refused": 3,
                     *           "refusalsByRule": {
                     *             "dfe.child-trace": 3
                     *           },
                     *           "outcomes": {
                     *             "dfe.child-trace": 3
                     *           },
                     *           "matched": 3,
                     *           "unmatched": 3,
                     *           "matchRate": 1,
                     *           "responseTimes": {
                     *             "measured": 3,
                     *             "p50Ms": 184,
                     *             "p95Ms": 184
                     *           },
                     *           "sla": {
                     *             "measured": 3,
                     *             "within": 3,
                     *             "breached": 3,
                     *             "shareWithin": 1,
                     *             "completionUnknown": 3
                     *           },
                     *           "feedback": {
                     *             "exchanges": 3,
                     *             "rate": 1,
                     *             "byOutcome": {
                     *               "dfe.child-trace": 3
                     *             }
                     *           },
                     *           "accuracy": {
                     *             "withFeedback": 3,
                     *             "inaccurate": 3,
                     *             "corrected": 3,
                     *             "rate": 1
                     *           },
                     *           "windrushReferrals": 3
                     *         },
                     *         "agreements": [
                     *           {
                     *             "agreementId": "ie-dfe-child-tracing-mou",
                     *             "title": "Tracing the children of immigration offenders",
                     *             "governing": "2.0",
                     *             "cap": {
                     *               "agreementId": "ie-dfe-child-tracing-mou",
                     *               "version": "2.0",
                     *               "measure": "requests-per-month",
                     *               "monthlyCap": 3,
                     *               "used": 3,
                     *               "month": "2026-11"
                     *             },
                     *             "figures": {
                     *               "requests": 3,
                     *               "outbound": 3,
                     *               "inbound": 3,
                     *               "permitted": 3,
                     *               "refused": 3,
                     *               "refusalsByRule": {
                     *                 "dfe.child-trace": 3
                     *               },
                     *               "outcomes": {
                     *                 "dfe.child-trace": 3
                     *               },
                     *               "matched": 3,
                     *               "unmatched": 3,
                     *               "matchRate": 1,
                     *               "responseTimes": {
                     *                 "measured": 3,
                     *                 "p50Ms": 184,
                     *                 "p95Ms": 184
                     *               },
                     *               "sla": {
                     *                 "measured": 3,
                     *                 "within": 3,
                     *                 "breached": 3,
                     *                 "shareWithin": 1,
                     *                 "completionUnknown": 3
                     *               },
                     *               "feedback": {
                     *                 "exchanges": 3,
                     *                 "rate": 1,
                     *                 "byOutcome": {
                     *                   "dfe.child-trace": 3
                     *                 }
                     *               },
                     *               "accuracy": {
                     *                 "withFeedback": 3,
                     *                 "inaccurate": 3,
                     *                 "corrected": 3,
                     *                 "rate": 1
                     *               },
                     *               "windrushReferrals": 3
                     *             },
                     *             "exchanges": [
                     *               {
                     *                 "exchange": "dfe.child-trace",
                     *                 "direction": "outbound",
                     *                 "sla": {
                     *                   "measure": "requests-per-month",
                     *                   "hours": 3,
                     *                   "workingDays": 3
                     *                 },
                     *                 "figures": {
                     *                   "requests": 3,
                     *                   "outbound": 3,
                     *                   "inbound": 3,
                     *                   "permitted": 3,
                     *                   "refused": 3,
                     *                   "refusalsByRule": {
                     *                     "dfe.child-trace": 3
                     *                   },
                     *                   "outcomes": {
                     *                     "dfe.child-trace": 3
                     *                   },
                     *                   "matched": 3,
                     *                   "unmatched": 3,
                     *                   "matchRate": 1,
                     *                   "responseTimes": {
                     *                     "measured": 3,
                     *                     "p50Ms": 184,
                     *                     "p95Ms": 184
                     *                   },
                     *                   "sla": {
                     *                     "measured": 3,
                     *                     "within": 3,
                     *                     "breached": 3,
                     *                     "shareWithin": 1,
                     *                     "completionUnknown": 3
                     *                   },
                     *                   "feedback": {
                     *                     "exchanges": 3,
                     *                     "rate": 1,
                     *                     "byOutcome": {
                     *                       "dfe.child-trace": 3
                     *                     }
                     *                   },
                     *                   "accuracy": {
                     *                     "withFeedback": 3,
                     *                     "inaccurate": 3,
                     *                     "corrected": 3,
                     *                     "rate": 1
                     *                   },
                     *                   "windrushReferrals": 3
                     *                 }
                     *               }
                     *             ]
                     *           }
                     *         ]
                     *       },
                     *       "reported": [
                     *         {
                     *           "id": "5d2c8a4b-1f3e-4b7a-8c6d-9e0f1a2b3c4d",
                     *           "collaborationId": "ie-dfe-child-tracing",
                     *           "measure": "requests-per-month",
                     *           "periodFrom": "2026-11-23",
                     *           "periodTo": "2026-11-23",
                     *           "value": 3,
                     *           "source": "dfe",
                     *           "basis": "reported",
                     *           "recordedBy": "registry-admin",
                     *           "party": "dfe",
                     *           "recordedAt": "2026-11-23T10:15:00Z",
                     *           "auditId": "0b6f3f1e-6a4c-4e0b-9a53-2f7d1c9e4a10"
                     *         }
                     *       ],
                     *       "obligations": {
                     *         "open": 3,
                     *         "overdue": 3,
                     *         "confirmed": 3
                     *       },
                     *       "series": [
                     *         {
                     *           "start": "2026-11-23",
                     *           "end": "2026-11-23",
                     *           "figures": {
                     *             "requests": 3,
                     *             "outbound": 3,
                     *             "inbound": 3,
                     *             "permitted": 3,
                     *             "refused": 3,
                     *             "refusalsByRule": {
                     *               "dfe.child-trace": 3
                     *             },
                     *             "outcomes": {
                     *               "dfe.child-trace": 3
                     *             },
                     *             "matched": 3,
                     *             "unmatched": 3,
                     *             "matchRate": 1,
                     *             "responseTimes": {
                     *               "measured": 3,
                     *               "p50Ms": 184,
                     *               "p95Ms": 184
                     *             },
                     *             "sla": {
                     *               "measured": 3,
                     *               "within": 3,
                     *               "breached": 3,
                     *               "shareWithin": 1,
                     *               "completionUnknown": 3
                     *             },
                     *             "feedback": {
                     *               "exchanges": 3,
                     *               "rate": 1,
                     *               "byOutcome": {
                     *                 "dfe.child-trace": 3
                     *               }
                     *             },
                     *             "accuracy": {
                     *               "withFeedback": 3,
                     *               "inaccurate": 3,
                     *               "corrected": 3,
                     *               "rate": 1
                     *             },
                     *             "windrushReferrals": 3
                     *           }
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["CollaborationMeasuresReport"];
                };
            };
            /** @description Not valid, each wrong field or parameter named in `errors`. A query parameter this operation does not take (it takes `from`, `to` and `interval`) is refused, not ignored, and named, so that a misspelt filter never widens the answer. */
            400: components["responses"]["CallerProblem"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["CallerProblem"];
            404: components["responses"]["CallerProblem"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listSignals: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The signals. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Gateway-Request-Id": components["headers"]["X-Gateway-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "asOf": "2026-11-23",
                     *       "logHead": 3,
                     *       "signals": [
                     *         {
                     *           "code": "feed-stopped",
                     *           "severity": "urgent",
                     *           "collaborationId": "ie-dfe-child-tracing",
                     *           "agreementId": "ie-dfe-child-tracing-mou",
                     *           "exchange": "dfe.child-trace",
                     *           "directiveId": "ie-dfe-child-tracing",
                     *           "detail": "The request is not valid."
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["SignalList"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["CallerProblem"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    reportFeedback: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes a retry safe (draft-ietf-httpapi-idempotency-key-header). The same key with the same request, from the
                 *     same client, within 24 hours, gets the first answer again (same status, body and `auditId`, with
                 *     `Idempotent-Replayed: true`), and nothing is decided, counted against a cap or audited again. The same key with
                 *     a different request is 422; a duplicate sent while the first is still running is 409. Keys are per client.
                 *     Send a fresh UUID for each new request, quoted as the draft writes it (`"…"`) or bare.
                 * @example "8e03978e-40d5-43e8-bc93-6894a57f9324"
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "auditId": "c41f2e9a-7b3d-4c5e-a6f7-08192a3b4c5d",
                 *       "outcome": "benefit-stopped",
                 *       "corrects": "0b6f3f1e-6a4c-4e0b-9a53-2f7d1c9e4a10"
                 *     }
                 */
                "application/json": components["schemas"]["FeedbackRequest"];
            };
        };
        responses: {
            /** @description Recorded. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Gateway-Request-Id": components["headers"]["X-Gateway-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "auditId": "5d2c8a4b-1f3e-4b7a-8c6d-9e0f1a2b3c4d",
                     *       "decisionId": "c41f2e9a-7b3d-4c5e-a6f7-08192a3b4c5d",
                     *       "exchange": "dfe.child-trace",
                     *       "outcome": "benefit-stopped",
                     *       "corrects": "0b6f3f1e-6a4c-4e0b-9a53-2f7d1c9e4a10",
                     *       "recordedAt": "2026-11-23T10:15:00Z"
                     *     }
                     */
                    "application/json": components["schemas"]["FeedbackReceipt"];
                };
            };
            400: components["responses"]["CallerProblem"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["CallerProblem"];
            404: components["responses"]["CallerProblem"];
            409: components["responses"]["CallerProblem"];
            413: components["responses"]["CallerProblem"];
            415: components["responses"]["CallerProblem"];
            422: components["responses"]["CallerProblem"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    recordReportedMeasure: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes a retry safe (draft-ietf-httpapi-idempotency-key-header). The same key with the same request, from the
                 *     same client, within 24 hours, gets the first answer again (same status, body and `auditId`, with
                 *     `Idempotent-Replayed: true`), and nothing is decided, counted against a cap or audited again. The same key with
                 *     a different request is 422; a duplicate sent while the first is still running is 409. Keys are per client.
                 *     Send a fresh UUID for each new request, quoted as the draft writes it (`"…"`) or bare.
                 * @example "8e03978e-40d5-43e8-bc93-6894a57f9324"
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "collaborationId": "ie-dfe-child-tracing",
                 *       "measure": "requests-per-month",
                 *       "periodFrom": "2026-11-23",
                 *       "periodTo": "2026-11-23",
                 *       "value": 3,
                 *       "source": "dfe"
                 *     }
                 */
                "application/json": components["schemas"]["ReportedMeasureRequest"];
            };
        };
        responses: {
            /** @description Recorded. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Gateway-Request-Id": components["headers"]["X-Gateway-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "5d2c8a4b-1f3e-4b7a-8c6d-9e0f1a2b3c4d",
                     *       "collaborationId": "ie-dfe-child-tracing",
                     *       "measure": "requests-per-month",
                     *       "periodFrom": "2026-11-23",
                     *       "periodTo": "2026-11-23",
                     *       "value": 3,
                     *       "source": "dfe",
                     *       "basis": "reported",
                     *       "recordedBy": "registry-admin",
                     *       "party": "dfe",
                     *       "recordedAt": "2026-11-23T10:15:00Z",
                     *       "auditId": "0b6f3f1e-6a4c-4e0b-9a53-2f7d1c9e4a10"
                     *     }
                     */
                    "application/json": components["schemas"]["ReportedMeasure"];
                };
            };
            400: components["responses"]["CallerProblem"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["CallerProblem"];
            404: components["responses"]["CallerProblem"];
            409: components["responses"]["CallerProblem"];
            413: components["responses"]["CallerProblem"];
            415: components["responses"]["CallerProblem"];
            422: components["responses"]["CallerProblem"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listObligations: {
        parameters: {
            query?: {
                status?: "open" | "overdue" | "confirmed";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The obligations, oldest first. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Gateway-Request-Id": components["headers"]["X-Gateway-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "asOf": "2026-11-23",
                     *       "obligations": [
                     *         {
                     *           "id": "ie-dfe-child-tracing",
                     *           "kind": "refer-to-windrush-taskforce",
                     *           "duty": "Tell DfE within 5 working days when a traced child is found to be at risk.",
                     *           "decisionId": "c41f2e9a-7b3d-4c5e-a6f7-08192a3b4c5d",
                     *           "exchange": "dfe.child-trace",
                     *           "agreementId": "ie-dfe-child-tracing-mou",
                     *           "responsibleParty": "home-office",
                     *           "arose": "2026-11-23",
                     *           "due": "2026-11-23",
                     *           "status": "open",
                     *           "confirmation": {
                     *             "obligationId": "ie-dfe-child-tracing",
                     *             "auditId": "0b6f3f1e-6a4c-4e0b-9a53-2f7d1c9e4a10",
                     *             "party": "dfe",
                     *             "clientId": "ie-removals-casework",
                     *             "recordedAt": "2026-11-23T10:15:00Z"
                     *           }
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ObligationList"];
                };
            };
            /** @description Not valid, each wrong field or parameter named in `errors`. A query parameter this operation does not take (it takes `status`) is refused, not ignored, and named, so that a misspelt filter never widens the answer. */
            400: components["responses"]["CallerProblem"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["CallerProblem"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    confirmObligation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                obligationId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /** @example {} */
                "application/json": components["schemas"]["ObligationConfirmationRequest"];
            };
        };
        responses: {
            /** @description Confirmed; the obligation as it now stands. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Gateway-Request-Id": components["headers"]["X-Gateway-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "ie-dfe-child-tracing",
                     *       "kind": "refer-to-windrush-taskforce",
                     *       "duty": "Tell DfE within 5 working days when a traced child is found to be at risk.",
                     *       "decisionId": "5d2c8a4b-1f3e-4b7a-8c6d-9e0f1a2b3c4d",
                     *       "exchange": "dfe.child-trace",
                     *       "agreementId": "ie-dfe-child-tracing-mou",
                     *       "responsibleParty": "home-office",
                     *       "arose": "2026-11-23",
                     *       "due": "2026-11-23",
                     *       "status": "open",
                     *       "confirmation": {
                     *         "obligationId": "ie-dfe-child-tracing",
                     *         "auditId": "c41f2e9a-7b3d-4c5e-a6f7-08192a3b4c5d",
                     *         "party": "dfe",
                     *         "clientId": "ie-removals-casework",
                     *         "recordedAt": "2026-11-23T10:15:00Z"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Obligation"];
                };
            };
            400: components["responses"]["CallerProblem"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["CallerProblem"];
            404: components["responses"]["CallerProblem"];
            409: components["responses"]["CallerProblem"];
            413: components["responses"]["CallerProblem"];
            415: components["responses"]["CallerProblem"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listConsolePeople: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The mappings that stand. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Gateway-Request-Id": components["headers"]["X-Gateway-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "mappings": [
                     *         {
                     *           "claim": "sub",
                     *           "value": "dfe.child-trace",
                     *           "role": "sro",
                     *           "since": "2026-11-23T10:15:00Z",
                     *           "grantedBy": "dpo@homeoffice.gov.uk"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ConsolePeople"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["CallerProblem"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    grantConsoleRole: {
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
                 *       "claim": "sub",
                 *       "value": "dfe",
                 *       "role": "sro"
                 *     }
                 */
                "application/json": components["schemas"]["ConsoleRoleMapping"];
            };
        };
        responses: {
            /** @description Granted. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Gateway-Request-Id": components["headers"]["X-Gateway-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "claim": "sub",
                     *       "value": "dfe.child-trace",
                     *       "role": "sro",
                     *       "since": "2026-11-23T10:15:00Z",
                     *       "grantedBy": "dpo@homeoffice.gov.uk"
                     *     }
                     */
                    "application/json": components["schemas"]["ConsoleRoleMappingRecord"];
                };
            };
            400: components["responses"]["CallerProblem"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["CallerProblem"];
            409: components["responses"]["CallerProblem"];
            413: components["responses"]["CallerProblem"];
            415: components["responses"]["CallerProblem"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    revokeConsoleRole: {
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
                 *       "claim": "sub",
                 *       "value": "dfe",
                 *       "role": "sro"
                 *     }
                 */
                "application/json": components["schemas"]["ConsoleRoleMapping"];
            };
        };
        responses: {
            /** @description Revoked. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["CallerProblem"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["CallerProblem"];
            404: components["responses"]["CallerProblem"];
            413: components["responses"]["CallerProblem"];
            415: components["responses"]["CallerProblem"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    reportCompletion: {
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
                 *       "auditId": "0b6f3f1e-6a4c-4e0b-9a53-2f7d1c9e4a10",
                 *       "work": "nino-allocated",
                 *       "completedAt": "2026-11-23T10:15:00Z"
                 *     }
                 */
                "application/json": components["schemas"]["CompletionRequest"];
            };
        };
        responses: {
            /** @description Recorded. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Gateway-Request-Id": components["headers"]["X-Gateway-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "auditId": "5d2c8a4b-1f3e-4b7a-8c6d-9e0f1a2b3c4d",
                     *       "decisionId": "c41f2e9a-7b3d-4c5e-a6f7-08192a3b4c5d",
                     *       "exchange": "dfe.child-trace",
                     *       "work": "Trace a child whose parent is believed to be an immigration offender",
                     *       "completedAt": "2026-11-23T10:15:00Z",
                     *       "recordedAt": "2026-11-23T10:15:00Z"
                     *     }
                     */
                    "application/json": components["schemas"]["CompletionReceipt"];
                };
            };
            400: components["responses"]["CallerProblem"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["CallerProblem"];
            404: components["responses"]["CallerProblem"];
            409: components["responses"]["CallerProblem"];
            413: components["responses"]["CallerProblem"];
            415: components["responses"]["CallerProblem"];
            422: components["responses"]["CallerProblem"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    submitExchangeBatch: {
        parameters: {
            query?: {
                /** @description Where to be called back once the batch is done; must be one registered for the client. */
                callbackUrl?: string;
            };
            header?: {
                /**
                 * @description Makes a retry safe (draft-ietf-httpapi-idempotency-key-header). The same key with the same request, from the
                 *     same client, within 24 hours, gets the first answer again (same status, body and `auditId`, with
                 *     `Idempotent-Replayed: true`), and nothing is decided, counted against a cap or audited again. The same key with
                 *     a different request is 422; a duplicate sent while the first is still running is 409. Keys are per client.
                 *     Send a fresh UUID for each new request, quoted as the draft writes it (`"…"`) or bare.
                 * @example "8e03978e-40d5-43e8-bc93-6894a57f9324"
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                partner: string;
                exchange: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example [
                 *       {
                 *         "purpose": "trace-child-of-immigration-offender",
                 *         "legalBasis": "dpa-1998-s29-3",
                 *         "caseReference": "IE-RC-2026-0042",
                 *         "grounds": {
                 *           "parentBelievedImmigrationOffender": true
                 *         },
                 *         "subject": {
                 *           "forename": "Amara",
                 *           "surname": "Okonkwo-Testcase",
                 *           "dateOfBirth": "2016-03-14",
                 *           "postcode": "LS6 2AB"
                 *         }
                 *       },
                 *       {
                 *         "purpose": "trace-child-of-immigration-offender",
                 *         "legalBasis": "dpa-1998-s29-3",
                 *         "caseReference": "IE-RC-2026-0043",
                 *         "grounds": {
                 *           "parentBelievedImmigrationOffender": true
                 *         },
                 *         "subject": {
                 *           "forename": "Selam",
                 *           "surname": "Tesfaye",
                 *           "dateOfBirth": "2017-01-25",
                 *           "postcode": "TS3 6AA"
                 *         }
                 *       }
                 *     ]
                 */
                "application/json": Record<string, never>[];
                /**
                 * @example {"purpose":"trace-child-of-immigration-offender","legalBasis":"dpa-1998-s29-3","caseReference":"IE-RC-2026-0042","grounds":{"parentBelievedImmigrationOffender":true},"subject":{"forename":"Amara","surname":"Okonkwo-Testcase","dateOfBirth":"2016-03-14","postcode":"LS6 2AB"}}
                 *     {"purpose":"trace-child-of-immigration-offender","legalBasis":"dpa-1998-s29-3","caseReference":"IE-RC-2026-0043","grounds":{"parentBelievedImmigrationOffender":true},"subject":{"forename":"Selam","surname":"Tesfaye","dateOfBirth":"2017-01-25","postcode":"TS3 6AA"}}
                 */
                "application/x-ndjson": string;
            };
        };
        responses: {
            /** @description The batch is taken; its records are worked in the background. */
            202: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Gateway-Request-Id": components["headers"]["X-Gateway-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    /** @description Where the batch's progress is: /v1/batches/{id}. */
                    Location?: string;
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "7a1c4e2b-9d3f-4b6a-8e5c-1f0a2b3c4d5e",
                     *       "exchange": "dfe.child-trace",
                     *       "total": 2,
                     *       "invalid": 0,
                     *       "progress": "/v1/batches/7a1c4e2b-9d3f-4b6a-8e5c-1f0a2b3c4d5e",
                     *       "results": "/v1/batches/7a1c4e2b-9d3f-4b6a-8e5c-1f0a2b3c4d5e/results"
                     *     }
                     */
                    "application/json": components["schemas"]["BatchAccepted"];
                };
            };
            /** @description Not valid, each wrong field or parameter named in `errors`. A query parameter this operation does not take (it takes `callbackUrl`) is refused, not ignored, and named. */
            400: components["responses"]["CallerProblem"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["CallerProblem"];
            404: components["responses"]["CallerProblem"];
            409: components["responses"]["CallerProblem"];
            413: components["responses"]["CallerProblem"];
            415: components["responses"]["CallerProblem"];
            422: components["responses"]["CallerProblem"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getBatch: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description How far the batch has gone. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Gateway-Request-Id": components["headers"]["X-Gateway-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "7a1c4e2b-9d3f-4b6a-8e5c-1f0a2b3c4d5e",
                     *       "exchange": "dfe.child-trace",
                     *       "state": "done",
                     *       "callback": {
                     *         "url": "https://ie-removals.homeoffice.gov.uk/batches/finished",
                     *         "state": "delivered",
                     *         "attempts": 1,
                     *         "lastStatus": 204,
                     *         "lastError": null,
                     *         "lastAttemptAt": "2026-11-23T10:15:05Z",
                     *         "nextAttemptAt": null,
                     *         "deliveredAt": "2026-11-23T10:15:05Z"
                     *       },
                     *       "total": 2,
                     *       "done": 2,
                     *       "permitted": 1,
                     *       "refused": 1,
                     *       "failed": 0,
                     *       "invalid": 0,
                     *       "submittedAt": "2026-11-23T10:15:00Z",
                     *       "finishedAt": "2026-11-23T10:15:04Z",
                     *       "results": "/v1/batches/7a1c4e2b-9d3f-4b6a-8e5c-1f0a2b3c4d5e/results"
                     *     }
                     */
                    "application/json": components["schemas"]["BatchProgress"];
                };
            };
            400: components["responses"]["CallerProblem"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["CallerProblem"];
            404: components["responses"]["CallerProblem"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getBatchResults: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The result lines. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Gateway-Request-Id": components["headers"]["X-Gateway-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {"index":0,"requestId":"req-7f3a9c2e-0","status":"permitted","auditId":"0b6f3f1e-6a4c-4e0b-9a53-2f7d1c9e4a10","decision":"permit","outcome":"matched","agreement":{"id":"ie-dfe-child-tracing-mou","version":"2.0"},"rules":[{"id":"purpose","outcome":"permit","reason":"The stated purpose is one of this agreement's purposes"}],"result":{"match":true}}
                     *     {"index":1,"requestId":"req-7f3a9c2e-1","status":"refused","auditId":"5d2c8a4b-1f3e-4b7a-8c6d-9e0f1a2b3c4d","decision":"deny","agreement":{"id":"ie-dfe-child-tracing-mou","version":"2.0"},"rules":[{"id":"monthly-cap","outcome":"deny","reason":"The agreement's monthly cap of 500 is reached for 2026-11"}],"outcome":"refused","detail":"The agreement's monthly cap is reached for this month."}
                     */
                    "application/x-ndjson": string;
                };
            };
            400: components["responses"]["CallerProblem"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["CallerProblem"];
            404: components["responses"]["CallerProblem"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getCallbackKeys: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The key set. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Gateway-Request-Id": components["headers"]["X-Gateway-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "keys": [
                     *         {
                     *           "kty": "OKP",
                     *           "crv": "Ed25519",
                     *           "x": "7vVj2cUVgZ8cM4xKhjq1fS1tYwQjV1m5HqkC9aP3q2E",
                     *           "kid": "callbacks-2026-12",
                     *           "alg": "EdDSA",
                     *           "use": "sig"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["AuditKeySet"];
                };
            };
            503: components["responses"]["Problem"];
        };
    };
    getMetrics: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The metrics. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Gateway-Request-Id": components["headers"]["X-Gateway-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example # HELP gateway_http_requests_total HTTP requests answered, by route template and status
                     *     # TYPE gateway_http_requests_total counter
                     *     gateway_http_requests_total{method="GET",route="/v1/register/parties",status="200"} 1
                     *     gateway_http_requests_total{method="POST",route="/v1/exchanges/dfe/child-trace",status="200"} 2
                     *     gateway_http_requests_total{method="POST",route="/v1/exchanges/dfe/child-trace",status="403"} 1
                     *
                     *     # HELP gateway_decisions_total Decisions committed to the audit log (dry runs excluded)
                     *     # TYPE gateway_decisions_total counter
                     *     gateway_decisions_total{exchange="dfe.child-trace",decision="permit"} 2
                     *     gateway_decisions_total{exchange="dfe.child-trace",decision="deny"} 1
                     *
                     *     # HELP gateway_rule_denials_total Refusals by the rule that denied; one refusal by two rules counts under each
                     *     # TYPE gateway_rule_denials_total counter
                     *     gateway_rule_denials_total{exchange="dfe.child-trace",rule="dfe-offender-belief"} 1
                     *
                     *     # HELP gateway_exchange_outcomes_total Partner outcomes of permitted exchanges
                     *     # TYPE gateway_exchange_outcomes_total counter
                     *     gateway_exchange_outcomes_total{exchange="dfe.child-trace",outcome="matched"} 2
                     *
                     *     # HELP gateway_audit_log_entries Entries in the audit log (its head seq)
                     *     # TYPE gateway_audit_log_entries gauge
                     *     gateway_audit_log_entries 6
                     *
                     *     # HELP gateway_audit_chain_verified 1 unless a check found the audit chain broken and no verification of the whole log has passed since
                     *     # TYPE gateway_audit_chain_verified gauge
                     *     gateway_audit_chain_verified 1
                     */
                    "text/plain": string;
                };
            };
            400: components["responses"]["Problem"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["Problem"];
            503: components["responses"]["Problem"];
        };
    };
    listClients: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The clients. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Gateway-Request-Id": components["headers"]["X-Gateway-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "clients": [
                     *         {
                     *           "id": "ie-dfe-child-tracing",
                     *           "party": "home-office-ie",
                     *           "displayName": "Immigration Enforcement, Removals Casework",
                     *           "roles": [
                     *             "partner"
                     *           ],
                     *           "status": "active",
                     *           "jwks": {
                     *             "keys": [
                     *               {
                     *                 "kty": "EC",
                     *                 "crv": "P-256",
                     *                 "x": "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo",
                     *                 "kid": "removals-2026-11"
                     *               }
                     *             ]
                     *           },
                     *           "jwksUri": null,
                     *           "revokedKids": [],
                     *           "callbackUrls": [
                     *             "https://ie-removals.homeoffice.gov.uk/batches/finished"
                     *           ],
                     *           "recordedAt": "2026-11-23T10:15:00Z",
                     *           "actor": "registry-admin",
                     *           "action": "register",
                     *           "reason": "Signed at the joint review; recorded on return from leave."
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ClientList"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["CallerProblem"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    registerClient: {
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
                 *       "id": "ie-removals-casework",
                 *       "party": "home-office-ie",
                 *       "displayName": "Immigration Enforcement, Removals Casework",
                 *       "roles": [
                 *         "partner"
                 *       ],
                 *       "reason": "Signed at the joint review; recorded on return from leave."
                 *     }
                 */
                "application/json": components["schemas"]["ClientRegistration"];
            };
        };
        responses: {
            /** @description Registered. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Gateway-Request-Id": components["headers"]["X-Gateway-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "ie-removals-casework",
                     *       "party": "home-office-ie",
                     *       "displayName": "Immigration Enforcement, Removals Casework",
                     *       "roles": [
                     *         "partner"
                     *       ],
                     *       "status": "active",
                     *       "jwks": {
                     *         "keys": [
                     *           {
                     *             "kty": "EC",
                     *             "crv": "P-256",
                     *             "x": "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo",
                     *             "kid": "removals-2026-11"
                     *           }
                     *         ]
                     *       },
                     *       "jwksUri": null,
                     *       "revokedKids": [],
                     *       "callbackUrls": [
                     *         "https://ie-removals.homeoffice.gov.uk/batches/finished"
                     *       ],
                     *       "recordedAt": "2026-11-23T10:15:00Z",
                     *       "actor": "registry-admin",
                     *       "action": "register",
                     *       "reason": "Signed at the joint review; recorded on return from leave."
                     *     }
                     */
                    "application/json": components["schemas"]["ClientRecord"];
                };
            };
            400: components["responses"]["CallerProblem"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["CallerProblem"];
            409: components["responses"]["CallerProblem"];
            413: components["responses"]["CallerProblem"];
            415: components["responses"]["CallerProblem"];
            422: components["responses"]["CallerProblem"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getClient: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                clientId: components["schemas"]["ClientId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The client and its history. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Gateway-Request-Id": components["headers"]["X-Gateway-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "client": {
                     *         "id": "ie-removals-casework",
                     *         "party": "home-office-ie",
                     *         "displayName": "Immigration Enforcement, Removals Casework",
                     *         "roles": [
                     *           "partner"
                     *         ],
                     *         "status": "active",
                     *         "jwks": {
                     *           "keys": [
                     *             {
                     *               "kty": "EC",
                     *               "crv": "P-256",
                     *               "x": "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo",
                     *               "kid": "removals-2026-11"
                     *             }
                     *           ]
                     *         },
                     *         "jwksUri": null,
                     *         "revokedKids": [],
                     *         "callbackUrls": [
                     *           "https://ie-removals.homeoffice.gov.uk/batches/finished"
                     *         ],
                     *         "recordedAt": "2026-11-23T10:15:00Z",
                     *         "actor": "registry-admin",
                     *         "action": "register",
                     *         "reason": "Signed at the joint review; recorded on return from leave."
                     *       },
                     *       "history": [
                     *         {
                     *           "id": "ie-dfe-child-tracing",
                     *           "party": "home-office-ie",
                     *           "displayName": "Immigration Enforcement, Removals Casework",
                     *           "roles": [
                     *             "partner"
                     *           ],
                     *           "status": "active",
                     *           "jwks": {
                     *             "keys": [
                     *               {
                     *                 "kty": "EC",
                     *                 "crv": "P-256",
                     *                 "x": "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo",
                     *                 "kid": "removals-2026-11"
                     *               }
                     *             ]
                     *           },
                     *           "jwksUri": null,
                     *           "revokedKids": [],
                     *           "callbackUrls": [
                     *             "https://ie-removals.homeoffice.gov.uk/batches/finished"
                     *           ],
                     *           "recordedAt": "2026-11-23T10:15:00Z",
                     *           "actor": "registry-admin",
                     *           "action": "register",
                     *           "reason": "Signed at the joint review; recorded on return from leave."
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ClientDetail"];
                };
            };
            400: components["responses"]["CallerProblem"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["CallerProblem"];
            404: components["responses"]["CallerProblem"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    replaceClientKeys: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                clientId: components["schemas"]["ClientId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "reason": "Signed at the joint review; recorded on return from leave."
                 *     }
                 */
                "application/json": components["schemas"]["ClientKeysReplacement"];
            };
        };
        responses: {
            /** @description The client with its new keys. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Gateway-Request-Id": components["headers"]["X-Gateway-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "ie-removals-casework",
                     *       "party": "home-office-ie",
                     *       "displayName": "Immigration Enforcement, Removals Casework",
                     *       "roles": [
                     *         "partner"
                     *       ],
                     *       "status": "active",
                     *       "jwks": {
                     *         "keys": [
                     *           {
                     *             "kty": "EC",
                     *             "crv": "P-256",
                     *             "x": "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo",
                     *             "kid": "removals-2026-11"
                     *           }
                     *         ]
                     *       },
                     *       "jwksUri": null,
                     *       "revokedKids": [],
                     *       "callbackUrls": [
                     *         "https://ie-removals.homeoffice.gov.uk/batches/finished"
                     *       ],
                     *       "recordedAt": "2026-11-23T10:15:00Z",
                     *       "actor": "registry-admin",
                     *       "action": "register",
                     *       "reason": "Signed at the joint review; recorded on return from leave."
                     *     }
                     */
                    "application/json": components["schemas"]["ClientRecord"];
                };
            };
            400: components["responses"]["CallerProblem"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["CallerProblem"];
            404: components["responses"]["CallerProblem"];
            409: components["responses"]["CallerProblem"];
            413: components["responses"]["CallerProblem"];
            415: components["responses"]["CallerProblem"];
            422: components["responses"]["CallerProblem"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    replaceClientCallbackUrls: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                clientId: components["schemas"]["ClientId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "callbackUrls": [
                 *         "https://ie-removals.homeoffice.gov.uk/batches/finished"
                 *       ],
                 *       "reason": "Removals Casework asked to be called back when a trace batch finishes (change request CR-2026-118)."
                 *     }
                 */
                "application/json": components["schemas"]["ClientCallbackUrls"];
            };
        };
        responses: {
            /** @description The client with its new callback URLs. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Gateway-Request-Id": components["headers"]["X-Gateway-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "ie-removals-casework",
                     *       "party": "home-office-ie",
                     *       "displayName": "Immigration Enforcement, Removals Casework",
                     *       "roles": [
                     *         "partner"
                     *       ],
                     *       "status": "active",
                     *       "jwks": null,
                     *       "jwksUri": "https://ie-removals.homeoffice.gov.uk/.well-known/jwks.json",
                     *       "revokedKids": [],
                     *       "callbackUrls": [
                     *         "https://ie-removals.homeoffice.gov.uk/batches/finished"
                     *       ],
                     *       "recordedAt": "2026-12-01T09:30:00Z",
                     *       "actor": "registry-admin",
                     *       "action": "set-callback-urls",
                     *       "reason": "Removals Casework asked to be called back when a trace batch finishes (change request CR-2026-118)."
                     *     }
                     */
                    "application/json": components["schemas"]["ClientRecord"];
                };
            };
            400: components["responses"]["CallerProblem"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["CallerProblem"];
            404: components["responses"]["CallerProblem"];
            409: components["responses"]["CallerProblem"];
            413: components["responses"]["CallerProblem"];
            415: components["responses"]["CallerProblem"];
            422: components["responses"]["CallerProblem"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    revokeClientKey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                clientId: components["schemas"]["ClientId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "kid": "removals-2026-11",
                 *       "reason": "Signed at the joint review; recorded on return from leave."
                 *     }
                 */
                "application/json": components["schemas"]["ClientKeyRevocation"];
            };
        };
        responses: {
            /** @description The client without the key. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Gateway-Request-Id": components["headers"]["X-Gateway-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "ie-removals-casework",
                     *       "party": "home-office-ie",
                     *       "displayName": "Immigration Enforcement, Removals Casework",
                     *       "roles": [
                     *         "partner"
                     *       ],
                     *       "status": "active",
                     *       "jwks": {
                     *         "keys": [
                     *           {
                     *             "kty": "EC",
                     *             "crv": "P-256",
                     *             "x": "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo",
                     *             "kid": "removals-2026-11"
                     *           }
                     *         ]
                     *       },
                     *       "jwksUri": null,
                     *       "revokedKids": [],
                     *       "callbackUrls": [
                     *         "https://ie-removals.homeoffice.gov.uk/batches/finished"
                     *       ],
                     *       "recordedAt": "2026-11-23T10:15:00Z",
                     *       "actor": "registry-admin",
                     *       "action": "register",
                     *       "reason": "Signed at the joint review; recorded on return from leave."
                     *     }
                     */
                    "application/json": components["schemas"]["ClientRecord"];
                };
            };
            400: components["responses"]["CallerProblem"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["CallerProblem"];
            404: components["responses"]["CallerProblem"];
            409: components["responses"]["CallerProblem"];
            413: components["responses"]["CallerProblem"];
            415: components["responses"]["CallerProblem"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    changeClientStatus: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                clientId: components["schemas"]["ClientId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "action": "suspend",
                 *       "reason": "Signed at the joint review; recorded on return from leave."
                 *     }
                 */
                "application/json": components["schemas"]["ClientStatusChange"];
            };
        };
        responses: {
            /** @description The client as changed. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Gateway-Request-Id": components["headers"]["X-Gateway-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "ie-removals-casework",
                     *       "party": "home-office-ie",
                     *       "displayName": "Immigration Enforcement, Removals Casework",
                     *       "roles": [
                     *         "partner"
                     *       ],
                     *       "status": "active",
                     *       "jwks": {
                     *         "keys": [
                     *           {
                     *             "kty": "EC",
                     *             "crv": "P-256",
                     *             "x": "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo",
                     *             "kid": "removals-2026-11"
                     *           }
                     *         ]
                     *       },
                     *       "jwksUri": null,
                     *       "revokedKids": [],
                     *       "callbackUrls": [
                     *         "https://ie-removals.homeoffice.gov.uk/batches/finished"
                     *       ],
                     *       "recordedAt": "2026-11-23T10:15:00Z",
                     *       "actor": "registry-admin",
                     *       "action": "register",
                     *       "reason": "Signed at the joint review; recorded on return from leave."
                     *     }
                     */
                    "application/json": components["schemas"]["ClientRecord"];
                };
            };
            400: components["responses"]["CallerProblem"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["CallerProblem"];
            404: components["responses"]["CallerProblem"];
            409: components["responses"]["CallerProblem"];
            413: components["responses"]["CallerProblem"];
            415: components["responses"]["CallerProblem"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
}
