"""The frozen, typed result of `assess`: what every report reads.

`JigsawResult` is immutable (a frozen dataclass whose collections are tuples). Reports read it
through `to_dict()` (the JSON shape of `check --format json`); it is also a read-only Mapping
over that shape so that a report built from a stored JSON file and one built from a live
check read the same keys.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any


@dataclass(frozen=True)
class JigsawResult(Mapping):
    """The combination risk of one document.

    band: NONE | LOW | MEDIUM | HIGH, from κ alone; band_range: (lowest, highest) band over
    the rates' uncertainty; lam: λ, the expected number of other families (people in an adult
    review) matching every detail (None: no detail); kappa: κ = (1 − e^(−λ)) / λ; details: the
    quasi-identifiers (JSON rows); unrated: details with no sourced rate ("judge by hand").
    """

    band: str
    policy: str
    summary: str
    lam: float | None
    kappa: float
    bits: float
    band_range: tuple[str, str] = ("NONE", "NONE")
    lam_range: tuple[float | None, float | None] = (None, None)
    reasons: tuple[str, ...] = ()
    population: Mapping[str, Any] = field(default_factory=dict)
    details: tuple[Mapping[str, Any], ...] = ()
    combinations: tuple[Mapping[str, Any], ...] = ()
    suggestions: tuple[Mapping[str, Any], ...] = ()
    queries: tuple[Mapping[str, Any], ...] = ()
    unrated: tuple[Mapping[str, Any], ...] = ()
    floor: Mapping[str, Any] | None = None
    assumptions: tuple[str, ...] = ()
    appendix: Mapping[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape (a fresh copy; nothing in it aliases the result)."""
        import copy

        return copy.deepcopy(self._shape)

    @cached_property
    def _shape(self) -> dict[str, Any]:
        return {
            "band": self.band,
            "band_range": list(self.band_range),
            "policy": self.policy,
            "summary": self.summary,
            "lambda": self.lam,
            "lambda_range": list(self.lam_range),
            "kappa": self.kappa,
            "bits": self.bits,
            "reasons": list(self.reasons),
            "population": dict(self.population),
            "quasi_identifiers": [dict(d) for d in self.details],
            "unrated": [dict(d) for d in self.unrated],
            "floor": dict(self.floor) if self.floor else None,
            "combinations": [dict(c) for c in self.combinations],
            "suggestions": [dict(s) for s in self.suggestions],
            "queries": [dict(q) for q in self.queries],
            "assumptions": list(self.assumptions),
            "appendix": dict(self.appendix),
        }

    # A read-only Mapping over the JSON shape (reports read stored JSON the same way).
    def __getitem__(self, key: str) -> Any:
        return self._shape[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._shape)

    def __len__(self) -> int:
        return len(self._shape)

    def __hash__(self) -> int:
        return id(self)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, JigsawResult):
            return self is other or self._shape == other._shape
        if isinstance(other, Mapping):
            return self._shape == dict(other)
        return NotImplemented
