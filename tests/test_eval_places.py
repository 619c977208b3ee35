"""Geoparsing scores on a subset of GWN, LGL and GeoVirus stay above their floors."""

import pytest

from evaluation.common import GoldDataMissing, floors, shared_data

try:
    shared_data("gold", "geoparsing", "GWN.xml")
    MISSING = None
except GoldDataMissing as error:
    MISSING = str(error)

LIMIT = 15  # articles per corpus: the floors were measured on exactly this subset


@pytest.mark.eval
@pytest.mark.skipif(MISSING is not None, reason=f"gold data missing: {MISSING}")
def test_places_scores_above_floors():
    from evaluation.places import evaluate

    scores = evaluate(limit=LIMIT)
    for key, floor in floors("places").items():
        assert scores[key] >= floor, f"{key}: {scores[key]:.3f} < floor {floor}"
