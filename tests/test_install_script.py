"""``install.sh`` and ``uninstall.sh`` on a stand-in bundle, without building the app.

The bundle here has what the scripts need (an executable, ``_internal/``, the desktop entry
and an icon, the two scripts); ``xdg-mime`` and ``update-desktop-database`` are small fakes
first on ``PATH`` that do what the real ones do to the files and note each call, so that
every case is the same on any machine. With a relative ``XDG_DATA_HOME`` the
manifest held relative paths and an uninstall run elsewhere deleted another folder's
entry and cache; a prefix with ``%`` gave an invalid ``Exec`` line; a failed install left
Dramatis the default application.
"""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
MIME_TYPES = (
    "text/plain",
    "text/markdown",
    "text/html",
    "application/pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
)

FAKE_XDG_MIME = r"""#!/usr/bin/env bash
# xdg-mime default APP TYPE...: set APP as the default of each TYPE in mimeapps.list.
set -eu
echo "xdg-mime $*" >> "$FAKE_LOG"
[ "$1" = default ] || exit 2
app="$2"; shift 2
list="${XDG_CONFIG_HOME:-$HOME/.config}/mimeapps.list"
[ -f "$list" ] || printf '[Default Applications]\n' > "$list"
grep -q '^\[Default Applications\]' "$list" || printf '[Default Applications]\n' >> "$list"
for type in "$@"; do
    sed -i "\|^$type=|d" "$list"
    sed -i "/^\[Default Applications\]/a $type=$app" "$list"
done
[ -z "${FAKE_XDG_MIME_FAILS:-}" ] || exit 1
"""

FAKE_UPDATE_DESKTOP_DATABASE = r"""#!/usr/bin/env bash
# update-desktop-database [-q] DIR: rewrite DIR/mimeinfo.cache from its desktop entries.
set -eu
echo "update-desktop-database $*" >> "$FAKE_LOG"
dir="${@: -1}"
{
    echo "[MIME Cache]"
    for entry in "$dir"/*.desktop; do
        [ -f "$entry" ] || continue
        types="$(sed -n 's/^MimeType=//p' "$entry")"
        IFS=';' read -ra list <<< "$types"
        for type in "${list[@]}"; do
            [ -n "$type" ] && echo "$type=$(basename "$entry");"
        done
    done
} > "$dir/mimeinfo.cache"
"""


def _script(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")
    path.chmod(path.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)


@pytest.fixture
def bundle(tmp_path: Path) -> Path:
    """What the build puts beside the executable, with a stand-in executable."""
    folder = tmp_path / "bundle" / "dramatis"
    (folder / "_internal").mkdir(parents=True)
    _script(folder / "dramatis", "#!/bin/sh\necho dramatis\n")
    for name in ("install.sh", "uninstall.sh"):
        shutil.copy2(ROOT / "packaging" / name, folder / name)
    applications = folder / "share" / "applications"
    applications.mkdir(parents=True)
    shutil.copy2(ROOT / "resources" / "dramatis.desktop", applications / "dramatis.desktop")
    icons = folder / "share" / "icons" / "hicolor" / "48x48" / "apps"
    icons.mkdir(parents=True)
    (icons / "dramatis.png").write_bytes(b"\x89PNG stand-in")
    return folder


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    """A fresh user whose XDG folders are absolute, with the fakes first on PATH."""
    fakes = tmp_path / "fakes"
    fakes.mkdir()
    _script(fakes / "xdg-mime", FAKE_XDG_MIME)
    _script(fakes / "update-desktop-database", FAKE_UPDATE_DESKTOP_DATABASE)
    home = tmp_path / "home"
    home.mkdir()
    return {
        "PATH": f"{fakes}:/usr/bin:/bin",
        "HOME": str(home),
        "XDG_DATA_HOME": str(tmp_path / "xdg" / "data"),
        "XDG_CONFIG_HOME": str(tmp_path / "xdg" / "config"),
        "FAKE_LOG": str(tmp_path / "calls.log"),
        "LANG": "C.UTF-8",
    }


def run(
    args: list[str | Path], env: dict[str, str], cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(a) for a in args], env=env, cwd=cwd, capture_output=True, text=True, timeout=120
    )


def install(bundle: Path, env: dict[str, str], *args: str, cwd: Path | None = None) -> None:
    done = run(["bash", bundle / "install.sh", *args], env, cwd)
    assert done.returncode == 0, done.stderr


