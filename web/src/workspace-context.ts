import { useOutletContext } from 'react-router';
import type { User, WorkspaceSummary } from './api';

/** What the workspace layout hands its pages: the signed-in user and the open workspace. */
export interface WorkspaceContext {
  user: User | null;
  workspace: WorkspaceSummary;
  isAdmin: boolean;
}

export function useWorkspaceContext(): WorkspaceContext {
  return useOutletContext<WorkspaceContext>();
}
