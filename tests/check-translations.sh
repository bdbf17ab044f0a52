#!/bin/sh
# Every language in LINGUAS is complete: every string of the sources is
# translated, none fuzzy or untranslated.
podir=${1:-po}
top=$(dirname "$podir")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0
( cd "$top" && xgettext --from-code=UTF-8 --add-comments --keyword=_ --keyword=N_ \
    --keyword=C_:1c,2 --keyword=NC_:1c,2 --keyword=ngettext:1,2 \
    --files-from=po/POTFILES.in --output="$tmp/fresh.pot" ) || exit 1
for lang in $(grep -v '^#' "$podir/LINGUAS"); do
  po="$podir/$lang.po"
  stats=$(msgfmt --check --statistics -o /dev/null "$po" 2>&1) || { echo "$po: $stats"; status=1; continue; }
  case "$stats" in
    *fuzzy*|*untranslated*) echo "$po: $stats"; status=1 ;;
  esac
  # A string added to the sources but not to the catalogue shows up here.
  if ! msgcmp "$po" "$tmp/fresh.pot" 2>"$tmp/msgcmp.log"; then
    echo "$po misses strings of the sources (run: ninja -C _build luwte-update-po):"
    head -20 "$tmp/msgcmp.log"
    status=1
  fi
  echo "$po: $stats"
done
exit $status
