"""Build the packaged app with PyInstaller, check it headless, and pack the release archive.

After the build: the bundle's size (as ``du -sm`` counts it) must stay within
``SIZE_LIMIT_MB``; ``dramatis --self-test`` must pass in a bare environment (``env -i``,
no display, a fresh home), so nothing from the checkout or a virtual environment can help;
the frozen command line must analyse the sample. Then ``dist/dramatis-VERSION-linux-
x86_64.tar.gz`` holds the bundle with its installer and README.
Usage: ``python packaging/build.py [--dist DIR] [--work DIR] [--skip-build] [--no-archive]``.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "packaging" / "dramatis.spec"
NAME = "dramatis"
SIZE_LIMIT_MB = 250
BARE_PATH = "/usr/bin:/bin"
TIMEOUT = 300


def version() -> str:
    sys.path.insert(0, str(ROOT))
    from reader import __version__

    return __version__


def build(dist: Path, work: Path) -> Path:
    """Run PyInstaller on the spec; return the frozen executable."""
    subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
         "--distpath", str(dist), "--workpath", str(work), str(SPEC)],
        check=True,
        cwd=ROOT,
    )  # fmt: skip
    return dist / NAME / NAME


def disk_usage_mb(folder: Path) -> int:
    """Space the folder takes on disk in MiB, rounded up, as ``du -sm`` reports it."""
    seen: set[tuple[int, int]] = set()
    blocks = 0
    for path in [folder, *folder.rglob("*")]:
        status = path.lstat()
        if (status.st_dev, status.st_ino) not in seen:
            seen.add((status.st_dev, status.st_ino))
            blocks += status.st_blocks
    return math.ceil(blocks * 512 / 2**20)


def bare_environment(home: Path) -> dict[str, str]:
    """What ``env -i PATH=/usr/bin:/bin HOME=…`` leaves: no display, no venv, no checkout."""
    return {"PATH": BARE_PATH, "HOME": str(home)}


def self_test(executable: Path) -> str:
    """``dramatis --self-test`` in a bare environment; its one line, ending in OK."""
    with tempfile.TemporaryDirectory(prefix="dramatis-home-") as home:
        completed = subprocess.run(
            [str(executable), "--self-test"],
            capture_output=True,
            text=True,
            env=bare_environment(Path(home)),
            cwd=home,
            timeout=TIMEOUT,
        )
    lines = completed.stdout.splitlines()
    if completed.returncode != 0 or len(lines) != 1 or not lines[0].endswith("OK"):
        raise SystemExit(
            f"self-test failed ({completed.returncode}):\n{completed.stdout}{completed.stderr}"
        )
    return lines[0]


def smoke_test(executable: Path) -> dict:
    """Analyse the bundled sample with the frozen command line, offline and headless."""
    sample = executable.parent / "_internal" / "seeds" / "000_dd5b4a6056b2a50f.txt"
    with tempfile.TemporaryDirectory(prefix="dramatis-home-") as home:
        completed = subprocess.run(
            [str(executable), "analyse", str(sample), "--format", "json"],
            capture_output=True,
            text=True,
            env=bare_environment(Path(home)),
            timeout=TIMEOUT,
        )
    if completed.returncode != 0:
        raise SystemExit(f"smoke test failed ({completed.returncode}):\n{completed.stderr}")
    document = json.loads(completed.stdout)
    persons = {e["text"] for e in document["entities"] if e["label"] == "PERSON"}
    if "Vladimir Putin" not in persons:
        raise SystemExit(f"smoke test: unexpected analysis, persons = {sorted(persons)}")
    return document


def archive(bundle: Path, dist: Path) -> Path:
    """``dramatis-VERSION-linux-x86_64.tar.gz``: the bundle as ``dramatis-VERSION/``."""
    machine = platform.machine() or "x86_64"
    target = dist / f"{NAME}-{version()}-linux-{machine}.tar.gz"
    with tarfile.open(target, "w:gz", compresslevel=6) as tar:
        tar.add(bundle, arcname=f"{NAME}-{version()}")
    return target


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist")
    parser.add_argument("--work", type=Path, default=ROOT / "build")
    parser.add_argument("--skip-build", action="store_true", help="only check the bundle")
    parser.add_argument("--no-archive", action="store_true", help="do not pack the archive")
    args = parser.parse_args()
    bundle = args.dist / NAME
    executable = bundle / NAME
    if not args.skip_build:
        executable = build(args.dist, args.work)
    size = disk_usage_mb(bundle)
    print(f"bundle: {bundle} takes {size} MB (limit {SIZE_LIMIT_MB} MB)")
    if size > SIZE_LIMIT_MB:
        raise SystemExit(f"the bundle grew past {SIZE_LIMIT_MB} MB; see packaging/trim.py")
    print(self_test(executable))
    document = smoke_test(executable)
    print(
        f"smoke test passed: {executable} analysed the sample "
        f"({len(document['entities'])} entities, {len(document['quotes'])} statements, "
        f"{len(document['actors'])} actors)"
    )
    if not args.no_archive:
        target = archive(bundle, args.dist)
        print(f"archive: {target} ({os.path.getsize(target) / 2**20:.0f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
