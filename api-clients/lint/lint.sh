#!/usr/bin/env bash
# Lints the OpenAPI documents with Redocly CLI (version pinned in package.json/package-lock.json),
# rules recommended-strict: any error or warning fails the build. Needs Node.js 20.19+ and npm
# (CI machines have them); where they are missing, says so loudly and leaves the lint out, so
# that the tests still run on a machine with only a JDK.
set -euo pipefail
cd "$(dirname "$0")"
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "WARNING: OpenAPI lint NOT run: Node.js 20.19+ and npm are missing (CI runs it; install Node.js to run it here)." >&2
  exit 0
fi
version="$(node -p 'process.versions.node')"
major="${version%%.*}"; rest="${version#*.}"; minor="${rest%%.*}"
if [ "$major" -lt 20 ] || { [ "$major" -eq 20 ] && [ "$minor" -lt 19 ]; }; then
  echo "WARNING: OpenAPI lint NOT run: Node.js $version is older than 20.19 (Redocly CLI needs it)." >&2
  exit 0
fi
echo "Installing Redocly CLI $(node -p 'require("./package.json").devDependencies["@redocly/cli"]') (npm ci)..."
npm ci --no-audit --no-fund --loglevel=error
echo "Linting $# OpenAPI/AsyncAPI documents (Redocly recommended-strict: no error, no warning allowed)..."
exec ./node_modules/.bin/redocly lint --config=redocly.yaml "$@"
