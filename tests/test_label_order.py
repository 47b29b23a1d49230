"""A unit's name offered shorter in a crowd: pure string handling, no display needed."""

from viewer.ui.map.units import _without_echelon


def test_a_crowded_units_name_drops_its_echelon_word_but_keeps_number_and_kind():
    assert _without_echelon("6 Tk Bde") == "6 Tk"
    assert _without_echelon("71 Inf Rgt") == "71 Inf"
    assert _without_echelon("Yasuoka Det") == "Yasuoka Det"  # two words: nothing to drop without losing the kind
