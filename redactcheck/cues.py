"""The shared vocabulary: the one place that knows months, weekdays, ordinals, titles, role
nouns, pseudonym declarations and citations.

Every recogniser, the jigsaw and the masker read these, so a word added here (a Welsh month,
a new title) is known everywhere at once. Nothing here imports the rest of the project.

English and Welsh are both covered because reviews in Wales are often bilingual. Welsh words
change their first letter after some words (mutation: "Mawrth" -> "o Fawrth", "Caerdydd" ->
"yng Nghaerdydd"); `welsh_mutations` gives every mutated form of a word so a list of base
forms is enough.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import cache

# --------------------------------------------------------------------------- mutations

# Soft, nasal and aspirate mutation of a Welsh word's first consonant (base -> mutated).
_SOFT = {"p": "b", "t": "d", "c": "g", "b": "f", "d": "dd", "g": "", "ll": "l", "m": "f",
         "rh": "r"}
_NASAL = {"p": "mh", "t": "nh", "c": "ngh", "b": "m", "d": "n", "g": "ng"}
_ASPIRATE = {"p": "ph", "t": "th", "c": "ch"}


def welsh_mutations(word: str) -> set[str]:
    """The word and its soft, nasal and aspirate mutations, keeping the first letter's case.

    >>> sorted(welsh_mutations("Caerdydd"))
    ['Caerdydd', 'Chaerdydd', 'Gaerdydd', 'Nghaerdydd']
    """
    out = {word}
    if not word:
        return out
    low = word.casefold()
    if low.startswith("ch"):  # "ch" is its own letter and does not mutate
        return out
    upper = word[0].isupper()
    for table in (_SOFT, _NASAL, _ASPIRATE):
        for base in sorted(table, key=len, reverse=True):
            if low.startswith(base):
                rest = word[len(base):]
                new = table[base] + rest
                if new:
                    out.add(new[0].upper() + new[1:] if upper else new)
                break
    return out


# --------------------------------------------------------------------------- months

MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December")
MONTH_ABBREVIATIONS = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
                       "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12}
MONTHS_CY = ("Ionawr", "Chwefror", "Mawrth", "Ebrill", "Mai", "Mehefin", "Gorffennaf", "Awst",
             "Medi", "Hydref", "Tachwedd", "Rhagfyr")
# Scottish Gaelic month names (Am Faoilleach ...), for bilingual Scottish documents.
MONTHS_GD = ("Faoilleach", "Gearran", "Màrt", "Giblean", "Cèitean", "Ògmhios", "Iuchar",
             "Lùnastal", "Sultain", "Dàmhair", "Samhain", "Dùbhlachd")


@cache
def month_numbers() -> dict[str, int]:
    """Casefolded month word -> month number: English names and abbreviations, Welsh names
    with their mutated forms, Gaelic names."""
    out: dict[str, int] = {}
    for i, name in enumerate(MONTHS_EN, 1):
        out[name.casefold()] = i
    out.update(MONTH_ABBREVIATIONS)
    for i, name in enumerate(MONTHS_CY, 1):
        for form in welsh_mutations(name):
            out.setdefault(form.casefold(), i)
    for i, name in enumerate(MONTHS_GD, 1):
        out.setdefault(name.casefold(), i)
    return out


def month_number(word: str) -> int | None:
    """1-12 for a month word in any form this module knows ("Sept", "Fawrth"), else None."""
    return month_numbers().get(word.rstrip(".").casefold())


# Full month names only (no abbreviations), in every language and mutated form.
MONTH_WORDS = frozenset(
    w for w in month_numbers() if w not in MONTH_ABBREVIATIONS
)


def _alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


# A month in a regex: English names capitalised or in capitals (lower-case "may" and
# "march" are verbs), English abbreviations, Welsh names with their mutations.
_MONTH_FORMS = [*MONTHS_EN, *(m.upper() for m in MONTHS_EN),
                *(a.capitalize() for a in MONTH_ABBREVIATIONS),
                *(f for m in MONTHS_CY for f in welsh_mutations(m))]
MONTH_RE = rf"(?:{_alternation(_MONTH_FORMS)})\.?(?![^\W\d_])"
WELSH_MONTH_RE = rf"(?:{_alternation(f for m in MONTHS_CY for f in welsh_mutations(m))})"

# --------------------------------------------------------------------------- weekdays

WEEKDAYS_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
WEEKDAY_ABBREVIATIONS = ("Mon", "Tues", "Tue", "Wed", "Weds", "Thurs", "Thur", "Thu", "Fri",
                         "Sat", "Sun")
# Welsh days follow "dydd" ("dydd Llun"); "nos" is the evening of that day.
WEEKDAYS_CY = ("Llun", "Mawrth", "Mercher", "Iau", "Gwener", "Sadwrn", "Sul")
WEEKDAY_WORDS = frozenset(w.casefold() for w in (*WEEKDAYS_EN, *WEEKDAY_ABBREVIATIONS))
WEEKDAY_RE = rf"(?:{_alternation([*WEEKDAYS_EN, *WEEKDAY_ABBREVIATIONS])})\.?(?![^\W\d_])"
WELSH_WEEKDAY_RE = rf"(?:(?:[Dd]ydd|[Nn]os)\s+(?:{_alternation(WEEKDAYS_CY)}))"

# --------------------------------------------------------------------------- ordinals

_ONES = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
         "ninth"]
_TEENS = ["tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth",
          "sixteenth", "seventeenth", "eighteenth", "nineteenth"]
_CARDINAL_ONES = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
_CARDINAL_TEENS = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
                   "seventeen", "eighteen", "nineteen"]
_TENS = {20: "twenty", 30: "thirty", 40: "forty", 50: "fifty", 60: "sixty", 70: "seventy",
         80: "eighty", 90: "ninety"}
_TENS_ORD = {20: "twentieth", 30: "thirtieth", 40: "fortieth", 50: "fiftieth",
             60: "sixtieth", 70: "seventieth", 80: "eightieth", 90: "ninetieth"}


@cache
def ordinal_words() -> dict[str, int]:
    """English ordinal words 1-99 -> number ("twenty-first", "twenty first" -> 21)."""
    out = {w: i for i, w in enumerate(_ONES, 1)}
    out.update({w: i for i, w in enumerate(_TEENS, 10)})
    for tens, word in _TENS.items():
        out[_TENS_ORD[tens]] = tens
        for i, one in enumerate(_ONES, 1):
            out[f"{word}-{one}"] = tens + i
            out[f"{word} {one}"] = tens + i
    return out


@cache
def cardinal_words() -> dict[str, int]:
    """English number words 0-99 -> number ("seven", "twenty-one")."""
    out = {"no": 0, "zero": 0, "a": 1, "an": 1, "single": 1}
    out.update({w: i for i, w in enumerate(_CARDINAL_ONES, 1)})
    out.update({w: i for i, w in enumerate(_CARDINAL_TEENS, 10)})
    for tens, word in _TENS.items():
        out[word] = tens
        for i, one in enumerate(_CARDINAL_ONES, 1):
            out[f"{word}-{one}"] = tens + i
            out[f"{word} {one}"] = tens + i
    return out


# Welsh ordinals (feminine forms too) for days of the month, 1-31.
WELSH_ORDINALS = {
    "cyntaf": 1, "ail": 2, "trydydd": 3, "trydedd": 3, "pedwerydd": 4, "pedwaredd": 4,
    "pumed": 5, "chweched": 6, "seithfed": 7, "wythfed": 8, "nawfed": 9, "degfed": 10,
    "unfed ar ddeg": 11, "deuddegfed": 12, "trydydd ar ddeg": 13, "pedwerydd ar ddeg": 14,
    "pymthegfed": 15, "unfed ar bymtheg": 16, "ail ar bymtheg": 17, "deunawfed": 18,
    "pedwerydd ar bymtheg": 19, "ugeinfed": 20, "unfed ar hugain": 21, "ail ar hugain": 22,
    "trydydd ar hugain": 23, "pedwerydd ar hugain": 24, "pumed ar hugain": 25,
    "chweched ar hugain": 26, "seithfed ar hugain": 27, "wythfed ar hugain": 28,
    "nawfed ar hugain": 29, "degfed ar hugain": 30, "unfed ar ddeg ar hugain": 31,
}
# Digit ordinal suffixes: English (21st) and Welsh (1af, 2il, 3ydd, 5ed, 7fed, 11eg, 21ain).
ORDINAL_SUFFIX_RE = r"(?:st|nd|rd|th|af|il|ydd|edd|ed|fed|eg|ain)"
ENGLISH_ORDINAL_WORD_RE = rf"(?:{_alternation(ordinal_words())})"
WELSH_ORDINAL_WORD_RE = rf"(?:{_alternation(WELSH_ORDINALS)})"


def number_word(word: str) -> int | None:
    """The number a cardinal or ordinal word stands for ("seven", "seventh" -> 7)."""
    key = word.casefold().replace("\u2011", "-")
    if key in cardinal_words():
        return cardinal_words()[key]
    if key in ordinal_words():
        return ordinal_words()[key]
    if key.isdigit():
        return int(key)
    m = re.fullmatch(r"(\d+)(?:st|nd|rd|th)", key)
    return int(m.group(1)) if m else None


# --------------------------------------------------------------------------- people

# Titles before a name: a capitalised word after one is a name ("Mr Young").
TITLES = frozenset(
    t.casefold()
    for t in [
        "Mr", "Mrs", "Ms", "Miss", "Mx", "Dr", "Prof", "Professor", "DC", "PC", "DS", "DI",
        "DCI", "DSU", "Supt", "Sgt", "Sergeant", "Nurse", "Councillor", "Cllr", "Sister",
        "Father", "Fr", "Rev", "Revd", "Reverend", "Sir", "Dame", "Imam", "Rabbi", "Pastor",
        "Sheikh", "Maulana", "Lord", "Lady",
    ]
)
# Family members and kin words that may stand before a given name ("Nain Gwen", "Granny
# Peg", "Uncle Ray"): a capitalised word after one of these is a name.
KIN_TITLES = frozenset(
    w.casefold()
    for w in ["Nan", "Nana", "Nanna", "Nanny", "Gran", "Granny", "Grandma", "Grandad",
              "Grandpa", "Grampa", "Auntie", "Aunty", "Aunt", "Uncle", "Cousin", "Nain",
              "Taid", "Mamgu", "Tadcu", "Dadcu", "Bampi", "Mam-gu", "Tad-cu", "Seanair",
              "Seanmhair", "Granda", "Nanaji", "Naniji", "Dadi", "Nani", "Baba", "Bibi",
              "Ayeeyo", "Awoowe"]
)
# Role nouns: who someone is in the case. The same list serves names (apposition:
# "the mother, X, said"), the jigsaw (whose age or job a detail is) and quasi (roles that
# spaCy mistakes for organisations).
FAMILY_ROLES = frozenset({
    "mother", "father", "mum", "dad", "parent", "parents", "stepmother", "stepfather",
    "step-mother", "step-father", "stepmum", "stepdad", "grandmother", "grandfather",
    "grandparent", "grandparents", "great-grandmother", "great-grandfather", "brother",
    "sister", "half-brother", "half-sister", "stepbrother", "stepsister", "step-brother",
    "step-sister", "sibling", "siblings", "son", "daughter", "child", "children", "baby",
    "infant", "toddler", "boy", "girl", "uncle", "aunt", "aunty", "auntie", "cousin",
    "nephew", "niece", "partner", "ex-partner", "boyfriend", "girlfriend", "husband", "wife",
    "ex-husband", "ex-wife", "spouse", "fiancé", "fiancée", "carer", "guardian",
    "kinship carer", "foster carer", "foster mother", "foster father", "twin", "twins",
    "victim", "perpetrator", "subject", "adult", "man", "woman", "neighbour", "friend",
    "lodger", "tenant", "landlord", "landlady", "family", "household", "relative",
})
PROFESSIONAL_ROLES = frozenset({
    "social worker", "health visitor", "midwife", "gp", "doctor", "nurse", "school nurse",
    "teacher", "head teacher", "headteacher", "paediatrician", "consultant", "officer",
    "police officer", "detective", "constable", "sergeant", "inspector", "probation officer",
    "youth worker", "support worker", "key worker", "keyworker", "family support worker",
    "idva", "isva", "advocate", "manager", "team manager", "practitioner", "chair",
    "independent reviewer", "author", "lead reviewer", "safeguarding lead", "dsl",
    "psychiatrist", "psychologist", "therapist", "counsellor", "housing officer",
    "care coordinator", "care co-ordinator", "senco", "childminder", "nursery worker",
    "pharmacist", "paramedic", "ambulance crew", "solicitor", "barrister", "judge",
    "magistrate", "reporter", "children's reporter", "interpreter", "chaplain",
})
ROLE_NOUNS = FAMILY_ROLES | PROFESSIONAL_ROLES
# Welsh family nouns with their mutations ("partner y fam", "ei chwaer"), and Scottish
# Gaelic and Irish ones with lenited forms ("a mhàthair"): a name may follow them in
# apposition as it follows "the mother".
_ROLES_CY = ("mam", "tad", "brawd", "chwaer", "mab", "merch", "partner", "cariad", "gŵr",
             "gwraig", "nain", "taid", "mam-gu", "tad-cu", "modryb", "ewythr", "cefnder",
             "cyfnither", "ffrind", "llysfam", "llystad", "llysdad", "plentyn", "babi",
             "gofalwr", "gofalwraig", "cymydog", "cymdoges")
_ROLES_GD_GA = ("màthair", "mhàthair", "athair", "bràthair", "bhràthair", "piuthar",
                "phiuthar", "seanair", "sheanair", "seanmhair", "sheanmhair", "nighean",
                "caraid", "charaid", "antaidh", "uncail", "máthair", "mháthair", "deartháir",
                "dheartháir", "deirfiúr", "dheirfiúr", "iníon", "seanmháthair",
                "sheanmháthair", "seanathair", "aintín")
WELSH_GAELIC_ROLES = frozenset(
    {f.casefold() for w in _ROLES_CY for f in welsh_mutations(w)} | set(_ROLES_GD_GA)
)
ROLE_RE = rf"(?:{_alternation(ROLE_NOUNS)})"

# A review's pseudonym: "Child B", "Adult A", "Sibling 2", "Mother of Child C", "Baby D".
PSEUDONYM_RE = re.compile(
    r"\b(?:Child|Baby|Sibling|Adult|Person|Subject|Young\s+Person|Parent|Mother|Father|"
    r"Carer|Victim|Perpetrator|Agency|Council|School|Family|Twin|Infant|Man|Woman|Boy|Girl|"
    r"Professional|Practitioner|Worker|Officer|Relative|Partner|Friend|Neighbour|[A-Z]\w*\s+"
    r"(?=[A-Z0-9]\b))\s*(?:[A-Z]{1,2}|\d{1,2})\b"
)

# --------------------------------------------------------------------------- pseudonyms

# The review's own declarations that a name is a pseudonym. Each pattern captures the name
# in group "name"; quotes around it are optional.
_Q = r"[\"'‘’“”]?"
_WORD = r"[A-Z][^\W\d_]*(?:['’\-][^\W\d_]+)*"
_NAME = rf"(?P<name>{_WORD}(?:\s+{_WORD}){{0,2}})"
DECLARATION_PATTERNS = (
    # "referred to (in this review / report / throughout) as 'Jade'", "known here as Jade",
    # "called 'Jade' in this review", "given the pseudonym Jade", "(pseudonym: Jade)".
    re.compile(
        r"\b(?:referred\s+to|known|described|identified|named|called)"
        r"(?:\s+(?:in|throughout)\s+(?:this|the)\s+(?:review|report|document|SAR|DHR|CSPR|"
        r"LCSPR|CPR|APR|SCR|LR)|\s+here|\s+hereafter|\s+throughout)?\s+as\s+" + _Q + _NAME
        + _Q + r"(?=[\s,.;:)]|$)"
    ),
    re.compile(r"\b(?:pseudonyms?|alias|anonymised\s+name)\s*(?::|of|is|was)?\s*"
               + _Q + _NAME + _Q),
    re.compile(_Q + _NAME + _Q + r"\s*\(\s*(?:a\s+|the\s+)?(?:pseudonym|not\s+(?:his|her|their)"
               r"\s+real\s+name)"),
    re.compile(_Q + _NAME + _Q + r"\s*(?:,|;|–|—|-|\bis\b|\bwas\b)\s*(?:a\s+|the\s+)?"
               r"(?:pseudonym|not\s+(?:his|her|their)\s+real\s+name)"),
    re.compile(r"\b(?:called|named)\s+" + _Q + _NAME + _Q + r"\s+(?:in|throughout)\s+"
               r"(?:this|the)\s+(?:review|report)"),
    # The second name of a paired declaration: "... as 'Jade' and her father as 'Callum'"
    # (after "and", so a nickname, "known to friends as 'Jonno'", is no declaration).
    re.compile(r"\band\s+(?:[\w'’]+\s+){0,4}as\s+[\"'‘“]" + _NAME + r"[\"'’”]"),
)
# Words that show a declaration is about pseudonyms at all (checked in the same paragraph so
# that "known as Kaz" in a chronology, a nickname, stays a name).
PSEUDONYM_WORDS = re.compile(
    r"\b(?:pseudonyms?|real\s+names?|anonymi[sz]ed|"
    r"(?:this|the)\s+(?:review|report)|agreed\s+with\s+the\s+family|chosen\s+by|"
    r"to\s+protect|hereafter)\b",
    re.IGNORECASE,
)


_NOT_DECLARED = frozenset({"the", "this", "that", "a", "an", "his", "her", "their", "its",
                           "he", "she", "they", "it", "all", "each", "both"})


def declared_pseudonyms(text: str) -> list[tuple[int, int, str]]:
    """(start, end, name) of each name a paragraph declares to be a pseudonym.

    >>> declared_pseudonyms("She is referred to in this review as 'Jade'.")
    [(38, 42, 'Jade')]
    """
    if not PSEUDONYM_WORDS.search(text):
        return []
    out: list[tuple[int, int, str]] = []
    for pattern in DECLARATION_PATTERNS:
        for m in pattern.finditer(text):
            start, end = m.span("name")
            if any(s < end and start < e for s, e, _ in out):
                continue
            name = m.group("name")
            if (name.casefold() in TITLES or name.casefold() in _NOT_DECLARED
                    or PSEUDONYM_RE.fullmatch(name)):
                continue
            out.append((start, end, name))
    return sorted(out)


# --------------------------------------------------------------------------- citations

# "Brandon et al, 2008", "Cleaver et al. (2011)", "Sidebotham (2016)", "Munro, 2011",
# "Brandon and Belderson (2012)": authors cited in research references are not the family.
_ET_AL = re.compile(r"\s*(?:et\.?\s+al\b|and\s+colleagues\b)")
_ET_AL_INSIDE = re.compile(r"\bet\.?\s+al\b")
_BRACKETED_YEAR = re.compile(r"\s*\((?:19|20)\d\d[a-z]?(?:[,;:][^)]{0,20})?\)")
_COMMA_YEAR = re.compile(r",\s*(?:19|20)\d\d[a-z]?\b(?![-/.]\d)")
CITATION_AFTER = re.compile(
    r"^(?:\s*(?:,|and|&)\s*[A-Z][\w'’\-]+)*\s*(?:et\.?\s+al\b|,?\s*\(?\s*(?:19|20)\d\d[a-z]?\b"
    r"(?![-/.]\d))"
)
# A year right after these belongs to a statute, guidance or a citation, not to the family's
# story ("Working Together 2015", "Children Act 1989", "Care Act 2014", "(Munro, 2011)").
CITATION_BEFORE = re.compile(
    r"(?:\b(?:Act|Acts|Regulations|Order|Rules|Code|Guidance|Together|Framework|Standards|"
    r"Strategy|Review|Report|Protocol|Procedures|Bill|Measure|Convention|Directive|Plan|"
    r"et\.?\s+al\.?)|\b[A-Z][a-z]+,)\s*\(?\s*$"
)


def is_citation_after(text: str, end: int) -> bool:
    """True when what follows [.., end) makes a name a cited author ("et al", a year)."""
    return bool(CITATION_AFTER.match(text[end:end + 80]))


def in_citation(text: str, start: int, end: int, person: bool = True) -> bool:
    """True when text[start:end] is an author or place inside a research citation.

    A bracketed year counts only for a person ("Sidebotham (2016)"); for a place it is a
    date ("Leeds (2016)" is not a citation)."""
    after = text[end:end + 24]
    return bool(_ET_AL.match(after) or _ET_AL_INSIDE.search(text[start:end])
                or _COMMA_YEAR.match(after)) or (
        person and _BRACKETED_YEAR.match(after) is not None
    )


# --------------------------------------------------------------------------- named days

# Days known by name. With a year ("Boxing Day 2019") each is one exact date; alone ("at
# Christmas") it is not. Value: (month, day) for fixed days, "easter+N" for days that move
# with Easter, "nth:MONTH:WEEKDAY:N" for the N-th weekday (0 = Monday) of a month, None when
# the date follows another calendar (Eid, Diwali) and the month is not known here.
NAMED_DAYS: dict[str, tuple[int, int] | str | None] = {
    "Hogmanay": (12, 31), "New Year's Eve": (12, 31), "New Year's Day": (1, 1),
    "Christmas Eve": (12, 24), "Christmas Day": (12, 25), "Boxing Day": (12, 26),
    "Burns Night": (1, 25), "Burns Day": (1, 25), "Valentine's Day": (2, 14),
    "St Valentine's Day": (2, 14), "St David's Day": (3, 1), "St Patrick's Day": (3, 17),
    "St George's Day": (4, 23), "St Andrew's Day": (11, 30), "Halloween": (10, 31),
    "Hallowe'en": (10, 31), "Bonfire Night": (11, 5), "Guy Fawkes Night": (11, 5),
    "Armistice Day": (11, 11),
    "Easter Sunday": "easter+0", "Easter Day": "easter+0", "Easter Monday": "easter+1",
    "Good Friday": "easter-2", "Easter Saturday": "easter-1", "Shrove Tuesday": "easter-47",
    "Pancake Day": "easter-47", "Ash Wednesday": "easter-46", "Mothering Sunday": "easter-21",
    "Mother's Day": "easter-21", "Father's Day": "nth:6:6:3",
    "Remembrance Sunday": "nth:11:6:2",
    "Eid al-Fitr": None, "Eid ul-Fitr": None, "Eid al-Adha": None, "Eid ul-Adha": None,
    "Diwali": None, "Vaisakhi": None, "Baisakhi": None, "Holi": None, "Yom Kippur": None,
    "Rosh Hashanah": None, "Chinese New Year": None, "Lunar New Year": None,
    # Welsh
    "Nos Galan": (12, 31), "Dydd Calan": (1, 1), "Noswyl Nadolig": (12, 24),
    "Dydd Nadolig": (12, 25), "Gŵyl San Steffan": (12, 26), "Dydd Gŵyl Dewi": (3, 1),
    "Dydd Santes Dwynwen": (1, 25),
}


def _named_day_key(text: str) -> str:
    key = re.sub(r"['’.]", "", text.casefold())
    key = re.sub(r"\bsaint\b", "st", key)
    return re.sub(r"[\s\-‐‑]+", " ", key).strip()


@cache
def _named_day_table() -> dict[str, tuple[int, int] | str | None]:
    return {_named_day_key(name): spec for name, spec in NAMED_DAYS.items()}


def _named_day_pattern(name: str) -> str:
    out = []
    for word in re.split(r"([\s\-])", name):
        if word.isspace():
            out.append(r"\s+")
        elif word == "-":
            out.append(r"[\-‐‑\s]?")
        elif word == "St":
            out.append(r"(?:St\.?|Saint)")
        else:
            out.append(re.escape(word).replace("'", "['’]?"))
    return "".join(out)


# A named day in a regex: first letter capitalised ("holi" is a Welsh verb, "burns" an
# injury), the rest in any case ("Christmas day", "St. David's Day", "New Years Eve").
NAMED_DAY_RE = "(?=[A-Z])(?i:" + "|".join(
    _named_day_pattern(n) for n in sorted(NAMED_DAYS, key=len, reverse=True)) + r")(?![^\W\d_])"


def easter(year: int) -> date:
    """Easter Sunday (Gregorian), by the anonymous Gregorian algorithm."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    ell = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ell) // 451
    month, day = divmod(h + ell - 7 * m + 114, 31)
    return date(year, month, day + 1)


