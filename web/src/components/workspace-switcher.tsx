import { Select } from '@mantine/core';
import { useLocation, useNavigate } from 'react-router';
import type { WorkspaceSummary } from '../api';

interface WorkspaceSwitcherProps {
  workspaces: WorkspaceSummary[];
  currentId: string;
}

/** Moves to another workspace, staying on the same section (Overview, Settings). */
export function WorkspaceSwitcher({ workspaces, currentId }: WorkspaceSwitcherProps) {
  const navigate = useNavigate();
  const location = useLocation();
  return (
    <Select
      aria-label="Workspace"
      data-testid="workspace-switcher"
      size="xs"
      w={220}
      allowDeselect={false}
      checkIconPosition="right"
      value={currentId}
      data={workspaces.map((workspace) => ({
        value: workspace.id,
        label: workspace.isDemo ? `${workspace.name} (demo)` : workspace.name,
      }))}
      onChange={(workspaceId) => {
        if (!workspaceId || workspaceId === currentId) return;
        const prefix = `/w/${currentId}`;
        const section = location.pathname.startsWith(prefix)
          ? location.pathname.slice(prefix.length)
          : '';
        navigate(`/w/${workspaceId}${section}${location.search}`);
      }}
    />
  );
}