def tree(folder: Path) -> dict[str, bytes | None]:
    """Every file and folder under ``folder`` with its content (None for folders)."""
    if not folder.exists():
        return {}
    return {
        str(p.relative_to(folder)): (p.read_bytes() if p.is_file() else None)
        for p in sorted(folder.rglob("*"))
    }


def manifest_paths(app_dir: Path) -> list[str]:
    lines = (app_dir / ".install-manifest").read_text(encoding="utf-8").splitlines()
    return [line.split(" ", 1)[1] for line in lines]


@pytest.mark.slow
def test_a_relative_xdg_data_home_never_reaches_the_manifest_or_another_folder(
    bundle, env, tmp_path
):
    """The manifest held ``share/applications/dramatis.desktop`` as written, and
    uninstall.sh run from another folder deleted that folder's entry and mimeinfo.cache
    while the install stayed. Relative XDG folders are invalid (XDG Base Directory spec):
    they are ignored, and the manifest holds only absolute paths."""
    where_installed = tmp_path / "installed-from"
    elsewhere = tmp_path / "elsewhere"
    where_installed.mkdir()
    others = elsewhere / "share" / "applications"
    others.mkdir(parents=True)
    (others / "dramatis.desktop").write_text("[Desktop Entry]\nName=someone else's\n")
    (others / "mimeinfo.cache").write_text("[MIME Cache]\ntext/plain=editor.desktop;\n")
    theirs = tree(elsewhere)
    env = {**env, "XDG_DATA_HOME": "share", "XDG_CONFIG_HOME": "config"}
    home = Path(env["HOME"])
    before_home = tree(home)

    install(bundle, env, "--default", cwd=where_installed)
    app_dir = home / ".local" / "lib" / "dramatis"
    paths = manifest_paths(app_dir)
    assert paths and all(path.startswith("/") for path in paths), paths
    entry = home / ".local" / "share" / "applications" / "dramatis.desktop"
    assert str(entry) in paths
    assert not (where_installed / "share").exists() and not (where_installed / "config").exists()

    done = run(["bash", app_dir / "uninstall.sh"], env, cwd=elsewhere)
    assert done.returncode == 0, done.stderr
    assert tree(elsewhere) == theirs  # someone else's entry and cache, untouched
    assert tree(home) == before_home  # the install, gone


@pytest.mark.slow
def test_uninstall_never_follows_a_relative_path_in_an_old_manifest(bundle, env, tmp_path):
    install(bundle, env)
    app_dir = Path(env["HOME"]) / ".local" / "lib" / "dramatis"
    manifest = app_dir / ".install-manifest"
    elsewhere = tmp_path / "elsewhere"
    (elsewhere / "share" / "applications").mkdir(parents=True)
    (elsewhere / "share" / "applications" / "dramatis.desktop").write_text("theirs\n")
    with manifest.open("a", encoding="utf-8") as handle:
        handle.write("file share/applications/dramatis.desktop\n")
    done = run(["bash", app_dir / "uninstall.sh"], env, cwd=elsewhere)
    assert done.returncode == 0, done.stderr
    assert (elsewhere / "share" / "applications" / "dramatis.desktop").read_text() == "theirs\n"
    assert "share/applications/dramatis.desktop" in done.stderr  # named, not removed
    assert not app_dir.exists()


def test_a_cache_that_was_there_before_is_regenerated_never_removed(bundle, env, tmp_path):
    applications = Path(env["XDG_DATA_HOME"]) / "applications"
    applications.mkdir(parents=True)
    (applications / "editor.desktop").write_text(
        "[Desktop Entry]\nType=Application\nName=Editor\nExec=editor\nMimeType=text/plain;\n"
    )
    (applications / "mimeinfo.cache").write_text("[MIME Cache]\ntext/plain=editor.desktop;\n")
    before = tree(Path(env["XDG_DATA_HOME"]))
    install(bundle, env)
    assert "text/plain=dramatis.desktop;" in (applications / "mimeinfo.cache").read_text()
    done = run(["bash", Path(env["HOME"]) / ".local/lib/dramatis/uninstall.sh"], env)
    assert done.returncode == 0, done.stderr
    assert tree(Path(env["XDG_DATA_HOME"])) == before


