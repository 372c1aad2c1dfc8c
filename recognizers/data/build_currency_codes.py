"""Build currency_codes.txt: ISO 4217 alphabetic codes, current and withdrawn.

    /work/venv/bin/python recognizers/data/build_currency_codes.py

Current codes come from Faker's currency provider (MIT licence), which lists ISO 4217's
active codes. Withdrawn codes (ISO 4217 "List Three", historic denominations: the euro
zone's former currencies, old Turkish lira, ...) are typed in below from the published
standard. Codes that are also everyday English words in capitals ("ALL", "TOP", "CUP")
are left out: next to a number they read as a heading ("ALL 3 CHILDREN"), not a sum.
"""

from __future__ import annotations

import datetime
from pathlib import Path

from faker.providers.currency import Provider

WITHDRAWN = """
ADP AFA ALK AOK AON AOR ARA ARP ATS AZM BEF BGL BOP BRB BRC BRE BRN BRR BYB BYR CSD CSK
CYP DDM DEM ECS EEK ESP FIM FRF GHC GRD GWP HRD HRK IEP ILP ISJ ITL LTL LUF LVL MGF MTL
MTP MXP MZM NIC NLG PEI PES PLZ PTE ROL RUR SDD SIT SKK SRG SUR TJR TMM TPE TRL UAK UGS
VEB VEF XEU YDD YUD YUM YUN ZAL ZMK ZRN ZRZ ZWD ZWN ZWR
""".split()  # noqa: SIM905 - a code list reads better as text
ENGLISH_WORDS = {"ALL", "TOP", "CUP", "MOP", "BOB", "GEL", "MAD", "PEN", "BAM"}


def main() -> None:
    codes = {code for code, _ in Provider.currencies} | set(WITHDRAWN)
    codes -= ENGLISH_WORDS
    out = Path(__file__).with_name("currency_codes.txt")
    header = ("# ISO 4217 currency codes, current and withdrawn. Source: Faker "
              "currency provider (MIT) for current codes; ISO 4217 List Three for withdrawn "
              f"codes. Licence: MIT. Date: {datetime.date.today():%Y-%m}. "
              "Built by build_currency_codes.py.")
    out.write_text(header + "\n" + "\n".join(sorted(codes)) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
