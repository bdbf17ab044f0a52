#!/bin/sh
# Every file with translatable strings is in po/POTFILES.in, and every file
# listed there exists.
top=${1:-.}
cd "$top" || exit 1
status=0
listed=$(grep -v '^#' po/POTFILES.in | grep -v '^$')
for f in $listed; do
  [ -f "$f" ] || { echo "po/POTFILES.in lists $f, which does not exist"; status=1; }
done
candidates=$(grep -rlE '(^|[^a-zA-Z_])(_|N_|C_|NC_|ngettext)\(|translatable="yes"' src resources 2>/dev/null | grep -E '\.(c|ui)$')
candidates="$candidates $(ls data/*.desktop.in data/*.metainfo.xml.in data/*.gschema.xml 2>/dev/null)"
for f in $candidates; do
  echo "$listed" | grep -qx "$f" || { echo "$f has translatable strings but is not in po/POTFILES.in"; status=1; }
done
[ $status = 0 ] && echo "po/POTFILES.in is complete"
exit $status
