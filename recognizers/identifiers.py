"""UK identifiers: NHS, National Insurance, phone, passport, driving licence, vehicle
registration, social-media handles, and case, court and police reference numbers.

Every one of these identifies a person or a case on its own, so they are high severity.
Email addresses and web addresses stay with Presidio's EmailRecognizer and UrlRecognizer
(kept offline by ``redactcheck.offline``); everything else Presidio ships for these
entities is superseded here (see ``PRESIDIO_REPLACES``) because it either misses what
drafts contain (Ofcom's drama numbers 07700 900xxx) or fires on what they must keep
(bare 10-digit numbers, section numbers).

What is flagged, and what is deliberately left alone (one example of each):

* NHS_NUMBER: ten digits that pass the mod-11 check *and* follow "NHS number", "NHS no",
  "NHS#" or "CHI" within a few words: "NHS number is 943 476 5919". A bare
  "9434765919" is left alone (one in eleven random numbers passes the check).
* NI_NUMBER: two prefix letters HMRC issues (not D, F, I, Q, U, V; not BG, GB, KN, NK,
  NT, TN, ZZ), six digits, suffix A-D, spaced or not: "AB 12 34 56 C". The specimen
  prefix QQ is flagged too (a draft copied from a form should lose it). "AB123456"
  without a suffix letter is left alone.
* PHONE_NUMBER: UK landlines, mobiles and +44/0044 forms with spaces, dashes or brackets,
  Ofcom drama ranges included: "0161 496 0123", "+44 (0)7700 900123". Left alone:
  well-known public helplines listed in ``data/public_helplines.txt`` ("0808 800 5000",
  the NSPCC helpline, is advice to readers, not a detail of the family), numbers after
  ISBN/ISSN/DOI/page markers, dates ("01.06.2015"), year ranges and 24-hour times.
* PASSPORT_NUMBER: nine digits (or two letters and seven digits) with "passport" a few
  words before: "passport number 123456789". "123456789" alone is left alone.
* DRIVING_LICENCE: the 16-character DVLA number whose month and day fields are valid:
  "MORGA753116SM9IJ". A 16-character code with month 13 is left alone.
* VEHICLE_REGISTRATION: current-format marks "AB12 CDE" anywhere (the shape is
  distinctive); older prefix/suffix marks ("A123 BCD", "ABC 123D") only after
  "registration", "reg", "vehicle", "car", "van", "number plate". "B12 ABC" without such
  a word is left alone (it is also a grid reference, a vitamin, a form).
* SOCIAL_MEDIA_HANDLE: "@kayleigh_m99", and names after a platform ("Snapchat:
  kayleigh99", "TikTok user kayleigh99"). Left alone: email addresses, "meet @ 3pm",
  "@3pm", and ordinary words after a platform name ("on Snapchat and Instagram").
* REFERENCE_NUMBER: family court numbers ("MA15C00432"), review numbers ("SCR 2015/07"),
  letter/number/year codes ("CR/12345/15"), and code-like numbers after a reference word
  ("crime ref 06/123456/15", "case number 12345678", "log 1234 of 21/06/2015",
  "application no. 36244/06"). Left alone: section numbers ("6.4.10"), statute citations
  ("Section 47 of the Children Act 1989"), years, dates, page numbers, ISBNs.
  Also, by shape alone: letter and digit groups joined by "-" or "/" ("AB-CD-22-0916",
  "XY23-041175", "A12/34"; capitals only, three digits or more, see ``joined_code_ok``:
  not "ICD-10", "COVID-19", "PHQ-9", "Y10-Y13", "A40/M4", "FY2023-24", "11-JUN-2023",
  "DHR-2022") and police crime numbers "12/345678/23"; after a record system's name
  ("Mosaic", "LCS", "WCCIS", "SWIFT", "Liquidlogic", "EMIS", "SystmOne", "Niche", "PNC",
  "UPN", "MRN", "hospital number", "Client ID"; Welsh "cyfeirnod", "rhif achos"), any code;
  after a licence or badge word, "ABC 4471".
* Police operation names: "Operation Thistledown", "Op Thistledown", "OPERATION THISTLEDOWN" are
  case references. Left alone: "operation" in lower case (surgery), ordinary nouns after
  it ("Operation Theatre"), and national schemes, which identify nobody: a short list of
  nationally used ones (Encompass, Sceptre, Hydrant, Soteria, ...) and any "Operation X"
  followed by "scheme", "notification", "programme", "guidance" and similar words.
* NHS_NUMBER also covers Scotland's CHI number (after "CHI") and Northern Ireland's Health
  and Care Number (after "Health and Care Number", "H&C number", "HCN"; same mod-11
  check, issued from 320 000 000 1 to 399 999 999 9); the explanation names the scheme.
  Digit groups may be separated by no-break or thin spaces.

``document_pass`` adds what has no words around it: a bare 5-10 digit number (or one with
a capitals prefix, "AB1234567") in a header, footer or document property, or a bare 6-10
digit number alone in a short table cell, is a system id. Not a phone number, helpline,
eight-digit date, one group of a spaced number, a number after a charity, company, ISBN,
version or page word, or a number in an Office/SharePoint internal custom property.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from presidio_analyzer import EntityRecognizer, RecognizerResult

from redactcheck.config import Config
from redactcheck.cues import month_number, welsh_mutations

from . import read_word_list

PRESIDIO_REPLACES = (
    "NhsRecognizer",
    "UkNinoRecognizer",
    "PhoneRecognizer",
    "UkPassportRecognizer",
    "UkDrivingLicenceRecognizer",
    "UkVehicleRegistrationRecognizer",
)

RECOGNIZER_NAME = "UkIdentifierRecognizer"

# A separator inside a phone number: one space (no-break and thin spaces too) or dash (never
# a newline, slash or dot, which belong to dates, references and section numbers).
_SEP = r"(?:[^\S\n]|-)?"

# --------------------------------------------------------------------------- patterns

_NHS = re.compile(
    rf"(?<![\w/.-])(\d{{3}}){_SEP}(\d{{3}}){_SEP}(\d{{4}})(?![\w/-]|\.\d)"
)
_NHS_CONTEXT = re.compile(
    r"\b(?:NHS|CHI)\s*(?:number|num|no\b\.?|#|id\b)|\bNHS#|\bCHI\b", re.IGNORECASE
)
_CHI_CONTEXT = re.compile(r"\bCHI\b", re.IGNORECASE)
# Northern Ireland's Health and Care Number: same mod-11 check, issued from 320 000 000 1
# to 399 999 999 9.
_HCN_CONTEXT = re.compile(
    r"\b(?:health\s*(?:and|&|\+)\s*care|H\s*(?:&|\+|and)\s*C)\s*(?:number|num|no\b\.?|#)"
    r"|\bHCN\b",
    re.IGNORECASE,
)

_NINO = re.compile(
    r"\b(?!BG|GB|KN|NK|NT|TN|ZZ)(?:[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]|QQ)"
    r"[^\S\n]?\d{2}[^\S\n]?\d{2}[^\S\n]?\d{2}[^\S\n]?[A-D]\b"
)

_PHONE = re.compile(
    r"(?<![\w+/.])"
    rf"(?:(?:\+|\b00)44{_SEP}(?:\(0\){_SEP})?\(?[1-9]\d{{0,4}}\)?|\(?0[1-9]\d{{0,4}}\)?)"
    rf"(?:{_SEP}\d{{2,6}}){{1,3}}"
    r"(?![\w/]|[.,]\d)"
)
_PHONE_SKIP_CONTEXT = re.compile(
    r"(?:\bISBN|\bISSN|\bdoi|\bpp?\.|\bpages?|\bNHS\s*(?:number|no)|\bCHI)[\s:#-]*$",
    re.IGNORECASE,
)

_PASSPORT = re.compile(
    r"(?<![\w/-])(?:\d{3}[^\S\n]?\d{3}[^\S\n]?\d{3}|[A-Z]{2}\d{7})(?![\w/-])"
)
_PASSPORT_CONTEXT = re.compile(r"\bpassport", re.IGNORECASE)

_LICENCE = re.compile(
    r"\b[A-Z9]{5}[^\S\n]?(\d)(\d)(\d)(\d)(\d)(\d)[^\S\n]?"
    r"[A-Z9]{2}\d[A-Z]{2}(?:[^\S\n]?\d{2})?\b"
)

# Current marks: memory tag (no I, Q, Z), age identifier 02-75, three random letters.
_VRM_CURRENT = re.compile(r"\b[A-HJ-PR-Y]{2}(?:0[2-9]|[1-7]\d)[^\S\n]?[A-HJ-PR-Z]{3}\b")
_VRM_OLD = re.compile(
    r"\b(?:[A-HJ-NPR-TV-Y]\d{1,3}[^\S\n]?[A-HJ-PR-Y][A-HJ-PR-Z]{2}"
    r"|[A-HJ-PR-Z]{3}[^\S\n]?\d{1,3}[^\S\n]?[A-HJ-NPR-TV-Y])\b"
)
_VRM_CONTEXT = re.compile(
    r"\b(?:registration|reg(?:\.|istered)?|vrm|vehicle|car|van|motorbike|motorcycle|"
    r"number\s*plates?|plates?)\b",
    re.IGNORECASE,
)

_HANDLE_AT = re.compile(
    r"(?<![\w@.])@([A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?)(?![\w@]|\.\w)"
)
_TIME_LIKE = re.compile(r"^\d{1,2}(?:[ap]m|\d{2})?$", re.IGNORECASE)
_PLATFORM = re.compile(
    r"\b(?P<platform>Snapchat|Snap|Instagram|Insta|TikTok|Facebook|Twitter|YouTube|Twitch|"
    r"Discord|Kik|Telegram|Threads|Reddit|Roblox|Xbox(?:\s+Live)?|PSN|Steam|OnlyFans)"
    r"(?P<link>(?:\s+(?:user(?:name)?|name|handle|account|profile|id|gamertag))?\s*"
    r"(?:[:\-\u2013=]|\bcalled\b|\bnamed\b|\bas\b|\bwas\b|\bis\b)?\s*)"
    r"[\"'\u2018\u201c]?(?P<handle>@?[A-Za-z0-9_](?:[A-Za-z0-9_.]{1,28}[A-Za-z0-9_]))"
)
# What makes the next word a name: "user", "username", "handle", "name", a colon,
# "called"/"named". "Snapchat account belonging to..." has none of them.
_PLATFORM_LINK_WORDS = re.compile(
    r"\b(?:user(?:name)?|handle|name|gamertag|called|named)\b|[:=]", re.IGNORECASE
)
# Ordinary words that follow a platform name ("on Snapchat and ...") are no handle.
_COMMON_WORDS = frozenset((
    "and", "or", "but", "the", "a", "an", "to", "of", "on", "in", "at", "by", "for", "with",
    "from", "was", "is", "were", "be", "been", "being", "as", "that", "this", "these", "those",
    "it", "its", "he", "she", "they", "them", "his", "her", "their", "him", "account",
    "accounts", "profile", "profiles", "page", "group", "groups", "messages", "message",
    "messaging", "chat", "chats", "app", "apps", "story", "stories", "video", "videos", "post",
    "posts", "photos", "photo", "images", "live", "user", "users", "friends", "friend",
    "contact", "contacts", "where", "which", "who", "when", "while", "also", "too", "then",
    "had", "has", "have", "would", "could", "will", "did", "does", "said", "sent", "posted",
    "shared", "messaged", "named", "called", "not", "there", "here",
))

_COURT_NUMBER = re.compile(r"\b[A-Z]{2}\d{2}[A-Z]\d{5}\b")
_REVIEW_NUMBER = re.compile(
    r"\b(?:SCR|CSPR|LCSPR|DHR|SAR|SILP|LLR|MARAC)\s*(?:no\.?|number|ref\.?)?\s*[:#]?\s*"
    r"\d{2,4}\s?[/-]\s?\d{1,4}\b"
)
# Police crime numbers: "12/345678/23" (force or unit, serial, year); the middle group is
# longer than a day or month, so "01/06/2015" is no crime number.
_CRIME_NUMBER = re.compile(r"(?<![\w/.-])\d{1,3}/(?P<serial>\d{4,8})/\d{2,4}(?![\w/]|[.-]\d)")
_SLASH_CODE = re.compile(r"\b[A-Z]{2,5}/\d{3,8}(?:/\d{2,4})?\b")
_LOG_OF_DATE = re.compile(
    r"\b(?:log|incident|serial|CAD)\s*(?:no\.?|number|ref\.?)?\s*[:#]?\s*"
    r"(?P<ref>\d{2,6}\s+of\s+\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4})\b",
    re.IGNORECASE,
)
# Case-management and clinical record systems whose number is a person's record id.
_SYSTEM_WORDS = (
    r"mosaic|wccis|swift|lcs|liquidlogic|eclipse|carefirst|care\s*first|frameworki|azeus|"
    r"paris|rio|emis|systmone|systm\s*one|lorenzo|cerner|ehcr|ehm|servelec|mrn|id|uid|"
    # Police records, call handling and national indices; pupil numbers.
    r"niche|athena|storm|pnc|pnd|cro|upn|uln"
)
# A code-like token: digits, letters, / and - with at least three digits in a row.
_CODE = re.compile(
    r"(?<![\w/.-])(?=[A-Za-z0-9/-]*\d{3})[A-Za-z0-9](?:[A-Za-z0-9/-]{1,24}[A-Za-z0-9])?"
    r"(?![\w/]|[.-]\w)"
)
# Welsh: "cyfeirnod" (reference), "rhif" (number), "achos" (case), "heddlu" (police),
# "llys" (court), "ysbyty" (hospital), with their mutated forms ("chyfeirnod", "rif").
def _welsh(*words: str) -> str:
    return "|".join(sorted({m for w in words for m in welsh_mutations(w)}, key=len, reverse=True))


_WELSH_REF = _welsh("cyfeirnod")
_WELSH_WEAK = _welsh("achos", "heddlu", "llys", "ysbyty")
_WELSH_NUMBER = _welsh("rhif")
_REF_STRONG = re.compile(
    rf"\b(?:ref|reference|refs|urn|crn|log|serial|cad|docket|{_WELSH_REF}|{_SYSTEM_WORDS})\b\.?"
    r"|\b(?:hospital|unit|client|person|patient|record|case)\s*(?:no\b\.?|number|id\b)",
    re.IGNORECASE,
)
# A capitals word right before a code ("KRX 41/2207"); not an id scheme's own name.
_CAPS_PREFIX = re.compile(r"(?<![\w/-])([A-Z]{2,5})[^\S\n]$")
_NOT_PREFIXES = frozenset(("NHS", "CHI", "SI", "ISBN", "ISSN", "NI", "HCN", "PNC", "PND", "UK",
                           "CRO", "UPN", "ULN"))
_REF_WEAK = re.compile(
    r"\b(?:crime|incident|police|case|court|claim|file|application|occurrence|job|"
    r"proceedings|index|custody|hospital|unit|patient|client|hearing|sheriff|warrant|"
    rf"system|record|{_WELSH_WEAK})\b", re.IGNORECASE
)
_NUMBER_WORD = re.compile(
    rf"(?:\bno\b\.?|\bnos\b\.?|\bnumbers?\b|\bnum\b|#|\b(?:{_WELSH_NUMBER})\b)", re.IGNORECASE
)
_DATE_LIKE = re.compile(r"^\d{1,2}[/-]\d{1,2}[/-](?:\d{2}|\d{4})$")
_YEAR_LIKE = re.compile(r"^(?:1[89]|20)\d{2}(?:[/-](?:1[89]|20)?\d{2})?$")
# "application no. 36244/06", "(nos. 26480/95, 28291/95 and 29280/95)": court application
# numbers after "no."/"nos.", the whole list.
_APPLICATION_NO = re.compile(r"\bnos?\.\s*(?=\d{3,6}/\d{2}\b)")
_APPLICATION_ITEM = re.compile(r"(?:,\s*|\s+and\s+|\s*)(?P<ref>\d{3,6}/\d{2})\b")

# Letters and digits joined by hyphens or slashes: "AB-CDE-22-0916", "AB/CD/23/442",
# "XY23-041175", "ABC-0049317", "A12/34". Validated by `joined_code_ok`.
_JOINED = re.compile(
    r"(?<![\w/.&-])[A-Za-z0-9]{1,12}(?:[/-][A-Za-z0-9]{1,12}){1,5}(?![\w/&]|[.-]\w)"
)
# Prefixes of standards, classifications and scales, not of records: "ICD-10", "ISO-27001",
# "COVID-19", "PHQ-9", "DSM-5", "BS-EN-1176", "SI-2015/1234".
_STANDARD_PREFIXES = frozenset((
    "ISO", "ICD", "BS", "EN", "IEC", "COVID", "SARS", "MERS", "DSM", "PHQ", "GAD", "SI", "HIV",
    "EPDS", "CORE", "ACE", "ACES", "KS", "NVQ", "BTEC", "GCSE", "IQ", "MK", "IPV", "SDQ",
    "CAMHS", "HCPC", "NICE", "CG", "NG", "QS", "PH", "CKS", "UN", "UNCRC", "ECHR", "WHO",
    "NHS",
))
_GUID = re.compile(r"^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$", re.I)
# A road number ("A40/M4"), a school year or key stage range ("Y10-Y13", "P1-P7").
_ROAD = re.compile(r"^(?:[ABM]\d{1,4}M?|J\d{1,2})$")
# A period: financial year, quarter, half, month ("FY2023-24", "Q1-2024", "MAR23-APR23").
_PERIOD = re.compile(r"^(?:FY|Q[1-4]$|H[12]$)|^(?P<letters>[A-Z]{3,9})\d{2,4}$")
_LETTER_NUMBER = re.compile(r"^([A-Z]{1,2})\d{1,2}$")
_YEAR_GROUP = re.compile(r"^(?:19|20)\d{2}$")

# Letters, a space, digits after a licence/badge cue: "badge ABC 4471", "licence XY 12345".
_LETTERS_DIGITS = re.compile(r"(?<![\w/-])[A-Z]{1,4}[^\S\n]?\d{3,8}(?![\w/-])")
_BADGE_CONTEXT = re.compile(
    r"\b(?:badge|licen[cs]e[ds]?|permit|plate|collar|shoulder|warrant|driver)\b", re.IGNORECASE
)

# Police operation names: "Operation Thistledown", "Op Thistledown", "OPERATION THISTLEDOWN".
_OPERATION = re.compile(
    r"\b(?:Operation|OPERATION|Op\.?)[^\S\n]+(?P<name>[A-Z][a-z]{2,}|[A-Z]{3,})\b"
    r"(?P<after>[^\S\n]+[A-Za-z]+)?"
)
# Nationally used schemes named as police operations: a programme, not a case.
_NATIONAL_OPERATIONS = frozenset((
    "encompass", "sceptre", "hydrant", "soteria", "yewtree", "bluebell", "christmas",
))
# The word after the name that makes it a programme: "Operation X scheme".
_SCHEME_WORDS = frozenset((
    "scheme", "schemes", "notification", "notifications", "programme", "programmes", "program",
    "initiative", "model", "approach", "protocol", "protocols", "alert", "alerts", "process",
    "procedure", "partnership", "training", "guidance", "framework", "network", "officers",
    "officer", "team", "teams", "champion", "champions", "lead", "leads", "key", "keys",
    "arrangements", "pilot", "referrals", "referral",
))
# Capitalised words after "Operation" that are ordinary nouns (a surgical operation).
_OPERATION_NOT_NAMES = frozenset((
    "theatre", "theatres", "notes", "note", "date", "dates", "name", "names", "room", "team",
    "manager", "details", "type", "code", "report", "lead", "plan", "centre", "site",
    "number", "record", "records", "summary", "log", "list", "and", "of", "the", "on", "in",
    "to", "for", "at", "was", "is", "had", "has", "with", "under", "order", "orders",
    "consent", "scar", "wound", "site", "waiting", "day", "list", "unit", "ward",
))


# --------------------------------------------------------------------------- helpers

_CLAUSE_END = re.compile(
    r"(?:(?<!\bno)(?<!\bnos)(?<!\bref)(?<!\breg)(?<!\btel)(?<!\bnum)[.!?]|[;\n])\s",
    re.IGNORECASE,
)


def words_before(text: str, start: int, words: int = 5) -> str:
    """Up to `words` words before `start`, not reaching back past a sentence or clause end.

    A full stop after "no", "ref", "reg", "tel" is an abbreviation, not a sentence end.
    """
    window = text[max(0, start - 60):start]
    ends = [m.end() for m in _CLAUSE_END.finditer(window)]
    if ends:
        window = window[ends[-1]:]
    return " ".join(window.split()[-words:])


def nhs_checksum_ok(digits: str) -> bool:
    """The NHS number mod-11 check (weights 10..2; check digit 10 is never issued)."""
    if len(digits) != 10 or not digits.isdigit():
        return False
    total = sum(int(d) * w for d, w in zip(digits[:9], range(10, 1, -1), strict=True))
    check = 11 - total % 11
    if check == 11:
        check = 0
    return check != 10 and check == int(digits[9])


def is_ni_health_and_care_number(digits: str) -> bool:
    """Northern Ireland's Health and Care Number: the NHS mod-11 check, and issued only
    from 320 000 000 1 to 399 999 999 9."""
    return (nhs_checksum_ok(digits)
            and 3_200_000_001 <= int(digits) <= 3_999_999_999)


def joined_code_ok(code: str) -> bool:
    """Letters and digits joined by '-' or '/' that look like a record reference.

    At least one group with a letter and one with a digit, three digits or more, letters in
    capitals; not a standard or scale ("ICD-10", "COVID-19", "PHQ-9"), a GUID, a road
    ("A40/M4"), a year or key-stage range ("Y10-Y13"), a date ("11-JUN-2023") or a letter
    group with a bare year ("DHR-2022").
    """
    groups = re.split(r"[/-]", code)
    if len(groups) < 2 or not all(groups):
        return False
    if sum(c.isdigit() for c in code) < 3:
        return False
    if not any(any(c.isalpha() for c in g) for g in groups):
        return False
    if not any(any(c.isdigit() for c in g) for g in groups):
        return False
    if any(c.islower() for c in code) or _GUID.match(code):
        return False
    if groups[0] in _STANDARD_PREFIXES:
        return False
    period = _PERIOD.match(groups[0])
    if period and (not period.group("letters") or month_number(period.group("letters"))):
        return False
    if all(_ROAD.match(g) for g in groups):
        return False
    prefixes = {m.group(1) for g in groups if (m := _LETTER_NUMBER.match(g))}
    if len(prefixes) == 1 and all(_LETTER_NUMBER.match(g) for g in groups):
        return False
    if any(month_number(g) for g in groups if g.isalpha()):
        return False
    digit_groups = [g for g in groups if any(c.isdigit() for c in g)]
    return not (len(groups) == 2 and all(_YEAR_GROUP.match(g) for g in digit_groups))


def national_phone_digits(raw: str) -> str:
    """The number as dialled inside the UK: "+44 (0)161 496 0123" -> "01614960123"."""
    raw = raw.replace("(0)", "")
    digits = re.sub(r"\D", "", raw)
    if raw.lstrip("( ").startswith("+44"):
        return "0" + digits[2:]
    if digits.startswith("0044"):
        return "0" + digits[4:]
    return digits


def valid_uk_number(digits: str) -> bool:
    """UK numbering plan lengths: 07/02/03/05/08/09 have 11 digits, 01 has 10 or 11."""
    if not digits.startswith("0") or len(digits) not in (10, 11):
        return False
    kind = digits[1]
    if kind == "1":
        return True
    if kind in "2357":
        return len(digits) == 11
    # 0800 555 111 (10 digits) and 0808 800 5000 (11) both exist.
    return kind in "89"


@functools.cache
def _load_helplines() -> frozenset[str]:
    return frozenset(re.sub(r"\D", "", line.split("|")[0]) for line in
                     read_word_list("public_helplines.txt"))


# --------------------------------------------------------------------------- recogniser

@dataclass(frozen=True)
class Hit:
    entity: str
    start: int
    end: int
    score: float
    explanation: str
    guidance: str | None = None


class UkIdentifierRecognizer(EntityRecognizer):
    """Finds UK identifiers with precompiled patterns, checksums and nearby context words.

    See the module docstring for what each entity covers and leaves alone.
    """

    ENTITIES = (
        "NHS_NUMBER", "NI_NUMBER", "PHONE_NUMBER", "PASSPORT_NUMBER", "DRIVING_LICENCE",
        "VEHICLE_REGISTRATION", "SOCIAL_MEDIA_HANDLE", "REFERENCE_NUMBER",
    )

    def __init__(self, helplines: frozenset[str] | None = None) -> None:
        self.helplines = _load_helplines() if helplines is None else helplines
        self._finders: tuple[Callable[[str], Iterator[Hit]], ...] = (
            self._nhs, self._nino, self._phone, self._passport, self._licence,
            self._vehicle, self._handles, self._references,
        )
        super().__init__(supported_entities=list(self.ENTITIES), name=RECOGNIZER_NAME,
                         supported_language="en")

    def load(self) -> None:  # patterns are compiled at import
        pass

    def analyze(self, text: str, entities: list[str], nlp_artifacts=None) -> list[RecognizerResult]:
        wanted = set(entities or self.ENTITIES)
        results = []
        for finder in self._finders:
            for hit in finder(text):
                if hit.entity not in wanted:
                    continue
                meta = {
                    RecognizerResult.RECOGNIZER_NAME_KEY: RECOGNIZER_NAME,
                    RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
                    "explanation": hit.explanation,
                }
                if hit.guidance:
                    meta["guidance"] = hit.guidance
                results.append(RecognizerResult(hit.entity, hit.start, hit.end, hit.score,
                                                recognition_metadata=meta))
        return results

    def find(self, text: str) -> list[Hit]:
        """All hits in `text` (for tests and the benchmark, without Presidio)."""
        return [hit for finder in self._finders for hit in finder(text)]

    # -- one finder per entity ---------------------------------------------------------

    def _nhs(self, text: str) -> Iterator[Hit]:
        for m in _NHS.finditer(text):
            digits = "".join(m.groups())
            if not nhs_checksum_ok(digits):
                continue
            before = words_before(text, m.start(), 5)
            if _HCN_CONTEXT.search(before) and is_ni_health_and_care_number(digits):
                yield Hit("NHS_NUMBER", m.start(), m.end(), 1.0,
                          "Northern Ireland Health and Care Number (mod-11 check, "
                          "320 000 000 1 - 399 999 999 9) after 'Health and Care Number'")
            elif _NHS_CONTEXT.search(before):
                scheme = ("Scottish CHI number" if _CHI_CONTEXT.search(before)
                          and not re.search(r"\bNHS\b", before, re.I) else "NHS number")
                yield Hit("NHS_NUMBER", m.start(), m.end(), 1.0,
                          f"ten digits passing the mod-11 check after '{scheme}'")

    def _nino(self, text: str) -> Iterator[Hit]:
        for m in _NINO.finditer(text):
            yield Hit("NI_NUMBER", m.start(), m.end(), 0.9,
                      "National Insurance number format (valid prefix and suffix letters)")

    def _phone(self, text: str) -> Iterator[Hit]:
        for m in _PHONE.finditer(text):
            start, end = m.start(), m.end()
            raw = m.group()
            if raw.startswith("(") and ")" not in raw:
                start += 1
            if _PHONE_SKIP_CONTEXT.search(text[max(0, start - 20):start]):
                continue
            digits = national_phone_digits(text[start:end])
            if not valid_uk_number(digits) or digits in self.helplines:
                continue
            # Non-geographic numbers are usually organisations; still worth a look.
            score = 0.8 if digits[1] in "127" else 0.6
            yield Hit("PHONE_NUMBER", start, end, score, "UK telephone number format")

    def _passport(self, text: str) -> Iterator[Hit]:
        for m in _PASSPORT.finditer(text):
            if _PASSPORT_CONTEXT.search(words_before(text, m.start(), 5)):
                yield Hit("PASSPORT_NUMBER", m.start(), m.end(), 0.85,
                          "passport number format after the word 'passport'")

    def _licence(self, text: str) -> Iterator[Hit]:
        for m in _LICENCE.finditer(text):
            _, m1, m2, d1, d2, _ = (int(g) for g in m.groups())
            month = (m1 % 5) * 10 + m2  # +5 on the first month digit marks a woman
            day = d1 * 10 + d2
            if m1 in (0, 1, 5, 6) and 1 <= month <= 12 and 1 <= day <= 31:
                yield Hit("DRIVING_LICENCE", m.start(), m.end(), 0.9,
                          "DVLA driving licence number format")

    def _vehicle(self, text: str) -> Iterator[Hit]:
        for m in _VRM_CURRENT.finditer(text):
            yield Hit("VEHICLE_REGISTRATION", m.start(), m.end(), 0.75,
                      "current UK registration mark format (AB12 CDE)")
        for m in _VRM_OLD.finditer(text):
            if _VRM_CONTEXT.search(words_before(text, m.start(), 5)):
                yield Hit("VEHICLE_REGISTRATION", m.start(), m.end(), 0.7,
                          "older UK registration mark after a vehicle word")

    def _handles(self, text: str) -> Iterator[Hit]:
        seen: set[int] = set()
        for m in _HANDLE_AT.finditer(text):
            name = m.group(1)
            if _TIME_LIKE.match(name) or not any(c.isalpha() for c in name):
                continue
            seen.add(m.start())
            yield Hit("SOCIAL_MEDIA_HANDLE", m.start(), m.end(), 0.8,
                      "@handle", "Remove it; say \"a social media account\".")
        for m in _PLATFORM.finditer(text):
            handle = m.group("handle")
            start = m.start("handle")
            if start in seen or handle.lower() in _COMMON_WORDS:
                continue
            linked = bool(_PLATFORM_LINK_WORDS.search(m.group("link")))
            quoted = start > 0 and text[start - 1] in "\"'\u2018\u201c"
            distinctive = any(c.isdigit() or c in "_." for c in handle) or handle.startswith("@")
            # "on Snapchat and Instagram": an ordinary word after the platform is no handle.
            if not (distinctive or quoted or linked):
                continue
            yield Hit("SOCIAL_MEDIA_HANDLE", start, m.end("handle"), 0.75,
                      f"account name after {m.group('platform')}",
                      "Remove it; say \"a social media account\".")

    def _references(self, text: str) -> Iterator[Hit]:
        guidance = "Remove it; say \"care proceedings were issued\" or \"the police record\"."
        spans: list[tuple[int, int]] = []

        def hit(start: int, end: int, score: float, why: str) -> Hit:
            spans.append((start, end))
            return Hit("REFERENCE_NUMBER", start, end, score, why, guidance)

        def free(start: int, end: int) -> bool:
            return not any(s < end and start < e for s, e in spans)

        # The whole joined code first, so "AB/CDE/2022/03" is not cut to "CDE/2022/03".
        for m in _JOINED.finditer(text):
            if joined_code_ok(m.group()):
                yield hit(m.start(), m.end(), 0.75,
                          "reference shape: letter and digit groups joined by - or /")
        for m in _CRIME_NUMBER.finditer(text):
            if free(m.start(), m.end()) and not _YEAR_GROUP.match(m.group("serial")):
                yield hit(m.start(), m.end(), 0.7, "police crime number shape (nn/serial/yy)")
        for m in _COURT_NUMBER.finditer(text):
            if free(m.start(), m.end()):
                yield hit(m.start(), m.end(), 0.85, "family court case number format")
        for m in _REVIEW_NUMBER.finditer(text):
            if free(m.start(), m.end()):
                yield hit(m.start(), m.end(), 0.8, "review reference number")
        for m in _SLASH_CODE.finditer(text):
            if free(m.start(), m.end()):
                yield hit(m.start(), m.end(), 0.75, "letters/number/year reference format")
        for m in _LOG_OF_DATE.finditer(text):
            # Wins over the date inside it: the log number alone is meaningless.
            if free(m.start("ref"), m.end("ref")):
                yield hit(m.start("ref"), m.end("ref"), 0.95, "police log number with its date")
        for m in _APPLICATION_NO.finditer(text):
            pos = m.end()
            while item := _APPLICATION_ITEM.match(text, pos):
                if free(item.start("ref"), item.end("ref")):
                    yield hit(item.start("ref"), item.end("ref"), 0.8, "application number")
                pos = item.end()
        for m in _OPERATION.finditer(text):
            name = m.group("name")
            after = (m.group("after") or "").strip().lower()
            if name.lower() in _OPERATION_NOT_NAMES or name.lower() in _NATIONAL_OPERATIONS:
                continue
            if after in _SCHEME_WORDS:
                continue
            yield hit(m.start(), m.end("name"), 0.8, "police operation name")
        for m in _LETTERS_DIGITS.finditer(text):
            if free(m.start(), m.end()) and _BADGE_CONTEXT.search(
                    words_before(text, m.start(), 4)):
                yield hit(m.start(), m.end(), 0.75, "licence or badge number")
        for m in _CODE.finditer(text):
            if any(s < m.end() and m.start() < e for s, e in spans):
                continue
            # "ref 0161 496 0123": one group of a spaced number is no reference.
            if re.match(r"[^\S\n]\d", text[m.end():m.end() + 2]) or (
                    m.start() >= 2 and re.match(r"\d[^\S\n]", text[m.start() - 2:m.start()])):
                continue
            code = m.group()
            if re.split(r"[/-]", code)[0].upper() in _STANDARD_PREFIXES:
                continue
            if _DATE_LIKE.match(code) or _YEAR_LIKE.match(code):
                continue
            if code.isdigit() and len(code) < 4:
                continue
            before = words_before(text, m.start(), 5)
            if _NHS_CONTEXT.search(before) or re.search(r"\bISBN|\bISSN|passport", before, re.I):
                continue
            strong = _REF_STRONG.search(before)
            weak = _REF_WEAK.search(before) and _NUMBER_WORD.search(before)
            if strong or weak:
                # "KRX 41/2207", "COP 12345678": a capitals prefix is part of the reference.
                start = m.start()
                # "SI 2015/1234", "S.I. 2010/959": a statutory instrument, not a reference.
                if re.search(r"\bS\.?I\.?[^\S\n]$", text[max(0, start - 6):start]):
                    continue
                prefix = _CAPS_PREFIX.search(text, max(0, start - 8), start)
                if prefix and prefix.group(1) not in _NOT_PREFIXES and not (
                        _REF_STRONG.fullmatch(prefix.group(1))):
                    start = prefix.start(1)
                yield hit(start, m.end(), 0.8, "number after a reference word")


def build(config: Config) -> list[EntityRecognizer]:
    return [UkIdentifierRecognizer()]


# --------------------------------------------------------------------------- document pass

# Places where a bare number has no sentence around it: a system id in a header or footer
# ("OFFICIAL | Child B | 1234567"), a property value, a short table cell.
_BARE_KINDS = frozenset(("header", "footer", "property"))
_BARE_NUMBER = re.compile(r"(?<![\w.,/:£$€#%+-])\d{5,10}(?![\w%£$€]|[.,:/-]\d)")
# A capitals prefix or suffix on the digits: "AB1234567", "1234567X".
_BARE_CODE = re.compile(
    r"(?<![\w.,/:£$€#%+&-])(?:(?P<prefix>[A-Z]{1,4})\d{5,10}|\d{5,10}[A-Z]{1,2})"
    r"(?![\w%£$€&]|[.,:/-]\w)"
)
# Numbers that are not a person's or a case's: charity and company numbers, ISBNs, versions.
_BARE_SKIP_CONTEXT = re.compile(
    r"\b(?:charity|charities|company|companies|registered|VAT|ISBN|ISSN|version|ver|v|"
    r"page|pages|tel|telephone|phone|fax|helpline|call|text|copyright|licence|OGL|words?)\b"
    r"[\s.:#]*(?:no\b\.?|number)?[\s.:#]*$",
    re.IGNORECASE,
)
_TABLE_CELL_MAX = 40
# Custom properties Office, SharePoint and labelling tools write for themselves
# ("_AdHocReviewCycleID", "MSIP_Label_..._SetDate", "ContentTypeId", "Order"): their numbers
# are the document's own, not the family's.
_INTERNAL_PROPERTY = re.compile(
    r"^Custom property: (?:_|MSIP_|ContentType|TaxCatchAll|Order$|TemplateUrl|xd_|"
    r"ComplianceAsset|MediaService|[0-9a-f]{16,}$)",
    re.IGNORECASE,
)


def _date_digits(digits: str) -> bool:
    """Eight digits that read as YYYYMMDD or DDMMYYYY."""
    if len(digits) != 8:
        return False
    for y, mo, d in ((digits[:4], digits[4:6], digits[6:]), (digits[4:], digits[2:4], digits[:2])):
        if 1900 <= int(y) <= 2099 and 1 <= int(mo) <= 12 and 1 <= int(d) <= 31:
            return True
    return False


def bare_reference_spans(text: str, kind: str, helplines: frozenset[str] = frozenset()
                         ) -> list[tuple[int, int]]:
    """Bare 5-10 digit numbers in a header, footer, property or short table cell: not a
    phone number, a helpline, a date written as eight digits, or a number after a charity,
    company, ISBN, version or page word."""
    if kind == "table":
        if len(text.strip()) > _TABLE_CELL_MAX:
            return []
        low = 6
    elif kind in _BARE_KINDS:
        low = 5
    else:
        return []
    spans = []
    for m in _BARE_NUMBER.finditer(text):
        digits = m.group()
        if len(digits) < low or digits in helplines or _date_digits(digits):
            continue
        if digits.startswith("0") and valid_uk_number(digits):
            continue
        # One group of a spaced number ("01632 960123", "0 11 271 1234 5").
        if re.match(r"[^\S\n]\d", text[m.end():m.end() + 2]) or re.search(
                r"\d[^\S\n]$", text[max(0, m.start() - 2):m.start()]):
            continue
        if _BARE_SKIP_CONTEXT.search(text[max(0, m.start() - 30):m.start()]):
            continue
        spans.append(m.span())
    if kind in _BARE_KINDS:
        for m in _BARE_CODE.finditer(text):
            if m.group("prefix") and m.group("prefix") in _STANDARD_PREFIXES:
                continue
            if _BARE_SKIP_CONTEXT.search(text[max(0, m.start() - 30):m.start()]):
                continue
            spans.append(m.span())
    return spans


def document_pass(segments, findings, config: Config) -> list:
    """Bare system ids where no words surround them (headers, footers, properties, short
    table cells): body text needs a reference word (see ``_references``)."""
    from redactcheck.analysis import make_finding

    helplines = _load_helplines()
    covered: dict[int, list[tuple[int, int]]] = {}
    for f in findings:
        covered.setdefault(f.segment_index, []).append((f.location.start, f.location.end))
    out = []
    for index, segment in enumerate(segments):
        if segment.kind not in _BARE_KINDS and segment.kind != "table":
            continue
        if segment.kind == "property" and _INTERNAL_PROPERTY.search(segment.label):
            continue
        taken = covered.get(index, [])
        for start, end in bare_reference_spans(segment.text, segment.kind, helplines):
            if any(s < end and start < e for s, e in taken):
                continue
            out.append(make_finding(
                segment, index, start, end, "REFERENCE_NUMBER", 0.6, recognizer=RECOGNIZER_NAME,
                explanation=f"a bare {end - start}-digit number in a {segment.kind}: "
                            "usually a case-management or record system id",
            ))
    return out
