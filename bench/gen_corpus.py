#!/usr/bin/python3
"""Writes a realistic benchmark corpus as JSONL on standard output (or -o FILE).

Usage: gen_corpus.py SIZE [--lexicon DIR] [--dev FILE] [--seed N] [-o FILE]

SIZE is megabytes ("20", "20M") or documents ("100000d"). The corpus mixes
announcements built from French and English templates (investments,
acquisitions, plant openings, job cuts, funding rounds, appointments,
quotations), whose companies, cities, regions and job titles are drawn from
the lexicon's gazetteers and word lists, with the development corpus
(--dev, read at run time, not copied into the repository) repeated under new
ids: one document in ten comes from it.

Names follow a Zipf-like law over a pool that grows with the corpus (known
companies from lexicon/gazetteer/companies.tsv plus invented ones, people
from the small name lists below), so the graph grows as a real one does: a
few entities in many documents, many in one or two. The same SIZE and seed
always give the same bytes.
"""
import argparse
import json
import os
import random
import sys

FIRST = ("Marie Jean Sophie Thomas Claire Nicolas Isabelle Pierre Nathalie Julien Camille Antoine "
         "Hélène Laurent Émilie François Céline Olivier Sandrine Mathieu Aurélie Stéphane Anne "
         "Sébastien Valérie David Sarah James Emma Michael Olivia Robert Priya Daniel Laura Mark "
         "Karen Steven Rachel Andrew Fiona Peter Grace Raj Mei Carlos Ana Lars Ingrid").split()
LAST = ("Martin Bernard Dubois Durand Lefebvre Moreau Laurent Garnier Roux Fournier Girard Bonnet "
        "Lambert Fontaine Rousseau Vincent Muller Faure Mercier Blanc Guérin Chevalier Perrin Morel "
        "Smith Johnson Williams Brown Taylor Walker Harris Clarke Lewis Robinson Wright Raman Chen "
        "Okafor Novak Schneider Rossi Kowalski Lindqvist Tanaka Fernandes Haddad").split()
# Invented company names: syllables + a sector word, so the pool can grow.
SYL = "al ver no ra ti ka lu mo sen tri ax or vel io dyn quan bel far gen hel".split()
SECTOR_FR = ["Énergie", "Industries", "Logistique", "Biotech", "Systèmes", "Mobilité", "Foods", "Technologies"]
SECTOR_EN = ["Energy", "Industries", "Logistics", "Biotech", "Systems", "Mobility", "Foods", "Technologies"]

MONTHS_FR = "janvier février mars avril mai juin juillet août septembre octobre novembre décembre".split()
MONTHS_EN = "January February March April May June July August September October November December".split()
DAYS_FR = "lundi mardi mercredi jeudi vendredi".split()
DAYS_EN = "Monday Tuesday Wednesday Thursday Friday".split()

