/**
 * The sync worker thread's entry: runs sync steps (step.ts) posted by step-runner.ts on its
 * own event loop and heap, so a batch's parsing, encoding and garbage never pause the
 * visitor's. Started only by WorkerStepRunner.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parentPort } from 'node:worker_threads';
import { runStep } from './step.js';
import type { WorkerReply, WorkerRequest } from './step-messages.js';

const port = parentPort;
if (port === null) throw new Error('step-worker runs only as a worker thread (see step-runner.ts)');

/** Niceness of the sync thread: the visitor's thread wins whenever both want a core. */
const SYNC_THREAD_NICE = 10;

/**
 * Lowers this thread's scheduling priority where the system allows it per thread (Linux:
 * niceness belongs to the thread, named by its kernel id). Elsewhere sync keeps the normal
 * priority; it is off the visitor's event loop either way.
 */
function lowerPriority(): void {
  if (process.platform !== 'linux') return;
  try {
    const tid = Number(path.basename(fs.readlinkSync('/proc/thread-self')));
    if (Number.isInteger(tid) && tid > 0) os.setPriority(tid, SYNC_THREAD_NICE);
  } catch {
    // No /proc or not permitted: normal priority.
  }
}

lowerPriority();

const controllers = new Map<number, AbortController>();

port.on('message', (message: WorkerRequest) => {
  if (message.kind === 'abort') {
    controllers.get(message.id)?.abort();
    return;
  }
  const controller = new AbortController();
  controllers.set(message.id, controller);
  void runStep(message.input, { signal: controller.signal }).then((result) => {
    controllers.delete(message.id);
    const reply: WorkerReply = { kind: 'result', id: message.id, result };
    port.postMessage(reply);
  });
});

const ready: WorkerReply = { kind: 'ready' };
port.postMessage(ready);
