#!/usr/bin/python3
"""Generate lexicon/gazetteer/places_fr.tsv: French régions, départements, former
régions (1982-2015) and a few informal names of France.

Sources: Debian iso-codes (ISO 3166-2:FR subdivision names and their nesting),
INSEE Code officiel géographique 2024 (region codes, official spellings of the
18 régions and 101 départements; the tables below), hunspell-fr (common words).

Usage:  /usr/bin/python3 tools/gen_places_fr.py     (from the repository root)
"""
import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lexlib import ISO_JSON, fold, write_tsv  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "lexicon", "gazetteer", "places_fr.tsv")

# INSEE COG: region code -> official name; ISO 3166-2 region code -> INSEE code.
REGIONS = {
    "01": "Guadeloupe", "02": "Martinique", "03": "Guyane", "04": "La Réunion",
    "06": "Mayotte", "11": "Île-de-France", "24": "Centre-Val de Loire",
    "27": "Bourgogne-Franche-Comté", "28": "Normandie", "32": "Hauts-de-France",
    "44": "Grand Est", "52": "Pays de la Loire", "53": "Bretagne",
    "75": "Nouvelle-Aquitaine", "76": "Occitanie", "84": "Auvergne-Rhône-Alpes",
    "93": "Provence-Alpes-Côte d'Azur", "94": "Corse",
}
ISO_TO_INSEE = {
    "ARA": "84", "BFC": "27", "BRE": "53", "CVL": "24", "GES": "44", "HDF": "32",
    "IDF": "11", "NAQ": "75", "NOR": "28", "OCC": "76", "PAC": "93", "PDL": "52",
    "20R": "94", "GP": "01", "MQ": "02", "GF": "03", "RE": "04", "YT": "06",
}
# Other names in current use for a région (ISO spellings, acronyms, brand names).
REGION_ALIASES = {
    "03": ["Guyane française"],
    "04": ["Réunion", "île de La Réunion"],
    "11": ["Région Île-de-France", "région parisienne"],
    "24": ["Centre-Val-de-Loire"],
    "44": ["Grand-Est"],
    "52": ["Pays-de-la-Loire"],
    "84": ["AURA", "Auvergne-Rhône-Alpes"],
    "93": ["PACA", "Région Sud", "Provence-Alpes-Côte-d'Azur"],
    "94": ["Collectivité de Corse"],
}
# INSEE COG department names where the ISO 3166-2 text differs.
DEPT_NAME_FIX = {"973": "Guyane", "974": "La Réunion"}
DEPT_ALIASES = {
    "90": ["Territoire-de-Belfort"],
    "974": ["Réunion"],
    "2A": ["Corse du Sud"],
}
# The 22 metropolitan régions of 1982-2015 (loi du 16 janvier 2015 merged them);
# still used in news. code of the current région that contains each.
FORMER_REGIONS = {
    "Alsace": "44", "Aquitaine": "75", "Auvergne": "84", "Basse-Normandie": "28",
    "Bourgogne": "27", "Champagne-Ardenne": "44", "Franche-Comté": "27",
    "Haute-Normandie": "28", "Languedoc-Roussillon": "76", "Limousin": "75",
    "Lorraine": "44", "Midi-Pyrénées": "76", "Nord-Pas-de-Calais": "32",
    "Picardie": "32", "Poitou-Charentes": "75", "Rhône-Alpes": "84",
    # Bretagne, Centre, Corse, Île-de-France, Pays de la Loire and
    # Provence-Alpes-Côte d'Azur kept their territory and are current régions.
}
COUNTRY_INFORMAL = [("Hexagone", 5), ("France métropolitaine", 10)]


def load_headwords():
    heads = set()
    with open("/usr/share/hunspell/fr_FR.dic", encoding="utf-8") as fh:
        next(fh)
        for line in fh:
            w = re.split(r"[/\s]", line, maxsplit=1)[0]
            if w.islower():
                heads.add(w)
    return heads


def variants(name):
    """The name, with typographic apostrophe, and ASCII-folded."""
    out = [name]
    if "'" in name:
        out.append(name.replace("'", "\u2019"))
    if "\u2019" in name:
        out.append(name.replace("\u2019", "'"))
    for n in list(out):
        f = fold(n).replace("\u2019", "'")
        if f not in out:
            out.append(f)
        if "\u2019" in n and fold(n) not in out:
            out.append(fold(n))
    return out


def main():
    with open(os.path.join(ISO_JSON, "iso_3166-2.json"), encoding="utf-8") as fh:
        iso = [x for x in json.load(fh)["3166-2"] if x["code"].startswith("FR-")]
    heads = load_headwords()
    rows = {}

    def add(surface, eid, prio, parent):
        key = (surface, eid)
        if key not in rows or rows[key][0] < prio:
            rows[key] = (prio, parent)

    def word_prio(name, base=10):
        if name.isupper():
            return min(base, 8)                # acronyms: AURA, PACA
        return 5 if (" " not in name and "-" not in name and name.lower() in heads) else base

    for code, name in REGIONS.items():
        eid = "place:fr-region:" + code
        for n in [name] + REGION_ALIASES.get(code, []):
            for v in variants(n):
                add(v, eid, word_prio(v), "country:FR")
    depts = 0
    for x in iso:
        if "department" not in x["type"]:
            continue
        num = x["code"][3:]
        parent_code = ISO_TO_INSEE[x["parent"]]
        name = DEPT_NAME_FIX.get(num, x["name"])
        eid = "place:fr-dept:" + num
        depts += 1
        for n in [name] + DEPT_ALIASES.get(num, []):
            for v in variants(n):
                prio = word_prio(v)
                if v in REGIONS.values() or v == "Réunion":
                    prio = min(prio, 8)        # one-department régions: the région first
                if v == "Paris":
                    prio = 5                   # the city (cities.tsv) is the usual reading
                add(v, eid, prio, "place:fr-region:" + parent_code)
    assert depts == 101, depts
    for name, code in FORMER_REGIONS.items():
        eid = "place:fr-former-region:" + fold(name).lower().replace(" ", "-")
        for v in variants(name):
            add(v, eid, word_prio(v, 8), "place:fr-region:" + code)
    for name, prio in COUNTRY_INFORMAL:
        for v in variants(name):
            add(v, "country:FR", prio, "-")

    out = sorted(((s, "Place", eid, p, par) for (s, eid), (p, par) in rows.items()),
                 key=lambda r: (r[0], r[2]))
    write_tsv(OUT, [
        "places_fr.tsv — French régions (18), départements (101), former régions (1982-2015)",
        "  and informal names of France.",
        "columns: surface<TAB>type<TAB>id<TAB>priority<TAB>parent  (parent '-' = none)",
        "ids: place:fr-region:<INSEE region code>, place:fr-dept:<department number>,",
        "  place:fr-former-region:<slug>, country:FR",
        "source: INSEE Code officiel géographique 2024 (names, codes); ISO 3166-2:FR via Debian",
        "  iso-codes (nesting). Priority 5 for names that are also French common words",
        "  (hunspell-fr headwords: Nord, Cher, Lot, Somme...). Generated by tools/gen_places_fr.py.",
    ], out)
    print("places_fr.tsv: %d rows" % len(out))


if __name__ == "__main__":
    main()
