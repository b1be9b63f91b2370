import { useCheapPasswordHashingForTests } from '../src/tenancy/passwords.js';

// Runs before each test file (vitest's setupFiles). Processes a test spawns (the CLI)
// hash at the real cost.
useCheapPasswordHashingForTests();
