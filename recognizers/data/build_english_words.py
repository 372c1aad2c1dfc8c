"""Build english_words.txt: ordinary lower-case English words (run at build time only).

Source: SCOWL British English, size 50, as packaged by Debian (wbritish 2020.12.07,
SCOWL licence: use, copy, modify, distribute and sell with the notice kept, see
SCOWL-NOTICE.txt). Only entries written in lower case are kept (proper nouns such as
"Manchester" or "Marple" are not ordinary words), without possessives ("cat's").

    apt-get install wbritish
    python recognizers/data/build_english_words.py /usr/share/dict/british-english

addresses.py reads the list to tell a made-up or local place word ("Hollinthwaite Moor")
from a phrase of ordinary words ("Turning Point", "Early Help").
"""

from __future__ import annotations

import argparse
import datetime
from pathlib import Path

HERE = Path(__file__).parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("words", type=Path, help="SCOWL british-english (Debian wbritish)")
    args = parser.parse_args()
    words = sorted({
        w for w in args.words.read_text(encoding="utf-8").split()
        if w[:1].islower() and not w.endswith("'s")
    })
    header = (
        "# Ordinary English words (lower case, no possessives). Source: SCOWL british-english "
        "size 50 (Debian wbritish 2020.12.07, SCOWL licence: use, copy, modify, distribute "
        "with notice; see SCOWL-NOTICE.txt). Generated "
        f"{datetime.date.today().isoformat()} by build_english_words.py\n"
    )
    (HERE / "english_words.txt").write_text(header + "\n".join(words) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
