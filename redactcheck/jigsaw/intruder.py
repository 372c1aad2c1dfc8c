"""The motivated-intruder queries: strings for a person to run by hand."""

from __future__ import annotations

from collections.abc import Sequence

from .details import Detail

QUERY_NOTE = ("generated, never run: the manual motivated-intruder test the review manager "
              "records")


# --------------------------------------------------------------------------- intruder test


def _query_term(d: Detail) -> str:
    if d.attribute == "time":
        return str(d.time.year) if d.time else d.value
    if d.attribute == "age":
        return d.value.replace(" years", " year old").replace(" months", " month old")
    text = d.mentions[0].text if d.mentions and d.attribute != "area" else d.value
    return f'"{text}"' if " " in text else text


def intruder_queries(combo: Sequence[Detail], anchors: Sequence[Detail] = ()) -> list[str]:
    """What a motivated intruder would type for one combination (strings only).

    `anchors` (the document's area and index-event time) are added when the combination
    lacks them: an intruder searching for a case always adds the place and the year.
    """
    area = next((d for d in (*combo, *anchors) if d.attribute == "area"), None)
    time = next((d for d in (*combo, *anchors) if d.attribute == "time"), None)
    rest = [_query_term(d) for d in combo if d.attribute not in ("area", "time")]
    place = _query_term(area) if area else ""
    year = time.time.year if time and time.time else None
    when = (f'"{time.time.display()}"' if time and time.time and time.time.rank >= 2
            else str(year) if year else "")
    base = " ".join(x for x in (place, *rest, str(year) if year else "") if x)
    news = " ".join(x for x in (place, *rest, "news", when) if x)
    court_years = f"{year} OR {year + 1}" if year else ""
    court = " ".join(x for x in (place, *rest, "court (sentenced OR jailed OR \"care "
                                 "proceedings\")", court_years) if x)
    return list(dict.fromkeys([base, news, court]))

