// `npm run package`: the production bundle, then the VSIX at out/open-payments-vscode.vsix (vsce does not make
// the folder, so a fresh clone failed here). Prints the file and its size.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const vsix = path.join(root, 'out', 'open-payments-vscode.vsix');

function run(cmd, args) {
  const result = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

run(process.execPath, ['esbuild.js', '--production', '--only=extension,mcp']);
fs.mkdirSync(path.dirname(vsix), { recursive: true });
// The details page in VS Code shows the README in a webview whose policy loads pictures only from https: and
// data: URLs, never from the installed extension's files, and there is no repository URL for vsce to point
// relative links at. So the packaged README carries its pictures inline; the README in Git keeps plain links.
const readme = path.join('out', 'README.vsix.md'); // vsce wants it relative to the extension's folder
fs.writeFileSync(path.join(root, readme), inlinePictures(fs.readFileSync(path.join(root, 'README.md'), 'utf8')));
run(path.join(root, 'node_modules', '.bin', 'vsce'), [
  'package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links', '--readme-path', readme, '--out', vsix,
]);
console.log(`${path.relative(process.cwd(), vsix)}: ${(fs.statSync(vsix).size / 1024).toFixed(1)} KB`);

/** Replaces each `![alt](media/….webp|png|jpg)` with the same picture as a data: URL. */
function inlinePictures(markdown) {
  const types = { '.webp': 'image/webp', '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg' };
  return markdown.replace(/(!\[[^\]]*\]\()([^)\s]+)(\))/g, (all, before, link, after) => {
    const type = types[path.extname(link).toLowerCase()];
    if (!type || /^[a-z]+:/i.test(link)) return all;
    const file = path.join(root, link);
    if (!fs.existsSync(file)) throw new Error(`README.md shows ${link}, which does not exist.`);
    return `${before}data:${type};base64,${fs.readFileSync(file).toString('base64')}${after}`;
  });
}
