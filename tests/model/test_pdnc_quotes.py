"""Quote detection on the PDNC development set; skips when the corpus is absent."""

import pytest

from reader.bench.pdnc import default_root, novels
from reader.bench.quotes import score_novel

ROOT = default_root()


@pytest.mark.skipif(ROOT is None, reason="PDNC corpus not found beside the checkout")
def test_quote_recall_and_precision_stay_above_the_floor():
    covered = quotes = true = beats = 0
    for novel in novels(ROOT):
        c, q, t, b, _missed, _stray = score_novel(novel)
        covered, quotes, true, beats = covered + c, quotes + q, true + t, beats + b
    assert quotes > 20_000
    assert covered / quotes >= 0.993
    assert true / beats >= 0.969
