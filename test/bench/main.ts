import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { groups, header } from './benchGroups';
import { defaultJsonPath, machine, recorder, writeFigures, type Figure } from './figures';

const usage = `Usage: npm run bench -- [--only GROUP[,GROUP...]] [--json FILE]

Prints the figures and writes them, with the machine they were measured on, to FILE
(default: bench-results/bench-<start time>.json).

Groups, in the order they run:
${groups.map((group) => `  ${group.name.padEnd(13)} ${group.about}`).join('\n')}`;

interface Options {
  only: string[];
  json: string | undefined;
}

function parse(argv: string[]): Options {
  const options: Options = { only: groups.map((group) => group.name), json: undefined };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const next = argv[++i];
      if (next === undefined || next.startsWith('--')) throw new Error(`${arg} needs a value`);
      return next;
    };
    if (arg === '--help' || arg === '-h') {
      console.log(usage);
      process.exit(0);
    } else if (arg === '--only') {
      const names = value().split(',').filter((name) => name !== '');
      const unknown = names.filter((name) => !groups.some((group) => group.name === name));
      if (unknown.length > 0) throw new Error(`--only: no group ${unknown.join(', ')}`);
      options.only = names;
    } else if (arg === '--json') {
      options.json = value();
    } else {
      throw new Error(`unknown argument ${arg}`);
    }
  }
  return options;
}

async function main() {
  let options: Options;
  try {
    options = parse(process.argv.slice(2));
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${usage}`);
    process.exit(2);
  }
  const startedAt = new Date();
  const facts = machine();
  const figures: Figure[] = [];
  const chosen = groups.filter((group) => options.only.includes(group.name));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plenary-bench-'));
  try {
    console.log(header());
    for (const group of chosen) await group.run(dir, recorder(figures, group.name));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const file = options.json ?? defaultJsonPath(startedAt);
  writeFigures(file, { machine: facts, startedAt: startedAt.toISOString(), finishedAt: new Date().toISOString(), groups: chosen.map((group) => group.name), figures });
  const missed = figures.filter((figure) => figure.met === false).map((figure) => figure.name);
  console.log(`${figures.length} figures written to ${file} (${facts.cpu}, ${facts.cores} cores, ${facts.memoryGiB} GiB, load ${facts.loadAverage.join(' ')} at the start).`);
  if (missed.length > 0) console.log(`Outside their targets on this run: ${missed.join(', ')}.`);
}

void main();
