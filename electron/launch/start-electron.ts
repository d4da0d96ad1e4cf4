/**
 * `npm start`: opens the Electron kiosk, after building if the source changed. Where Electron
 * cannot run (its binary could not be downloaded, or there is no display) it says so in one
 * sentence and points to the browser host, instead of ending in a stack trace.
 * Runs in Node with tsx; it asks the `electron` npm package for the binary's path in a child
 * process, so the package's own download attempt and its trace stay out of the console.
 */
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureBuild } from './ensure-build.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The first line of `output` that names an error, for the one-line explanation. */
export function errorLine(output: string): string | null {
  const line = output.split('\n').find((text) => /\b\w*Error\b:/.test(text));
  return line === undefined ? null : line.trim().slice(0, 200);
}

/** The Electron binary's path, or why there is none. */
function findElectron(): { path: string } | { problem: string } {
  const probe = spawnSync(process.execPath, ['-e', "process.stdout.write(require('electron'))"], {
    cwd: root,
    encoding: 'utf8',
    timeout: 10 * 60_000,
  });
  if (probe.status === 0 && probe.stdout.length > 0) return { path: probe.stdout };
  const detail = errorLine(`${probe.stderr}\n${probe.stdout}`) ?? 'no details';
  return {
    problem:
      'The Electron app cannot start here: its Electron binary is not installed and could not be ' +
      `downloaded (${detail}). Use the browser host instead: npm run web.`,
  };
}

function main(): void {
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    console.error(
      'The Electron app cannot start here: there is no display (DISPLAY is not set). ' +
        'Use the browser host instead: npm run web.',
    );
    process.exit(1);
  }
  const electron = findElectron();
  if ('problem' in electron) {
    console.error(electron.problem);
    process.exit(1);
  }
  if (!ensureBuild(root)) {
    console.error('The build failed (see above); the kiosk was not started.');
    process.exit(1);
  }
  const child = spawn(electron.path, ['.', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => child.kill(signal));
  }
  child.on('exit', (code, signal) => {
    process.exit(code ?? (signal === null ? 0 : 1));
  });
}

const isMain =
  process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) main();
