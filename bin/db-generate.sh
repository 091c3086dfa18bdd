#!/usr/bin/env bash
# Serializes drizzle-kit generate so two people adding tables at once never write the same migration number.
set -euo pipefail
cd "$(dirname "$0")/.."
exec flock /tmp/tierkeeper-drizzle-generate.lock npx drizzle-kit generate "$@"
