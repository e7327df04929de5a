"""Options for scoring a candidate claim model (docs/model20.md):
``benchmarks/claims_accuracy.py --model PATH`` scores with the model in that file, and
``benchmarks/train_claim_model.py`` refuses to train on a held-back folder."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ACCURACY = ROOT / "benchmarks" / "claims_accuracy.py"
SHIPPED = ROOT / "rules" / "claim-model.yaml"


def _rows(*args: str) -> dict[str, str]:
    r = subprocess.run([sys.executable, str(ACCURACY), "--with-model", "--rules-alone",
                        "--split", "heldout", *args],
                       capture_output=True, text=True, timeout=300, check=True)
    return {line.split()[0]: line.split(None, 2)[2] for line in r.stdout.splitlines()
            if line.startswith("heldout")}


def test_model_option_scores_with_the_file_it_names(tmp_path):
    default = _rows()
    assert _rows("--model", str(SHIPPED)) == default  # the shipped file: the same rows
    # a file whose model is off: the first row (as shipped) is the rules alone, and
    # --with-model still switches it on
    off = tmp_path / "off.yaml"
    off.write_text(SHIPPED.read_text(encoding="utf-8").replace("  enabled: true\n",
                                                                "  enabled: false\n", 1),
                   encoding="utf-8")
    rows = _rows("--model", str(off))
    assert rows["heldout"] == rows["heldout-model"] == default["heldout-model"]
    assert rows["heldout+model"] == default["heldout+model"]
    # a model that scores nothing high enough adds nothing to the rules
    strict = tmp_path / "strict.yaml"
    strict.write_text(re.sub(r"(?m)^  threshold: .*$", "  threshold: 1.0",
                             re.sub(r"(?m)^  veto: .*$", "  veto: 0.0",
                                    SHIPPED.read_text(encoding="utf-8"))), encoding="utf-8")
    assert _rows("--model", str(strict))["heldout"] == default["heldout-model"]


def test_training_refuses_a_held_back_folder(tmp_path):
    r = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "train_claim_model.py"),
                        "--add-split", "blind4", "--out", str(tmp_path / "m.yaml")],
                       capture_output=True, text=True, timeout=300)
    assert r.returncode != 0 and "held back" in r.stderr
    assert not (tmp_path / "m.yaml").exists()


def test_fit_with_unit_weights_is_the_unweighted_fit_and_zero_weights_learn_nothing():
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import train_claim_model as tcm

    rows = [("w:ice", "w:reduces"), ("w:ice", "w:melts"), ("w:rest", "w:reduces"),
            ("w:rest", "w:melts")] * 3
    y = [1, 0, 1, 0] * 3
    assert tcm.fit(rows, y, weight=[1.0] * len(rows)) == tcm.fit(rows, y)
    w, b = tcm.fit(rows, y, weight=[0.0] * len(rows))
    assert w == {} and b == 0.0
    heavy, _ = tcm.fit(rows, y, weight=[2.0] * len(rows))
    light, _ = tcm.fit(rows, y)
    assert heavy["w:reduces"] > light["w:reduces"] > 0
