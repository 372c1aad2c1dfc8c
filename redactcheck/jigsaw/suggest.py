"""The generalisation plan: the cheapest changes that lower the band."""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from .details import DEATH_KEYS, Detail, Mention, TimeValue, _area_detail, _time_detail
from .model import _families, _family_count, _finest, _round, _with_area, band_for, model_figures
from .rates import BAND_RANK, INDIRECT_MAX_RATE, LEVEL_RANK, MAX_STEPS, Area, _gazetteer

# --------------------------------------------------------------------------- fixing it


@dataclass(frozen=True)
class _Change:
    attribute: str
    key: str
    from_text: str
    to_text: str
    replacements: tuple[dict, ...]
    cost: int
    new_detail: Detail | None  # None: the detail is gone
    new_area: Detail | None = None  # area changes: the coarser candidate
    # Area removals: every place finer than a town goes, so the area falls back to the
    # finest one left (a town, a county, the board's area, else the UK).
    removed: tuple[Detail, ...] = ()
    fallback: str = ""


_GENERIC = {
    "multiple_birth": ("siblings", {"twins": "siblings", "twin": "sibling",
                                    "triplets": "siblings", "triplet": "sibling"}),
    "condition": ("a chronic health condition", {}),
    "event": ("serious injuries", {}),
    "ethnicity": ("a minority ethnic background", {}),
    "religion": ("a faith community", {}),
    "nationality": ("born outside the UK", {}),
    "language": ("English as an additional language", {}),
    "looked_after": ("known to children's social care", {}),
    "occupation": ("in paid work", {}),
}


def _match_case(src: str, dst: str) -> str:
    return dst[:1].upper() + dst[1:] if src[:1].isupper() else dst


_INJURY_EVENTS = {"event:serious_head_injury", "event:fractures", "event:burns"}


def _replacement_text(d: Detail, text: str) -> str:
    if d.attribute == "multiple_birth":
        low = text.casefold()
        for word in ("twin brother", "twin sister"):
            if low == word:
                return _match_case(text, word.split()[1])
        plural = low.endswith("s")
        return _match_case(text, "siblings" if plural else "sibling")
    if d.attribute == "family_size":
        low = text.casefold()
        if low == "large family":
            return _match_case(text, "family")
        m = re.match(r"youngest of", low)
        if m:
            return _match_case(text, "youngest of several")
        words = text.split()
        if len(words) >= 2 and words[-1].casefold() in ("child", "baby"):
            return _match_case(text, f"younger {words[-1]}")
        return _match_case(text, "several " + " ".join(words[1:]))
    if d.attribute == "event":
        plural = bool(re.search(r"(?:ies|es|s)\b(?! of the skull$)", text.split()[0]
                                if text.split() else "")) or text.casefold().endswith("ies")
        plural = plural or text.casefold().startswith("fractures")
        if d.key in DEATH_KEYS:
            return text
        if d.key not in _INJURY_EVENTS:
            # A fire, press coverage or trafficking is not an injury: name only its kind.
            return "a significant incident"
        return "serious injuries" if plural else "serious injury"
    if d.attribute == "age":
        m = re.search(r"\d+", d.value)
        n = int(m.group(0)) if m else 0
        if d.age_kind == "months" or n < 1:
            return "under one"
        return ("under five" if n < 5 else "of primary school age" if n < 11
                else "of secondary school age")
    return _GENERIC.get(d.attribute, ("a general description", {}))[0]


# What an author writes instead of a place finer than a town (the name's last words decide).
# Lower case and without a leading article: the name usually follows "the", "at" or "to".
_PLACE_GENERIC = (
    (re.compile(r"\bestate$", re.I), "local estate"),
    (re.compile(r"\b(?:school|academy|college)$", re.I), "a local school"),
    (re.compile(r"\bnursery$", re.I), "a local nursery"),
    (re.compile(r"\b(?:church|mosque|temple|gurdwara|synagogue)$", re.I),
     "a local place of worship"),
    (re.compile(r"\b(?:medical centre|surgery|health centre)$", re.I), "the GP practice"),
)
_POSTCODE_SHAPE = re.compile(r"^[A-Z]{1,2}\d[A-Z\d]?(?:\s*\d[A-Z]{2})?$", re.I)


