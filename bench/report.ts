/** The benchmark's figures as printed Markdown, and as JSON and Markdown files under `bench-results/`. */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { BenchOptions } from './options';
import type { Section, Target } from './section';

export interface MachineInfo {
  readonly cpus: number;
  readonly cpuModel: string;
  readonly node: string;
  /** 1-minute load average when the run started and ended: above the core count, other work competed for the CPUs. */
  readonly loadAverageAtStart: number;
  readonly loadAverageAtEnd: number;
}

export interface BenchReport {
  readonly date: string;
  readonly seconds: number;
  readonly machine: MachineInfo;
  readonly options: Omit<BenchOptions, 'only'> & { readonly only: string[] | null };
  readonly sections: Record<string, { readonly title: string; readonly data: unknown }>;
  readonly targets: Target[];
}

export function machineInfo(loadAverageAtStart: number): MachineInfo {
  return { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? 'unknown', node: process.version, loadAverageAtStart, loadAverageAtEnd: os.loadavg()[0] ?? Number.NaN };
}

export function buildReport(sections: readonly Section[], options: BenchOptions, startedAt: Date, loadAverageAtStart: number): BenchReport {
  return {
    date: startedAt.toISOString(),
    seconds: Math.round((Date.now() - startedAt.getTime()) / 1000),
    machine: machineInfo(loadAverageAtStart),
    options: { ...options, only: options.only ? [...options.only] : null },
    sections: Object.fromEntries(sections.map((section) => [section.id, { title: section.title, data: section.data }])),
    targets: sections.flatMap((section) => section.targets),
  };
}

export function toMarkdown(report: BenchReport, sections: readonly Section[]): string {
  const { machine } = report;
  const lines = [
    `Run ${report.date} on ${machine.cpus} × ${machine.cpuModel}, Node ${machine.node}, everything on loopback; ${report.seconds} s in all${report.options.quick ? ', **quick mode (figures too short to quote)**' : ''}. Load average (1 min) ${machine.loadAverageAtStart.toFixed(2)} at the start, ${machine.loadAverageAtEnd.toFixed(2)} at the end.`,
    '',
  ];
  for (const section of sections) lines.push(`### ${section.title}`, '', ...section.markdown, '');
  lines.push('### Targets', '');
  for (const target of report.targets) lines.push(`- ${target.met ? '✅' : '❌'} ${target.name} — ${target.detail}`);
  return `${lines.join('\n')}\n`;
}

export async function writeReport(report: BenchReport, markdown: string, directory: string): Promise<{ json: string; markdown: string }> {
  await fs.mkdir(directory, { recursive: true });
  const files = { json: path.join(directory, 'benchmark.json'), markdown: path.join(directory, 'benchmark.md') };
  await fs.writeFile(files.json, `${JSON.stringify(report, (_key, value: unknown) => (typeof value === 'number' && !Number.isFinite(value) ? null : value), 2)}\n`);
  await fs.writeFile(files.markdown, markdown);
  return files;
}
