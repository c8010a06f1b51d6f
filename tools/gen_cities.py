#!/usr/bin/python3
"""Generate lexicon/gazetteer/cities.tsv from Debian's GeoNames extract.

Sources (all Debian packages):
  libgeonames0 / libgeonames-common  GeoNames cities (name, admin1, country, population)
                                     and their gettext translations (geonames.mo, fr and en)
  iso-codes                          ISO 3166-1 country names (en + fr) to spot clashes
  hunspell-fr, hunspell-en-us        dictionaries used to spot common words
plus tools/capitals.tsv, tools/city_extra.tsv and tools/city_aliases.tsv.

Usage:  /usr/bin/python3 tools/gen_cities.py            (from the repository root)
Writes lexicon/gazetteer/cities.tsv and lexicon/gazetteer/cities_excluded.txt.
Deterministic: same packages, same output.
"""
import ctypes
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lexlib import catalog, country_names, fold, nfc, slug, write_tsv  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TOOLS = os.path.join(ROOT, "tools")
OUT = os.path.join(ROOT, "lexicon", "gazetteer", "cities.tsv")
OUT_EXCL = os.path.join(ROOT, "lexicon", "gazetteer", "cities_excluded.txt")

MIN_POP_WORLD = 100000
# A city whose name is an ordinary dictionary word is kept (with a low priority)
# when it is above these populations, a capital, or a capitalised headword of the
# fr_FR or en_US dictionary (the dictionary knows the name); other ones are left
# out (see cities_excluded.txt).
# Above NO_PENALTY_POP the place is the usual reading of the word and keeps priority 10.
KEEP_WORD_POP_FR = 30000
KEEP_WORD_POP_WORLD = 250000
NO_PENALTY_POP = 500000
GENERIC_REGION_WORDS = {
    "capital", "central", "centre", "center", "eastern", "western", "northern", "southern",
    "north", "south", "east", "west", "nord", "sud", "est", "ouest", "midlands", "coast",
    "littoral", "capitale", "oriental", "occidental", "orientale", "occidentale"}
PRIO_NORMAL = 10
PRIO_FIRST_NAME = 7
PRIO_COMMON_WORD = 5
PRIO_COUNTRY_NAME = 3
HOMONYM_PENALTY = 3

# First-level subdivisions are listed for the G20 members and the EU/EFTA states
# and the United Kingdom (France's régions are in places_fr.tsv).
REGION_COUNTRIES = sorted(set(
    "AR AU BR CA CN DE GB ID IN IT JP KR MX RU SA TR US ZA".split()      # G20 (less FR, EU)
    + "AT BE BG HR CY CZ DK EE FI GR HU IE LT LU LV MT NL PL PT RO SK SI ES SE".split()  # EU
    + "CH NO IS LI".split()))                                              # EFTA

FRENCH_REGION_IDS = {  # GeoNames admin1 for FR = INSEE region code
    "11", "24", "27", "28", "32", "44", "52", "53", "75", "76", "84", "93", "94"}


def load_geonames():
    lib = ctypes.CDLL("libgeonames.so.0")
    glib = ctypes.CDLL("libglib-2.0.so.0")
    lib.geonames_get_city.restype = ctypes.c_void_p
    lib.geonames_get_city.argtypes = [ctypes.c_int]
    glib.g_variant_get_child_value.restype = ctypes.c_void_p
    glib.g_variant_get_child_value.argtypes = [ctypes.c_void_p, ctypes.c_size_t]
    glib.g_variant_get_string.restype = ctypes.c_char_p
    glib.g_variant_get_string.argtypes = [ctypes.c_void_p, ctypes.c_void_p]
    glib.g_variant_get_uint32.restype = ctypes.c_uint32
    glib.g_variant_get_uint32.argtypes = [ctypes.c_void_p]
    glib.g_variant_unref.argtypes = [ctypes.c_void_p]
    glib.g_variant_get_type_string.restype = ctypes.c_char_p
    glib.g_variant_get_type_string.argtypes = [ctypes.c_void_p]
    rows = []
    for i in range(lib.geonames_get_n_cities()):
        city = lib.geonames_get_city(i)
        # (geonames id, name, admin1 code, admin1 name, cc, country, tz, population, lat, lon)
        assert glib.g_variant_get_type_string(city) == b"(sssssssudd)"
        rec = []
        for j in range(8):
            ch = glib.g_variant_get_child_value(city, j)
            if j == 7:
                rec.append(int(glib.g_variant_get_uint32(ch)))
            else:
                rec.append(nfc(glib.g_variant_get_string(ch, None).decode("utf-8")))
            glib.g_variant_unref(ch)
        rows.append({"gid": rec[0], "name": rec[1], "a1": rec[2], "a1name": rec[3],
                     "cc": rec[4], "pop": rec[7]})
    return rows