def _place_replacement(area: Detail, text: str) -> str:
    """The generic words for a removed address, postcode or local place name."""
    if area.level == "address":
        return "the family home"  # the ADDRESS finding's own advice
    if area.level == "postcode" or _POSTCODE_SHAPE.match(text.strip()):
        return ""  # a postcode has no generic form: it is simply deleted
    for pattern, generic in _PLACE_GENERIC:
        if pattern.search(text.strip()):
            return generic
    return "the local area"


def _is_local_place(area: Detail) -> bool:
    """Finer than a town: an address, postcode, street, estate, village or named local place."""
    return LEVEL_RANK[area.level or "town"] < LEVEL_RANK["town"]


def _removal(areas: Sequence[Detail]) -> _Change | None:
    """The first rung for an address, postcode, street or estate: remove it.

    Every place finer than a town goes in one step: the hard rule ("an area smaller than a
    town with any other detail is HIGH") fires while any one of them is left, so removing
    them one at a time would never show a lower band. The area then falls back to the next
    level the document mentions (a town, a county, the board's area, else the UK).
    """
    local = sorted((a for a in areas if _is_local_place(a) and not a.fixed),
                   key=lambda a: (a.people or 0, LEVEL_RANK[a.level or "town"]))
    if not local:
        return None
    reps = tuple({"from": m.text, "to": _place_replacement(a, m.text), "paragraph": m.label}
                 for a in local for m in a.mentions if m.segment >= 0)
    left = _drop_inside([a for a in areas if a not in local], _mentions_of(local))
    fallback = _finest(left)
    first = local[0]
    shown = first.mentions[0].text if first.mentions else first.value
    return _Change("area", first.key, shown, _place_replacement(first, shown), reps, 1, None,
                   removed=tuple(local),
                   fallback=fallback.value if fallback else "the United Kingdom")


def _mentions_of(removed: Sequence[Detail]) -> list[Mention]:
    """The written mentions of the removed places (the board's area has none)."""
    return [m for d in removed for m in d.mentions if m.segment >= 0]


def _drop_inside(details: Sequence[Detail], gone: Sequence[Mention]) -> list[Detail]:
    """Details left once the `gone` spans are rewritten: a mention written inside one (the
    town in "14 Station Road, Stockport") goes with it, and a detail with no mention left
    is gone. Details with unknown positions (start -1) or no mentions are kept as they are.
    """
    spans = [(m.segment, m.start, m.start + len(m.text)) for m in gone if m.start >= 0]
    if not spans:
        return list(details)

    def inside(m: Mention) -> bool:
        end = m.start + len(m.text)
        return m.start >= 0 and any(seg == m.segment and lo <= m.start and end <= hi
                                    for seg, lo, hi in spans)

    out = []
    for d in details:
        kept = tuple(m for m in d.mentions if not inside(m))
        if not d.mentions or len(kept) == len(d.mentions):
            out.append(d)
        elif kept:
            out.append(replace(d, mentions=kept))
    return out


def _changes(details: Sequence[Detail], areas: Sequence[Detail]) -> list[_Change]:
    """Every generalisation one rung (or two, for areas and times) up its ladder."""
    out: list[_Change] = []
    area = _finest(areas)
    table, _ = _gazetteer()
    removal = _removal(areas)
    if removal is not None:
        out.append(removal)
    elif area is not None and not area.fixed:
        rungs: list[Area] = []
        known = table.get(area.value)
        if known is None:
            # A small area or an unknown town: up to the next coarser area the document names.
            coarser = sorted((a for a in areas if a is not area and (a.people or 0) > (
                area.people or 0)), key=lambda a: a.people or 0)
            if coarser:
                known = table.get(coarser[0].value)
                if known:
                    rungs.append(known)
        parent = table.get(known.parent) if known and known.parent else None
        while parent is not None and parent.level in ("county", "region") and len(rungs) < 2:
            rungs.append(parent)
            parent = table.get(parent.parent) if parent.parent else None
        for cost, target in enumerate(rungs, start=1):
            reps = tuple({"from": m.text, "to": target.name, "paragraph": m.label}
                         for m in area.mentions if m.segment >= 0)
            new_area = _area_detail(target, Mention(target.name, -1, "suggested"))
            out.append(_Change("area", area.key, area.value, target.name, reps, cost, None,
                               new_area))
    for d in details:
        if d.attribute == "time" and d.time is not None:
            t = d.time
            steps = []
            cur = t
            for _ in range(3):
                if cur.precision == "day":
                    cur = TimeValue("month", cur.year, cur.month)
                elif cur.precision in ("month", "season"):
                    cur = TimeValue("year", cur.year)
                else:
                    steps.append((None, TimeValue("year", cur.year).coarser()))
                    break
                steps.append((cur, cur.display()))
            for cost, (new_time, to_text) in enumerate(steps, start=1):
                reps = tuple({"from": m.text, "to": to_text, "paragraph": m.label}
                             for m in d.mentions if m.segment >= 0)
                new = None if new_time is None else _time_detail(new_time, d.mentions)
                shown = d.mentions[0].text if d.mentions else d.value
                out.append(_Change("time", d.key, shown, to_text, reps, cost, new))
        elif d.attribute in _GENERIC or d.attribute in ("family_size", "age"):
            if d.key in DEATH_KEYS or d.age_kind == "infant":
                continue  # a death or a baby cannot be written out of a review
            if d.rate > INDIRECT_MAX_RATE:
                continue  # "White British": shared by most people, nothing to gain
            reps = tuple({"from": m.text, "to": _replacement_text(d, m.text),
                          "paragraph": m.label} for m in d.mentions if m.segment >= 0)
            if not reps:
                continue
            first = reps[0]["to"]
            out.append(_Change(d.attribute, d.key, d.mentions[0].text, first, reps, 1, None))
    return out