FR = [
    "{CITY_UP} — {ORG} a annoncé {DAY} un investissement de {MONEY_FR} dans une nouvelle usine à {CITY}, "
    "qui doit ouvrir en {YEAR} et créer {JOBS} emplois. « Ce projet renforce notre présence en {REGION} », "
    "a déclaré {PERSON}, {TITLE_FR} de {ORG}.",
    "{CITY_UP} — Le groupe {ORG} va racheter {ORG2} pour {MONEY_FR}, ont annoncé {DAY} les deux entreprises. "
    "L'opération doit être finalisée d'ici fin {YEAR}. {PERSON}, {TITLE_FR} de {ORG2}, restera à la tête de la société.",
    "{CITY_UP} — La start-up {ORG} lève {MONEY_FR} auprès de {ORG2} et {ORG3}, a-t-elle annoncé {DAY}. "
    "Fondée en {FOUNDED} par {PERSON}, l'entreprise basée à {CITY} compte {JOBS} salariés.",
    "{CITY_UP} — {ORG} inaugure le {DATE_FR} son site de {CITY} ({REGION}), un investissement de {MONEY_FR}. "
    "Le site emploiera {JOBS} personnes. {PERSON}, {TITLE_FR} du groupe, a visité l'usine avec le préfet.",
    "{CITY_UP} — {ORG} va supprimer {JOBS} postes en France d'ici {YEAR}, a indiqué {DAY} la direction. "
    "« Nous devons réduire nos coûts », a expliqué {PERSON}, {TITLE_FR} de {ORG}.",
    "{CITY_UP} — {ORG} et {ORG2} ont signé {DAY} un partenariat pour développer des batteries à {CITY}. "
    "{PERSON} a été nommé {TITLE_FR} de la coentreprise, qui investira {MONEY_FR} d'ici {YEAR}.",
]
EN = [
    "{CITY_UP} — {ORG} said on {DAY} it would invest {MONEY_EN} in a new plant in {CITY}, creating {JOBS} jobs "
    "by {YEAR}. \"This is our largest project in {REGION},\" said {PERSON}, {TITLE_EN} of {ORG}.",
    "{CITY_UP} — {ORG} agreed to buy {ORG2} for {MONEY_EN}, the companies said on {DAY}. The deal is expected "
    "to close by the end of {YEAR}. {PERSON}, {TITLE_EN} of {ORG2}, will stay on.",
    "{CITY_UP} — {ORG}, a {CITY}-based startup, has raised {MONEY_EN} in a round led by {ORG2} with {ORG3}, "
    "it said on {DAY}. Founded in {FOUNDED} by {PERSON}, the company employs {JOBS} people.",
    "{CITY_UP} — {ORG} opened a {MONEY_EN} factory in {CITY} on {DATE_EN}, where {JOBS} people will work. "
    "{PERSON}, {TITLE_EN} of {ORG}, visited the site with the governor.",
    "{CITY_UP} — {ORG} will cut {JOBS} jobs by {YEAR}, the company said on {DAY}. \"We have to lower our costs,\" "
    "said {PERSON}, {TITLE_EN} of {ORG}.",
]

# Background sentences, as a wire story has around its facts: the company's
# size and results, the market, the stock, earlier steps, reactions. Most
# state nothing the ontology records; a few name a person, a place or a
# company again. With them a generated story is as long as, and about as
# dense in statements as, the development set's articles (written from real
# announcements): the benchmark prints both densities.
CONTEXT_FR = [
    "Le groupe, qui emploie {STAFF} personnes dans {COUNTRIES} pays, a réalisé l'an dernier un chiffre "
    "d'affaires de {REVENUE_FR}, en hausse de {PCT} %.",
    "À la Bourse de Paris, le titre {ORG} gagnait {PCT} % en fin de matinée, dans un marché en léger recul.",
    "Cette annonce intervient alors que la concurrence s'intensifie sur le marché européen, où les prix de "
    "l'énergie restent élevés depuis {PAST_YEAR}.",
    "Selon plusieurs analystes, l'opération devrait permettre au groupe de mieux résister à ses concurrents "
    "américains et asiatiques.",
    "« C'est une bonne nouvelle pour le territoire et pour l'emploi local », a réagi le maire de {CITY}.",
    "Le projet avait été présenté une première fois en {PAST_YEAR}, avant d'être retardé par la hausse des "
    "taux d'intérêt et les difficultés d'approvisionnement.",
    "Les organisations syndicales ont demandé à être reçues par la direction dans les prochains jours.",
    "Le groupe publiera ses résultats annuels le {NEXT_DATE_FR}.",
    "Depuis son arrivée, {PERSON2} a engagé une profonde réorganisation des activités du groupe en Europe.",
    "Le secteur reste l'un des plus dynamiques de la région, qui compte plusieurs centaines d'entreprises "
    "industrielles et de nombreux sous-traitants.",
    "La direction n'a pas précisé le calendrier des travaux, ni le montant des aides publiques attendues.",
    "L'entreprise avait déjà annoncé en {PAST_YEAR} un plan de modernisation de ses sites français.",
]
CONTEXT_EN = [
    "The group, which employs {STAFF} people in {COUNTRIES} countries, reported revenue of {REVENUE_EN} last "
    "year, up {PCT}%.",
    "Shares in {ORG} rose {PCT}% in early trading, outperforming a weaker market.",
    "The announcement comes as competition intensifies across Europe, where energy prices have stayed high "
    "since {PAST_YEAR}.",
    "Analysts said the move should help the company compete with larger rivals in the United States and Asia.",
    "\"This is good news for the region and for local employment,\" the mayor of {CITY} said in a statement.",
    "The project was first presented in {PAST_YEAR} but was delayed by rising interest rates and supply "
    "problems.",
    "Unions said they would seek talks with management in the coming days.",
    "The company will publish its full-year results on {NEXT_DATE_EN}.",
    "Since taking over, {PERSON2} has led a broad reorganisation of the group's European business.",
    "The sector remains one of the region's most dynamic, with several hundred manufacturers and many "
    "suppliers.",
    "Management did not give a timetable for the works or say how much public support it expects.",
    "The company had already announced a plan to modernise its sites in {PAST_YEAR}.",
]


