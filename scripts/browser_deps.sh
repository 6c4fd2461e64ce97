#!/usr/bin/env sh
# What the browser suite (tests/browser) needs from the system: Debian's Chromium, a Java
# runtime for the Nu HTML Checker and npm for node_modules. Installs only what is missing,
# with apt-get (as root, or through sudo); refreshes the package lists only if a first
# install attempt fails.
set -eu

CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
missing=""
[ -x "$CHROMIUM" ] || missing="$missing chromium"
command -v java >/dev/null 2>&1 || missing="$missing default-jre-headless"
command -v npm >/dev/null 2>&1 || missing="$missing npm"
[ -z "$missing" ] && exit 0

if [ "$(id -u)" = 0 ]; then sudo=""; else sudo="sudo"; fi
echo "== installing with apt-get:$missing"
export DEBIAN_FRONTEND=noninteractive
# shellcheck disable=SC2086  # $missing is a list of package names
$sudo apt-get install -y -q $missing || {
    $sudo apt-get update -q
    $sudo apt-get install -y -q $missing
}
