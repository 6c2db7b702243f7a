import assert from 'node:assert/strict';
import { blockAt, parseHttpFile, problemAt, sectionAt } from '../../../src/client/requestFiles/httpFileSyntax';

describe('request-file syntax', () => {
  it('reads blocks, names from ### and # @name, headers, and a body up to the next ###', () => {
    const file = parseHttpFile(
      [
        '@bic = ESSESESS',
        '### Countries',
        'GET {{API_HOST}}/psd2/aspspinformation/v1/countries HTTP/1.1',
        'Authorization: Bearer {{token}}',
        '',
        '###',
        '# @name create',
        'POST {{API_HOST}}/psd2/consent/v1/consents',
        'X-BicFi: {{bic}}',
        '',
        '{',
        '  "access": {}',
        '}',
        '###',
      ].join('\n'),
    );
    assert.deepEqual(file.problems, []);
    assert.equal(file.blocks.length, 2);
    const [first, second] = file.blocks;
    assert.equal(first?.name, 'Countries');
    assert.equal(first?.method, 'GET');
    assert.equal(first?.httpVersion, 'HTTP/1.1');
    assert.equal(first?.url, '{{API_HOST}}/psd2/aspspinformation/v1/countries');
    assert.deepEqual(first?.headers, [{ name: 'Authorization', value: 'Bearer {{token}}', line: 3 }]);
    assert.equal(first?.body, undefined);
    assert.equal(second?.name, 'create');
    assert.equal(second?.requestLine, 7);
    assert.equal(second?.body, '{\n  "access": {}\n}');
    assert.equal(file.variables.get('bic')?.value, 'ESSESESS');
  });

  it('reads CRLF files the same as LF files', () => {
    const lf = ['### A', 'POST {{API_HOST}}/x', 'A: 1', '', 'line one', 'line two', ''].join('\n');
    const crlf = parseHttpFile(lf.replace(/\n/g, '\r\n'));
    assert.deepEqual(crlf, parseHttpFile(lf));
    assert.equal(crlf.blocks[0]?.body, 'line one\nline two');
    assert.equal(crlf.blocks[0]?.headers[0]?.value, '1');
  });

  it('skips # and // comments before the request line and between headers, but keeps # in the body', () => {
    const file = parseHttpFile(
      ['# a comment', '// another', 'POST {{API_HOST}}/x', '# between headers', 'A: 1', '// also', 'B: 2', '', '# not a comment here', '', 'blank line above kept', ''].join('\n'),
    );
    const block = file.blocks[0];
    assert.deepEqual(block?.headers.map((h) => h.name), ['A', 'B']);
    assert.equal(block?.body, '# not a comment here\n\nblank line above kept');
  });

  it('lets variables be defined after the request that uses them, anywhere outside a request', () => {
    const file = parseHttpFile(['GET {{API_HOST}}/{{late}}', '', '###', '@late = value', '', '@late2 = other'].join('\n'));
    assert.equal(file.variables.get('late')?.value, 'value');
    assert.equal(file.variables.get('late')?.line, 3);
    assert.equal(file.variables.get('late2')?.value, 'other');
    assert.equal(file.blocks.length, 1);
  });

  it('takes a bare URL as GET and query continuation lines as part of the URL', () => {
    const file = parseHttpFile(['{{API_HOST}}/psd2/aspspinformation/v1/aspsps', '  ?isoCountryCodes=SE', '  &cityIds=1', 'Accept: application/json'].join('\n'));
    assert.equal(file.blocks[0]?.method, 'GET');
    assert.equal(file.blocks[0]?.url, '{{API_HOST}}/psd2/aspspinformation/v1/aspsps?isoCountryCodes=SE&cityIds=1');
    assert.equal(file.blocks[0]?.headers.length, 1);
  });

  it('reports a line that is no request line, and one that is no header, at their lines, and reads on', () => {
    const file = parseHttpFile(['FETCH {{API_HOST}}/x', '###', 'GET {{API_HOST}}/y', 'not a header', '###', 'justoneword', '###', 'GET {{API_HOST}}/ok'].join('\n'));
    assert.deepEqual(
      file.problems.map((p) => p.line),
      [0, 3, 5],
    );
    assert.deepEqual(file.problems[0], { line: 0, kind: 'notAMethod', word: 'FETCH' });
    assert.equal(file.problems[1]?.kind, 'header');
    assert.equal(file.problems[2]?.kind, 'requestLine');
    assert.deepEqual(file.blocks.map((b) => b.url), ['{{API_HOST}}/ok']);
  });

  it('treats a file of comments and variables, empty blocks and a trailing ### as no requests and no problems', () => {
    for (const text of ['', '# only a comment\n@a = 1\n', '###\n###\n', '###\n\n\n###']) {
      const file = parseHttpFile(text);
      assert.deepEqual([file.blocks, file.problems], [[], []], JSON.stringify(text));
    }
  });

  it('finds the block a line belongs to', () => {
    const file = parseHttpFile(['### A', 'GET {{API_HOST}}/a', '', '### B', 'GET {{API_HOST}}/b', 'X: 1', '', 'body'].join('\n'));
    assert.equal(blockAt(file, 1)?.url, '{{API_HOST}}/a');
    assert.equal(blockAt(file, 3)?.url, '{{API_HOST}}/b');
    assert.equal(blockAt(file, 7)?.url, '{{API_HOST}}/b');
  });
});

describe('request-file sections', () => {
  it('ties a line to its own section, so a malformed request is never taken for the one before it', () => {
    const file = parseHttpFile(['### A', 'GET {{API_HOST}}/a', '', '### Broken', 'FETCH {{API_HOST}}/b', 'more', '###', 'GET {{API_HOST}}/c'].join('\n'));
    assert.equal(blockAt(file, 4), undefined);
    assert.equal(blockAt(file, 5), undefined);
    assert.deepEqual(problemAt(file, 5), { line: 4, kind: 'notAMethod', word: 'FETCH' });
    assert.equal(problemAt(file, 1), undefined);
    assert.equal(blockAt(file, 7)?.url, '{{API_HOST}}/c');
    assert.deepEqual(sectionAt(file, 5), { start: 3, end: 6 });
  });
});