def read_tsv(path, want=None):
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            cols = line.rstrip("\n").split("\t")
            if want is None or want(cols):
                rows.append(cols)
    return rows


def parse_size(s):
    s = s.strip().lower()
    if s.endswith("d"):
        return None, int(s[:-1])
    return int(float(s.rstrip("mb")) * 1e6), None


class zipf_pool:
    """Draws from a list with Zipf-like weights; invented names extend it."""

    def __init__(self, rng, items, make=None):
        self.rng, self.items, self.make = rng, list(items), make
        rng.shuffle(self.items)

    def draw(self):
        # A new name one time in eight, when names can be invented.
        if self.make and self.rng.random() < 0.125:
            self.items.append(self.make())
            return self.items[-1]
        n = len(self.items)
        i = int(n ** self.rng.random()) - 1  # log-uniform rank: rank r has weight ~1/r
        return self.items[min(max(i, 0), n - 1)]


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("size")
    ap.add_argument("--lexicon", default=os.path.join(here, "..", "lexicon"))
    ap.add_argument("--dev", default=os.path.join(here, "..", "..", "shared", "eval", "dev", "corpus.jsonl"))
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("-o", "--output")
    a = ap.parse_args()
    max_bytes, max_docs = parse_size(a.size)
    rng = random.Random(a.seed)
    lex = a.lexicon

    companies = sorted({c[0] for c in read_tsv(f"{lex}/gazetteer/companies.tsv")})
    fr_cities = sorted({c[0] for c in read_tsv(f"{lex}/gazetteer/cities.tsv", lambda c: ":fr:" in c[2])})
    world_cities = sorted({c[0] for c in read_tsv(f"{lex}/gazetteer/cities.tsv",
                                                  lambda c: c[2].startswith("place:city:") and ":fr:" not in c[2])})
    regions = sorted({c[0] for c in read_tsv(f"{lex}/gazetteer/places_fr.tsv",
                                             lambda c: c[2].startswith("place:fr-region:"))})
    titles_fr = sorted({c[0] for c in read_tsv(f"{lex}/fr/titles.tsv", lambda c: c[1] == "exec") if " " in c[0] or c[0].islower()})
    titles_en = sorted({c[0] for c in read_tsv(f"{lex}/en/titles.tsv", lambda c: c[1] == "exec") if c[0].islower()})
    dev = []
    if os.path.exists(a.dev):
        with open(a.dev, encoding="utf-8") as f:
            dev = [json.loads(l) for l in f if l.strip()]
    else:
        print(f"gen_corpus.py: {a.dev} not found: generated documents only", file=sys.stderr)

    def invent(sectors):
        def make():
            name = "".join(rng.choice(SYL) for _ in range(rng.randint(2, 3))).capitalize()
            return name + " " + rng.choice(sectors) if rng.random() < 0.5 else name
        return make

    orgs_fr = zipf_pool(rng, companies, invent(SECTOR_FR))
    orgs_en = zipf_pool(rng, companies, invent(SECTOR_EN))
    people = zipf_pool(rng, [f"{f} {l}" for f in FIRST for l in LAST])
    cities_fr = zipf_pool(rng, fr_cities)
    cities_en = zipf_pool(rng, world_cities)

    def money_fr():
        n = rng.choice([rng.randint(2, 950), rng.randint(1, 9) * 10])
        unit = rng.choice(["millions d'euros", "millions d’euros", "M€", "milliards d'euros"]) if n < 10 else rng.choice(["millions d'euros", "M€"])
        return f"{n} {unit}"

    def money_en():
        n = rng.randint(2, 950)
        return rng.choice([f"${n} million", f"{n} million euros", f"£{n}m", f"${max(1, n // 100)} billion"])

    def staff(fr):
        n = rng.choice([rng.randint(20, 950), rng.randint(1, 90) * 1000])
        return f"{n:,}".replace(",", "\u202f" if fr else ",")  # 19 000 (narrow no-break space), 19,000

    out = open(a.output, "w", encoding="utf-8") if a.output else sys.stdout
    written = docs = 0
    while (max_docs is None or docs < max_docs) and (max_bytes is None or written < max_bytes):
        if dev and docs % 10 == 9:
            rec = dict(dev[(docs // 10) % len(dev)])
            rec["id"] = f"dev{docs}-{rec['id']}"
        else:
            fr = rng.random() < 0.6
            orgs = orgs_fr if fr else orgs_en
            o1, o2, o3 = orgs.draw(), orgs.draw(), orgs.draw()
            city = (cities_fr if fr else cities_en).draw()
            year, m, d = rng.randint(2023, 2030), rng.randint(1, 12), rng.randint(1, 28)
            m2, d2 = rng.randint(1, 12), rng.randint(1, 28)
            vals = {
                "ORG": o1, "ORG2": o2 if o2 != o1 else o3, "ORG3": o3, "CITY": city, "CITY_UP": city.upper(),
                "REGION": rng.choice(regions) if fr else city, "PERSON": people.draw(),
                "TITLE_FR": rng.choice(titles_fr) if titles_fr else "directeur général",
                "TITLE_EN": rng.choice(titles_en) if titles_en else "chief executive",
                "MONEY_FR": money_fr(), "MONEY_EN": money_en(), "JOBS": rng.choice([rng.randint(10, 900), rng.randint(1, 20) * 100]),
                "YEAR": year, "FOUNDED": rng.randint(1990, 2022),
                "DAY": rng.choice(DAYS_FR if fr else DAYS_EN),
                "DATE_FR": f"{d} {MONTHS_FR[m - 1]} {year}", "DATE_EN": f"{MONTHS_EN[m - 1]} {d}, {year}",
                "PERSON2": people.draw(), "STAFF": staff(fr),
                "COUNTRIES": rng.randint(2, 60), "PCT": rng.randint(1, 15), "PAST_YEAR": rng.randint(2015, 2022),
                "REVENUE_FR": f"{rng.randint(2, 90)} milliards d'euros", "REVENUE_EN": f"${rng.randint(2, 90)} billion",
                "NEXT_DATE_FR": f"{d2} {MONTHS_FR[m2 - 1]}", "NEXT_DATE_EN": f"{MONTHS_EN[m2 - 1]} {d2}",
            }
            # Two or three paragraphs, as in a wire story.
            templates = rng.sample(FR if fr else EN, rng.randint(2, 3))
            paras = [t.format(**vals) for t in templates]
            paras[1:] = [p.split(" — ", 1)[1] for p in paras[1:]]  # one dateline
            # Background after the lede: paragraphs of one or two sentences.
            context = [t.format(**vals) for t in rng.sample(CONTEXT_FR if fr else CONTEXT_EN, rng.randint(4, 8))]
            while context:
                k = min(len(context), rng.randint(1, 2))
                paras.insert(rng.randint(1, len(paras)), " ".join(context[:k]))
                context = context[k:]
            rec = {"id": f"gen{docs}", "lang": "fr" if fr else "en",
                   "date": f"{rng.randint(2023, 2025)}-{m:02d}-{d:02d}",
                   "title": paras[0].split(" — ", 1)[1].split(".")[0][:120].rsplit(" ", 1)[0], "url": None,
                   "text": "\n".join(paras)}
        line = json.dumps(rec, ensure_ascii=False) + "\n"
        out.write(line)
        written += len(line.encode("utf-8"))
        docs += 1
    out.flush()
    print(f"gen_corpus.py: {docs} documents, {written / 1e6:.1f} MB", file=sys.stderr)


if __name__ == "__main__":
    main()
