"""Build the packaged app with PyInstaller, then smoke-test it headless.

The smoke test runs the frozen executable's command line on the bundled sample article:
it must load the model from inside the bundle and print an analysis with entities.
Usage: ``python packaging/build.py [--dist DIR] [--work DIR] [--skip-build]``.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "packaging" / "dramatis.spec"


def build(dist: Path, work: Path) -> Path:
    """Run PyInstaller on the spec; return the frozen executable."""
    subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
         "--distpath", str(dist), "--workpath", str(work), str(SPEC)],
        check=True,
        cwd=ROOT,
    )  # fmt: skip
    return dist / "dramatis" / "dramatis"


def smoke_test(executable: Path) -> dict:
    """Analyse the bundled sample with the frozen app, offline and headless."""
    sample = executable.parent / "_internal" / "seeds" / "000_dd5b4a6056b2a50f.txt"
    if not sample.exists():
        sample = ROOT / "seeds" / "000_dd5b4a6056b2a50f.txt"
    environment = {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "DISPLAY"}}
    completed = subprocess.run(
        [str(executable), "analyse", str(sample), "--format", "json"],
        capture_output=True,
        text=True,
        env=environment,
        timeout=300,
    )
    if completed.returncode != 0:
        raise SystemExit(f"smoke test failed ({completed.returncode}):\n{completed.stderr}")
    document = json.loads(completed.stdout)
    persons = {e["text"] for e in document["entities"] if e["label"] == "PERSON"}
    if "Vladimir Putin" not in persons:
        raise SystemExit(f"smoke test: unexpected analysis, persons = {sorted(persons)}")
    return document


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist")
    parser.add_argument("--work", type=Path, default=ROOT / "build")
    parser.add_argument("--skip-build", action="store_true", help="only run the smoke test")
    args = parser.parse_args()
    executable = args.dist / "dramatis" / "dramatis"
    if not args.skip_build:
        executable = build(args.dist, args.work)
    document = smoke_test(executable)
    print(
        f"smoke test passed: {executable} analysed the sample "
        f"({len(document['entities'])} entities, {len(document['quotes'])} statements, "
        f"{len(document['actors'])} actors)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