def read_table(name, ncols):
    out = []
    with open(os.path.join(TOOLS, name), encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            cols = line.split("\t")
            assert len(cols) == ncols, (name, line)
            out.append(cols)
    return out


BROKEN_FR = re.compile(r"(^|[\s-])[dDlL][AEIOUYÉÈÂÎÔ][a-zé]")  # "dAkita": apostrophe lost


def good_translation(s):
    return bool(s) and not BROKEN_FR.search(s) and "(" not in s


def clean_region(name):
    """Strip administrative words from a GeoNames admin1 name (en or fr)."""
    s = name
    for pre in ("State of ", "Estado de ", "Estado do ", "Free State of ", "Province of ",
                "Province de ", "Province du ", "Province d'", "Préfecture de ", "Préfecture d'",
                "Municipalité de ", "Région autonome de ", "Région autonome du ",
                "Région autonome des ", "Région ", "État libre de ", "État de ", "État du ",
                "Free and Hanseatic City of ", "Land de ", "Territoire de ", "Territoire du ",
                "Oblast de ", "Kraï de ", "République de ", "République du ", "Republic of "):
        if s.startswith(pre) and len(s) > len(pre) + 2:
            s = s[len(pre):]
    for suf in (" Uyghur Autonomous Region", " Zhuang Autonomous Region", " Hui Autonomous Region",
                " Autonomous Region", " Province", " Prefecture", " Municipality", " Region",
                " Oblast", " Krai", " Republic", " State", " Voivodeship", "-ken", " County"):
        if s.endswith(suf) and len(s) > len(suf) + 2:
            s = s[: -len(suf)]
    return s.strip()


def main():
    rows = load_geonames()
    fr_cat = catalog("geonames", "fr")
    en_cat = catalog("geonames", "en")
    countries = country_names()
    country_surfaces = {n for names in countries.values() for n in names}
    country_surfaces |= {fold(n) for n in country_surfaces}

    first_names = set()
    proper = set()   # capitalised headwords of either dictionary (names the dictionary knows)
    with open("/usr/share/hunspell/fr_FR.dic", encoding="utf-8") as fh:
        next(fh)
        heads = {"fr_FR": set(), "en_US": set()}
        for line in fh:
            word = re.split(r"[/\s]", line, maxsplit=1)[0]
            if "po:prn" in line:
                first_names.add(word)
            if word and word.islower():
                heads["fr_FR"].add(word)
            elif word[:1].isupper():
                proper.add(word)
    with open("/usr/share/hunspell/en_US.dic", encoding="utf-8") as fh:
        next(fh)
        for line in fh:
            word = line.split("/", 1)[0].strip()
            if word and word.islower():
                heads["en_US"].add(word)
            elif word[:1].isupper():
                proper.add(word)


    def common_word(name, langs):
        if any(c in name for c in " -'’"):
            return []
        low = name.lower()
        if low == name:
            return []
        return [d for d in langs if low in heads[d]]

    with open(os.path.join(TOOLS, "city_stopwords.txt"), encoding="utf-8") as fh:
        stopwords = {l.strip() for l in fh if l.strip() and not l.startswith("#")}
    capitals = {(cc, n) for cc, n in read_table("capitals.tsv", 2)}
    extra = read_table("city_extra.tsv", 4)
    aliases = {}
    for cc, gname, alias in read_table("city_aliases.tsv", 3):
        aliases.setdefault((cc, gname), []).append(alias)

    cities = []
    for r in rows:
        is_cap = (r["cc"], r["name"]) in capitals
        if r["cc"] == "FR" or r["pop"] >= MIN_POP_WORLD or is_cap:
            r["capital"] = is_cap
            cities.append(r)
    for cc, en, fr, pop in extra:
        cities.append({"gid": "extra:" + cc + ":" + en, "name": en, "a1": "", "a1name": "",
                       "cc": cc, "pop": int(pop), "capital": True, "fr_name": fr})

    # ---- surfaces and ids --------------------------------------------------
    entries = {}   # (surface, id) -> [priority, parent, pop]
    excluded = []
    used_ids = {}

    def add(surface, eid, prio, parent, pop):
        surface = nfc(surface.strip())
        if not surface:
            return
        key = (surface, eid)
        if key not in entries or entries[key][0] < prio:
            entries[key] = [prio, parent, pop]

    for c in sorted(cities, key=lambda c: (-c["pop"], c["cc"], c["gid"])):
        cc = c["cc"]
        fr_name = c.get("fr_name") or fr_cat.get(c["gid"], "")
        en_name = en_cat.get(c["gid"], "")
        names = [c["name"]]
        for extra_name in (en_name, fr_name):
            if good_translation(extra_name):
                names.append(extra_name)
        names += aliases.get((cc, c["name"]), [])
        names = [p.strip() for n in names for p in n.split(" / ")]
        # districts such as "Marseille 01", and two-letter names, are not useful surfaces
        names = [n for n in names if not re.search(r"[0-9]", n) and len(n) > 2]
        for n in list(names):
            if n.endswith(" City") or n.endswith(" city"):
                short = n[:-5]
                if short not in country_surfaces and fold(short) not in country_surfaces:
                    names.append(short)
        main_name = fr_name if cc == "FR" and good_translation(fr_name) else c["name"]
        base = slug(main_name) or slug(c["name"])
        eid = "place:city:%s:%s" % (cc.lower(), base)
        if eid in used_ids:
            eid = "place:city:%s:%s-%s" % (cc.lower(), base, slug(c["a1name"]) or c["a1"])
            if eid in used_ids:
                eid = "place:city:%s:%s-%s" % (cc.lower(), base, slug(c["gid"]))
        used_ids[eid] = c
        if cc == "FR" and c["a1"] in FRENCH_REGION_IDS:
            parent = "place:fr-region:" + c["a1"]
        else:
            parent = "country:" + cc
        langs = ["fr_FR"] if cc == "FR" else ["fr_FR", "en_US"]
        keep_pop = KEEP_WORD_POP_FR if cc == "FR" else KEEP_WORD_POP_WORLD
        surfaces = []
        for n in names:
            surfaces.append(n)
            f = fold(n)
            if f != n:
                surfaces.append(f)
        seen = set()
        for s in surfaces:
            if s in seen:
                continue
            seen.add(s)
            if s in stopwords:
                excluded.append((s, eid, c["pop"], "stoplist"))
                continue
            prio = PRIO_NORMAL
            words = common_word(s, langs)
            if words:
                if c["pop"] >= NO_PENALTY_POP:
                    prio = PRIO_NORMAL
                elif c["pop"] >= keep_pop or c.get("capital") or s in proper:
                    prio = PRIO_COMMON_WORD
                else:
                    excluded.append((s, eid, c["pop"], "+".join(words)))
                    continue
            elif s in first_names:
                prio = PRIO_FIRST_NAME
            if s in country_surfaces:
                prio = min(prio, PRIO_COUNTRY_NAME)
            add(s, eid, prio, parent, c["pop"])

    # ---- first-level regions (states, provinces, Länder) ----------------------
    regions = {}
    for r in rows:
        if r["cc"] in REGION_COUNTRIES and r["a1"] and r["a1name"]:
            key = (r["cc"], r["a1"])
            regions.setdefault(key, {"name": r["a1name"], "pop": 0})
            regions[key]["pop"] += r["pop"]
    city_surfaces = set()   # (surface, cc) of the cities listed so far
    for (s, eid), v in entries.items():
        city_surfaces.add((s, eid.split(":")[2].upper()))
    region_ids = set()
    for (cc, a1) in sorted(regions):
        info = regions[(cc, a1)]
        key = cc + "." + a1
        raw = [info["name"], en_cat.get(key, ""), fr_cat.get(key, "")]
        names = []
        for n in raw:
            if not good_translation(n):
                continue
            names.append(n)
            cl = clean_region(n)
            if cl != n:
                names.append(cl)
        en_clean = clean_region(info["name"])
        eid = "place:region:%s:%s" % (cc.lower(), slug(en_clean))
        if eid in region_ids:
            eid = "place:region:%s:%s-%s" % (cc.lower(), slug(en_clean), slug(a1))
        region_ids.add(eid)
        parent = "country:" + cc
        seen = set()
        for n in names:
            for s in (n, fold(n)):
                if s in seen:
                    continue
                seen.add(s)
                prio = PRIO_NORMAL
                words = common_word(s, ["fr_FR", "en_US"])
                if s.lower() in GENERIC_REGION_WORDS or s in stopwords:
                    excluded.append((s, eid, info["pop"], "generic"))
                    continue
                if words:
                    if info["pop"] >= NO_PENALTY_POP:
                        prio = PRIO_NORMAL
                    elif info["pop"] >= KEEP_WORD_POP_WORLD or s in proper:
                        prio = PRIO_COMMON_WORD
                    else:
                        excluded.append((s, eid, info["pop"], "+".join(words)))
                        continue
                if s in first_names:
                    prio = PRIO_FIRST_NAME
                if s in country_surfaces:
                    prio = min(prio, PRIO_COUNTRY_NAME)
                add(s, eid, prio, parent, info["pop"])

    # ---- homonyms: the most populous place keeps its priority, the others lose
    # HOMONYM_PENALTY. A region (population = sum of its listed cities) that shares
    # its name with a city of the same country comes after it (New York, Madrid).
    by_surface = {}
    for (s, eid), v in entries.items():
        pop = v[2]
        if eid.startswith("place:region:") and (s, eid.split(":")[2].upper()) in city_surfaces:
            pop = -1
        by_surface.setdefault(s, []).append((pop, eid))
    for s, lst in by_surface.items():
        if len(lst) < 2:
            continue
        lst.sort(key=lambda x: (-x[0], x[1]))
        for _, eid in lst[1:]:
            v = entries[(s, eid)]
            v[0] = max(1, v[0] - HOMONYM_PENALTY)

    out_rows = sorted(((s, "Place", eid, v[0], v[1]) for (s, eid), v in entries.items()),
                      key=lambda r: (r[0], r[2]))
    write_tsv(OUT, [
        "cities.tsv — cities of France (all GeoNames records), world cities with population",
        "  >= 100 000 and national capitals, and first-level regions (US states, Chinese provinces,",
        "  German Länder...) of the G20, EU and EFTA countries and the United Kingdom.",
        "columns: surface<TAB>type<TAB>id<TAB>priority<TAB>parent",
        "source: GeoNames (geonames.org, CC BY 4.0) as shipped by Debian libgeonames0 /",
        "  libgeonames-common (names + gettext fr/en translations); tools/capitals.tsv,",
        "  tools/city_extra.tsv, tools/city_aliases.tsv. Generated by tools/gen_cities.py;",
        "  do not edit by hand. See lexicon/README.md for priorities and exclusions.",
    ], out_rows)
    excluded = sorted(set(excluded), key=lambda e: (e[0], e[1]))
    with open(OUT_EXCL, "w", encoding="utf-8", newline="\n") as fh:
        fh.write("# Surfaces left out of cities.tsv because the lower-cased name is an ordinary\n")
        fh.write("# dictionary headword (hunspell fr_FR / en_US), the capitalised name is not a\n")
        fh.write("# headword of either dictionary, and the place is small\n")
        fh.write("# (France < %d, elsewhere < %d inhabitants and not a capital; for a region\n"
                 % (KEEP_WORD_POP_FR, KEEP_WORD_POP_WORLD))
        fh.write("# the sum of its listed cities), or a generic region word (Capital, Eastern).\n")
        fh.write("# Columns: surface, id, population, dictionaries.\n")
        for e in excluded:
            fh.write("%s\t%s\t%d\t%s\n" % e)
    print("cities.tsv: %d rows, %d cities, %d regions; %d exclusions"
          % (len(out_rows), len(used_ids), len(region_ids), len(excluded)))


if __name__ == "__main__":
    main()
