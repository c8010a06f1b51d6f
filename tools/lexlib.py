"""Shared helpers for the lexicon generators in tools/ (Python 3 standard library only).

slug(), fold(), gettext catalogues, ISO country names and TSV writing used by
gen_cities.py, gen_places_fr.py and the other generators.
"""
import gettext
import json
import os
import unicodedata

ISO_JSON = "/usr/share/iso-codes/json"
LOCALE_DIR = "/usr/share/locale"

_EXTRA_FOLD = {
    "ß": "ss", "ẞ": "SS", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE",
    "ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ð": "d",
    "Ð": "D", "þ": "th", "Þ": "Th", "ı": "i", "ħ": "h", "Ħ": "H",
    "ʻ": "'", "ʼ": "'", "’": "'", "‘": "'", "–": "-", "—": "-",
}


def nfc(text):
    return unicodedata.normalize("NFC", text)


def fold(text):
    """Latin-ASCII folding: drop diacritics, map ligatures and special letters."""
    out = []
    for ch in unicodedata.normalize("NFKD", text):
        if unicodedata.combining(ch):
            continue
        out.append(_EXTRA_FOLD.get(ch, ch))
    return unicodedata.normalize("NFC", "".join(out))


def slug(text):
    """Any-Latin; Latin-ASCII; Lower; [^a-z0-9]+ > '-' (as the C++ side does with ICU)."""
    s = fold(text).lower()
    res = []
    dash = False
    for ch in s:
        if "a" <= ch <= "z" or "0" <= ch <= "9":
            res.append(ch)
            dash = False
        elif not dash:
            res.append("-")
            dash = True
    return "".join(res).strip("-")


def catalog(domain, lang):
    """The msgid -> msgstr map of /usr/share/locale/LANG/LC_MESSAGES/DOMAIN.mo."""
    path = os.path.join(LOCALE_DIR, lang, "LC_MESSAGES", domain + ".mo")
    with open(path, "rb") as fh:
        cat = gettext.GNUTranslations(fh)._catalog  # noqa: SLF001 - plain data read
    return {k: nfc(v) for k, v in cat.items() if k}


def country_names():
    """{iso2: set of English and French names} from Debian's iso-codes (ISO 3166-1)."""
    with open(os.path.join(ISO_JSON, "iso_3166-1.json"), encoding="utf-8") as fh:
        data = json.load(fh)["3166-1"]
    fr = catalog("iso_3166-1", "fr")
    names = {}
    for c in data:
        s = names.setdefault(c["alpha_2"], set())
        for key in ("name", "common_name", "official_name"):
            if key in c:
                s.add(c[key])
                if c[key] in fr:
                    s.add(fr[c[key]])
    return names


def write_tsv(path, header_lines, rows):
    """Write comment header lines and tab-separated rows (already sorted), UTF-8, LF."""
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        for h in header_lines:
            fh.write("# " + h if h else "#")
            fh.write("\n")
        for r in rows:
            fh.write("\t".join(str(x) for x in r) + "\n")
