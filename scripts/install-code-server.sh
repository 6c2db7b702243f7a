#!/usr/bin/env bash
# Installs code-server (the real VS Code workbench we test in) into a cache folder, once.
# Desktop VS Code cannot be downloaded on our machines; code-server 4.100.3 is the last release that runs on
# Node 20 and matches engines.vscode ^1.100.0. It is kept out of devDependencies because it is ~300 MB with
# native builds that only the test harness and `npm start` need.
set -euo pipefail

VERSION=4.100.3
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
CACHE="${OPENPAYMENTS_CODE_SERVER_CACHE:-$ROOT/.cache}/code-server-$VERSION"
BIN="$CACHE/node_modules/.bin/code-server"

if [[ -x "$BIN" && -f "$CACHE/.complete" ]]; then
  echo "$BIN"
  exit 0
fi

missing=()
command -v rg >/dev/null || missing+=(ripgrep)
command -v pkg-config >/dev/null || missing+=(pkg-config)
[[ -e /usr/include/krb5.h || -e /usr/include/krb5/krb5.h ]] || missing+=(libkrb5-dev)
if ((${#missing[@]})); then
  echo "install-code-server: installing Debian packages: ${missing[*]}" >&2
  if [[ $(id -u) -eq 0 ]]; then
    apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >&2
  else
    echo "install-code-server: run as root or install: ${missing[*]}" >&2
    exit 1
  fi
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# @vscode/ripgrep would download rg from GitHub; it uses this cached archive instead when present.
mkdir -p "$work/vscode-ripgrep-cache-1.15.11" "$work/rg"
cp "$(command -v rg)" "$work/rg/rg"
tar -czf "$work/vscode-ripgrep-cache-1.15.11/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" -C "$work/rg" rg

rm -rf "$CACHE"
mkdir -p "$CACHE"
echo "install-code-server: installing code-server $VERSION into $CACHE (about 35 s)" >&2
(
  cd "$CACHE"
  echo '{"name":"code-server-cache","private":true}' > package.json
  TMPDIR="$work" npm_config_unsafe_perm=true npm_config_yes=true npm_config_update_notifier=false \
    npm install --no-audit --no-fund --no-save "code-server@$VERSION" >"$work/npm.log" 2>&1 \
    || { tail -40 "$work/npm.log" >&2; exit 1; }
)
touch "$CACHE/.complete"
echo "$BIN"
