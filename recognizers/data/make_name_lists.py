"""Build first_names.txt, surnames.txt and the generated part of name_stoplist.txt.

Run at build time only (redactcheck never imports Faker or the word list at run time):

    python recognizers/data/make_name_lists.py [--words /usr/share/dict/british-english]

Sources (all openly licensed; no personal data):
- Faker's person providers (MIT licence) for the locales below: the given names and
  family names its generators use, which follow the names common in each country.
- A small hand list (SUPPLEMENT) of given names common in the UK's Welsh, Irish, South
  Asian, African and Eastern European communities that Faker's lists lack.
- Optionally SCOWL's British English word list (Debian package `wbritish`, permissive
  SCOWL licence): names whose lower-case form is an ordinary English word ("Hope",
  "Jack", "Ruby") go into the generated section of name_stoplist.txt, so the recogniser
  asks for more evidence before flagging them alone.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import re
from pathlib import Path

HERE = Path(__file__).parent

# Latin-script locales whose names appear in UK families. Non-Latin scripts are left out:
# reviews are written in English and transliterated names come from the lists below.
LOCALES = (
    "en", "en_GB", "en_IE", "ga_IE", "en_US", "en_NZ", "en_IN", "hi_IN", "en_PK", "en_NG",
    "yo_NG", "ig_NG", "ha_NG", "zu_ZA", "tw_GH", "en_KE", "sw", "pl_PL", "cs_CZ", "sk_SK",
    "ro_RO", "hu_HU", "lt_LT", "lv_LV", "hr_HR", "sl_SI", "et_EE", "tr_TR", "pt_PT", "pt_BR",
    "es_ES", "it_IT", "fr_FR", "de_DE", "nl_NL", "az_AZ", "sq_AL", "id_ID",
)

def _words(block: str) -> list[str]:
    return block.split()


# Given names (first names) Faker lacks, common in the UK (Welsh, Irish, Scottish, South
# Asian, African, Eastern European and Arabic-origin communities).
SUPPLEMENT_FIRST = _words("""
Dafydd Gwenllian Rhys Cerys Eleri Angharad Bethan Carys Ceri Delyth Dylan Efa Elin Emyr
Ffion Gareth Geraint Glesni Gruffydd Gwen Gwilym Gwyneth Heledd Hywel Ieuan Iestyn Ifan
Iolo Lowri Llinos Llŷr Llyr Mabli Mared Meinir Meirion Morgan Nia Owain Rhiannon Rhodri
Seren Sian Siân Sioned Steffan Tegan Tomos Aled Alun Bryn Catrin Cadi Elis Osian Nerys
Ioan Aoife Niamh Oisín Oisin Siobhan Siobhán Caoimhe Ciara Ciarán Ciaran Clodagh Dearbhla
Deirdre Eimear Eoin Fionnuala Gráinne Grainne Máire Mairead Mairéad Orla Oran Padraig
Pádraig Roisin Róisín Saoirse Seamus Séamus Sinead Sinéad Tadhg Cathal Cillian Darragh
Donal Dónal Fiachra Naoise Niall Ruairí Ruairi Aisling Ailbhe Bríd Brid Cormac Eabha
Shauna Shona Kirsty Iona Ailsa Eilidh Hamish Lachlan Morag Mhairi Catriona Fraser Euan
Priya Mohammed Muhammad Mohammad Mohamed Ahmed Ahmad Gurpreet Harpreet Manpreet Jaspreet
Simran Amrit Amarjit Baljit Sukhjinder Jasvinder Kuldip Rajinder Parminder Hardeep Navdeep
Aisha Ayesha Fatima Zainab Maryam Amina Khadija Hafsa Safiya Iqra Sana Samina Nasreen
Shabana Rukhsana Farzana Tahira Imran Irfan Asif Tariq Zahid Shahid Waqar Bilal Hamza
Usman Yusuf Yousef Ibrahim Ismail Idris Ali Hassan Hussain Omar Umar Zain Rizwan Nadeem
Kamran Faisal Arif Abdul Abdullah Rashid Sajid Sadia Nazia Anjum Shazia Bushra Saima Rahul
Ravi Rajesh Sanjay Sunil Anil Vijay Deepak Amit Arjun Rohan Kiran Nisha Pooja Anjali
Sunita Geeta Meena Asha Lakshmi Divya Neha Shreya Sita Parvati Anand Dev Nikhil Shabnam
Rubina Jahanara Nusrat Shirin Taslima Rahima Salma Rokeya Mahmuda Abdur Mizanur
Chukwuemeka Oluwaseun Kwame Kofi Kwabena Kwaku Yaw Akua Ama Abena Adwoa Efua Esi Afia
Adebayo Adewale Ayodele Babajide Chidi Chidinma Chinedu Chioma Chiamaka Emeka Folasade
Funmilayo Ifeoma Ikechukwu Ngozi Nnamdi Obinna Olumide Oluwafemi Oluwatobi Temitope Tunde
Uchenna Yetunde Abimbola Adaeze Amaka Blessing Precious Tendai Tafadzwa Farai Rudo Chipo
Thandiwe Sipho Themba Zanele Nomvula Wanjiru Wambui Kamau Otieno Achieng Akinyi Abdi Hodan
Faduma Ayaan Hibaaq Mahad Warsame Kojo Nana Kwesi Esther Comfort Patience Mercy Agnieszka
Wojciech Katarzyna Małgorzata Malgorzata Krzysztof Grzegorz Jarosław Jaroslaw Przemysław
Przemyslaw Łukasz Lukasz Paweł Pawel Michał Michal Tomasz Piotr Marcin Kamil Magdalena
Joanna Justyna Aleksandra Dorota Ewa Beata Zofia Kasia Gosia Basia Monika Bogdan Andrei
Andrei Ionut Mihai Florin Alexandru Cristian Gheorghe Vasile Ioana Elena Mihaela Andreea
Daniela Raluca Oana Lavinia Jurgita Rasa Aurimas Mindaugas Tomas Gintaras Jānis Janis Ilze
Līga Liga Inese Edgars Kristaps Oksana Olena Natalia Nataliya Svetlana Tatiana Irina Olga
Yulia Dmitri Dmitry Sergei Sergey Vladimir Oleksandr Volodymyr Mykola Taras Yuriy Ivan
Petr Pavel Jiří Jiri Lenka Petra Zuzana Martina Veronika Dusan Kayleigh Kayley Kaylee
Chantelle Shannon Jordan Tyler Kieran Callum Connor Liam Jamie Brandon Shane Wayne Dean
Darren Lee Craig Leanne Stacey Tracey Kerry Gemma Jade Demi Paige Courtney Chelsea Bethany
Keeley Keely Tiffany Jordan Reece Rhys Kyle Jayden Kai Donna Lisa Michelle Nicola Joanne
Dawn Mandy Sharon Karen Julie Tina Kelly Sadie Skye
""")

SUPPLEMENT_SURNAMES = _words("""
Okonkwo Okafor Okoro Adeyemi Adebayo Oyelaran Mensah Boateng Asante Owusu Osei Agyeman
Kamara Conteh Sesay Bangura Diallo Ndlovu Moyo Dube Mahlangu Banda Phiri Mwangi Odhiambo
Ahmed Khan Hussain Ali Akhtar Begum Bibi Iqbal Rahman Uddin Islam Chowdhury Miah Patel
Shah Sharma Singh Kaur Gill Sandhu Sidhu Dhillon Bains Johal Kumar Gupta Mistry Joshi
Nowak Kowalski Kowalska Wiśniewski Wisniewski Wójcik Wojcik Kowalczyk Kamiński Kaminski
Lewandowski Zieliński Zielinski Szymański Szymanski Woźniak Wozniak Dąbrowski Dabrowski
Popescu Ionescu Popa Stan Dumitru Kazlauskas Jankauskas Petrauskas Bērziņš Berzins Jones
Davies Evans Thomas Roberts Hughes Lewis Morgan Griffiths Owen Rees Price Pritchard
Llewellyn Powell Jenkins Lloyd Vaughan Bowen Parry Prosser Gwynne Murphy Kelly Byrne Ryan
O'Brien O'Sullivan O'Connor O'Neill McCarthy Doherty Gallagher Kennedy Quinn McLaughlin
McGuinness Brennan Doyle Walsh Fitzgerald Nolan Flanagan Morris Booth Okwu Smith-Jones
""")

NAME = re.compile(r"^[^\W\d_][^\W\d_'’\-]*(?:['’\-][^\W\d_]+)*$")
LATIN = re.compile(r"^[A-Za-zÀ-ɏḀ-ỿ'’\-]+$")


def _names(value) -> list[str]:
    if value is None:
        return []
    if isinstance(value, dict):
        return list(value)
    return list(value)


def collect() -> tuple[set[str], set[str]]:
    first: set[str] = set(SUPPLEMENT_FIRST)
    last: set[str] = set(SUPPLEMENT_SURNAMES)
    for locale in LOCALES:
        try:
            module = importlib.import_module(f"faker.providers.person.{locale}")
        except ImportError:
            continue
        provider = module.Provider
        for attr in ("first_names", "first_names_male", "first_names_female",
                     "first_names_nonbinary"):
            first.update(_names(getattr(provider, attr, None)))
        for attr in ("last_names", "last_names_male", "last_names_female"):
            last.update(_names(getattr(provider, attr, None)))
    return _clean(first), _clean(last)


def _clean(names: set[str]) -> set[str]:
    out = set()
    for raw in names:
        name = raw.strip()
        # Single tokens only, Latin script, two letters or more, capitalised.
        if " " in name or len(name) < 2 or not LATIN.match(name) or not NAME.match(name):
            continue
        if not name[0].isupper():
            continue
        out.add(name)
    return out


def header(what: str, sources: str) -> str:
    today = dt.date.today().isoformat()
    return f"# {what}. Source: {sources}. Generated {today} by make_name_lists.py\n"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--words", type=Path, help="an English word list (e.g. SCOWL british-english)")
    args = ap.parse_args()
    first, last = collect()
    faker_src = "Faker person providers (MIT licence) + hand list of common UK given names"
    (HERE / "first_names.txt").write_text(
        header("Given names, one a line", f"{faker_src}; licence MIT")
        + "\n".join(sorted(first)) + "\n", encoding="utf-8")
    (HERE / "surnames.txt").write_text(
        header("Family names, one a line", f"{faker_src}; licence MIT")
        + "\n".join(sorted(last)) + "\n", encoding="utf-8")
    if args.words:
        words = {
            w.strip() for w in args.words.read_text(encoding="utf-8").splitlines()
            if w.strip() and w.strip().islower() and "'" not in w
        }
        # Surnames too: "Law" must not turn every "law" into a name in the document pass.
        common = sorted(n for n in first | last if n.lower() in words)
        (HERE / "name_common_words.txt").write_text(
            header("Given names and surnames that are also ordinary English words",
                   "first_names.txt ∩ SCOWL british-english (Debian wbritish 2020.12.07, "
                   "SCOWL licence: use, copy, modify, distribute with notice)")
            + "\n".join(common) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
