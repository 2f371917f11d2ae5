/** Renders the results as `bench/results/latest.md`: one table per part, each figure beside its target. */
import type { BenchResults, Figure, PartResult } from './results';

const fmt = (value: number): string => {
  if (!Number.isFinite(value)) return '—';
  const abs = Math.abs(value);
  if (abs >= 1000) return Math.round(value).toLocaleString('en-US');
  if (abs >= 100) return value.toFixed(0);
  if (abs >= 10) return value.toFixed(1);
  return value.toFixed(2);
};

const verdict = (f: Figure): string => (f.pass === null ? '' : f.pass ? 'pass' : '**FAIL**');

function partSection(part: PartResult, results: BenchResults): string[] {
  const lines = [`## ${part.title}`, ''];
  if (!part.measured) {
    lines.push(`not measured: ${part.reason ?? 'unknown reason'}`, '');
  } else if (part.reason) {
    lines.push(`stopped early: ${part.reason}`, '');
  }
  if (part.figures.length) {
    lines.push('| figure | unit | runs | min | median | max | target | result |');
    lines.push('| --- | --- | --- | --- | --- | --- | --- | --- |');
    for (const f of part.figures) {
      lines.push(
        `| ${f.label} | ${f.unit} | ${f.runs.length} | ${fmt(f.spread.min)} | ${fmt(f.spread.median)} | ${fmt(f.spread.max)} | ${f.target ?? ''} | ${verdict(f)} |`,
      );
    }
    lines.push('');
  }
  for (const note of part.notes) lines.push(`- ${note}`);
  if (part.notes.length) lines.push('');
  lines.push(
    `Part duration: ${part.durationSeconds.toFixed(0)} s; 1-minute load average ${fmt(part.loadAverage.start)} at its start, ` +
      `${fmt(part.loadAverage.end)} at its end (${results.machine.cores} cores).`,
    '',
  );
  return lines;
}

export function renderMarkdown(results: BenchResults): string {
  const m = results.machine;
  // Parts run in dependency order (the soak writes the journal recovery restarts from); read in number order.
  const ordered = [...results.parts].sort((a, b) =>
    a.title.localeCompare(b.title, 'en', { numeric: true }),
  );
  const judged = ordered.flatMap((p) => p.figures).filter((f) => f.pass !== null);
  const failed = judged.filter((f) => !f.pass);
  const lines = [
    `# Limelight benchmark (${results.mode})`,
    '',
    `- commit: \`${results.commit}\`${results.dirty ? ' (work tree had uncommitted changes)' : ''}`,
    `- started: ${results.startedAt}; duration ${results.durationSeconds.toFixed(0)} s`,
    `- machine: ${m.cpuModel}, ${m.cores} cores, ${m.memoryGb} GB, ${m.platform}, Node ${m.node}, load average at start ${m.loadAverage.join(' / ')}`,
    `- targets met: ${judged.length - failed.length} of ${judged.length}`,
    '- `npm run bench -- --quick` takes about 5 minutes; the full `npm run bench` about 40 minutes on this 2-core machine.',
    '- Each figure is min / median / max over its runs; a target is judged on the median, "0 in every run" on every run.',
    '- Targets marked † are the bench\'s reading of a qualitative goal of docs/targets.md ("bounded", "in seconds", "back to baseline").',
    '',
  ];
  if (judged.length) {
    lines.push(
      '## Targets at a glance',
      '',
      '| figure | median | target | result |',
      '| --- | --- | --- | --- |',
    );
    for (const f of judged)
      lines.push(
        `| ${f.label} | ${fmt(f.spread.median)} ${f.unit} | ${f.target} | ${verdict(f)} |`,
      );
    lines.push('');
  }
  // Parts run in dependency order (the soak writes the journal recovery restarts from); read in number order.
  for (const part of ordered) lines.push(...partSection(part, results));
  return `${lines.join('\n')}\n`;
}
