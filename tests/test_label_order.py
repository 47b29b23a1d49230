"""Which names the map offers, and in what order: pure data handling, no display needed."""

from viewer.ui.map.labels import _order
from viewer.ui.map.layer import KEY, PLACE, SELECTED, UNIT, MapLabel
from viewer.ui.map.units import _without_echelon


def test_a_crowded_units_name_drops_its_echelon_word_but_keeps_number_and_kind():
    assert _without_echelon("6 Tk Bde") == "6 Tk"
    assert _without_echelon("71 Inf Rgt") == "71 Inf"
    assert _without_echelon("Yasuoka Det") == "Yasuoka Det"  # two words: nothing to drop without losing the kind


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
