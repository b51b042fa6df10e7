"""The exporter registry: one contract, every format round-trips through the importers."""

from __future__ import annotations

import pytest

from desktop_app import importers
from desktop_app.exporters import registry as exporters
from desktop_app.exporters.base import Exporter, ExportError
from desktop_app.exporters.registry import EXPORTERS, exporter_by_name


def test_every_exporter_follows_the_contract() -> None:
    names = [e.name for e in EXPORTERS]
    assert len(set(names)) == len(names)
    for exporter in EXPORTERS:
        assert isinstance(exporter, Exporter), exporter.name
        assert exporter.label and exporter.suffix and exporter.default_name
        assert exporter.needs_password == (not exporter.readable)
    assert exporters.READABLE_FORMATS == ("aegis-plain", "otpauth", "google-qr")
    assert list(exporters.FORMATS) == list(exporters.FORMAT_NAMES)


@pytest.mark.parametrize("name", ["aegis", "aegis-plain", "otpauth"])
def test_one_file_formats_read_back(name, samples, assert_same_accounts, tmp_path) -> None:
    out = tmp_path / exporter_by_name(name).default_name
    password = "pw for export" if exporter_by_name(name).needs_password else None
    outcome = exporters.write_export(name, samples, out, password)
    assert outcome.paths == [out] and outcome.count == len(samples)
    result = importers.load_file(out, password)
    assert_same_accounts(result.entries, samples)


def test_errors_name_the_problem(samples, tmp_path) -> None:
    with pytest.raises(ExportError, match="needs a password"):
        exporters.write_export("aegis", samples, tmp_path / "x.json")
    with pytest.raises(ExportError, match="Unknown export format 'zip'"):
        exporter_by_name("zip")
    with pytest.raises(ExportError, match="folder"):
        exporters.write_export("otpauth", samples, tmp_path)
    with pytest.raises(ExportError, match="several files"):
        exporters.export_bytes("google-qr", samples)
    assert not list(tmp_path.iterdir())
