// Preloaded (`node -r`) into a measured process: reports its own peak resident set size and CPU
// time on exit (CPU time shows the work apart from waiting on a shared, busy machine).
process.on('exit', () => {
  const u = process.resourceUsage();
  process.stderr.write(`\npeak-rss-kb=${u.maxRSS} cpu-us=${u.userCPUTime + u.systemCPUTime}\n`);
});
