/**
 * Where a notification leads in the console. The server stores a path within the
 * workspace (`/inbox/<id>`, as every channel's sender reads it); the console prefixes
 * the workspace. Anything else (another site, a malformed value) leads nowhere rather
 * than off the console.
 */
export function consoleLink(workspaceId: string, link: string | null | undefined): string | null {
  if (!link || !link.startsWith('/') || link.startsWith('//')) return null;
  if (link.startsWith('/w/')) return link;
  return `/w/${workspaceId}${link}`;
}

/** The count as the bell shows it. */
export function badgeCount(count: number): string {
  return count > 99 ? '99+' : String(count);
}

export const SEVERITY_COLORS: Record<string, string> = {
  info: 'blue',
  warning: 'yellow',
  error: 'red',
};
