"""Build occupations.txt: job titles, lower case, one a line.

    /work/venv/bin/python recognizers/data/build_occupations.py

Source: Faker's job provider (MIT licence), whose list follows UK graduate job titles;
"Accountant, chartered" becomes "chartered accountant", and each title's head noun
("accountant") is kept too. A few everyday occupations Faker lacks are added by hand.
"""

from __future__ import annotations

import datetime
from pathlib import Path

from faker.providers.job import Provider

EVERYDAY = ["student", "driver", "lorry driver", "taxi driver", "physician", "advocate",
            "civil servant", "soldier", "security guard", "hairdresser", "labourer", "farmer",
            "shopkeeper", "cleaner", "carer", "waiter", "waitress", "builder", "mechanic",
            "professor", "university professor", "teacher"]


def main() -> None:
    titles: set[str] = set(EVERYDAY)
    for job in Provider.jobs:
        head, _, qualifier = job.partition(",")
        title = f"{qualifier.strip()} {head.strip()}" if qualifier else head.strip()
        if "/" in title or "(" in title:
            continue
        titles.add(title.lower())
        titles.add(head.strip().lower().split()[-1])
    out = Path(__file__).with_name("occupations.txt")
    header = ("# Occupations. Source: Faker job provider (MIT) plus everyday occupations "
              f"added by hand. Licence: MIT. Date: {datetime.date.today():%Y-%m}. "
              "Built by build_occupations.py.")
    out.write_text(header + "\n" + "\n".join(sorted(titles)) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
