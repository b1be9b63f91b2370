import { createBrowserRouter } from 'react-router';
import { ActionDetailPage } from './action-items/action-detail-page';
import { ActionsPage } from './action-items/actions-page';
import { PoliciesPage } from './action-items/policies-page';
import { ActivityPage } from './activity/activity-page';
import { AgentPage } from './agents/agent-page';
import { AgentWizardPage } from './agents/agent-wizard-page';
import { AgentsPage } from './agents/agents-page';
import { AnomaliesPage } from './anomalies/anomalies-page';
import { AnomalyPage } from './anomalies/anomaly-page';
import { RouteError } from './components/route-error';
import { GapsPage } from './conversations/gaps-page';
import { MeetingPage } from './conversations/meeting-page';
import { MeetingsPage } from './conversations/meetings-page';
import { DealPage } from './deals/deal-page';
import { AutomationPage, NewAutomationPage } from './flows/automation-page';
import { AutomationsPage } from './flows/automations-page';
import { BoardPage, BoardsPage } from './flows/boards-page';
import { FlowPage, NewFlowPage } from './flows/flow-page';
import { FlowRunPage } from './flows/flow-run-page';
import { FlowsPage } from './flows/flows-page';
import { InboxItemPage } from './inbox/inbox-item-page';
import { InboxPage } from './inbox/inbox-page';
import { MailboxPage } from './notifications/mailbox-page';
import { NotificationsPage } from './notifications/notifications-page';
import { PreferencesPage } from './notifications/preferences-page';
import { HomeRedirect } from './pages/home-redirect';
import { InvitePage } from './pages/invite-page';
import { LoginPage } from './pages/login-page';
import { NotFoundPage } from './pages/not-found-page';
import { OverviewPage } from './pages/overview-page';
import { SettingsPage } from './pages/settings-page';
import { WorkspaceLayout } from './pages/workspace-layout';

/** The console's routes; everything unknown is a 404 page. */
export function createRouter() {
  return createBrowserRouter([
    {
      errorElement: <RouteError />,
      children: [
        { path: '/', element: <HomeRedirect /> },
        { path: '/login', element: <LoginPage /> },
        { path: '/invite', element: <InvitePage /> },
        {
          path: '/w/:workspaceId',
          element: <WorkspaceLayout />,
          children: [
            {
              errorElement: <RouteError />,
              children: [
                { index: true, element: <OverviewPage /> },
                { path: 'actions', element: <ActionsPage /> },
                { path: 'actions/:actionId', element: <ActionDetailPage /> },
                { path: 'policies', element: <PoliciesPage /> },
                { path: 'meetings', element: <MeetingsPage /> },
                { path: 'meetings/:conversationId', element: <MeetingPage /> },
                { path: 'gaps', element: <GapsPage /> },
                { path: 'deals/:dealId', element: <DealPage /> },
                { path: 'agents', element: <AgentsPage /> },
                { path: 'agents/new', element: <AgentWizardPage /> },
                { path: 'agents/:agentId', element: <AgentPage /> },
                { path: 'flows', element: <FlowsPage /> },
                { path: 'flows/new', element: <NewFlowPage /> },
                { path: 'flows/:flowId', element: <FlowPage /> },
                { path: 'flow-runs/:runId', element: <FlowRunPage /> },
                { path: 'automations', element: <AutomationsPage /> },
                { path: 'automations/new', element: <NewAutomationPage /> },
                { path: 'automations/:automationId', element: <AutomationPage /> },
                { path: 'boards', element: <BoardsPage /> },
                { path: 'boards/:boardId', element: <BoardPage /> },
                { path: 'inbox', element: <InboxPage /> },
                { path: 'inbox/:itemId', element: <InboxItemPage /> },
                { path: 'activity', element: <ActivityPage /> },
                { path: 'anomalies', element: <AnomaliesPage /> },
                { path: 'anomalies/:anomalyId', element: <AnomalyPage /> },
                { path: 'notifications', element: <NotificationsPage /> },
                { path: 'notifications/preferences', element: <PreferencesPage /> },
                { path: 'settings', element: <SettingsPage /> },
                { path: 'mailbox', element: <MailboxPage /> },
                { path: '*', element: <NotFoundPage fullScreen={false} /> },
              ],
            },
          ],
        },
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ]);
}
