/**
 * A sandbox thread's entry: takes one task at a time from the pool and answers with
 * its outcome. The compiled WebAssembly module comes from the pool (compiled once per
 * process), so starting a thread costs no compilation.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { DEFAULT_MEMORY_MB } from './limits.js';
import { Evaluator } from './evaluate.js';
import type { TaskMessage, WorkerMessage } from './protocol.js';

const port = parentPort;
if (!port) throw new Error('the sandbox worker runs only as a worker thread');

const evaluator = new Evaluator((workerData as { wasmModule: WebAssembly.Module }).wasmModule);
await evaluator.prepare(DEFAULT_MEMORY_MB);

port.on('message', (task: TaskMessage) => {
  const started = performance.now();
  void evaluator.evaluate(task).then((outcome) => {
    const message: WorkerMessage = {
      type: 'result',
      id: task.id,
      durationMs: performance.now() - started,
      ...outcome,
    };
    port.postMessage(message);
  });
});
port.postMessage({ type: 'ready' } satisfies WorkerMessage);
