"""Every ```python example in README.md and docs/*.md runs, and prints what it says."""

from __future__ import annotations

import doctest
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
_BLOCK = re.compile(r"^```python\n(.*?)^```", re.DOTALL | re.MULTILINE)


@pytest.mark.parametrize("path", DOCS, ids=lambda p: p.name)
def test_examples_run(path, monkeypatch):
    monkeypatch.chdir(ROOT)
    blocks = _BLOCK.findall(path.read_text(encoding="utf-8"))
    parser = doctest.DocTestParser()
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    globs: dict[str, object] = {}
    for k, block in enumerate(blocks):
        test = parser.get_doctest(block, globs, f"{path.name}[{k}]", str(path), 0)
        runner.run(test, clear_globs=False)
        globs.update(test.globs)  # later blocks of a page build on earlier ones
    assert runner.tries > 0 or not blocks
    assert runner.failures == 0, f"{runner.failures} example(s) in {path.name} printed something else"


_SHELL = re.compile(r"^```\n\$ (namenorm .*?)\n(.*?)^```", re.DOTALL | re.MULTILINE)


@pytest.mark.parametrize("path", DOCS, ids=lambda p: p.name)
def test_command_line_examples_print_what_they_show(path, monkeypatch, capsys):
    """A ``$ namenorm ...`` block shows the command's exact output."""
    import shlex

    from namenorm.cli import main

    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("COLUMNS", "100")  # argparse wraps help to the terminal's width
    for command, shown in _SHELL.findall(path.read_text(encoding="utf-8")):
        try:
            main(shlex.split(command)[1:])
        except SystemExit:  # --help
            pass
        assert capsys.readouterr().out == shown, command


_YAML = re.compile(r"^```yaml\n(.*?)^```", re.DOTALL | re.MULTILINE)


@pytest.mark.parametrize("path", DOCS, ids=lambda p: p.name)
def test_alias_file_examples_pass_check_on_top_of_the_bundled_file(path, tmp_path, capsys):
    from namenorm.cli import main

    for k, block in enumerate(_YAML.findall(path.read_text(encoding="utf-8"))):
        example = tmp_path / f"example{k}.yaml"
        example.write_text(block, encoding="utf-8")
        assert main(["check", "--with-default", "--no-cache", str(example)]) == 0, capsys.readouterr().err


def test_the_benchmark_tables_show_the_recorded_results():
    # The results, reliability, per-script and lone-names tables of docs/benchmarks.md are the
    # ones bench/docs_tables.py makes of bench/results/calibration.json: a refit whose figures
    # were recorded cannot leave the page showing the model before.
    import json

    from conftest import bench_script

    docs_tables = bench_script("docs_tables")
    page = (ROOT / "docs" / "benchmarks.md").read_text(encoding="utf-8")
    for table in docs_tables.tables(json.loads(docs_tables.RESULTS.read_text(encoding="utf-8"))):
        missing = [line for line in table if line not in page.splitlines()]
        assert not missing, f"docs/benchmarks.md lacks {missing[:3]}: rerun python bench/docs_tables.py"
