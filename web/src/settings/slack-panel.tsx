import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  PasswordInput,
  Select,
  Skeleton,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import type { ResponseBody } from '../../../src/client/index.js';
import { call, client } from '../api';
import { QueryError } from '../components/query-error';
import { formatDate } from '../format';
import { notifyError, notifySuccess } from '../notify';
import { workspacePath } from '../queries';
import { useWorkspaceContext } from '../workspace-context';

type SlackStatus = ResponseBody<'/api/workspaces/{workspaceId}/slack', 'get'>;

const slackKeys = {
  status: (workspaceId: string) => ['workspaces', workspaceId, 'slack'] as const,
  channels: (workspaceId: string) => ['workspaces', workspaceId, 'slack', 'channels'] as const,
};

/**
 * Settings › Slack: whether Slack is installed and in which team, "Add to Slack" or a
 * pasted bot token, and the channel skill results and anomaly alerts go to. Admins
 * change it; members read it.
 */
export function SlackPanel() {
  const { workspace, isAdmin } = useWorkspaceContext();
  const [searchParams] = useSearchParams();
  const status = useQuery({
    queryKey: slackKeys.status(workspace.id),
    queryFn: () =>
      call(client.GET('/api/workspaces/{workspaceId}/slack', workspacePath(workspace.id))),
  });
  // Where "Add to Slack" comes back: `?tab=slack&installed=slack` or `&error=...`.
  const returned = searchParams.get('installed') === 'slack';
  const returnedError = searchParams.get('error');

  if (status.isPending) return <Skeleton height={160} />;
  if (!status.data) {
    return (
      <QueryError
        title="Could not load the Slack settings"
        error={status.error}
        onRetry={() => void status.refetch()}
        retrying={status.isFetching}
      />
    );
  }
  const slack = status.data;
  return (
    <Stack gap="lg" data-testid="slack-settings">
      <div>
        <Title order={4}>Slack</Title>
        <Text size="sm" c="dimmed" maw={720}>
          Approvals reach each person as a direct message they can approve, reject or edit from
          Slack; skill results and anomaly alerts go to a channel you pick. People are matched to
          Slack by their email.
        </Text>
      </div>
      {returned && slack.installed && (
        <Alert color="green" data-testid="slack-installed-notice">
          Slack is installed in {slack.teamName || slack.teamId}.
        </Alert>
      )}
      {returnedError && (
        <Alert color="red" title="Slack was not added" data-testid="slack-install-error">
          {returnedError}
        </Alert>
      )}
      <SlackStatusCard slack={slack} />
      {isAdmin ? (
        slack.installed ? (
          <>
            <AlertsChannelPicker workspaceId={workspace.id} slack={slack} />
            <RemoveSlack workspaceId={workspace.id} />
          </>
        ) : (
          <InstallSlack workspaceId={workspace.id} slack={slack} />
        )
      ) : (
        <Text size="sm" c="dimmed">
          Only an admin can add Slack or change where alerts go.
        </Text>
      )}
    </Stack>
  );
}

function SlackStatusCard({ slack }: { slack: SlackStatus }) {
  return (
    <Card withBorder padding="md" data-testid="slack-status" data-installed={slack.installed}>
      {slack.installed ? (
        <Stack gap={4}>
          <Group gap="xs">
            <Badge color="green" variant="light">
              Installed
            </Badge>
            <Text fw={600}>{slack.teamName || slack.teamId}</Text>
          </Group>
          <Text size="sm" c="dimmed">
            {slack.installedVia === 'oauth' ? 'Added to Slack' : 'Installed with a bot token'}
            {slack.installedAt ? ` on ${formatDate(slack.installedAt)}` : ''}
          </Text>
          <Text size="sm" data-testid="slack-alerts-channel">
            Alerts channel:{' '}
            {slack.alertsChannel
              ? `#${slack.alertsChannel.name ?? slack.alertsChannel.id}`
              : 'none'}
          </Text>
        </Stack>
      ) : (
        <Group gap="xs">
          <Badge color="gray" variant="light">
            Not installed
          </Badge>
          <Text size="sm" c="dimmed">
            Notifications go by email, push and in the console until Slack is added.
          </Text>
        </Group>
      )}
    </Card>
  );
}

