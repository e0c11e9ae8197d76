#!/usr/bin/env bash
# Remove what install.sh installed: the app, its link, menu entry, icons and defaults.
#
#   PREFIX/lib/dramatis/uninstall.sh          # the installed copy knows where it is
#   ./uninstall.sh [--prefix DIR] [--quiet]   # from the bundle: default prefix ~/.local
#
# It reads the manifest install.sh wrote and removes exactly those files, the folders it
# created (when empty) and the default-application entries naming dramatis.desktop;
# nothing else is touched.
set -euo pipefail

NAME=dramatis
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"

fail() {
    echo "uninstall.sh: $*" >&2
    exit 1
}

PREFIX=""
QUIET=0
while [ $# -gt 0 ]; do
    case "$1" in
        --prefix) [ $# -ge 2 ] || fail "--prefix needs a folder"; PREFIX="$2"; shift 2 ;;
        --prefix=*) PREFIX="${1#--prefix=}"; shift ;;
        --quiet) QUIET=1; shift ;;
        -h|--help) echo "usage: uninstall.sh [--prefix DIR] [--quiet]"; exit 0 ;;
        *) fail "unknown argument: $1" ;;
    esac
done

if [ -n "$PREFIX" ]; then
    [ -d "$PREFIX" ] || fail "$PREFIX: no such folder"
    APP_DIR="$(cd "$PREFIX" && pwd -P)/lib/$NAME"
elif [ -f "$HERE/.install-manifest" ]; then
    APP_DIR="$HERE"
else
    [ -n "${HOME:-}" ] || fail "HOME is not set"
    APP_DIR="$HOME/.local/lib/$NAME"
fi
MANIFEST="$APP_DIR/.install-manifest"
[ -f "$MANIFEST" ] || fail "$APP_DIR: Dramatis is not installed there (no install manifest)"
# Only absolute paths are followed: a relative one (written by an older install.sh from a
# relative XDG_DATA_HOME) names a file relative to wherever this runs, someone else's
# (issue 17). It is named and left alone.
ENTRIES=()
while IFS= read -r entry; do
    case "${entry%% *}:${entry#* }" in
        restore:* | *:/*) ENTRIES+=("$entry") ;;  # a restore entry holds a line, not a path
        *) echo "uninstall.sh: ${entry#* }: not an absolute path; left alone" >&2 ;;
    esac
done < "$MANIFEST"

# Take dramatis.desktop out of a mimeapps.list, keeping every other association.
forget_defaults() {
    local list="$1"
    [ -f "$list" ] || return 0
    sed -i -e "/^[^=]*=$NAME\.desktop;\{0,1\}\$/d" -e "s/\(=\|;\)$NAME\.desktop;/\1/" "$list"
}

# Put back a default that install.sh --default replaced, unless the user set another since.
restore_default() {
    local list="$1" line="$2"
    [ -f "$list" ] || return 0
    if ! grep -q "^${line%%=*}=" "$list"; then
        if grep -q '^\[Default Applications\]' "$list"; then
            sed -i "/^\[Default Applications\]/a $line" "$list"
        else
            printf '[Default Applications]\n%s\n' "$line" >> "$list"
        fi
    fi
}

# A file install.sh created that now holds nothing but group headers goes too.
remove_if_empty() {
    local file="$1"
    [ -f "$file" ] || return 0
    if ! grep -qv -e '^[[:space:]]*$' -e '^\[.*\]$' "$file"; then
        rm -f -- "$file"
    fi
}

# Files first, then caches of folders left without entries, then the folders themselves.
for entry in "${ENTRIES[@]}"; do
    path="${entry#* }"
    case "${entry%% *}" in
        file) rm -f -- "$path" ;;
        defaults) LIST="$path"; forget_defaults "$path" ;;
    esac
done
# Last first: each goes in right under the group header, so they keep their order.
for ((i = ${#ENTRIES[@]} - 1; i >= 0; i--)); do
    if [ "${ENTRIES[i]%% *}" = restore ] && [ -n "${LIST:-}" ]; then
        restore_default "$LIST" "${ENTRIES[i]#* }"
    fi
done
for entry in "${ENTRIES[@]}"; do
    path="${entry#* }"
    case "${entry%% *}" in
        file-if-empty) remove_if_empty "$path" ;;
        cache)
            folder="$(dirname "$path")"
            if ! compgen -G "$folder/*.desktop" >/dev/null; then
                rm -f -- "$path"
            fi
            ;;
    esac
done
for entry in "${ENTRIES[@]}"; do
    if [ "${entry%% *}" = app ]; then
        rm -rf -- "${entry#* }"
    fi
done
for ((i = ${#ENTRIES[@]} - 1; i >= 0; i--)); do
    if [ "${ENTRIES[i]%% *}" = dir ]; then
        rmdir -- "${ENTRIES[i]#* }" 2>/dev/null || true
    fi
done
# A cache that stays (it was there before, or other entries still need it) is made again
# without Dramatis's types, never removed.
for entry in "${ENTRIES[@]}"; do
    path="${entry#* }"
    if [ "${entry%% *}" = file ] && [ "${path##*.}" = desktop ]; then
        folder="$(dirname "$path")"
        if [ -d "$folder" ] && command -v update-desktop-database >/dev/null \
            && { [ -f "$folder/mimeinfo.cache" ] || compgen -G "$folder/*.desktop" >/dev/null; }
        then
            update-desktop-database -q "$folder" || true
        fi
    fi
done

[ "$QUIET" = 1 ] || echo "Dramatis was removed from $APP_DIR."
