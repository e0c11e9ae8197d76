"""A private X server for tests that need a real window (Xvfb, installed by .ci/run)."""

from __future__ import annotations

import os
import shutil
import subprocess


def start_xvfb(size: str = "1400x900x24") -> tuple[subprocess.Popen[bytes], str]:
    """Xvfb on a free display number (it picks one and tells us through -displayfd)."""
    assert shutil.which("Xvfb"), "Xvfb is installed by .ci/run"
    read, write = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", size, "-nolisten", "tcp"],
        pass_fds=(write,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    with os.fdopen(read) as pipe:
        number = pipe.readline().strip()
    if not number:
        server.terminate()
        raise AssertionError("Xvfb did not start")
    return server, f":{number}"


def stop(process: subprocess.Popen) -> None:  # type: ignore[type-arg]
    """End a program started for a test: asked to stop, then killed if it does not."""
    process.terminate()
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