def test_a_cache_left_with_no_entries_is_regenerated_when_it_was_there_before(bundle, env):
    applications = Path(env["XDG_DATA_HOME"]) / "applications"
    applications.mkdir(parents=True)
    (applications / "mimeinfo.cache").write_text("[MIME Cache]\n")
    install(bundle, env)
    done = run(["bash", Path(env["HOME"]) / ".local/lib/dramatis/uninstall.sh"], env)
    assert done.returncode == 0, done.stderr
    assert (applications / "mimeinfo.cache").read_text() == "[MIME Cache]\n"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("prefix_name", "exec_path"),
    [
        ("100%", "100%%"),
        ("my apps", '"{prefix}"'),
        ("50% off", '"{prefix}"'),
    ],
)
def test_a_prefix_with_percent_or_spaces_gives_a_valid_exec_line(
    bundle, env, tmp_path, prefix_name, exec_path
):
    """``%`` must be written ``%%`` in Exec (it starts a field code), and an
    argument with spaces is quoted (Desktop Entry Specification, "The Exec key")."""
    prefix = tmp_path / prefix_name
    install(bundle, env, "--prefix", str(prefix))
    entry = prefix / "share" / "applications" / "dramatis.desktop"
    lines = entry.read_text(encoding="utf-8").splitlines()
    link = str(prefix / "bin" / "dramatis")
    quoted_link = link.replace("%", "%%")
    if exec_path.startswith('"'):
        quoted_link = f'"{quoted_link}"'
    assert f"Exec={quoted_link} %F" in lines
    assert f"TryExec={link}" in lines  # a plain path: no field codes there
    if shutil.which("desktop-file-validate"):
        validated = run(["desktop-file-validate", entry], env)
        assert validated.returncode == 0 and validated.stdout == "", validated.stdout
    done = run(["bash", prefix / "lib" / "dramatis" / "uninstall.sh"], env)
    assert done.returncode == 0, done.stderr
    assert tree(prefix) == {}


@pytest.mark.slow
def test_a_failed_default_is_rolled_back(bundle, env):
    """An install that failed after ``xdg-mime default`` left Dramatis the
    default application; the rollback puts back what was there."""
    config = Path(env["XDG_CONFIG_HOME"])
    config.mkdir(parents=True)
    defaults = config / "mimeapps.list"
    original = "[Default Applications]\ntext/plain=vim.desktop\ntext/html=firefox.desktop\n"
    defaults.write_text(original)
    home = Path(env["HOME"])
    before = (tree(home), tree(Path(env["XDG_DATA_HOME"])), tree(config))
    done = run(["bash", bundle / "install.sh", "--default"], {**env, "FAKE_XDG_MIME_FAILS": "1"})
    assert done.returncode != 0
    assert "nothing was installed" in done.stderr
    assert defaults.read_text() == original
    assert (tree(home), tree(Path(env["XDG_DATA_HOME"])), tree(config)) == before


@pytest.mark.slow
def test_a_failed_default_with_no_list_before_leaves_none(bundle, env):
    home = Path(env["HOME"])
    done = run(["bash", bundle / "install.sh", "--default"], {**env, "FAKE_XDG_MIME_FAILS": "1"})
    assert done.returncode != 0
    assert not (Path(env["XDG_CONFIG_HOME"]) / "mimeapps.list").exists()
    assert tree(home) == {}
    assert tree(Path(env["XDG_DATA_HOME"])) == {}


def test_install_as_default_then_uninstall_restores_the_defaults(bundle, env):
    config = Path(env["XDG_CONFIG_HOME"])
    config.mkdir(parents=True)
    defaults = config / "mimeapps.list"
    original = "[Default Applications]\ntext/plain=vim.desktop\n"
    defaults.write_text(original)
    install(bundle, env, "--default")
    assert "text/plain=dramatis.desktop" in defaults.read_text()
    calls = Path(env["FAKE_LOG"]).read_text()
    assert "xdg-mime default dramatis.desktop " + " ".join(MIME_TYPES) in calls
    done = run(["bash", Path(env["HOME"]) / ".local/lib/dramatis/uninstall.sh"], env)
    assert done.returncode == 0, done.stderr
    assert defaults.read_text() == original


def test_a_prefix_with_a_newline_is_refused(bundle, env, tmp_path):
    done = run(["bash", bundle / "install.sh", "--prefix", str(tmp_path / "a\nb")], env)
    assert done.returncode != 0
    assert "not supported" in done.stderr
    assert not os.path.lexists(tmp_path / "a\nb")
