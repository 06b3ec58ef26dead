import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromiumPath } from '../../playwright.config';

/** A target as the README states it: below a bound (times, memory) or at least one (ratios). */
export type Target = { below: number } | { atLeast: number };

/** One measured figure, as written to the JSON file. */
export interface Figure {
  group: string;
  /** Stable and unique within the run: what a later run is compared by. */
  name: string;
  value: number;
  unit: string;
  target: { op: '<' | '>='; value: number } | null;
  /** Whether the value meets the target; null without one. */
  met: boolean | null;
}

/** Records a figure of the group being run; the printed lines stay the bench's own. */
export type Recorder = (name: string, value: number, unit: string, target?: Target) => void;

export function recorder(figures: Figure[], group: string): Recorder {
  return (name, value, unit, target) => {
    // A figure that could not be measured here (NaN) is left out rather than written as null.
    if (!Number.isFinite(value)) return;
    const bound = target === undefined ? null : 'below' in target ? { op: '<' as const, value: target.below } : { op: '>=' as const, value: target.atLeast };
    const met = bound === null ? null : bound.op === '<' ? value < bound.value : value >= bound.value;
    figures.push({ group, name: `${group}.${name}`, value: Math.round(value * 1000) / 1000, unit, target: bound, met });
  };
}

/** What a figure depends on besides the code: quoted with every set of figures. */
export interface Machine {
  cpu: string;
  cores: number;
  memoryGiB: number;
  /** 1, 5 and 15 minute load averages at the start: a busy machine gives slower figures. */
  loadAverage: number[];
  os: string;
  node: string;
  chromium: string | null;
  commit: string | null;
  /** Uncommitted changes in the work tree when the bench ran. */
  dirty: boolean | null;
}

function run(file: string, args: string[]): string | null {
  try {
    return execFileSync(file, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 10_000 }).trim();
  } catch {
    return null;
  }
}

function distribution(): string {
  try {
    const release = fs.readFileSync('/etc/os-release', 'utf8');
    const pretty = /^PRETTY_NAME="?([^"\n]*)"?$/m.exec(release)?.[1];
    if (pretty) return `${pretty}, ${os.type()} ${os.release()} ${os.arch()}`;
  } catch {
    // Not Linux, or no os-release: the kernel's name says enough.
  }
  return `${os.type()} ${os.release()} ${os.arch()}`;
}

export function machine(): Machine {
  const status = run('git', ['status', '--porcelain']);
  return {
    cpu: os.cpus()[0]?.model.trim() ?? 'unknown',
    cores: os.cpus().length,
    memoryGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    loadAverage: os.loadavg().map((load) => Math.round(load * 100) / 100),
    os: distribution(),
    node: process.version,
    chromium: run(chromiumPath, ['--version']),
    commit: run('git', ['rev-parse', 'HEAD']),
    dirty: status === null ? null : status !== '',
  };
}

/** The default file: bench-results/bench-<start time>.json beside the repository's package.json. */
export function defaultJsonPath(startedAt: Date): string {
  return path.join('bench-results', `bench-${startedAt.toISOString().replace(/:/g, '-').replace(/\.\d+Z$/, 'Z')}.json`);
}

export function writeFigures(file: string, report: { machine: Machine; startedAt: string; finishedAt: string; groups: string[]; figures: Figure[] }): void {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
}
