/** The demo workspace's login and seed: light, so the CLI can show them without loading the demo. */
export const DEMO_EMAIL = 'demo@pandora.local';
export const DEMO_PASSWORD = 'pandora-demo';
export const DEMO_SLUG = 'demo';
export const DEMO_SEED = 42;