def _apply(change: _Change, details: list[Detail], areas: list[Detail]
           ) -> tuple[list[Detail], list[Detail]]:
    if change.removed:
        gone = _mentions_of(change.removed)
        kept = _drop_inside([a for a in areas if a not in change.removed], gone)
        return _drop_inside(details, gone), kept
    if change.attribute == "area":
        kept = [a for a in areas if a.key != change.key]
        new = change.new_area
        assert new is not None
        if not any(a.key == new.key for a in kept):
            kept.append(new)
        return details, kept
    kept_d = [d for d in details if d.key != change.key]
    if change.new_detail is not None:
        kept_d.append(change.new_detail)
    return kept_d, areas


def suggestions(details: list[Detail], areas: list[Detail], policy: str = "ico",
                unit: str = "children") -> list[dict]:
    """A greedy plan: at each step the change that lowers the band most, then the cheapest,
    then the one that leaves most matching families. `after` includes earlier steps."""
    plan: list[dict] = []
    cur_d, cur_a = list(details), list(areas)
    band = band_for(_with_area(cur_d, cur_a), policy, unit)[0]
    for step in range(1, MAX_STEPS + 1):
        if BAND_RANK[band] <= BAND_RANK["LOW"]:
            break
        best: tuple | None = None
        for ch in _changes(cur_d, cur_a):
            nd, na = _apply(ch, cur_d, cur_a)
            b, lam, k, _ = band_for(_with_area(nd, na), policy, unit)
            score = (BAND_RANK[b], ch.cost, -min(lam, 1e18))
            if best is None or score < best[0]:
                best = (score, ch, nd, na, b, lam, k)
        if best is None:
            break
        _, ch, cur_d, cur_a, band, lam, k = best
        families = (None if not math.isfinite(lam)
                    else _family_count(lam) if lam >= 1 else _round(lam))
        text = (f"{_what(ch)}: after this change"
                f"{' (with the changes above)' if step > 1 else ''} {_families(lam, unit)}, "
                f"risk {band}")
        plan.append({"step": step, "attribute": ch.attribute, "from": ch.from_text,
                     "to": ch.to_text, "replacements": [dict(r) for r in ch.replacements],
                     "after": {"lambda": _round(lam), "kappa": _round(k), "band": band,
                               "families": families},
                     "text": text, "model": model_figures(lam, k)})
    return plan


def _what(ch: _Change) -> str:
    """The change in words: a replacement, or a removal and where the area falls back to."""
    if not ch.removed:
        return f"Replace \"{ch.from_text}\" with \"{ch.to_text}\""
    what = (f"Remove \"{ch.from_text}\"" if not ch.to_text
            else f"Remove \"{ch.from_text}\" (write \"{ch.to_text}\")")
    others = len(ch.removed) - 1
    if others:
        what += (f" and the {others} other named "
                 f"{'place' if others == 1 else 'places'} finer than a town")
    return f"{what}; the area falls back to {ch.fallback}"

