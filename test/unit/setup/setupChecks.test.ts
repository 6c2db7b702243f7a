import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { dependenciesCurrent, missingDebianPackages, type MachineProbe } from '../../../scripts/setup-checks.mjs';

// What `npm start` / `npm test` decide to install before they run (scripts/ensure-setup.mjs).
describe('set-up checks', () => {
  describe('npm dependencies', () => {
    let root: string;
    const lock = {
      name: 'x',
      lockfileVersion: 3,
      packages: {
        '': { name: 'x' },
        'node_modules/mocha': { version: '11.7.0' },
        'node_modules/@esbuild/win32-x64': { version: '0.25.0', optional: true },
      },
    };
    const installed = (packages: Record<string, { version: string }>) => ({ name: 'x', lockfileVersion: 3, packages });
    const write = (file: string, json: unknown, secondsAgo: number) => {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, JSON.stringify(json));
      const when = new Date(Date.now() - secondsAgo * 1000);
      fs.utimesSync(file, when, when);
    };
    const lockFile = () => path.join(root, 'package-lock.json');
    const record = () => path.join(root, 'node_modules', '.package-lock.json');

    beforeEach(() => {
      root = fs.mkdtempSync(path.join(os.tmpdir(), 'openpayments-setup-'));
    });
    afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

    it('installs when there is no node_modules', () => {
      write(lockFile(), lock, 0);
      assert.equal(dependenciesCurrent(root), false);
    });

    it('installs nothing when node_modules was installed after the lock file changed', () => {
      write(lockFile(), lock, 60);
      write(record(), installed({ 'node_modules/mocha': { version: '11.7.0' } }), 0);
      assert.equal(dependenciesCurrent(root), true);
    });

    it('installs nothing when only the lock file’s date is newer (a checkout), and remembers that', () => {
      write(record(), installed({ 'node_modules/mocha': { version: '11.7.0' } }), 60);
      write(lockFile(), lock, 0);
      assert.equal(dependenciesCurrent(root), true);
      assert.ok(fs.statSync(record()).mtimeMs >= fs.statSync(lockFile()).mtimeMs, 'the next run takes the fast path');
    });

    it('installs when the lock file asks for another version, a missing package or fewer packages', () => {
      const cases: Record<string, { version: string }>[] = [
        { 'node_modules/mocha': { version: '11.6.0' } },
        {},
        { 'node_modules/mocha': { version: '11.7.0' }, 'node_modules/left-over': { version: '1.0.0' } },
      ];
      for (const packages of cases) {
        write(record(), installed(packages), 60);
        write(lockFile(), lock, 0);
        assert.equal(dependenciesCurrent(root), false, JSON.stringify(packages));
      }
    });
  });

  describe('Debian packages', () => {
    const bare: MachineProbe = { chromium: '/usr/bin/chromium', exists: () => false, onPath: () => false };
    const full: MachineProbe = { chromium: '/usr/bin/chromium', exists: () => true, onPath: () => true };

    it('asks npm start for what code-server needs, npm test also for the browser, openssl and unzip', () => {
      assert.deepEqual(missingDebianPackages('start', bare), ['ripgrep', 'pkg-config', 'libkrb5-dev']);
      assert.deepEqual(missingDebianPackages('test', bare), ['ripgrep', 'pkg-config', 'libkrb5-dev', 'chromium', 'openssl', 'unzip']);
      assert.deepEqual(missingDebianPackages('package', bare), []);
    });

    it('asks for nothing on a machine that has everything', () => {
      assert.deepEqual(missingDebianPackages('test', full), []);
    });

    it('finds Kerberos headers in either place Debian puts them', () => {
      const probe: MachineProbe = { ...full, exists: (file) => file === '/usr/include/krb5/krb5.h' || file === '/usr/bin/chromium' };
      assert.deepEqual(missingDebianPackages('test', probe), []);
    });
  });
});
