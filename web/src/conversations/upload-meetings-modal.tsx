import { Alert, Button, FileInput, Group, Modal, Stack, Table, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { ResponseBody } from '../../../src/client/index.js';
import { call, client } from '../api';
import { queryKeys, workspacePath } from '../queries';
import { conversationKeys } from './queries';

type UploadSummary = ResponseBody<'/api/workspaces/{workspaceId}/conversations/upload', 'post'>;

/** A CSV by its name or type; anything else is sent as the JSON array it should be. */
function isCsv(file: File): boolean {
  return file.type === 'text/csv' || file.name.toLowerCase().endsWith('.csv');
}

interface UploadMeetingsModalProps {
  workspaceId: string;
  opened: boolean;
  onClose: () => void;
}

/** Uploads a JSON or CSV file of meetings and shows what the server made of each row. */
export function UploadMeetingsModal({ workspaceId, opened, onClose }: UploadMeetingsModalProps) {
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [summary, setSummary] = useState<UploadSummary | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const close = () => {
    setFile(null);
    setSummary(null);
    setProblem(null);
    onClose();
  };

  const upload = useMutation({
    mutationFn: async (chosen: File) => {
      const text = await chosen.text();
      if (isCsv(chosen)) {
        return call(
          client.POST('/api/workspaces/{workspaceId}/conversations/upload', {
            ...workspacePath(workspaceId),
            body: text,
            bodySerializer: (body) => body as string,
            headers: { 'content-type': 'text/csv' },
          }),
        );
      }
      let rows: unknown[];
      try {
        const parsed: unknown = JSON.parse(text);
        if (!Array.isArray(parsed)) throw new Error('not an array');
        rows = parsed;
      } catch {
        throw new Error('The file is not a JSON array of meetings (or a .csv file)');
      }
      return call(
        client.POST('/api/workspaces/{workspaceId}/conversations/upload', {
          ...workspacePath(workspaceId),
          body: rows,
        }),
      );
    },
    onSuccess: async (result) => {
      setSummary(result);
      setProblem(null);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: conversationKeys.conversations(workspaceId) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.overview(workspaceId) }),
      ]);
    },
    onError: (error) => setProblem(error.message),
  });

  return (
    <Modal opened={opened} onClose={close} title="Upload meetings" size="lg">
      <Stack>
        <Text size="sm" c="dimmed">
          A JSON array of meetings, or a CSV file with a header row: title, startedAt, duration
          (seconds), participants (<code>Name &lt;email&gt;; email</code>), hostEmail, transcript,
          id. A meeting uploaded again is stored once.
        </Text>
        <FileInput
          label="File"
          placeholder="meetings.csv or meetings.json"
          accept=".csv,.json,text/csv,application/json"
          value={file}
          onChange={(chosen) => {
            setFile(chosen);
            setSummary(null);
          }}
          clearable
        />
        {problem && (
          <Alert color="red" variant="light" role="alert">
            {problem}
          </Alert>
        )}
        {summary && (
          <Stack gap="xs" data-testid="upload-summary">
            <Text size="sm">
              {summary.rows} rows: {summary.created} new, {summary.updated} updated,{' '}
              {summary.unchanged} unchanged, {summary.skipped} skipped.
            </Text>
            {summary.errorCount > 0 && (
              <Table fz="xs" verticalSpacing={2}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Row</Table.Th>
                    <Table.Th>Column</Table.Th>
                    <Table.Th>Problem</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {summary.errors.map((error, index) => (
                    <Table.Tr key={`${error.row}-${error.column ?? ''}-${index}`}>
                      <Table.Td>{error.row}</Table.Td>
                      <Table.Td>{error.column ?? '—'}</Table.Td>
                      <Table.Td>{error.message}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
            {summary.errorCount > summary.errors.length && (
              <Text size="xs" c="dimmed">
                …and {summary.errorCount - summary.errors.length} more problems.
              </Text>
            )}
          </Stack>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {summary ? 'Done' : 'Cancel'}
          </Button>
          <Button
            disabled={!file}
            loading={upload.isPending}
            onClick={() => file && upload.mutate(file)}
          >
            Upload
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