function InstallSlack({ workspaceId, slack }: { workspaceId: string; slack: SlackStatus }) {
  const queryClient = useQueryClient();
  const [token, setToken] = useState('');
  const [tokenError, setTokenError] = useState<string | undefined>();

  const start = useMutation({
    mutationFn: () =>
      call(client.POST('/api/workspaces/{workspaceId}/slack/install', workspacePath(workspaceId))),
    onSuccess: ({ authorizeUrl }) => {
      window.location.assign(authorizeUrl);
    },
    onError: (error) => notifyError('Could not start adding Slack', error),
  });
  const paste = useMutation({
    mutationFn: (value: string) =>
      call(
        client.POST('/api/workspaces/{workspaceId}/slack/token', {
          ...workspacePath(workspaceId),
          body: { token: value },
        }),
      ),
    onSuccess: (answer) => {
      setToken('');
      setTokenError(undefined);
      queryClient.setQueryData(slackKeys.status(workspaceId), answer);
      notifySuccess(`Slack is installed in ${answer.teamName || answer.teamId}`);
    },
    onError: (error) => setTokenError(error.message),
  });

  return (
    <Stack gap="md">
      {slack.oauthAvailable && (
        <Group>
          <Button
            onClick={() => start.mutate()}
            loading={start.isPending}
            data-testid="slack-add-button"
          >
            Add to Slack
          </Button>
          <Text size="sm" c="dimmed">
            Slack asks you to allow Pandora in your team, then brings you back here.
          </Text>
        </Group>
      )}
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (token.trim()) paste.mutate(token.trim());
        }}
      >
        <Group align="flex-end">
          <PasswordInput
            label={slack.oauthAvailable ? 'Or paste a bot token' : 'Bot token'}
            description="The Bot User OAuth Token (xoxb-...) of a Slack app you made; Pandora checks it with Slack and stores it encrypted"
            placeholder="xoxb-..."
            value={token}
            onChange={(event) => setToken(event.currentTarget.value)}
            error={tokenError}
            w={420}
            data-testid="slack-token-input"
          />
          <Button type="submit" variant="light" loading={paste.isPending} disabled={!token.trim()}>
            Install with this token
          </Button>
        </Group>
      </form>
    </Stack>
  );
}

function AlertsChannelPicker({ workspaceId, slack }: { workspaceId: string; slack: SlackStatus }) {
  const queryClient = useQueryClient();
  const channels = useQuery({
    queryKey: slackKeys.channels(workspaceId),
    queryFn: () =>
      call(client.GET('/api/workspaces/{workspaceId}/slack/channels', workspacePath(workspaceId))),
  });
  const save = useMutation({
    mutationFn: (channelId: string | null) =>
      call(
        client.PUT('/api/workspaces/{workspaceId}/slack/alerts-channel', {
          ...workspacePath(workspaceId),
          body: { channelId },
        }),
      ),
    onSuccess: (answer) => {
      queryClient.setQueryData(slackKeys.status(workspaceId), answer);
      notifySuccess(
        answer.alertsChannel
          ? `Alerts go to #${answer.alertsChannel.name ?? answer.alertsChannel.id}`
          : 'Alerts are no longer posted to a channel',
      );
    },
    onError: (error) => notifyError('Could not set the alerts channel', error),
  });
  const selected = slack.alertsChannel?.id ?? null;
  const chosen = channels.data?.channels.find((c) => c.id === selected);

  return (
    <Stack gap={6}>
      <Select
        label="Alerts channel"
        description="Where skill results and anomaly alerts are posted"
        placeholder={channels.isPending ? 'Loading channels…' : 'No channel'}
        data={(channels.data?.channels ?? []).map((c) => ({ value: c.id, label: `#${c.name}` }))}
        value={selected}
        onChange={(value) => save.mutate(value)}
        clearable
        searchable
        disabled={save.isPending || !channels.data}
        w={420}
        data-testid="slack-channel-picker"
      />
      {channels.error && (
        <Text size="sm" c="red">
          Could not list the channels: {channels.error.message}
        </Text>
      )}
      {chosen && !chosen.isMember && (
        <Text size="sm" c="orange" data-testid="slack-invite-hint">
          Invite the Pandora app to #{chosen.name} (/invite @Pandora) so it can post there.
        </Text>
      )}
    </Stack>
  );
}

function RemoveSlack({ workspaceId }: { workspaceId: string }) {
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: () =>
      call(client.DELETE('/api/workspaces/{workspaceId}/slack', workspacePath(workspaceId))),
    onSuccess: (answer) => {
      queryClient.setQueryData(slackKeys.status(workspaceId), answer);
      notifySuccess('Slack was removed');
    },
    onError: (error) => notifyError('Could not remove Slack', error),
  });
  return (
    <Group>
      <Button
        color="red"
        variant="subtle"
        onClick={() => {
          if (window.confirm('Remove Slack? Pandora stops posting there and forgets the token.')) {
            remove.mutate();
          }
        }}
        loading={remove.isPending}
      >
        Remove Slack
      </Button>
    </Group>
  );
}
