import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EmulatedApi } from './controls.js';
import type { CrmSeed } from './dataset.js';
import type { Emulator } from './server.js';

/**
 * Portals: separate emulated accounts behind one emulator, one per sandbox
 * workspace, as real HubSpot portals and Salesforce orgs are separate. Portal `id`
 * lives under `/portals/<id>/`, so its base URL serves both SDKs exactly like the
 * root does (HubSpot at `<base>/crm/v3/...`, Salesforce at `<base>/services/...`).
 * Each portal has its own records, tokens and rate windows; the request log, the
 * faults and the settings are the emulator's, shared by every portal.
 */

/** What a new portal holds at first: a data set to seed it with, or a saved snapshot. */
export type PortalStart =
  { dataset?: CrmSeed } | { snapshot: Partial<Record<EmulatedApi, unknown>> };

// The id, then the rest of the path (or the query string) that the portal routes.
const PORTAL_PATH = /^\/portals\/([A-Za-z0-9-]{1,64})(?=[/?]|$)(.*)$/s;

/** The base URL of a portal of the emulator at `base`. */
export function portalUrl(base: string, id: string): string {
  return `${base.replace(/\/+$/, '')}/portals/${id}`;
}

/** The portals of one emulator, made on first use. */
export class Portals {
  private readonly starting = new Map<string, Promise<Emulator>>();
  /** Portals made so far (the ones with state to save). */
  readonly live = new Map<string, Emulator>();

  constructor(private readonly build: (id: string) => Promise<Emulator>) {}

  get(id: string): Promise<Emulator> {
    let portal = this.starting.get(id);
    if (!portal) {
      portal = this.build(id).then((made) => {
        this.live.set(id, made);
        return made;
      });
      this.starting.set(id, portal);
      portal.catch(() => this.starting.delete(id));
    }
    return portal;
  }

  /**
   * Hands a request under `/portals/<id>/` to that portal's router, with the prefix
   * taken off the URL; false for any other path. The portal answers on the same
   * socket, so dropped connections and timeouts behave as at the root.
   */
  dispatch(request: IncomingMessage, response: ServerResponse): boolean {
    const match = PORTAL_PATH.exec(request.url ?? '');
    if (!match) return false;
    const [, id, rest = ''] = match;
    request.url = rest.startsWith('/') ? rest : `/${rest}`;
    this.get(id!).then(
      (portal) => portal.app.routing(request, response),
      (error: unknown) => {
        response.statusCode = 500;
        response.end(`The emulator could not start portal ${id}: ${(error as Error).message}`);
      },
    );
    return true;
  }

  async close(): Promise<void> {
    await Promise.all([...this.live.values()].map((portal) => portal.close()));
  }
}
