// The peak resident memory of a command and every process it starts, summed
// (coe lints in worker processes: /usr/bin/time sees one process at a time).
// Samples /proc every 50 ms, so a peak shorter than that can be missed.
//   node bench/tree-rss.mjs COMMAND [ARGS…]   prints the peak in KiB on stderr's last line
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** Runs the command (output discarded) and resolves to its exit code and peak summed RSS in KiB. Linux only. */
export function treePeak(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: 'ignore', ...options });
    let peak = 0;
    const sample = () => {
      const kib = treeRss(child.pid);
      if (kib > peak) peak = kib;
    };
    const timer = setInterval(sample, 50);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearInterval(timer);
      resolve({ code, signal, peakKiB: peak });
    });
  });
}

function treeRss(pid) {
  let sum = rssOf(pid);
  for (const child of childrenOf(pid)) sum += treeRss(child);
  return sum;
}

function rssOf(pid) {
  try {
    const line = readFileSync(`/proc/${pid}/status`, 'utf8')
      .split('\n')
      .find((l) => l.startsWith('VmRSS:'));
    return line ? Number(line.split(/\s+/)[1]) : 0;
  } catch {
    return 0;
  }
}

function childrenOf(pid) {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [command, ...args] = process.argv.slice(2);
  const { code, peakKiB } = await treePeak(command, args);
  console.error(peakKiB);
  process.exitCode = code ?? 1;
}
