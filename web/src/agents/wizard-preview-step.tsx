import { Alert, Button, Group, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useConversations } from '../conversations/queries';
import { formatDate } from '../format';
import { ApiError } from '../api';
import { PreviewResult } from './preview-result';
import { usePreviewAgent } from './queries';

interface PreviewStepProps {
  workspaceId: string;
  agentId: string;
}

/**
 * Step 6: the saved draft run on a real meeting, writing nothing: the deal it matches,
 * each field before and after with the words it rests on.
 */
export function PreviewStep({ workspaceId, agentId }: PreviewStepProps) {
  // Meetings linked to a deal: the ones a run would act on.
  const meetings = useConversations(workspaceId, { linked: 'deal', internal: false });
  const preview = usePreviewAgent(workspaceId);
  const [conversationId, setConversationId] = useState<string | null>(null);
  const options = (meetings.data?.pages ?? [])
    .flatMap((page) => page.conversations)
    .map((m) => ({
      value: m.id,
      label: `${m.title} · ${formatDate(m.startedAt)}${m.deal ? ` · ${m.deal.name}` : ''}`,
    }));
  return (
    <Stack>
      <Group align="flex-end">
        <Select
          label="A recent meeting"
          placeholder={meetings.isLoading ? 'Loading meetings…' : 'Pick a meeting'}
          data={options}
          value={conversationId}
          onChange={setConversationId}
          searchable
          nothingFoundMessage="No meeting linked to a deal yet"
          style={{ flex: 1 }}
        />
        <Button
          disabled={!conversationId}
          loading={preview.isPending}
          onClick={() => conversationId && preview.mutate({ agentId, conversationId })}
        >
          Preview
        </Button>
      </Group>
      {meetings.isSuccess && options.length === 0 && (
        <Text size="sm" c="dimmed">
          No meeting is linked to a deal yet: you can activate now and watch the first runs in
          shadow.
        </Text>
      )}
      {preview.isError && (
        <Alert color="red" title="The preview failed">
          {preview.error instanceof ApiError ? preview.error.message : String(preview.error)}
        </Alert>
      )}
      {preview.data && <PreviewResult preview={preview.data} />}
    </Stack>
  );
}
