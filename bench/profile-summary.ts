/**
 * Summarises a V8 CPU profile (`node --cpu-prof`, or `npm run bench -- --profile=lookup`):
 * the functions with the most self time, the Folio functions (src/) with the most inclusive
 * time, and self time grouped by package.
 *
 *   npx tsx bench/profile-summary.ts bench/.data/profiles/lookup-….cpuprofile [top=25]
 */
import fs from 'node:fs';
import path from 'node:path';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

const file = process.argv[2];
const top = Number(process.argv[3] ?? 25);
if (!file) {
  console.error('usage: tsx bench/profile-summary.ts <file.cpuprofile> [top]');
  process.exit(2);
}
const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as Profile;

const byId = new Map<number, ProfileNode>();
const parent = new Map<number, number>();
for (const node of profile.nodes) {
  byId.set(node.id, node);
  for (const child of node.children ?? []) parent.set(child, node.id);
}

function where(frame: CallFrame): string {
  if (!frame.url) return '';
  let url = frame.url.replace(/^file:\/\//, '');
  const nm = url.lastIndexOf('/node_modules/');
  if (nm >= 0) url = url.slice(nm + '/node_modules/'.length);
  else if (url.includes('/dist/server/'))
    url = `src/${url.slice(url.indexOf('/dist/server/') + '/dist/server/'.length)}`;
  else url = path.relative(process.cwd(), url);
  return `${url}:${frame.lineNumber + 1}`;
}

function label(frame: CallFrame): string {
  const place = where(frame);
  return `${frame.functionName || '(anonymous)'}${place ? `  ${place}` : ''}`;
}

function group(frame: CallFrame): string {
  const url = frame.url;
  if (!url) return frame.functionName.startsWith('(') ? frame.functionName : '(native / V8 builtins)';
  if (url.startsWith('node:')) return 'node core';
  const nm = url.lastIndexOf('/node_modules/');
  if (nm >= 0) {
    const rest = url.slice(nm + '/node_modules/'.length).split('/');
    return rest[0]?.startsWith('@') ? `${rest[0]}/${rest[1]}` : (rest[0] ?? '?');
  }
  if (url.includes('/dist/server/')) return 'folio (src/)';
  return 'other';
}

const isFolio = (frame: CallFrame) =>
  frame.url.includes('/dist/server/') && !frame.url.includes('node_modules');

const self = new Map<string, number>();
const inclusive = new Map<string, number>();
const groups = new Map<string, number>();
let total = 0;
let idle = 0;

profile.samples.forEach((id, i) => {
  const dt = profile.timeDeltas[i + 1] ?? profile.timeDeltas[i] ?? 0;
  const node = byId.get(id);
  if (!node) return;
  if (node.callFrame.functionName === '(idle)') {
    idle += dt;
    return;
  }
  total += dt;
  const name = label(node.callFrame);
  self.set(name, (self.get(name) ?? 0) + dt);
  const g = group(node.callFrame);
  groups.set(g, (groups.get(g) ?? 0) + dt);
  const seen = new Set<string>();
  for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
    const frame = byId.get(cur)?.callFrame;
    if (!frame || !isFolio(frame)) continue;
    const key = label(frame);
    if (seen.has(key)) continue;
    seen.add(key);
    inclusive.set(key, (inclusive.get(key) ?? 0) + dt);
  }
});

const ms = (us: number) => `${(us / 1000).toFixed(0).padStart(7)} ms`;
const pct = (us: number) => `${((us / total) * 100).toFixed(1).padStart(5)} %`;
function table(title: string, entries: Map<string, number>, n: number) {
  console.log(`\n${title}`);
  for (const [name, us] of [...entries].sort((a, b) => b[1] - a[1]).slice(0, n)) {
    console.log(`${ms(us)} ${pct(us)}  ${name}`);
  }
}

console.log(`${path.basename(file)}: ${ms(total)} busy, ${ms(idle)} idle (percentages are of busy time)`);
table('self time by package', groups, 15);
table(`top ${top} functions by self time`, self, top);
table(`top ${top} Folio (src/) functions by inclusive time`, inclusive, top);
