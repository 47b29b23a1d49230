"""Which names the map offers, and in what order: pure data handling, no display needed."""

from viewer.ui.map.labels import _order
from viewer.ui.map.layer import KEY, PLACE, SELECTED, UNIT, MapLabel
from viewer.ui.map.units import _one_word_shorter


def test_a_crowded_units_name_drops_its_echelon_word_but_keeps_number_and_kind():
    assert _one_word_shorter("6 Tk Bde") == "6 Tk"
    assert _one_word_shorter("71 Inf Rgt") == "71 Inf"
    assert _one_word_shorter("Yasuoka Det") == "Yasuoka Det"  # two words: nothing to drop without losing the kind


def test_a_crowded_units_name_never_ends_on_a_one_letter_kind():
    """24 Aug: '57 R' (57 R Div) and 26 Aug '602 R' read to a fresh reader as names cut off."""
    assert _one_word_shorter("57 R Div") == "57 Div"
    assert _one_word_shorter("602 R Rgt") == "602 Rgt"
    assert _one_word_shorter("Штаб 1 АГ") == "Штаб 1"  # a number is not a kind: the echelon word goes


def test_a_rivers_name_is_placed_before_the_units_names_and_after_the_selected_one():
    """20 Aug: placed after the units, 'Khalkhin Gol' went to whichever bank their names left free."""

    def label(key: tuple[str, str], priority: int, mark: str) -> MapLabel:
        return MapLabel(key, "", (0.0, 0.0), 0.0, None, None, priority, mark=mark)  # type: ignore[arg-type]

    river = label(("place", "khalkhin_gol_river"), KEY, "")
    nomonhan = label(("place", "nomonhan"), KEY, "place")
    unit, selected, hill = (
        label(("unit", "a"), UNIT, "unit"),
        label(("unit", "b"), SELECTED, "unit"),
        label(("place", "h"), PLACE, "place"),
    )
    ordered = sorted([hill, nomonhan, unit, river, selected], key=_order)
    assert ordered == [selected, river, unit, nomonhan, hill]
