"""Shared by the probe sets' make_corpus.py and make_gold.py: the document
and gold-statement builders and the writers of the whole set, its kept-aside
part (corpus-heldout / gold-heldout) and the part rules were tuned on
(corpus-tune / gold-tune). Run the scripts from their own folder."""
import json

N = "\u00a0"  # no-break space, as French thousands separators are typed

docs = []
G = {}


def add(i, date, title, text):
    docs.append({"id": i, "lang": "fr", "date": date, "title": title, "url": None, "text": text.strip()})


def st(doc, s, p, o, **attrs):
    s = s if isinstance(s, list) else [s]
    o = o if isinstance(o, list) else [o]
    G.setdefault(doc, []).append({"s": s, "p": p, "o": o, "attrs": attrs})


def says(doc, s, q):
    st(doc, s, "says", q, quote=q)


def _dump(path, lines):
    with open(path, "w", encoding="utf-8") as f:
        for line in lines:
            f.write(json.dumps(line, ensure_ascii=False) + "\n")


def write_corpus(held):
    for name, keep in (("corpus", lambda i: True), ("corpus-heldout", lambda i: i in held),
                       ("corpus-tune", lambda i: i not in held)):
        _dump(name + ".jsonl", [d for d in docs if keep(d["id"])])
    for d in docs:
        print(d["id"], len(d["text"].split()))


def write_gold(held):
    for name, keep in (("gold", lambda i: True), ("gold-heldout", lambda i: i in held),
                       ("gold-tune", lambda i: i not in held)):
        _dump(name + ".jsonl", [{"doc": doc, "lang": "fr", "statements": sts} for doc, sts in G.items() if keep(doc)])
    print({k: len(v) for k, v in G.items()}, sum(len(v) for v in G.values()))
