// Rewrites a W3C suite's package.json for an offline install (run.sh calls it in the suite's
// folder): its two GitHub dependencies become the tarballs run.sh packed from local copies, dev
// dependencies (linters) and scripts (the ecdsa suite's postinstall clones from GitHub) go.
// Fails when another dependency still points at a git host or URL.
//
//   node patch-package.cjs IMPLEMENTATIONS_TGZ ASSERTION_TGZ
'use strict';
const fs = require('node:fs');

const [implTgz, assertionTgz] = process.argv.slice(2);
const p = JSON.parse(fs.readFileSync('package.json', 'utf8'));
p.dependencies['vc-test-suite-implementations'] = `file:${implTgz}`;
p.dependencies['data-integrity-test-suite-assertion'] = `file:${assertionTgz}`;
for(const [name, spec] of Object.entries(p.dependencies)) {
  if(/^(github:|gitlab:|bitbucket:|git\+|git:|https?:)|^[\w.-]+\/[\w.-]+(#.*)?$/.test(spec)) {
    throw new Error(`dependency ${name} comes from ${spec}: run.sh must provide it locally`);
  }
}
delete p.devDependencies;
p.scripts = {};
fs.writeFileSync('package.json', JSON.stringify(p, null, 2) + '\n');
