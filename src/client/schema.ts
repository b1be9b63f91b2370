/**
 * The REST API's types, generated from /openapi.json by `npm run api:generate`.
 * Do not edit: change the route schemas and run the script again.
 */

export interface paths {
  '/healthz': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Check that the process is up */
    get: operations['getLiveness'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/readyz': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Check that the database is reachable and migrated */
    get: operations['getReadiness'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/login': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Log in
     * @description Log in to the console (sets a session cookie).
     */
    post: operations['createSession'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/logout': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Log out
     * @description End the console session.
     */
    post: operations['deleteSession'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/me': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Get the caller
     * @description The caller and the workspaces it can reach.
     */
    get: operations['getMe'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/workspaces/{workspaceId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get a workspace */
    get: operations['getWorkspace'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/workspaces/{workspaceId}/overview': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Get a workspace overview
     * @description Record counts and CRM connections of a workspace.
     */
    get: operations['getWorkspaceOverview'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/workspaces/{workspaceId}/members': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List members */
    get: operations['listMembers'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/workspaces/{workspaceId}/members/{userId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Remove a member */
    delete: operations['removeMember'];
    options?: never;
    head?: never;
    /** Change a member's role */
    patch: operations['updateMember'];
    trace?: never;
  };
  '/api/workspaces/{workspaceId}/invitations': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List open invitations
     * @description Open invitations to the workspace (admins).
     */
    get: operations['listInvitations'];
    put?: never;
    /**
     * Invite someone by email
     * @description Invite someone by email; they join when they accept. The answer is the same whether or not the email has an account.
     */
    post: operations['createInvitation'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/workspaces/{workspaceId}/invitations/{invitationId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /**
     * Withdraw an invitation
     * @description Withdraw an open invitation; its link stops working.
     */
    delete: operations['revokeInvitation'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/me/invitations': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List my invitations
     * @description Open invitations addressed to the logged-in person.
     */
    get: operations['listMyInvitations'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/me/invitations/{invitationId}/accept': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Accept my invitation
     * @description Accept an invitation addressed to the logged-in person.
     */
    post: operations['acceptMyInvitation'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/me/invitations/{invitationId}/decline': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Decline my invitation
     * @description Turn down an invitation addressed to the logged-in person.
     */
    post: operations['declineMyInvitation'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/invitations/lookup': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Look up an invitation link
     * @description What an invitation link is for: the workspace, the email and the role.
     */
    post: operations['lookUpInvitation'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/invitations/accept': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Accept an invitation link
     * @description Accept through the link: signs in with the invited email's password, or creates its account (sets a session cookie).
     */
    post: operations['acceptInvitation'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/workspaces/{workspaceId}/api-keys': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List API keys */
    get: operations['listApiKeys'];
    put?: never;
    /**
     * Create an API key
     * @description Create an API key; the secret is in this response only.
     */
    post: operations['createApiKey'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/workspaces/{workspaceId}/api-keys/{keyId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /**
     * Revoke an API key
     * @description Revoke an API key (members: only keys they created).
     */
    delete: operations['revokeApiKey'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/workspaces/{workspaceId}/connections': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List CRM connections */
    get: operations['listConnections'];
    put?: never;
    /**
     * Add a CRM connection
     * @description Add a CRM connection; credentials are encrypted at rest and never returned.
     */
    post: operations['createConnection'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/workspaces/{workspaceId}/connections/{connectionId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get a CRM connection */
    get: operations['getConnection'];
    put?: never;
    post?: never;
    /** Delete a CRM connection */
    delete: operations['deleteConnection'];
    options?: never;
    head?: never;
    /**
     * Update a connection
     * @description Rename, set the sync interval, or map CRM stages to Pandora stages.
     */
    patch: operations['updateConnection'];
    trace?: never;
  };
  '/api/workspaces/{workspaceId}/connections/{connectionId}/test': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Test a connection
     * @description Call the CRM with the stored credentials and record the outcome.
     */
    post: operations['testConnection'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/workspaces/{workspaceId}/connections/{connectionId}/disconnect': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Disconnect a CRM
     * @description Wipe the credentials; sync history and the write ledger stay.
     */
    post: operations['disconnectConnection'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/workspaces/{workspaceId}/connections/{connectionId}/usage': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Get a connection's API usage
     * @description Today's API calls against the CRM's limits, pauses and the last 429.
     */
    get: operations['getConnectionUsage'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/workspaces/{workspaceId}/connections/{connectionId}/sync': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Start a sync
     * @description Queue a sync of the CRM into Pandora; follow it in sync-runs.
     */
    post: operations['startSync'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/workspaces/{workspaceId}/connections/{connectionId}/sync-runs': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List sync runs */
    get: operations['listSyncRuns'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/workspaces/{workspaceId}/sync-runs/{runId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get a sync run */
    get: operations['getSyncRun'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/workspaces/{workspaceId}/crm-writes': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List CRM writes
     * @description The write ledger: every CRM field write, newest first.
     */
    get: operations['listCrmWrites'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/workspaces/{workspaceId}/connections/hubspot': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Connect HubSpot
     * @description Connect HubSpot with a private app token; tested at once.
     */
    post: operations['connectHubspot'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/workspaces/{workspaceId}/connections/salesforce': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Connect Salesforce
     * @description Connect Salesforce with an access token; tested at once.
     */
    post: operations['connectSalesforce'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/workspaces/{workspaceId}/connections/sandbox': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Connect the CRM emulator
     * @description Connect the built-in CRM emulator (the demo CRM), when the server runs it.
     */
    post: operations['connectSandbox'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/workspaces/{workspaceId}/connections/{connectionId}/credentials': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /**
     * Reconnect with new credentials
     * @description Reconnect with new credentials; tested at once.
     */
    put: operations['replaceConnectionCredentials'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/workspaces/{workspaceId}/connections/oauth/start': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Start an OAuth connection
     * @description Start connecting a CRM by OAuth: returns the CRM's consent URL.
     */
    post: operations['startOAuthConnection'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/oauth/{crmType}/callback': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Complete an OAuth connection
     * @description Where the CRM sends the browser back after consent.
     */
    get: operations['completeOAuthConnection'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/workspaces/{workspaceId}/deals': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List deals
     * @description Deals, newest first by id, with keyset pagination.
     */
    get: operations['listDeals'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/workspaces/{workspaceId}/deals/{dealId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get a deal */
    get: operations['getDeal'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/workspaces/{workspaceId}/jobs/failed': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List failed jobs
     * @description Background jobs of this workspace that failed for good.
     */
    get: operations['listFailedJobs'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/workspaces/{workspaceId}/deals/{dealId}/activity': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Get a deal's stage history, scores and meetings
     * @description What Pandora holds about a deal beyond its fields. Its actions and ledger writes are listed by `listActionItems` and `listCrmWrites` filtered on the deal.
     */
    get: operations['getDealActivity'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/workspaces/{workspaceId}/pipeline-stages': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List the CRM pipelines' stages
     * @description As last synced, each pipeline in its own order.
     */
    get: operations['listPipelineStages'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/workspaces/{workspaceId}/skills': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List skills
     * @description The skills, each with its latest run in this workspace.
     */
    get: operations['listSkills'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/workspaces/{workspaceId}/skills/{skill}/run': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Run a skill
     * @description Run a skill now; its findings become actions (re-runs update them).
     */
    post: operations['runSkill'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/workspaces/{workspaceId}/quota-periods': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List quota periods
     * @description Quota periods, latest first.
     */
    get: operations['listQuotaPeriods'];
    put?: never;
    /**
     * Create a quota period
     * @description Create a quota period (admins).
     */
    post: operations['createQuotaPeriod'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/workspaces/{workspaceId}/quota-periods/{periodId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /**
     * Delete a quota period
     * @description Delete a quota period and its rep quotas (admins).
     */
    delete: operations['deleteQuotaPeriod'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/workspaces/{workspaceId}/quota-periods/{periodId}/quotas': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List a period's quotas
     * @description The reps' quotas for a period.
     */
    get: operations['listQuotas'];
    put?: never;
    /**
     * Set a rep's quota
     * @description Set a rep's quota for a period, by owner id or email (admins). Setting it again for the same rep replaces the amount (200).
     */
    post: operations['setQuota'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/workspaces/{workspaceId}/quota-periods/{periodId}/quotas/{quotaId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /**
     * Remove a rep's quota
     * @description Remove a rep's quota (admins).
     */
    delete: operations['deleteQuota'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/workspaces/{workspaceId}/action-items': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List actions
     * @description Actions, newest (or largest impact) first, with keyset pagination.
     */
    get: operations['listActionItems'];
    put?: never;
    /**
     * Propose an action
     * @description Propose an action (by a person or an API client).
     */
    post: operations['createActionItem'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/workspaces/{workspaceId}/action-items/{actionId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get an action */
    get: operations['getActionItem'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/workspaces/{workspaceId}/action-items/{actionId}/audit': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Get an action's audit trail
     * @description The action’s audit trail, oldest first (append-only).
     */
    get: operations['getActionItemAudit'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/workspaces/{workspaceId}/action-items/{actionId}/dismiss': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Dismiss an open action */
    post: operations['dismissActionItem'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/workspaces/{workspaceId}/action-items/{actionId}/approve': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Approve an action
     * @description Approve an action a policy holds for approval (an admin, or the action’s owner).
     */
    post: operations['approveActionItem'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/workspaces/{workspaceId}/action-items/{actionId}/preview': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Preview an action's changes
     * @description The exact diff execute would apply, current values read fresh; writes nothing.
     */
    post: operations['previewActionItem'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/workspaces/{workspaceId}/action-items/{actionId}/operations': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List an action's planned operations
     * @description The planned operations with current values read fresh from the CRM.
     */
    get: operations['listActionItemOperations'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/workspaces/{workspaceId}/action-items/{actionId}/execute': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Execute an action
     * @description Execute an action now (Idempotency-Key honoured).
     */
    post: operations['executeActionItem'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/workspaces/{workspaceId}/action-items/{actionId}/undo': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Undo an action
     * @description Put back what the action wrote, where the CRM still holds it (force: overwrite changes made since).
     */
    post: operations['undoActionItem'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/workspaces/{workspaceId}/action-items/batch-execute': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Execute actions in a batch
     * @description Execute many actions in one background job, their writes coalesced.
     */
    post: operations['createActionBatch'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/workspaces/{workspaceId}/action-batches/{batchId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Get a batch execution
     * @description A batch execution’s progress and per-action results.
     */
    get: operations['getActionBatch'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/workspaces/{workspaceId}/notifications': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List notifications
     * @description In-app notifications for the current user (all of the workspace’s for an API key), newest first with keyset pagination (`cursor` = the previous `nextCursor`), and how many are unread.
     */
    get: operations['listNotifications'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/workspaces/{workspaceId}/notifications/read': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Mark notifications read
     * @description Marks notifications read: the given ids, or all of the caller’s when none are given.
     */
    post: operations['markNotificationsRead'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/workspaces/{workspaceId}/action-policies': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List action policies
     * @description The policies, in the order they are consulted.
     */
    get: operations['listActionPolicies'];
    put?: never;
    /**
     * Create an action policy
     * @description Create a policy (admins).
     */
    post: operations['createActionPolicy'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/workspaces/{workspaceId}/action-policies/dry-run': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Dry-run an unsaved policy
     * @description Try a policy not yet saved on the most recent actions; writes nothing.
     */
    post: operations['dryRunActionPolicyDraft'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/workspaces/{workspaceId}/action-policies/{policyId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get an action policy */
    get: operations['getActionPolicy'];
    put?: never;
    post?: never;
    /**
     * Delete an action policy
     * @description Delete a policy (admins).
     */
    delete: operations['deleteActionPolicy'];
    options?: never;
    head?: never;
    /**
     * Update an action policy
     * @description Change a policy (admins); a given match replaces the old one whole.
     */
    patch: operations['updateActionPolicy'];
    trace?: never;
  };
  '/api/workspaces/{workspaceId}/action-policies/{policyId}/dry-run': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Dry-run a saved policy
     * @description Try a saved policy (enabled or not) on the most recent actions; writes nothing.
     */
    post: operations['dryRunActionPolicy'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/workspaces/{workspaceId}/writeback/fields': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List write-back fields
     * @description Fields Pandora computes and can write to CRM properties, and the write modes.
     */
    get: operations['listWritebackFields'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/workspaces/{workspaceId}/connections/{connectionId}/properties': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List CRM properties
     * @description The CRM's properties of an object type, read live, with the Pandora fields each can take.
     */
    get: operations['listCrmProperties'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/workspaces/{workspaceId}/writeback/mappings': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List write-back mappings
     * @description Live mappings with their writes of the last 7 days.
     */
    get: operations['listWritebackMappings'];
    put?: never;
    /**
     * Create a write-back mapping
     * @description Map a Pandora field to a CRM property (admins); warnings name lossy pairs.
     */
    post: operations['createWritebackMapping'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/workspaces/{workspaceId}/writeback/mappings/{mappingId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get a write-back mapping */
    get: operations['getWritebackMapping'];
    put?: never;
    post?: never;
    /**
     * Delete a write-back mapping
     * @description Delete a mapping (admins); its write history stays.
     */
    delete: operations['deleteWritebackMapping'];
    options?: never;
    head?: never;
    /**
     * Update a write-back mapping
     * @description Change a mapping, enable or disable it (admins); checked again against the CRM.
     */
    patch: operations['updateWritebackMapping'];
    trace?: never;
  };
  '/api/workspaces/{workspaceId}/writeback/mappings/{mappingId}/test': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Test a write-back mapping
     * @description Exactly what a run would write for a sample record (the full text after an append); writes nothing.
     */
    post: operations['testWritebackMapping'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/workspaces/{workspaceId}/writeback/runs': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List write-back runs
     * @description Recent write-back runs, newest first.
     */
    get: operations['listWritebackRuns'];
    put?: never;
    /**
     * Start a write-back run
     * @description Sync all: write every enabled mapping (or the given ones) in a background run (admins).
     */
    post: operations['startWritebackRun'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/workspaces/{workspaceId}/writeback/compute': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Compute fields now
     * @description Compute a skill's fields now (deal-score or account-score); the mappings that follow computation write what changed.
     */
    post: operations['computeWritebackFields'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/workspaces/{workspaceId}/writeback/runs/{writebackRunId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Get a write-back run
     * @description A run's progress and report.
     */
    get: operations['getWritebackRun'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/workspaces/{workspaceId}/writeback/log': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List write-back writes
     * @description Write-back writes from the ledger, newest first, by mapping, record, status, time.
     */
    get: operations['listWritebackLog'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/workspaces/{workspaceId}/conversation-sources': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List conversation sources
     * @description Gong, Fireflies and webhook sources; credentials are never returned.
     */
    get: operations['listConversationSources'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/workspaces/{workspaceId}/sales-roster': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List the sales roster
     * @description The users tracked on any conversation source, merged by email, each with the CRM owners of that email and the sources that track them.
     */
    get: operations['listSalesRoster'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/workspaces/{workspaceId}/conversation-sources/webhook': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Add a webhook source
     * @description For any recorder: it posts meetings to `webhookUrl`, signed with `signingSecret`, which is shown once.
     */
    post: operations['createWebhookSource'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/workspaces/{workspaceId}/conversation-sources/{sourceId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get a conversation source */
    get: operations['getConversationSource'];
    put?: never;
    post?: never;
    /**
     * Delete a conversation source
     * @description Its meetings stay.
     */
    delete: operations['deleteConversationSource'];
    options?: never;
    head?: never;
    /**
     * Update a conversation source
     * @description Rename it or change how often it syncs.
     */
    patch: operations['updateConversationSource'];
    trace?: never;
  };
  '/api/workspaces/{workspaceId}/conversation-sources/{sourceId}/rotate-secret': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Rotate a webhook source's signing secret
     * @description The old secret stops working at once; the new one is shown once.
     */
    post: operations['rotateWebhookSourceSecret'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/workspaces/{workspaceId}/conversation-sources/gong': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Connect Gong
     * @description With an access key and secret (Basic auth) or an OAuth token. The user directory is fetched at once: the answer is `connected` with `directorySize`, or `error` with what to do. Then pick the reps with PUT .../tracked-users.
     */
    post: operations['connectGong'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/workspaces/{workspaceId}/conversation-sources/fireflies': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Connect Fireflies
     * @description With an API key. The user directory is fetched at once; then pick the reps with PUT .../tracked-users.
     */
    post: operations['connectFireflies'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/workspaces/{workspaceId}/conversation-sources/{sourceId}/credentials': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /**
     * Replace a recorder's credentials
     * @description Gong: accessKey and accessKeySecret, or accessToken; Fireflies: apiKey. The user directory is fetched again with them; tracked users stay.
     */
    put: operations['replaceConversationSourceCredentials'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/workspaces/{workspaceId}/conversation-sources/{sourceId}/users': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List a source's user directory
     * @description Each user marked tracked or not. `refresh=true` (admins) fetches it from the recorder again first.
     */
    get: operations['listConversationSourceUsers'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/workspaces/{workspaceId}/conversation-sources/{sourceId}/tracked-users': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /**
     * Set the reps whose calls are synced
     * @description Ids from the user directory; replaces the list. A connected source with someone tracked gets a sync queued.
     */
    put: operations['setConversationSourceTrackedUsers'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/workspaces/{workspaceId}/conversation-sources/{sourceId}/sync': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Sync a source's tracked users' calls now */
    post: operations['startConversationSourceSync'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/workspaces/{workspaceId}/conversations/upload': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Upload meetings as JSON or CSV
     * @description At most 5000 meetings and 10 MB. JSON: an array of meetings (id, title, startedAt, duration in seconds, participants [{ email, name }], hostEmail, transcript, url). CSV (`Content-Type: text/csv`): a header row naming those columns (title, startedAt and duration required; participants as `Name <email>; email`). Each row is checked on its own: valid rows are stored, the others listed by row and column. A row is the same meeting as before when its id is, or without an id, its title and start, so uploading a file again stores nothing twice.
     */
    post: operations['uploadConversations'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/hooks/conversations/{connectionId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Deliver a meeting to a webhook source
     * @description No session or API key (send no Authorization header): the signature is the proof. Send `X-Pandora-Timestamp: <unix seconds>` and `X-Pandora-Signature: sha256=<hex>`, the hex HMAC-SHA256 of `<timestamp>.<raw body>` keyed with the source's signing secret. Deliveries more than 5 minutes from the server clock are refused. The meeting `id` makes a delivery idempotent: the same meeting again is answered `duplicate: true`.
     */
    post: operations['deliverWebhookMeeting'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/workspaces/{workspaceId}/conversations/without-deals/{conversationId}/create-deal': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Create the missing deal of a meeting in the CRM
     * @description Creates the deal (on the meeting’s account, with its owner, stage and contacts, new or existing) as a `create_deal` action executed at once, so policies, the audit trail and undo apply. Asking again, or with the same Idempotency-Key, answers with the deal already made.
     */
    post: operations['createConversationDeal'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/workspaces/{workspaceId}/conversations': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List meetings
     * @description Recorded meetings, newest first, with their link to the CRM; keyset pagination.
     */
    get: operations['listConversations'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/workspaces/{workspaceId}/conversations/{conversationId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Get a meeting
     * @description Participants, transcript, and the linked records with method and confidence.
     */
    get: operations['getConversation'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/workspaces/{workspaceId}/conversations/{conversationId}/link': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /**
     * Link a meeting by hand
     * @description To a deal, an account or a contact (at least one). The account follows from the deal, else the contact. A manual link is never replaced by the linker. A link to a deal or an account starts the flows listening to conversation.linked.
     */
    put: operations['setConversationLink'];
    post?: never;
    /**
     * Unlink a meeting by hand
     * @description Stays unlinked (a manual empty link) unless `automatic=true`, which hands the meeting back to the linker and links it again at once.
     */
    delete: operations['removeConversationLink'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/workspaces/{workspaceId}/conversations/without-deals': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List conversations without deals
     * @description External meetings linked to an account but to no deal, not dismissed: most severe, then newest first; keyset pagination.
     */
    get: operations['listConversationGaps'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/workspaces/{workspaceId}/conversations/without-deals/summary': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Summarize conversations without deals
     * @description Open gaps by severity; deals created from gaps and gaps dismissed since the first of this month (UTC).
     */
    get: operations['getConversationGapSummary'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/workspaces/{workspaceId}/conversations/without-deals/{conversationId}/dismiss': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Dismiss a conversation without a deal
     * @description It needs no deal: it leaves the list for good, with who and why.
     */
    post: operations['dismissConversationGap'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/workspaces/{workspaceId}/config/internal-domains': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Get the internal domains
     * @description The admin’s list, and the domains the internal-meeting filter uses now with where they came from.
     */
    get: operations['getInternalDomains'];
    /**
     * Set the internal domains
     * @description Replaces the admin’s list (empty: back to the team’s domains or inference). Meetings are re-classified and re-linked in the background.
     */
    put: operations['setInternalDomains'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/workspaces/{workspaceId}/rep-managers': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List the reps’ managers
     * @description Who manages each rep, for notify_manager actions when the CRM’s owner hierarchy (Salesforce User.ManagerId) names no member; reps with neither go to the admins.
     */
    get: operations['listRepManagers'];
    /**
     * Set the reps’ managers
     * @description Replaces the whole mapping (an empty list clears it). Each rep appears once and each manager is a member of the workspace; the first entry that is not is a 400 naming it, and nothing changes.
     */
    put: operations['setRepManagers'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/workspaces/{workspaceId}/agents': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List meeting agents
     * @description Newest first.
     */
    get: operations['listAgents'];
    put?: never;
    /**
     * Create a meeting agent
     * @description A draft in shadow mode (admins). A template fills the call types and fields not given; a chosen CRM property must exist in the CRM's live deal properties.
     */
    post: operations['createAgent'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/workspaces/{workspaceId}/agents/{agentId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get a meeting agent */
    get: operations['getAgent'];
    put?: never;
    post?: never;
    /**
     * Delete a meeting agent
     * @description Its activity rows stay, without the agent; its shadow outcomes go.
     */
    delete: operations['deleteAgent'];
    options?: never;
    head?: never;
    /**
     * Update a meeting agent
     * @description Change the given parts (admins); given fields or scope replace the old ones whole. Turning autoApplyEnabled on for a field is refused with 409 trust_not_earned (details name the field) until its shadow precision reaches the agent's threshold over its minimum sample.
     */
    patch: operations['updateAgent'];
    trace?: never;
  };
  '/api/workspaces/{workspaceId}/agents/{agentId}/activate': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Activate a meeting agent
     * @description From draft, paused or error (admins); an active agent stays active. Every field it may update must have a writable CRM property of a fitting type now.
     */
    post: operations['activateAgent'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/workspaces/{workspaceId}/agents/{agentId}/pause': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Pause a meeting agent
     * @description From active or error (admins); a paused agent stays paused.
     */
    post: operations['pauseAgent'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/workspaces/{workspaceId}/agents/{agentId}/fields': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List an agent's fields with the trust each earned
     * @description Per configured field: shadow outcomes, precision over the latest ones, the threshold and minimum sample, and whether auto-apply may be switched on.
     */
    get: operations['listAgentFieldTrust'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/workspaces/{workspaceId}/agent-templates': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List agent templates and fields
     * @description Templates per call type (and MEDDICC, BANT), and every field an agent may update with its default CRM property per CRM.
     */
    get: operations['listAgentTemplates'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/workspaces/{workspaceId}/agents/{agentId}/preview': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Preview what an agent would do on a meeting
     * @description Runs the agent on the meeting writing nothing: the deal it matches, and per field the current value, the new value, its confidence, the quote it rests on, the decision and what a run would do with it; with warnings. Any status, so a draft can be tried.
     */
    post: operations['previewAgentRun'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/workspaces/{workspaceId}/agents/{agentId}/runs': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Run an active agent on a meeting now
     * @description Runs the agent on the meeting as after a link: confident values it may apply are written through the actions engine, the rest go to the inbox, an ambiguous match becomes a question; in shadow mode nothing is written. Each call is a new run with its activity row; the agent’s write for one meeting is one action, so running again after a failed write retries it and never writes a value twice.
     */
    post: operations['createAgentRun'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/workspaces/{workspaceId}/inbox': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List inbox items
     * @description Items newest first, with keyset pagination (pending unless `status` says otherwise). A member gets only their own; an admin every item, or with `assignee=me` their own and the admins’ unassigned ones.
     */
    get: operations['listInboxItems'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/workspaces/{workspaceId}/inbox/count': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Count pending inbox items
     * @description How many items wait for the caller, as the header’s badge shows.
     */
    get: operations['countInboxItems'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/workspaces/{workspaceId}/inbox/batch-approve': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Approve inbox items
     * @description Approves each item on its own, as proposed; one failing does not stop the others. Each result says what became of its item.
     */
    post: operations['batchApproveInboxItems'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/workspaces/{workspaceId}/inbox/{itemId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Get an inbox item
     * @description One item with each field’s before, after and quote.
     */
    get: operations['getInboxItem'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/workspaces/{workspaceId}/inbox/{itemId}/approve': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Approve an inbox item
     * @description Approves an item, writing its change through the actions engine: `edits` replace proposed values by field (null leaves a field out); a question takes `dealId`. A CRM failure leaves the item pending with its `error`; approving again retries.
     */
    post: operations['approveInboxItem'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/workspaces/{workspaceId}/inbox/{itemId}/reject': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Reject an inbox item
     * @description Rejects an item with a reason: its change is dismissed, never written, and an agent’s fields count as wrong for its precision.
     */
    post: operations['rejectInboxItem'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/workspaces/{workspaceId}/notification-preferences': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Get my notification preferences
     * @description Every channel × type with its mode (immediate, digest, off), defaults marked, and when digests go out.
     */
    get: operations['getNotificationPreferences'];
    /**
     * Update my notification preferences
     * @description Sets the given cells (others keep their value or default) and, optionally, the digest settings; answers the whole matrix. Critical notifications skip the digest whatever the mode.
     */
    put: operations['updateNotificationPreferences'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/workspaces/{workspaceId}/notification-deliveries': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List notification deliveries
     * @description The outbox: one row per notification and channel, with its status, attempts and last error, newest first.
     */
    get: operations['listNotificationDeliveries'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/workspaces/{workspaceId}/activity': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List agent runs
     * @description The activity timeline, newest first, with keyset pagination (pass `nextCursor` as `cursor`). Admins see every run, a member the runs on records they own (the CRM owner with the member's email).
     */
    get: operations['listActivity'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/workspaces/{workspaceId}/activity/stats': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Summarize agent runs over a period
     * @description Totals and a series by hour or day (UTC) for charts: runs, fields auto-applied, runs waiting, approval rate, failure rate, average confidence. The period defaults to the last seven days, widened to whole buckets; by hour at most 31 days, by day 366. A run counts in the bucket it was created in.
     */
    get: operations['getActivityStats'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/workspaces/{workspaceId}/activity/{activityId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Get an agent run
     * @description One run with every field it proposed and the inbox items it made.
     */
    get: operations['getActivity'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/workspaces/{workspaceId}/anomalies': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List anomalies
     * @description What the anomaly rules found, newest first; `status` picks one state.
     */
    get: operations['listAnomalies'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/workspaces/{workspaceId}/anomalies/{anomalyId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Get an anomaly with its trend
     * @description The finding, its rule's thresholds, and the value measured at each evaluation.
     */
    get: operations['getAnomaly'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/workspaces/{workspaceId}/anomalies/{anomalyId}/acknowledge': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Acknowledge an anomaly
     * @description Someone is on it: nobody is told again, its inbox alerts are settled; it still clears by itself on recovery. 409 anomaly_resolved when it is resolved.
     */
    post: operations['acknowledgeAnomaly'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/workspaces/{workspaceId}/anomalies/{anomalyId}/resolve': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Resolve an anomaly
     * @description Fixed: resolved by a person (a resolved one stays as it is). If the rule still finds the condition, its next evaluation opens a new finding.
     */
    post: operations['resolveAnomaly'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/slack/interactions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Deliver a Slack interaction
     * @description Where Slack sends button clicks and modal submissions (set it as the Slack app’s Interactivity Request URL). No session or API key: Slack’s signature is the proof (`X-Slack-Signature: v0=<hex HMAC-SHA256 of "v0:<timestamp>:<raw body>">` keyed with SLACK_SIGNING_SECRET, `X-Slack-Request-Timestamp` within 5 minutes). Answered at once; decisions are made in the background by the Slack user’s Pandora member, and the same interaction sent again (`X-Slack-Retry-Num`) is acted on once.
     */
    post: operations['deliverSlackInteraction'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/notifications/open': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Open what a notification email links to
     * @description Checks the signed link of a notification email and redirects into the console at its item; the console asks for a login as usual.
     */
    get: operations['openNotificationLink'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/workspaces/{workspaceId}/sandbox-mailbox': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List the sandbox mailbox's messages
     * @description What the sandbox's SMTP server received for this workspace, newest first: an admin sees every member's, others their own. Only where the server runs the sandbox (no SMTP_URL).
     */
    get: operations['listSandboxMailbox'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/workspaces/{workspaceId}/push/public-key': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Get the web push public key
     * @description The VAPID public key (base64url) to pass to `pushManager.subscribe` as `applicationServerKey`.
     */
    get: operations['getPushPublicKey'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/workspaces/{workspaceId}/push-subscriptions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List my push subscriptions
     * @description The browsers the caller allowed to show notifications, oldest first.
     */
    get: operations['listPushSubscriptions'];
    put?: never;
    /**
     * Subscribe this browser to push
     * @description Stores what `PushSubscription.toJSON()` gave for the caller. Subscribing the same endpoint again replaces its keys (and its owner: one browser notifies the person now using it).
     */
    post: operations['createPushSubscription'];
    /**
     * Unsubscribe this browser from push
     * @description Removes the caller’s subscription with this endpoint; `removed` is false when there was none (unsubscribing twice is harmless).
     */
    delete: operations['deletePushSubscription'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/workspaces/{workspaceId}/slack': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Get the Slack install
     * @description Whether Slack is installed, in which team, and where alerts are posted.
     */
    get: operations['getSlackInstallation'];
    put?: never;
    post?: never;
    /**
     * Remove Slack
     * @description Forgets the bot token and the member links; Slack posts not yet delivered end skipped.
     */
    delete: operations['disconnectSlack'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/workspaces/{workspaceId}/slack/install': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Start adding Slack
     * @description "Add to Slack": returns Slack's consent URL (OAuth v2, bot scopes only) with a signed state valid 10 minutes. Console sessions only: the browser coming back must be the same person.
     */
    post: operations['startSlackInstallation'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/slack/oauth/callback': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Complete adding Slack
     * @description Where Slack sends the browser back after consent: the code is traded for the bot token, and the browser goes to the workspace's Slack settings.
     */
    get: operations['completeSlackInstallation'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/workspaces/{workspaceId}/slack/token': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Install Slack with a bot token
     * @description Installs with a bot token (xoxb-...) of a Slack app the admin made, checked with Slack's auth.test; it is stored encrypted.
     */
    post: operations['connectSlackToken'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/workspaces/{workspaceId}/slack/channels': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List Slack channels
     * @description The team's public channels, by name, for picking where alerts go; the bot posts only in channels it was invited to.
     */
    get: operations['listSlackChannels'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/workspaces/{workspaceId}/slack/alerts-channel': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /**
     * Set the Slack alerts channel
     * @description Where skill results and anomaly alerts are posted (a public channel id); null stops the channel posts.
     */
    put: operations['setSlackAlertsChannel'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/workspaces/{workspaceId}/flows': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List flows
     * @description The workspace flows, the most recently changed first.
     */
    get: operations['listFlows'];
    put?: never;
    /**
     * Create a flow
     * @description A flow with its draft (admins). Nothing runs until it is published. 400 invalid_flow names each problem by its path (steps[2].config.url).
     */
    post: operations['createFlow'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/workspaces/{workspaceId}/flows/{flowId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Get a flow
     * @description The flow with its draft.
     */
    get: operations['getFlow'];
    put?: never;
    post?: never;
    /**
     * Archive a flow
     * @description The flow stops being triggered and cannot be changed; its versions and runs stay. Its open runs are stopped, as cancelFlowRun stops one, by the caller: pending and waiting runs are cancelled now (their approvals expire), a running one stops before its next step. `runs` counts both.
     */
    delete: operations['archiveFlow'];
    options?: never;
    head?: never;
    /**
     * Update a flow draft
     * @description Change the name, description or draft (trigger, steps: each replaces the old whole). Published versions do not change.
     */
    patch: operations['updateFlow'];
    trace?: never;
  };
  '/api/workspaces/{workspaceId}/flows/{flowId}/publish': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Publish a flow
     * @description Freeze the draft as the next version; new runs use it. A draft equal to the latest version answers that version (200, created false).
     */
    post: operations['publishFlow'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/workspaces/{workspaceId}/flows/{flowId}/versions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List flow versions
     * @description The published versions, newest first.
     */
    get: operations['listFlowVersions'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/workspaces/{workspaceId}/flows/{flowId}/versions/{version}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Get a flow version
     * @description One published version with its frozen definition.
     */
    get: operations['getFlowVersion'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/workspaces/{workspaceId}/flow-step-types': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List flow step types
     * @description Every step type this server runs, with its config's JSON schema (the builder's forms) and whether members' automations may use it.
     */
    get: operations['listFlowStepTypes'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/workspaces/{workspaceId}/flows/{flowId}/runs': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List flow runs
     * @description The flow's runs, newest first, a page at a time (without their steps).
     */
    get: operations['listFlowRuns'];
    put?: never;
    /**
     * Start a flow run
     * @description A manual run of the latest published version; `input` is what {{trigger.x}} reads. 409 flow_not_published, flow_archived.
     */
    post: operations['startFlowRun'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/workspaces/{workspaceId}/flow-runs/{flowRunId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Get a flow run
     * @description The run and each step's status, resolved input (secrets hidden), output, error, attempts and timing.
     */
    get: operations['getFlowRun'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/workspaces/{workspaceId}/flow-runs/{flowRunId}/cancel': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Cancel a flow run
     * @description A pending or waiting run stops now; a running one before its next step. 409 run_finished.
     */
    post: operations['cancelFlowRun'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/workspaces/{workspaceId}/flow-runs/{flowRunId}/rerun': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Rerun a flow run
     * @description A new run from the step that stopped this one, re-using the results before it, on the same version or the latest. 409 run_not_rerunnable unless failed, timed out or cancelled.
     */
    post: operations['rerunFlowRun'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/workspaces/{workspaceId}/flow-stats': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Get flow run statistics
     * @description Runs per minute, p95 run duration and failure rate over the last hour (minute buckets), day (hours) or week (6 hours), for all runs or one flow.
     */
    get: operations['getFlowStats'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/workspaces/{workspaceId}/flow-runs/{flowRunId}/steps/{stepKey}/undo': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Undo a step of a flow run
     * @description Puts back what a finished step did: CRM fields where the CRM still holds what it wrote (force: overwrite changes made since), a tag, a campaign membership it made, a deleted contact (made again from its backup). A second undo returns the first. 409 not_undoable, step_not_completed.
     */
    post: operations['undoFlowRunStep'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/workspaces/{workspaceId}/secrets': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List workspace secrets
     * @description Names and dates of the secrets flow steps may use; never their values.
     */
    get: operations['listWorkspaceSecrets'];
    put?: never;
    /**
     * Create a workspace secret
     * @description Stored encrypted; 409 secret_exists when the name is taken.
     */
    post: operations['createWorkspaceSecret'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/workspaces/{workspaceId}/secrets/{secretName}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /**
     * Replace a workspace secret
     * @description A new value for an existing secret (rotation); runs from now on use it.
     */
    put: operations['replaceWorkspaceSecret'];
    post?: never;
    /**
     * Delete a workspace secret
     * @description Steps that name it fail with a validation error until it is set again.
     */
    delete: operations['deleteWorkspaceSecret'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/workspaces/{workspaceId}/boards': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List boards
     * @description The workspace boards by name, with how many records each column holds.
     */
    get: operations['listBoards'];
    put?: never;
    /**
     * Create a board
     * @description A board of deals, contacts or accounts with its columns in order; 409 board_exists when the name is taken.
     */
    post: operations['createBoard'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/workspaces/{workspaceId}/boards/{boardId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Get a board
     * @description The board with its columns and their counts.
     */
    get: operations['getBoard'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/workspaces/{workspaceId}/boards/{boardId}/items': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List board items
     * @description The records on the board, the most recently moved first, with keyset pagination (pass `nextCursor` as `cursor`).
     */
    get: operations['listBoardItems'];
    put?: never;
    /**
     * Move a record on a board
     * @description Puts a record (Pandora's or the CRM's id) in a column, or moves it there, and records the move. Members move only records they own (403 record_out_of_scope).
     */
    post: operations['moveBoardItem'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/workspaces/{workspaceId}/boards/{boardId}/history': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List board history
     * @description Every move on the board, newest first (who or which flow run made it); `recordId` narrows to one record.
     */
    get: operations['listBoardHistory'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/hooks/flows/{flowId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Start a flow's run from a signed webhook
     * @description No session or API key (send no Authorization header): the signature is the proof. Send `X-Pandora-Timestamp: <unix seconds>` and `X-Pandora-Signature: sha256=<hex>`, the hex HMAC-SHA256 of `<timestamp>.<raw body>` keyed with the flow's webhook secret (made by rotating it). Deliveries more than 5 minutes from the server clock are refused. The JSON object sent is what the run reads as `{{trigger.x}}`. With an `Idempotency-Key`, a retried delivery answers the run the first one started.
     */
    post: operations['deliverFlowWebhook'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/workspaces/{workspaceId}/flows/{flowId}/rotate-secret': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Make or replace a flow's webhook secret
     * @description The old secret stops working at once; the new one is shown only in this answer. A flow whose published trigger is `webhook` takes deliveries at `webhookUrl` once it has one.
     */
    post: operations['rotateFlowWebhookSecret'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/workspaces/{workspaceId}/automations': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List automations
     * @description A member's own automations; an admin sees everyone's (or one member's with userId).
     */
    get: operations['listUserAutomations'];
    put?: never;
    /**
     * Create an automation
     * @description Saved and published at once; it runs on its owner's records only. Members make their own; admins may name another member in userId. Only step types allowed in automations (see flow-step-types). 400 invalid_flow names each problem by its path.
     */
    post: operations['createUserAutomation'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/workspaces/{workspaceId}/automations/{automationId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get an automation */
    get: operations['getUserAutomation'];
    put?: never;
    post?: never;
    /**
     * Delete an automation
     * @description It starts no more runs and its open runs are stopped (cancelled, or at their next step when under way); its past runs stay readable.
     */
    delete: operations['deleteUserAutomation'];
    options?: never;
    head?: never;
    /**
     * Update an automation
     * @description A changed trigger or steps publish a new version; running runs keep theirs.
     */
    patch: operations['updateUserAutomation'];
    trace?: never;
  };
  '/api/workspaces/{workspaceId}/automations/{automationId}/activate': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Activate an automation */
    post: operations['activateUserAutomation'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/workspaces/{workspaceId}/automations/{automationId}/pause': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Pause an automation */
    post: operations['pauseUserAutomation'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/workspaces/{workspaceId}/automations/{automationId}/runs': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List an automation's runs
     * @description Newest first; pass nextCursor back as cursor for the next page.
     */
    get: operations['listUserAutomationRuns'];
    put?: never;
    /**
     * Run an automation now
     * @description The run acts for the automation's owner: a record (`record`, or `input.record`) that is not theirs is refused with 403 record_out_of_scope.
     */
    post: operations['startUserAutomationRun'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/workspaces/{workspaceId}/automations/{automationId}/rotate-secret': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Make or replace an automation's webhook secret
     * @description For an automation whose trigger is `webhook`. The old secret stops working at once; the new one is shown only here.
     */
    post: operations['rotateUserAutomationSecret'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/graphql/schema.graphql': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Get the GraphQL schema
     * @description The schema served at /graphql, in the GraphQL schema language (SDL), for client generators. A 404 (introspection_disabled) when PANDORA_GRAPHQL_INTROSPECTION is false.
     */
    get: operations['getGraphqlSchema'];
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
    /** Error */
    ErrorBody: {
      error: {
        /** @description Stable machine-readable code, e.g. validation_failed */
        code: string;
        message: string;
        /** @description What was wrong: [{ field, message }] for validation, else an object ({} when nothing to add) */
        details: unknown;
      };
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
  getLiveness: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @enum {string} */
            status: 'ok';
          };
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  getReadiness: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @enum {string} */
            status: 'ready';
            migration: number;
          };
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description migrations_pending or database_unavailable: not ready for traffic */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  createSession: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** Format: email */
          email: string;
          password: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            user: {
              /** Format: uuid */
              id: string;
              email: string;
              name: string;
            } | null;
            apiKey?: {
              /** Format: uuid */
              id: string;
              name: string;
              role: 'admin' | 'member';
            };
            workspaces: {
              /** Format: uuid */
              id: string;
              name: string;
              slug: string;
              isDemo: boolean;
              role: 'admin' | 'member';
              /** Format: date-time */
              createdAt: string;
            }[];
          };
        };
      };
      /** @description The request is not valid (validation_failed names each field in details; malformed_json...) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The caller may not do this (forbidden: admins only; cross_site_request; user_session_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description payload_too_large: the body is over 1 MiB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description unsupported_media_type: send the body as application/json */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  deleteSession: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The caller may not do this (forbidden: admins only; cross_site_request; user_session_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  getMe: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            user: {
              /** Format: uuid */
              id: string;
              email: string;
              name: string;
            } | null;
            apiKey?: {
              /** Format: uuid */
              id: string;
              name: string;
              role: 'admin' | 'member';
            };
            workspaces: {
              /** Format: uuid */
              id: string;
              name: string;
              slug: string;
              isDemo: boolean;
              role: 'admin' | 'member';
              /** Format: date-time */
              createdAt: string;
            }[];
          };
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  getWorkspace: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        workspaceId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            workspace: {
              /** Format: uuid */
              id: string;
              name: string;
              slug: string;
              isDemo: boolean;
              role: 'admin' | 'member';
              /** Format: date-time */
              createdAt: string;
            };
          };
        };
      };
      /** @description The request is not valid (validation_failed names each field in details; malformed_json...) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The workspace or the thing named in the path is not there, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  getWorkspaceOverview: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        workspaceId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            workspace: {
              /** Format: uuid */
              id: string;
              name: string;
              slug: string;
              isDemo: boolean;
              role: 'admin' | 'member';
              /** Format: date-time */
              createdAt: string;
            };
            counts: {
              accounts: number;
              contacts: number;
              deals: number;
              openDeals: number;
              openPipelineAmount: number;
              meetings: number;
            };
            connections: {
              /** Format: uuid */
              id: string;
              crmType: 'hubspot' | 'salesforce';
              /** @description `sandbox`: the built-in CRM emulator, made by the server */
              kind: 'crm' | 'sandbox';
              name: string;
              status: 'pending' | 'connected' | 'error' | 'disconnected';
              statusMessage: string | null;
              hasCredentials: boolean;
              stageMapping: {
                [key: string]: string;
              };
              metadata: {
                [key: string]: unknown;
              };
              lastSyncAt: string | null;
              syncIntervalHours: number;
              /** Format: date-time */
              createdAt: string;
              /** Format: date-time */
              updatedAt: string;
            }[];
          };
        };
      };
      /** @description The request is not valid (validation_failed names each field in details; malformed_json...) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The workspace or the thing named in the path is not there, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  listMembers: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        workspaceId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            members: {
              /** Format: uuid */
              userId: string;
              email: string;
              name: string;
              role: 'admin' | 'member';
              /** Format: date-time */
              createdAt: string;
            }[];
          };
        };
      };
      /** @description The request is not valid (validation_failed names each field in details; malformed_json...) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The workspace or the thing named in the path is not there, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  removeMember: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        workspaceId: string;
        userId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description The request is not valid (validation_failed names each field in details; malformed_json...) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The caller may not do this (forbidden: admins only; cross_site_request; user_session_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The workspace or the thing named in the path is not there, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The request conflicts with the current state; the code says how */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  updateMember: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        workspaceId: string;
        userId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          role: 'admin' | 'member';
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            member: {
              /** Format: uuid */
              userId: string;
              email: string;
              name: string;
              role: 'admin' | 'member';
              /** Format: date-time */
              createdAt: string;
            };
          };
        };
      };
      /** @description The request is not valid (validation_failed names each field in details; malformed_json...) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The caller may not do this (forbidden: admins only; cross_site_request; user_session_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The workspace or the thing named in the path is not there, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The request conflicts with the current state; the code says how */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description payload_too_large: the body is over 1 MiB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description unsupported_media_type: send the body as application/json */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  listInvitations: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        workspaceId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            invitations: {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              workspaceId: string;
              email: string;
              role: 'admin' | 'member';
              invitedBy: {
                /** Format: uuid */
                id: string;
                email: string;
              } | null;
              /** Format: date-time */
              createdAt: string;
              /** Format: date-time */
              expiresAt: string;
            }[];
          };
        };
      };
      /** @description The request is not valid (validation_failed names each field in details; malformed_json...) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The caller may not do this (forbidden: admins only; cross_site_request; user_session_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The workspace or the thing named in the path is not there, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  createInvitation: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        workspaceId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** Format: email */
          email: string;
          role: 'admin' | 'member';
        };
      };
    };
    responses: {
      /** @description Default Response */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            invitation: {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              workspaceId: string;
              email: string;
              role: 'admin' | 'member';
              invitedBy: {
                /** Format: uuid */
                id: string;
                email: string;
              } | null;
              /** Format: date-time */
              createdAt: string;
              /** Format: date-time */
              expiresAt: string;
            };
            /** @description The link to send; shown only here */
            inviteUrl: string;
          };
        };
      };
      /** @description The request is not valid (validation_failed names each field in details; malformed_json...) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The caller may not do this (forbidden: admins only; cross_site_request; user_session_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The workspace or the thing named in the path is not there, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The request conflicts with the current state; the code says how */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description payload_too_large: the body is over 1 MiB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description unsupported_media_type: send the body as application/json */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  revokeInvitation: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        workspaceId: string;
        invitationId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description The request is not valid (validation_failed names each field in details; malformed_json...) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The caller may not do this (forbidden: admins only; cross_site_request; user_session_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The workspace or the thing named in the path is not there, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  listMyInvitations: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            invitations: {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              workspaceId: string;
              email: string;
              role: 'admin' | 'member';
              invitedBy: {
                /** Format: uuid */
                id: string;
                email: string;
              } | null;
              /** Format: date-time */
              createdAt: string;
              /** Format: date-time */
              expiresAt: string;
              workspaceName: string;
            }[];
          };
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The caller may not do this (forbidden: admins only; cross_site_request; user_session_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  acceptMyInvitation: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        invitationId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            workspace: {
              /** Format: uuid */
              id: string;
              name: string;
              role: 'admin' | 'member';
            };
          };
        };
      };
      /** @description The request is not valid (validation_failed names each field in details; malformed_json...) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The caller may not do this (forbidden: admins only; cross_site_request; user_session_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The workspace or the thing named in the path is not there, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  declineMyInvitation: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        invitationId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description The request is not valid (validation_failed names each field in details; malformed_json...) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The caller may not do this (forbidden: admins only; cross_site_request; user_session_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The workspace or the thing named in the path is not there, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  lookUpInvitation: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @description The token from the invitation link (the part after `#`) */
          token: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            invitation: {
              email: string;
              role: 'admin' | 'member';
              workspaceName: string;
              /** Format: date-time */
              expiresAt: string;
            };
          };
        };
      };
      /** @description The request is not valid (validation_failed names each field in details; malformed_json...) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The caller may not do this (forbidden: admins only; cross_site_request; user_session_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The workspace or the thing named in the path is not there, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description payload_too_large: the body is over 1 MiB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description unsupported_media_type: send the body as application/json */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  acceptInvitation: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @description The token from the invitation link (the part after `#`) */
          token: string;
          password: string;
          name?: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            workspace: {
              /** Format: uuid */
              id: string;
              name: string;
              role: 'admin' | 'member';
            };
          };
        };
      };
      /** @description The request is not valid (validation_failed names each field in details; malformed_json...) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The caller may not do this (forbidden: admins only; cross_site_request; user_session_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The workspace or the thing named in the path is not there, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The request conflicts with the current state; the code says how */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description payload_too_large: the body is over 1 MiB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description unsupported_media_type: send the body as application/json */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  listApiKeys: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        workspaceId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            apiKeys: {
              /** Format: uuid */
              id: string;
              name: string;
              role: 'admin' | 'member';
              /** @description First characters of the key, to recognise it */
              prefix: string;
              /** Format: date-time */
              createdAt: string;
              lastUsedAt: string | null;
              revokedAt: string | null;
              createdBy: {
                /** Format: uuid */
                id: string;
                email: string;
              } | null;
            }[];
          };
        };
      };
      /** @description The request is not valid (validation_failed names each field in details; malformed_json...) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The workspace or the thing named in the path is not there, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  createApiKey: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        workspaceId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          name: string;
          role?: 'admin' | 'member';
        };
      };
    };
    responses: {
      /** @description Default Response */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            apiKey: {
              /** Format: uuid */
              id: string;
              name: string;
              role: 'admin' | 'member';
              /** @description First characters of the key, to recognise it */
              prefix: string;
              /** Format: date-time */
              createdAt: string;
              lastUsedAt: string | null;
              revokedAt: string | null;
              createdBy: {
                /** Format: uuid */
                id: string;
                email: string;
              } | null;
            };
            secret: string;
          };
        };
      };
      /** @description The request is not valid (validation_failed names each field in details; malformed_json...) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The caller may not do this (forbidden: admins only; cross_site_request; user_session_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The workspace or the thing named in the path is not there, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description payload_too_large: the body is over 1 MiB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description unsupported_media_type: send the body as application/json */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  revokeApiKey: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        workspaceId: string;
        keyId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            apiKey: {
              /** Format: uuid */
              id: string;
              name: string;
              role: 'admin' | 'member';
              /** @description First characters of the key, to recognise it */
              prefix: string;
              /** Format: date-time */
              createdAt: string;
              lastUsedAt: string | null;
              revokedAt: string | null;
              createdBy: {
                /** Format: uuid */
                id: string;
                email: string;
              } | null;
            };
          };
        };
      };
      /** @description The request is not valid (validation_failed names each field in details; malformed_json...) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The caller may not do this (forbidden: admins only; cross_site_request; user_session_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The workspace or the thing named in the path is not there, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  listConnections: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        workspaceId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            connections: {
              /** Format: uuid */
              id: string;
              crmType: 'hubspot' | 'salesforce';
              /** @description `sandbox`: the built-in CRM emulator, made by the server */
              kind: 'crm' | 'sandbox';
              name: string;
              status: 'pending' | 'connected' | 'error' | 'disconnected';
              statusMessage: string | null;
              hasCredentials: boolean;
              stageMapping: {
                [key: string]: string;
              };
              metadata: {
                [key: string]: unknown;
              };
              lastSyncAt: string | null;
              syncIntervalHours: number;
              /** Format: date-time */
              createdAt: string;
              /** Format: date-time */
              updatedAt: string;
            }[];
          };
        };
      };
      /** @description The request is not valid (validation_failed names each field in details; malformed_json...) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The workspace or the thing named in the path is not there, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  createConnection: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        workspaceId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          crmType: 'hubspot' | 'salesforce';
          name: string;
          credentials?: {
            [key: string]: unknown;
          };
          metadata?: {
            [key: string]: unknown;
          };
        };
      };
    };
    responses: {
      /** @description Default Response */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            connection: {
              /** Format: uuid */
              id: string;
              crmType: 'hubspot' | 'salesforce';
              /** @description `sandbox`: the built-in CRM emulator, made by the server */
              kind: 'crm' | 'sandbox';
              name: string;
              status: 'pending' | 'connected' | 'error' | 'disconnected';
              statusMessage: string | null;
              hasCredentials: boolean;
              stageMapping: {
                [key: string]: string;
              };
              metadata: {
                [key: string]: unknown;
              };
              lastSyncAt: string | null;
              syncIntervalHours: number;
              /** Format: date-time */
              createdAt: string;
              /** Format: date-time */
              updatedAt: string;
            };
          };
        };
      };
      /** @description The request is not valid (validation_failed names each field in details; malformed_json...) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The caller may not do this (forbidden: admins only; cross_site_request; user_session_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The workspace or the thing named in the path is not there, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description payload_too_large: the body is over 1 MiB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description unsupported_media_type: send the body as application/json */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  getConnection: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        workspaceId: string;
        connectionId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            connection: {
              /** Format: uuid */
              id: string;
              crmType: 'hubspot' | 'salesforce';
              /** @description `sandbox`: the built-in CRM emulator, made by the server */
              kind: 'crm' | 'sandbox';
              name: string;
              status: 'pending' | 'connected' | 'error' | 'disconnected';
              statusMessage: string | null;
              hasCredentials: boolean;
              stageMapping: {
                [key: string]: string;
              };
              metadata: {
                [key: string]: unknown;
              };
              lastSyncAt: string | null;
              syncIntervalHours: number;
              /** Format: date-time */
              createdAt: string;
              /** Format: date-time */
              updatedAt: string;
            };
          };
        };
      };
      /** @description The request is not valid (validation_failed names each field in details; malformed_json...) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The workspace or the thing named in the path is not there, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  deleteConnection: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        workspaceId: string;
        connectionId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description The request is not valid (validation_failed names each field in details; malformed_json...) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The caller may not do this (forbidden: admins only; cross_site_request; user_session_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The workspace or the thing named in the path is not there, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  updateConnection: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        workspaceId: string;
        connectionId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          name?: string;
          syncIntervalHours?: number;
          stageMapping?: {
            [key: string]:
              | 'prospecting'
              | 'qualification'
              | 'discovery'
              | 'evaluation'
              | 'proposal'
              | 'negotiation'
              | 'closed_won'
              | 'closed_lost';
          };
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            connection: {
              /** Format: uuid */
              id: string;
              crmType: 'hubspot' | 'salesforce';
              /** @description `sandbox`: the built-in CRM emulator, made by the server */
              kind: 'crm' | 'sandbox';
              name: string;
              status: 'pending' | 'connected' | 'error' | 'disconnected';
              statusMessage: string | null;
              hasCredentials: boolean;
              stageMapping: {
                [key: string]: string;
              };
              metadata: {
                [key: string]: unknown;
              };
              lastSyncAt: string | null;
              syncIntervalHours: number;
              /** Format: date-time */
              createdAt: string;
              /** Format: date-time */
              updatedAt: string;
            };
          };
        };
      };
      /** @description The request is not valid (validation_failed names each field in details; malformed_json...) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The caller may not do this (forbidden: admins only; cross_site_request; user_session_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The workspace or the thing named in the path is not there, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description payload_too_large: the body is over 1 MiB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description unsupported_media_type: send the body as application/json */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  testConnection: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        workspaceId: string;
        connectionId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            connection: {
              /** Format: uuid */
              id: string;
              crmType: 'hubspot' | 'salesforce';
              /** @description `sandbox`: the built-in CRM emulator, made by the server */
              kind: 'crm' | 'sandbox';
              name: string;
              status: 'pending' | 'connected' | 'error' | 'disconnected';
              statusMessage: string | null;
              hasCredentials: boolean;
              stageMapping: {
                [key: string]: string;
              };
              metadata: {
                [key: string]: unknown;
              };
              lastSyncAt: string | null;
              syncIntervalHours: number;
              /** Format: date-time */
              createdAt: string;
              /** Format: date-time */
              updatedAt: string;
            };
          };
        };
      };
      /** @description The request is not valid (validation_failed names each field in details; malformed_json...) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The caller may not do this (forbidden: admins only; cross_site_request; user_session_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The workspace or the thing named in the path is not there, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The request conflicts with the current state; the code says how */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  disconnectConnection: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        workspaceId: string;
        connectionId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            connection: {
              /** Format: uuid */
              id: string;
              crmType: 'hubspot' | 'salesforce';
              /** @description `sandbox`: the built-in CRM emulator, made by the server */
              kind: 'crm' | 'sandbox';
              name: string;
              status: 'pending' | 'connected' | 'error' | 'disconnected';
              statusMessage: string | null;
              hasCredentials: boolean;
              stageMapping: {
                [key: string]: string;
              };
              metadata: {
                [key: string]: unknown;
              };
              lastSyncAt: string | null;
              syncIntervalHours: number;
              /** Format: date-time */
              createdAt: string;
              /** Format: date-time */
              updatedAt: string;
            };
          };
        };
      };
      /** @description The request is not valid (validation_failed names each field in details; malformed_json...) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The caller may not do this (forbidden: admins only; cross_site_request; user_session_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The workspace or the thing named in the path is not there, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  getConnectionUsage: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        workspaceId: string;
        connectionId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            usage: {
              /** Format: uuid */
              connectionId: string;
              /**
               * Format: date
               * @description In the CRM account's time zone
               */
              day: string;
              usedToday: number;
              dailyLimit: number | null;
              percent: number | null;
              pausedUntil: string | null;
              dailyExhaustedUntil: string | null;
              last429At: string | null;
              last429Policy: string | null;
              warnedAt: string | null;
              reportedAt: string | null;
            } | null;
          };
        };
      };
      /** @description The request is not valid (validation_failed names each field in details; malformed_json...) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The workspace or the thing named in the path is not there, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  startSync: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        workspaceId: string;
        connectionId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          mode?: 'full' | 'incremental';
        };
      };
    };
    responses: {
      /** @description Default Response */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            jobId: string;
          };
        };
      };
      /** @description The request is not valid (validation_failed names each field in details; malformed_json...) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The caller may not do this (forbidden: admins only; cross_site_request; user_session_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The workspace or the thing named in the path is not there, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The request conflicts with the current state; the code says how */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description payload_too_large: the body is over 1 MiB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description unsupported_media_type: send the body as application/json */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  listSyncRuns: {
    parameters: {
      query?: {
        limit?: number;
      };
      header?: never;
      path: {
        workspaceId: string;
        connectionId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            runs: {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              connectionId: string;
              mode: 'full' | 'incremental';
              trigger: string;
              status: 'running' | 'succeeded' | 'partial' | 'failed';
              counts: {
                owners?: {
                  created: number;
                  updated: number;
                  unchanged: number;
                };
                accounts?: {
                  fetched: number;
                  created: number;
                  updated: number;
                  unchanged: number;
                };
                contacts?: {
                  fetched: number;
                  created: number;
                  updated: number;
                  unchanged: number;
                };
                deals?: {
                  fetched: number;
                  created: number;
                  updated: number;
                  unchanged: number;
                };
                dealContacts?: {
                  added: number;
                  removed: number;
                };
                stageChanges?: number;
              } & {
                [key: string]: unknown;
              };
              crmCalls: number;
              errors: ({
                objectType: string | null;
                message: string;
                kind: string | null;
              } & {
                [key: string]: unknown;
              })[];
              /** Format: date-time */
              startedAt: string;
              finishedAt: string | null;
              durationMs: number | null;
            }[];
          };
        };
      };
      /** @description The request is not valid (validation_failed names each field in details; malformed_json...) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The workspace or the thing named in the path is not there, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  getSyncRun: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        workspaceId: string;
        runId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            run: {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              connectionId: string;
              mode: 'full' | 'incremental';
              trigger: string;
              status: 'running' | 'succeeded' | 'partial' | 'failed';
              counts: {
                owners?: {
                  created: number;
                  updated: number;
                  unchanged: number;
                };
                accounts?: {
                  fetched: number;
                  created: number;
                  updated: number;
                  unchanged: number;
                };
                contacts?: {
                  fetched: number;
                  created: number;
                  updated: number;
                  unchanged: number;
                };
                deals?: {
                  fetched: number;
                  created: number;
                  updated: number;
                  unchanged: number;
                };
                dealContacts?: {
                  added: number;
                  removed: number;
                };
                stageChanges?: number;
              } & {
                [key: string]: unknown;
              };
              crmCalls: number;
              errors: ({
                objectType: string | null;
                message: string;
                kind: string | null;
              } & {
                [key: string]: unknown;
              })[];
              /** Format: date-time */
              startedAt: string;
              finishedAt: string | null;
              durationMs: number | null;
            };
          };
        };
      };
      /** @description The request is not valid (validation_failed names each field in details; malformed_json...) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The workspace or the thing named in the path is not there, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  listCrmWrites: {
    parameters: {
      query?: {
        objectType?: 'deal' | 'contact' | 'account';
        recordId?: string;
        field?: string;
        originType?: 'action' | 'writeback' | 'flow' | 'person' | 'undo' | 'system';
        originId?: string;
        status?: 'pending' | 'written' | 'unchanged' | 'failed';
        connectionId?: string;
        since?: string;
        until?: string;
        before?: number;
        limit?: number;
      };
      header?: never;
      path: {
        workspaceId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            writes: {
              id: number;
              connectionId: string | null;
              crmType: 'hubspot' | 'salesforce';
              objectType: 'deal' | 'contact' | 'account';
              recordId: string;
              field: string;
              valueBefore: string | number | boolean | null;
              valueToWrite:
                | string
                | number
                | boolean
                | null
                | {
                    [key: string]: unknown;
                  };
              originType: 'action' | 'writeback' | 'flow' | 'person' | 'undo' | 'system';
              originId: string | null;
              actor: string | null;
              status: 'pending' | 'written' | 'unchanged' | 'failed';
              attempts: number;
              error:
                | ({
                    kind: string;
                    message: string;
                    crmCode: string | null;
                    field: string | null;
                  } & {
                    [key: string]: unknown;
                  })
                | null;
              settledBy: string | null;
              /** Format: date-time */
              createdAt: string;
              settledAt: string | null;
            }[];
            nextCursor: number | null;
          };
        };
      };
      /** @description The request is not valid (validation_failed names each field in details; malformed_json...) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The workspace or the thing named in the path is not there, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  connectHubspot: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        workspaceId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          name: string;
          /** @description Private app token */
          accessToken: string;
          tier?: 'free' | 'starter' | 'professional' | 'enterprise';
        };
      };
    };
    responses: {
      /** @description Default Response */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            connection: {
              /** Format: uuid */
              id: string;
              crmType: 'hubspot' | 'salesforce';
              /** @description `sandbox`: the built-in CRM emulator, made by the server */
              kind: 'crm' | 'sandbox';
              name: string;
              status: 'pending' | 'connected' | 'error' | 'disconnected';
              statusMessage: string | null;
              hasCredentials: boolean;
              stageMapping: {
                [key: string]: string;
              };
              metadata: {
                [key: string]: unknown;
              };
              lastSyncAt: string | null;
              syncIntervalHours: number;
              /** Format: date-time */
              createdAt: string;
              /** Format: date-time */
              updatedAt: string;
            };
          };
        };
      };
      /** @description The request is not valid (validation_failed names each field in details; malformed_json...) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The caller may not do this (forbidden: admins only; cross_site_request; user_session_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The workspace or the thing named in the path is not there, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description payload_too_large: the body is over 1 MiB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description unsupported_media_type: send the body as application/json */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  connectSalesforce: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        workspaceId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          name: string;
          /** Format: uri */
          instanceUrl: string;
          accessToken: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            connection: {
              /** Format: uuid */
              id: string;
              crmType: 'hubspot' | 'salesforce';
              /** @description `sandbox`: the built-in CRM emulator, made by the server */
              kind: 'crm' | 'sandbox';
              name: string;
              status: 'pending' | 'connected' | 'error' | 'disconnected';
              statusMessage: string | null;
              hasCredentials: boolean;
              stageMapping: {
                [key: string]: string;
              };
              metadata: {
                [key: string]: unknown;
              };
              lastSyncAt: string | null;
              syncIntervalHours: number;
              /** Format: date-time */
              createdAt: string;
              /** Format: date-time */
              updatedAt: string;
            };
          };
        };
      };
      /** @description The request is not valid (validation_failed names each field in details; malformed_json...) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The caller may not do this (forbidden: admins only; cross_site_request; user_session_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The workspace or the thing named in the path is not there, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description payload_too_large: the body is over 1 MiB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description unsupported_media_type: send the body as application/json */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  connectSandbox: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        workspaceId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          crmType: 'hubspot' | 'salesforce';
          name?: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            connection: {
              /** Format: uuid */
              id: string;
              crmType: 'hubspot' | 'salesforce';
              /** @description `sandbox`: the built-in CRM emulator, made by the server */
              kind: 'crm' | 'sandbox';
              name: string;
              status: 'pending' | 'connected' | 'error' | 'disconnected';
              statusMessage: string | null;
              hasCredentials: boolean;
              stageMapping: {
                [key: string]: string;
              };
              metadata: {
                [key: string]: unknown;
              };
              lastSyncAt: string | null;
              syncIntervalHours: number;
              /** Format: date-time */
              createdAt: string;
              /** Format: date-time */
              updatedAt: string;
            };
          };
        };
      };
      /** @description The request is not valid (validation_failed names each field in details; malformed_json...) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The caller may not do this (forbidden: admins only; cross_site_request; user_session_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The workspace or the thing named in the path is not there, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The request conflicts with the current state; the code says how */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description payload_too_large: the body is over 1 MiB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description unsupported_media_type: send the body as application/json */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  replaceConnectionCredentials: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        workspaceId: string;
        connectionId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json':
          | {
              /** @description Private app token */
              accessToken: string;
              tier?: 'free' | 'starter' | 'professional' | 'enterprise';
            }
          | {
              /** Format: uri */
              instanceUrl: string;
              accessToken: string;
            };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            connection: {
              /** Format: uuid */
              id: string;
              crmType: 'hubspot' | 'salesforce';
              /** @description `sandbox`: the built-in CRM emulator, made by the server */
              kind: 'crm' | 'sandbox';
              name: string;
              status: 'pending' | 'connected' | 'error' | 'disconnected';
              statusMessage: string | null;
              hasCredentials: boolean;
              stageMapping: {
                [key: string]: string;
              };
              metadata: {
                [key: string]: unknown;
              };
              lastSyncAt: string | null;
              syncIntervalHours: number;
              /** Format: date-time */
              createdAt: string;
              /** Format: date-time */
              updatedAt: string;
            };
          };
        };
      };
      /** @description The request is not valid (validation_failed names each field in details; malformed_json...) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The caller may not do this (forbidden: admins only; cross_site_request; user_session_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The workspace or the thing named in the path is not there, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The request conflicts with the current state; the code says how */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description payload_too_large: the body is over 1 MiB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description unsupported_media_type: send the body as application/json */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  startOAuthConnection: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        workspaceId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          crmType: 'hubspot' | 'salesforce';
          name: string;
          tier?: 'free' | 'starter' | 'professional' | 'enterprise';
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            authorizeUrl: string;
          };
        };
      };
      /** @description The request is not valid (validation_failed names each field in details; malformed_json...) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The caller may not do this (forbidden: admins only; cross_site_request; user_session_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The workspace or the thing named in the path is not there, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The request conflicts with the current state; the code says how */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description payload_too_large: the body is over 1 MiB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description unsupported_media_type: send the body as application/json */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  completeOAuthConnection: {
    parameters: {
      query: {
        code?: string;
        state: string;
        error?: string;
        error_description?: string;
      };
      header?: never;
      path: {
        crmType: 'hubspot' | 'salesforce';
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      302: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description The request is not valid (validation_failed names each field in details; malformed_json...) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The caller may not do this (forbidden: admins only; cross_site_request; user_session_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  listDeals: {
    parameters: {
      query?: {
        limit?: number;
        after?: string;
        stage?:
          | 'prospecting'
          | 'qualification'
          | 'discovery'
          | 'evaluation'
          | 'proposal'
          | 'negotiation'
          | 'closed_won'
          | 'closed_lost';
        ownerId?: string;
      };
      header?: never;
      path: {
        workspaceId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            deals: {
              /** Format: uuid */
              id: string;
              source: string;
              sourceId: string;
              name: string;
              amount: number | null;
              closeDate: string | null;
              pipeline: string | null;
              stage: string | null;
              stageNormalized: string | null;
              accountId: string | null;
              accountName: string | null;
              ownerId: string | null;
              ownerEmail: string | null;
              nextStep: string | null;
              lastActivityAt: string | null;
              /** Format: date-time */
              updatedAt: string;
            }[];
            nextCursor: string | null;
          };
        };
      };
      /** @description The request is not valid (validation_failed names each field in details; malformed_json...) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The workspace or the thing named in the path is not there, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  getDeal: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        workspaceId: string;
        dealId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            deal: {
              /** Format: uuid */
              id: string;
              source: string;
              sourceId: string;
              name: string;
              amount: number | null;
              closeDate: string | null;
              pipeline: string | null;
              stage: string | null;
              stageNormalized: string | null;
              accountId: string | null;
              accountName: string | null;
              ownerId: string | null;
              ownerEmail: string | null;
              nextStep: string | null;
              lastActivityAt: string | null;
              /** Format: date-time */
              updatedAt: string;
            };
          };
        };
      };
      /** @description The request is not valid (validation_failed names each field in details; malformed_json...) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The workspace or the thing named in the path is not there, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  listFailedJobs: {
    parameters: {
      query?: {
        limit?: number;
      };
      header?: never;
      path: {
        workspaceId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            failedJobs: {
              id: number;
              jobId: string;
              task: string;
              payload: unknown;
              attempts: number;
              lastError: string;
              /** Format: date-time */
              failedAt: string;
            }[];
          };
        };
      };
      /** @description The request is not valid (validation_failed names each field in details; malformed_json...) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The workspace or the thing named in the path is not there, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  getDealActivity: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        workspaceId: string;
        dealId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @description Oldest first */
            stageHistory: {
              fromStage: string | null;
              toStage: string;
              /** Format: date-time */
              changedAt: string;
            }[];
            scores: {
              /** @description A computed field: deal_score, deal_risk... */
              field: string;
              value: unknown;
              /** @description Why: the factors behind the value */
              factors: unknown;
              /** Format: date-time */
              computedAt: string;
              /** Format: date-time */
              changedAt: string;
            }[];
            /** @description Newest first, at most 100 */
            meetings: {
              /** Format: uuid */
              id: string;
              title: string;
              source: string;
              /** Format: date-time */
              startedAt: string;
              durationSeconds: number;
              linkMethod: string | null;
              linkConfidence: number | null;
            }[];
          };
        };
      };
      /** @description The request is not valid (validation_failed names each field in details; malformed_json...) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The workspace or the thing named in the path is not there, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  listPipelineStages: {
    parameters: {
      query?: {
        /** @description hubspot or salesforce */
        source?: string;
      };
      header?: never;
      path: {
        workspaceId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            stages: {
              /** @description The CRM: hubspot or salesforce */
              source: string;
              pipelineId: string;
              pipelineLabel: string;
              stageId: string;
              stageLabel: string;
              displayOrder: number;
              isClosed: boolean;
              isWon: boolean;
              stageNormalized: string;
            }[];
          };
        };
      };
      /** @description The request is not valid (validation_failed names each field in details; malformed_json...) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The workspace or the thing named in the path is not there, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  listSkills: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        workspaceId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            skills: {
              name: string;
              description: string;
              lastRun: {
                /** Format: uuid */
                id: string;
                skill: string;
                trigger: string;
                actor: string | null;
                /** @description running, succeeded or failed */
                status: string;
                /** Format: date-time */
                asOf: string;
                options: {
                  [key: string]: unknown;
                };
                counts: {
                  candidates?: number;
                  proposed?: number;
                  created?: number;
                  updated?: number;
                  skipped?: number;
                  suppressed?: number;
                  closed?: number;
                  /** @description What the skill's checks counted (data-quality-audit) */
                  checks?: {
                    /** @description Meetings without a deal, open now, by severity */
                    conversationCoverage?: {
                      high: number;
                      medium: number;
                      low: number;
                    };
                  };
                };
                error: string | null;
                /** Format: date-time */
                startedAt: string;
                finishedAt: string | null;
              } | null;
            }[];
          };
        };
      };
      /** @description The request is not valid (validation_failed names each field in details; malformed_json...) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The workspace or the thing named in the path is not there, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  runSkill: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        workspaceId: string;
        /** @description e.g. stale-deals */
        skill: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /**
           * Format: date-time
           * @description Compute as of this instant instead of the present
           */
          now?: string;
          /** @description The skill's options, e.g. { limit: 20 } */
          options?: {
            [key: string]: unknown;
          };
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** Format: uuid */
            runId: string;
            proposed: number;
            created: number;
            updated: number;
            /** @description Records that qualified before the top-N cut */
            candidates: number;
            /** @description Records that qualified but had no deal to target */
            skipped: number;
            /** @description Proposals left out: their action is being executed, was dismissed or undone in the last 30 days, or executed in the last 7 */
            suppressed: number;
            /** @description This skill's open actions dismissed because their record no longer qualifies */
            closed: number;
            /** @description What the skill's checks counted (data-quality-audit) */
            checks?: {
              /** @description Meetings without a deal, open now, by severity */
              conversationCoverage?: {
                high: number;
                medium: number;
                low: number;
              };
            };
          };
        };
      };
      /** @description The request is not valid (validation_failed names each field in details; malformed_json...) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The caller may not do this (forbidden: admins only; cross_site_request; user_session_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The workspace or the thing named in the path is not there, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description payload_too_large: the body is over 1 MiB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description unsupported_media_type: send the body as application/json */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  listQuotaPeriods: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        workspaceId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            periods: {
              /** Format: uuid */
              id: string;
              name: string;
              /**
               * Format: date
               * @description YYYY-MM-DD
               */
              startsOn: string;
              /**
               * Format: date
               * @description YYYY-MM-DD
               */
              endsOn: string;
              quotas: number;
              /** Format: date-time */
              createdAt: string;
            }[];
          };
        };
      };
      /** @description The request is not valid (validation_failed names each field in details; malformed_json...) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The workspace or the thing named in the path is not there, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  createQuotaPeriod: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        workspaceId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @description e.g. Q3 2025 */
          name: string;
          /**
           * Format: date
           * @description YYYY-MM-DD
           */
          startsOn: string;
          /**
           * Format: date
           * @description Inclusive
           */
          endsOn: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            period: {
              /** Format: uuid */
              id: string;
              name: string;
              /**
               * Format: date
               * @description YYYY-MM-DD
               */
              startsOn: string;
              /**
               * Format: date
               * @description YYYY-MM-DD
               */
              endsOn: string;
              quotas: number;
              /** Format: date-time */
              createdAt: string;
            };
          };
        };
      };
      /** @description The request is not valid (validation_failed names each field in details; malformed_json...) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The caller may not do this (forbidden: admins only; cross_site_request; user_session_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The workspace or the thing named in the path is not there, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The request conflicts with the current state; the code says how */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description payload_too_large: the body is over 1 MiB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description unsupported_media_type: send the body as application/json */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  deleteQuotaPeriod: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        workspaceId: string;
        periodId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description The request is not valid (validation_failed names each field in details; malformed_json...) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The caller may not do this (forbidden: admins only; cross_site_request; user_session_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The workspace or the thing named in the path is not there, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  listQuotas: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        workspaceId: string;
        periodId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            quotas: {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              periodId: string;
              ownerId: string | null;
              ownerEmail: string | null;
              ownerName: string | null;
              amount: number;
              /** Format: date-time */
              createdAt: string;
              /** Format: date-time */
              updatedAt: string;
            }[];
          };
        };
      };
      /** @description The request is not valid (validation_failed names each field in details; malformed_json...) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The workspace or the thing named in the path is not there, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  setQuota: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        workspaceId: string;
        periodId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** Format: uuid */
          ownerId?: string;
          /** Format: email */
          ownerEmail?: string;
          amount: number;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            quota: {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              periodId: string;
              ownerId: string | null;
              ownerEmail: string | null;
              ownerName: string | null;
              amount: number;
              /** Format: date-time */
              createdAt: string;
              /** Format: date-time */
              updatedAt: string;
            };
          };
        };
      };
      /** @description Default Response */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            quota: {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              periodId: string;
              ownerId: string | null;
              ownerEmail: string | null;
              ownerName: string | null;
              amount: number;
              /** Format: date-time */
              createdAt: string;
              /** Format: date-time */
              updatedAt: string;
            };
          };
        };
      };
      /** @description The request is not valid (validation_failed names each field in details; malformed_json...) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The caller may not do this (forbidden: admins only; cross_site_request; user_session_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The workspace or the thing named in the path is not there, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description payload_too_large: the body is over 1 MiB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description unsupported_media_type: send the body as application/json */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  deleteQuota: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        workspaceId: string;
        periodId: string;
        quotaId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description The request is not valid (validation_failed names each field in details; malformed_json...) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The caller may not do this (forbidden: admins only; cross_site_request; user_session_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The workspace or the thing named in the path is not there, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  listActionItems: {
    parameters: {
      query?: {
        status?: (
          | 'open'
          | 'in_progress'
          | 'awaiting_approval'
          | 'executed'
          | 'failed'
          | 'dismissed'
          | 'undone'
        )[];
        severity?: ('critical' | 'warning' | 'info')[];
        /** @description e.g. update_field, clean_data, notify_rep */
        actionType?: string;
        targetType?: 'deal' | 'contact' | 'account';
        targetSourceId?: string;
        ownerEmail?: string;
        sourceName?: string;
        order?: 'created' | 'impact';
        limit?: number;
        after?: string;
      };
      header?: never;
      path: {
        workspaceId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            actions: {
              /** Format: uuid */
              id: string;
              actionType: string;
              severity: 'critical' | 'warning' | 'info';
              title: string;
              summary: string;
              impactAmount: number | null;
              urgencyLabel: string | null;
              recommendedSteps: string[];
              connectionId: string | null;
              targetType: 'deal' | 'contact' | 'account';
              targetSourceId: string;
              targetEntityId: string | null;
              targetName: string | null;
              ownerEmail: string | null;
              executionPayload: {
                crm_updates?: ({
                  field: string;
                  proposed_value: string | number | boolean | null;
                  current_value?: string | number | boolean | null;
                } & {
                  [key: string]: unknown;
                })[];
                note?: string;
                create_deal?: {
                  conversationId: string | null;
                  name: string;
                  amount: number | null;
                  stage: string;
                  pipeline?: string | null;
                  closeDate: string;
                  ownerEmail: string | null;
                  contacts: ({
                    email: string;
                    firstName?: string | null;
                    lastName?: string | null;
                    mode: 'create' | 'associate';
                  } & {
                    [key: string]: unknown;
                  })[];
                } & {
                  [key: string]: unknown;
                };
              } & {
                [key: string]: unknown;
              };
              status:
                | 'open'
                | 'in_progress'
                | 'awaiting_approval'
                | 'executed'
                | 'failed'
                | 'dismissed'
                | 'undone';
              executionResult:
                | ({
                    executionId?: string | null;
                    outcome?:
                      | 'executed'
                      | 'partial'
                      | 'failed'
                      | 'invalid'
                      | 'busy'
                      | 'needs_approval'
                      | 'blocked'
                      | 'not_executable'
                      | 'not_found';
                    operations?: ({
                      kind: 'field_update' | 'note' | 'notification' | 'create' | 'associate';
                      field?: string;
                      objectType?: string;
                      recordId?: string | null;
                      url?: string;
                      /** @description What a create_deal execution made */
                      created?: unknown;
                      crmField?: string;
                      before?: string | number | boolean | null;
                      after?: string | number | boolean | null;
                      status:
                        | 'written'
                        | 'unchanged'
                        | 'failed'
                        | 'pending'
                        | 'created'
                        | 'sent'
                        | 'skipped';
                      error?: {
                        kind: string | null;
                        message: string;
                        field?: string | null;
                        retryable: boolean;
                      } & {
                        [key: string]: unknown;
                      };
                    } & {
                      [key: string]: unknown;
                    })[];
                    errors?: ({
                      field?: string;
                      code: string;
                      message: string;
                    } & {
                      [key: string]: unknown;
                    })[];
                    retryable?: boolean;
                  } & {
                    [key: string]: unknown;
                  })
                | null;
              sourceType: string;
              sourceId: string | null;
              sourceName: string | null;
              approvedBy: string | null;
              approvedAt: string | null;
              executedAt: string | null;
              undoneAt: string | null;
              createdAt: string;
              updatedAt: string;
            }[];
            nextCursor: string | null;
          };
        };
      };
      /** @description The request is not valid (validation_failed names each field in details; malformed_json...) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The workspace or the thing named in the path is not there, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  createActionItem: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        workspaceId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @description e.g. update_field, clean_data, notify_rep */
          actionType: string;
          severity: 'critical' | 'warning' | 'info';
          title: string;
          summary?: string;
          impactAmount?: number | null;
          urgencyLabel?: string;
          recommendedSteps?: string[];
          /** Format: uuid */
          connectionId: string;
          targetType: 'deal' | 'contact' | 'account';
          targetSourceId: string;
          targetName?: string;
          /** Format: email */
          ownerEmail?: string;
          executionPayload?: {
            crm_updates?: {
              field: string;
              proposed_value: string | number | boolean | null;
              current_value?: string | number | boolean | null;
            }[];
            note?: string;
          };
        };
      };
    };
    responses: {
      /** @description Default Response */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            action: {
              /** Format: uuid */
              id: string;
              actionType: string;
              severity: 'critical' | 'warning' | 'info';
              title: string;
              summary: string;
              impactAmount: number | null;
              urgencyLabel: string | null;
              recommendedSteps: string[];
              connectionId: string | null;
              targetType: 'deal' | 'contact' | 'account';
              targetSourceId: string;
              targetEntityId: string | null;
              targetName: string | null;
              ownerEmail: string | null;
              executionPayload: {
                crm_updates?: ({
                  field: string;
                  proposed_value: string | number | boolean | null;
                  current_value?: string | number | boolean | null;
                } & {
                  [key: string]: unknown;
                })[];
                note?: string;
                create_deal?: {
                  conversationId: string | null;
                  name: string;
                  amount: number | null;
                  stage: string;
                  pipeline?: string | null;
                  closeDate: string;
                  ownerEmail: string | null;
                  contacts: ({
                    email: string;
                    firstName?: string | null;
                    lastName?: string | null;
                    mode: 'create' | 'associate';
                  } & {
                    [key: string]: unknown;
                  })[];
                } & {
                  [key: string]: unknown;
                };
              } & {
                [key: string]: unknown;
              };
              status:
                | 'open'
                | 'in_progress'
                | 'awaiting_approval'
                | 'executed'
                | 'failed'
                | 'dismissed'
                | 'undone';
              executionResult:
                | ({
                    executionId?: string | null;
                    outcome?:
                      | 'executed'
                      | 'partial'
                      | 'failed'
                      | 'invalid'
                      | 'busy'
                      | 'needs_approval'
                      | 'blocked'
                      | 'not_executable'
                      | 'not_found';
                    operations?: ({
                      kind: 'field_update' | 'note' | 'notification' | 'create' | 'associate';
                      field?: string;
                      objectType?: string;
                      recordId?: string | null;
                      url?: string;
                      /** @description What a create_deal execution made */
                      created?: unknown;
                      crmField?: string;
                      before?: string | number | boolean | null;
                      after?: string | number | boolean | null;
                      status:
                        | 'written'
                        | 'unchanged'
                        | 'failed'
                        | 'pending'
                        | 'created'
                        | 'sent'
                        | 'skipped';
                      error?: {
                        kind: string | null;
                        message: string;
                        field?: string | null;
                        retryable: boolean;
                      } & {
                        [key: string]: unknown;
                      };
                    } & {
                      [key: string]: unknown;
                    })[];
                    errors?: ({
                      field?: string;
                      code: string;
                      message: string;
                    } & {
                      [key: string]: unknown;
                    })[];
                    retryable?: boolean;
                  } & {
                    [key: string]: unknown;
                  })
                | null;
              sourceType: string;
              sourceId: string | null;
              sourceName: string | null;
              approvedBy: string | null;
              approvedAt: string | null;
              executedAt: string | null;
              undoneAt: string | null;
              createdAt: string;
              updatedAt: string;
            };
          };
        };
      };
      /** @description The request is not valid (validation_failed names each field in details; malformed_json...) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The caller may not do this (forbidden: admins only; cross_site_request; user_session_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The workspace or the thing named in the path is not there, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description payload_too_large: the body is over 1 MiB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description unsupported_media_type: send the body as application/json */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  getActionItem: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        workspaceId: string;
        actionId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            action: {
              /** Format: uuid */
              id: string;
              actionType: string;
              severity: 'critical' | 'warning' | 'info';
              title: string;
              summary: string;
              impactAmount: number | null;
              urgencyLabel: string | null;
              recommendedSteps: string[];
              connectionId: string | null;
              targetType: 'deal' | 'contact' | 'account';
              targetSourceId: string;
              targetEntityId: string | null;
              targetName: string | null;
              ownerEmail: string | null;
              executionPayload: {
                crm_updates?: ({
                  field: string;
                  proposed_value: string | number | boolean | null;
                  current_value?: string | number | boolean | null;
                } & {
                  [key: string]: unknown;
                })[];
                note?: string;
                create_deal?: {
                  conversationId: string | null;
                  name: string;
                  amount: number | null;
                  stage: string;
                  pipeline?: string | null;
                  closeDate: string;
                  ownerEmail: string | null;
                  contacts: ({
                    email: string;
                    firstName?: string | null;
                    lastName?: string | null;
                    mode: 'create' | 'associate';
                  } & {
                    [key: string]: unknown;
                  })[];
                } & {
                  [key: string]: unknown;
                };
              } & {
                [key: string]: unknown;
              };
              status:
                | 'open'
                | 'in_progress'
                | 'awaiting_approval'
                | 'executed'
                | 'failed'
                | 'dismissed'
                | 'undone';
              executionResult:
                | ({
                    executionId?: string | null;
                    outcome?:
                      | 'executed'
                      | 'partial'
                      | 'failed'
                      | 'invalid'
                      | 'busy'
                      | 'needs_approval'
                      | 'blocked'
                      | 'not_executable'
                      | 'not_found';
                    operations?: ({
                      kind: 'field_update' | 'note' | 'notification' | 'create' | 'associate';
                      field?: string;
                      objectType?: string;
                      recordId?: string | null;
                      url?: string;
                      /** @description What a create_deal execution made */
                      created?: unknown;
                      crmField?: string;
                      before?: string | number | boolean | null;
                      after?: string | number | boolean | null;
                      status:
                        | 'written'
                        | 'unchanged'
                        | 'failed'
                        | 'pending'
                        | 'created'
                        | 'sent'
                        | 'skipped';
                      error?: {
                        kind: string | null;
                        message: string;
                        field?: string | null;
                        retryable: boolean;
                      } & {
                        [key: string]: unknown;
                      };
                    } & {
                      [key: string]: unknown;
                    })[];
                    errors?: ({
                      field?: string;
                      code: string;
                      message: string;
                    } & {
                      [key: string]: unknown;
                    })[];
                    retryable?: boolean;
                  } & {
                    [key: string]: unknown;
                  })
                | null;
              sourceType: string;
              sourceId: string | null;
              sourceName: string | null;
              approvedBy: string | null;
              approvedAt: string | null;
              executedAt: string | null;
              undoneAt: string | null;
              createdAt: string;
              updatedAt: string;
            };
          };
        };
      };
      /** @description The request is not valid (validation_failed names each field in details; malformed_json...) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The workspace or the thing named in the path is not there, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  getActionItemAudit: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        workspaceId: string;
        actionId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            entries: {
              id: number;
              event: string;
              fromStatus: string | null;
              toStatus: string | null;
              actor: string | null;
              details: unknown;
              createdAt: string;
            }[];
          };
        };
      };
      /** @description The request is not valid (validation_failed names each field in details; malformed_json...) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The workspace or the thing named in the path is not there, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  dismissActionItem: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        workspaceId: string;
        actionId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          reason?: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            action: {
              /** Format: uuid */
              id: string;
              actionType: string;
              severity: 'critical' | 'warning' | 'info';
              title: string;
              summary: string;
              impactAmount: number | null;
              urgencyLabel: string | null;
              recommendedSteps: string[];
              connectionId: string | null;
              targetType: 'deal' | 'contact' | 'account';
              targetSourceId: string;
              targetEntityId: string | null;
              targetName: string | null;
              ownerEmail: string | null;
              executionPayload: {
                crm_updates?: ({
                  field: string;
                  proposed_value: string | number | boolean | null;
                  current_value?: string | number | boolean | null;
                } & {
                  [key: string]: unknown;
                })[];
                note?: string;
                create_deal?: {
                  conversationId: string | null;
                  name: string;
                  amount: number | null;
                  stage: string;
                  pipeline?: string | null;
                  closeDate: string;
                  ownerEmail: string | null;
                  contacts: ({
                    email: string;
                    firstName?: string | null;
                    lastName?: string | null;
                    mode: 'create' | 'associate';
                  } & {
                    [key: string]: unknown;
                  })[];
                } & {
                  [key: string]: unknown;
                };
              } & {
                [key: string]: unknown;
              };
              status:
                | 'open'
                | 'in_progress'
                | 'awaiting_approval'
                | 'executed'
                | 'failed'
                | 'dismissed'
                | 'undone';
              executionResult:
                | ({
                    executionId?: string | null;
                    outcome?:
                      | 'executed'
                      | 'partial'
                      | 'failed'
                      | 'invalid'
                      | 'busy'
                      | 'needs_approval'
                      | 'blocked'
                      | 'not_executable'
                      | 'not_found';
                    operations?: ({
                      kind: 'field_update' | 'note' | 'notification' | 'create' | 'associate';
                      field?: string;
                      objectType?: string;
                      recordId?: string | null;
                      url?: string;
                      /** @description What a create_deal execution made */
                      created?: unknown;
                      crmField?: string;
                      before?: string | number | boolean | null;
                      after?: string | number | boolean | null;
                      status:
                        | 'written'
                        | 'unchanged'
                        | 'failed'
                        | 'pending'
                        | 'created'
                        | 'sent'
                        | 'skipped';
                      error?: {
                        kind: string | null;
                        message: string;
                        field?: string | null;
                        retryable: boolean;
                      } & {
                        [key: string]: unknown;
                      };
                    } & {
                      [key: string]: unknown;
                    })[];
                    errors?: ({
                      field?: string;
                      code: string;
                      message: string;
                    } & {
                      [key: string]: unknown;
                    })[];
                    retryable?: boolean;
                  } & {
                    [key: string]: unknown;
                  })
                | null;
              sourceType: string;
              sourceId: string | null;
              sourceName: string | null;
              approvedBy: string | null;
              approvedAt: string | null;
              executedAt: string | null;
              undoneAt: string | null;
              createdAt: string;
              updatedAt: string;
            };
          };
        };
      };
      /** @description The request is not valid (validation_failed names each field in details; malformed_json...) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The caller may not do this (forbidden: admins only; cross_site_request; user_session_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The workspace or the thing named in the path is not there, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The request conflicts with the current state; the code says how */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description payload_too_large: the body is over 1 MiB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description unsupported_media_type: send the body as application/json */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  approveActionItem: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        workspaceId: string;
        actionId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            action: {
              /** Format: uuid */
              id: string;
              actionType: string;
              severity: 'critical' | 'warning' | 'info';
              title: string;
              summary: string;
              impactAmount: number | null;
              urgencyLabel: string | null;
              recommendedSteps: string[];
              connectionId: string | null;
              targetType: 'deal' | 'contact' | 'account';
              targetSourceId: string;
              targetEntityId: string | null;
              targetName: string | null;
              ownerEmail: string | null;
              executionPayload: {
                crm_updates?: ({
                  field: string;
                  proposed_value: string | number | boolean | null;
                  current_value?: string | number | boolean | null;
                } & {
                  [key: string]: unknown;
                })[];
                note?: string;
                create_deal?: {
                  conversationId: string | null;
                  name: string;
                  amount: number | null;
                  stage: string;
                  pipeline?: string | null;
                  closeDate: string;
                  ownerEmail: string | null;
                  contacts: ({
                    email: string;
                    firstName?: string | null;
                    lastName?: string | null;
                    mode: 'create' | 'associate';
                  } & {
                    [key: string]: unknown;
                  })[];
                } & {
                  [key: string]: unknown;
                };
              } & {
                [key: string]: unknown;
              };
              status:
                | 'open'
                | 'in_progress'
                | 'awaiting_approval'
                | 'executed'
                | 'failed'
                | 'dismissed'
                | 'undone';
              executionResult:
                | ({
                    executionId?: string | null;
                    outcome?:
                      | 'executed'
                      | 'partial'
                      | 'failed'
                      | 'invalid'
                      | 'busy'
                      | 'needs_approval'
                      | 'blocked'
                      | 'not_executable'
                      | 'not_found';
                    operations?: ({
                      kind: 'field_update' | 'note' | 'notification' | 'create' | 'associate';
                      field?: string;
                      objectType?: string;
                      recordId?: string | null;
                      url?: string;
                      /** @description What a create_deal execution made */
                      created?: unknown;
                      crmField?: string;
                      before?: string | number | boolean | null;
                      after?: string | number | boolean | null;
                      status:
                        | 'written'
                        | 'unchanged'
                        | 'failed'
                        | 'pending'
                        | 'created'
                        | 'sent'
                        | 'skipped';
                      error?: {
                        kind: string | null;
                        message: string;
                        field?: string | null;
                        retryable: boolean;
                      } & {
                        [key: string]: unknown;
                      };
                    } & {
                      [key: string]: unknown;
                    })[];
                    errors?: ({
                      field?: string;
                      code: string;
                      message: string;
                    } & {
                      [key: string]: unknown;
                    })[];
                    retryable?: boolean;
                  } & {
                    [key: string]: unknown;
                  })
                | null;
              sourceType: string;
              sourceId: string | null;
              sourceName: string | null;
              approvedBy: string | null;
              approvedAt: string | null;
              executedAt: string | null;
              undoneAt: string | null;
              createdAt: string;
              updatedAt: string;
            };
          };
        };
      };
      /** @description The request is not valid (validation_failed names each field in details; malformed_json...) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The caller may not do this (forbidden: admins only; cross_site_request; user_session_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The workspace or the thing named in the path is not there, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The request conflicts with the current state; the code says how */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  previewActionItem: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        workspaceId: string;
        actionId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            preview: {
              /** Format: uuid */
              actionId: string;
              status:
                | 'open'
                | 'in_progress'
                | 'awaiting_approval'
                | 'executed'
                | 'failed'
                | 'dismissed'
                | 'undone';
              crmType: 'hubspot' | 'salesforce';
              recordId: string;
              objectType: 'deal' | 'contact' | 'account';
              executable: boolean;
              errors: {
                field: string;
                code:
                  | 'unknown_property'
                  | 'read_only_property'
                  | 'invalid_value'
                  | 'invalid_option'
                  | 'unknown_stage'
                  | 'too_long';
                message: string;
              }[];
              changes: {
                field: string;
                crmField: string;
                label: string;
                before: string | number | boolean | null;
                after: string | number | boolean | null;
                proposed: string | number | boolean | null;
                /** @description False when the CRM already holds the value */
                changes: boolean;
              }[];
              note: string | null;
              notifications: {
                audience: 'rep' | 'manager';
                /** @description The members it would reach now */
                recipients: {
                  userId: string;
                  email: string;
                  name: string;
                }[];
                managerSource: ('crm' | 'setting' | 'admins') | null;
              }[];
            };
          };
        };
      };
      /** @description The request is not valid (validation_failed names each field in details; malformed_json...) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The caller may not do this (forbidden: admins only; cross_site_request; user_session_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The workspace or the thing named in the path is not there, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The request conflicts with the current state; the code says how */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  listActionItemOperations: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        workspaceId: string;
        actionId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            operations: (
              | {
                  /** @enum {string} */
                  kind: 'field_update';
                  field: string;
                  crmField: string;
                  label: string;
                  before: string | number | boolean | null;
                  after: string | number | boolean | null;
                  proposed: string | number | boolean | null;
                  /** @description False when the CRM already holds the value */
                  changes: boolean;
                }
              | {
                  /** @enum {string} */
                  kind: 'note';
                  text: string;
                }
              | {
                  /** @enum {string} */
                  kind: 'notification';
                  audience: 'rep' | 'manager';
                }
            )[];
            errors: {
              field: string;
              code:
                | 'unknown_property'
                | 'read_only_property'
                | 'invalid_value'
                | 'invalid_option'
                | 'unknown_stage'
                | 'too_long';
              message: string;
            }[];
            executable: boolean;
          };
        };
      };
      /** @description The request is not valid (validation_failed names each field in details; malformed_json...) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The workspace or the thing named in the path is not there, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The request conflicts with the current state; the code says how */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  executeActionItem: {
    parameters: {
      query?: never;
      header?: {
        'idempotency-key'?: string;
      };
      path: {
        workspaceId: string;
        actionId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            execution: {
              /** Format: uuid */
              actionId: string;
              outcome:
                | 'executed'
                | 'partial'
                | 'failed'
                | 'invalid'
                | 'busy'
                | 'needs_approval'
                | 'blocked'
                | 'not_executable'
                | 'not_found';
              status:
                | (
                    | 'open'
                    | 'in_progress'
                    | 'awaiting_approval'
                    | 'executed'
                    | 'failed'
                    | 'dismissed'
                    | 'undone'
                  )
                | null;
              executionId: string | null;
              operations: ({
                kind: 'field_update' | 'note' | 'notification' | 'create' | 'associate';
                field?: string;
                objectType?: string;
                recordId?: string | null;
                url?: string;
                /** @description What a create_deal execution made */
                created?: unknown;
                crmField?: string;
                before?: string | number | boolean | null;
                after?: string | number | boolean | null;
                status:
                  'written' | 'unchanged' | 'failed' | 'pending' | 'created' | 'sent' | 'skipped';
                error?: {
                  kind: string | null;
                  message: string;
                  field?: string | null;
                  retryable: boolean;
                } & {
                  [key: string]: unknown;
                };
              } & {
                [key: string]: unknown;
              })[];
              errors: ({
                field?: string;
                code: string;
                message: string;
              } & {
                [key: string]: unknown;
              })[];
              /** @description True when running it again may help */
              retryable: boolean;
              replayed?: boolean;
            };
          };
        };
      };
      /** @description The request is not valid (validation_failed names each field in details; malformed_json...) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The caller may not do this (forbidden: admins only; cross_site_request; user_session_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The workspace or the thing named in the path is not there, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The request conflicts with the current state; the code says how */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The request is understood but cannot be carried out; the code says why */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  undoActionItem: {
    parameters: {
      query?: never;
      header?: {
        'idempotency-key'?: string;
      };
      path: {
        workspaceId: string;
        actionId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          force?: boolean;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            undo: {
              /** Format: uuid */
              actionId: string;
              status:
                | 'open'
                | 'in_progress'
                | 'awaiting_approval'
                | 'executed'
                | 'failed'
                | 'dismissed'
                | 'undone';
              executionId: string | null;
              fields: {
                field: string;
                before: string | number | boolean | null;
                written: string | number | boolean | null;
                current: string | number | boolean | null;
                status: 'restored' | 'already_restored' | 'conflict' | 'failed';
                message?: string;
              }[];
              note:
                | ({
                    kind: 'field_update' | 'note' | 'notification' | 'create' | 'associate';
                    field?: string;
                    objectType?: string;
                    recordId?: string | null;
                    url?: string;
                    /** @description What a create_deal execution made */
                    created?: unknown;
                    crmField?: string;
                    before?: string | number | boolean | null;
                    after?: string | number | boolean | null;
                    status:
                      | 'written'
                      | 'unchanged'
                      | 'failed'
                      | 'pending'
                      | 'created'
                      | 'sent'
                      | 'skipped';
                    error?: {
                      kind: string | null;
                      message: string;
                      field?: string | null;
                      retryable: boolean;
                    } & {
                      [key: string]: unknown;
                    };
                  } & {
                    [key: string]: unknown;
                  })
                | null;
              replayed?: boolean;
            };
          };
        };
      };
      /** @description The request is not valid (validation_failed names each field in details; malformed_json...) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The caller may not do this (forbidden: admins only; cross_site_request; user_session_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The workspace or the thing named in the path is not there, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The request conflicts with the current state; the code says how */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description payload_too_large: the body is over 1 MiB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description unsupported_media_type: send the body as application/json */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  createActionBatch: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        workspaceId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          actionIds: string[];
        };
      };
    };
    responses: {
      /** @description Default Response */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            batch: {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              workspaceId: string;
              actor: string;
              status: 'queued' | 'running' | 'succeeded' | 'partial' | 'failed';
              total: number;
              done: number;
              /** @description Per action id: its outcome and status, and the first error */
              results: {
                [key: string]: {
                  outcome: string;
                  status: string | null;
                  error?: string;
                } & {
                  [key: string]: unknown;
                };
              };
              crmCalls: number;
              createdAt: string;
              startedAt: string | null;
              finishedAt: string | null;
            };
          };
        };
      };
      /** @description The request is not valid (validation_failed names each field in details; malformed_json...) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The caller may not do this (forbidden: admins only; cross_site_request; user_session_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The workspace or the thing named in the path is not there, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description payload_too_large: the body is over 1 MiB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description unsupported_media_type: send the body as application/json */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  getActionBatch: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        workspaceId: string;
        batchId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            batch: {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              workspaceId: string;
              actor: string;
              status: 'queued' | 'running' | 'succeeded' | 'partial' | 'failed';
              total: number;
              done: number;
              /** @description Per action id: its outcome and status, and the first error */
              results: {
                [key: string]: {
                  outcome: string;
                  status: string | null;
                  error?: string;
                } & {
                  [key: string]: unknown;
                };
              };
              crmCalls: number;
              createdAt: string;
              startedAt: string | null;
              finishedAt: string | null;
            };
          };
        };
      };
      /** @description The request is not valid (validation_failed names each field in details; malformed_json...) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The workspace or the thing named in the path is not there, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  listNotifications: {
    parameters: {
      query?: {
        unread?: boolean;
        limit?: number;
        cursor?: string;
      };
      header?: never;
      path: {
        workspaceId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            notifications: {
              /** Format: uuid */
              id: string;
              recipientEmail: string;
              kind: string;
              title: string;
              body: string;
              link: string | null;
              severity: 'info' | 'warning' | 'error';
              critical: boolean;
              actionId: string | null;
              inboxItemId: string | null;
              anomalyId: string | null;
              readAt: string | null;
              createdAt: string;
            }[];
            nextCursor: string | null;
            unread: number;
          };
        };
      };
      /** @description The request is not valid (validation_failed names each field in details; malformed_json...) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The workspace or the thing named in the path is not there, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  markNotificationsRead: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        workspaceId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          ids?: string[];
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            marked: number;
          };
        };
      };
      /** @description The request is not valid (validation_failed names each field in details; malformed_json...) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The caller may not do this (forbidden: admins only; cross_site_request; user_session_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The workspace or the thing named in the path is not there, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description payload_too_large: the body is over 1 MiB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description unsupported_media_type: send the body as application/json */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  listActionPolicies: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        workspaceId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            policies: {
              /** Format: uuid */
              id: string;
              name: string;
              enabled: boolean;
              priority: number;
              match: {
                actionTypes?: string[];
                severities?: ('critical' | 'warning' | 'info')[];
                /** @description Inclusive */
                impactMin?: number;
                /** @description Inclusive */
                impactMax?: number;
                /** @description Matches when any field the action updates is listed (case-insensitive) */
                fields?: string[];
                /** @description With fields: every field the action updates must be listed */
                fieldsOnly?: boolean;
                sourceTypes?: ('skill' | 'person' | 'api' | 'flow' | 'agent')[];
                sourceNames?: string[];
              };
              effect: 'auto_execute' | 'require_approval' | 'block';
              createdBy: string | null;
              /** Format: date-time */
              createdAt: string;
              /** Format: date-time */
              updatedAt: string;
            }[];
          };
        };
      };
      /** @description The request is not valid (validation_failed names each field in details; malformed_json...) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The workspace or the thing named in the path is not there, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  createActionPolicy: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        workspaceId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          name: string;
          /** @default true */
          enabled?: boolean;
          /** @description Lower is consulted first; the first matching enabled policy decides */
          priority?: number;
          match?: {
            actionTypes?: string[];
            severities?: ('critical' | 'warning' | 'info')[];
            /** @description Inclusive */
            impactMin?: number;
            /** @description Inclusive */
            impactMax?: number;
            /** @description Matches when any field the action updates is listed (case-insensitive) */
            fields?: string[];
            /** @description With fields: every field the action updates must be listed */
            fieldsOnly?: boolean;
            sourceTypes?: ('skill' | 'person' | 'api' | 'flow' | 'agent')[];
            sourceNames?: string[];
          };
          effect: 'auto_execute' | 'require_approval' | 'block';
        };
      };
    };
    responses: {
      /** @description Default Response */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            policy: {
              /** Format: uuid */
              id: string;
              name: string;
              enabled: boolean;
              priority: number;
              match: {
                actionTypes?: string[];
                severities?: ('critical' | 'warning' | 'info')[];
                /** @description Inclusive */
                impactMin?: number;
                /** @description Inclusive */
                impactMax?: number;
                /** @description Matches when any field the action updates is listed (case-insensitive) */
                fields?: string[];
                /** @description With fields: every field the action updates must be listed */
                fieldsOnly?: boolean;
                sourceTypes?: ('skill' | 'person' | 'api' | 'flow' | 'agent')[];
                sourceNames?: string[];
              };
              effect: 'auto_execute' | 'require_approval' | 'block';
              createdBy: string | null;
              /** Format: date-time */
              createdAt: string;
              /** Format: date-time */
              updatedAt: string;
            };
          };
        };
      };
      /** @description The request is not valid (validation_failed names each field in details; malformed_json...) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The caller may not do this (forbidden: admins only; cross_site_request; user_session_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The workspace or the thing named in the path is not there, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description payload_too_large: the body is over 1 MiB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description unsupported_media_type: send the body as application/json */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  dryRunActionPolicyDraft: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        workspaceId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          name: string;
          /** @default true */
          enabled?: boolean;
          /** @description Lower is consulted first; the first matching enabled policy decides */
          priority?: number;
          match?: {
            actionTypes?: string[];
            severities?: ('critical' | 'warning' | 'info')[];
            /** @description Inclusive */
            impactMin?: number;
            /** @description Inclusive */
            impactMax?: number;
            /** @description Matches when any field the action updates is listed (case-insensitive) */
            fields?: string[];
            /** @description With fields: every field the action updates must be listed */
            fieldsOnly?: boolean;
            sourceTypes?: ('skill' | 'person' | 'api' | 'flow' | 'agent')[];
            sourceNames?: string[];
          };
          effect: 'auto_execute' | 'require_approval' | 'block';
          /**
           * @description How many of the most recent actions to try the policy on
           * @default 100
           */
          last?: number;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            policy: {
              id: string | null;
              name: string;
              enabled: boolean;
              priority: number;
              effect: 'auto_execute' | 'require_approval' | 'block';
              match: {
                actionTypes?: string[];
                severities?: ('critical' | 'warning' | 'info')[];
                /** @description Inclusive */
                impactMin?: number;
                /** @description Inclusive */
                impactMax?: number;
                /** @description Matches when any field the action updates is listed (case-insensitive) */
                fields?: string[];
                /** @description With fields: every field the action updates must be listed */
                fieldsOnly?: boolean;
                sourceTypes?: ('skill' | 'person' | 'api' | 'flow' | 'agent')[];
                sourceNames?: string[];
              };
            };
            considered: number;
            actions: {
              /** Format: uuid */
              id: string;
              title: string;
              actionType: string;
              status:
                | 'open'
                | 'in_progress'
                | 'awaiting_approval'
                | 'executed'
                | 'failed'
                | 'dismissed'
                | 'undone';
              /** Format: date-time */
              createdAt: string;
              policyEffect: 'auto_execute' | 'require_approval' | 'block' | 'no_match';
              currentEffect: 'auto_execute' | 'require_approval' | 'block' | 'no_match';
              currentPolicyId: string | null;
              resultingEffect: 'auto_execute' | 'require_approval' | 'block' | 'no_match';
              changed: boolean;
            }[];
            totals: {
              policy: {
                auto_execute: number;
                require_approval: number;
                block: number;
                no_match: number;
              };
              current: {
                auto_execute: number;
                require_approval: number;
                block: number;
                no_match: number;
              };
              resulting: {
                auto_execute: number;
                require_approval: number;
                block: number;
                no_match: number;
              };
              changed: number;
            };
          };
        };
      };
      /** @description The request is not valid (validation_failed names each field in details; malformed_json...) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The caller may not do this (forbidden: admins only; cross_site_request; user_session_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The workspace or the thing named in the path is not there, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description payload_too_large: the body is over 1 MiB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description unsupported_media_type: send the body as application/json */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  getActionPolicy: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        workspaceId: string;
        policyId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            policy: {
              /** Format: uuid */
              id: string;
              name: string;
              enabled: boolean;
              priority: number;
              match: {
                actionTypes?: string[];
                severities?: ('critical' | 'warning' | 'info')[];
                /** @description Inclusive */
                impactMin?: number;
                /** @description Inclusive */
                impactMax?: number;
                /** @description Matches when any field the action updates is listed (case-insensitive) */
                fields?: string[];
                /** @description With fields: every field the action updates must be listed */
                fieldsOnly?: boolean;
                sourceTypes?: ('skill' | 'person' | 'api' | 'flow' | 'agent')[];
                sourceNames?: string[];
              };
              effect: 'auto_execute' | 'require_approval' | 'block';
              createdBy: string | null;
              /** Format: date-time */
              createdAt: string;
              /** Format: date-time */
              updatedAt: string;
            };
          };
        };
      };
      /** @description The request is not valid (validation_failed names each field in details; malformed_json...) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The workspace or the thing named in the path is not there, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  deleteActionPolicy: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        workspaceId: string;
        policyId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description The request is not valid (validation_failed names each field in details; malformed_json...) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The caller may not do this (forbidden: admins only; cross_site_request; user_session_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The workspace or the thing named in the path is not there, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  updateActionPolicy: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        workspaceId: string;
        policyId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          name?: string;
          enabled?: boolean;
          /** @description Lower is consulted first; the first matching enabled policy decides */
          priority?: number;
          match?: {
            actionTypes?: string[];
            severities?: ('critical' | 'warning' | 'info')[];
            /** @description Inclusive */
            impactMin?: number;
            /** @description Inclusive */
            impactMax?: number;
            /** @description Matches when any field the action updates is listed (case-insensitive) */
            fields?: string[];
            /** @description With fields: every field the action updates must be listed */
            fieldsOnly?: boolean;
            sourceTypes?: ('skill' | 'person' | 'api' | 'flow' | 'agent')[];
            sourceNames?: string[];
          };
          effect?: 'auto_execute' | 'require_approval' | 'block';
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            policy: {
              /** Format: uuid */
              id: string;
              name: string;
              enabled: boolean;
              priority: number;
              match: {
                actionTypes?: string[];
                severities?: ('critical' | 'warning' | 'info')[];
                /** @description Inclusive */
                impactMin?: number;
                /** @description Inclusive */
                impactMax?: number;
                /** @description Matches when any field the action updates is listed (case-insensitive) */
                fields?: string[];
                /** @description With fields: every field the action updates must be listed */
                fieldsOnly?: boolean;
                sourceTypes?: ('skill' | 'person' | 'api' | 'flow' | 'agent')[];
                sourceNames?: string[];
              };
              effect: 'auto_execute' | 'require_approval' | 'block';
              createdBy: string | null;
              /** Format: date-time */
              createdAt: string;
              /** Format: date-time */
              updatedAt: string;
            };
          };
        };
      };
      /** @description The request is not valid (validation_failed names each field in details; malformed_json...) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The caller may not do this (forbidden: admins only; cross_site_request; user_session_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The workspace or the thing named in the path is not there, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description payload_too_large: the body is over 1 MiB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description unsupported_media_type: send the body as application/json */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  dryRunActionPolicy: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        workspaceId: string;
        policyId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /**
           * @description How many of the most recent actions to try the policy on
           * @default 100
           */
          last?: number;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            policy: {
              id: string | null;
              name: string;
              enabled: boolean;
              priority: number;
              effect: 'auto_execute' | 'require_approval' | 'block';
              match: {
                actionTypes?: string[];
                severities?: ('critical' | 'warning' | 'info')[];
                /** @description Inclusive */
                impactMin?: number;
                /** @description Inclusive */
                impactMax?: number;
                /** @description Matches when any field the action updates is listed (case-insensitive) */
                fields?: string[];
                /** @description With fields: every field the action updates must be listed */
                fieldsOnly?: boolean;
                sourceTypes?: ('skill' | 'person' | 'api' | 'flow' | 'agent')[];
                sourceNames?: string[];
              };
            };
            considered: number;
            actions: {
              /** Format: uuid */
              id: string;
              title: string;
              actionType: string;
              status:
                | 'open'
                | 'in_progress'
                | 'awaiting_approval'
                | 'executed'
                | 'failed'
                | 'dismissed'
                | 'undone';
              /** Format: date-time */
              createdAt: string;
              policyEffect: 'auto_execute' | 'require_approval' | 'block' | 'no_match';
              currentEffect: 'auto_execute' | 'require_approval' | 'block' | 'no_match';
              currentPolicyId: string | null;
              resultingEffect: 'auto_execute' | 'require_approval' | 'block' | 'no_match';
              changed: boolean;
            }[];
            totals: {
              policy: {
                auto_execute: number;
                require_approval: number;
                block: number;
                no_match: number;
              };
              current: {
                auto_execute: number;
                require_approval: number;
                block: number;
                no_match: number;
              };
              resulting: {
                auto_execute: number;
                require_approval: number;
                block: number;
                no_match: number;
              };
              changed: number;
            };
          };
        };
      };
      /** @description The request is not valid (validation_failed names each field in details; malformed_json...) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The caller may not do this (forbidden: admins only; cross_site_request; user_session_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The workspace or the thing named in the path is not there, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description payload_too_large: the body is over 1 MiB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description unsupported_media_type: send the body as application/json */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  listWritebackFields: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        workspaceId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            fields: {
              name: string;
              label: string;
              description: string;
              example: string;
              objectTypes: ('deal' | 'account')[];
              kind: 'score' | 'text' | 'datetime';
              /** @description CRM property types */
              compatibleTypes: string[];
              /** @description Types it goes into with a loss */
              lossyTypes: string[];
              skills: ('deal-score' | 'account-score')[];
            }[];
            writeModes: {
              mode: 'overwrite' | 'never_overwrite' | 'append' | 'append_if_changed';
              description: string;
            }[];
            scoreLabels: {
              label: string;
              min: number;
            }[];
          };
        };
      };
      /** @description The request is not valid (validation_failed names each field in details; malformed_json...) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The workspace or the thing named in the path is not there, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  listCrmProperties: {
    parameters: {
      query?: {
        objectType?: 'deal' | 'account';
      };
      header?: never;
      path: {
        workspaceId: string;
        connectionId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            properties: {
              name: string;
              label: string;
              /** @description Pandora's word for the property's type */
              type: string;
              /** @description The CRM's own type words */
              crmType: string;
              options: {
                value: string;
                label: string;
              }[];
              readOnly: boolean;
              maxLength?: number;
              custom: boolean;
              /** @description Pandora fields it takes without loss */
              fits: string[];
              fitsWithLoss: string[];
            }[];
          };
        };
      };
      /** @description The request is not valid (validation_failed names each field in details; malformed_json...) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The workspace or the thing named in the path is not there, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The request conflicts with the current state; the code says how */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  listWritebackMappings: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        workspaceId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            mappings: {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              workspaceId: string;
              /** Format: uuid */
              connectionId: string;
              pandoraField: string;
              objectType: 'deal' | 'account';
              crmProperty: string;
              crmPropertyType: string;
              writeMode: 'overwrite' | 'never_overwrite' | 'append' | 'append_if_changed';
              appendSeparator: string;
              timestampFormat: 'prefix' | 'suffix' | 'none';
              maxEntries: number | null;
              writeCondition: string | null;
              valueTransform: string;
              trigger: 'after_compute' | 'schedule' | 'manual';
              enabled: boolean;
              createdBy: string | null;
              createdAt: string;
              updatedAt: string;
              deletedAt: string | null;
              recent: {
                written: number;
                unchanged: number;
                failed: number;
                pending: number;
              } & {
                [key: string]: unknown;
              };
              lastWrite:
                | ({
                    status: string;
                    at: string;
                  } & {
                    [key: string]: unknown;
                  })
                | null;
            }[];
          };
        };
      };
      /** @description The request is not valid (validation_failed names each field in details; malformed_json...) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The workspace or the thing named in the path is not there, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  createWritebackMapping: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        workspaceId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          pandoraField: string;
          objectType: 'deal' | 'account';
          /** Format: uuid */
          connectionId: string;
          crmProperty: string;
          writeMode?: 'overwrite' | 'never_overwrite' | 'append' | 'append_if_changed';
          appendSeparator?: string;
          timestampFormat?: 'prefix' | 'suffix' | 'none';
          maxEntries?: number | null;
          writeCondition?: string | null;
          /** @description raw, truncate:n, round:n, date_only, uppercase or score_label */
          valueTransform?: string;
          trigger?: 'after_compute' | 'schedule' | 'manual';
          enabled?: boolean;
        };
      };
    };
    responses: {
      /** @description Default Response */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            mapping: {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              workspaceId: string;
              /** Format: uuid */
              connectionId: string;
              pandoraField: string;
              objectType: 'deal' | 'account';
              crmProperty: string;
              crmPropertyType: string;
              writeMode: 'overwrite' | 'never_overwrite' | 'append' | 'append_if_changed';
              appendSeparator: string;
              timestampFormat: 'prefix' | 'suffix' | 'none';
              maxEntries: number | null;
              writeCondition: string | null;
              valueTransform: string;
              trigger: 'after_compute' | 'schedule' | 'manual';
              enabled: boolean;
              createdBy: string | null;
              createdAt: string;
              updatedAt: string;
              deletedAt: string | null;
            };
            warnings: string[];
          };
        };
      };
      /** @description The request is not valid (validation_failed names each field in details; malformed_json...) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The caller may not do this (forbidden: admins only; cross_site_request; user_session_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The workspace or the thing named in the path is not there, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The request conflicts with the current state; the code says how */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description payload_too_large: the body is over 1 MiB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description unsupported_media_type: send the body as application/json */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  getWritebackMapping: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        workspaceId: string;
        mappingId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            mapping: {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              workspaceId: string;
              /** Format: uuid */
              connectionId: string;
              pandoraField: string;
              objectType: 'deal' | 'account';
              crmProperty: string;
              crmPropertyType: string;
              writeMode: 'overwrite' | 'never_overwrite' | 'append' | 'append_if_changed';
              appendSeparator: string;
              timestampFormat: 'prefix' | 'suffix' | 'none';
              maxEntries: number | null;
              writeCondition: string | null;
              valueTransform: string;
              trigger: 'after_compute' | 'schedule' | 'manual';
              enabled: boolean;
              createdBy: string | null;
              createdAt: string;
              updatedAt: string;
              deletedAt: string | null;
            };
          };
        };
      };
      /** @description The request is not valid (validation_failed names each field in details; malformed_json...) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The workspace or the thing named in the path is not there, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  deleteWritebackMapping: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        workspaceId: string;
        mappingId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description The request is not valid (validation_failed names each field in details; malformed_json...) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The caller may not do this (forbidden: admins only; cross_site_request; user_session_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The workspace or the thing named in the path is not there, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  updateWritebackMapping: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        workspaceId: string;
        mappingId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** Format: uuid */
          connectionId?: string;
          crmProperty?: string;
          writeMode?: 'overwrite' | 'never_overwrite' | 'append' | 'append_if_changed';
          appendSeparator?: string;
          timestampFormat?: 'prefix' | 'suffix' | 'none';
          maxEntries?: number | null;
          writeCondition?: string | null;
          /** @description raw, truncate:n, round:n, date_only, uppercase or score_label */
          valueTransform?: string;
          trigger?: 'after_compute' | 'schedule' | 'manual';
          enabled?: boolean;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            mapping: {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              workspaceId: string;
              /** Format: uuid */
              connectionId: string;
              pandoraField: string;
              objectType: 'deal' | 'account';
              crmProperty: string;
              crmPropertyType: string;
              writeMode: 'overwrite' | 'never_overwrite' | 'append' | 'append_if_changed';
              appendSeparator: string;
              timestampFormat: 'prefix' | 'suffix' | 'none';
              maxEntries: number | null;
              writeCondition: string | null;
              valueTransform: string;
              trigger: 'after_compute' | 'schedule' | 'manual';
              enabled: boolean;
              createdBy: string | null;
              createdAt: string;
              updatedAt: string;
              deletedAt: string | null;
            };
            warnings: string[];
          };
        };
      };
      /** @description The request is not valid (validation_failed names each field in details; malformed_json...) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The caller may not do this (forbidden: admins only; cross_site_request; user_session_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The workspace or the thing named in the path is not there, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The request conflicts with the current state; the code says how */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description payload_too_large: the body is over 1 MiB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description unsupported_media_type: send the body as application/json */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  testWritebackMapping: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        workspaceId: string;
        mappingId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** Format: uuid */
          entityId?: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            preview: {
              mapping: {
                /** Format: uuid */
                id: string;
                /** Format: uuid */
                workspaceId: string;
                /** Format: uuid */
                connectionId: string;
                pandoraField: string;
                objectType: 'deal' | 'account';
                crmProperty: string;
                crmPropertyType: string;
                writeMode: 'overwrite' | 'never_overwrite' | 'append' | 'append_if_changed';
                appendSeparator: string;
                timestampFormat: 'prefix' | 'suffix' | 'none';
                maxEntries: number | null;
                writeCondition: string | null;
                valueTransform: string;
                trigger: 'after_compute' | 'schedule' | 'manual';
                enabled: boolean;
                createdBy: string | null;
                createdAt: string;
                updatedAt: string;
                deletedAt: string | null;
              };
              record: {
                /** Format: uuid */
                entityId: string;
                recordId: string;
                name: string | null;
              };
              computed: {
                value: string | number | boolean | null;
                computedAt: string;
              };
              transformed: string | number | boolean | null;
              current: string | number | boolean | null;
              decision: 'write' | 'unchanged' | 'skipped';
              reason: string | null;
              after: string | number | boolean | null;
            };
          };
        };
      };
      /** @description The request is not valid (validation_failed names each field in details; malformed_json...) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The caller may not do this (forbidden: admins only; cross_site_request; user_session_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The workspace or the thing named in the path is not there, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The request conflicts with the current state; the code says how */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description payload_too_large: the body is over 1 MiB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description unsupported_media_type: send the body as application/json */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  listWritebackRuns: {
    parameters: {
      query?: {
        limit?: number;
      };
      header?: never;
      path: {
        workspaceId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            runs: {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              workspaceId: string;
              trigger: 'after_compute' | 'manual' | 'schedule';
              actor: string | null;
              mappingIds: string[];
              computeRunId: string | null;
              status: 'queued' | 'running' | 'succeeded' | 'partial' | 'failed';
              total: number;
              done: number;
              report: {
                considered?: number;
                unchanged?: number;
                skipped_condition?: number;
                written?: number;
                failed?: number;
                crm_calls?: number;
              } & {
                [key: string]: unknown;
              };
              failures: ({
                mappingId: string;
                entityId: string;
                recordId: string;
                reason: string;
              } & {
                [key: string]: unknown;
              })[];
              error: string | null;
              createdAt: string;
              startedAt: string | null;
              finishedAt: string | null;
            }[];
          };
        };
      };
      /** @description The request is not valid (validation_failed names each field in details; malformed_json...) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The workspace or the thing named in the path is not there, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  startWritebackRun: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        workspaceId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          mappingIds?: string[];
        };
      };
    };
    responses: {
      /** @description Default Response */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            run: {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              workspaceId: string;
              trigger: 'after_compute' | 'manual' | 'schedule';
              actor: string | null;
              mappingIds: string[];
              computeRunId: string | null;
              status: 'queued' | 'running' | 'succeeded' | 'partial' | 'failed';
              total: number;
              done: number;
              report: {
                considered?: number;
                unchanged?: number;
                skipped_condition?: number;
                written?: number;
                failed?: number;
                crm_calls?: number;
              } & {
                [key: string]: unknown;
              };
              failures: ({
                mappingId: string;
                entityId: string;
                recordId: string;
                reason: string;
              } & {
                [key: string]: unknown;
              })[];
              error: string | null;
              createdAt: string;
              startedAt: string | null;
              finishedAt: string | null;
            };
          };
        };
      };
      /** @description The request is not valid (validation_failed names each field in details; malformed_json...) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The caller may not do this (forbidden: admins only; cross_site_request; user_session_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The workspace or the thing named in the path is not there, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The request conflicts with the current state; the code says how */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description payload_too_large: the body is over 1 MiB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description unsupported_media_type: send the body as application/json */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  computeWritebackFields: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        workspaceId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          skill: 'deal-score' | 'account-score';
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** Format: uuid */
            runId: string;
            considered: number;
            /** @description Records whose fields changed */
            changed: number;
            /** @description Write-back runs queued after it */
            writebackRunIds: string[];
          };
        };
      };
      /** @description The request is not valid (validation_failed names each field in details; malformed_json...) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The caller may not do this (forbidden: admins only; cross_site_request; user_session_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The workspace or the thing named in the path is not there, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description payload_too_large: the body is over 1 MiB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description unsupported_media_type: send the body as application/json */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  getWritebackRun: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        workspaceId: string;
        writebackRunId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            run: {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              workspaceId: string;
              trigger: 'after_compute' | 'manual' | 'schedule';
              actor: string | null;
              mappingIds: string[];
              computeRunId: string | null;
              status: 'queued' | 'running' | 'succeeded' | 'partial' | 'failed';
              total: number;
              done: number;
              report: {
                considered?: number;
                unchanged?: number;
                skipped_condition?: number;
                written?: number;
                failed?: number;
                crm_calls?: number;
              } & {
                [key: string]: unknown;
              };
              failures: ({
                mappingId: string;
                entityId: string;
                recordId: string;
                reason: string;
              } & {
                [key: string]: unknown;
              })[];
              error: string | null;
              createdAt: string;
              startedAt: string | null;
              finishedAt: string | null;
            };
          };
        };
      };
      /** @description The request is not valid (validation_failed names each field in details; malformed_json...) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The workspace or the thing named in the path is not there, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  listWritebackLog: {
    parameters: {
      query?: {
        mappingId?: string;
        recordId?: string;
        status?: 'pending' | 'written' | 'unchanged' | 'failed';
        since?: string;
        until?: string;
        before?: number;
        limit?: number;
      };
      header?: never;
      path: {
        workspaceId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            writes: {
              id: number;
              connectionId: string | null;
              crmType: 'hubspot' | 'salesforce';
              objectType: 'deal' | 'contact' | 'account';
              recordId: string;
              field: string;
              valueBefore: string | number | boolean | null;
              valueToWrite:
                | string
                | number
                | boolean
                | null
                | {
                    [key: string]: unknown;
                  };
              originType: 'action' | 'writeback' | 'flow' | 'person' | 'undo' | 'system';
              originId: string | null;
              actor: string | null;
              status: 'pending' | 'written' | 'unchanged' | 'failed';
              attempts: number;
              error:
                | ({
                    kind: string;
                    message: string;
                    crmCode: string | null;
                    field: string | null;
                  } & {
                    [key: string]: unknown;
                  })
                | null;
              settledBy: string | null;
              /** Format: date-time */
              createdAt: string;
              settledAt: string | null;
            }[];
            nextCursor: number | null;
          };
        };
      };
      /** @description The request is not valid (validation_failed names each field in details; malformed_json...) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The workspace or the thing named in the path is not there, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  listConversationSources: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        workspaceId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            sources: {
              /** Format: uuid */
              id: string;
              sourceType: 'gong' | 'fireflies' | 'webhook';
              /** @description `sandbox`: an emulated recorder the server set up (the demo) */
              kind: 'source' | 'sandbox';
              name: string;
              status: 'pending' | 'connected' | 'error' | 'disconnected';
              statusMessage: string | null;
              hasCredentials: boolean;
              authMethod: 'access_key' | 'oauth' | 'api_key' | 'signing_secret' | null;
              /** @description Users in the directory as last fetched */
              directorySize: number;
              directoryFetchedAt: string | null;
              /** @description Directory ids of the users whose calls are synced */
              trackedUserIds: string[];
              lastSyncAt: string | null;
              syncIntervalHours: number;
              /** Format: date-time */
              createdAt: string;
              /** Format: date-time */
              updatedAt: string;
            }[];
          };
        };
      };
      /** @description The request is not valid (validation_failed names each field in details; malformed_json...) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The workspace or the thing named in the path is not there, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  listSalesRoster: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        workspaceId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            reps: {
              email: string;
              name: string;
              title: string | null;
              /** @description Active in at least one recorder */
              active: boolean;
              /** @description The CRM owners with this email */
              crmOwners: {
                /** Format: uuid */
                id: string;
                /** @description The CRM: hubspot or salesforce */
                source: string;
                sourceId: string;
                name: string;
              }[];
              sources: {
                /** Format: uuid */
                connectionId: string;
                sourceType: 'gong' | 'fireflies' | 'webhook';
                sourceName: string;
                /** @description The recorder's id of this person */
                userId: string;
              }[];
            }[];
          };
        };
      };
      /** @description The request is not valid (validation_failed names each field in details; malformed_json...) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The workspace or the thing named in the path is not there, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  createWebhookSource: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        workspaceId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          name: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            source: {
              /** Format: uuid */
              id: string;
              sourceType: 'gong' | 'fireflies' | 'webhook';
              /** @description `sandbox`: an emulated recorder the server set up (the demo) */
              kind: 'source' | 'sandbox';
              name: string;
              status: 'pending' | 'connected' | 'error' | 'disconnected';
              statusMessage: string | null;
              hasCredentials: boolean;
              authMethod: 'access_key' | 'oauth' | 'api_key' | 'signing_secret' | null;
              /** @description Users in the directory as last fetched */
              directorySize: number;
              directoryFetchedAt: string | null;
              /** @description Directory ids of the users whose calls are synced */
              trackedUserIds: string[];
              lastSyncAt: string | null;
              syncIntervalHours: number;
              /** Format: date-time */
              createdAt: string;
              /** Format: date-time */
              updatedAt: string;
            };
            /** @description Shown once: sign each delivery with it (see POST /api/hooks/conversations/{connectionId}) */
            signingSecret: string;
            /** @description Where the sender posts meetings */
            webhookUrl: string;
          };
        };
      };
      /** @description The request is not valid (validation_failed names each field in details; malformed_json...) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The caller may not do this (forbidden: admins only; cross_site_request; user_session_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The workspace or the thing named in the path is not there, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description payload_too_large: the body is over 1 MiB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description unsupported_media_type: send the body as application/json */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  getConversationSource: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        workspaceId: string;
        sourceId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            source: {
              /** Format: uuid */
              id: string;
              sourceType: 'gong' | 'fireflies' | 'webhook';
              /** @description `sandbox`: an emulated recorder the server set up (the demo) */
              kind: 'source' | 'sandbox';
              name: string;
              status: 'pending' | 'connected' | 'error' | 'disconnected';
              statusMessage: string | null;
              hasCredentials: boolean;
              authMethod: 'access_key' | 'oauth' | 'api_key' | 'signing_secret' | null;
              /** @description Users in the directory as last fetched */
              directorySize: number;
              directoryFetchedAt: string | null;
              /** @description Directory ids of the users whose calls are synced */
              trackedUserIds: string[];
              lastSyncAt: string | null;
              syncIntervalHours: number;
              /** Format: date-time */
              createdAt: string;
              /** Format: date-time */
              updatedAt: string;
            };
          };
        };
      };
      /** @description The request is not valid (validation_failed names each field in details; malformed_json...) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The workspace or the thing named in the path is not there, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  deleteConversationSource: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        workspaceId: string;
        sourceId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description The request is not valid (validation_failed names each field in details; malformed_json...) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The caller may not do this (forbidden: admins only; cross_site_request; user_session_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The workspace or the thing named in the path is not there, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  updateConversationSource: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        workspaceId: string;
        sourceId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          name?: string;
          syncIntervalHours?: number;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            source: {
              /** Format: uuid */
              id: string;
              sourceType: 'gong' | 'fireflies' | 'webhook';
              /** @description `sandbox`: an emulated recorder the server set up (the demo) */
              kind: 'source' | 'sandbox';
              name: string;
              status: 'pending' | 'connected' | 'error' | 'disconnected';
              statusMessage: string | null;
              hasCredentials: boolean;
              authMethod: 'access_key' | 'oauth' | 'api_key' | 'signing_secret' | null;
              /** @description Users in the directory as last fetched */
              directorySize: number;
              directoryFetchedAt: string | null;
              /** @description Directory ids of the users whose calls are synced */
              trackedUserIds: string[];
              lastSyncAt: string | null;
              syncIntervalHours: number;
              /** Format: date-time */
              createdAt: string;
              /** Format: date-time */
              updatedAt: string;
            };
          };
        };
      };
      /** @description The request is not valid (validation_failed names each field in details; malformed_json...) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The caller may not do this (forbidden: admins only; cross_site_request; user_session_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The workspace or the thing named in the path is not there, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description payload_too_large: the body is over 1 MiB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description unsupported_media_type: send the body as application/json */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  rotateWebhookSourceSecret: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        workspaceId: string;
        sourceId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            source: {
              /** Format: uuid */
              id: string;
              sourceType: 'gong' | 'fireflies' | 'webhook';
              /** @description `sandbox`: an emulated recorder the server set up (the demo) */
              kind: 'source' | 'sandbox';
              name: string;
              status: 'pending' | 'connected' | 'error' | 'disconnected';
              statusMessage: string | null;
              hasCredentials: boolean;
              authMethod: 'access_key' | 'oauth' | 'api_key' | 'signing_secret' | null;
              /** @description Users in the directory as last fetched */
              directorySize: number;
              directoryFetchedAt: string | null;
              /** @description Directory ids of the users whose calls are synced */
              trackedUserIds: string[];
              lastSyncAt: string | null;
              syncIntervalHours: number;
              /** Format: date-time */
              createdAt: string;
              /** Format: date-time */
              updatedAt: string;
            };
            /** @description Shown once: sign each delivery with it (see POST /api/hooks/conversations/{connectionId}) */
            signingSecret: string;
            /** @description Where the sender posts meetings */
            webhookUrl: string;
          };
        };
      };
      /** @description The request is not valid (validation_failed names each field in details; malformed_json...) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The caller may not do this (forbidden: admins only; cross_site_request; user_session_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The workspace or the thing named in the path is not there, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The request conflicts with the current state; the code says how */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  connectGong: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        workspaceId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          name: string;
          accessKey?: string;
          accessKeySecret?: string;
          /** @description An OAuth bearer token instead of the key pair */
          accessToken?: string;
          /** @description The company's own Gong API host (OAuth's api_base_url_for_customer); https://api.gong.io by default */
          baseUrl?: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            source: {
              /** Format: uuid */
              id: string;
              sourceType: 'gong' | 'fireflies' | 'webhook';
              /** @description `sandbox`: an emulated recorder the server set up (the demo) */
              kind: 'source' | 'sandbox';
              name: string;
              status: 'pending' | 'connected' | 'error' | 'disconnected';
              statusMessage: string | null;
              hasCredentials: boolean;
              authMethod: 'access_key' | 'oauth' | 'api_key' | 'signing_secret' | null;
              /** @description Users in the directory as last fetched */
              directorySize: number;
              directoryFetchedAt: string | null;
              /** @description Directory ids of the users whose calls are synced */
              trackedUserIds: string[];
              lastSyncAt: string | null;
              syncIntervalHours: number;
              /** Format: date-time */
              createdAt: string;
              /** Format: date-time */
              updatedAt: string;
            };
          };
        };
      };
      /** @description The request is not valid (validation_failed names each field in details; malformed_json...) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The caller may not do this (forbidden: admins only; cross_site_request; user_session_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The workspace or the thing named in the path is not there, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description payload_too_large: the body is over 1 MiB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description unsupported_media_type: send the body as application/json */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  connectFireflies: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        workspaceId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          name: string;
          apiKey: string;
          /** @description The Fireflies plan: it sets the API's rate limits (free and pro: 50 calls a day) */
          plan?: 'free' | 'pro' | 'business' | 'enterprise';
        };
      };
    };
    responses: {
      /** @description Default Response */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            source: {
              /** Format: uuid */
              id: string;
              sourceType: 'gong' | 'fireflies' | 'webhook';
              /** @description `sandbox`: an emulated recorder the server set up (the demo) */
              kind: 'source' | 'sandbox';
              name: string;
              status: 'pending' | 'connected' | 'error' | 'disconnected';
              statusMessage: string | null;
              hasCredentials: boolean;
              authMethod: 'access_key' | 'oauth' | 'api_key' | 'signing_secret' | null;
              /** @description Users in the directory as last fetched */
              directorySize: number;
              directoryFetchedAt: string | null;
              /** @description Directory ids of the users whose calls are synced */
              trackedUserIds: string[];
              lastSyncAt: string | null;
              syncIntervalHours: number;
              /** Format: date-time */
              createdAt: string;
              /** Format: date-time */
              updatedAt: string;
            };
          };
        };
      };
      /** @description The request is not valid (validation_failed names each field in details; malformed_json...) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The caller may not do this (forbidden: admins only; cross_site_request; user_session_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The workspace or the thing named in the path is not there, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description payload_too_large: the body is over 1 MiB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description unsupported_media_type: send the body as application/json */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  replaceConversationSourceCredentials: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        workspaceId: string;
        sourceId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          accessKey?: string;
          accessKeySecret?: string;
          accessToken?: string;
          apiKey?: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            source: {
              /** Format: uuid */
              id: string;
              sourceType: 'gong' | 'fireflies' | 'webhook';
              /** @description `sandbox`: an emulated recorder the server set up (the demo) */
              kind: 'source' | 'sandbox';
              name: string;
              status: 'pending' | 'connected' | 'error' | 'disconnected';
              statusMessage: string | null;
              hasCredentials: boolean;
              authMethod: 'access_key' | 'oauth' | 'api_key' | 'signing_secret' | null;
              /** @description Users in the directory as last fetched */
              directorySize: number;
              directoryFetchedAt: string | null;
              /** @description Directory ids of the users whose calls are synced */
              trackedUserIds: string[];
              lastSyncAt: string | null;
              syncIntervalHours: number;
              /** Format: date-time */
              createdAt: string;
              /** Format: date-time */
              updatedAt: string;
            };
          };
        };
      };
      /** @description The request is not valid (validation_failed names each field in details; malformed_json...) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The caller may not do this (forbidden: admins only; cross_site_request; user_session_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The workspace or the thing named in the path is not there, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The request conflicts with the current state; the code says how */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description payload_too_large: the body is over 1 MiB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description unsupported_media_type: send the body as application/json */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  listConversationSourceUsers: {
    parameters: {
      query?: {
        refresh?: boolean;
      };
      header?: never;
      path: {
        workspaceId: string;
        sourceId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            source: {
              /** Format: uuid */
              id: string;
              sourceType: 'gong' | 'fireflies' | 'webhook';
              /** @description `sandbox`: an emulated recorder the server set up (the demo) */
              kind: 'source' | 'sandbox';
              name: string;
              status: 'pending' | 'connected' | 'error' | 'disconnected';
              statusMessage: string | null;
              hasCredentials: boolean;
              authMethod: 'access_key' | 'oauth' | 'api_key' | 'signing_secret' | null;
              /** @description Users in the directory as last fetched */
              directorySize: number;
              directoryFetchedAt: string | null;
              /** @description Directory ids of the users whose calls are synced */
              trackedUserIds: string[];
              lastSyncAt: string | null;
              syncIntervalHours: number;
              /** Format: date-time */
              createdAt: string;
              /** Format: date-time */
              updatedAt: string;
            };
            users: {
              id: string;
              email: string;
              name: string;
              title: string | null;
              active: boolean;
              tracked: boolean;
            }[];
            fetchedAt: string | null;
          };
        };
      };
      /** @description The request is not valid (validation_failed names each field in details; malformed_json...) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The workspace or the thing named in the path is not there, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The request conflicts with the current state; the code says how */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  setConversationSourceTrackedUsers: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        workspaceId: string;
        sourceId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          userIds: string[];
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            source: {
              /** Format: uuid */
              id: string;
              sourceType: 'gong' | 'fireflies' | 'webhook';
              /** @description `sandbox`: an emulated recorder the server set up (the demo) */
              kind: 'source' | 'sandbox';
              name: string;
              status: 'pending' | 'connected' | 'error' | 'disconnected';
              statusMessage: string | null;
              hasCredentials: boolean;
              authMethod: 'access_key' | 'oauth' | 'api_key' | 'signing_secret' | null;
              /** @description Users in the directory as last fetched */
              directorySize: number;
              directoryFetchedAt: string | null;
              /** @description Directory ids of the users whose calls are synced */
              trackedUserIds: string[];
              lastSyncAt: string | null;
              syncIntervalHours: number;
              /** Format: date-time */
              createdAt: string;
              /** Format: date-time */
              updatedAt: string;
            };
            syncQueued: boolean;
          };
        };
      };
      /** @description The request is not valid (validation_failed names each field in details; malformed_json...) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The caller may not do this (forbidden: admins only; cross_site_request; user_session_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The workspace or the thing named in the path is not there, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The request conflicts with the current state; the code says how */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description payload_too_large: the body is over 1 MiB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description unsupported_media_type: send the body as application/json */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  startConversationSourceSync: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        workspaceId: string;
        sourceId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            jobId: string;
          };
        };
      };
      /** @description The request is not valid (validation_failed names each field in details; malformed_json...) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The caller may not do this (forbidden: admins only; cross_site_request; user_session_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The workspace or the thing named in the path is not there, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The request conflicts with the current state; the code says how */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  uploadConversations: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        workspaceId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': unknown[];
        'text/csv': string;
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            rows: number;
            created: number;
            updated: number;
            unchanged: number;
            /** @description Invalid rows, and repeats of an earlier row of the file */
            skipped: number;
            /** @description The first 100 */
            errors: {
              /** @description 1 for the first meeting (the line after the header) */
              row: number;
              column: string | null;
              message: string;
            }[];
            errorCount: number;
          };
        };
      };
      /** @description The request is not valid (validation_failed names each field in details; malformed_json...) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The caller may not do this (forbidden: admins only; cross_site_request; user_session_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The workspace or the thing named in the path is not there, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description payload_too_large: the body is over 1 MiB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description unsupported_media_type: send the body as application/json */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  deliverWebhookMeeting: {
    parameters: {
      query?: never;
      header?: {
        /** @description Unix seconds when the delivery was signed */
        'x-pandora-timestamp'?: string;
        /** @description sha256=<hex HMAC-SHA256 of "<timestamp>.<raw body>"> */
        'x-pandora-signature'?: string;
      };
      path: {
        connectionId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @description The sender's own meeting id: a meeting sent again with the same id is the same meeting */
          id: string;
          title: string;
          /** Format: date-time */
          startedAt: string;
          /** @description In seconds */
          duration: number;
          participants: {
            /** Format: email */
            email: string;
            name?: string;
          }[];
          /**
           * Format: email
           * @description The rep who ran it, when the recorder knows
           */
          hostEmail?: string;
          transcript?: string;
          /** Format: uri */
          url?: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** Format: uuid */
            conversationId: string;
            /** @description This meeting id was delivered before with the same content: nothing was stored */
            duplicate: boolean;
            /** @description It was delivered before; this copy changed it */
            updated: boolean;
          };
        };
      };
      /** @description Default Response */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** Format: uuid */
            conversationId: string;
            /** @description This meeting id was delivered before with the same content: nothing was stored */
            duplicate: boolean;
            /** @description It was delivered before; this copy changed it */
            updated: boolean;
          };
        };
      };
      /** @description The request is not valid (validation_failed names each field in details; malformed_json...) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The caller may not do this (forbidden: admins only; cross_site_request; user_session_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The workspace or the thing named in the path is not there, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description payload_too_large: the body is over 1 MiB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description unsupported_media_type: send the body as application/json */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  createConversationDeal: {
    parameters: {
      query?: never;
      header?: {
        'idempotency-key'?: string;
      };
      path: {
        workspaceId: string;
        conversationId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @description Default "Account – title" */
          name?: string;
          amount?: number | null;
          /** @description A stage of the pipeline (id or label); default the pipeline's first open stage */
          stage?: string;
          pipeline?: string;
          /**
           * Format: date
           * @description YYYY-MM-DD; default 30 days from today
           */
          closeDate?: string;
          /** Format: email */
          ownerEmail?: string;
          contacts?: {
            /** Format: email */
            email: string;
            firstName?: string;
            lastName?: string;
            /** @description `create` a new CRM contact, or `associate` the CRM contact with this email */
            mode: 'create' | 'associate';
          }[];
        };
      };
    };
    responses: {
      /** @description Made by an earlier request */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            deal: {
              /** Format: uuid */
              actionId: string;
              crmType: string;
              /** @description The deal's id in the CRM */
              dealId: string;
              /** @description Where to open the deal in the CRM (or the sandbox) */
              dealUrl: string;
              /** Format: uuid */
              pandoraDealId: string;
              /** Format: uuid */
              conversationId: string;
              contacts: {
                email: string;
                contactId: string;
                created: boolean;
              }[];
              execution: unknown;
              replayed: boolean;
            };
          };
        };
      };
      /** @description Default Response */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            deal: {
              /** Format: uuid */
              actionId: string;
              crmType: string;
              /** @description The deal's id in the CRM */
              dealId: string;
              /** @description Where to open the deal in the CRM (or the sandbox) */
              dealUrl: string;
              /** Format: uuid */
              pandoraDealId: string;
              /** Format: uuid */
              conversationId: string;
              contacts: {
                email: string;
                contactId: string;
                created: boolean;
              }[];
              execution: unknown;
              replayed: boolean;
            };
          };
        };
      };
      /** @description The request is not valid (validation_failed names each field in details; malformed_json...) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The caller may not do this (forbidden: admins only; cross_site_request; user_session_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The workspace or the thing named in the path is not there, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The request conflicts with the current state; the code says how */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description payload_too_large: the body is over 1 MiB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description unsupported_media_type: send the body as application/json */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The request is understood but cannot be carried out; the code says why */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description An error */
      502: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  listConversations: {
    parameters: {
      query?: {
        internal?: boolean;
        linked?: 'deal' | 'account_only' | 'none';
        source?: string;
        /** @description The rep's email: the host, or the CRM owner's email */
        rep?: string;
        /** @description Inclusive */
        from?: string;
        /** @description Exclusive */
        to?: string;
        limit?: number;
        after?: string;
      };
      header?: never;
      path: {
        workspaceId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            conversations: {
              /** Format: uuid */
              id: string;
              /** @description gong, fireflies, webhook, upload, demo... */
              source: string;
              sourceId: string;
              connectionId: string | null;
              title: string;
              /** Format: date-time */
              startedAt: string;
              durationSeconds: number;
              isInternal: boolean;
              internalReason: string | null;
              hostEmail: string | null;
              owner: {
                /** Format: uuid */
                id: string;
                name: string;
                email: string | null;
              } | null;
              participantCount: number;
              account: {
                /** Format: uuid */
                id: string;
                name: string;
                domain: string | null;
              } | null;
              deal: {
                /** Format: uuid */
                id: string;
                name: string;
                stage: string | null;
                stageNormalized: string | null;
              } | null;
              contact: {
                /** Format: uuid */
                id: string;
                name: string | null;
                email: string | null;
              } | null;
              linkMethod:
                ('email' | 'crm_ids' | 'single_open_deal' | 'account_domain' | 'manual') | null;
              linkConfidence: number | null;
              linkedAt: string | null;
              linkedBy: string | null;
            }[];
            nextCursor: string | null;
          };
        };
      };
      /** @description The request is not valid (validation_failed names each field in details; malformed_json...) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The workspace or the thing named in the path is not there, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  getConversation: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        workspaceId: string;
        conversationId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            conversation: {
              /** Format: uuid */
              id: string;
              /** @description gong, fireflies, webhook, upload, demo... */
              source: string;
              sourceId: string;
              connectionId: string | null;
              title: string;
              /** Format: date-time */
              startedAt: string;
              durationSeconds: number;
              isInternal: boolean;
              internalReason: string | null;
              hostEmail: string | null;
              owner: {
                /** Format: uuid */
                id: string;
                name: string;
                email: string | null;
              } | null;
              participantCount: number;
              account: {
                /** Format: uuid */
                id: string;
                name: string;
                domain: string | null;
              } | null;
              deal: {
                /** Format: uuid */
                id: string;
                name: string;
                stage: string | null;
                stageNormalized: string | null;
              } | null;
              contact: {
                /** Format: uuid */
                id: string;
                name: string | null;
                email: string | null;
              } | null;
              linkMethod:
                ('email' | 'crm_ids' | 'single_open_deal' | 'account_domain' | 'manual') | null;
              linkConfidence: number | null;
              linkedAt: string | null;
              linkedBy: string | null;
              participants: {
                email: string | null;
                name: string | null;
                contactId: string | null;
              }[];
              transcript: string | null;
              contacts: {
                /** Format: uuid */
                id: string;
                name: string | null;
                email: string | null;
                accountId: string | null;
              }[];
              gap: {
                dismissedAt: string | null;
                dismissedBy: string | null;
                dismissReason: string | null;
                dealCreatedAt: string | null;
              };
            };
          };
        };
      };
      /** @description The request is not valid (validation_failed names each field in details; malformed_json...) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The workspace or the thing named in the path is not there, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  setConversationLink: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        workspaceId: string;
        conversationId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** Format: uuid */
          dealId?: string;
          /** Format: uuid */
          accountId?: string;
          /** Format: uuid */
          contactId?: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            conversation: {
              /** Format: uuid */
              id: string;
              /** @description gong, fireflies, webhook, upload, demo... */
              source: string;
              sourceId: string;
              connectionId: string | null;
              title: string;
              /** Format: date-time */
              startedAt: string;
              durationSeconds: number;
              isInternal: boolean;
              internalReason: string | null;
              hostEmail: string | null;
              owner: {
                /** Format: uuid */
                id: string;
                name: string;
                email: string | null;
              } | null;
              participantCount: number;
              account: {
                /** Format: uuid */
                id: string;
                name: string;
                domain: string | null;
              } | null;
              deal: {
                /** Format: uuid */
                id: string;
                name: string;
                stage: string | null;
                stageNormalized: string | null;
              } | null;
              contact: {
                /** Format: uuid */
                id: string;
                name: string | null;
                email: string | null;
              } | null;
              linkMethod:
                ('email' | 'crm_ids' | 'single_open_deal' | 'account_domain' | 'manual') | null;
              linkConfidence: number | null;
              linkedAt: string | null;
              linkedBy: string | null;
              participants: {
                email: string | null;
                name: string | null;
                contactId: string | null;
              }[];
              transcript: string | null;
              contacts: {
                /** Format: uuid */
                id: string;
                name: string | null;
                email: string | null;
                accountId: string | null;
              }[];
              gap: {
                dismissedAt: string | null;
                dismissedBy: string | null;
                dismissReason: string | null;
                dealCreatedAt: string | null;
              };
            };
          };
        };
      };
      /** @description The request is not valid (validation_failed names each field in details; malformed_json...) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The caller may not do this (forbidden: admins only; cross_site_request; user_session_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The workspace or the thing named in the path is not there, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description payload_too_large: the body is over 1 MiB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description unsupported_media_type: send the body as application/json */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The request is understood but cannot be carried out; the code says why */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  removeConversationLink: {
    parameters: {
      query?: {
        automatic?: boolean;
      };
      header?: never;
      path: {
        workspaceId: string;
        conversationId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            conversation: {
              /** Format: uuid */
              id: string;
              /** @description gong, fireflies, webhook, upload, demo... */
              source: string;
              sourceId: string;
              connectionId: string | null;
              title: string;
              /** Format: date-time */
              startedAt: string;
              durationSeconds: number;
              isInternal: boolean;
              internalReason: string | null;
              hostEmail: string | null;
              owner: {
                /** Format: uuid */
                id: string;
                name: string;
                email: string | null;
              } | null;
              participantCount: number;
              account: {
                /** Format: uuid */
                id: string;
                name: string;
                domain: string | null;
              } | null;
              deal: {
                /** Format: uuid */
                id: string;
                name: string;
                stage: string | null;
                stageNormalized: string | null;
              } | null;
              contact: {
                /** Format: uuid */
                id: string;
                name: string | null;
                email: string | null;
              } | null;
              linkMethod:
                ('email' | 'crm_ids' | 'single_open_deal' | 'account_domain' | 'manual') | null;
              linkConfidence: number | null;
              linkedAt: string | null;
              linkedBy: string | null;
              participants: {
                email: string | null;
                name: string | null;
                contactId: string | null;
              }[];
              transcript: string | null;
              contacts: {
                /** Format: uuid */
                id: string;
                name: string | null;
                email: string | null;
                accountId: string | null;
              }[];
              gap: {
                dismissedAt: string | null;
                dismissedBy: string | null;
                dismissReason: string | null;
                dealCreatedAt: string | null;
              };
            };
          };
        };
      };
      /** @description The request is not valid (validation_failed names each field in details; malformed_json...) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The caller may not do this (forbidden: admins only; cross_site_request; user_session_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The workspace or the thing named in the path is not there, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  listConversationGaps: {
    parameters: {
      query?: {
        severity?: ('high' | 'medium' | 'low')[];
        cause?: ('deal_not_created' | 'early_stage' | 'disqualified_not_logged')[];
        /** @description The rep's email: the host, or the CRM owner's email */
        rep?: string;
        limit?: number;
        after?: string;
      };
      header?: never;
      path: {
        workspaceId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            gaps: {
              /** Format: uuid */
              conversationId: string;
              title: string;
              source: string;
              /** Format: date-time */
              startedAt: string;
              durationSeconds: number;
              severity: 'high' | 'medium' | 'low';
              cause: 'deal_not_created' | 'early_stage' | 'disqualified_not_logged';
              participants: {
                email: string | null;
                name: string | null;
              }[];
              account: {
                /** Format: uuid */
                id: string;
                name: string;
                domain: string | null;
                /** @description The CRM it came from (hubspot, salesforce...) */
                source: string;
                /** @description Its id in that CRM */
                sourceId: string;
              };
              openDeals: {
                /** Format: uuid */
                id: string;
                name: string;
                stage: string | null;
                amount: number | null;
                closeDate: string | null;
              }[];
              /** @description The account's contacts (at most 25; totalContacts counts them all) */
              contacts: {
                /** Format: uuid */
                id: string;
                name: string | null;
                email: string | null;
                title: string | null;
                /** @description Took part in this meeting */
                participated: boolean;
              }[];
              totalContacts: number;
              rep: {
                ownerId: string | null;
                name: string | null;
                email: string | null;
              };
            }[];
            nextCursor: string | null;
          };
        };
      };
      /** @description The request is not valid (validation_failed names each field in details; malformed_json...) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The workspace or the thing named in the path is not there, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  getConversationGapSummary: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        workspaceId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            summary: {
              open: number;
              bySeverity: {
                high: number;
                medium: number;
                low: number;
              };
              createdThisMonth: number;
              dismissedThisMonth: number;
            };
          };
        };
      };
      /** @description The request is not valid (validation_failed names each field in details; malformed_json...) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The workspace or the thing named in the path is not there, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  dismissConversationGap: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        workspaceId: string;
        conversationId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          reason: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** Format: date-time */
            dismissedAt: string;
          };
        };
      };
      /** @description The request is not valid (validation_failed names each field in details; malformed_json...) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The caller may not do this (forbidden: admins only; cross_site_request; user_session_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The workspace or the thing named in the path is not there, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The request conflicts with the current state; the code says how */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description payload_too_large: the body is over 1 MiB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description unsupported_media_type: send the body as application/json */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  getInternalDomains: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        workspaceId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            domains: string[];
            resolved: {
              domains: string[];
              /** @description setting: the admin’s list; team: tracked reps’ and CRM owners’ domains; inference: the hosts’ domain no contact has; none */
              source: 'setting' | 'team' | 'inference' | 'none';
            };
          };
        };
      };
      /** @description The request is not valid (validation_failed names each field in details; malformed_json...) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The workspace or the thing named in the path is not there, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  setInternalDomains: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        workspaceId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          domains: string[];
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            domains: string[];
            resolved: {
              domains: string[];
              /** @description setting: the admin’s list; team: tracked reps’ and CRM owners’ domains; inference: the hosts’ domain no contact has; none */
              source: 'setting' | 'team' | 'inference' | 'none';
            };
            reclassification: {
              /** @enum {string} */
              status: 'queued';
              /** @enum {string} */
              job: 'conversations.link';
            };
          };
        };
      };
      /** @description The request is not valid (validation_failed names each field in details; malformed_json...) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The caller may not do this (forbidden: admins only; cross_site_request; user_session_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The workspace or the thing named in the path is not there, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description payload_too_large: the body is over 1 MiB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description unsupported_media_type: send the body as application/json */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  listRepManagers: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        workspaceId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            repManagers: {
              /** @description The rep, as actions name their owner (lower-cased) */
              repEmail: string;
              /** Format: uuid */
              managerUserId: string;
              managerEmail: string;
              managerName: string;
              /** Format: date-time */
              updatedAt: string;
            }[];
          };
        };
      };
      /** @description The request is not valid (validation_failed names each field in details; malformed_json...) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The caller may not do this (forbidden: admins only; cross_site_request; user_session_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The workspace or the thing named in the path is not there, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  setRepManagers: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        workspaceId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          repManagers: {
            /** Format: email */
            repEmail: string;
            /** Format: uuid */
            managerUserId: string;
          }[];
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            repManagers: {
              /** @description The rep, as actions name their owner (lower-cased) */
              repEmail: string;
              /** Format: uuid */
              managerUserId: string;
              managerEmail: string;
              managerName: string;
              /** Format: date-time */
              updatedAt: string;
            }[];
          };
        };
      };
      /** @description The request is not valid (validation_failed names each field in details; malformed_json...) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The caller may not do this (forbidden: admins only; cross_site_request; user_session_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The workspace or the thing named in the path is not there, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description payload_too_large: the body is over 1 MiB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description unsupported_media_type: send the body as application/json */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  listAgents: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        workspaceId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            agents: {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              connectionId: string;
              /** @description hubspot or salesforce */
              crmType: string;
              name: string;
              callTypes: ('discovery' | 'demo' | 'negotiation' | 'renewal')[];
              scope: {
                ownerIds?: string[];
                pipelines?: string[];
                recordTypes: ('deal' | 'contact' | 'account')[];
                competitors?: string[];
                fiscalYearStartMonth?: number;
              };
              fields: {
                field: string;
                crmProperty: string | null;
                rule: 'auto' | 'ask' | 'never';
                threshold: number;
                autoApplyEnabled: boolean;
              }[];
              templateId: string | null;
              status: 'draft' | 'active' | 'paused' | 'error';
              mode: 'shadow' | 'live';
              precisionThreshold: number;
              minSamples: number;
              inboxExpiryHours: number;
              statusReason: string | null;
              createdBy: string | null;
              /** Format: date-time */
              createdAt: string;
              /** Format: date-time */
              updatedAt: string;
            }[];
          };
        };
      };
      /** @description The request is not valid (validation_failed names each field in details; malformed_json...) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The workspace or the thing named in the path is not there, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  createAgent: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        workspaceId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          name: string;
          /** Format: uuid */
          connectionId: string;
          /** @description A template's id: its call types and fields are the defaults */
          templateId?: string;
          /** @description The calls it runs on; empty: every call */
          callTypes?: ('discovery' | 'demo' | 'negotiation' | 'renewal')[];
          scope?: {
            /** @description Pandora owner ids (the reps); absent: every rep's calls */
            ownerIds?: string[];
            /** @description CRM pipeline ids; absent: every pipeline */
            pipelines?: string[];
            /** @description Record types it updates; default deal */
            recordTypes?: ('deal' | 'contact' | 'account')[];
            /** @description The competitors the agent listens for (the competitors field names only these) */
            competitors?: string[];
            /** @description The first month of the fiscal year, for "Q3" and "next fiscal year"; default 1 */
            fiscalYearStartMonth?: number;
          };
          fields?: {
            /** @description An agent field id: close_date, amount, stage, next_step, competitors, metrics... */
            field: string;
            /** @description The deal property it writes; null or absent: the field's default for the CRM. Checked against the CRM's live properties. */
            crmProperty?: string | null;
            rule: 'auto' | 'ask' | 'never';
            /** @description Confidence at or above which an auto field is applied; default 0.9 */
            threshold?: number;
            /** @description Whether an auto field may be applied without a person: refused (409 trust_not_earned) until the field's shadow precision reaches the agent's threshold over its minimum sample */
            autoApplyEnabled?: boolean;
          }[];
          /** @description Shadow precision a field needs before auto-apply can be turned on; default 0.95 */
          precisionThreshold?: number;
          /** @description Shadow outcomes a field needs before auto-apply can be turned on; default 20 */
          minSamples?: number;
          inboxExpiryHours?: number;
        };
      };
    };
    responses: {
      /** @description Default Response */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            agent: {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              connectionId: string;
              /** @description hubspot or salesforce */
              crmType: string;
              name: string;
              callTypes: ('discovery' | 'demo' | 'negotiation' | 'renewal')[];
              scope: {
                ownerIds?: string[];
                pipelines?: string[];
                recordTypes: ('deal' | 'contact' | 'account')[];
                competitors?: string[];
                fiscalYearStartMonth?: number;
              };
              fields: {
                field: string;
                crmProperty: string | null;
                rule: 'auto' | 'ask' | 'never';
                threshold: number;
                autoApplyEnabled: boolean;
              }[];
              templateId: string | null;
              status: 'draft' | 'active' | 'paused' | 'error';
              mode: 'shadow' | 'live';
              precisionThreshold: number;
              minSamples: number;
              inboxExpiryHours: number;
              statusReason: string | null;
              createdBy: string | null;
              /** Format: date-time */
              createdAt: string;
              /** Format: date-time */
              updatedAt: string;
            };
          };
        };
      };
      /** @description The request is not valid (validation_failed names each field in details; malformed_json...) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The caller may not do this (forbidden: admins only; cross_site_request; user_session_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The workspace or the thing named in the path is not there, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description trust_not_earned: auto-apply cannot be on for a new agent */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description payload_too_large: the body is over 1 MiB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description unsupported_media_type: send the body as application/json */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  getAgent: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        workspaceId: string;
        agentId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            agent: {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              connectionId: string;
              /** @description hubspot or salesforce */
              crmType: string;
              name: string;
              callTypes: ('discovery' | 'demo' | 'negotiation' | 'renewal')[];
              scope: {
                ownerIds?: string[];
                pipelines?: string[];
                recordTypes: ('deal' | 'contact' | 'account')[];
                competitors?: string[];
                fiscalYearStartMonth?: number;
              };
              fields: {
                field: string;
                crmProperty: string | null;
                rule: 'auto' | 'ask' | 'never';
                threshold: number;
                autoApplyEnabled: boolean;
              }[];
              templateId: string | null;
              status: 'draft' | 'active' | 'paused' | 'error';
              mode: 'shadow' | 'live';
              precisionThreshold: number;
              minSamples: number;
              inboxExpiryHours: number;
              statusReason: string | null;
              createdBy: string | null;
              /** Format: date-time */
              createdAt: string;
              /** Format: date-time */
              updatedAt: string;
            };
          };
        };
      };
      /** @description The request is not valid (validation_failed names each field in details; malformed_json...) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The workspace or the thing named in the path is not there, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  deleteAgent: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        workspaceId: string;
        agentId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description The request is not valid (validation_failed names each field in details; malformed_json...) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The caller may not do this (forbidden: admins only; cross_site_request; user_session_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The workspace or the thing named in the path is not there, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  updateAgent: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        workspaceId: string;
        agentId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          name?: string;
          /** @description The calls it runs on; empty: every call */
          callTypes?: ('discovery' | 'demo' | 'negotiation' | 'renewal')[];
          scope?: {
            /** @description Pandora owner ids (the reps); absent: every rep's calls */
            ownerIds?: string[];
            /** @description CRM pipeline ids; absent: every pipeline */
            pipelines?: string[];
            /** @description Record types it updates; default deal */
            recordTypes?: ('deal' | 'contact' | 'account')[];
            /** @description The competitors the agent listens for (the competitors field names only these) */
            competitors?: string[];
            /** @description The first month of the fiscal year, for "Q3" and "next fiscal year"; default 1 */
            fiscalYearStartMonth?: number;
          };
          fields?: {
            /** @description An agent field id: close_date, amount, stage, next_step, competitors, metrics... */
            field: string;
            /** @description The deal property it writes; null or absent: the field's default for the CRM. Checked against the CRM's live properties. */
            crmProperty?: string | null;
            rule: 'auto' | 'ask' | 'never';
            /** @description Confidence at or above which an auto field is applied; default 0.9 */
            threshold?: number;
            /** @description Whether an auto field may be applied without a person: refused (409 trust_not_earned) until the field's shadow precision reaches the agent's threshold over its minimum sample */
            autoApplyEnabled?: boolean;
          }[];
          mode?: 'shadow' | 'live';
          /** @description Shadow precision a field needs before auto-apply can be turned on; default 0.95 */
          precisionThreshold?: number;
          /** @description Shadow outcomes a field needs before auto-apply can be turned on; default 20 */
          minSamples?: number;
          inboxExpiryHours?: number;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            agent: {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              connectionId: string;
              /** @description hubspot or salesforce */
              crmType: string;
              name: string;
              callTypes: ('discovery' | 'demo' | 'negotiation' | 'renewal')[];
              scope: {
                ownerIds?: string[];
                pipelines?: string[];
                recordTypes: ('deal' | 'contact' | 'account')[];
                competitors?: string[];
                fiscalYearStartMonth?: number;
              };
              fields: {
                field: string;
                crmProperty: string | null;
                rule: 'auto' | 'ask' | 'never';
                threshold: number;
                autoApplyEnabled: boolean;
              }[];
              templateId: string | null;
              status: 'draft' | 'active' | 'paused' | 'error';
              mode: 'shadow' | 'live';
              precisionThreshold: number;
              minSamples: number;
              inboxExpiryHours: number;
              statusReason: string | null;
              createdBy: string | null;
              /** Format: date-time */
              createdAt: string;
              /** Format: date-time */
              updatedAt: string;
            };
          };
        };
      };
      /** @description The request is not valid (validation_failed names each field in details; malformed_json...) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The caller may not do this (forbidden: admins only; cross_site_request; user_session_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The workspace or the thing named in the path is not there, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description trust_not_earned: a field's shadow precision is not enough yet */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description payload_too_large: the body is over 1 MiB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description unsupported_media_type: send the body as application/json */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  activateAgent: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        workspaceId: string;
        agentId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            agent: {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              connectionId: string;
              /** @description hubspot or salesforce */
              crmType: string;
              name: string;
              callTypes: ('discovery' | 'demo' | 'negotiation' | 'renewal')[];
              scope: {
                ownerIds?: string[];
                pipelines?: string[];
                recordTypes: ('deal' | 'contact' | 'account')[];
                competitors?: string[];
                fiscalYearStartMonth?: number;
              };
              fields: {
                field: string;
                crmProperty: string | null;
                rule: 'auto' | 'ask' | 'never';
                threshold: number;
                autoApplyEnabled: boolean;
              }[];
              templateId: string | null;
              status: 'draft' | 'active' | 'paused' | 'error';
              mode: 'shadow' | 'live';
              precisionThreshold: number;
              minSamples: number;
              inboxExpiryHours: number;
              statusReason: string | null;
              createdBy: string | null;
              /** Format: date-time */
              createdAt: string;
              /** Format: date-time */
              updatedAt: string;
            };
          };
        };
      };
      /** @description The request is not valid (validation_failed names each field in details; malformed_json...) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The caller may not do this (forbidden: admins only; cross_site_request; user_session_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The workspace or the thing named in the path is not there, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description no_fields, unknown_property, read_only_property, incompatible_property (details name the field) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  pauseAgent: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        workspaceId: string;
        agentId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            agent: {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              connectionId: string;
              /** @description hubspot or salesforce */
              crmType: string;
              name: string;
              callTypes: ('discovery' | 'demo' | 'negotiation' | 'renewal')[];
              scope: {
                ownerIds?: string[];
                pipelines?: string[];
                recordTypes: ('deal' | 'contact' | 'account')[];
                competitors?: string[];
                fiscalYearStartMonth?: number;
              };
              fields: {
                field: string;
                crmProperty: string | null;
                rule: 'auto' | 'ask' | 'never';
                threshold: number;
                autoApplyEnabled: boolean;
              }[];
              templateId: string | null;
              status: 'draft' | 'active' | 'paused' | 'error';
              mode: 'shadow' | 'live';
              precisionThreshold: number;
              minSamples: number;
              inboxExpiryHours: number;
              statusReason: string | null;
              createdBy: string | null;
              /** Format: date-time */
              createdAt: string;
              /** Format: date-time */
              updatedAt: string;
            };
          };
        };
      };
      /** @description The request is not valid (validation_failed names each field in details; malformed_json...) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The caller may not do this (forbidden: admins only; cross_site_request; user_session_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The workspace or the thing named in the path is not there, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description invalid_transition: a draft has not run yet */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  listAgentFieldTrust: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        workspaceId: string;
        agentId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            fields: {
              field: string;
              rule: 'auto' | 'ask' | 'never';
              autoApplyEnabled: boolean;
              /** @description Shadow outcomes in the window (the latest 100 at most) */
              samples: number;
              correct: number;
              precision: number | null;
              threshold: number;
              minSamples: number;
              /** @description Whether auto-apply may be switched on: enough samples at the threshold */
              autoApplyAllowed: boolean;
              lastDecidedAt: string | null;
            }[];
          };
        };
      };
      /** @description The request is not valid (validation_failed names each field in details; malformed_json...) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The workspace or the thing named in the path is not there, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  listAgentTemplates: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        workspaceId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            templates: {
              id: string;
              name: string;
              description: string;
              callTypes: ('discovery' | 'demo' | 'negotiation' | 'renewal')[];
              fields: {
                field: string;
                crmProperty: string | null;
                rule: 'auto' | 'ask' | 'never';
                threshold: number;
                autoApplyEnabled: boolean;
              }[];
            }[];
            fields: {
              id: string;
              label: string;
              description: string;
              /** @description standard, meddicc or bant */
              group: string;
              /** @description date, money, stage, text or list */
              kind: string;
              defaultProperty: {
                hubspot: string;
                salesforce: string;
              };
              propertyTypes: string[];
            }[];
          };
        };
      };
      /** @description The request is not valid (validation_failed names each field in details; malformed_json...) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The workspace or the thing named in the path is not there, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  previewAgentRun: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        workspaceId: string;
        agentId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** Format: uuid */
          conversationId: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            preview: {
              /** Format: uuid */
              agentConfigId: string;
              /** Format: uuid */
              conversationId: string;
              matchedRecord: {
                /** @enum {string} */
                type: 'deal';
                /** Format: uuid */
                id: string;
                crmId: string;
                name: string;
              } | null;
              matchConfidence: number;
              match: {
                method: string;
                reason: string;
                candidates: {
                  dealId: string;
                  name: string;
                  score: number;
                }[];
                question?: string;
              };
              fields: {
                /** @description close_date, amount, stage, next_step, competitors, a MEDDICC or BANT field */
                field: string;
                crmProperty: string | null;
                /** @description The deal's value as of the last sync */
                currentValue: unknown;
                newValue: unknown;
                confidence: number;
                /** @description Verbatim from the transcript */
                quote: string;
                /** @description Where in the recording (estimated from the transcript) */
                startSeconds: number;
                decision: 'auto_apply' | 'inbox';
                /** @description What a run would do: write it, ask in the inbox, only record it (shadow), or nothing (no CRM property) */
                route: 'auto' | 'inbox' | 'shadow' | 'unmapped';
              }[];
              mode: 'shadow' | 'live';
              warnings: string[];
            };
          };
        };
      };
      /** @description The request is not valid (validation_failed names each field in details; malformed_json...) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The caller may not do this (forbidden: admins only; cross_site_request; user_session_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The workspace or the thing named in the path is not there, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description payload_too_large: the body is over 1 MiB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description unsupported_media_type: send the body as application/json */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  createAgentRun: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        workspaceId: string;
        agentId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** Format: uuid */
          conversationId: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            run: {
              /** Format: uuid */
              id: string;
              agentConfigId: string | null;
              conversationId: string | null;
              trigger: string;
              dealId: string | null;
              crmRecordType: string | null;
              crmRecordId: string | null;
              actionType: string;
              fieldsUpdated: {
                [key: string]: {
                  before: unknown;
                  after: unknown;
                  confidence: number;
                  quote: string;
                  startSeconds: number | null;
                  decision: 'auto_apply' | 'inbox';
                  /** @description applied, pending, failed, shadow, awaiting_approval, unmapped, approved, rejected */
                  status: string;
                  crmProperty: string | null;
                };
              };
              matchConfidence: number | null;
              overallConfidence: number | null;
              status: 'pending' | 'success' | 'failed' | 'rejected';
              shadow: boolean;
              actionId: string | null;
              warnings: string[];
              errorMessage: string | null;
              /** @description The CRM write failed in a way running again may fix */
              retryable: boolean;
              /** Format: date-time */
              createdAt: string;
            };
          };
        };
      };
      /** @description The request is not valid (validation_failed names each field in details; malformed_json...) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The caller may not do this (forbidden: admins only; cross_site_request; user_session_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The workspace or the thing named in the path is not there, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The request conflicts with the current state; the code says how */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description payload_too_large: the body is over 1 MiB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description unsupported_media_type: send the body as application/json */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  listInboxItems: {
    parameters: {
      query?: {
        status?: ('pending' | 'approved' | 'rejected' | 'expired')[];
        type?: ('approval' | 'question' | 'alert')[];
        source?: 'agent' | 'policy' | 'anomaly' | 'flow';
        assignee?: 'me' | 'all';
        limit?: number;
        cursor?: string;
      };
      header?: never;
      path: {
        workspaceId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: {
              /** Format: uuid */
              id: string;
              assigneeUserId: string | null;
              itemType: 'approval' | 'question' | 'alert';
              source: 'agent' | 'policy' | 'anomaly' | 'flow';
              title: string;
              description: string | null;
              /** @description What it is about: { meeting, record, fields: [{ field, crmProperty, before, after, confidence, quote, startSeconds }], candidates?, question? } */
              context: {
                [key: string]: unknown;
              };
              confidence: number | null;
              status: 'pending' | 'approved' | 'rejected' | 'expired';
              activityLogId: string | null;
              actionId: string | null;
              anomalyId: string | null;
              actionStatus: string | null;
              error: {
                message: string;
                retryable: boolean;
                errors: {
                  field?: string;
                  code: string;
                  message: string;
                }[];
              } | null;
              expiresAt: string | null;
              resolvedAt: string | null;
              resolvedBy: string | null;
              resolution: {
                [key: string]: unknown;
              } | null;
              /** Format: date-time */
              createdAt: string;
              /** Format: date-time */
              updatedAt: string;
            }[];
            nextCursor: string | null;
          };
        };
      };
      /** @description The request is not valid (validation_failed names each field in details; malformed_json...) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The workspace or the thing named in the path is not there, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  countInboxItems: {
    parameters: {
      query?: {
        assignee?: 'me' | 'all';
        type?: ('approval' | 'question' | 'alert')[];
      };
      header?: never;
      path: {
        workspaceId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            count: number;
          };
        };
      };
      /** @description The request is not valid (validation_failed names each field in details; malformed_json...) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The workspace or the thing named in the path is not there, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  batchApproveInboxItems: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        workspaceId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          ids: string[];
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            results: {
              /** Format: uuid */
              id: string;
              item: {
                /** Format: uuid */
                id: string;
                assigneeUserId: string | null;
                itemType: 'approval' | 'question' | 'alert';
                source: 'agent' | 'policy' | 'anomaly' | 'flow';
                title: string;
                description: string | null;
                /** @description What it is about: { meeting, record, fields: [{ field, crmProperty, before, after, confidence, quote, startSeconds }], candidates?, question? } */
                context: {
                  [key: string]: unknown;
                };
                confidence: number | null;
                status: 'pending' | 'approved' | 'rejected' | 'expired';
                activityLogId: string | null;
                actionId: string | null;
                anomalyId: string | null;
                actionStatus: string | null;
                error: {
                  message: string;
                  retryable: boolean;
                  errors: {
                    field?: string;
                    code: string;
                    message: string;
                  }[];
                } | null;
                expiresAt: string | null;
                resolvedAt: string | null;
                resolvedBy: string | null;
                resolution: {
                  [key: string]: unknown;
                } | null;
                /** Format: date-time */
                createdAt: string;
                /** Format: date-time */
                updatedAt: string;
              } | null;
              execution: {
                /** Format: uuid */
                actionId: string;
                outcome:
                  | 'executed'
                  | 'partial'
                  | 'failed'
                  | 'invalid'
                  | 'busy'
                  | 'needs_approval'
                  | 'blocked'
                  | 'not_executable'
                  | 'not_found';
                status:
                  | (
                      | 'open'
                      | 'in_progress'
                      | 'awaiting_approval'
                      | 'executed'
                      | 'failed'
                      | 'dismissed'
                      | 'undone'
                    )
                  | null;
                executionId: string | null;
                operations: ({
                  kind: 'field_update' | 'note' | 'notification' | 'create' | 'associate';
                  field?: string;
                  objectType?: string;
                  recordId?: string | null;
                  url?: string;
                  /** @description What a create_deal execution made */
                  created?: unknown;
                  crmField?: string;
                  before?: string | number | boolean | null;
                  after?: string | number | boolean | null;
                  status:
                    'written' | 'unchanged' | 'failed' | 'pending' | 'created' | 'sent' | 'skipped';
                  error?: {
                    kind: string | null;
                    message: string;
                    field?: string | null;
                    retryable: boolean;
                  } & {
                    [key: string]: unknown;
                  };
                } & {
                  [key: string]: unknown;
                })[];
                errors: ({
                  field?: string;
                  code: string;
                  message: string;
                } & {
                  [key: string]: unknown;
                })[];
                /** @description True when running it again may help */
                retryable: boolean;
                replayed?: boolean;
              } | null;
              error: {
                code: string;
                message: string;
              } | null;
            }[];
          };
        };
      };
      /** @description The request is not valid (validation_failed names each field in details; malformed_json...) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The caller may not do this (forbidden: admins only; cross_site_request; user_session_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The workspace or the thing named in the path is not there, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description payload_too_large: the body is over 1 MiB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description unsupported_media_type: send the body as application/json */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  getInboxItem: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        workspaceId: string;
        itemId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            item: {
              /** Format: uuid */
              id: string;
              assigneeUserId: string | null;
              itemType: 'approval' | 'question' | 'alert';
              source: 'agent' | 'policy' | 'anomaly' | 'flow';
              title: string;
              description: string | null;
              /** @description What it is about: { meeting, record, fields: [{ field, crmProperty, before, after, confidence, quote, startSeconds }], candidates?, question? } */
              context: {
                [key: string]: unknown;
              };
              confidence: number | null;
              status: 'pending' | 'approved' | 'rejected' | 'expired';
              activityLogId: string | null;
              actionId: string | null;
              anomalyId: string | null;
              actionStatus: string | null;
              error: {
                message: string;
                retryable: boolean;
                errors: {
                  field?: string;
                  code: string;
                  message: string;
                }[];
              } | null;
              expiresAt: string | null;
              resolvedAt: string | null;
              resolvedBy: string | null;
              resolution: {
                [key: string]: unknown;
              } | null;
              /** Format: date-time */
              createdAt: string;
              /** Format: date-time */
              updatedAt: string;
            };
          };
        };
      };
      /** @description The request is not valid (validation_failed names each field in details; malformed_json...) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The caller may not do this (forbidden: admins only; cross_site_request; user_session_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The workspace or the thing named in the path is not there, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  approveInboxItem: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        workspaceId: string;
        itemId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @description New values by field, e.g. { "close_date": "2027-01-31" } */
          edits?: {
            [key: string]: unknown;
          };
          /** Format: uuid */
          dealId?: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            item: {
              /** Format: uuid */
              id: string;
              assigneeUserId: string | null;
              itemType: 'approval' | 'question' | 'alert';
              source: 'agent' | 'policy' | 'anomaly' | 'flow';
              title: string;
              description: string | null;
              /** @description What it is about: { meeting, record, fields: [{ field, crmProperty, before, after, confidence, quote, startSeconds }], candidates?, question? } */
              context: {
                [key: string]: unknown;
              };
              confidence: number | null;
              status: 'pending' | 'approved' | 'rejected' | 'expired';
              activityLogId: string | null;
              actionId: string | null;
              anomalyId: string | null;
              actionStatus: string | null;
              error: {
                message: string;
                retryable: boolean;
                errors: {
                  field?: string;
                  code: string;
                  message: string;
                }[];
              } | null;
              expiresAt: string | null;
              resolvedAt: string | null;
              resolvedBy: string | null;
              resolution: {
                [key: string]: unknown;
              } | null;
              /** Format: date-time */
              createdAt: string;
              /** Format: date-time */
              updatedAt: string;
            };
            execution: {
              /** Format: uuid */
              actionId: string;
              outcome:
                | 'executed'
                | 'partial'
                | 'failed'
                | 'invalid'
                | 'busy'
                | 'needs_approval'
                | 'blocked'
                | 'not_executable'
                | 'not_found';
              status:
                | (
                    | 'open'
                    | 'in_progress'
                    | 'awaiting_approval'
                    | 'executed'
                    | 'failed'
                    | 'dismissed'
                    | 'undone'
                  )
                | null;
              executionId: string | null;
              operations: ({
                kind: 'field_update' | 'note' | 'notification' | 'create' | 'associate';
                field?: string;
                objectType?: string;
                recordId?: string | null;
                url?: string;
                /** @description What a create_deal execution made */
                created?: unknown;
                crmField?: string;
                before?: string | number | boolean | null;
                after?: string | number | boolean | null;
                status:
                  'written' | 'unchanged' | 'failed' | 'pending' | 'created' | 'sent' | 'skipped';
                error?: {
                  kind: string | null;
                  message: string;
                  field?: string | null;
                  retryable: boolean;
                } & {
                  [key: string]: unknown;
                };
              } & {
                [key: string]: unknown;
              })[];
              errors: ({
                field?: string;
                code: string;
                message: string;
              } & {
                [key: string]: unknown;
              })[];
              /** @description True when running it again may help */
              retryable: boolean;
              replayed?: boolean;
            } | null;
          };
        };
      };
      /** @description The request is not valid (validation_failed names each field in details; malformed_json...) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The caller may not do this (forbidden: admins only; cross_site_request; user_session_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The workspace or the thing named in the path is not there, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The request conflicts with the current state; the code says how */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description payload_too_large: the body is over 1 MiB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description unsupported_media_type: send the body as application/json */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The request is understood but cannot be carried out; the code says why */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  rejectInboxItem: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        workspaceId: string;
        itemId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          reason?: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            item: {
              /** Format: uuid */
              id: string;
              assigneeUserId: string | null;
              itemType: 'approval' | 'question' | 'alert';
              source: 'agent' | 'policy' | 'anomaly' | 'flow';
              title: string;
              description: string | null;
              /** @description What it is about: { meeting, record, fields: [{ field, crmProperty, before, after, confidence, quote, startSeconds }], candidates?, question? } */
              context: {
                [key: string]: unknown;
              };
              confidence: number | null;
              status: 'pending' | 'approved' | 'rejected' | 'expired';
              activityLogId: string | null;
              actionId: string | null;
              anomalyId: string | null;
              actionStatus: string | null;
              error: {
                message: string;
                retryable: boolean;
                errors: {
                  field?: string;
                  code: string;
                  message: string;
                }[];
              } | null;
              expiresAt: string | null;
              resolvedAt: string | null;
              resolvedBy: string | null;
              resolution: {
                [key: string]: unknown;
              } | null;
              /** Format: date-time */
              createdAt: string;
              /** Format: date-time */
              updatedAt: string;
            };
          };
        };
      };
      /** @description The request is not valid (validation_failed names each field in details; malformed_json...) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The caller may not do this (forbidden: admins only; cross_site_request; user_session_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The workspace or the thing named in the path is not there, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The request conflicts with the current state; the code says how */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description payload_too_large: the body is over 1 MiB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description unsupported_media_type: send the body as application/json */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  getNotificationPreferences: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        workspaceId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            preferences: {
              channel: 'in_app' | 'slack' | 'email' | 'push';
              type:
                | 'approval'
                | 'question'
                | 'expiring'
                | 'anomaly'
                | 'agent_run'
                | 'skill_result'
                | 'notify_rep'
                | 'notify_manager';
              mode: 'immediate' | 'digest' | 'off';
              isDefault: boolean;
            }[];
            settings: {
              /** @description An IANA zone: Europe/Paris */
              timeZone: string;
              digestPeriod: 'daily' | 'hourly';
              /** @description Local hour of the daily digest */
              digestHour: number;
            };
          };
        };
      };
      /** @description The request is not valid (validation_failed names each field in details; malformed_json...) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The workspace or the thing named in the path is not there, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  updateNotificationPreferences: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        workspaceId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          preferences: {
            channel: 'in_app' | 'slack' | 'email' | 'push';
            type:
              | 'approval'
              | 'question'
              | 'expiring'
              | 'anomaly'
              | 'agent_run'
              | 'skill_result'
              | 'notify_rep'
              | 'notify_manager';
            mode: 'immediate' | 'digest' | 'off';
          }[];
          settings?: {
            /** @description An IANA zone: Europe/Paris */
            timeZone?: string;
            digestPeriod?: 'daily' | 'hourly';
            /** @description Local hour of the daily digest */
            digestHour?: number;
          };
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            preferences: {
              channel: 'in_app' | 'slack' | 'email' | 'push';
              type:
                | 'approval'
                | 'question'
                | 'expiring'
                | 'anomaly'
                | 'agent_run'
                | 'skill_result'
                | 'notify_rep'
                | 'notify_manager';
              mode: 'immediate' | 'digest' | 'off';
              isDefault: boolean;
            }[];
            settings: {
              /** @description An IANA zone: Europe/Paris */
              timeZone: string;
              digestPeriod: 'daily' | 'hourly';
              /** @description Local hour of the daily digest */
              digestHour: number;
            };
          };
        };
      };
      /** @description The request is not valid (validation_failed names each field in details; malformed_json...) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The caller may not do this (forbidden: admins only; cross_site_request; user_session_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The workspace or the thing named in the path is not there, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description payload_too_large: the body is over 1 MiB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description unsupported_media_type: send the body as application/json */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  listNotificationDeliveries: {
    parameters: {
      query?: {
        status?: (
          'pending' | 'sending' | 'delivered' | 'failed' | 'held' | 'digested' | 'skipped'
        )[];
        channel?: ('slack' | 'email' | 'push')[];
        limit?: number;
        cursor?: string;
      };
      header?: never;
      path: {
        workspaceId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: {
              /** Format: uuid */
              id: string;
              notificationId: string | null;
              recipientUserId: string | null;
              recipientEmail: string | null;
              channel: 'slack' | 'email' | 'push';
              target: string | null;
              type: string;
              title: string;
              status:
                'pending' | 'sending' | 'delivered' | 'failed' | 'held' | 'digested' | 'skipped';
              attempts: number;
              lastError: string | null;
              /** Format: date-time */
              nextAttemptAt: string;
              deliveredAt: string | null;
              digestNotificationId: string | null;
              /** Format: date-time */
              createdAt: string;
              /** Format: date-time */
              updatedAt: string;
            }[];
            nextCursor: string | null;
          };
        };
      };
      /** @description The request is not valid (validation_failed names each field in details; malformed_json...) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The caller may not do this (forbidden: admins only; cross_site_request; user_session_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The workspace or the thing named in the path is not there, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  listActivity: {
    parameters: {
      query?: {
        agentId?: string;
        /** @description The rep (a CRM owner id) */
        ownerId?: string;
        status?: 'pending' | 'success' | 'failed' | 'rejected';
        /** @description The record's id in the CRM */
        recordId?: string;
        /** @description Created at or after */
        from?: string;
        /** @description Created before */
        to?: string;
        cursor?: string;
        limit?: number;
      };
      header?: never;
      path: {
        workspaceId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: {
              /** Format: uuid */
              id: string;
              agent: {
                /** Format: uuid */
                id: string;
                name: string;
              } | null;
              conversation: {
                /** Format: uuid */
                id: string;
                title: string;
                /** Format: date-time */
                startedAt: string;
              } | null;
              owner: {
                /** Format: uuid */
                id: string;
                name: string;
                email: string | null;
              } | null;
              trigger: 'linked' | 'manual' | 'replay';
              crmRecordType: ('deal' | 'contact' | 'account') | null;
              crmRecordId: string | null;
              deal: {
                /** Format: uuid */
                id: string;
                name: string;
              } | null;
              actionType: 'create' | 'update' | 'skip';
              /** @description { field: { before, after, confidence, quote, decision, status } } */
              fieldsUpdated: {
                [key: string]: unknown;
              };
              matchConfidence: number | null;
              overallConfidence: number | null;
              status: 'pending' | 'success' | 'failed' | 'rejected';
              /** @description Proposed only: the agent was in shadow mode */
              shadow: boolean;
              actionId: string | null;
              warnings: unknown[];
              errorMessage: string | null;
              /** Format: date-time */
              createdAt: string;
              /** Format: date-time */
              updatedAt: string;
            }[];
            nextCursor: string | null;
          };
        };
      };
      /** @description The request is not valid (validation_failed names each field in details; malformed_json...) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The workspace or the thing named in the path is not there, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  getActivityStats: {
    parameters: {
      query?: {
        from?: string;
        to?: string;
        bucket?: 'hour' | 'day';
      };
      header?: never;
      path: {
        workspaceId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** Format: date-time */
            from: string;
            /** Format: date-time */
            to: string;
            bucket: 'hour' | 'day';
            totals: {
              runs: number;
              /** @description Fields written without a person */
              autoApplied: number;
              /** @description Runs waiting for a person */
              waiting: number;
              succeeded: number;
              failed: number;
              rejected: number;
              /** @description Runs that waited for a person and were approved */
              approved: number;
              approvalRate: number | null;
              failureRate: number | null;
              averageConfidence: number | null;
            };
            series: {
              /** Format: date-time */
              at: string;
              runs: number;
              /** @description Fields written without a person */
              autoApplied: number;
              /** @description Runs waiting for a person */
              waiting: number;
              succeeded: number;
              failed: number;
              rejected: number;
              /** @description Runs that waited for a person and were approved */
              approved: number;
              approvalRate: number | null;
              failureRate: number | null;
              averageConfidence: number | null;
            }[];
          };
        };
      };
      /** @description The request is not valid (validation_failed names each field in details; malformed_json...) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The workspace or the thing named in the path is not there, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  getActivity: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        workspaceId: string;
        activityId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            activity: {
              /** Format: uuid */
              id: string;
              agent: {
                /** Format: uuid */
                id: string;
                name: string;
              } | null;
              conversation: {
                /** Format: uuid */
                id: string;
                title: string;
                /** Format: date-time */
                startedAt: string;
              } | null;
              owner: {
                /** Format: uuid */
                id: string;
                name: string;
                email: string | null;
              } | null;
              trigger: 'linked' | 'manual' | 'replay';
              crmRecordType: ('deal' | 'contact' | 'account') | null;
              crmRecordId: string | null;
              deal: {
                /** Format: uuid */
                id: string;
                name: string;
              } | null;
              actionType: 'create' | 'update' | 'skip';
              /** @description { field: { before, after, confidence, quote, decision, status } } */
              fieldsUpdated: {
                [key: string]: unknown;
              };
              matchConfidence: number | null;
              overallConfidence: number | null;
              status: 'pending' | 'success' | 'failed' | 'rejected';
              /** @description Proposed only: the agent was in shadow mode */
              shadow: boolean;
              actionId: string | null;
              warnings: unknown[];
              errorMessage: string | null;
              /** Format: date-time */
              createdAt: string;
              /** Format: date-time */
              updatedAt: string;
              inboxItems: {
                /** Format: uuid */
                id: string;
                itemType: 'approval' | 'question' | 'alert';
                status: 'pending' | 'approved' | 'rejected' | 'expired';
                title: string;
              }[];
            };
          };
        };
      };
      /** @description The request is not valid (validation_failed names each field in details; malformed_json...) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The workspace or the thing named in the path is not there, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  listAnomalies: {
    parameters: {
      query?: {
        status?: 'pending' | 'active' | 'acknowledged' | 'resolved';
        limit?: number;
      };
      header?: never;
      path: {
        workspaceId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            anomalies: {
              /** Format: uuid */
              id: string;
              /** @description agent_failure_rate, agent_low_confidence, field_precision_drop... */
              rule: string;
              /** @description What it is about: '' for the workspace, an agent id, `agentId:field`, a connection id */
              scopeKey: string;
              severity: 'info' | 'warning' | 'error';
              title: string;
              description: string | null;
              /** @description value, threshold, recoverAt, direction, sampleSize, minSample and what the rule adds */
              data: {
                [key: string]: unknown;
              };
              status: 'pending' | 'active' | 'acknowledged' | 'resolved';
              /** Format: date-time */
              firstSeenAt: string;
              firedAt: string | null;
              lastNotifiedAt: string | null;
              acknowledgedBy: string | null;
              acknowledgedAt: string | null;
              resolvedAt: string | null;
              resolvedBy: string | null;
              resolution: ('person' | 'recovery') | null;
              /** Format: date-time */
              createdAt: string;
              /** Format: date-time */
              updatedAt: string;
            }[];
          };
        };
      };
      /** @description The request is not valid (validation_failed names each field in details; malformed_json...) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The workspace or the thing named in the path is not there, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  getAnomaly: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        workspaceId: string;
        anomalyId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            anomaly: {
              /** Format: uuid */
              id: string;
              /** @description agent_failure_rate, agent_low_confidence, field_precision_drop... */
              rule: string;
              /** @description What it is about: '' for the workspace, an agent id, `agentId:field`, a connection id */
              scopeKey: string;
              severity: 'info' | 'warning' | 'error';
              title: string;
              description: string | null;
              /** @description value, threshold, recoverAt, direction, sampleSize, minSample and what the rule adds */
              data: {
                [key: string]: unknown;
              };
              status: 'pending' | 'active' | 'acknowledged' | 'resolved';
              /** Format: date-time */
              firstSeenAt: string;
              firedAt: string | null;
              lastNotifiedAt: string | null;
              acknowledgedBy: string | null;
              acknowledgedAt: string | null;
              resolvedAt: string | null;
              resolvedBy: string | null;
              resolution: ('person' | 'recovery') | null;
              /** Format: date-time */
              createdAt: string;
              /** Format: date-time */
              updatedAt: string;
              thresholds: {
                direction: 'above' | 'below';
                fireAt: number;
                recoverAt: number;
              } | null;
              /** @description The measured value at each evaluation, oldest first (the last 30 days) */
              samples: {
                /** Format: date-time */
                at: string;
                value: number;
                sampleSize: number;
              }[];
            };
          };
        };
      };
      /** @description The request is not valid (validation_failed names each field in details; malformed_json...) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The workspace or the thing named in the path is not there, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  acknowledgeAnomaly: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        workspaceId: string;
        anomalyId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            anomaly: {
              /** Format: uuid */
              id: string;
              /** @description agent_failure_rate, agent_low_confidence, field_precision_drop... */
              rule: string;
              /** @description What it is about: '' for the workspace, an agent id, `agentId:field`, a connection id */
              scopeKey: string;
              severity: 'info' | 'warning' | 'error';
              title: string;
              description: string | null;
              /** @description value, threshold, recoverAt, direction, sampleSize, minSample and what the rule adds */
              data: {
                [key: string]: unknown;
              };
              status: 'pending' | 'active' | 'acknowledged' | 'resolved';
              /** Format: date-time */
              firstSeenAt: string;
              firedAt: string | null;
              lastNotifiedAt: string | null;
              acknowledgedBy: string | null;
              acknowledgedAt: string | null;
              resolvedAt: string | null;
              resolvedBy: string | null;
              resolution: ('person' | 'recovery') | null;
              /** Format: date-time */
              createdAt: string;
              /** Format: date-time */
              updatedAt: string;
            };
          };
        };
      };
      /** @description The request is not valid (validation_failed names each field in details; malformed_json...) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The caller may not do this (forbidden: admins only; cross_site_request; user_session_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The workspace or the thing named in the path is not there, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The request conflicts with the current state; the code says how */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  resolveAnomaly: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        workspaceId: string;
        anomalyId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            anomaly: {
              /** Format: uuid */
              id: string;
              /** @description agent_failure_rate, agent_low_confidence, field_precision_drop... */
              rule: string;
              /** @description What it is about: '' for the workspace, an agent id, `agentId:field`, a connection id */
              scopeKey: string;
              severity: 'info' | 'warning' | 'error';
              title: string;
              description: string | null;
              /** @description value, threshold, recoverAt, direction, sampleSize, minSample and what the rule adds */
              data: {
                [key: string]: unknown;
              };
              status: 'pending' | 'active' | 'acknowledged' | 'resolved';
              /** Format: date-time */
              firstSeenAt: string;
              firedAt: string | null;
              lastNotifiedAt: string | null;
              acknowledgedBy: string | null;
              acknowledgedAt: string | null;
              resolvedAt: string | null;
              resolvedBy: string | null;
              resolution: ('person' | 'recovery') | null;
              /** Format: date-time */
              createdAt: string;
              /** Format: date-time */
              updatedAt: string;
            };
          };
        };
      };
      /** @description The request is not valid (validation_failed names each field in details; malformed_json...) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The caller may not do this (forbidden: admins only; cross_site_request; user_session_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The workspace or the thing named in the path is not there, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  deliverSlackInteraction: {
    parameters: {
      query?: never;
      header?: {
        /** @description Unix seconds when Slack signed the request */
        'x-slack-request-timestamp'?: string;
        /** @description v0=<hex> */
        'x-slack-signature'?: string;
        /** @description Set when Slack sends the same interaction again */
        'x-slack-retry-num'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/x-www-form-urlencoded': {
          /** @description The interaction, as JSON */
          payload: string;
        };
      };
    };
    responses: {
      /** @description Empty for a click (acknowledged; the decision follows in the background). For an Edit modal whose values are wrong, the errors to show in it. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @enum {string} */
            response_action?: 'errors';
            /** @description A message per input block id, shown under that input in the modal */
            errors?: {
              [key: string]: string;
            };
          };
        };
      };
      /** @description The request is not valid (validation_failed names each field in details; malformed_json...) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The caller may not do this (forbidden: admins only; cross_site_request; user_session_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The workspace or the thing named in the path is not there, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description payload_too_large: the body is over 1 MiB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description unsupported_media_type: send the body as application/json */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  openNotificationLink: {
    parameters: {
      query: {
        token: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description To the item in the console */
      302: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description invalid_notification_link: the link was changed or is not ours */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description notification_link_expired: the link is older than 14 days */
      410: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  listSandboxMailbox: {
    parameters: {
      query?: {
        limit?: number;
      };
      header?: never;
      path: {
        workspaceId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            messages: {
              id: string;
              /** Format: date-time */
              receivedAt: string;
              from: string;
              /** @description The envelope recipients */
              to: string[];
              subject: string;
              messageId: string | null;
              text: string;
              /** @description Show it in a sandboxed frame: it is email */
              html: string | null;
            }[];
          };
        };
      };
      /** @description The request is not valid (validation_failed names each field in details; malformed_json...) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The workspace or the thing named in the path is not there, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The request conflicts with the current state; the code says how */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  getPushPublicKey: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        workspaceId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            publicKey: string;
          };
        };
      };
      /** @description The request is not valid (validation_failed names each field in details; malformed_json...) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The workspace or the thing named in the path is not there, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  listPushSubscriptions: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        workspaceId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            subscriptions: {
              /** Format: uuid */
              id: string;
              endpoint: string;
              userAgent: string | null;
              /** Format: date-time */
              createdAt: string;
              lastSuccessAt: string | null;
            }[];
          };
        };
      };
      /** @description The request is not valid (validation_failed names each field in details; malformed_json...) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The caller may not do this (forbidden: admins only; cross_site_request; user_session_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The workspace or the thing named in the path is not there, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  createPushSubscription: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        workspaceId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @description The push service URL the browser gave */
          endpoint: string;
          keys: {
            p256dh: string;
            auth: string;
          };
          userAgent?: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            subscription: {
              /** Format: uuid */
              id: string;
              endpoint: string;
              userAgent: string | null;
              /** Format: date-time */
              createdAt: string;
              lastSuccessAt: string | null;
            };
          };
        };
      };
      /** @description The request is not valid (validation_failed names each field in details; malformed_json...) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The caller may not do this (forbidden: admins only; cross_site_request; user_session_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The workspace or the thing named in the path is not there, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description payload_too_large: the body is over 1 MiB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description unsupported_media_type: send the body as application/json */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  deletePushSubscription: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        workspaceId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @description The push service URL the browser gave */
          endpoint: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            removed: boolean;
          };
        };
      };
      /** @description The request is not valid (validation_failed names each field in details; malformed_json...) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The caller may not do this (forbidden: admins only; cross_site_request; user_session_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The workspace or the thing named in the path is not there, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description payload_too_large: the body is over 1 MiB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description unsupported_media_type: send the body as application/json */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  getSlackInstallation: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        workspaceId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            installed: boolean;
            /** @description Whether "Add to Slack" is offered: an OAuth app is configured, or the sandbox runs */
            oauthAvailable: boolean;
            teamId: string | null;
            teamName: string | null;
            botUserId: string | null;
            installedVia: 'oauth' | 'token' | null;
            scopes: string[];
            alertsChannel: {
              id: string;
              name: string | null;
            } | null;
            installedAt: string | null;
          };
        };
      };
      /** @description The request is not valid (validation_failed names each field in details; malformed_json...) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The workspace or the thing named in the path is not there, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  disconnectSlack: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        workspaceId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            installed: boolean;
            /** @description Whether "Add to Slack" is offered: an OAuth app is configured, or the sandbox runs */
            oauthAvailable: boolean;
            teamId: string | null;
            teamName: string | null;
            botUserId: string | null;
            installedVia: 'oauth' | 'token' | null;
            scopes: string[];
            alertsChannel: {
              id: string;
              name: string | null;
            } | null;
            installedAt: string | null;
          };
        };
      };
      /** @description The request is not valid (validation_failed names each field in details; malformed_json...) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The caller may not do this (forbidden: admins only; cross_site_request; user_session_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The workspace or the thing named in the path is not there, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  startSlackInstallation: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        workspaceId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            authorizeUrl: string;
          };
        };
      };
      /** @description The request is not valid (validation_failed names each field in details; malformed_json...) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The caller may not do this (forbidden: admins only; cross_site_request; user_session_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The workspace or the thing named in the path is not there, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The request conflicts with the current state; the code says how */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  completeSlackInstallation: {
    parameters: {
      query: {
        code?: string;
        state: string;
        error?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      302: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description The request is not valid (validation_failed names each field in details; malformed_json...) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The caller may not do this (forbidden: admins only; cross_site_request; user_session_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  connectSlackToken: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        workspaceId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          token: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            installed: boolean;
            /** @description Whether "Add to Slack" is offered: an OAuth app is configured, or the sandbox runs */
            oauthAvailable: boolean;
            teamId: string | null;
            teamName: string | null;
            botUserId: string | null;
            installedVia: 'oauth' | 'token' | null;
            scopes: string[];
            alertsChannel: {
              id: string;
              name: string | null;
            } | null;
            installedAt: string | null;
          };
        };
      };
      /** @description The request is not valid (validation_failed names each field in details; malformed_json...) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The caller may not do this (forbidden: admins only; cross_site_request; user_session_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The workspace or the thing named in the path is not there, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description payload_too_large: the body is over 1 MiB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description unsupported_media_type: send the body as application/json */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The request is understood but cannot be carried out; the code says why */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  listSlackChannels: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        workspaceId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            channels: {
              id: string;
              name: string;
              /** @description Whether the bot is in it (it posts only where invited) */
              isMember: boolean;
            }[];
          };
        };
      };
      /** @description The request is not valid (validation_failed names each field in details; malformed_json...) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The caller may not do this (forbidden: admins only; cross_site_request; user_session_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The workspace or the thing named in the path is not there, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The request conflicts with the current state; the code says how */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description An error */
      502: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  setSlackAlertsChannel: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        workspaceId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          channelId: string | null;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            installed: boolean;
            /** @description Whether "Add to Slack" is offered: an OAuth app is configured, or the sandbox runs */
            oauthAvailable: boolean;
            teamId: string | null;
            teamName: string | null;
            botUserId: string | null;
            installedVia: 'oauth' | 'token' | null;
            scopes: string[];
            alertsChannel: {
              id: string;
              name: string | null;
            } | null;
            installedAt: string | null;
          };
        };
      };
      /** @description The request is not valid (validation_failed names each field in details; malformed_json...) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The caller may not do this (forbidden: admins only; cross_site_request; user_session_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The workspace or the thing named in the path is not there, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The request conflicts with the current state; the code says how */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description payload_too_large: the body is over 1 MiB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description unsupported_media_type: send the body as application/json */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The request is understood but cannot be carried out; the code says why */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description An error */
      502: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  listFlows: {
    parameters: {
      query?: {
        status?: 'active' | 'archived';
      };
      header?: never;
      path: {
        workspaceId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            flows: {
              /** Format: uuid */
              id: string;
              name: string;
              description: string | null;
              status: 'active' | 'archived';
              draft: {
                /** @description What starts a run */
                trigger:
                  | {
                      /** @enum {string} */
                      type: 'manual';
                    }
                  | {
                      /** @enum {string} */
                      type: 'schedule';
                      /** @description Five fields: minute hour day-of-month month day-of-week */
                      cron: string;
                      /** @description An IANA time zone: Europe/Paris */
                      timezone: string;
                    }
                  | {
                      /** @enum {string} */
                      type: 'event';
                      event:
                        | 'action.created'
                        | 'action.executed'
                        | 'deal.stage_changed'
                        | 'conversation.linked'
                        | 'agent_run.finished'
                        | 'inbox_item.decided'
                        | 'anomaly.raised';
                      /** @description Equality on the event's top-level fields: { toStage: 'negotiation' } */
                      filter?: {
                        [key: string]: string | number | boolean;
                      };
                    }
                  | {
                      /** @enum {string} */
                      type: 'webhook';
                    };
                steps: {
                  /** @description Unique in the flow; {{steps.<key>.output}} names its output */
                  key: string;
                  type:
                    | 'add_tag'
                    | 'set_variable'
                    | 'assign_agent'
                    | 'subscribe_campaign'
                    | 'delete_contact'
                    | 'run_api_request'
                    | 'run_javascript'
                    | 'move_to_board'
                    | 'send_webhook'
                    | 'email_integration'
                    | 'crm_integration'
                    | 'condition'
                    | 'delay'
                    | 'wait_for_approval';
                  /** @description Valid against the step type's configSchema; strings may hold {{...}} templates */
                  config: {
                    [key: string]: unknown;
                  };
                  name?: string;
                  retry?: {
                    attempts?: number;
                    backoffMs?: number;
                    maxDelayMs?: number;
                  };
                  timeoutMs?: number;
                }[];
              };
              /** @description Send it back with an update to refuse stale edits */
              draftRevision: number;
              /** @description The last published version; null until the first publish */
              latestVersion: number | null;
              hasUnpublishedChanges: boolean;
              hasWebhookSecret: boolean;
              createdBy: string | null;
              /** Format: date-time */
              createdAt: string;
              /** Format: date-time */
              updatedAt: string;
            }[];
          };
        };
      };
      /** @description The request is not valid (validation_failed names each field in details; malformed_json...) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The workspace or the thing named in the path is not there, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  createFlow: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        workspaceId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          name: string;
          description?: string;
          /** @description What starts a run */
          trigger:
            | {
                /** @enum {string} */
                type: 'manual';
              }
            | {
                /** @enum {string} */
                type: 'schedule';
                /** @description Five fields: minute hour day-of-month month day-of-week */
                cron: string;
                /** @description An IANA time zone: Europe/Paris */
                timezone: string;
              }
            | {
                /** @enum {string} */
                type: 'event';
                event:
                  | 'action.created'
                  | 'action.executed'
                  | 'deal.stage_changed'
                  | 'conversation.linked'
                  | 'agent_run.finished'
                  | 'inbox_item.decided'
                  | 'anomaly.raised';
                /** @description Equality on the event's top-level fields: { toStage: 'negotiation' } */
                filter?: {
                  [key: string]: string | number | boolean;
                };
              }
            | {
                /** @enum {string} */
                type: 'webhook';
              };
          steps: {
            /** @description Unique in the flow; {{steps.<key>.output}} names its output */
            key: string;
            type:
              | 'add_tag'
              | 'set_variable'
              | 'assign_agent'
              | 'subscribe_campaign'
              | 'delete_contact'
              | 'run_api_request'
              | 'run_javascript'
              | 'move_to_board'
              | 'send_webhook'
              | 'email_integration'
              | 'crm_integration'
              | 'condition'
              | 'delay'
              | 'wait_for_approval';
            /** @description Valid against the step type's configSchema; strings may hold {{...}} templates */
            config: {
              [key: string]: unknown;
            };
            name?: string;
            retry?: {
              attempts?: number;
              backoffMs?: number;
              maxDelayMs?: number;
            };
            timeoutMs?: number;
          }[];
        };
      };
    };
    responses: {
      /** @description Default Response */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            flow: {
              /** Format: uuid */
              id: string;
              name: string;
              description: string | null;
              status: 'active' | 'archived';
              draft: {
                /** @description What starts a run */
                trigger:
                  | {
                      /** @enum {string} */
                      type: 'manual';
                    }
                  | {
                      /** @enum {string} */
                      type: 'schedule';
                      /** @description Five fields: minute hour day-of-month month day-of-week */
                      cron: string;
                      /** @description An IANA time zone: Europe/Paris */
                      timezone: string;
                    }
                  | {
                      /** @enum {string} */
                      type: 'event';
                      event:
                        | 'action.created'
                        | 'action.executed'
                        | 'deal.stage_changed'
                        | 'conversation.linked'
                        | 'agent_run.finished'
                        | 'inbox_item.decided'
                        | 'anomaly.raised';
                      /** @description Equality on the event's top-level fields: { toStage: 'negotiation' } */
                      filter?: {
                        [key: string]: string | number | boolean;
                      };
                    }
                  | {
                      /** @enum {string} */
                      type: 'webhook';
                    };
                steps: {
                  /** @description Unique in the flow; {{steps.<key>.output}} names its output */
                  key: string;
                  type:
                    | 'add_tag'
                    | 'set_variable'
                    | 'assign_agent'
                    | 'subscribe_campaign'
                    | 'delete_contact'
                    | 'run_api_request'
                    | 'run_javascript'
                    | 'move_to_board'
                    | 'send_webhook'
                    | 'email_integration'
                    | 'crm_integration'
                    | 'condition'
                    | 'delay'
                    | 'wait_for_approval';
                  /** @description Valid against the step type's configSchema; strings may hold {{...}} templates */
                  config: {
                    [key: string]: unknown;
                  };
                  name?: string;
                  retry?: {
                    attempts?: number;
                    backoffMs?: number;
                    maxDelayMs?: number;
                  };
                  timeoutMs?: number;
                }[];
              };
              /** @description Send it back with an update to refuse stale edits */
              draftRevision: number;
              /** @description The last published version; null until the first publish */
              latestVersion: number | null;
              hasUnpublishedChanges: boolean;
              hasWebhookSecret: boolean;
              createdBy: string | null;
              /** Format: date-time */
              createdAt: string;
              /** Format: date-time */
              updatedAt: string;
            };
          };
        };
      };
      /** @description The request is not valid (validation_failed names each field in details; malformed_json...) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The caller may not do this (forbidden: admins only; cross_site_request; user_session_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The workspace or the thing named in the path is not there, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description payload_too_large: the body is over 1 MiB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description unsupported_media_type: send the body as application/json */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  getFlow: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        workspaceId: string;
        flowId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            flow: {
              /** Format: uuid */
              id: string;
              name: string;
              description: string | null;
              status: 'active' | 'archived';
              draft: {
                /** @description What starts a run */
                trigger:
                  | {
                      /** @enum {string} */
                      type: 'manual';
                    }
                  | {
                      /** @enum {string} */
                      type: 'schedule';
                      /** @description Five fields: minute hour day-of-month month day-of-week */
                      cron: string;
                      /** @description An IANA time zone: Europe/Paris */
                      timezone: string;
                    }
                  | {
                      /** @enum {string} */
                      type: 'event';
                      event:
                        | 'action.created'
                        | 'action.executed'
                        | 'deal.stage_changed'
                        | 'conversation.linked'
                        | 'agent_run.finished'
                        | 'inbox_item.decided'
                        | 'anomaly.raised';
                      /** @description Equality on the event's top-level fields: { toStage: 'negotiation' } */
                      filter?: {
                        [key: string]: string | number | boolean;
                      };
                    }
                  | {
                      /** @enum {string} */
                      type: 'webhook';
                    };
                steps: {
                  /** @description Unique in the flow; {{steps.<key>.output}} names its output */
                  key: string;
                  type:
                    | 'add_tag'
                    | 'set_variable'
                    | 'assign_agent'
                    | 'subscribe_campaign'
                    | 'delete_contact'
                    | 'run_api_request'
                    | 'run_javascript'
                    | 'move_to_board'
                    | 'send_webhook'
                    | 'email_integration'
                    | 'crm_integration'
                    | 'condition'
                    | 'delay'
                    | 'wait_for_approval';
                  /** @description Valid against the step type's configSchema; strings may hold {{...}} templates */
                  config: {
                    [key: string]: unknown;
                  };
                  name?: string;
                  retry?: {
                    attempts?: number;
                    backoffMs?: number;
                    maxDelayMs?: number;
                  };
                  timeoutMs?: number;
                }[];
              };
              /** @description Send it back with an update to refuse stale edits */
              draftRevision: number;
              /** @description The last published version; null until the first publish */
              latestVersion: number | null;
              hasUnpublishedChanges: boolean;
              hasWebhookSecret: boolean;
              createdBy: string | null;
              /** Format: date-time */
              createdAt: string;
              /** Format: date-time */
              updatedAt: string;
            };
          };
        };
      };
      /** @description The request is not valid (validation_failed names each field in details; malformed_json...) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The workspace or the thing named in the path is not there, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  archiveFlow: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        workspaceId: string;
        flowId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            flow: {
              /** Format: uuid */
              id: string;
              name: string;
              description: string | null;
              status: 'active' | 'archived';
              draft: {
                /** @description What starts a run */
                trigger:
                  | {
                      /** @enum {string} */
                      type: 'manual';
                    }
                  | {
                      /** @enum {string} */
                      type: 'schedule';
                      /** @description Five fields: minute hour day-of-month month day-of-week */
                      cron: string;
                      /** @description An IANA time zone: Europe/Paris */
                      timezone: string;
                    }
                  | {
                      /** @enum {string} */
                      type: 'event';
                      event:
                        | 'action.created'
                        | 'action.executed'
                        | 'deal.stage_changed'
                        | 'conversation.linked'
                        | 'agent_run.finished'
                        | 'inbox_item.decided'
                        | 'anomaly.raised';
                      /** @description Equality on the event's top-level fields: { toStage: 'negotiation' } */
                      filter?: {
                        [key: string]: string | number | boolean;
                      };
                    }
                  | {
                      /** @enum {string} */
                      type: 'webhook';
                    };
                steps: {
                  /** @description Unique in the flow; {{steps.<key>.output}} names its output */
                  key: string;
                  type:
                    | 'add_tag'
                    | 'set_variable'
                    | 'assign_agent'
                    | 'subscribe_campaign'
                    | 'delete_contact'
                    | 'run_api_request'
                    | 'run_javascript'
                    | 'move_to_board'
                    | 'send_webhook'
                    | 'email_integration'
                    | 'crm_integration'
                    | 'condition'
                    | 'delay'
                    | 'wait_for_approval';
                  /** @description Valid against the step type's configSchema; strings may hold {{...}} templates */
                  config: {
                    [key: string]: unknown;
                  };
                  name?: string;
                  retry?: {
                    attempts?: number;
                    backoffMs?: number;
                    maxDelayMs?: number;
                  };
                  timeoutMs?: number;
                }[];
              };
              /** @description Send it back with an update to refuse stale edits */
              draftRevision: number;
              /** @description The last published version; null until the first publish */
              latestVersion: number | null;
              hasUnpublishedChanges: boolean;
              hasWebhookSecret: boolean;
              createdBy: string | null;
              /** Format: date-time */
              createdAt: string;
              /** Format: date-time */
              updatedAt: string;
            };
            /** @description What archiving did to the flow's open runs */
            runs: {
              /** @description Open runs cancelled now */
              cancelled: number;
              /** @description Runs under way, asked to stop before their next step */
              stopping: number;
            };
          };
        };
      };
      /** @description The request is not valid (validation_failed names each field in details; malformed_json...) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The caller may not do this (forbidden: admins only; cross_site_request; user_session_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The workspace or the thing named in the path is not there, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  updateFlow: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        workspaceId: string;
        flowId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          name?: string;
          description?: string | null;
          /** @description What starts a run */
          trigger?:
            | {
                /** @enum {string} */
                type: 'manual';
              }
            | {
                /** @enum {string} */
                type: 'schedule';
                /** @description Five fields: minute hour day-of-month month day-of-week */
                cron: string;
                /** @description An IANA time zone: Europe/Paris */
                timezone: string;
              }
            | {
                /** @enum {string} */
                type: 'event';
                event:
                  | 'action.created'
                  | 'action.executed'
                  | 'deal.stage_changed'
                  | 'conversation.linked'
                  | 'agent_run.finished'
                  | 'inbox_item.decided'
                  | 'anomaly.raised';
                /** @description Equality on the event's top-level fields: { toStage: 'negotiation' } */
                filter?: {
                  [key: string]: string | number | boolean;
                };
              }
            | {
                /** @enum {string} */
                type: 'webhook';
              };
          steps?: {
            /** @description Unique in the flow; {{steps.<key>.output}} names its output */
            key: string;
            type:
              | 'add_tag'
              | 'set_variable'
              | 'assign_agent'
              | 'subscribe_campaign'
              | 'delete_contact'
              | 'run_api_request'
              | 'run_javascript'
              | 'move_to_board'
              | 'send_webhook'
              | 'email_integration'
              | 'crm_integration'
              | 'condition'
              | 'delay'
              | 'wait_for_approval';
            /** @description Valid against the step type's configSchema; strings may hold {{...}} templates */
            config: {
              [key: string]: unknown;
            };
            name?: string;
            retry?: {
              attempts?: number;
              backoffMs?: number;
              maxDelayMs?: number;
            };
            timeoutMs?: number;
          }[];
          /** @description The revision the edit started from; an older one than the stored is a 409 stale_draft */
          draftRevision?: number;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            flow: {
              /** Format: uuid */
              id: string;
              name: string;
              description: string | null;
              status: 'active' | 'archived';
              draft: {
                /** @description What starts a run */
                trigger:
                  | {
                      /** @enum {string} */
                      type: 'manual';
                    }
                  | {
                      /** @enum {string} */
                      type: 'schedule';
                      /** @description Five fields: minute hour day-of-month month day-of-week */
                      cron: string;
                      /** @description An IANA time zone: Europe/Paris */
                      timezone: string;
                    }
                  | {
                      /** @enum {string} */
                      type: 'event';
                      event:
                        | 'action.created'
                        | 'action.executed'
                        | 'deal.stage_changed'
                        | 'conversation.linked'
                        | 'agent_run.finished'
                        | 'inbox_item.decided'
                        | 'anomaly.raised';
                      /** @description Equality on the event's top-level fields: { toStage: 'negotiation' } */
                      filter?: {
                        [key: string]: string | number | boolean;
                      };
                    }
                  | {
                      /** @enum {string} */
                      type: 'webhook';
                    };
                steps: {
                  /** @description Unique in the flow; {{steps.<key>.output}} names its output */
                  key: string;
                  type:
                    | 'add_tag'
                    | 'set_variable'
                    | 'assign_agent'
                    | 'subscribe_campaign'
                    | 'delete_contact'
                    | 'run_api_request'
                    | 'run_javascript'
                    | 'move_to_board'
                    | 'send_webhook'
                    | 'email_integration'
                    | 'crm_integration'
                    | 'condition'
                    | 'delay'
                    | 'wait_for_approval';
                  /** @description Valid against the step type's configSchema; strings may hold {{...}} templates */
                  config: {
                    [key: string]: unknown;
                  };
                  name?: string;
                  retry?: {
                    attempts?: number;
                    backoffMs?: number;
                    maxDelayMs?: number;
                  };
                  timeoutMs?: number;
                }[];
              };
              /** @description Send it back with an update to refuse stale edits */
              draftRevision: number;
              /** @description The last published version; null until the first publish */
              latestVersion: number | null;
              hasUnpublishedChanges: boolean;
              hasWebhookSecret: boolean;
              createdBy: string | null;
              /** Format: date-time */
              createdAt: string;
              /** Format: date-time */
              updatedAt: string;
            };
          };
        };
      };
      /** @description The request is not valid (validation_failed names each field in details; malformed_json...) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The caller may not do this (forbidden: admins only; cross_site_request; user_session_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The workspace or the thing named in the path is not there, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description payload_too_large: the body is over 1 MiB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description unsupported_media_type: send the body as application/json */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  publishFlow: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        workspaceId: string;
        flowId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @description The revision the edit started from; an older one than the stored is a 409 stale_draft */
          draftRevision?: number;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            version: {
              version: number;
              publishedBy: string | null;
              /** Format: date-time */
              publishedAt: string;
              stepCount: number;
              triggerType: string;
              /** Format: uuid */
              flowId: string;
              definition: {
                /** @description What starts a run */
                trigger:
                  | {
                      /** @enum {string} */
                      type: 'manual';
                    }
                  | {
                      /** @enum {string} */
                      type: 'schedule';
                      /** @description Five fields: minute hour day-of-month month day-of-week */
                      cron: string;
                      /** @description An IANA time zone: Europe/Paris */
                      timezone: string;
                    }
                  | {
                      /** @enum {string} */
                      type: 'event';
                      event:
                        | 'action.created'
                        | 'action.executed'
                        | 'deal.stage_changed'
                        | 'conversation.linked'
                        | 'agent_run.finished'
                        | 'inbox_item.decided'
                        | 'anomaly.raised';
                      /** @description Equality on the event's top-level fields: { toStage: 'negotiation' } */
                      filter?: {
                        [key: string]: string | number | boolean;
                      };
                    }
                  | {
                      /** @enum {string} */
                      type: 'webhook';
                    };
                steps: {
                  /** @description Unique in the flow; {{steps.<key>.output}} names its output */
                  key: string;
                  type:
                    | 'add_tag'
                    | 'set_variable'
                    | 'assign_agent'
                    | 'subscribe_campaign'
                    | 'delete_contact'
                    | 'run_api_request'
                    | 'run_javascript'
                    | 'move_to_board'
                    | 'send_webhook'
                    | 'email_integration'
                    | 'crm_integration'
                    | 'condition'
                    | 'delay'
                    | 'wait_for_approval';
                  /** @description Valid against the step type's configSchema; strings may hold {{...}} templates */
                  config: {
                    [key: string]: unknown;
                  };
                  name?: string;
                  retry?: {
                    attempts?: number;
                    backoffMs?: number;
                    maxDelayMs?: number;
                  };
                  timeoutMs?: number;
                }[];
              };
            };
            created: boolean;
          };
        };
      };
      /** @description Default Response */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            version: {
              version: number;
              publishedBy: string | null;
              /** Format: date-time */
              publishedAt: string;
              stepCount: number;
              triggerType: string;
              /** Format: uuid */
              flowId: string;
              definition: {
                /** @description What starts a run */
                trigger:
                  | {
                      /** @enum {string} */
                      type: 'manual';
                    }
                  | {
                      /** @enum {string} */
                      type: 'schedule';
                      /** @description Five fields: minute hour day-of-month month day-of-week */
                      cron: string;
                      /** @description An IANA time zone: Europe/Paris */
                      timezone: string;
                    }
                  | {
                      /** @enum {string} */
                      type: 'event';
                      event:
                        | 'action.created'
                        | 'action.executed'
                        | 'deal.stage_changed'
                        | 'conversation.linked'
                        | 'agent_run.finished'
                        | 'inbox_item.decided'
                        | 'anomaly.raised';
                      /** @description Equality on the event's top-level fields: { toStage: 'negotiation' } */
                      filter?: {
                        [key: string]: string | number | boolean;
                      };
                    }
                  | {
                      /** @enum {string} */
                      type: 'webhook';
                    };
                steps: {
                  /** @description Unique in the flow; {{steps.<key>.output}} names its output */
                  key: string;
                  type:
                    | 'add_tag'
                    | 'set_variable'
                    | 'assign_agent'
                    | 'subscribe_campaign'
                    | 'delete_contact'
                    | 'run_api_request'
                    | 'run_javascript'
                    | 'move_to_board'
                    | 'send_webhook'
                    | 'email_integration'
                    | 'crm_integration'
                    | 'condition'
                    | 'delay'
                    | 'wait_for_approval';
                  /** @description Valid against the step type's configSchema; strings may hold {{...}} templates */
                  config: {
                    [key: string]: unknown;
                  };
                  name?: string;
                  retry?: {
                    attempts?: number;
                    backoffMs?: number;
                    maxDelayMs?: number;
                  };
                  timeoutMs?: number;
                }[];
              };
            };
            created: boolean;
          };
        };
      };
      /** @description The request is not valid (validation_failed names each field in details; malformed_json...) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The caller may not do this (forbidden: admins only; cross_site_request; user_session_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The workspace or the thing named in the path is not there, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description payload_too_large: the body is over 1 MiB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description unsupported_media_type: send the body as application/json */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  listFlowVersions: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        workspaceId: string;
        flowId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            versions: {
              version: number;
              publishedBy: string | null;
              /** Format: date-time */
              publishedAt: string;
              stepCount: number;
              triggerType: string;
            }[];
          };
        };
      };
      /** @description The request is not valid (validation_failed names each field in details; malformed_json...) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The workspace or the thing named in the path is not there, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  getFlowVersion: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        workspaceId: string;
        flowId: string;
        version: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            version: {
              version: number;
              publishedBy: string | null;
              /** Format: date-time */
              publishedAt: string;
              stepCount: number;
              triggerType: string;
              /** Format: uuid */
              flowId: string;
              definition: {
                /** @description What starts a run */
                trigger:
                  | {
                      /** @enum {string} */
                      type: 'manual';
                    }
                  | {
                      /** @enum {string} */
                      type: 'schedule';
                      /** @description Five fields: minute hour day-of-month month day-of-week */
                      cron: string;
                      /** @description An IANA time zone: Europe/Paris */
                      timezone: string;
                    }
                  | {
                      /** @enum {string} */
                      type: 'event';
                      event:
                        | 'action.created'
                        | 'action.executed'
                        | 'deal.stage_changed'
                        | 'conversation.linked'
                        | 'agent_run.finished'
                        | 'inbox_item.decided'
                        | 'anomaly.raised';
                      /** @description Equality on the event's top-level fields: { toStage: 'negotiation' } */
                      filter?: {
                        [key: string]: string | number | boolean;
                      };
                    }
                  | {
                      /** @enum {string} */
                      type: 'webhook';
                    };
                steps: {
                  /** @description Unique in the flow; {{steps.<key>.output}} names its output */
                  key: string;
                  type:
                    | 'add_tag'
                    | 'set_variable'
                    | 'assign_agent'
                    | 'subscribe_campaign'
                    | 'delete_contact'
                    | 'run_api_request'
                    | 'run_javascript'
                    | 'move_to_board'
                    | 'send_webhook'
                    | 'email_integration'
                    | 'crm_integration'
                    | 'condition'
                    | 'delay'
                    | 'wait_for_approval';
                  /** @description Valid against the step type's configSchema; strings may hold {{...}} templates */
                  config: {
                    [key: string]: unknown;
                  };
                  name?: string;
                  retry?: {
                    attempts?: number;
                    backoffMs?: number;
                    maxDelayMs?: number;
                  };
                  timeoutMs?: number;
                }[];
              };
            };
          };
        };
      };
      /** @description The request is not valid (validation_failed names each field in details; malformed_json...) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The workspace or the thing named in the path is not there, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  listFlowStepTypes: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        workspaceId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            stepTypes: {
              id:
                | 'add_tag'
                | 'set_variable'
                | 'assign_agent'
                | 'subscribe_campaign'
                | 'delete_contact'
                | 'run_api_request'
                | 'run_javascript'
                | 'move_to_board'
                | 'send_webhook'
                | 'email_integration'
                | 'crm_integration'
                | 'condition'
                | 'delay'
                | 'wait_for_approval';
              category: 'basic' | 'advanced' | 'integration' | 'control';
              title: string;
              description: string;
              effect: 'read' | 'write';
              /** @description The config's JSON schema; forms are built from it */
              configSchema: unknown;
              allowedInAutomations: boolean;
              defaultRetry: {
                attempts: number;
                backoffMs: number;
                maxDelayMs: number;
              };
              defaultTimeoutMs: number;
              secretFields: string[];
              jumpFields: string[];
              /** @description Config fields used as written: no {{...}} templates there */
              literalFields: string[];
            }[];
          };
        };
      };
      /** @description The request is not valid (validation_failed names each field in details; malformed_json...) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The workspace or the thing named in the path is not there, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  listFlowRuns: {
    parameters: {
      query?: {
        status?:
          'pending' | 'running' | 'waiting' | 'completed' | 'failed' | 'cancelled' | 'timeout';
        limit?: number;
        cursor?: string;
      };
      header?: never;
      path: {
        workspaceId: string;
        flowId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            runs: {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              flowId: string;
              version: number;
              status:
                | 'pending'
                | 'running'
                | 'waiting'
                | 'completed'
                | 'failed'
                | 'cancelled'
                | 'timeout';
              /** @description What started it: { type: manual|schedule|event|webhook|rerun, ... } */
              trigger: {
                [key: string]: unknown;
              };
              input: {
                [key: string]: unknown;
              };
              scopeUserId: string | null;
              startedBy: string | null;
              rerunOf: string | null;
              rerunFromStep: string | null;
              currentStep: string | null;
              error: {
                category:
                  'validation' | 'network' | 'timeout' | 'permission' | 'sandbox' | 'internal';
                severity: 'low' | 'medium' | 'high' | 'critical';
                message: string;
                suggestion: string;
                retryable: boolean;
                /** @description What an outside system answered */
                status?: number;
                /** @description The step that failed (on a run) */
                stepKey?: string;
              } | null;
              wakeAt: string | null;
              cancelRequestedAt: string | null;
              /** Format: date-time */
              createdAt: string;
              startedAt: string | null;
              finishedAt: string | null;
              durationMs: number | null;
            }[];
            nextCursor: string | null;
          };
        };
      };
      /** @description The request is not valid (validation_failed names each field in details; malformed_json...) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The workspace or the thing named in the path is not there, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  startFlowRun: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        workspaceId: string;
        flowId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          input?: {
            [key: string]: unknown;
          };
        };
      };
    };
    responses: {
      /** @description Default Response */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            run: {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              flowId: string;
              version: number;
              status:
                | 'pending'
                | 'running'
                | 'waiting'
                | 'completed'
                | 'failed'
                | 'cancelled'
                | 'timeout';
              /** @description What started it: { type: manual|schedule|event|webhook|rerun, ... } */
              trigger: {
                [key: string]: unknown;
              };
              input: {
                [key: string]: unknown;
              };
              scopeUserId: string | null;
              startedBy: string | null;
              rerunOf: string | null;
              rerunFromStep: string | null;
              currentStep: string | null;
              error: {
                category:
                  'validation' | 'network' | 'timeout' | 'permission' | 'sandbox' | 'internal';
                severity: 'low' | 'medium' | 'high' | 'critical';
                message: string;
                suggestion: string;
                retryable: boolean;
                /** @description What an outside system answered */
                status?: number;
                /** @description The step that failed (on a run) */
                stepKey?: string;
              } | null;
              wakeAt: string | null;
              cancelRequestedAt: string | null;
              /** Format: date-time */
              createdAt: string;
              startedAt: string | null;
              finishedAt: string | null;
              durationMs: number | null;
              /** @description In the version's step order; steps that ran */
              steps: {
                key: string;
                type: string;
                status:
                  | 'running'
                  | 'waiting'
                  | 'completed'
                  | 'failed'
                  | 'skipped'
                  | 'cancelled'
                  | 'timeout';
                /** @description The config as resolved; secrets shown as [secret] */
                input: unknown;
                output: unknown;
                error: {
                  category:
                    'validation' | 'network' | 'timeout' | 'permission' | 'sandbox' | 'internal';
                  severity: 'low' | 'medium' | 'high' | 'critical';
                  message: string;
                  suggestion: string;
                  retryable: boolean;
                  /** @description What an outside system answered */
                  status?: number;
                  /** @description The step that failed (on a run) */
                  stepKey?: string;
                } | null;
                attempts: number;
                /** Format: date-time */
                startedAt: string;
                finishedAt: string | null;
                durationMs: number | null;
              }[];
            };
          };
        };
      };
      /** @description The request is not valid (validation_failed names each field in details; malformed_json...) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The caller may not do this (forbidden: admins only; cross_site_request; user_session_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The workspace or the thing named in the path is not there, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description payload_too_large: the body is over 1 MiB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description unsupported_media_type: send the body as application/json */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  getFlowRun: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        workspaceId: string;
        flowRunId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            run: {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              flowId: string;
              version: number;
              status:
                | 'pending'
                | 'running'
                | 'waiting'
                | 'completed'
                | 'failed'
                | 'cancelled'
                | 'timeout';
              /** @description What started it: { type: manual|schedule|event|webhook|rerun, ... } */
              trigger: {
                [key: string]: unknown;
              };
              input: {
                [key: string]: unknown;
              };
              scopeUserId: string | null;
              startedBy: string | null;
              rerunOf: string | null;
              rerunFromStep: string | null;
              currentStep: string | null;
              error: {
                category:
                  'validation' | 'network' | 'timeout' | 'permission' | 'sandbox' | 'internal';
                severity: 'low' | 'medium' | 'high' | 'critical';
                message: string;
                suggestion: string;
                retryable: boolean;
                /** @description What an outside system answered */
                status?: number;
                /** @description The step that failed (on a run) */
                stepKey?: string;
              } | null;
              wakeAt: string | null;
              cancelRequestedAt: string | null;
              /** Format: date-time */
              createdAt: string;
              startedAt: string | null;
              finishedAt: string | null;
              durationMs: number | null;
              /** @description In the version's step order; steps that ran */
              steps: {
                key: string;
                type: string;
                status:
                  | 'running'
                  | 'waiting'
                  | 'completed'
                  | 'failed'
                  | 'skipped'
                  | 'cancelled'
                  | 'timeout';
                /** @description The config as resolved; secrets shown as [secret] */
                input: unknown;
                output: unknown;
                error: {
                  category:
                    'validation' | 'network' | 'timeout' | 'permission' | 'sandbox' | 'internal';
                  severity: 'low' | 'medium' | 'high' | 'critical';
                  message: string;
                  suggestion: string;
                  retryable: boolean;
                  /** @description What an outside system answered */
                  status?: number;
                  /** @description The step that failed (on a run) */
                  stepKey?: string;
                } | null;
                attempts: number;
                /** Format: date-time */
                startedAt: string;
                finishedAt: string | null;
                durationMs: number | null;
              }[];
            };
          };
        };
      };
      /** @description The request is not valid (validation_failed names each field in details; malformed_json...) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The workspace or the thing named in the path is not there, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  cancelFlowRun: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        workspaceId: string;
        flowRunId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            run: {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              flowId: string;
              version: number;
              status:
                | 'pending'
                | 'running'
                | 'waiting'
                | 'completed'
                | 'failed'
                | 'cancelled'
                | 'timeout';
              /** @description What started it: { type: manual|schedule|event|webhook|rerun, ... } */
              trigger: {
                [key: string]: unknown;
              };
              input: {
                [key: string]: unknown;
              };
              scopeUserId: string | null;
              startedBy: string | null;
              rerunOf: string | null;
              rerunFromStep: string | null;
              currentStep: string | null;
              error: {
                category:
                  'validation' | 'network' | 'timeout' | 'permission' | 'sandbox' | 'internal';
                severity: 'low' | 'medium' | 'high' | 'critical';
                message: string;
                suggestion: string;
                retryable: boolean;
                /** @description What an outside system answered */
                status?: number;
                /** @description The step that failed (on a run) */
                stepKey?: string;
              } | null;
              wakeAt: string | null;
              cancelRequestedAt: string | null;
              /** Format: date-time */
              createdAt: string;
              startedAt: string | null;
              finishedAt: string | null;
              durationMs: number | null;
              /** @description In the version's step order; steps that ran */
              steps: {
                key: string;
                type: string;
                status:
                  | 'running'
                  | 'waiting'
                  | 'completed'
                  | 'failed'
                  | 'skipped'
                  | 'cancelled'
                  | 'timeout';
                /** @description The config as resolved; secrets shown as [secret] */
                input: unknown;
                output: unknown;
                error: {
                  category:
                    'validation' | 'network' | 'timeout' | 'permission' | 'sandbox' | 'internal';
                  severity: 'low' | 'medium' | 'high' | 'critical';
                  message: string;
                  suggestion: string;
                  retryable: boolean;
                  /** @description What an outside system answered */
                  status?: number;
                  /** @description The step that failed (on a run) */
                  stepKey?: string;
                } | null;
                attempts: number;
                /** Format: date-time */
                startedAt: string;
                finishedAt: string | null;
                durationMs: number | null;
              }[];
            };
          };
        };
      };
      /** @description The request is not valid (validation_failed names each field in details; malformed_json...) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The caller may not do this (forbidden: admins only; cross_site_request; user_session_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The workspace or the thing named in the path is not there, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  rerunFlowRun: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        workspaceId: string;
        flowRunId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @description The version to run: the failed run's (default) or the latest */
          version?: 'same' | 'latest';
        };
      };
    };
    responses: {
      /** @description Default Response */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            run: {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              flowId: string;
              version: number;
              status:
                | 'pending'
                | 'running'
                | 'waiting'
                | 'completed'
                | 'failed'
                | 'cancelled'
                | 'timeout';
              /** @description What started it: { type: manual|schedule|event|webhook|rerun, ... } */
              trigger: {
                [key: string]: unknown;
              };
              input: {
                [key: string]: unknown;
              };
              scopeUserId: string | null;
              startedBy: string | null;
              rerunOf: string | null;
              rerunFromStep: string | null;
              currentStep: string | null;
              error: {
                category:
                  'validation' | 'network' | 'timeout' | 'permission' | 'sandbox' | 'internal';
                severity: 'low' | 'medium' | 'high' | 'critical';
                message: string;
                suggestion: string;
                retryable: boolean;
                /** @description What an outside system answered */
                status?: number;
                /** @description The step that failed (on a run) */
                stepKey?: string;
              } | null;
              wakeAt: string | null;
              cancelRequestedAt: string | null;
              /** Format: date-time */
              createdAt: string;
              startedAt: string | null;
              finishedAt: string | null;
              durationMs: number | null;
              /** @description In the version's step order; steps that ran */
              steps: {
                key: string;
                type: string;
                status:
                  | 'running'
                  | 'waiting'
                  | 'completed'
                  | 'failed'
                  | 'skipped'
                  | 'cancelled'
                  | 'timeout';
                /** @description The config as resolved; secrets shown as [secret] */
                input: unknown;
                output: unknown;
                error: {
                  category:
                    'validation' | 'network' | 'timeout' | 'permission' | 'sandbox' | 'internal';
                  severity: 'low' | 'medium' | 'high' | 'critical';
                  message: string;
                  suggestion: string;
                  retryable: boolean;
                  /** @description What an outside system answered */
                  status?: number;
                  /** @description The step that failed (on a run) */
                  stepKey?: string;
                } | null;
                attempts: number;
                /** Format: date-time */
                startedAt: string;
                finishedAt: string | null;
                durationMs: number | null;
              }[];
            };
          };
        };
      };
      /** @description The request is not valid (validation_failed names each field in details; malformed_json...) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The caller may not do this (forbidden: admins only; cross_site_request; user_session_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The workspace or the thing named in the path is not there, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description payload_too_large: the body is over 1 MiB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description unsupported_media_type: send the body as application/json */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  getFlowStats: {
    parameters: {
      query?: {
        period?: 'hour' | 'day' | 'week';
        flowId?: string;
      };
      header?: never;
      path: {
        workspaceId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            period: 'hour' | 'day' | 'week';
            /** Format: date-time */
            from: string;
            /** Format: date-time */
            to: string;
            bucketSeconds: number;
            totals: {
              runs: number;
              completed: number;
              /** @description Failed or timed out */
              failed: number;
              cancelled: number;
              runsPerMinute: number;
              p95DurationMs: number | null;
              /** @description failed / (completed + failed); null when none finished */
              failureRate: number | null;
            };
            buckets: {
              /** Format: date-time */
              start: string;
              runs: number;
              completed: number;
              /** @description Failed or timed out */
              failed: number;
              cancelled: number;
              runsPerMinute: number;
              p95DurationMs: number | null;
              /** @description failed / (completed + failed); null when none finished */
              failureRate: number | null;
            }[];
          };
        };
      };
      /** @description The request is not valid (validation_failed names each field in details; malformed_json...) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The workspace or the thing named in the path is not there, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  undoFlowRunStep: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        workspaceId: string;
        flowRunId: string;
        stepKey: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          force?: boolean;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            undo: {
              /** Format: uuid */
              runId: string;
              stepKey: string;
              stepType: string;
              /** @description blocked: something could not be put back (a field changed since; pass force) */
              status: 'undone' | 'blocked';
              fields?: {
                objectType: string;
                recordId: string;
                field: string;
                before: string | number | boolean | null;
                written: string | number | boolean | null;
                current: string | number | boolean | null;
                status: 'restored' | 'already_restored' | 'conflict' | 'failed';
                message?: string;
              }[];
              tags?: {
                removed: number;
                tagDeleted: boolean;
              };
              details?: {
                [key: string]: unknown;
              };
              note?: {
                status: 'created' | 'failed';
                noteId: string | null;
              } | null;
              replayed?: boolean;
            };
          };
        };
      };
      /** @description The request is not valid (validation_failed names each field in details; malformed_json...) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The caller may not do this (forbidden: admins only; cross_site_request; user_session_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The workspace or the thing named in the path is not there, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The request conflicts with the current state; the code says how */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description payload_too_large: the body is over 1 MiB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description unsupported_media_type: send the body as application/json */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  listWorkspaceSecrets: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        workspaceId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            secrets: {
              name: string;
              createdBy: string | null;
              /** Format: date-time */
              createdAt: string;
              /** Format: date-time */
              updatedAt: string;
            }[];
          };
        };
      };
      /** @description The request is not valid (validation_failed names each field in details; malformed_json...) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The caller may not do this (forbidden: admins only; cross_site_request; user_session_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The workspace or the thing named in the path is not there, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  createWorkspaceSecret: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        workspaceId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @description Letters, digits and _; steps name it as {{secrets.<name>}} */
          name: string;
          value: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            secret: {
              name: string;
              createdBy: string | null;
              /** Format: date-time */
              createdAt: string;
              /** Format: date-time */
              updatedAt: string;
            };
          };
        };
      };
      /** @description The request is not valid (validation_failed names each field in details; malformed_json...) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The caller may not do this (forbidden: admins only; cross_site_request; user_session_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The workspace or the thing named in the path is not there, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description payload_too_large: the body is over 1 MiB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description unsupported_media_type: send the body as application/json */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  replaceWorkspaceSecret: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        workspaceId: string;
        /** @description Letters, digits and _; steps name it as {{secrets.<name>}} */
        secretName: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          value: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            secret: {
              name: string;
              createdBy: string | null;
              /** Format: date-time */
              createdAt: string;
              /** Format: date-time */
              updatedAt: string;
            };
          };
        };
      };
      /** @description The request is not valid (validation_failed names each field in details; malformed_json...) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The caller may not do this (forbidden: admins only; cross_site_request; user_session_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The workspace or the thing named in the path is not there, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description payload_too_large: the body is over 1 MiB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description unsupported_media_type: send the body as application/json */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  deleteWorkspaceSecret: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        workspaceId: string;
        /** @description Letters, digits and _; steps name it as {{secrets.<name>}} */
        secretName: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description The request is not valid (validation_failed names each field in details; malformed_json...) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The caller may not do this (forbidden: admins only; cross_site_request; user_session_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The workspace or the thing named in the path is not there, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  listBoards: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        workspaceId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            boards: {
              /** Format: uuid */
              id: string;
              name: string;
              description: string | null;
              recordType: 'deal' | 'contact' | 'account';
              columns: {
                /** @description a-z, 0-9, _ and - */
                key: string;
                name: string;
              }[];
              createdBy: string | null;
              /** Format: date-time */
              createdAt: string;
              /** Format: date-time */
              updatedAt: string;
              /** @description Items per column key */
              counts: {
                [key: string]: number;
              };
              itemCount: number;
            }[];
          };
        };
      };
      /** @description The request is not valid (validation_failed names each field in details; malformed_json...) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The workspace or the thing named in the path is not there, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  createBoard: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        workspaceId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          name: string;
          description?: string;
          recordType: 'deal' | 'contact' | 'account';
          columns: {
            /** @description a-z, 0-9, _ and - */
            key: string;
            name: string;
          }[];
        };
      };
    };
    responses: {
      /** @description Default Response */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            board: {
              /** Format: uuid */
              id: string;
              name: string;
              description: string | null;
              recordType: 'deal' | 'contact' | 'account';
              columns: {
                /** @description a-z, 0-9, _ and - */
                key: string;
                name: string;
              }[];
              createdBy: string | null;
              /** Format: date-time */
              createdAt: string;
              /** Format: date-time */
              updatedAt: string;
              /** @description Items per column key */
              counts: {
                [key: string]: number;
              };
              itemCount: number;
            };
          };
        };
      };
      /** @description The request is not valid (validation_failed names each field in details; malformed_json...) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The caller may not do this (forbidden: admins only; cross_site_request; user_session_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The workspace or the thing named in the path is not there, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The request conflicts with the current state; the code says how */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description payload_too_large: the body is over 1 MiB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description unsupported_media_type: send the body as application/json */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  getBoard: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        workspaceId: string;
        boardId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            board: {
              /** Format: uuid */
              id: string;
              name: string;
              description: string | null;
              recordType: 'deal' | 'contact' | 'account';
              columns: {
                /** @description a-z, 0-9, _ and - */
                key: string;
                name: string;
              }[];
              createdBy: string | null;
              /** Format: date-time */
              createdAt: string;
              /** Format: date-time */
              updatedAt: string;
              /** @description Items per column key */
              counts: {
                [key: string]: number;
              };
              itemCount: number;
            };
          };
        };
      };
      /** @description The request is not valid (validation_failed names each field in details; malformed_json...) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The workspace or the thing named in the path is not there, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  listBoardItems: {
    parameters: {
      query?: {
        /** @description a-z, 0-9, _ and - */
        column?: string;
        limit?: number;
        cursor?: string;
      };
      header?: never;
      path: {
        workspaceId: string;
        boardId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: {
              /** Format: uuid */
              id: string;
              recordType: 'deal' | 'contact' | 'account';
              /** Format: uuid */
              recordId: string;
              recordName: string | null;
              column: string;
              /** Format: date-time */
              addedAt: string;
              /** Format: date-time */
              movedAt: string;
            }[];
            nextCursor: string | null;
          };
        };
      };
      /** @description The request is not valid (validation_failed names each field in details; malformed_json...) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The workspace or the thing named in the path is not there, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  moveBoardItem: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        workspaceId: string;
        boardId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          recordId: string;
          /** @description a-z, 0-9, _ and - */
          column: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** Format: uuid */
            recordId: string;
            column: string;
            fromColumn: string | null;
            moved: boolean;
          };
        };
      };
      /** @description The request is not valid (validation_failed names each field in details; malformed_json...) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The caller may not do this (forbidden: admins only; cross_site_request; user_session_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The workspace or the thing named in the path is not there, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description payload_too_large: the body is over 1 MiB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description unsupported_media_type: send the body as application/json */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  listBoardHistory: {
    parameters: {
      query?: {
        recordId?: string;
        limit?: number;
        cursor?: string;
      };
      header?: never;
      path: {
        workspaceId: string;
        boardId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            entries: {
              /** Format: uuid */
              id: string;
              recordType: 'deal' | 'contact' | 'account';
              /** Format: uuid */
              recordId: string;
              recordName: string | null;
              fromColumn: string | null;
              toColumn: string | null;
              actorUserId: string | null;
              flowRunId: string | null;
              flowId: string | null;
              stepKey: string | null;
              /** Format: date-time */
              createdAt: string;
            }[];
            nextCursor: string | null;
          };
        };
      };
      /** @description The request is not valid (validation_failed names each field in details; malformed_json...) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The workspace or the thing named in the path is not there, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  deliverFlowWebhook: {
    parameters: {
      query?: never;
      header?: {
        /** @description Unix seconds when the delivery was signed */
        'x-pandora-timestamp'?: string;
        /** @description sha256=<hex HMAC-SHA256 of "<timestamp>.<raw body>"> */
        'x-pandora-signature'?: string;
        /** @description The same key again starts nothing new */
        'idempotency-key'?: string;
      };
      path: {
        flowId: string;
      };
      cookie?: never;
    };
    /** @description A JSON object: the run's trigger input */
    requestBody: {
      content: {
        'application/json': {
          [key: string]: unknown;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** Format: uuid */
            runId: string;
            /** @description A delivery with this Idempotency-Key started the run before; nothing new started */
            duplicate: boolean;
          };
        };
      };
      /** @description Default Response */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** Format: uuid */
            runId: string;
            /** @description A delivery with this Idempotency-Key started the run before; nothing new started */
            duplicate: boolean;
          };
        };
      };
      /** @description The request is not valid (validation_failed names each field in details; malformed_json...) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The caller may not do this (forbidden: admins only; cross_site_request; user_session_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The workspace or the thing named in the path is not there, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The request conflicts with the current state; the code says how */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description payload_too_large: the body is over 1 MiB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description unsupported_media_type: send the body as application/json */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  rotateFlowWebhookSecret: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        workspaceId: string;
        flowId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @description Shown once: sign deliveries with it */
            secret: string;
            /** @description Where the sender posts */
            webhookUrl: string;
          };
        };
      };
      /** @description The request is not valid (validation_failed names each field in details; malformed_json...) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The caller may not do this (forbidden: admins only; cross_site_request; user_session_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The workspace or the thing named in the path is not there, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  listUserAutomations: {
    parameters: {
      query?: {
        userId?: string;
      };
      header?: never;
      path: {
        workspaceId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            automations: {
              /** Format: uuid */
              id: string;
              name: string;
              description: string | null;
              /** @description Paused automations start no runs */
              isActive: boolean;
              /** @description The member whose records it runs on */
              user: {
                /** Format: uuid */
                id: string;
                name: string;
                email: string;
              };
              /** @description What starts a run */
              trigger:
                | {
                    /** @enum {string} */
                    type: 'manual';
                  }
                | {
                    /** @enum {string} */
                    type: 'schedule';
                    /** @description Five fields: minute hour day-of-month month day-of-week */
                    cron: string;
                    /** @description An IANA time zone: Europe/Paris */
                    timezone: string;
                  }
                | {
                    /** @enum {string} */
                    type: 'event';
                    event:
                      | 'action.created'
                      | 'action.executed'
                      | 'deal.stage_changed'
                      | 'conversation.linked'
                      | 'agent_run.finished'
                      | 'inbox_item.decided'
                      | 'anomaly.raised';
                    /** @description Equality on the event's top-level fields: { toStage: 'negotiation' } */
                    filter?: {
                      [key: string]: string | number | boolean;
                    };
                  }
                | {
                    /** @enum {string} */
                    type: 'webhook';
                  };
              steps: {
                /** @description Unique in the flow; {{steps.<key>.output}} names its output */
                key: string;
                type:
                  | 'add_tag'
                  | 'set_variable'
                  | 'assign_agent'
                  | 'subscribe_campaign'
                  | 'delete_contact'
                  | 'run_api_request'
                  | 'run_javascript'
                  | 'move_to_board'
                  | 'send_webhook'
                  | 'email_integration'
                  | 'crm_integration'
                  | 'condition'
                  | 'delay'
                  | 'wait_for_approval';
                /** @description Valid against the step type's configSchema; strings may hold {{...}} templates */
                config: {
                  [key: string]: unknown;
                };
                name?: string;
                retry?: {
                  attempts?: number;
                  backoffMs?: number;
                  maxDelayMs?: number;
                };
                timeoutMs?: number;
              }[];
              /** @description The published version its runs start on */
              version: number;
              /** Format: date-time */
              createdAt: string;
              /** Format: date-time */
              updatedAt: string;
            }[];
          };
        };
      };
      /** @description The request is not valid (validation_failed names each field in details; malformed_json...) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The caller may not do this (forbidden: admins only; cross_site_request; user_session_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The workspace or the thing named in the path is not there, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  createUserAutomation: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        workspaceId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          name: string;
          description?: string | null;
          /** @description What starts a run */
          trigger:
            | {
                /** @enum {string} */
                type: 'manual';
              }
            | {
                /** @enum {string} */
                type: 'schedule';
                /** @description Five fields: minute hour day-of-month month day-of-week */
                cron: string;
                /** @description An IANA time zone: Europe/Paris */
                timezone: string;
              }
            | {
                /** @enum {string} */
                type: 'event';
                event:
                  | 'action.created'
                  | 'action.executed'
                  | 'deal.stage_changed'
                  | 'conversation.linked'
                  | 'agent_run.finished'
                  | 'inbox_item.decided'
                  | 'anomaly.raised';
                /** @description Equality on the event's top-level fields: { toStage: 'negotiation' } */
                filter?: {
                  [key: string]: string | number | boolean;
                };
              }
            | {
                /** @enum {string} */
                type: 'webhook';
              };
          steps: {
            /** @description Unique in the flow; {{steps.<key>.output}} names its output */
            key: string;
            type:
              | 'add_tag'
              | 'set_variable'
              | 'assign_agent'
              | 'subscribe_campaign'
              | 'delete_contact'
              | 'run_api_request'
              | 'run_javascript'
              | 'move_to_board'
              | 'send_webhook'
              | 'email_integration'
              | 'crm_integration'
              | 'condition'
              | 'delay'
              | 'wait_for_approval';
            /** @description Valid against the step type's configSchema; strings may hold {{...}} templates */
            config: {
              [key: string]: unknown;
            };
            name?: string;
            retry?: {
              attempts?: number;
              backoffMs?: number;
              maxDelayMs?: number;
            };
            timeoutMs?: number;
          }[];
          isActive?: boolean;
          /** Format: uuid */
          userId?: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            automation: {
              /** Format: uuid */
              id: string;
              name: string;
              description: string | null;
              /** @description Paused automations start no runs */
              isActive: boolean;
              /** @description The member whose records it runs on */
              user: {
                /** Format: uuid */
                id: string;
                name: string;
                email: string;
              };
              /** @description What starts a run */
              trigger:
                | {
                    /** @enum {string} */
                    type: 'manual';
                  }
                | {
                    /** @enum {string} */
                    type: 'schedule';
                    /** @description Five fields: minute hour day-of-month month day-of-week */
                    cron: string;
                    /** @description An IANA time zone: Europe/Paris */
                    timezone: string;
                  }
                | {
                    /** @enum {string} */
                    type: 'event';
                    event:
                      | 'action.created'
                      | 'action.executed'
                      | 'deal.stage_changed'
                      | 'conversation.linked'
                      | 'agent_run.finished'
                      | 'inbox_item.decided'
                      | 'anomaly.raised';
                    /** @description Equality on the event's top-level fields: { toStage: 'negotiation' } */
                    filter?: {
                      [key: string]: string | number | boolean;
                    };
                  }
                | {
                    /** @enum {string} */
                    type: 'webhook';
                  };
              steps: {
                /** @description Unique in the flow; {{steps.<key>.output}} names its output */
                key: string;
                type:
                  | 'add_tag'
                  | 'set_variable'
                  | 'assign_agent'
                  | 'subscribe_campaign'
                  | 'delete_contact'
                  | 'run_api_request'
                  | 'run_javascript'
                  | 'move_to_board'
                  | 'send_webhook'
                  | 'email_integration'
                  | 'crm_integration'
                  | 'condition'
                  | 'delay'
                  | 'wait_for_approval';
                /** @description Valid against the step type's configSchema; strings may hold {{...}} templates */
                config: {
                  [key: string]: unknown;
                };
                name?: string;
                retry?: {
                  attempts?: number;
                  backoffMs?: number;
                  maxDelayMs?: number;
                };
                timeoutMs?: number;
              }[];
              /** @description The published version its runs start on */
              version: number;
              /** Format: date-time */
              createdAt: string;
              /** Format: date-time */
              updatedAt: string;
            };
          };
        };
      };
      /** @description The request is not valid (validation_failed names each field in details; malformed_json...) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The caller may not do this (forbidden: admins only; cross_site_request; user_session_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The workspace or the thing named in the path is not there, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description payload_too_large: the body is over 1 MiB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description unsupported_media_type: send the body as application/json */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  getUserAutomation: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        workspaceId: string;
        automationId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            automation: {
              /** Format: uuid */
              id: string;
              name: string;
              description: string | null;
              /** @description Paused automations start no runs */
              isActive: boolean;
              /** @description The member whose records it runs on */
              user: {
                /** Format: uuid */
                id: string;
                name: string;
                email: string;
              };
              /** @description What starts a run */
              trigger:
                | {
                    /** @enum {string} */
                    type: 'manual';
                  }
                | {
                    /** @enum {string} */
                    type: 'schedule';
                    /** @description Five fields: minute hour day-of-month month day-of-week */
                    cron: string;
                    /** @description An IANA time zone: Europe/Paris */
                    timezone: string;
                  }
                | {
                    /** @enum {string} */
                    type: 'event';
                    event:
                      | 'action.created'
                      | 'action.executed'
                      | 'deal.stage_changed'
                      | 'conversation.linked'
                      | 'agent_run.finished'
                      | 'inbox_item.decided'
                      | 'anomaly.raised';
                    /** @description Equality on the event's top-level fields: { toStage: 'negotiation' } */
                    filter?: {
                      [key: string]: string | number | boolean;
                    };
                  }
                | {
                    /** @enum {string} */
                    type: 'webhook';
                  };
              steps: {
                /** @description Unique in the flow; {{steps.<key>.output}} names its output */
                key: string;
                type:
                  | 'add_tag'
                  | 'set_variable'
                  | 'assign_agent'
                  | 'subscribe_campaign'
                  | 'delete_contact'
                  | 'run_api_request'
                  | 'run_javascript'
                  | 'move_to_board'
                  | 'send_webhook'
                  | 'email_integration'
                  | 'crm_integration'
                  | 'condition'
                  | 'delay'
                  | 'wait_for_approval';
                /** @description Valid against the step type's configSchema; strings may hold {{...}} templates */
                config: {
                  [key: string]: unknown;
                };
                name?: string;
                retry?: {
                  attempts?: number;
                  backoffMs?: number;
                  maxDelayMs?: number;
                };
                timeoutMs?: number;
              }[];
              /** @description The published version its runs start on */
              version: number;
              /** Format: date-time */
              createdAt: string;
              /** Format: date-time */
              updatedAt: string;
            };
          };
        };
      };
      /** @description The request is not valid (validation_failed names each field in details; malformed_json...) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The workspace or the thing named in the path is not there, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  deleteUserAutomation: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        workspaceId: string;
        automationId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description The request is not valid (validation_failed names each field in details; malformed_json...) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The caller may not do this (forbidden: admins only; cross_site_request; user_session_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The workspace or the thing named in the path is not there, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  updateUserAutomation: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        workspaceId: string;
        automationId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          name?: string;
          description?: string | null;
          /** @description What starts a run */
          trigger?:
            | {
                /** @enum {string} */
                type: 'manual';
              }
            | {
                /** @enum {string} */
                type: 'schedule';
                /** @description Five fields: minute hour day-of-month month day-of-week */
                cron: string;
                /** @description An IANA time zone: Europe/Paris */
                timezone: string;
              }
            | {
                /** @enum {string} */
                type: 'event';
                event:
                  | 'action.created'
                  | 'action.executed'
                  | 'deal.stage_changed'
                  | 'conversation.linked'
                  | 'agent_run.finished'
                  | 'inbox_item.decided'
                  | 'anomaly.raised';
                /** @description Equality on the event's top-level fields: { toStage: 'negotiation' } */
                filter?: {
                  [key: string]: string | number | boolean;
                };
              }
            | {
                /** @enum {string} */
                type: 'webhook';
              };
          steps?: {
            /** @description Unique in the flow; {{steps.<key>.output}} names its output */
            key: string;
            type:
              | 'add_tag'
              | 'set_variable'
              | 'assign_agent'
              | 'subscribe_campaign'
              | 'delete_contact'
              | 'run_api_request'
              | 'run_javascript'
              | 'move_to_board'
              | 'send_webhook'
              | 'email_integration'
              | 'crm_integration'
              | 'condition'
              | 'delay'
              | 'wait_for_approval';
            /** @description Valid against the step type's configSchema; strings may hold {{...}} templates */
            config: {
              [key: string]: unknown;
            };
            name?: string;
            retry?: {
              attempts?: number;
              backoffMs?: number;
              maxDelayMs?: number;
            };
            timeoutMs?: number;
          }[];
          isActive?: boolean;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            automation: {
              /** Format: uuid */
              id: string;
              name: string;
              description: string | null;
              /** @description Paused automations start no runs */
              isActive: boolean;
              /** @description The member whose records it runs on */
              user: {
                /** Format: uuid */
                id: string;
                name: string;
                email: string;
              };
              /** @description What starts a run */
              trigger:
                | {
                    /** @enum {string} */
                    type: 'manual';
                  }
                | {
                    /** @enum {string} */
                    type: 'schedule';
                    /** @description Five fields: minute hour day-of-month month day-of-week */
                    cron: string;
                    /** @description An IANA time zone: Europe/Paris */
                    timezone: string;
                  }
                | {
                    /** @enum {string} */
                    type: 'event';
                    event:
                      | 'action.created'
                      | 'action.executed'
                      | 'deal.stage_changed'
                      | 'conversation.linked'
                      | 'agent_run.finished'
                      | 'inbox_item.decided'
                      | 'anomaly.raised';
                    /** @description Equality on the event's top-level fields: { toStage: 'negotiation' } */
                    filter?: {
                      [key: string]: string | number | boolean;
                    };
                  }
                | {
                    /** @enum {string} */
                    type: 'webhook';
                  };
              steps: {
                /** @description Unique in the flow; {{steps.<key>.output}} names its output */
                key: string;
                type:
                  | 'add_tag'
                  | 'set_variable'
                  | 'assign_agent'
                  | 'subscribe_campaign'
                  | 'delete_contact'
                  | 'run_api_request'
                  | 'run_javascript'
                  | 'move_to_board'
                  | 'send_webhook'
                  | 'email_integration'
                  | 'crm_integration'
                  | 'condition'
                  | 'delay'
                  | 'wait_for_approval';
                /** @description Valid against the step type's configSchema; strings may hold {{...}} templates */
                config: {
                  [key: string]: unknown;
                };
                name?: string;
                retry?: {
                  attempts?: number;
                  backoffMs?: number;
                  maxDelayMs?: number;
                };
                timeoutMs?: number;
              }[];
              /** @description The published version its runs start on */
              version: number;
              /** Format: date-time */
              createdAt: string;
              /** Format: date-time */
              updatedAt: string;
            };
          };
        };
      };
      /** @description The request is not valid (validation_failed names each field in details; malformed_json...) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The caller may not do this (forbidden: admins only; cross_site_request; user_session_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The workspace or the thing named in the path is not there, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description payload_too_large: the body is over 1 MiB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description unsupported_media_type: send the body as application/json */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  activateUserAutomation: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        workspaceId: string;
        automationId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            automation: {
              /** Format: uuid */
              id: string;
              name: string;
              description: string | null;
              /** @description Paused automations start no runs */
              isActive: boolean;
              /** @description The member whose records it runs on */
              user: {
                /** Format: uuid */
                id: string;
                name: string;
                email: string;
              };
              /** @description What starts a run */
              trigger:
                | {
                    /** @enum {string} */
                    type: 'manual';
                  }
                | {
                    /** @enum {string} */
                    type: 'schedule';
                    /** @description Five fields: minute hour day-of-month month day-of-week */
                    cron: string;
                    /** @description An IANA time zone: Europe/Paris */
                    timezone: string;
                  }
                | {
                    /** @enum {string} */
                    type: 'event';
                    event:
                      | 'action.created'
                      | 'action.executed'
                      | 'deal.stage_changed'
                      | 'conversation.linked'
                      | 'agent_run.finished'
                      | 'inbox_item.decided'
                      | 'anomaly.raised';
                    /** @description Equality on the event's top-level fields: { toStage: 'negotiation' } */
                    filter?: {
                      [key: string]: string | number | boolean;
                    };
                  }
                | {
                    /** @enum {string} */
                    type: 'webhook';
                  };
              steps: {
                /** @description Unique in the flow; {{steps.<key>.output}} names its output */
                key: string;
                type:
                  | 'add_tag'
                  | 'set_variable'
                  | 'assign_agent'
                  | 'subscribe_campaign'
                  | 'delete_contact'
                  | 'run_api_request'
                  | 'run_javascript'
                  | 'move_to_board'
                  | 'send_webhook'
                  | 'email_integration'
                  | 'crm_integration'
                  | 'condition'
                  | 'delay'
                  | 'wait_for_approval';
                /** @description Valid against the step type's configSchema; strings may hold {{...}} templates */
                config: {
                  [key: string]: unknown;
                };
                name?: string;
                retry?: {
                  attempts?: number;
                  backoffMs?: number;
                  maxDelayMs?: number;
                };
                timeoutMs?: number;
              }[];
              /** @description The published version its runs start on */
              version: number;
              /** Format: date-time */
              createdAt: string;
              /** Format: date-time */
              updatedAt: string;
            };
          };
        };
      };
      /** @description The request is not valid (validation_failed names each field in details; malformed_json...) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The caller may not do this (forbidden: admins only; cross_site_request; user_session_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The workspace or the thing named in the path is not there, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  pauseUserAutomation: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        workspaceId: string;
        automationId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            automation: {
              /** Format: uuid */
              id: string;
              name: string;
              description: string | null;
              /** @description Paused automations start no runs */
              isActive: boolean;
              /** @description The member whose records it runs on */
              user: {
                /** Format: uuid */
                id: string;
                name: string;
                email: string;
              };
              /** @description What starts a run */
              trigger:
                | {
                    /** @enum {string} */
                    type: 'manual';
                  }
                | {
                    /** @enum {string} */
                    type: 'schedule';
                    /** @description Five fields: minute hour day-of-month month day-of-week */
                    cron: string;
                    /** @description An IANA time zone: Europe/Paris */
                    timezone: string;
                  }
                | {
                    /** @enum {string} */
                    type: 'event';
                    event:
                      | 'action.created'
                      | 'action.executed'
                      | 'deal.stage_changed'
                      | 'conversation.linked'
                      | 'agent_run.finished'
                      | 'inbox_item.decided'
                      | 'anomaly.raised';
                    /** @description Equality on the event's top-level fields: { toStage: 'negotiation' } */
                    filter?: {
                      [key: string]: string | number | boolean;
                    };
                  }
                | {
                    /** @enum {string} */
                    type: 'webhook';
                  };
              steps: {
                /** @description Unique in the flow; {{steps.<key>.output}} names its output */
                key: string;
                type:
                  | 'add_tag'
                  | 'set_variable'
                  | 'assign_agent'
                  | 'subscribe_campaign'
                  | 'delete_contact'
                  | 'run_api_request'
                  | 'run_javascript'
                  | 'move_to_board'
                  | 'send_webhook'
                  | 'email_integration'
                  | 'crm_integration'
                  | 'condition'
                  | 'delay'
                  | 'wait_for_approval';
                /** @description Valid against the step type's configSchema; strings may hold {{...}} templates */
                config: {
                  [key: string]: unknown;
                };
                name?: string;
                retry?: {
                  attempts?: number;
                  backoffMs?: number;
                  maxDelayMs?: number;
                };
                timeoutMs?: number;
              }[];
              /** @description The published version its runs start on */
              version: number;
              /** Format: date-time */
              createdAt: string;
              /** Format: date-time */
              updatedAt: string;
            };
          };
        };
      };
      /** @description The request is not valid (validation_failed names each field in details; malformed_json...) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The caller may not do this (forbidden: admins only; cross_site_request; user_session_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The workspace or the thing named in the path is not there, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  listUserAutomationRuns: {
    parameters: {
      query?: {
        status?:
          'pending' | 'running' | 'waiting' | 'completed' | 'failed' | 'cancelled' | 'timeout';
        limit?: number;
        cursor?: string;
      };
      header?: never;
      path: {
        workspaceId: string;
        automationId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            runs: {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              flowId: string;
              version: number;
              status:
                | 'pending'
                | 'running'
                | 'waiting'
                | 'completed'
                | 'failed'
                | 'cancelled'
                | 'timeout';
              /** @description What started it: { type: manual|schedule|event|webhook|rerun, ... } */
              trigger: {
                [key: string]: unknown;
              };
              input: {
                [key: string]: unknown;
              };
              scopeUserId: string | null;
              startedBy: string | null;
              rerunOf: string | null;
              rerunFromStep: string | null;
              currentStep: string | null;
              error: {
                category:
                  'validation' | 'network' | 'timeout' | 'permission' | 'sandbox' | 'internal';
                severity: 'low' | 'medium' | 'high' | 'critical';
                message: string;
                suggestion: string;
                retryable: boolean;
                /** @description What an outside system answered */
                status?: number;
                /** @description The step that failed (on a run) */
                stepKey?: string;
              } | null;
              wakeAt: string | null;
              cancelRequestedAt: string | null;
              /** Format: date-time */
              createdAt: string;
              startedAt: string | null;
              finishedAt: string | null;
              durationMs: number | null;
            }[];
            nextCursor: string | null;
          };
        };
      };
      /** @description The request is not valid (validation_failed names each field in details; malformed_json...) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The workspace or the thing named in the path is not there, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  startUserAutomationRun: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        workspaceId: string;
        automationId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @description What the run reads as {{trigger.x}} */
          input?: {
            [key: string]: unknown;
          };
          record?: {
            type: 'deal' | 'account' | 'contact';
            id: string;
          };
        };
      };
    };
    responses: {
      /** @description Default Response */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** Format: uuid */
            runId: string;
          };
        };
      };
      /** @description The request is not valid (validation_failed names each field in details; malformed_json...) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The caller may not do this (forbidden: admins only; cross_site_request; user_session_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The workspace or the thing named in the path is not there, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The request conflicts with the current state; the code says how */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description payload_too_large: the body is over 1 MiB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description unsupported_media_type: send the body as application/json */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  rotateUserAutomationSecret: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        workspaceId: string;
        automationId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @description Shown once: sign deliveries with it */
            secret: string;
            /** @description Where the sender posts */
            webhookUrl: string;
          };
        };
      };
      /** @description The request is not valid (validation_failed names each field in details; malformed_json...) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The caller may not do this (forbidden: admins only; cross_site_request; user_session_required) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The workspace or the thing named in the path is not there, or not visible to the caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  getGraphqlSchema: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The schema in SDL */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'text/plain': string;
        };
      };
      /** @description No caller where one is needed (unauthenticated), or a credential that is not valid (invalid_api_key, invalid_authorization) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description introspection_disabled: PANDORA_GRAPHQL_INTROSPECTION is false on this server */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description rate_limited: too many requests; retry after `details.retryAfterSeconds` (also the Retry-After header) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description internal_error: something went wrong on our side; the request id (X-Request-Id) is in the logs */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description database_unavailable: the database is not reachable; retry later */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
}
