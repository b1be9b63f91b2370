import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Skeleton,
  Stack,
  TagsInput,
  Text,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { call, client, fieldErrors } from '../api';
import { QueryError } from '../components/query-error';
import { notifySuccess } from '../notify';
import { workspacePath } from '../queries';
import { useWorkspaceContext } from '../workspace-context';
import { DOMAIN_SOURCE_TEXT, domainsFieldError } from './internal-domains';
import { conversationKeys, useInternalDomains } from './queries';
import type { InternalDomains } from './types';

/**
 * Settings › Meetings: the internal domains the internal-meeting filter uses and where
 * they came from; admins edit the list, members read it.
 */
export function MeetingsSettingsTab() {
  const { workspace, isAdmin } = useWorkspaceContext();
  const domains = useInternalDomains(workspace.id);

  if (domains.isPending) return <Skeleton height={160} />;
  if (!domains.data) {
    return (
      <QueryError
        title="Could not load the internal domains"
        error={domains.error}
        onRetry={() => void domains.refetch()}
        retrying={domains.isFetching}
      />
    );
  }
  return (
    <Stack gap="lg" data-testid="meetings-settings">
      <div>
        <Title order={4}>Internal domains</Title>
        <Text size="sm" c="dimmed" maw={720}>
          A meeting is internal when everyone in it has an email on one of these domains, or its
          title says so. Internal meetings are not linked to the CRM nor counted as conversations
          without deals.{' '}
          <Anchor component={Link} to={`/w/${workspace.id}/meetings?internal=true`} size="sm">
            See the internal meetings
          </Anchor>
        </Text>
      </div>
      <DomainsInEffect resolved={domains.data.resolved} />
      {isAdmin ? (
        <DomainsForm workspaceId={workspace.id} saved={domains.data.domains} />
      ) : (
        <Text size="sm" c="dimmed" data-testid="internal-domains-read-only">
          Only an admin can change the internal domains.
        </Text>
      )}
    </Stack>
  );
}

function DomainsInEffect({ resolved }: { resolved: InternalDomains['resolved'] }) {
  return (
    <Card withBorder padding="md" data-testid="internal-domains-in-effect">
      <Text size="sm" fw={600} mb={6}>
        In effect
      </Text>
      {resolved.domains.length > 0 ? (
        <Group gap={6} mb={6} data-testid="internal-domains-resolved">
          {resolved.domains.map((domain) => (
            <Badge key={domain} variant="light" tt="none">
              {domain}
            </Badge>
          ))}
        </Group>
      ) : (
        <Text size="sm" mb={6}>
          No internal domain
        </Text>
      )}
      <Text
        size="xs"
        c="dimmed"
        data-testid="internal-domains-source"
        data-source={resolved.source}
      >
        {DOMAIN_SOURCE_TEXT[resolved.source]}
      </Text>
    </Card>
  );
}

function DomainsForm({ workspaceId, saved }: { workspaceId: string; saved: string[] }) {
  const queryClient = useQueryClient();
  const [value, setValue] = useState<string[]>(saved);
  const [error, setError] = useState<string | undefined>();
  const [queued, setQueued] = useState(false);
  const changed = value.join(',') !== saved.join(',');

  const save = useMutation({
    mutationFn: (domains: string[]) =>
      call(
        client.PUT('/api/workspaces/{workspaceId}/config/internal-domains', {
          ...workspacePath(workspaceId),
          body: { domains },
        }),
      ),
    onSuccess: (answer) => {
      notifySuccess('Saved the internal domains');
      queryClient.setQueryData(conversationKeys.internalDomains(workspaceId), {
        domains: answer.domains,
        resolved: answer.resolved,
      });
      // The server's form of the list (trimmed, lowercased, deduplicated).
      setValue(answer.domains);
      setQueued(answer.reclassification.status === 'queued');
    },
    onError: (failure, domains) => {
      setError(domainsFieldError(fieldErrors(failure), domains) ?? failure.message);
    },
  });

  return (
    <Stack gap="sm" maw={720}>
      <TagsInput
        label="Internal domains"
        description="Type a domain such as example.com and press Enter. Empty: Pandora uses your team’s domains, else infers them."
        placeholder="example.com"
        value={value}
        onChange={(next) => {
          setValue(next);
          setError(undefined);
        }}
        splitChars={[',', ' ']}
        clearable
        error={error}
      />
      {queued && !changed && (
        <Alert color="blue" variant="light" data-testid="reclassification-queued">
          Re-classification queued: the meetings are classified again and re-linked in the
          background, so the Meetings page shows the new result in a moment.
        </Alert>
      )}
      <Group justify="flex-end">
        <Button
          variant="default"
          disabled={!changed || save.isPending}
          onClick={() => {
            setValue(saved);
            setError(undefined);
          }}
        >
          Reset
        </Button>
        <Button disabled={!changed} loading={save.isPending} onClick={() => save.mutate(value)}>
          Save
        </Button>
      </Group>
    </Stack>
  );
}
