// Runs Doyensec's electronegativity over main/ and preload/ and fails (exit 1) on any finding that is not
// explained below. Explanations are data, reviewed like code: each one says why the finding does not apply.
//
//   node scripts/electronegativity.mjs      → reports in test-results/electronegativity/
//
// Offline by design: the Electron version is given (`-e`, read from the installed electron package), and the
// one check that needs the network is excluded with its reason. The tool still tries to fetch translations
// once (1 s timeout, then falls back to its bundled English); that attempt is harmless.
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { transform } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const outDir = path.join(root, 'test-results', 'electronegativity');
const require = createRequire(import.meta.url);
const runElectronegativity = require('@doyensec/electronegativity');
// The same CSP evaluator electronegativity uses, resolved from it so the versions match.
const csp = createRequire(require.resolve('@doyensec/electronegativity'))('@doyensec/csp-evaluator');

/** Never require('electron') here: its index.js downloads the binary. Its package.json is enough. */
const electronVersion = JSON.parse(
  readFileSync(path.join(root, 'node_modules/electron/package.json'), 'utf8'),
).version;

/** Checks left out of a run, with the reason. */
const NEEDS_NETWORK = {
  AvailableSecurityFixesGlobalCheck:
    "downloads Electron's release list from GitHub to compare versions; there is no network here or in CI. " +
    'Electron is pinned in package-lock.json; its security releases are followed with `npm outdated electron`.',
};
const APP_WIDE = {
  LimitNavigationGlobalCheck: 'app-wide: the navigation guards live in main/shell/lockdown.ts (main/ run)',
  PermissionRequestHandlerGlobalCheck:
    'app-wide: the permission handlers live in main/shell/lockdown.ts (main/ run)',
  CSPGlobalCheck:
    'app-wide: the CSP is set by main/shell/protocol.ts (main/ run, and the CSP evaluation below)',
};

const RUNS = [
  { name: 'main', input: 'main', exclude: { ...NEEDS_NETWORK } },
  { name: 'preload', input: 'preload', exclude: { ...NEEDS_NETWORK, ...APP_WIDE } },
];

/** Findings that are understood and accepted: matched by run, check id and file. */
const EXPLAINED = [
  {
    run: 'main',
    id: 'CSP_GLOBAL_CHECK',
    file: 'N/A',
    reason:
      'The CSP is a response header, not a <meta> tag or a webRequest hook, which is all the tool recognises: ' +
      'main/core/policy/csp.ts defines it, main/shell/protocol.ts sends it with every app:// response and ' +
      'main/server with every bridge response. Its strength is evaluated below with the same evaluator; ' +
      'test/unit/policy/csp.test.ts pins it and the Electron smoke test reads it off a real response.',
  },
];

/** csp-evaluator findings on our policy that are understood, by directive and description. */
const CSP_EXPLAINED = [
  {
    directive: 'script-src',
    value: "'self'",
    reason:
      "'self' is app://kiosk (or the bridge's own origin): it serves only the Vite build, with no JSONP " +
      'endpoint, no Angular, and never an uploaded file (attachments are stored by hash and not served).',
  },
];

/** `eng-disable` comments must say why: `// eng-disable CHECK_ID -- reason`. */
function unexplainedDisables() {
  const bad = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.(ts|tsx|js|cjs|mjs|html)$/.test(entry.name)) {
        readFileSync(full, 'utf8')
          .split('\n')
          .forEach((line, i) => {
            if (/eng-disable/.test(line) && !/eng-disable[\w ,\t]+--\s*\S{3,}/.test(line)) {
              bad.push(`${path.relative(root, full)}:${i + 1}: ${line.trim()}`);
            }
          });
      }
    }
  };
  for (const run of RUNS) walk(path.join(root, run.input));
  return bad;
}

/** Our CSP string, straight from the TypeScript source (no build needed), through the tool's evaluator. */
async function evaluateCsp() {
  const source = readFileSync(path.join(root, 'main/core/policy/csp.ts'), 'utf8');
  const { code } = await transform(source, { loader: 'ts', format: 'esm' });
  const policy = await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
  const parsed = new csp.CspParser(policy.CONTENT_SECURITY_POLICY);
  const findings = new csp.CspEvaluator(parsed.csp, csp.Version.CSP3).evaluate();
  const serious = [
    csp.severities.HIGH,
    csp.severities.MEDIUM,
    csp.severities.HIGH_MAYBE,
    csp.severities.MEDIUM_MAYBE,
  ];
  return findings
    .filter((f) => serious.includes(f.severity) || f.severity === csp.severities.SYNTAX)
    .map((f) => ({
      directive: f.directive,
      value: f.value,
      description: f.description,
      explained:
        CSP_EXPLAINED.find((e) => e.directive === f.directive && e.value === f.value)?.reason ?? null,
    }));
}

async function main() {
  mkdirSync(outDir, { recursive: true });
  const summary = { electronVersion, runs: [], csp: [], disables: [] };
  let failed = false;
  const say = (line) => process.stdout.write(`${line}\n`);

  for (const run of RUNS) {
    const result = await runElectronegativity({
      input: path.join(root, run.input),
      output: path.join(outDir, `${run.name}.sarif`),
      isSarif: true,
      isRelative: true,
      electronVersionOverride: electronVersion,
      excludeFromScan: Object.keys(run.exclude),
    });
    const findings = result.issues.map((issue) => {
      const explained = EXPLAINED.find(
        (e) => e.run === run.name && e.id === issue.id && e.file === issue.file,
      );
      return {
        id: issue.id,
        file: issue.file,
        line: issue.location.line,
        severity: issue.severity.name,
        confidence: issue.confidence.name,
        description: issue.description,
        sample: issue.sample,
        explained: explained?.reason ?? null,
      };
    });
    // A file the tool could not parse was not checked at all: that is a failure, not a pass.
    const parseErrors = result.errors.filter((e) => !e.tolerable);
    summary.runs.push({ ...run, checks: result.globalChecks + result.atomicChecks, findings, parseErrors });

    say(
      `electronegativity ${run.input}/ (Electron ${electronVersion}, ${result.globalChecks + result.atomicChecks} checks)`,
    );
    for (const [check, why] of Object.entries(run.exclude)) say(`  excluded ${check}: ${why}`);
    for (const f of findings) {
      say(
        `  ${f.explained ? 'explained' : 'FINDING  '} ${f.id} ${f.file}:${f.line} [${f.severity}/${f.confidence}]`,
      );
      say(`      ${f.explained ?? `${f.description}${f.sample ? ` — ${f.sample}` : ''}`}`);
      if (!f.explained) failed = true;
    }
    for (const e of parseErrors) {
      say(`  PARSE ERROR ${e.file}: ${e.message}`);
      failed = true;
    }
  }

  summary.csp = await evaluateCsp();
  say('CSP evaluation (csp-evaluator, CSP3)');
  for (const f of summary.csp) {
    say(`  ${f.explained ? 'explained' : 'FINDING  '} ${f.directive} ${f.value ?? ''}: ${f.description}`);
    if (f.explained) say(`      ${f.explained}`);
    else failed = true;
  }

  summary.disables = unexplainedDisables();
  for (const line of summary.disables) {
    say(`  eng-disable without a reason (write "// eng-disable CHECK -- why"): ${line}`);
    failed = true;
  }

  writeFileSync(path.join(outDir, 'summary.json'), `${JSON.stringify(summary, null, 2)}\n`);
  say(
    failed
      ? 'electronegativity: unexplained findings (see above)'
      : 'electronegativity: no unexplained findings',
  );
  process.exitCode = failed ? 1 : 0;
}

await main();
