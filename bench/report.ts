/** The benchmark's figures as a printed table, and as JSON and Markdown files under `bench-results/`. */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { CardSizes } from './cardSizes';
import type { GraphCount } from './graphCounts';
import type { IdentityCalls } from './identityCalls';
import type { ScenarioResult } from './throughput';

export interface MemoryFigures {
  readonly peakRssMiB: number;
  readonly conversations: number;
  readonly rssAfterConversationsMiB: number;
  readonly heapAfterConversationsMiB: number;
  readonly heapBeforeConversationsMiB: number;
}

export interface BenchReport {
  readonly date: string;
  readonly machine: { readonly cpus: number; readonly cpuModel: string; readonly node: string };
  readonly throughput: ScenarioResult[];
  readonly graphRequests: GraphCount[];
  readonly identityProvider: IdentityCalls;
  readonly cards: CardSizes;
  readonly memory: MemoryFigures;
  readonly targets: { readonly name: string; readonly met: boolean; readonly detail: string }[];
}

export const ECHO_SCENARIO = 'echo';
export const LIST_SCENARIO = 'list (20 interests)';
const LIST_TARGET_RATIO = 0.5;

export function machineInfo(): BenchReport['machine'] {
  return { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? 'unknown', node: process.version };
}

const echoRate = (throughput: ScenarioResult[], concurrency: number): number =>
  throughput.find((result) => result.scenario === ECHO_SCENARIO)?.runs.find((run) => run.concurrency === concurrency)?.turnsPerSecond ?? Number.NaN;

export function evaluateTargets(report: Omit<BenchReport, 'targets'>): BenchReport['targets'] {
  const list = report.throughput.find((result) => result.scenario === LIST_SCENARIO);
  const worstListRatio = Math.min(...(list?.runs ?? []).map((run) => run.turnsPerSecond / echoRate(report.throughput, run.concurrency)));
  const offFloor = report.graphRequests.filter((count) => count.requests !== count.floor);
  return [
    { name: `list ≥ ${LIST_TARGET_RATIO}× echo throughput`, met: worstListRatio >= LIST_TARGET_RATIO, detail: `worst ratio ${worstListRatio.toFixed(2)}×` },
    { name: 'every action at its Graph floor', met: offFloor.length === 0, detail: offFloor.length ? offFloor.map((count) => `${count.action}: ${count.requests}`).join(', ') : 'all at floor' },
    { name: 'no card over 28 KB', met: report.cards.largestBytes <= report.cards.limitBytes, detail: `largest ${report.cards.largestBytes} B (${report.cards.largestKind})` },
  ];
}

const fixed = (value: number, digits = 1): string => (Number.isFinite(value) ? value.toFixed(digits) : '–');

export function toMarkdown(report: BenchReport): string {
  const lines: string[] = [];
  lines.push(`Run ${report.date} on ${report.machine.cpus} × ${report.machine.cpuModel}, Node ${report.machine.node}, everything on loopback.`, '');
  lines.push('### Throughput (turns/s, latency per turn)', '');
  lines.push('| scenario | concurrency | turns/s | p50 ms | p99 ms | × echo | errors |', '| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const result of report.throughput) {
    for (const run of result.runs) {
      const ratio = run.turnsPerSecond / echoRate(report.throughput, run.concurrency);
      lines.push(`| ${result.scenario} | ${run.concurrency} | ${fixed(run.turnsPerSecond, 0)} | ${fixed(run.p50Ms)} | ${fixed(run.p99Ms)} | ${fixed(ratio, 2)} | ${run.errors} |`);
    }
  }
  lines.push('', '### Graph requests per user action (counted at the local profile service)', '');
  lines.push('| action | requests | floor |', '| --- | ---: | ---: |');
  for (const count of report.graphRequests) lines.push(`| ${count.action} | ${count.requests} | ${count.floor} |`);
  const idp = report.identityProvider;
  lines.push('', '### Identity provider', '');
  lines.push(`Token requests during ${idp.actions} actions of one signed-in user: **${idp.tokenRequestsDuringActions}** (sign-in itself: 1 on-behalf-of exchange; ${idp.totalCallsIncludingSignIn} identity-provider calls in all, metadata discovery included; token lifetime ${idp.accessTokenLifetimeSeconds} s).`);
  lines.push('', `### Largest card (${report.cards.interests} interests, every field at maximum length)`, '');
  lines.push('| card | largest bytes |', '| --- | ---: |');
  for (const [kind, bytes] of Object.entries(report.cards.largestByKind)) lines.push(`| ${kind} | ${bytes} |`);
  lines.push(`| **largest** (${report.cards.largestKind}) | **${report.cards.largestBytes}** of ${report.cards.limitBytes} |`);
  const memory = report.memory;
  lines.push('', '### Memory of the bot process', '');
  lines.push(`Peak RSS during the run: ${fixed(memory.peakRssMiB)} MiB. After ${memory.conversations.toLocaleString('en-US')} distinct conversations (each left with a dialog waiting for an answer): RSS ${fixed(memory.rssAfterConversationsMiB)} MiB, heap ${fixed(memory.heapAfterConversationsMiB)} MiB (heap before: ${fixed(memory.heapBeforeConversationsMiB)} MiB).`);
  lines.push('', '### Targets', '');
  for (const target of report.targets) lines.push(`- ${target.met ? '✅' : '❌'} ${target.name} — ${target.detail}`);
  return `${lines.join('\n')}\n`;
}

export async function writeReport(report: BenchReport, directory: string): Promise<{ json: string; markdown: string }> {
  await fs.mkdir(directory, { recursive: true });
  const json = path.join(directory, 'benchmark.json');
  const markdown = path.join(directory, 'benchmark.md');
  await fs.writeFile(json, `${JSON.stringify(report, null, 2)}\n`);
  await fs.writeFile(markdown, toMarkdown(report));
  return { json, markdown };
}
