// The peak memory of a command and every process it starts, summed (coe
// lints in worker processes: /usr/bin/time sees one process at a time), two
// ways: resident (RSS), which counts the pages of the node binary and its
// libraries once in every process, and proportional (PSS, from
// /proc/PID/smaps_rollup), which shares each such page among the processes
// that map it: the memory the run takes from the machine.
// Samples /proc every 50 ms, so a peak shorter than that can be missed.
//   node bench/tree-rss.mjs COMMAND [ARGS…]   prints the peaks in KiB (RSS, then PSS) on stderr's last line
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** Runs the command (output discarded) and resolves to its exit code and peak summed RSS and PSS in KiB. Linux only. */
export function treePeak(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: 'ignore', ...options });
    let peak = 0;
    let peakPss = 0;
    const sample = () => {
      const pids = treeOf(child.pid);
      peak = Math.max(peak, sum(pids, rssOf));
      peakPss = Math.max(peakPss, sum(pids, pssOf));
    };
    const timer = setInterval(sample, 50);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearInterval(timer);
      resolve({ code, signal, peakKiB: peak, peakPssKiB: peakPss });
    });
  });
}

function treeOf(pid) {
  return [pid, ...childrenOf(pid).flatMap(treeOf)];
}

const sum = (pids, of) => pids.reduce((total, pid) => total + of(pid), 0);
const rssOf = (pid) => fieldOf(`/proc/${pid}/status`, 'VmRSS:');
const pssOf = (pid) => fieldOf(`/proc/${pid}/smaps_rollup`, 'Pss:');

// A field in KiB of a /proc file, or 0 when the process is gone.
function fieldOf(file, name) {
  try {
    const line = readFileSync(file, 'utf8')
      .split('\n')
      .find((l) => l.startsWith(name));
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
  const { code, peakKiB, peakPssKiB } = await treePeak(command, args);
  console.error(`${peakKiB} ${peakPssKiB}`);
  process.exitCode = code ?? 1;
}
