import {
  Alert,
  Button,
  Group,
  Modal,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { call, client, fieldErrors } from '../api';
import { workspacePath } from '../queries';
import { conversationKeys } from './queries';
import { SOURCE_NAMES } from './source-display';
import type { CreatedWebhookSource, SourceType } from './types';
import { WebhookSecret } from './webhook-secret';

interface AddSourceModalProps {
  workspaceId: string;
  opened: boolean;
  onClose: () => void;
}

const TYPES: SourceType[] = ['webhook'];

/**
 * Adds a conversation source. A webhook source answers its signing secret once, so the
 * modal then shows it with the URL and headers until it is closed.
 */
export function AddSourceModal({ workspaceId, opened, onClose }: AddSourceModalProps) {
  const queryClient = useQueryClient();
  const [sourceType, setSourceType] = useState<SourceType>('webhook');
  const [name, setName] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [created, setCreated] = useState<CreatedWebhookSource | null>(null);

  const close = () => {
    setName('');
    setErrors({});
    setProblem(null);
    setCreated(null);
    onClose();
  };

  const createWebhook = useMutation({
    mutationFn: () =>
      call(
        client.POST('/api/workspaces/{workspaceId}/conversation-sources/webhook', {
          ...workspacePath(workspaceId),
          body: { name: name.trim() || 'Webhook recorder' },
        }),
      ),
    onSuccess: async (result) => {
      setCreated(result);
      await queryClient.invalidateQueries({ queryKey: conversationKeys.sources(workspaceId) });
    },
    onError: (error) => {
      const fields = fieldErrors(error);
      setErrors(fields);
      setProblem(Object.keys(fields).length > 0 ? null : error.message);
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    createWebhook.mutate();
  };

  return (
    <Modal opened={opened} onClose={close} title="Add a conversation source" size="lg">
      {created ? (
        <Stack>
          <Text size="sm">
            “{created.source.name}” is ready. Configure the recorder to send its meetings here.
          </Text>
          <WebhookSecret created={created} />
          <Group justify="flex-end">
            <Button onClick={close}>I have copied the secret</Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={submit}>
          <Stack>
            <SegmentedControl
              value={sourceType}
              onChange={(value) => {
                const next = TYPES.find((type) => type === value);
                if (next) setSourceType(next);
              }}
              data={TYPES.map((value) => ({ value, label: SOURCE_NAMES[value] }))}
            />
            <Text size="sm" c="dimmed">
              Any recorder that can post JSON: Pandora gives it a URL and a signing secret.
            </Text>
            <TextInput
              label="Source name"
              placeholder="Webhook recorder"
              value={name}
              onChange={(event) => setName(event.currentTarget.value)}
              error={errors.name}
              maxLength={200}
            />
            {problem && (
              <Alert color="red" variant="light">
                {problem}
              </Alert>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                Cancel
              </Button>
              <Button type="submit" loading={createWebhook.isPending}>
                Add webhook source
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
