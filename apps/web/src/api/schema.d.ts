// Generated from the API's OpenAPI document by `npm run api:client`; do not edit (npm test fails when stale).

export interface paths {
    "/api/v1/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Whether the API can serve: PostgreSQL and Redis both answer */
        get: operations["HealthController_health"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign in with email and password: an access token and a refresh token */
        post: operations["AuthController_login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Trade a refresh token (once) for new tokens */
        post: operations["AuthController_refresh"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign out: the access token and its refresh token stop working */
        post: operations["AuthController_logout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List users: everyone for an admin, the focal points for a coordinator */
        get: operations["UsersController_list"];
        put?: never;
        /** Create a user (admin) */
        post: operations["UsersController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a user's role or agency, or deactivate them (admin) */
        patch: operations["UsersController_update"];
        trace?: never;
    };
    "/api/v1/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who I am: the signed-in user */
        get: operations["MeController_me"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change my own settings (the interface language) */
        patch: operations["MyProfileController_update"];
        trace?: never;
    };
    "/api/v1/me/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Change my password (ends my other sessions and all my API tokens) */
        put: operations["MeController_changePassword"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List my API tokens (by prefix) */
        get: operations["MeController_listTokens"];
        put?: never;
        /** Create an API token for scripts (shown in this answer only) */
        post: operations["MeController_createToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/tokens/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke one of my API tokens: it stops working at once */
        delete: operations["MeController_revokeToken"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The web app session: who is signed in in this browser, or null */
        get: operations["BrowserSessionController_current"];
        put?: never;
        /** Sign in from the web app: sets the HttpOnly session cookie (send X-Requested-With) */
        post: operations["BrowserSessionController_signIn"];
        /** Sign out of the web app: ends the session and clears its cookie (send X-Requested-With) */
        delete: operations["BrowserSessionController_signOut"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/agencies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the agencies (UN entities and other organizations) that own commitments */
        get: operations["ReferenceDataController_agencies"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/agenda-items": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the eight items of the Secretary-General's agenda for action */
        get: operations["ReferenceDataController_agendaItems"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/commitments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List commitments, filtered, sorted and paged
         * @description A page in the order asked (code order by default); `nextCursor` gives the next page of the same order.
         */
        get: operations["CommitmentsController_list"];
        put?: never;
        /** Register a commitment (it starts as proposed) */
        post: operations["CommitmentsController_register"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/commitments/facets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Count the commitments of a list per value of each filter (faceted search)
         * @description Each facet is counted with every other filter applied but not its own; `q` and `dueBefore` narrow every count. With `asOf` and `knownAt`, over the commitments the list gives at that point.
         */
        get: operations["CommitmentsController_facets"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/commitments/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Download every commitment of a list (all pages), in its order, as CSV or XLSX
         * @description With `asOf` and `knownAt`, the commitments the list gives at that point, as they stood then; the file name says so (`hld-commitments-as-of-2014-12-31-known-at-2015-01-20.csv`), and so do the XLSX file's properties.
         */
        get: operations["CommitmentsController_export"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/commitments/{idOrCode}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read one commitment, with what I may do to it now (or as it was at asOf) */
        get: operations["CommitmentsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Revise a commitment's title, text, source, agenda items or SDG targets */
        patch: operations["CommitmentsController_revise"];
        trace?: never;
    };
    "/api/v1/commitments/{idOrCode}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read a commitment's history: its events, oldest first */
        get: operations["CommitmentsController_history"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/commitments/{idOrCode}/progress-reports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read a commitment's progress reports by period, the newest period first */
        get: operations["CommitmentsController_progressReports"];
        put?: never;
        /** Report progress on a commitment for a year, or confirm that nothing changed */
        post: operations["CommitmentsController_reportProgress"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/commitments/{idOrCode}/transitions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Move a commitment along its lifecycle (accept, start, complete, discontinue, reopen, …) */
        post: operations["CommitmentsController_transition"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/commitments/{idOrCode}/owners": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Assign a commitment's lead and supporting agencies */
        put: operations["CommitmentsController_assignOwners"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/commitments/{idOrCode}/due-date": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Set or clear a commitment's due date */
        put: operations["CommitmentsController_setDueDate"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/commitments/{idOrCode}/extension-requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Ask for a later due date */
        post: operations["CommitmentsController_requestExtension"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/commitments/{idOrCode}/extension-requests/{requestId}/decision": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Approve or decline a pending request for a later due date */
        post: operations["CommitmentsController_decideExtension"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/stats/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Count commitments by status, with the overdue ones, per lead agency or agenda item */
        get: operations["StatisticsController_status"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reporting-cycles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the reporting cycles, oldest first */
        get: operations["ReportingCyclesController_list"];
        put?: never;
        /** Open a year's reporting cycle: its dates and reminders */
        post: operations["ReportingCyclesController_open"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reporting-cycles/{year}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read a year's reporting cycle */
        get: operations["ReportingCyclesController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a reporting cycle's dates, time zone or reminders (pending reminders follow) */
        patch: operations["ReportingCyclesController_change"];
        trace?: never;
    };
    "/api/v1/reporting-cycles/{year}/compliance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Per lead agency: how many commitments owe the year's report, how many have it, which are missing */
        get: operations["ReportingCyclesController_compliance"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/agenda": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What my agency has to do now: what it owes for the current cycle, overdue work, extension requests */
        get: operations["MyAgendaController_agenda"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My in-app inbox, unread first, then newest first, with the number unread */
        get: operations["NotificationsController_inbox"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/notifications/{id}/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark one of my notifications as read */
        post: operations["NotificationsController_markRead"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/notifications/read-all": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark every notification of mine read */
        post: operations["NotificationsController_markAllRead"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Notifications by delivery status, e.g. those that failed (admin) */
        get: operations["NotificationsController_byStatus"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/notifications/{id}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Put a failed notification back in line for delivery (admin) */
        post: operations["NotificationsController_retry"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/annual-summaries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Ask for a year's annual progress summary: the one queued or running, or a new compilation */
        post: operations["AnnualSummariesController_request"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/annual-summaries/{year}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List a year's summary versions, oldest first, with their state and links */
        get: operations["AnnualSummariesController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/annual-summaries/{year}/{versionFile}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read a summary version's state (`1`), or download one of its files once done (`1.docx`) */
        get: operations["AnnualSummariesController_version"];
        put?: never;
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
        FieldProblemResponse: {
            /** @example email */
            field: string;
            /** @example must be an email */
            message: string;
        };
        ProblemResponse: {
            /** @example urn:hld:problem:validation-failed */
            type: string;
            /** @example Bad Request */
            title: string;
            /** @example 400 */
            status: number;
            detail: string;
            /** @example VALIDATION_FAILED */
            code: string;
            instance?: string;
            /** @description also in the X-Request-Id header */
            requestId?: string;
            errors?: components["schemas"]["FieldProblemResponse"][];
            /** @description on 429: seconds before another attempt may succeed */
            retryAfterSeconds?: number;
            /** @description on a version conflict (409): the version to re-read */
            currentVersion?: number;
            /** @description on a refused lifecycle move (409): the statuses allowed from here */
            allowedTransitions?: string[];
            /** @description on NOT_ALLOWED (403): the action refused */
            action?: string;
            /** @description on NOT_ALLOWED (403): the rule that refused it */
            rule?: string;
        } & {
            [key: string]: unknown;
        };
        CheckResponse: {
            /** @enum {string} */
            status: "up" | "down";
            latencyMs: number;
            /** @description why it is down */
            error?: string;
        };
        HealthChecksResponse: {
            postgres: components["schemas"]["CheckResponse"];
            redis: components["schemas"]["CheckResponse"];
        };
        HealthResponse: {
            /** @enum {string} */
            status: "ok" | "unavailable";
            checks: components["schemas"]["HealthChecksResponse"];
        };
        LoginRequest: {
            email: string;
            password: string;
        };
        TokensResponse: {
            /** @enum {string} */
            tokenType: "Bearer";
            accessToken: string;
            /** @description seconds */
            expiresIn: number;
            refreshToken: string;
            /** @description seconds */
            refreshExpiresIn: number;
        };
        RefreshRequest: {
            refreshToken: string;
        };
        CreateUserRequest: {
            email: string;
            name: string;
            /** @enum {string} */
            role: "admin" | "coordinator" | "focal_point" | "viewer";
            /** @description required for focal points, forbidden otherwise */
            agency?: string;
            password: string;
        };
        UserResponse: {
            /** Format: uuid */
            id: string;
            email: string;
            name: string;
            /** @enum {string} */
            role: "admin" | "coordinator" | "focal_point" | "viewer";
            /** @description the agency a focal point speaks for */
            agency: string | null;
            active: boolean;
            demo: boolean;
            /**
             * @description the interface language chosen; null: the browser’s preference
             * @enum {string|null}
             */
            language: "en" | "fr" | "es" | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        UserListResponse: {
            items: components["schemas"]["UserResponse"][];
        };
        UpdateUserRequest: {
            /** @enum {string} */
            role?: "admin" | "coordinator" | "focal_point" | "viewer";
            /** @description an agency code for a focal point; null for the other roles */
            agency?: string | null;
            active?: boolean;
        };
        ChangePasswordRequest: {
            currentPassword: string;
            newPassword: string;
        };
        CreateApiTokenRequest: {
            name: string;
            /**
             * @description an instant (or a date: its start, UTC)
             * @example 2030-01-01T00:00:00Z
             */
            expiresAt?: string;
        };
        CreatedApiTokenResponse: {
            /** Format: uuid */
            id: string;
            name: string;
            /** @description the first characters, to tell tokens apart */
            prefix: string;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            expiresAt: string | null;
            /** Format: date-time */
            lastUsedAt: string | null;
            /** Format: date-time */
            revokedAt: string | null;
            /** @description the token itself, in this answer only */
            token: string;
        };
        ApiTokenResponse: {
            /** Format: uuid */
            id: string;
            name: string;
            /** @description the first characters, to tell tokens apart */
            prefix: string;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            expiresAt: string | null;
            /** Format: date-time */
            lastUsedAt: string | null;
            /** Format: date-time */
            revokedAt: string | null;
        };
        ApiTokenListResponse: {
            items: components["schemas"]["ApiTokenResponse"][];
        };
        SessionResponse: {
            /** @description null: nobody is signed in in this browser */
            user: components["schemas"]["UserResponse"] | null;
        };
        UpdateMyProfileRequest: {
            /**
             * @description the interface language; null: follow the browser
             * @enum {string|null}
             */
            language?: "en" | "fr" | "es" | null;
        };
        AgencyResponse: {
            /** @example ILO */
            code: string;
            /** @example International Labour Organization */
            name: string;
            /** @example un-entity */
            kind: string;
            /** @description part of the UN system */
            un: boolean;
            /** @description a member of the Global Migration Group */
            gmg: boolean;
            /** @description contributed to the 2013 book of recommendations */
            contributedToBook: boolean;
            source: string | null;
        };
        AgencyListResponse: {
            items: components["schemas"]["AgencyResponse"][];
        };
        AgendaItemResponse: {
            number: number;
            title: string;
            description: string;
            /** @example A/68/190 */
            source: string;
        };
        AgendaItemListResponse: {
            items: components["schemas"]["AgendaItemResponse"][];
        };
        RegisterCommitmentRequest: {
            /**
             * @description Stable human code: <AGENCY>-<letter>, SG8-<n>, ...
             * @example ILO-a
             */
            code: string;
            title: string;
            text: string;
            /**
             * @description the document the commitment comes from, cited as in a United Nations report: its symbol, or its title (publisher, year), then the chapter, section or page, e.g. "A/68/190" or "International Migration and Development: Contributions and Recommendations of the International System (UNFPA and IOM, 2013), chapter “UN Women”, p. 198"
             * @example A/68/190
             */
            source: string;
            /** @enum {string} */
            kind: "agenda-item" | "recommendation" | "declaration" | "agency-commitment";
            /** @example ILO */
            leadAgency: string;
            /**
             * @example [
             *       "IOM"
             *     ]
             */
            supportingAgencies?: string[];
            /**
             * @description agenda items 1 to 8
             * @example [
             *       2
             *     ]
             */
            agendaItems: number[];
            /**
             * @example [
             *       "10.c"
             *     ]
             */
            sdgTargets?: string[];
            /**
             * Format: date
             * @example 2015-01-15
             */
            dueDate?: string | null;
            /**
             * @description when it was made (e.g. its source was published): a date (the start of that day, UTC) or an RFC 3339 date-time; by default now; never later than now nor before the commitment was registered
             * @example 2015-01-20
             */
            effectiveAt?: string;
        };
        PendingExtensionResponse: {
            /**
             * Format: uuid
             * @description what a coordinator decides on
             */
            requestId: string;
            /**
             * Format: date
             * @description the due date asked for
             * @example 2015-06-30
             */
            dueDate: string;
            reason: string;
            /** Format: date-time */
            requestedAt: string;
        };
        AvailableActionResponse: {
            /** @enum {string} */
            action: "register" | "revise" | "assign_owners" | "set_due_date" | "report_progress" | "request_extension" | "decide_extension" | "accept" | "start" | "submit_for_review" | "validate_completion" | "return_for_work" | "discontinue" | "reopen";
            /**
             * @description for a lifecycle move: the status it leads to
             * @enum {string}
             */
            to?: "proposed" | "accepted" | "in_progress" | "under_review" | "completed" | "discontinued";
            /** @description for a lifecycle move: whether it needs a reason */
            reasonRequired?: boolean;
        };
        CommitmentResponse: {
            /** Format: uuid */
            id: string;
            /** @example ILO-a */
            code: string;
            title: string;
            text: string;
            /** @example A/68/190 */
            source: string;
            /** @enum {string} */
            kind: "agenda-item" | "recommendation" | "declaration" | "agency-commitment";
            /** @example ILO */
            leadAgency: string;
            /**
             * @example [
             *       "IOM"
             *     ]
             */
            supportingAgencies: string[];
            /**
             * @example [
             *       2
             *     ]
             */
            agendaItems: number[];
            /**
             * @example [
             *       "10.7"
             *     ]
             */
            sdgTargets: string[];
            /**
             * Format: date
             * @example 2015-01-15
             */
            dueDate: string | null;
            /**
             * Format: date
             * @description the due date before any approved extension
             */
            originalDueDate: string | null;
            pendingExtension: components["schemas"]["PendingExtensionResponse"] | null;
            /** @enum {string} */
            status: "proposed" | "accepted" | "in_progress" | "under_review" | "completed" | "discontinued";
            overdue: boolean;
            overdueReasons: ("due_date_passed" | "report_missing")[];
            /** @description what the principal who asked may do to it now; empty for a past state (asOf) */
            allowedActions: components["schemas"]["AvailableActionResponse"][];
            /** @description send it back as If-Match: "<version>" */
            version: number;
            /** Format: date-time */
            registeredAt: string;
            /** Format: date-time */
            updatedAt: string;
            /** @description the latest period reported on by its lead agency */
            lastReportPeriod: number | null;
        };
        CommitmentPageResponse: {
            items: components["schemas"]["CommitmentResponse"][];
            /** @description how many match the filters, on every page */
            total: number;
            limit: number;
            /** @description the cursor of the next page; null on the last one */
            nextCursor: string | null;
        };
        TextFacetCountResponse: {
            value: string;
            count: number;
        };
        AgendaItemFacetCountResponse: {
            value: number;
            count: number;
        };
        StatusFacetCountResponse: {
            /** @enum {string} */
            value: "proposed" | "accepted" | "in_progress" | "under_review" | "completed" | "discontinued";
            count: number;
        };
        OverdueFacetCountResponse: {
            value: boolean;
            count: number;
        };
        CommitmentFacetsResponse: {
            /** @description how many commitments match every filter */
            total: number;
            /** @description per lead agency */
            lead: components["schemas"]["TextFacetCountResponse"][];
            /** @description per supporting agency */
            supporting: components["schemas"]["TextFacetCountResponse"][];
            /** @description per agency, leading or supporting */
            agency: components["schemas"]["TextFacetCountResponse"][];
            agendaItem: components["schemas"]["AgendaItemFacetCountResponse"][];
            /** @description per SDG target */
            sdgTarget: components["schemas"]["TextFacetCountResponse"][];
            /** @description every status, in lifecycle order */
            status: components["schemas"]["StatusFacetCountResponse"][];
            /** @description overdue (true) and not (false) */
            overdue: components["schemas"]["OverdueFacetCountResponse"][];
        };
        ActorResponse: {
            /** @description a user id, or system:<name> for the catalogue load and scheduled jobs */
            id: string;
            role?: string;
            agency?: string | null;
        };
        HistoryEntryResponse: {
            /** @description its place in the whole event log */
            position: number;
            /** @description the commitment version it made */
            version: number;
            /** @example CommitmentStatusChanged */
            type: string;
            /**
             * Format: date-time
             * @description when it took effect in the world (see "Two times")
             */
            effectiveAt: string;
            /**
             * Format: date-time
             * @description when the system recorded it
             */
            recordedAt: string;
            /**
             * Format: date-time
             * @description the recorded time, under its former name (kept for existing clients)
             */
            occurredAt: string;
            actor: components["schemas"]["ActorResponse"];
            /** @description the request that made it */
            correlationId: string;
            /** @description what changed, as the event recorded it */
            payload: {
                [key: string]: unknown;
            };
        };
        HistoryResponse: {
            /** @description in the order they were recorded */
            items: components["schemas"]["HistoryEntryResponse"][];
        };
        IndicatorResponse: {
            /** @example countries reached */
            name: string;
            /** @example 12 */
            value: number | string;
            /** @example countries */
            unit?: string;
            /**
             * Format: date
             * @example 2014-12-31
             */
            asOf?: string;
        };
        ReporterResponse: {
            /** @description a user id, or system:catalogue for the catalogue load */
            id: string;
            /**
             * @description focal_point, coordinator, admin or system
             * @example focal_point
             */
            role: string | null;
            /**
             * @description a focal point's agency
             * @example ILO
             */
            agency: string | null;
        };
        ProgressReportResponse: {
            /** Format: uuid */
            id: string;
            /** @example 2014 */
            period: number;
            /**
             * @description the agency the report is for
             * @example ILO
             */
            agency: string;
            /**
             * @description no_change: nothing changed since the last report
             * @enum {string}
             */
            kind: "report" | "no_change";
            summary: string;
            /**
             * @example [
             *       "https://example.org/report"
             *     ]
             */
            evidenceUrls: string[];
            indicators: components["schemas"]["IndicatorResponse"][];
            /** Format: date-time */
            reportedAt: string;
            reportedBy: components["schemas"]["ReporterResponse"];
        };
        ProgressReportPeriodResponse: {
            /** @example 2014 */
            period: number;
            /** @description the latest report first */
            reports: components["schemas"]["ProgressReportResponse"][];
        };
        ProgressReportsResponse: {
            /** Format: uuid */
            commitmentId: string;
            /** @example ILO-a */
            code: string;
            /** @description the newest period first */
            periods: components["schemas"]["ProgressReportPeriodResponse"][];
        };
        TransitionRequest: {
            /** @enum {string} */
            to: "proposed" | "accepted" | "in_progress" | "under_review" | "completed" | "discontinued";
            reason?: string;
            /**
             * @description required when discontinuing
             * @enum {string}
             */
            category?: "overtaken_by_events" | "superseded" | "not_feasible" | "other";
            /**
             * @description required when the category is superseded
             * @example SDG target 10.7
             */
            supersededBy?: string;
            /**
             * @description when the change happened, if it was learned of later (then a reason is required): a date (the start of that day, UTC) or an RFC 3339 date-time; by default now; never later than now nor before the commitment was registered
             * @example 2015-01-20
             */
            effectiveAt?: string;
        };
        AssignOwnersRequest: {
            /** @example ILO */
            lead: string;
            /**
             * @example [
             *       "IOM"
             *     ]
             */
            supporting: string[];
            /**
             * @description when the owners changed: a date (the start of that day, UTC) or an RFC 3339 date-time; by default now; never later than now nor before the commitment was registered
             * @example 2015-01-20
             */
            effectiveAt?: string;
        };
        SetDueDateRequest: {
            /**
             * Format: date
             * @description null clears the due date
             * @example 2015-01-15
             */
            dueDate: string | null;
            /**
             * @description when the due date was set: a date (the start of that day, UTC) or an RFC 3339 date-time; by default now; never later than now nor before the commitment was registered
             * @example 2015-01-20
             */
            effectiveAt?: string;
        };
        ReviseCommitmentRequest: {
            title?: string;
            text?: string;
            /**
             * @description the document the commitment comes from, cited as in a United Nations report: its symbol, or its title (publisher, year), then the chapter, section or page, e.g. "A/68/190" or "International Migration and Development: Contributions and Recommendations of the International System (UNFPA and IOM, 2013), chapter “UN Women”, p. 198"
             * @example A/68/190
             */
            source?: string;
            /**
             * @description agenda items 1 to 8
             * @example [
             *       2,
             *       6
             *     ]
             */
            agendaItems?: number[];
            /**
             * @example [
             *       "10.7"
             *     ]
             */
            sdgTargets?: string[];
            /**
             * @description from when the revised details hold: a date (the start of that day, UTC) or an RFC 3339 date-time; by default now; never later than now nor before the commitment was registered
             * @example 2015-01-20
             */
            effectiveAt?: string;
        };
        IndicatorRequest: {
            name: string;
            value: number | string;
            unit?: string;
            /**
             * Format: date
             * @example 2014-12-31
             */
            asOf?: string;
        };
        ReportProgressRequest: {
            /**
             * @description the year reported on
             * @example 2014
             */
            period: number;
            /**
             * @description the reporting agency: a focal point's own if omitted; coordinators must name it
             * @example ILO
             */
            agency?: string;
            /**
             * @description no_change: nothing changed since the last report
             * @default report
             * @enum {string}
             */
            kind: "report" | "no_change";
            /** @description required for a report; optional for no_change */
            summary?: string;
            /** @description http(s) links to evidence */
            evidenceUrls?: string[];
            indicators?: components["schemas"]["IndicatorRequest"][];
            /**
             * @description the date the agency reported it: a date (the start of that day, UTC) or an RFC 3339 date-time; by default now; never later than now nor before the commitment was registered
             * @example 2015-01-20
             */
            effectiveAt?: string;
        };
        ProgressReportedResponse: {
            /**
             * Format: uuid
             * @description the progress report
             */
            id: string;
            commitment: components["schemas"]["CommitmentResponse"];
        };
        ExtensionRequest: {
            /**
             * Format: date
             * @description the due date asked for
             * @example 2015-06-30
             */
            dueDate: string;
            reason: string;
            /**
             * @description when the agency asked: a date (the start of that day, UTC) or an RFC 3339 date-time; by default now; never later than now nor before the commitment was registered
             * @example 2015-01-20
             */
            effectiveAt?: string;
        };
        ExtensionDecision: {
            /** @enum {string} */
            decision: "approve" | "decline";
            comment?: string;
            /**
             * @description when it was decided: a date (the start of that day, UTC) or an RFC 3339 date-time; by default now; never later than now nor before the commitment was registered
             * @example 2015-01-20
             */
            effectiveAt?: string;
        };
        StatusCountsResponse: {
            /**
             * @description the lead agency code, or the agenda item number as text
             * @example ILO
             */
            key: string;
            counts?: {
                proposed: number;
                accepted: number;
                in_progress: number;
                under_review: number;
                completed: number;
                discontinued: number;
            };
            total: number;
            overdue: number;
        };
        StatusStatisticsResponse: {
            /** @enum {string} */
            by: "agency" | "agendaItem";
            items: components["schemas"]["StatusCountsResponse"][];
        };
        OpenCycleRequest: {
            /** @example 2014 */
            year: number;
            /**
             * @description a date (the start of that day in timeZone; for deadline its end) or a date-time with its offset
             * @example 2014-11-01
             */
            opensAt: string;
            /**
             * @description a date (the start of that day in timeZone; for deadline its end) or a date-time with its offset; default: 15 January of the next year, end of day in timeZone
             * @example 2015-01-15
             */
            deadline?: string;
            /**
             * @description a date (the start of that day in timeZone; for deadline its end) or a date-time with its offset
             * @example 2015-02-12
             */
            meetingDate?: string;
            /**
             * @description a date (the start of that day in timeZone; for deadline its end) or a date-time with its offset
             * @example 2015-03-01
             */
            summaryDate?: string;
            /** @example America/New_York */
            timeZone?: string;
            /**
             * @description days before the deadline when reminders go out
             * @example [
             *       14,
             *       3
             *     ]
             */
            reminderOffsetsDays?: number[];
        };
        ReportingCycleResponse: {
            /** @example 2014 */
            year: number;
            /** Format: date-time */
            opensAt: string;
            /** Format: date-time */
            deadline: string;
            /** Format: date-time */
            meetingDate: string | null;
            /** Format: date-time */
            summaryDate: string | null;
            /** @example America/New_York */
            timeZone: string;
            /**
             * @description days before the deadline when reminders go out
             * @example [
             *       14,
             *       3
             *     ]
             */
            reminderOffsetsDays: number[];
            /** @description send it back as If-Match: "<version>" */
            version: number;
        };
        ReportingCycleListResponse: {
            items: components["schemas"]["ReportingCycleResponse"][];
        };
        ChangeCycleRequest: {
            /** @description a date (the start of that day in timeZone; for deadline its end) or a date-time with its offset */
            opensAt?: string;
            /** @description a date (the start of that day in timeZone; for deadline its end) or a date-time with its offset; a cycle always has one, so it cannot be cleared */
            deadline?: string;
            /** @description a date (the start of that day in timeZone; for deadline its end) or a date-time with its offset; null clears it */
            meetingDate?: string | null;
            /** @description a date (the start of that day in timeZone; for deadline its end) or a date-time with its offset; null clears it */
            summaryDate?: string | null;
            timeZone?: string;
            /** @description days before the deadline when reminders go out */
            reminderOffsetsDays?: number[];
        };
        MissingCommitmentResponse: {
            /** @example ILO-a */
            code: string;
            title: string;
        };
        AgencyComplianceResponse: {
            /** @example ILO */
            agency: string;
            /** @description open commitments the agency leads: each owes a report for the year */
            owed: number;
            submitted: number;
            /** @description codes of the commitments still without a report */
            missing: string[];
            missingCommitments: components["schemas"]["MissingCommitmentResponse"][];
        };
        ComplianceResponse: {
            /** @example 2014 */
            year: number;
            /** Format: date-time */
            deadline: string;
            agencies: components["schemas"]["AgencyComplianceResponse"][];
        };
        AgendaCycle: {
            /** @example 2014 */
            year: number;
            /** Format: date-time */
            opensAt: string;
            /** Format: date-time */
            deadline: string;
            /** @example America/New_York */
            timeZone: string;
        };
        OwedReportResponse: {
            /** Format: uuid */
            id: string;
            /** @example ILO-a */
            code: string;
            title: string;
            /** @enum {string} */
            status: "proposed" | "accepted" | "in_progress" | "under_review" | "completed" | "discontinued";
            /** @description the commitment’s version (its ETag without quotes) */
            version: number;
            /** Format: date */
            dueDate: string | null;
            /** @description the latest period reported on */
            lastReportPeriod: number | null;
        };
        OwedReports: {
            /** @description how many in all (items stops at 50) */
            total: number;
            items: components["schemas"]["OwedReportResponse"][];
        };
        StatusTallyResponse: {
            proposed: number;
            accepted: number;
            in_progress: number;
            under_review: number;
            completed: number;
            discontinued: number;
        };
        OverdueCommitmentResponse: {
            code: string;
            title: string;
            leadAgency: string;
            /** @enum {string} */
            status: "proposed" | "accepted" | "in_progress" | "under_review" | "completed" | "discontinued";
            /** Format: date */
            dueDate: string | null;
            overdueReasons: ("due_date_passed" | "report_missing")[];
        };
        OverdueCommitments: {
            /** @description how many in all (items stops at 10) */
            total: number;
            items: components["schemas"]["OverdueCommitmentResponse"][];
            /** @description the year whose missing reports make commitments overdue (report_missing): the latest cycle past its deadline */
            reportYear: number | null;
        };
        ExtensionRequestResponse: {
            /** Format: uuid */
            requestId: string;
            code: string;
            title: string;
            /**
             * Format: date
             * @description the due date asked for
             */
            dueDate: string;
            reason: string;
            /** Format: date-time */
            requestedAt: string;
            /** @enum {string} */
            outcome: "pending" | "approved" | "declined";
            /** Format: date-time */
            decidedAt: string | null;
            /** @description the coordinator’s comment on the decision */
            comment: string | null;
            /**
             * Format: date
             * @description the due date an approval replaced
             */
            previousDueDate: string | null;
        };
        MyAgendaResponse: {
            /** @description the principal’s agency; null: the whole system */
            agency: string | null;
            /** @description the latest cycle that has opened, else the next to open */
            cycle: components["schemas"]["AgendaCycle"] | null;
            /** @description open commitments the agency leads without its report for the cycle’s year */
            owed: components["schemas"]["OwedReports"];
            /** @description commitments the agency leads, by status */
            lead: components["schemas"]["StatusTallyResponse"];
            /** @description commitments the agency supports, by status */
            supported: components["schemas"]["StatusTallyResponse"];
            /** @description overdue commitments the agency leads or supports (all, without an agency) */
            overdue: components["schemas"]["OverdueCommitments"];
            /** @description pending, then decided in the last year (at most 20) */
            extensionRequests: components["schemas"]["ExtensionRequestResponse"][];
        };
        NotificationResponse: {
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            kind: "call_for_inputs" | "deadline_reminder" | "report_overdue" | "coordinator_digest" | "due_date_reminder" | "due_date_overdue" | "summary_ready";
            subject: string;
            bodyText: string;
            /**
             * @description of the email delivery
             * @enum {string}
             */
            status: "pending" | "sending" | "sent" | "failed" | "suppressed";
            attempts: number;
            lastError: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            sentAt: string | null;
            /**
             * Format: date-time
             * @description null: unread
             */
            readAt: string | null;
            /**
             * @description the web page it speaks of (a path)
             * @example /commitments/ILO-a
             */
            link: string | null;
            /** @description the plain values it was written with (year, agency, count, code, dueDate…), to word it in another language */
            facts: {
                [key: string]: string | number | boolean;
            } | null;
            /** @description in the admins' review only */
            recipientEmail?: string;
        };
        InboxResponse: {
            /** @description unread first, then newest first */
            items: components["schemas"]["NotificationResponse"][];
            /** @description how many are unread in all */
            unread: number;
        };
        MarkedAllReadResponse: {
            /** @description how many were marked read */
            marked: number;
            /** @description how many are unread now */
            unread: number;
        };
        NotificationListResponse: {
            /** @description newest first */
            items: components["schemas"]["NotificationResponse"][];
        };
        SummaryLinksResponse: {
            /**
             * @description where to poll this version
             * @example /api/v1/annual-summaries/2014/1
             */
            self: string;
            /** @description one link per format, once the version is done; empty before */
            downloads: {
                /** @example /api/v1/annual-summaries/2014/1.json */
                json?: string;
                /** @example /api/v1/annual-summaries/2014/1.md */
                md?: string;
                /** @example /api/v1/annual-summaries/2014/1.html */
                html?: string;
                /** @example /api/v1/annual-summaries/2014/1.docx */
                docx?: string;
                /** @example /api/v1/annual-summaries/2014/1.csv */
                csv?: string;
                /** @example /api/v1/annual-summaries/2014/1.xlsx */
                xlsx?: string;
            };
        };
        SummaryVersionResponse: {
            /** @example 2014 */
            year: number;
            /** @example 1 */
            version: number;
            /** @enum {string} */
            status: "queued" | "running" | "done" | "failed";
            /** @description per cent */
            progress: number;
            /** @enum {string} */
            trigger: "on_demand" | "scheduled";
            /** @description who asked for it (a user id, or system:<name>) */
            requestedBy: string;
            /** Format: date-time */
            requestedAt: string;
            /**
             * Format: date-time
             * @description the recorded instant it is compiled as known at; null: the compilation
             */
            knownAt: string | null;
            attempts: number;
            /** Format: date-time */
            startedAt: string | null;
            /** Format: date-time */
            finishedAt: string | null;
            /**
             * Format: date-time
             * @description the instant of the snapshot it was compiled from
             */
            compiledAsOf: string | null;
            /** @description the last event of the log the snapshot includes */
            eventPosition: number | null;
            generator: string | null;
            /** @description SHA-256 of the JSON edition */
            checksum: string | null;
            /** @description why the last attempt failed */
            error: string | null;
            links: components["schemas"]["SummaryLinksResponse"];
        };
        RequestAnnualSummaryRequest: {
            /**
             * @description the reporting year, from 2013 to next year
             * @example 2014
             */
            year: number;
            /**
             * @description as the tracker knew things at this recorded instant (default: all it knows when it compiles); not after now
             * @example 2015-01-20T00:00:00Z
             */
            knownAt?: string;
        };
        SummaryVersionListResponse: {
            /** @example 2014 */
            year: number;
            /** @description every version of the year, oldest first */
            items: components["schemas"]["SummaryVersionResponse"][];
        };
    };
    responses: {
        /** @description The request is invalid (fields listed in `errors`) */
        BadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["ProblemResponse"];
            };
        };
        /** @description Not signed in, or the credential is invalid or expired */
        Unauthorized: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["ProblemResponse"];
            };
        };
        /** @description Not allowed (`code` NOT_ALLOWED names the `action` and the `rule`), or CSRF_HEADER_MISSING */
        Forbidden: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["ProblemResponse"];
            };
        };
        /** @description Not found */
        NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["ProblemResponse"];
            };
        };
        /** @description Conflict with the current state (a stale version: `currentVersion`) */
        Conflict: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["ProblemResponse"];
            };
        };
        /** @description If-Match names no version the API ever gives (a weak or unknown entity tag) */
        PreconditionFailed: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["ProblemResponse"];
            };
        };
        /** @description The body is larger than BODY_LIMIT_BYTES */
        PayloadTooLarge: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["ProblemResponse"];
            };
        };
        /** @description A path parameter is longer than 100 characters */
        UriTooLong: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["ProblemResponse"];
            };
        };
        /** @description The body is not JSON */
        UnsupportedMediaType: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["ProblemResponse"];
            };
        };
        /** @description Understood but refused by a business rule */
        UnprocessableContent: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["ProblemResponse"];
            };
        };
        /** @description If-Match is required */
        PreconditionRequired: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["ProblemResponse"];
            };
        };
        /** @description Too many attempts; retry after `Retry-After` seconds */
        TooManyRequests: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["ProblemResponse"];
            };
        };
        /** @description A backing service is unavailable or the API is shutting down; retry after `Retry-After` seconds */
        ServiceUnavailable: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["ProblemResponse"];
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
    HealthController_health: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HealthResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            /** @description PostgreSQL or Redis does not answer (see checks) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemResponse"];
                    "application/json": components["schemas"]["HealthResponse"];
                };
            };
        };
    };
    AuthController_login: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LoginRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description no-store: the answer carries credentials */
                    "Cache-Control"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokensResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    AuthController_refresh: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RefreshRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description no-store: the answer carries credentials */
                    "Cache-Control"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokensResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    AuthController_logout: {
        parameters: {
            query?: never;
            header?: {
                /** @description replays the first answer to a retry with the same key and body (1-255 visible ASCII characters) */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description signed out */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableContent"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    UsersController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserListResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    UsersController_create: {
        parameters: {
            query?: never;
            header?: {
                /** @description replays the first answer to a retry with the same key and body (1-255 visible ASCII characters) */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateUserRequest"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableContent"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    UsersController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the user id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateUserRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            414: components["responses"]["UriTooLong"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableContent"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    MeController_me: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    MyProfileController_update: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateMyProfileRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    MeController_changePassword: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChangePasswordRequest"];
            };
        };
        responses: {
            /** @description changed */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    MeController_listTokens: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiTokenListResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    MeController_createToken: {
        parameters: {
            query?: never;
            header?: {
                /** @description replays the first answer to a retry with the same key and body (1-255 visible ASCII characters) */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateApiTokenRequest"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    /** @description no-store: the answer carries credentials */
                    "Cache-Control"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedApiTokenResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableContent"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    MeController_revokeToken: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the API token id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description revoked */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            414: components["responses"]["UriTooLong"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    BrowserSessionController_current: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description no-store: the answer carries credentials */
                    "Cache-Control"?: string;
                    /** @description the web app session cookie (HttpOnly) */
                    "Set-Cookie"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    BrowserSessionController_signIn: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LoginRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description the web app session cookie (HttpOnly) */
                    "Set-Cookie"?: string;
                    /** @description no-store: the answer carries credentials */
                    "Cache-Control"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    BrowserSessionController_signOut: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description signed out */
            204: {
                headers: {
                    /** @description the web app session cookie (HttpOnly) */
                    "Set-Cookie"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    ReferenceDataController_agencies: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AgencyListResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    ReferenceDataController_agendaItems: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AgendaItemListResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    CommitmentsController_list: {
        parameters: {
            query?: {
                /** @description agency codes: commitments one of them leads or supports; several: repeated (x=a&x=b) or separated by commas (x=a,b), any of them */
                agency?: string[];
                /** @description agency codes: commitments one of them leads; several: repeated (x=a&x=b) or separated by commas (x=a,b), any of them */
                lead?: string[];
                /** @description agency codes: commitments one of them supports; several: repeated (x=a&x=b) or separated by commas (x=a,b), any of them */
                supporting?: string[];
                /** @description agenda items, 1 to 8; several: repeated (x=a&x=b) or separated by commas (x=a,b), any of them */
                agendaItem?: number[];
                /** @description SDG targets; several: repeated (x=a&x=b) or separated by commas (x=a,b), any of them */
                sdgTarget?: string[];
                /** @description statuses; several: repeated (x=a&x=b) or separated by commas (x=a,b), any of them */
                status?: ("proposed" | "accepted" | "in_progress" | "under_review" | "completed" | "discontinued")[];
                overdue?: boolean;
                /** @description full-text search over code, title and text */
                q?: string;
                dueBefore?: string;
                /** @description as things stood at this instant (or date: its start, UTC) */
                asOf?: string;
                /** @description as the system knew them at this instant (default: all it knows now) */
                knownAt?: string;
                /** @description code, title, status (lifecycle order), dueDate (none last) or lead; a leading - for descending; ties by code */
                sort?: "code" | "-code" | "title" | "-title" | "status" | "-status" | "dueDate" | "-dueDate" | "lead" | "-lead";
                limit?: number;
                /** @description the previous page's nextCursor, with the same sort */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommitmentPageResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    CommitmentsController_register: {
        parameters: {
            query?: never;
            header?: {
                /** @description replays the first answer to a retry with the same key and body (1-255 visible ASCII characters) */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RegisterCommitmentRequest"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    /** @description the version as a strong entity tag ("<version>"): send it back in If-Match */
                    ETag?: string;
                    /** @description where the resource is */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommitmentResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableContent"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    CommitmentsController_facets: {
        parameters: {
            query?: {
                /** @description agency codes: commitments one of them leads or supports; several: repeated (x=a&x=b) or separated by commas (x=a,b), any of them */
                agency?: string[];
                /** @description agency codes: commitments one of them leads; several: repeated (x=a&x=b) or separated by commas (x=a,b), any of them */
                lead?: string[];
                /** @description agency codes: commitments one of them supports; several: repeated (x=a&x=b) or separated by commas (x=a,b), any of them */
                supporting?: string[];
                /** @description agenda items, 1 to 8; several: repeated (x=a&x=b) or separated by commas (x=a,b), any of them */
                agendaItem?: number[];
                /** @description SDG targets; several: repeated (x=a&x=b) or separated by commas (x=a,b), any of them */
                sdgTarget?: string[];
                /** @description statuses; several: repeated (x=a&x=b) or separated by commas (x=a,b), any of them */
                status?: ("proposed" | "accepted" | "in_progress" | "under_review" | "completed" | "discontinued")[];
                overdue?: boolean;
                /** @description full-text search over code, title and text */
                q?: string;
                dueBefore?: string;
                /** @description as things stood at this instant (or date: its start, UTC) */
                asOf?: string;
                /** @description as the system knew them at this instant (default: all it knows now) */
                knownAt?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommitmentFacetsResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    CommitmentsController_export: {
        parameters: {
            query: {
                /** @description agency codes: commitments one of them leads or supports; several: repeated (x=a&x=b) or separated by commas (x=a,b), any of them */
                agency?: string[];
                /** @description agency codes: commitments one of them leads; several: repeated (x=a&x=b) or separated by commas (x=a,b), any of them */
                lead?: string[];
                /** @description agency codes: commitments one of them supports; several: repeated (x=a&x=b) or separated by commas (x=a,b), any of them */
                supporting?: string[];
                /** @description agenda items, 1 to 8; several: repeated (x=a&x=b) or separated by commas (x=a,b), any of them */
                agendaItem?: number[];
                /** @description SDG targets; several: repeated (x=a&x=b) or separated by commas (x=a,b), any of them */
                sdgTarget?: string[];
                /** @description statuses; several: repeated (x=a&x=b) or separated by commas (x=a,b), any of them */
                status?: ("proposed" | "accepted" | "in_progress" | "under_review" | "completed" | "discontinued")[];
                overdue?: boolean;
                /** @description full-text search over code, title and text */
                q?: string;
                dueBefore?: string;
                /** @description as things stood at this instant (or date: its start, UTC) */
                asOf?: string;
                /** @description as the system knew them at this instant (default: all it knows now) */
                knownAt?: string;
                format: "csv" | "xlsx";
                /** @description code, title, status (lifecycle order), dueDate (none last) or lead; a leading - for descending; ties by code */
                sort?: "code" | "-code" | "title" | "-title" | "status" | "-status" | "dueDate" | "-dueDate" | "lead" | "-lead";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description an attachment; columns: code, title, lead, supporting, agenda items, status, due date, overdue reasons, source */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv; charset=utf-8": string;
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    CommitmentsController_get: {
        parameters: {
            query?: {
                /** @description an instant (or a date: its start, UTC): the commitment as it was then */
                asOf?: string;
                /** @description an instant (or a date: its start, UTC): as the system knew it then (default: all it knows now) */
                knownAt?: string;
            };
            header?: never;
            path: {
                /** @description the commitment's id (a UUID) or code */
                idOrCode: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description the version as a strong entity tag ("<version>"): send it back in If-Match */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommitmentResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            414: components["responses"]["UriTooLong"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    CommitmentsController_revise: {
        parameters: {
            query?: never;
            header: {
                /** @description the ETag ("<version>") you last read */
                "If-Match": string;
            };
            path: {
                /** @description the commitment's id (a UUID) or code */
                idOrCode: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReviseCommitmentRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description the version as a strong entity tag ("<version>"): send it back in If-Match */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommitmentResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["PayloadTooLarge"];
            414: components["responses"]["UriTooLong"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableContent"];
            428: components["responses"]["PreconditionRequired"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    CommitmentsController_history: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the commitment's id (a UUID) or code */
                idOrCode: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HistoryResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            414: components["responses"]["UriTooLong"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    CommitmentsController_progressReports: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the commitment's id (a UUID) or code */
                idOrCode: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProgressReportsResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            414: components["responses"]["UriTooLong"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    CommitmentsController_reportProgress: {
        parameters: {
            query?: never;
            header?: {
                /** @description replays the first answer to a retry with the same key and body (1-255 visible ASCII characters) */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description the commitment's id (a UUID) or code */
                idOrCode: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReportProgressRequest"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    /** @description the version as a strong entity tag ("<version>"): send it back in If-Match */
                    ETag?: string;
                    /** @description where the resource is */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProgressReportedResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            414: components["responses"]["UriTooLong"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableContent"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    CommitmentsController_transition: {
        parameters: {
            query?: never;
            header: {
                /** @description the ETag ("<version>") you last read */
                "If-Match": string;
                /** @description replays the first answer to a retry with the same key and body (1-255 visible ASCII characters) */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description the commitment's id (a UUID) or code */
                idOrCode: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TransitionRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description the version as a strong entity tag ("<version>"): send it back in If-Match */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommitmentResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["PayloadTooLarge"];
            414: components["responses"]["UriTooLong"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableContent"];
            428: components["responses"]["PreconditionRequired"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    CommitmentsController_assignOwners: {
        parameters: {
            query?: never;
            header: {
                /** @description the ETag ("<version>") you last read */
                "If-Match": string;
            };
            path: {
                /** @description the commitment's id (a UUID) or code */
                idOrCode: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AssignOwnersRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description the version as a strong entity tag ("<version>"): send it back in If-Match */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommitmentResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["PayloadTooLarge"];
            414: components["responses"]["UriTooLong"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableContent"];
            428: components["responses"]["PreconditionRequired"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    CommitmentsController_setDueDate: {
        parameters: {
            query?: never;
            header: {
                /** @description the ETag ("<version>") you last read */
                "If-Match": string;
            };
            path: {
                /** @description the commitment's id (a UUID) or code */
                idOrCode: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SetDueDateRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description the version as a strong entity tag ("<version>"): send it back in If-Match */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommitmentResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["PayloadTooLarge"];
            414: components["responses"]["UriTooLong"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableContent"];
            428: components["responses"]["PreconditionRequired"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    CommitmentsController_requestExtension: {
        parameters: {
            query?: never;
            header?: {
                /** @description replays the first answer to a retry with the same key and body (1-255 visible ASCII characters) */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description the commitment's id (a UUID) or code */
                idOrCode: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ExtensionRequest"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    /** @description the version as a strong entity tag ("<version>"): send it back in If-Match */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommitmentResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            414: components["responses"]["UriTooLong"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableContent"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    CommitmentsController_decideExtension: {
        parameters: {
            query?: never;
            header?: {
                /** @description replays the first answer to a retry with the same key and body (1-255 visible ASCII characters) */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description the commitment's id (a UUID) or code */
                idOrCode: string;
                /** @description the pending request (pendingExtension.requestId) */
                requestId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ExtensionDecision"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description the version as a strong entity tag ("<version>"): send it back in If-Match */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommitmentResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            414: components["responses"]["UriTooLong"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableContent"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    StatisticsController_status: {
        parameters: {
            query: {
                by: "agency" | "agendaItem";
                /** @description as things stood at this instant (or date: its start, UTC) */
                asOf?: string;
                /** @description as the system knew them at this instant (default: all it knows now) */
                knownAt?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StatusStatisticsResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    ReportingCyclesController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReportingCycleListResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    ReportingCyclesController_open: {
        parameters: {
            query?: never;
            header?: {
                /** @description replays the first answer to a retry with the same key and body (1-255 visible ASCII characters) */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OpenCycleRequest"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    /** @description the version as a strong entity tag ("<version>"): send it back in If-Match */
                    ETag?: string;
                    /** @description where the resource is */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReportingCycleResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableContent"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    ReportingCyclesController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                year: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description the version as a strong entity tag ("<version>"): send it back in If-Match */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReportingCycleResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            414: components["responses"]["UriTooLong"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    ReportingCyclesController_change: {
        parameters: {
            query?: never;
            header?: {
                /** @description the ETag ("<version>") you last read: 409 if it is stale */
                "If-Match"?: string;
            };
            path: {
                year: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChangeCycleRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description the version as a strong entity tag ("<version>"): send it back in If-Match */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReportingCycleResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["PayloadTooLarge"];
            414: components["responses"]["UriTooLong"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableContent"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    ReportingCyclesController_compliance: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                year: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ComplianceResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            414: components["responses"]["UriTooLong"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    MyAgendaController_agenda: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MyAgendaResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    NotificationsController_inbox: {
        parameters: {
            query?: {
                /** @description true: only the unread ones */
                unread?: boolean;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InboxResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    NotificationsController_markRead: {
        parameters: {
            query?: never;
            header?: {
                /** @description replays the first answer to a retry with the same key and body (1-255 visible ASCII characters) */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description the notification id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            414: components["responses"]["UriTooLong"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableContent"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    NotificationsController_markAllRead: {
        parameters: {
            query?: never;
            header?: {
                /** @description replays the first answer to a retry with the same key and body (1-255 visible ASCII characters) */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MarkedAllReadResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableContent"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    NotificationsController_byStatus: {
        parameters: {
            query: {
                status: "pending" | "sending" | "sent" | "failed" | "suppressed";
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationListResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    NotificationsController_retry: {
        parameters: {
            query?: never;
            header?: {
                /** @description replays the first answer to a retry with the same key and body (1-255 visible ASCII characters) */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description the notification id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            414: components["responses"]["UriTooLong"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableContent"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    AnnualSummariesController_request: {
        parameters: {
            query?: never;
            header?: {
                /** @description replays the first answer to a retry with the same key and body (1-255 visible ASCII characters) */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RequestAnnualSummaryRequest"];
            };
        };
        responses: {
            /** @description Accepted */
            202: {
                headers: {
                    /** @description where the resource is */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SummaryVersionResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableContent"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    AnnualSummariesController_list: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the reporting year, from 2013 to next year */
                year: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SummaryVersionListResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            414: components["responses"]["UriTooLong"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    AnnualSummariesController_version: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the reporting year, from 2013 to next year */
                year: number;
                /** @description a version (`1`: its state) or one of its files (`1.docx`: .json, .md, .html, .docx, .csv, .xlsx) */
                versionFile: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the version's state (JSON), or the file (with an ETag: the file's SHA-256) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SummaryVersionResponse"] | {
                        [key: string]: unknown;
                    };
                    "text/markdown; charset=utf-8": string;
                    "text/html; charset=utf-8": string;
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": string;
                    "text/csv; charset=utf-8": string;
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            414: components["responses"]["UriTooLong"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
}
