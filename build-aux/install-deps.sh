#!/bin/sh
# Installs, with apt-get, the Debian 12 packages Luwte needs to build, run
# and test, when any is missing. Safe to run again: it installs nothing when
# everything is there.
set -eu

packages="
  gcc meson ninja-build pkg-config gettext
  libglib2.0-dev libglib2.0-bin libgtk-4-dev libadwaita-1-dev
  libjson-glib-dev libsqlite3-dev libgdk-pixbuf-2.0-dev shared-mime-info sqlite3 libcairo2-dev libpango1.0-dev
  desktop-file-utils appstream
  xvfb xauth dbus dbus-x11
  libatspi2.0-dev at-spi2-core
  adwaita-icon-theme hicolor-icon-theme librsvg2-common
  fonts-cantarell fonts-dejavu-core
  poppler-utils
"

missing=""
for p in $packages; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing="$missing $p"
  fi
done

[ -z "$missing" ] && exit 0

echo "Installing:$missing"
sudo=""
if [ "$(id -u)" != 0 ]; then
  command -v sudo >/dev/null || { echo "Not root and no sudo: install these packages:$missing" >&2; exit 1; }
  sudo=sudo
fi
$sudo apt-get update -qq
# shellcheck disable=SC2086
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends $missing
