#!/usr/bin/env bash
# Install Dramatis from this folder for one user (default) or under a prefix.
#
#   ./install.sh [--prefix DIR] [--default]
#
# Puts the app in PREFIX/lib/dramatis/, a link PREFIX/bin/dramatis, a desktop entry and
# icons where the desktop finds them (PREFIX/share, or $XDG_DATA_HOME for the default
# prefix ~/.local), and registers Dramatis as an "Open with" handler for the files it
# reads. --default also makes it the default application for them. No root needed for the
# default prefix. PREFIX/lib/dramatis/uninstall.sh removes everything this installed.
set -euo pipefail

NAME=dramatis
MIME_TYPES=(text/plain text/markdown text/html application/pdf
    application/vnd.openxmlformats-officedocument.wordprocessingml.document)
SOURCE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"

fail() {
    echo "install.sh: $*" >&2
    exit 1
}

usage() {
    echo "usage: install.sh [--prefix DIR] [--default]"
}

PREFIX=""
MAKE_DEFAULT=0
while [ $# -gt 0 ]; do
    case "$1" in
        --prefix) [ $# -ge 2 ] || fail "--prefix needs a folder"; PREFIX="$2"; shift 2 ;;
        --prefix=*) PREFIX="${1#--prefix=}"; shift ;;
        --default) MAKE_DEFAULT=1; shift ;;
        -h|--help) usage; exit 0 ;;
        *) usage >&2; fail "unknown argument: $1" ;;
    esac
done

