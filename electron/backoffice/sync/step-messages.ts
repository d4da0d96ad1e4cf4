/** The messages between the back office and its sync worker thread (same process, same build). */
import type { StepInput, StepResult } from './step.js';

export type WorkerRequest = { kind: 'step'; id: number; input: StepInput } | { kind: 'abort'; id: number };

export type WorkerReply = { kind: 'ready' } | { kind: 'result'; id: number; result: StepResult };
