import { Stack, Tabs, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { Link, useSearchParams } from 'react-router';
import { ConnectionsTab } from '../connections/connections-tab';
import { MeetingsSettingsTab } from '../conversations/meetings-settings-tab';
import { useWorkspaceContext } from '../workspace-context';
import { SlackPanel } from '../settings/slack-panel';
import { WritebackTab } from '../writeback/writeback-tab';
import { ApiKeysTab } from './api-keys-tab';
import { MembersTab } from './members-tab';

const TABS = ['members', 'api-keys', 'connections', 'crm-sync', 'meetings', 'slack'] as const;
type Tab = (typeof TABS)[number];

const TAB_TITLES: Record<Tab, string> = {
  members: 'Members',
  'api-keys': 'API keys',
  connections: 'CRM connections',
  'crm-sync': 'CRM sync',
  meetings: 'Meetings',
  slack: 'Slack',
};

function isTab(value: string | null): value is Tab {
  return TABS.some((tab) => tab === value);
}

/** `/w/:workspaceId/settings?tab=members|api-keys|connections|crm-sync|meetings|slack`: the tab lives in the URL so links and reloads keep it. */
export function SettingsPage() {
  const { workspace } = useWorkspaceContext();
  const [searchParams, setSearchParams] = useSearchParams();
  const requested = searchParams.get('tab');
  const tab: Tab = isTab(requested) ? requested : 'members';
  useDocumentTitle(`${TAB_TITLES[tab]} · Settings · ${workspace.name} · Pandora`);

  return (
    <Stack gap="lg">
      <div>
        <Title order={2}>Settings</Title>
        <Text c="dimmed" size="sm">
          Who can use {workspace.name}, the keys programs use to call its API, the CRMs it works on,
          the fields it writes back to them, and which meetings are internal. How notifications
          reach you:{' '}
          <Text
            component={Link}
            to={`/w/${workspace.id}/notifications/preferences`}
            c="blue"
            inherit
          >
            your notification preferences
          </Text>
        </Text>
      </div>
      <Tabs
        value={tab}
        keepMounted={false}
        onChange={(value) => {
          if (isTab(value)) setSearchParams({ tab: value }, { replace: true });
        }}
      >
        <Tabs.List>
          <Tabs.Tab value="members">Members</Tabs.Tab>
          <Tabs.Tab value="api-keys">API keys</Tabs.Tab>
          <Tabs.Tab value="connections">CRM connections</Tabs.Tab>
          <Tabs.Tab value="crm-sync">CRM sync</Tabs.Tab>
          <Tabs.Tab value="meetings">Meetings</Tabs.Tab>
          <Tabs.Tab value="slack">Slack</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="members" pt="lg">
          <MembersTab />
        </Tabs.Panel>
        <Tabs.Panel value="api-keys" pt="lg">
          <ApiKeysTab />
        </Tabs.Panel>
        <Tabs.Panel value="connections" pt="lg">
          <ConnectionsTab />
        </Tabs.Panel>
        <Tabs.Panel value="crm-sync" pt="lg">
          <WritebackTab />
        </Tabs.Panel>
        <Tabs.Panel value="meetings" pt="lg">
          <MeetingsSettingsTab />
        </Tabs.Panel>
        <Tabs.Panel value="slack" pt="lg">
          <SlackPanel />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