# A folder as an absolute path with links resolved, whether it exists yet or not.
absolute() {
    local dir="$1" rest=""
    case "$dir" in /*) ;; *) dir="$PWD/$dir" ;; esac
    while [ ! -d "$dir" ]; do
        rest="/$(basename "$dir")$rest"
        dir="$(dirname "$dir")"
    done
    printf '%s%s' "$(cd "$dir" && pwd -P)" "$rest"
}

# An XDG folder from the environment, or the default: the XDG Base Directory spec makes a
# relative path there invalid, to be ignored (issue 17: one reached the manifest as it was
# written, and an uninstall run from another folder removed that folder's files).
xdg_dir() {
    case "$1" in
        /*) printf '%s' "$1" ;;
        *) printf '%s' "$2" ;;
    esac
}

[ -n "${HOME:-}" ] || fail "HOME is not set"
DEFAULT_PREFIX="$(absolute "$HOME/.local")"
PREFIX="$(absolute "${PREFIX:-$DEFAULT_PREFIX}")"
if [ "$PREFIX" = "$DEFAULT_PREFIX" ]; then
    DATA="$(absolute "$(xdg_dir "${XDG_DATA_HOME:-}" "$HOME/.local/share")")"
else
    DATA="$PREFIX/share"
fi
CONFIG="$(absolute "$(xdg_dir "${XDG_CONFIG_HOME:-}" "$HOME/.config")")"
APP_DIR="$PREFIX/lib/$NAME"
BIN="$PREFIX/bin/$NAME"
APPLICATIONS="$DATA/applications"
DESKTOP="$APPLICATIONS/$NAME.desktop"
MANIFEST="$APP_DIR/.install-manifest"

# The manifest holds one path a line, and a desktop entry cannot hold these unescaped.
case "$PREFIX$DATA$CONFIG" in
    *$'\n'*) fail "$PREFIX: folder names with a line break are not supported" ;;
    *[\"\`\$\\]*) fail "$PREFIX: folder names with \", \`, \$ or \\ are not supported" ;;
esac
[ -x "$SOURCE/$NAME" ] && [ -d "$SOURCE/_internal" ] \
    || fail "$SOURCE: not a Dramatis bundle (no $NAME executable and _internal folder)"
[ "$SOURCE" != "$APP_DIR" ] || fail "$SOURCE: this copy is the installed one; run it from the bundle"
if [ -e "$BIN" ] || [ -L "$BIN" ]; then
    [ "$(readlink "$BIN" || true)" = "$APP_DIR/$NAME" ] \
        || fail "$BIN exists and is not Dramatis's link; remove it or choose another --prefix"
fi

# An earlier installation goes first, with everything it installed.
if [ -f "$MANIFEST" ] && [ -x "$APP_DIR/uninstall.sh" ]; then
    "$APP_DIR/uninstall.sh" --quiet --prefix "$PREFIX"
fi
[ ! -e "$APP_DIR" ] || fail "$APP_DIR exists and was not installed by install.sh; remove it first"

# Everything installed so far, in order; written to the manifest at the end, or undone if
# the installation stops half-way (nothing that was there before is touched).
ENTRIES=()
note() { ENTRIES+=("$1 $2"); }
COMPLETE=0
roll_back() {
    [ "$COMPLETE" = 1 ] && return
    local i kind path
    # Once the app folder is there, the bundle's uninstall.sh undoes what was noted: the same
    # removal as a later uninstall, so default applications set by xdg-mime are put back
    # too (issue 17: a failed install left Dramatis the default).
    if [ -d "$APP_DIR" ] && [ "${#ENTRIES[@]}" -gt 0 ] \
        && printf '%s\n' "${ENTRIES[@]}" > "$MANIFEST" 2>/dev/null \
        && bash "$SOURCE/uninstall.sh" --quiet --prefix "$PREFIX"; then
        echo "install.sh: nothing was installed" >&2
        return
    fi
    for ((i = ${#ENTRIES[@]} - 1; i >= 0; i--)); do
        kind="${ENTRIES[i]%% *}"
        path="${ENTRIES[i]#* }"
        case "$kind" in
            app) rm -rf -- "$path" ;;
            file) rm -f -- "$path" ;;
            dir) rmdir -- "$path" 2>/dev/null || true ;;
        esac
    done
    echo "install.sh: nothing was installed" >&2
}
trap roll_back EXIT

# Create a folder, remembering every level that did not exist (uninstall removes them).
make_dir() {
    local dir="$1" missing=()
    while [ ! -d "$dir" ]; do
        missing=("$dir" "${missing[@]}")
        dir="$(dirname "$dir")"
    done
    for dir in "${missing[@]}"; do
        mkdir "$dir" || fail "$dir: cannot create the folder"
        note dir "$dir"
    done
}

# Copy a file, remembering it; an existing file is never overwritten silently.
put_file() {
    local source="$1" target="$2"
    make_dir "$(dirname "$target")"
    [ ! -e "$target" ] || fail "$target exists already; remove it first"
    cp "$source" "$target"
    note file "$target"
}

# The path as a desktop entry Exec argument (Desktop Entry Specification, "The Exec key"):
# a literal % written %% (alone it starts a field code), and the whole quoted when it holds
# a space or a reserved character. ", `, $ and \ never get here.
exec_argument() {
    local value="${1//%/%%}"
    case "$value" in
        *[[:space:]\'\;\&\|\<\>\(\)\*\?\#\~]*) printf '"%s"' "$value" ;;
        *) printf '%s' "$value" ;;
    esac
}

# For sed's replacement text: & and the | delimiter stand for themselves.
sed_text() { printf '%s' "$1" | sed -e 's/[&|]/\\&/g'; }

make_dir "$(dirname "$APP_DIR")"
note app "$APP_DIR"
cp -a "$SOURCE" "$APP_DIR"

make_dir "$(dirname "$BIN")"
ln -sfn "$APP_DIR/$NAME" "$BIN"
note file "$BIN"

[ -f "$APPLICATIONS/mimeinfo.cache" ] || CACHE_IS_NEW=1
make_dir "$APPLICATIONS"
[ ! -e "$DESKTOP" ] || fail "$DESKTOP exists already; remove it first"
note file "$DESKTOP"
sed -e "s|^Exec=.*|Exec=$(sed_text "$(exec_argument "$BIN")") %F|" \
    -e "s|^TryExec=.*|TryExec=$(sed_text "$BIN")|" \
    "$SOURCE/share/applications/$NAME.desktop" > "$DESKTOP"
if [ "${CACHE_IS_NEW:-0}" = 1 ]; then
    note cache "$APPLICATIONS/mimeinfo.cache"
fi

while IFS= read -r icon; do
    put_file "$SOURCE/share/icons/$icon" "$DATA/icons/$icon"
done < <(cd "$SOURCE/share/icons" && find . -type f | sed 's|^\./||' | sort)

if [ "$MAKE_DEFAULT" = 1 ]; then
    [ -f "$CONFIG/mimeapps.list" ] || NEW_LIST=1
    make_dir "$CONFIG"
    command -v xdg-mime >/dev/null || fail "--default needs xdg-mime (xdg-utils)"
    # The defaults replaced are kept in the manifest: uninstall.sh puts them back.
    for type in "${MIME_TYPES[@]}"; do
        if [ -f "$CONFIG/mimeapps.list" ]; then
            previous="$(sed -n '/^\[Default Applications\]/,/^\[/p' "$CONFIG/mimeapps.list" \
                | grep -m1 "^$type=" || true)"
            [ -z "$previous" ] || note restore "$previous"
        fi
    done
    note defaults "$CONFIG/mimeapps.list"
    # Noted before xdg-mime runs, so that a rollback can undo it even if it fails half-way.
    if [ "${NEW_LIST:-0}" = 1 ]; then
        note file-if-empty "$CONFIG/mimeapps.list"
    fi
    XDG_CONFIG_HOME="$CONFIG" xdg-mime default "$NAME.desktop" "${MIME_TYPES[@]}"
fi

printf '%s\n' "${ENTRIES[@]}" > "$MANIFEST"
COMPLETE=1

if command -v update-desktop-database >/dev/null; then
    update-desktop-database -q "$APPLICATIONS" || true
fi
if command -v gtk-update-icon-cache >/dev/null && [ -f "$DATA/icons/hicolor/index.theme" ]; then
    gtk-update-icon-cache -q -t "$DATA/icons/hicolor" || true
fi

echo "Dramatis is installed: $BIN (app in $APP_DIR, menu entry $DESKTOP)."
case ":$PATH:" in
    *":$PREFIX/bin:"*) ;;
    *) echo "Note: $PREFIX/bin is not on your PATH; the menu entry works regardless." ;;
esac
echo "To remove it: $APP_DIR/uninstall.sh"