def named_day_date(name: str, year: int) -> date | None:
    """The date of a named day in a year ("Boxing Day", 2019 -> 2019-12-26); None when it
    follows another calendar or the name is not known."""
    spec = _named_day_table().get(_named_day_key(name))
    if spec is None:
        return None
    if isinstance(spec, tuple):
        return date(year, *spec)
    if spec.startswith("easter"):
        return easter(year) + timedelta(days=int(spec[6:]))
    _, month, weekday, nth = spec.split(":")
    first = date(year, int(month), 1)
    offset = (int(weekday) - first.weekday()) % 7
    return first + timedelta(days=offset + 7 * (int(nth) - 1))


# --------------------------------------------------------------------------- Welsh numbers

# Welsh cardinal numbers 1-20 (feminine forms too; "pum", "chwe", "deng" are the forms
# before a noun). Their mutated forms ("ddwy", "bum", "phum", "thair") come from
# `welsh_number_words`.
WELSH_NUMBERS = {
    "un": 1, "dau": 2, "dwy": 2, "tri": 3, "tair": 3, "pedwar": 4, "pedair": 4, "pump": 5,
    "pum": 5, "chwech": 6, "chwe": 6, "saith": 7, "wyth": 8, "naw": 9, "deg": 10, "deng": 10,
    "un ar ddeg": 11, "deuddeg": 12, "deuddeng": 12, "tri ar ddeg": 13, "tair ar ddeg": 13,
    "pedwar ar ddeg": 14, "pedair ar ddeg": 14, "pymtheg": 15, "pymtheng": 15,
    "un ar bymtheg": 16, "dau ar bymtheg": 17, "dwy ar bymtheg": 17, "deunaw": 18,
    "pedwar ar bymtheg": 19, "pedair ar bymtheg": 19, "ugain": 20,
}


@cache
def welsh_number_words() -> dict[str, int]:
    """Casefolded Welsh number word (every mutation of its first word) -> number."""
    out: dict[str, int] = {}
    for words, value in WELSH_NUMBERS.items():
        first, _, rest = words.partition(" ")
        for form in welsh_mutations(first):
            out.setdefault(f"{form} {rest}".strip().casefold(), value)
    return out


WELSH_NUMBER_RE = "(?i:" + "|".join(
    w.replace(" ", r"\s+") for w in sorted(welsh_number_words(), key=len, reverse=True)) + ")"
