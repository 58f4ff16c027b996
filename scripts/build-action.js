// Bundles the GitHub Action (src/action.ts) into one file, dist/index.js, that the runner's
// Node 20 or 24 runs without node_modules. Deterministic and unminified so the committed bundle
// diffs readably; CI rebuilds it and fails when the committed one is stale.
import { build } from 'esbuild';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
// Tests bundle into a temp file by passing its path; the default is the committed dist/index.js.
const outfile = process.argv[2] ? path.resolve(process.argv[2]) : path.join(root, 'dist', 'index.js');

// Some sources load CommonJS packages through `const require = createRequire(import.meta.url)`
// (see src/dataworks/alicloud-sdk.ts). esbuild leaves such a local require() as a runtime call,
// which would need node_modules next to dist/ on the runner. Dropping that one line makes those
// calls the module-level require(), which esbuild bundles; at run time they behave the same.
const bundleLocalRequires = {
  name: 'bundle-local-requires',
  setup(b) {
    b.onLoad({ filter: /[\\/]src[\\/].*\.ts$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      const local = /^const require = createRequire\(import\.meta\.url\);$/m;
      if (!local.test(source)) return undefined;
      return { contents: source.replace(local, ''), loader: 'ts' };
    });
  },
};

// The options both bundles share.
const shared = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  // CommonJS dependencies (the Alibaba SDK) call require() on Node built-ins.
  banner: { js: "import { createRequire as __dwsyncCreateRequire } from 'node:module';\nconst require = __dwsyncCreateRequire(import.meta.url);" },
  minify: false,
  sourcemap: false,
  legalComments: 'none',
  logLevel: 'warning',
  absWorkingDir: root,
  plugins: [bundleLocalRequires],
};

await build({
  ...shared,
  stdin: {
    contents: "import { runActionProcess } from './src/action.ts';\nawait runActionProcess(process.env);\n",
    resolveDir: root,
    sourcefile: 'action-entry.ts',
    loader: 'ts',
  },
  outfile,
});

// The task-file parse worker (src/tasks/parse-worker.ts): the bundle starts it from the file beside
// itself, as the compiled CLI starts build/tasks/parse-worker.js.
await build({ ...shared, entryPoints: [path.join(root, 'src/tasks/parse-worker.ts')], outfile: path.join(path.dirname(outfile), 'parse-worker.js') });
