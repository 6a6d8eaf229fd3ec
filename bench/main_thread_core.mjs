// Gives each page's main thread a CPU core of its own for the phone-class rows (bench/frame_budget.mjs).
//
// Why: Chromium's CPU throttling (CDP Emulation.setCPUThrottlingRate) slows the page's main thread with a
// thread of its own (top lists it as CPUThrottlingThread) that holds it back many times a second. When the cores
// are oversubscribed that thread runs late and the main thread is held longer: a build that takes 7 ms takes
// 15–25 ms now and then, in whatever code it was running. Headless Chromium oversubscribes a two-core machine by
// itself: its software WebGL (SwiftShader) keeps one to two cores busy, at a higher priority than the page.
// Measured on one build, training a 4-class network (median build 6.5–7.2 ms in every case), the 95th percentile
// was 9–10 ms unthrottled, 11 ms at 2×, 17 ms at 4× on shared cores, and 10–14 ms at 4× with the main thread alone
// on a core. A phone runs its WebGL on a GPU; the throttled main thread on a core of its own is the phone-class
// CPU the rows are about.
//
// Linux only (sched_setaffinity through util-linux's taskset, part of every Debian system), two cores or more;
// elsewhere nothing changes and the rows say "shared cores".
import fs from 'node:fs';
import os from 'node:os';
import { execFileSync } from 'node:child_process';

// The pids of Chromium's processes of that --type (renderer, gpu-process), read from /proc.
function chromiumProcesses(type) {
  const pids = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let command;
    try {
      // Chromium's children rewrite their argv into one space-separated title: the NULs are not to be relied on.
      command = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').replaceAll('\0', ' ');
    } catch (e) {
      continue;  // ended meanwhile
    }
    if (/^\S*chrom/i.test(command) && command.includes(` --type=${type} `)) pids.push(entry);
  }
  return pids;
}

// The CPUs this process may run on, by number (a container's may not start at 0).
function allowedCpus() {
  const line = fs.readFileSync('/proc/self/status', 'utf8').match(/^Cpus_allowed_list:\s*(\S+)/m);
  const cpus = [];
  for (const range of line ? line[1].split(',') : []) {
    const [from, to = from] = range.split('-').map(Number);
    for (let cpu = from; cpu <= to; cpu++) cpus.push(cpu);
  }
  return cpus;
}

export function coresAvailable() {
  return typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
}

// Moves every thread of the GPU process and of the renderers to all allowed cores but the first, then each
// renderer's main thread (its pid) to that first core alone; the browser process and the harness stay where
// they were. Call once the page is loaded (its renderer then exists). Returns a function that gives the GPU
// process every core again (a renderer ends with its page), or null when nothing was changed.
export function isolateMainThreads() {
  if (process.platform !== 'linux') return null;
  const cpus = allowedCpus();
  if (cpus.length < 2) return null;
  const [main, ...rest] = cpus;
  const others = rest.join(','), every = cpus.join(',');
  const taskset = (...args) => execFileSync('taskset', args, { stdio: 'ignore' });
  const gpu = chromiumProcesses('gpu-process');
  const restore = () => {
    for (const pid of gpu) {
      try {
        taskset('-a', '-p', '-c', every, pid);
      } catch (e) { /* ended */ }
    }
  };
  try {
    for (const pid of gpu) taskset('-a', '-p', '-c', others, pid);
    for (const pid of chromiumProcesses('renderer')) {
      taskset('-a', '-p', '-c', others, pid);
      taskset('-p', '-c', String(main), pid);  // without -a: the main thread alone
    }
    return restore;
  } catch (e) {
    restore();
    return null;  // no taskset, or not allowed: the rows say "shared cores"
  }
}
