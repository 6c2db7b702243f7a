// Every value a generated program carries goes through one literal function per language; a hostile or unicode
// value must come back unchanged when the language itself reads the literal, and never end the string early.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { javaString, jsString, pyLiteral, pyString, shellQuote } from '../../../src/client/codegen/literals';

const HOSTILE = [
  `it's "quoted" \\ back\\slash $HOME \`id\` \${x} """ ''' %s {0}`,
  'line\nbreak\r\ttab \u0000 \u001f \u007f',
  'línea ✓ 🚀 \u2028 \u2029 \ud800',
  '\\u0022 \\u000a */ // # -->',
];

function hasPython(): boolean {
  try {
    execFileSync('python3', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe('Copy as Code string literals', () => {
  it('JavaScript reads each value back unchanged', () => {
    for (const value of HOSTILE) assert.equal(new Function(`return ${jsString(value)};`)(), value);
  });

  it('Python reads each value and a JSON body back unchanged', function () {
    if (!hasPython()) {
      console.log('      (skipped: python3 is not installed)');
      this.skip();
    }
    const body = { text: HOSTILE[0], flags: [true, false, null], n: 12.5, nested: { 'ключ': HOSTILE[2] } };
    const script = `import ast, json, sys\nvalues = [${HOSTILE.map(pyString).join(', ')}]\nbody = ${pyLiteral(body)}\nsys.stdout.write(json.dumps({"values": values, "body": body}))`;
    const out = JSON.parse(execFileSync('python3', ['-c', script], { encoding: 'utf8' })) as { values: string[]; body: unknown };
    // A lone surrogate cannot round-trip through JSON output; Python still parsed its literal.
    assert.deepEqual(out.values.slice(0, 2).concat(out.values.slice(3)), HOSTILE.slice(0, 2).concat(HOSTILE.slice(3)));
    assert.deepEqual(out.body, body);
  });

  it('sh reads each value back unchanged', () => {
    for (const value of HOSTILE.filter((v) => !v.includes('\u0000') && !v.includes('\ud800'))) {
      assert.equal(execFileSync('sh', ['-c', `printf '%s' ${shellQuote(value)}`], { encoding: 'utf8' }), value);
    }
  });

  it('Java literals are ASCII, one line, and never hold a \\u escape Java would turn into a quote, backslash or line break', () => {
    for (const value of HOSTILE) {
      const literal = javaString(value);
      assert.match(literal, /^"[\x20-\x7e]*"$/);
      assert.doesNotMatch(literal.replace(/\\\\/g, ''), /\\u00(22|5c|5C|0a|0A|0d|0D)/);
      // Undo Java's escapes the way javac would and compare.
      const decoded = literal
        .slice(1, -1)
        .replace(/\\u([0-9a-f]{4})|\\(["\\nrt])/g, (_m, hex: string | undefined, esc: string | undefined) =>
          hex ? String.fromCharCode(parseInt(hex, 16)) : ({ '"': '"', '\\': '\\', n: '\n', r: '\r', t: '\t' } as Record<string, string>)[esc as string] as string,
        );
      assert.equal(decoded, value);
    }
  });
});
