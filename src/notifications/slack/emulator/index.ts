export {
  createSlackEmulator,
  DEFAULT_CHANNELS,
  SLACK_EMULATOR_BOT_TOKEN,
  SLACK_EMULATOR_CLIENT_ID,
  SLACK_EMULATOR_CLIENT_SECRET,
  SLACK_EMULATOR_SIGNING_SECRET,
  type SlackEmulator,
  type SlackEmulatorOptions,
} from './emulator.js';
export type { SlackFaultRule, SlackSettings } from './controls.js';
export { signature, type InteractionRecord, type ClickInput } from './interactivity.js';
export type { SlackMessage, SlackUser, SlackChannel } from './store.js';
export type { SubmitInput } from './submit-view.js';
