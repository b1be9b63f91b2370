import {
  Alert,
  Button,
  Group,
  Modal,
  PasswordInput,
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
import { TrackedUsersPicker } from './tracked-users-picker';
import type { ConversationSource, CreatedWebhookSource, SourceType } from './types';
import { WebhookSecret } from './webhook-secret';

interface AddSourceModalProps {
  workspaceId: string;
  opened: boolean;
  onClose: () => void;
}

const TYPES: SourceType[] = ['gong', 'fireflies', 'webhook'];

const HINTS: Record<SourceType, string> = {
  gong: 'An access key and secret from Gong: Company settings → Ecosystem → API.',
  fireflies: 'An API key from Fireflies: Integrations → Fireflies API.',
  webhook: 'Any recorder that can post JSON: Pandora gives it a URL and a signing secret.',
};

type Created =
  | { kind: 'webhook'; result: CreatedWebhookSource }
  | { kind: 'recorder'; source: ConversationSource };

/**
 * Adds a conversation source. Gong and Fireflies connect in two steps: the credentials
 * (the server fetches the user directory with them), then the reps to track. A webhook
 * source answers its signing secret once, shown here until the modal closes.
 */
export function AddSourceModal({ workspaceId, opened, onClose }: AddSourceModalProps) {
  const queryClient = useQueryClient();
  const [sourceType, setSourceType] = useState<SourceType>('gong');
  const [name, setName] = useState('');
  const [accessKey, setAccessKey] = useState('');
  const [accessKeySecret, setAccessKeySecret] = useState('');
  const [apiKey, setApiKey] = useState('');
  const [gongHost, setGongHost] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [created, setCreated] = useState<Created | null>(null);

  const close = () => {
    setName('');
    setAccessKey('');
    setAccessKeySecret('');
    setApiKey('');
    setGongHost('');
    setErrors({});
    setProblem(null);
    setCreated(null);
    onClose();
  };

  const create = useMutation({
    mutationFn: async (): Promise<Created> => {
      const sourceName =
        name.trim() || `${SOURCE_NAMES[sourceType]}${sourceType === 'webhook' ? ' recorder' : ''}`;
      if (sourceType === 'webhook') {
        const result = await call(
          client.POST('/api/workspaces/{workspaceId}/conversation-sources/webhook', {
            ...workspacePath(workspaceId),
            body: { name: sourceName },
          }),
        );
        return { kind: 'webhook', result };
      }
      const { source } =
        sourceType === 'gong'
          ? await call(
              client.POST('/api/workspaces/{workspaceId}/conversation-sources/gong', {
                ...workspacePath(workspaceId),
                body: {
                  name: sourceName,
                  accessKey: accessKey.trim(),
                  accessKeySecret,
                  ...(gongHost.trim() ? { baseUrl: gongHost.trim() } : {}),
                },
              }),
            )
          : await call(
              client.POST('/api/workspaces/{workspaceId}/conversation-sources/fireflies', {
                ...workspacePath(workspaceId),
                body: { name: sourceName, apiKey: apiKey.trim() },
              }),
            );
      return { kind: 'recorder', source };
    },
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
    create.mutate();
  };

  let body;
  if (created?.kind === 'webhook') {
    body = (
      <Stack>
        <Text size="sm">
          “{created.result.source.name}” is ready. Configure the recorder to send its meetings here.
        </Text>
        <WebhookSecret created={created.result} />
        <Group justify="flex-end">
          <Button onClick={close}>I have copied the secret</Button>
        </Group>
      </Stack>
    );
  } else if (created?.kind === 'recorder') {
    body =
      created.source.status === 'error' ? (
        <Stack>
          <Alert
            color="red"
            variant="light"
            title={`${SOURCE_NAMES[created.source.sourceType]} refused`}
          >
            {created.source.statusMessage ?? 'The credentials did not work.'}
          </Alert>
          <Text size="sm">
            The source is kept; remove it and add it again with working credentials.
          </Text>
          <Group justify="flex-end">
            <Button onClick={close}>Close</Button>
          </Group>
        </Stack>
      ) : (
        <TrackedUsersPicker workspaceId={workspaceId} source={created.source} onDone={close} />
      );
  } else {
    body = (
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
            {HINTS[sourceType]}
          </Text>
          <TextInput
            label="Source name"
            placeholder={SOURCE_NAMES[sourceType]}
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            error={errors.name}
            maxLength={200}
          />
          {sourceType === 'gong' && (
            <>
              <TextInput
                label="Access key"
                required
                value={accessKey}
                onChange={(event) => setAccessKey(event.currentTarget.value)}
                error={errors.accessKey}
                autoComplete="off"
              />
              <PasswordInput
                label="Access key secret"
                required
                value={accessKeySecret}
                onChange={(event) => setAccessKeySecret(event.currentTarget.value)}
                error={errors.accessKeySecret}
                autoComplete="off"
              />
              <TextInput
                label="API host"
                placeholder="https://api.gong.io"
                description="Only if Gong gave your company its own API host"
                value={gongHost}
                onChange={(event) => setGongHost(event.currentTarget.value)}
                error={errors.baseUrl}
              />
            </>
          )}
          {sourceType === 'fireflies' && (
            <PasswordInput
              label="API key"
              required
              value={apiKey}
              onChange={(event) => setApiKey(event.currentTarget.value)}
              error={errors.apiKey}
              autoComplete="off"
            />
          )}
          {problem && (
            <Alert color="red" variant="light" role="alert">
              {problem}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending}>
              {sourceType === 'webhook'
                ? 'Add webhook source'
                : `Connect ${SOURCE_NAMES[sourceType]}`}
            </Button>
          </Group>
        </Stack>
      </form>
    );
  }

  return (
    <Modal opened={opened} onClose={close} title="Add a conversation source" size="lg">
      {body}
    </Modal>
  );
}
