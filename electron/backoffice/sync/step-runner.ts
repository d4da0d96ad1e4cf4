/**
 * Where sync steps run. On the visitor's event loop a batch of 2,000 records costs a few
 * milliseconds of parsing, encoding and garbage collection at a time, enough to push the
 * record latency's p99 up several times (bench/sync.bench.ts). So the back office runs them
 * on a worker thread with its own heap; the main thread only posts the step's numbers and
 * gets the new cursor back. Where a worker cannot start (a runtime that cannot load the
 * worker's file), steps run in-process instead: slower for visitors, but sync still works.
 */
import { Worker, threadId } from 'node:worker_threads';
import type { Logger } from '../types.js';
import type { FetchLike } from './client.js';
import type { WorkerReply, WorkerRequest } from './step-messages.js';
import { runStep, type StepInput, type StepResult } from './step.js';

/** Runs sync steps somewhere; `close()` stops for good (a step in flight ends as failed). */
export interface StepRunner {
  run(input: StepInput, signal: AbortSignal): Promise<StepResult>;
  close(): void;
}

/** Steps on the caller's own event loop (tests with an injected fetch or clock; the fallback). */
export function inProcessRunner(deps: { fetch?: FetchLike; now?: () => Date } = {}): StepRunner {
  return {
    run: (input, signal) => runStep(input, { ...deps, signal }),
    close: () => undefined,
  };
}

interface Waiting {
  input: StepInput;
  signal: AbortSignal;
  resolve: (result: StepResult) => void;
}

/**
 * Starts the step worker. Built code (dist/, the packaged app) loads step-worker.js beside
 * this file. Sources run under tsx (dev, tests, benches), and on Node 20 a worker does not
 * inherit tsx's loader, so the worker registers it before importing step-worker.ts.
 */
export function spawnStepWorker(): Worker {
  const here = import.meta.url;
  if (!here.endsWith('.ts')) return new Worker(new URL('./step-worker.js', here));
  const tsx = import.meta.resolve('tsx/esm/api');
  const entry = new URL('./step-worker.ts', here).href;
  const boot = `import(${JSON.stringify(tsx)}).then((tsx) => tsx.tsImport(${JSON.stringify(entry)}, ${JSON.stringify(here)}))`;
  return new Worker(boot, { eval: true });
}

/** Steps on a worker thread, started on the first step and started again if it dies. */
export class WorkerStepRunner implements StepRunner {
  private worker: Worker | null = null;
  private ready = false;
  private closed = false;
  /** The worker never started here: every step runs in-process from now on. */
  private inProcessOnly = false;
  private nextId = 1;
  private readonly waiting = new Map<number, Waiting>();

  constructor(
    private readonly options: {
      logger: Logger;
      /** Where steps run when no worker can start. */
      fallback: StepRunner;
      spawn?: () => Worker;
    },
  ) {}

  run(input: StepInput, signal: AbortSignal): Promise<StepResult> {
    if (this.closed) return Promise.resolve(stopped());
    if (this.inProcessOnly) return this.options.fallback.run(input, signal);
    const worker = this.start();
    const id = this.nextId++;
    return new Promise<StepResult>((resolve) => {
      const abort = (): void => {
        this.post(worker, { kind: 'abort', id });
      };
      signal.addEventListener('abort', abort, { once: true });
      this.waiting.set(id, {
        input,
        signal,
        resolve: (result) => {
          signal.removeEventListener('abort', abort);
          resolve(result);
        },
      });
      // A step in flight keeps the process alive, as an in-process request would.
      worker.ref();
      this.post(worker, { kind: 'step', id, input });
    });
  }

  close(): void {
    this.closed = true;
    const worker = this.worker;
    if (worker !== null) void worker.terminate();
  }

  private start(): Worker {
    if (this.worker !== null) return this.worker;
    const worker = (this.options.spawn ?? spawnStepWorker)();
    this.worker = worker;
    this.ready = false;
    worker.on('message', (reply: WorkerReply) => {
      this.received(reply);
    });
    worker.on('error', (error) => {
      this.lost(worker, error.message);
    });
    worker.on('exit', (code) => {
      this.lost(worker, `exit code ${String(code)}`);
    });
    return worker;
  }

  private post(worker: Worker, message: WorkerRequest): void {
    worker.postMessage(message);
  }

  private received(reply: WorkerReply): void {
    if (reply.kind === 'ready') {
      this.ready = true;
      return;
    }
    const waiting = this.waiting.get(reply.id);
    this.waiting.delete(reply.id);
    // Idle workers never keep a host process alive on their own.
    if (this.waiting.size === 0) this.worker?.unref();
    waiting?.resolve(reply.result);
  }

  /** The worker failed or exited: its steps end (or move in-process if it never started). */
  private lost(worker: Worker, why: string): void {
    if (this.worker !== worker) return;
    this.worker = null;
    const waiting = [...this.waiting.values()];
    this.waiting.clear();
    if (!this.ready && !this.closed) {
      this.inProcessOnly = true;
      this.options.logger.warn(
        `Sync cannot use a worker thread here (${why}); syncing on the main thread instead.`,
      );
      for (const step of waiting) void this.options.fallback.run(step.input, step.signal).then(step.resolve);
      return;
    }
    for (const step of waiting)
      step.resolve(
        this.closed
          ? stopped()
          : {
              ok: false,
              message: `The sync worker stopped (${why}); the batch will be sent again.`,
              festival: null,
              threadId,
            },
      );
  }
}

function stopped(): StepResult {
  return { ok: false, message: 'Sync stopped.', festival: null, threadId };
}
