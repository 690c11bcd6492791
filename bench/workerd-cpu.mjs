// CPU time of the workerd processes Miniflare starts, read from /proc: what
// bench/worker.mjs and bench/worker-ab.mjs measure.
import { readdirSync, readFileSync } from "node:fs";

/** The pids of this process's workerd children. */
export function workerdChildren() {
  const pids = new Set();
  for (const pid of readdirSync("/proc").filter((p) => /^\d+$/.test(p))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const [comm, rest] = [stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")")), stat.slice(stat.lastIndexOf(")") + 2)];
      if (comm === "workerd" && Number(rest.split(" ")[1]) === process.pid) pids.add(Number(pid));
    } catch {
      // a process that ended while listed
    }
  }
  return pids;
}

/** Nanoseconds of CPU the process `pid` has used, all its threads. */
export function cpuNs(pid) {
  let total = 0;
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    try {
      total += Number(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, "utf8").split(" ")[0]);
    } catch {
      // a thread that ended while listed
    }
  }
  return total;
}
