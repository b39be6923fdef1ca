// Generated from the API's OpenAPI document by `npm run api:client`; do not edit (npm test fails when stale).

export interface paths {
    "/api/v1/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
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
        get: operations["UsersController_list"];
        put?: never;
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
        get: operations["MeController_listTokens"];
        put?: never;
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
        get: operations["CommitmentsController_list"];
        put?: never;
        post: operations["CommitmentsController_register"];
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
        get: operations["CommitmentsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
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
        get: operations["CommitmentsController_history"];
        put?: never;
        post?: never;
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
        put: operations["CommitmentsController_setDueDate"];
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
        get?: never;
        put?: never;
        post: operations["CommitmentsController_reportProgress"];
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
        get: operations["ReportingCyclesController_list"];
        put?: never;
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
        get: operations["ReportingCyclesController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
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
            requestId?: string;
            errors?: components["schemas"]["FieldProblemResponse"][];
            /** @description on 429: seconds before another attempt may succeed */
            retryAfterSeconds?: number;
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
        UpdateUserRequest: {
            /** @enum {string} */
            role?: "admin" | "coordinator" | "focal_point" | "viewer";
            agency?: Record<string, never> | null;
            active?: boolean;
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
        RegisterCommitmentRequest: {
            /**
             * @description Stable human code: <AGENCY>-<letter>, SG8-<n>, ...
             * @example ILO-a
             */
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
            supportingAgencies?: string[];
            /**
             * @example [
             *       2
             *     ]
             */
            agendaItems: string[];
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
            dueDate?: Record<string, never> | null;
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
        };
        SetDueDateRequest: {
            /**
             * Format: date
             * @description null clears the due date
             * @example 2015-01-15
             */
            dueDate: Record<string, never> | null;
        };
        ReviseCommitmentRequest: {
            title?: string;
            text?: string;
            source?: string;
            /**
             * @example [
             *       2,
             *       6
             *     ]
             */
            agendaItems?: string[];
            /**
             * @example [
             *       "10.7"
             *     ]
             */
            sdgTargets?: string[];
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
            /** @example 2014 */
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
            summary: string;
            evidenceUrls?: string[];
            indicators?: components["schemas"]["IndicatorRequest"][];
        };
        ExtensionRequest: {
            /**
             * Format: date
             * @description the due date asked for
             * @example 2015-06-30
             */
            dueDate: string;
            reason: string;
        };
        ExtensionDecision: {
            /** @enum {string} */
            decision: "approve" | "decline";
            comment?: string;
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
            reminderOffsetsDays?: string[];
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
             * @example [
             *       14,
             *       3
             *     ]
             */
            reminderOffsetsDays: number[];
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
            meetingDate?: Record<string, never> | null;
            /** @description a date (the start of that day in timeZone; for deadline its end) or a date-time with its offset; null clears it */
            summaryDate?: Record<string, never> | null;
            timeZone?: string;
            reminderOffsetsDays?: string[];
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
            /** @example deadline_reminder */
            kind: string;
            subject: string;
            /** @description the message as emailed, in plain text */
            bodyText: string;
            /** @enum {string} */
            status: "pending" | "sending" | "sent" | "failed" | "suppressed";
            attempts: number;
            lastError: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            sentAt: string | null;
            /** Format: date-time */
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
        };
        InboxResponse: {
            /** @description unread first, then newest first */
            items: components["schemas"]["NotificationResponse"][];
            /** @description how many of the user’s notifications are unread */
            unread: number;
        };
        MarkedAllReadResponse: {
            /** @description how many were marked read */
            marked: number;
            /** @description how many are unread now */
            unread: number;
        };
        RequestAnnualSummaryRequest: {
            /**
             * @description the reporting year, from 2013 to next year
             * @example 2014
             */
            year: number;
        };
    };
    responses: never;
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
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
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
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokensResponse"];
                };
            };
            /** @description The request is invalid (fields listed in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemResponse"];
                };
            };
            /** @description Not signed in, or the credential is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemResponse"];
                };
            };
            /** @description Too many attempts; retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemResponse"];
                };
            };
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
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokensResponse"];
                };
            };
            /** @description The request is invalid (fields listed in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemResponse"];
                };
            };
            /** @description Not signed in, or the credential is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemResponse"];
                };
            };
        };
    };
    AuthController_logout: {
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
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not signed in, or the credential is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemResponse"];
                };
            };
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
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    UsersController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateUserRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    UsersController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
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
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
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
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserResponse"];
                };
            };
            /** @description Not signed in, or the credential is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemResponse"];
                };
            };
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
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserResponse"];
                };
            };
            /** @description The request is invalid (fields listed in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemResponse"];
                };
            };
            /** @description Not signed in, or the credential is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemResponse"];
                };
            };
            /** @description Not allowed (the rule that refused is in `detail`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemResponse"];
                };
            };
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
            /** @description The request is invalid (fields listed in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemResponse"];
                };
            };
            /** @description Not signed in, or the credential is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemResponse"];
                };
            };
            /** @description Not allowed (the rule that refused is in `detail`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemResponse"];
                };
            };
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
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiTokenListResponse"];
                };
            };
            /** @description Not signed in, or the credential is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemResponse"];
                };
            };
        };
    };
    MeController_createToken: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateApiTokenRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedApiTokenResponse"];
                };
            };
            /** @description The request is invalid (fields listed in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemResponse"];
                };
            };
            /** @description Not signed in, or the credential is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemResponse"];
                };
            };
            /** @description Not allowed (the rule that refused is in `detail`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemResponse"];
                };
            };
            /** @description Understood but refused by a business rule */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemResponse"];
                };
            };
        };
    };
    MeController_revokeToken: {
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
            /** @description revoked */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is invalid (fields listed in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemResponse"];
                };
            };
            /** @description Not signed in, or the credential is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemResponse"];
                };
            };
            /** @description Not allowed (the rule that refused is in `detail`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemResponse"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemResponse"];
                };
            };
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
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionResponse"];
                };
            };
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
            /** @description the signed-in user; the session is in the Set-Cookie header */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserResponse"];
                };
            };
            /** @description The request is invalid (fields listed in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemResponse"];
                };
            };
            /** @description Not signed in, or the credential is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemResponse"];
                };
            };
            /** @description Not allowed (the rule that refused is in `detail`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemResponse"];
                };
            };
            /** @description Too many attempts; retry after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemResponse"];
                };
            };
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
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not allowed (the rule that refused is in `detail`) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemResponse"];
                };
            };
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
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
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
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    CommitmentsController_list: {
        parameters: {
            query?: {
                /** @description agency code: commitments it leads or supports */
                agency?: string;
                agendaItem?: number;
                /** @description one status, or several separated by commas */
                status?: string[];
                overdue?: boolean;
                /** @description full-text search over code, title and text */
                q?: string;
                dueBefore?: string;
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    CommitmentsController_register: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RegisterCommitmentRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    CommitmentsController_get: {
        parameters: {
            query?: {
                /** @description an instant (or a date: its start, UTC): the commitment as it was then */
                asOf?: string;
            };
            header?: never;
            path: {
                idOrCode: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
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
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    CommitmentsController_history: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                idOrCode: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    CommitmentsController_transition: {
        parameters: {
            query?: never;
            header: {
                /** @description the ETag ("<version>") you last read */
                "If-Match": string;
            };
            path: {
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
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
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
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
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
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    CommitmentsController_reportProgress: {
        parameters: {
            query?: never;
            header?: never;
            path: {
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
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    CommitmentsController_requestExtension: {
        parameters: {
            query?: never;
            header?: never;
            path: {
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
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    CommitmentsController_decideExtension: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                idOrCode: string;
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
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    StatisticsController_status: {
        parameters: {
            query: {
                by: "agency" | "agendaItem";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
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
            /** @description every cycle, oldest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReportingCycleListResponse"];
                };
            };
        };
    };
    ReportingCyclesController_open: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OpenCycleRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
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
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ReportingCyclesController_change: {
        parameters: {
            query?: never;
            header?: never;
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
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
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
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
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
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MyAgendaResponse"];
                };
            };
        };
    };
    NotificationsController_inbox: {
        parameters: {
            query?: {
                unread?: boolean;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InboxResponse"];
                };
            };
        };
    };
    NotificationsController_markRead: {
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
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationResponse"];
                };
            };
        };
    };
    NotificationsController_markAllRead: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MarkedAllReadResponse"];
                };
            };
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
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    NotificationsController_retry: {
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
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AnnualSummariesController_request: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RequestAnnualSummaryRequest"];
            };
        };
        responses: {
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AnnualSummariesController_list: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                year: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AnnualSummariesController_version: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                year: string;
                versionFile: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
}
