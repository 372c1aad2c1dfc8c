"""One frozen Config used by every command.

Sources, lowest precedence first: built-in defaults, the configuration file
(`--config FILE`, else the nearest `redactcheck.toml`, else `[tool.redactcheck]` in the
nearest `pyproject.toml`, walking up from the current folder), then command-line options.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from .errors import ConfigError
from .findings import Severity


@dataclass(frozen=True)
class EntitySettings:
    enabled: bool = True
    severity: Severity | None = None  # None: the catalogue's severity


@dataclass(frozen=True)
class Config:
    model: str | None = None  # spaCy pipeline name or path; None: best installed
    fail_on: Severity = Severity.MEDIUM
    allow: tuple[str, ...] = ()  # terms never flagged (the board, the author, partners)
    area: tuple[str, ...] = ()  # the publishing board's own area(s), e.g. "Stockport"
    known: Path | None = None  # the case's list of real identifiers (YAML or CSV)
    entities: dict[str, EntitySettings] = field(default_factory=dict)
    min_score: float = 0.4
    # Also flag common quasi-identifiers at low severity (month and year, years,
    # organisations, countries, amounts, common demographics): the thorough profile.
    quasi: bool = False
    # The review's type (redactcheck.review_type): "auto" detects it from the document;
    # cspr, sar, dhr, cpr, apr, scot-child, scot-adult, ni-cmr set it.
    review_type: str = "auto"
    source: Path | None = None  # the file the settings came from, for messages

    def entity_enabled(self, entity: str) -> bool:
        settings = self.entities.get(entity)
        return settings is None or settings.enabled

    def severity_for(self, entity: str, default: Severity) -> Severity:
        settings = self.entities.get(entity)
        if settings is not None and settings.severity is not None:
            return settings.severity
        return default

    def with_overrides(self, **overrides: Any) -> Config:
        """Command-line values win; None means "not given"."""
        given = {k: v for k, v in overrides.items() if v is not None and v != ()}
        if "allow" in given:  # the command line adds to the file's allow list
            given["allow"] = tuple(dict.fromkeys((*self.allow, *given["allow"])))
        if "area" in given:
            given["area"] = tuple(given["area"])
        if "review_type" in given:
            given["review_type"] = _review_type(given["review_type"], "--review-type")
        return replace(self, **given)


_KEYS = {f.name for f in fields(Config)} - {"source"}


def find_config_file(start: Path | None = None) -> tuple[Path, dict] | None:
    """The nearest redactcheck.toml or pyproject.toml with [tool.redactcheck]."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        candidate = folder / "redactcheck.toml"
        if candidate.is_file():
            return candidate, _read_toml(candidate)
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file():
            data = _read_toml(pyproject).get("tool", {}).get("redactcheck")
            if data is not None:
                return pyproject, data
    return None


def load_config(path: Path | None = None, start: Path | None = None) -> Config:
    if path is not None:
        if not path.is_file():
            raise ConfigError(f"{path}: configuration file not found")
        data = _read_toml(path)
        if path.name == "pyproject.toml":
            data = data.get("tool", {}).get("redactcheck", {})
        return from_mapping(data, path)
    found = find_config_file(start)
    if found is None:
        return Config()
    return from_mapping(found[1], found[0])


def from_mapping(data: dict, source: Path | None = None) -> Config:
    where = f"{source}: " if source else ""
    unknown = set(data) - _KEYS
    if unknown:
        raise ConfigError(f"{where}unknown key {sorted(unknown)[0]!r} "
                          f"(known: {', '.join(sorted(_KEYS))})")
    values: dict[str, Any] = {"source": source}
    try:
        if "model" in data:
            values["model"] = _str(data["model"], "model")
        if "fail_on" in data:
            values["fail_on"] = _severity(data["fail_on"], "fail_on")
        for key in ("allow", "area"):
            if key in data:
                values[key] = _str_list(data[key], key)
        if "known" in data:
            known = Path(_str(data["known"], "known"))
            if source is not None and not known.is_absolute():
                known = source.parent / known
            values["known"] = known
        if "min_score" in data:
            score = data["min_score"]
            if not isinstance(score, int | float) or not 0 <= score <= 1:
                raise ValueError("min_score: must be a number from 0 to 1")
            values["min_score"] = float(score)
        if "entities" in data:
            values["entities"] = _entities(data["entities"])
        if "quasi" in data:
            if not isinstance(data["quasi"], bool):
                raise ValueError("quasi: must be true or false")
            values["quasi"] = data["quasi"]
        if "review_type" in data:
            values["review_type"] = _review_type(data["review_type"], "review_type")
    except ValueError as exc:
        raise ConfigError(f"{where}{exc}") from None
    return Config(**values)


def _read_toml(path: Path) -> dict:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: not valid TOML ({exc})") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read ({exc.strerror})") from None


def _str(value: Any, key: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"{key}: must be a non-empty string")
    return value


def _str_list(value: Any, key: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ValueError(f"{key}: must be a list of strings")
    return tuple(v.strip() for v in value)


def _review_type(value: Any, key: str) -> str:
    """An id of redactcheck.review_type (aliases accepted) or "auto"."""
    from .review_type import CHOICES, normalise_choice

    if not isinstance(value, str):
        raise ValueError(f"{key}: must be one of {', '.join(CHOICES)}")
    try:
        return normalise_choice(value)
    except ValueError:
        raise ValueError(f"{key}: must be one of {', '.join(CHOICES)}, not {value!r}") from None


def _severity(value: Any, key: str) -> Severity:
    if not isinstance(value, str):
        raise ValueError(f"{key}: must be one of low, medium, high")
    try:
        return Severity.parse(value)
    except ValueError:
        raise ValueError(f"{key}: must be one of low, medium, high, not {value!r}") from None


def _entities(value: Any) -> dict[str, EntitySettings]:
    """`entities = {PERSON = {severity = "high"}, LOCATION = false}`."""
    if not isinstance(value, dict):
        raise ValueError("entities: must be a table of ENTITY = true/false or {enabled, severity}")
    out: dict[str, EntitySettings] = {}
    for name, setting in value.items():
        key = f"entities.{name}"
        if isinstance(setting, bool):
            out[name] = EntitySettings(enabled=setting)
        elif isinstance(setting, dict):
            extra = set(setting) - {"enabled", "severity"}
            if extra:
                raise ValueError(f"{key}.{sorted(extra)[0]}: unknown key (use enabled, severity)")
            enabled = setting.get("enabled", True)
            if not isinstance(enabled, bool):
                raise ValueError(f"{key}.enabled: must be true or false")
            sev = setting.get("severity")
            out[name] = EntitySettings(
                enabled=enabled,
                severity=_severity(sev, f"{key}.severity") if sev is not None else None,
            )
        else:
            raise ValueError(f"{key}: must be true, false or a table")
    return out
