// SPDX-License-Identifier: Apache-2.0
//
// Lints the spec with Spectral (.spectral.yaml) and Redocly (redocly.yaml), in the versions that
// package-lock.json pins and `npm ci` installed in node_modules. Any finding of either fails:
// errors, warnings and anything lower, and for Redocly also a problem that an ignore file hid.
// Quiet when both pass; on a finding, prints the linter's report and exits 1.
//
// The module's build runs `npm run --silent lint:build`, which first runs `npm ci` (its output
// shown only if it fails; left out when node_modules already holds exactly the locked versions)
// and then lints. By hand, from openapi/:
//   npm ci && npm run lint                  the packaged spec
//   node lint-spec.mjs path/to/spec.yaml    another file, with the same configuration
//
// Nothing here needs the network: both rulesets are built into the tools, a spec with a $ref
// to anything but a place in itself is refused before either tool could fetch it, and Redocly's
// telemetry, update check and announcements are turned off.

import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const npmCi = args[0] === '--npm-ci';
const spec = path.resolve(args[npmCi ? 1 : 0] ?? path.join(here, 'src/main/resources/openapi/sfs-turbo-jobs.yaml'));

const env = {
  ...process.env,
  REDOCLY_TELEMETRY: 'off',
  REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true',
  REDOCLY_SUPPRESS_NOTIFICATIONS: 'true',
  NO_COLOR: '1',
};

/** The path of a package's command, from its manifest in node_modules. */
function bin(pkg, name) {
  const dir = path.join(here, 'node_modules', pkg);
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
  } catch (e) {
    fail(`${pkg} is not installed in ${path.join(here, 'node_modules')}: run \`npm ci\` in ${here} first.`);
  }
  return path.join(dir, typeof manifest.bin === 'string' ? manifest.bin : manifest.bin[name]);
}

/** Runs a linter with this Node.js, its output captured. */
function run(command, args) {
  const r = spawnSync(process.execPath, [command, ...args], { cwd: here, env, encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.error) {
    fail(`could not run ${command}: ${r.error.message}`);
  }
  return { status: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}

function fail(message) {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

/**
 * Whether node_modules holds exactly what package-lock.json pins, as the last `npm ci` left it:
 * npm's record of the tree (node_modules/.package-lock.json) lists the same packages with the
 * same versions and integrity hashes (an optional package for another platform may be absent),
 * and each package's own manifest has its locked version.
 */
function installedAsLocked() {
  let locked;
  let installed;
  try {
    locked = JSON.parse(readFileSync(path.join(here, 'package-lock.json'), 'utf8')).packages;
    installed = JSON.parse(readFileSync(path.join(here, 'node_modules/.package-lock.json'), 'utf8')).packages;
  } catch (e) {
    return false;
  }
  for (const key of Object.keys(installed)) {
    if (!(key in locked)) {
      return false;
    }
  }
  for (const [key, entry] of Object.entries(locked)) {
    if (key === '') {
      continue;
    }
    if (!(key in installed)) {
      if (entry.optional) {
        continue;
      }
      return false;
    }
    if (JSON.stringify(entry) !== JSON.stringify(installed[key])) {
      return false;
    }
    try {
      if (JSON.parse(readFileSync(path.join(here, key, 'package.json'), 'utf8')).version !== entry.version) {
        return false;
      }
    } catch (e) {
      return false;
    }
  }
  return true;
}

// --npm-ci: installs the pinned linters first with `npm ci`, unless node_modules already holds
// exactly the locked versions (a rebuild in the same tree): npm ci always deletes node_modules
// and, as package-lock.json names no registry, reads every package's registry document again,
// which takes about 25 s even from a warm cache. npm's settings come from .npmrc and from the
// npm_config_* variables of the `npm run` that runs this (the build's prefer-offline, and
// offline under mvn -o); its --silent is not passed on, so that a failure is explained.
if (npmCi && !installedAsLocked()) {
  const ciArgs = ['ci', '--loglevel=warn'];
  // Under `npm run`, npm_execpath is the npm that runs this script; else the npm on the PATH.
  const npm = process.env.npm_execpath
    ? spawnSync(process.execPath, [process.env.npm_execpath, ...ciArgs], { cwd: here, encoding: 'utf8', maxBuffer: 64 << 20 })
    : spawnSync('npm', ciArgs, { cwd: here, encoding: 'utf8', maxBuffer: 64 << 20, shell: process.platform === 'win32' });
  if (npm.error || npm.status !== 0) {
    fail(`npm ci in ${here} failed${npm.error ? `: ${npm.error.message}` : ''}\n${npm.stdout ?? ''}${npm.stderr ?? ''}`);
  }
}

// Both tools would fetch a remote $ref (or read another file): the spec is one self-contained
// document, so only references into it ('#/...') are allowed.
let specText;
try {
  specText = readFileSync(spec, 'utf8');
} catch (e) {
  fail(`cannot read the spec: ${e.message}`);
}
const outside = specText.split('\n')
  .map((line, i) => ({ line: i + 1, ref: /(?:^|[\s{,])["']?\$ref["']?\s*:\s*["']?([^"'\s,}]*)/.exec(line)?.[1] }))
  .filter((r) => r.ref !== undefined && !r.ref.startsWith('#'));
if (outside.length > 0) {
  fail(`The spec ${spec} refers outside itself, which the offline lint does not fetch:\n`
    + outside.map((r) => `  line ${r.line}: $ref ${r.ref}`).join('\n'));
}

const failures = [];

// Spectral: --fail-severity=hint, the lowest, so that any result at all (error, warn, info,
// hint) gives a non-zero exit. A document in no known format is a result too.
const spectralArgs = ['lint', '--ruleset', path.join(here, '.spectral.yaml'), '--fail-severity=hint',
  '--fail-on-unmatched-globs', '--format=stylish', spec];
const spectral = run(bin('@stoplight/spectral-cli', 'spectral'), spectralArgs);
if (spectral.status !== 0) {
  failures.push(`Spectral ${spectralArgs.join(' ')}\n${spectral.stdout}${spectral.stderr}`);
}

// Redocly: the JSON report's totals decide, so that a warning fails even if a rule is ever set
// to warn, and so does a problem counted as ignored (a .redocly.lint-ignore.yaml). The readable
// report (codeframe) is made only for a failure. --lint-config=error: a mistake in redocly.yaml
// fails instead of being a warning on stderr.
const redocly = bin('@redocly/cli', 'redocly');
const redoclyArgs = ['lint', '--config', path.join(here, 'redocly.yaml'), '--lint-config=error', spec];
const json = run(redocly, [...redoclyArgs, '--format=json']);
let totals;
try {
  totals = JSON.parse(json.stdout).totals;
} catch (e) {
  totals = undefined;
}
if (json.status !== 0 || !totals || totals.errors + totals.warnings + totals.ignored > 0) {
  const readable = run(redocly, [...redoclyArgs, '--format=codeframe']);
  const hidden = totals && totals.ignored > 0
    ? `${totals.ignored} problem(s) hidden by an ignore file (.redocly.lint-ignore.yaml): fix them instead.\n` : '';
  failures.push(`Redocly ${redoclyArgs.join(' ')}: ${totals ? JSON.stringify(totals) : `exit ${json.status}`}\n`
    + `${hidden}${readable.stdout}${readable.stderr}`);
}

if (failures.length > 0) {
  fail(`The spec ${spec} has lint findings:\n\n${failures.join('\n')}`);
}
