#!/bin/sh
# Installs what is missing, builds, and starts Luwte from the build tree.
# Usage: build-aux/run.sh [ARGS FOR LUWTE]
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"

sh build-aux/install-deps.sh
[ -f _build/build.ninja ] || meson setup _build
meson compile -C _build

# Settings schema and translations from the build tree, not an install.
GSETTINGS_SCHEMA_DIR="$top/_build/data" \
LUWTE_LOCALEDIR="$top/_build/po/locale" \
exec "$top/_build/src/luwte" "$@"
