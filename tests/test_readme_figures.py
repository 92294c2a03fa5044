"""The README's "What the graph holds" figures are those the built graph gives (kg/figures.py)."""

from __future__ import annotations

import pytest

from kg.figures import END, START, holdings_table, readme_with_figures
from tests.conftest import ROOT


def test_readme_figures_are_those_of_the_built_graph(real_built):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = holdings_table(real_built, ROOT / "tests" / "competency")
    assert readme_with_figures(readme, table) == readme, "stale README figures: run make readme-figures"


def test_the_table_agrees_with_conflicts_and_stats(real_built):
    lines = holdings_table(real_built, ROOT / "tests" / "competency").splitlines()[2:]
    rows = dict(tuple(cell.strip() for cell in line.strip("|").split(" | ", 1)) for line in lines)
    differences = rows["differences between sources (`atkg conflicts`)"]
    assert differences == "16 rows: 2 contradiction, 3 time, 7 completeness, 4 precision"
    assert rows["fact units that are only a description (`atkg stats`)"] == "70 of 830 (8.4%)"


def test_a_readme_without_markers_is_refused():
    with pytest.raises(ValueError, match="README.md has no"):
        readme_with_figures("# no table here\n", "| figure | value |\n")
    assert readme_with_figures(f"a\n{START}\nold\n{END}\nb\n", "new\n") == f"a\n{START}\nnew\n{END}\nb\n"
