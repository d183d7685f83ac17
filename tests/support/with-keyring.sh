#!/bin/sh
# Runs a command inside a private D-Bus session with a fresh, unlocked gnome-keyring, so keychain
# tests talk to a real Secret Service. The keyring lives in a temporary folder (never the user's
# own login keyring) and is gone, with its bus, when the command ends. The command's exit status
# is passed on; RECRUITING_DESK_THROWAWAY_KEYRING=1 tells tests they may write to this keyring.
#
#   usage: tests/support/with-keyring.sh <command> [args...]
#   needs: dbus-run-session (dbus), gnome-keyring; secret-tool (libsecret-tools) for lookups
set -eu

if [ "$#" -eq 0 ]; then
  echo "usage: $0 <command> [args...]" >&2
  exit 64
fi
for tool in dbus-run-session gnome-keyring-daemon; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    # A developer machine without them still runs every other test; the keyring tests say they skipped.
    echo "with-keyring: $tool is not installed (apt-get install dbus gnome-keyring); running without a keyring" >&2
    exec "$@"
  fi
done

home=$(mktemp -d "${TMPDIR:-/tmp}/with-keyring.XXXXXX")
trap 'rm -rf "$home"' EXIT
mkdir -m 700 "$home/data" "$home/runtime"
# gnome-keyring keeps keyrings under $XDG_DATA_HOME/keyrings and its control socket under
# $XDG_RUNTIME_DIR: both point into the temporary folder.
export XDG_DATA_HOME="$home/data" XDG_RUNTIME_DIR="$home/runtime" RECRUITING_DESK_THROWAWAY_KEYRING=1

set +e
# --unlock reads the new keyring's password from stdin and creates it unlocked as "login".
dbus-run-session -- sh -c 'printf pw | gnome-keyring-daemon --unlock --components=secrets >/dev/null && exec "$@"' sh "$@"
status=$?
set -e
exit "$status"
