#!/bin/sh
# Installs what is missing, builds with warnings as errors, and runs the
# whole test suite, the UI tests under Xvfb with a private D-Bus session.
# Usage: build-aux/test.sh [--sanitize]
#   --sanitize  builds in _build-sanitize with AddressSanitizer and
#               UndefinedBehaviorSanitizer and runs the suite there
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"

builddir=_build-test
options="--werror"
if [ "${1:-}" = "--sanitize" ]; then
  builddir=_build-sanitize
  options="--werror -Db_sanitize=address,undefined -Db_lundef=false -Dbuildtype=debug"
fi

sh build-aux/install-deps.sh
# shellcheck disable=SC2086
[ -f "$builddir/build.ninja" ] || meson setup "$builddir" $options
meson compile -C "$builddir"

xvfb-run -a -s "-screen 0 1280x1024x24" \
  dbus-run-session -- \
  meson test -C "$builddir" --print-errorlogs --num-processes 2 --timeout-multiplier 3
