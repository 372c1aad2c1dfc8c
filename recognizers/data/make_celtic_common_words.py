"""Build name_common_words_celtic.txt: Welsh, Scottish Gaelic and Irish words that are
also name words in the gazetteers (run at build time only; redactcheck reads the result).

A bilingual draft capitalises ordinary Welsh or Gaelic words at a sentence start, in a
heading or in a place name ("Llun teulu", "Fferm Cae ...", "Bun-sgoil"). When such a word
is also a given name or surname somewhere in the world, names.py would read it as a
name; listed here, it is treated like an English word that is also a name (ambiguous:
a name only with a title, a cue, a surname or spaCy's agreement).

Only the COLLISIONS are kept (a lower-case dictionary word whose accent-folded form is in
first_names.txt or surnames.txt and that the dictionaries do not also list capitalised,
as a proper noun), so the shipped list stays small. Given names from the
hand lists of make_name_lists.py (curated as names: "Gwyn", "Iain") stay names.

Sources (Debian bookworm packages, read from /usr/share at build time):
- aspell-cy (Welsh, GPL-2.0): `aspell -d cy dump master`
- hunspell-gd (Scottish Gaelic, Am Faclair Beag, GPL-3+): /usr/share/hunspell/gd_GB.dic
- myspell-ga (Irish, Kevin Scannell, GPL-3): /usr/share/hunspell/ga_IE.dic (ISO-8859-1)
Welsh words are also taken in their mutated forms (cues.welsh_mutations).

    apt-get install -y aspell-cy hunspell-gd myspell-ga
    PYTHONPATH=. python recognizers/data/make_celtic_common_words.py
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parent.parent))

from recognizers.data.make_name_lists import (  # noqa: E402
    SUPPLEMENT_FIRST,
    SUPPLEMENT_FIRST_MORE,
    SUPPLEMENT_FIRST_MORE2,
)
from recognizers.names import fold  # noqa: E402
from redactcheck.cues import welsh_mutations  # noqa: E402

DATE = "2026-12-03"
OUT = HERE / "name_common_words_celtic.txt"


def _hunspell(path: str, encoding: str) -> set[str]:
    lines = Path(path).read_text(encoding=encoding, errors="replace").splitlines()[1:]
    return {line.split("/", 1)[0].strip() for line in lines if line.strip()}


def _aspell_welsh() -> set[str]:
    out = subprocess.run(["aspell", "-d", "cy", "dump", "master"], capture_output=True,
                         text=True, check=True).stdout
    words = {line.split("/", 1)[0].strip() for line in out.splitlines() if line.strip()}
    return {m for w in words for m in welsh_mutations(w)}


def _names() -> set[str]:
    keys: set[str] = set()
    for name in ("first_names.txt", "surnames.txt"):
        for line in (HERE / name).read_text(encoding="utf-8").splitlines():
            if line and not line.startswith("#"):
                keys.add(fold(line.strip()))
    return keys


def main() -> None:
    words = _aspell_welsh() | _hunspell("/usr/share/hunspell/gd_GB.dic", "utf-8") | _hunspell(
        "/usr/share/hunspell/ga_IE.dic", "iso-8859-1")
    # Ordinary words only: lower-case entries, two letters or more ("Iain" the proper noun
    # in a dictionary is a name, "llun" the noun is not).
    common = {w for w in words if len(w) > 2 and w[0].islower() and w.isalpha()}
    # A word the dictionaries also list capitalised is a proper noun too ("Dewi", "Mair",
    # "Iain", "Rhys"): a name as much as a word, so it stays a name.
    proper = {fold(w) for w in words if w[:1].isupper()}
    common = {w for w in common if fold(w) not in proper}
    names = _names()
    keep_names = {fold(n) for n in (*SUPPLEMENT_FIRST, *SUPPLEMENT_FIRST_MORE,
                                    *SUPPLEMENT_FIRST_MORE2)}
    hits = sorted({w[0].upper() + w[1:] for w in common
                   if fold(w) in names and fold(w) not in keep_names}, key=str.casefold)
    header = (
        "# Welsh, Scottish Gaelic and Irish ordinary words that are also name words in "
        "first_names.txt/surnames.txt (collisions only): read as ambiguous names. Sources: "
        "aspell-cy (GPL-2.0), hunspell-gd (Am Faclair Beag, GPL-3+), myspell-ga (Kevin "
        "Scannell, GPL-3), Debian bookworm; the hand-listed given names of "
        f"make_name_lists.py left out. Generated {DATE} by make_celtic_common_words.py\n"
    )
    OUT.write_text(header + "\n".join(hits) + "\n", encoding="utf-8")
    print(f"{len(hits)} words -> {OUT.name}")


if __name__ == "__main__":
    main()
