"""The threshold rule of docs/model23.md (benchmarks/calibrate_claim_threshold.py):
the grid's threshold whose flag count is closest to the reference's, ties to the higher."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_pick_closest_count_and_ties_go_to_the_higher_threshold():
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import calibrate_claim_threshold as cal

    assert cal.GRID[0] == 0.2 and cal.GRID[-1] == 0.5 and len(cal.GRID) == 13
    assert 0.425 in cal.GRID
    counts = {0.3: 120, 0.325: 110, 0.35: 100, 0.375: 90}
    assert cal.pick(108, counts) == 0.325
    assert cal.pick(105, counts) == 0.35  # 110 and 100 equally close: the higher
    assert cal.pick(500, counts) == 0.3
    assert cal.pick(0, counts) == 0.375
