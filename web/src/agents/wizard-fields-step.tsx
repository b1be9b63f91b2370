import { useQuery } from '@tanstack/react-query';
import { call, client } from '../api';
import { useConnections } from '../queries';
import { FieldRulesEditor } from './field-rules-editor';
import { useAgentTemplates } from './queries';
import type { AgentDraft } from './wizard-state';

interface FieldsStepProps {
  workspaceId: string;
  draft: AgentDraft;
  onChange: (change: Partial<AgentDraft>) => void;
}

/** Step 5: per field, the CRM property it writes (read live from the CRM) and its rule. */
export function FieldsStep({ workspaceId, draft, onChange }: FieldsStepProps) {
  const connectionId = draft.connectionId ?? '';
  const connection = useConnections(workspaceId).data?.find((c) => c.id === connectionId);
  const catalog = useAgentTemplates(workspaceId).data?.fields;
  const properties = useQuery({
    queryKey: ['workspace', workspaceId, 'connection', connectionId, 'properties', 'deal'],
    enabled: connectionId !== '',
    queryFn: async () =>
      (
        await call(
          client.GET('/api/workspaces/{workspaceId}/connections/{connectionId}/properties', {
            params: { path: { workspaceId, connectionId }, query: { objectType: 'deal' } },
          }),
        )
      ).properties.filter((p) => !p.readOnly),
  });
  const defaults = Object.fromEntries(
    (catalog ?? []).map((f) => [
      f.id,
      connection?.crmType === 'salesforce'
        ? f.defaultProperty.salesforce
        : f.defaultProperty.hubspot,
    ]),
  );
  return (
    <FieldRulesEditor
      fields={draft.fields}
      onChange={(fields) => onChange({ fields })}
      properties={properties.data}
      defaults={defaults}
    />
  );
}
