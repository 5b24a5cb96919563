// Summarizes the mocha JSON reports that run.sh wrote: passed / failed / pending / not run per
// suite and per cryptosuite (each cryptosuite and key type is one implementation named
// "Trainproof <cryptosuite> <key type>" in localConfig.cjs), and lists every failure with its
// first message line.
//
//   node summarize.mjs REPORT_DIR SUITE...
//
// Reads REPORT_DIR/SUITE.json (the run) and REPORT_DIR/SUITE.dry.json (mocha --dry-run: every
// registered test), writes REPORT_DIR/summary.txt and REPORT_DIR/failures.md, and prints the
// summary. Exit code 0; the caller decides what failures mean.
import fs from 'node:fs';
import path from 'node:path';

const [reportDir, ...suites] = process.argv.slice(2);
const IMPL = /Trainproof ((?:eddsa|ecdsa)-[a-z]+-\d{4}) (Ed25519|P-256|P-384)/;

const read = file => {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch(e) {
    return null;
  }
};

const groupOf = test => {
  const m = IMPL.exec(test.fullTitle);
  return m ? `${m[1]} ${m[2]}` : '(no implementation)';
};

// a failed hook is reported as a failure of its own ("before all" hook for "..."), and the
// tests under it are never run: they count as "not run"
const isHook = test => /^"(before|after) (all|each)" hook/.test(test.title);

const firstLine = s => String(s || '').split('\n')[0].slice(0, 300);

const lines = [];
const failures = [];
let total = {passed: 0, failed: 0, pending: 0, notRun: 0, hooks: 0};
for(const suite of suites) {
  const run = read(path.join(reportDir, `${suite}.json`));
  const dry = read(path.join(reportDir, `${suite}.dry.json`));
  if(!run) {
    lines.push(`${suite}: no report (the run did not finish)`);
    continue;
  }
  const groups = new Map();
  const group = name => {
    if(!groups.has(name)) {
      groups.set(name, {passed: 0, failed: 0, pending: 0, notRun: 0, hooks: 0});
    }
    return groups.get(name);
  };
  const seen = new Set();
  for(const t of run.passes || []) {
    group(groupOf(t)).passed++;
    seen.add(t.fullTitle);
  }
  for(const t of run.pending || []) {
    group(groupOf(t)).pending++;
    seen.add(t.fullTitle);
  }
  for(const t of run.failures || []) {
    if(isHook(t)) {
      group(groupOf(t)).hooks++;
    } else {
      group(groupOf(t)).failed++;
      seen.add(t.fullTitle);
    }
    failures.push({suite, group: groupOf(t), title: t.fullTitle,
      message: firstLine(t.err && (t.err.message || t.err.stack))});
  }
  for(const t of (dry && dry.tests) || []) {
    if(!seen.has(t.fullTitle)) {
      group(groupOf(t)).notRun++;
    }
  }
  lines.push(`${suite}:`);
  const names = [...groups.keys()].sort();
  for(const name of names) {
    const g = groups.get(name);
    lines.push(`  ${name.padEnd(26)} ${g.passed} passed, ${g.failed} failed, ` +
      `${g.pending} pending, ${g.notRun} not run` +
      (g.hooks ? ` (${g.hooks} failed hooks)` : ''));
    for(const k of Object.keys(total)) {
      total[k] += g[k];
    }
  }
}
lines.push(`total: ${total.passed} passed, ${total.failed} failed, ${total.pending} pending, ` +
  `${total.notRun} not run, ${total.hooks} failed hooks`);

const md = ['# Failures', ''];
for(const f of failures) {
  md.push(`- **${f.suite} / ${f.group}**: ${f.title}`, `  - ${f.message}`);
}
fs.writeFileSync(path.join(reportDir, 'summary.txt'), lines.join('\n') + '\n');
fs.writeFileSync(path.join(reportDir, 'failures.md'), md.join('\n') + '\n');
console.log(lines.join('\n'));
