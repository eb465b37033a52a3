"""Gold builder helpers for Corpus/wild/dev-2 (hand annotation aids, not the tool)."""
import json, re, sys, os
HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

class Doc:
    def __init__(self, name):
        self.name = name
        self.text = open(os.path.join(HERE, name + '.txt'), encoding='utf-8').read()
    def S(self, a, b=None, after=None):
        """Exact substring from first occurrence of a (after marker `after`) to the end of b."""
        t = self.text
        base = t.index(after) if after else 0
        i = t.index(a, base)
        if b is None:
            return a
        j = t.index(b, i)
        return t[i:j + len(b)]

def D(text, value, grain, resolved=False):
    d = {"text": text, "value": value, "grain": grain}
    if resolved: d["resolved"] = True
    return d

def M(text, value=None, mn=None, mx=None, period=None):
    d = {"text": text}
    if mn is not None:
        d["min"] = mn; d["max"] = mx
    else:
        d["value"] = value
    d["currency"] = "GBP"
    if period: d["period"] = period
    return d

def write(doc, gold):
    t = doc.text
    ok = True
    for k in ("decisions", "actions"):
        for e in gold.get(k, []):
            if e["text"] not in t:
                print("NOT FOUND", k, repr(e["text"][:80])); ok = False
    for k in ("dates", "amounts"):
        counts = {}
        for e in gold.get(k, []):
            counts[e["text"]] = counts.get(e["text"], 0) + 1
        for s, n in counts.items():
            m = t.count(s)
            if m != n:
                print(f"COUNT {k} {s!r}: gold {n} text {m}")
            if m == 0: ok = False
    for it in gold.get("items", []):
        if " ".join(it["title"].split()) not in " ".join(t.split()):
            print("ITEM TITLE NOT FOUND", it); ok = False
    path = os.path.join(HERE, doc.name + '.gold.json')
    with open(path, 'w', encoding='utf-8') as f:
        json.dump(gold, f, ensure_ascii=False, indent=1)
        f.write('\n')
    print(doc.name, "ok" if ok else "PROBLEMS", {k: len(v) for k, v in gold.items() if isinstance(v, list)})

def scan(doc):
    """List candidate money, times and dates for eyeballing."""
    t = doc.text
    pat = r"£[\d,.]+(?:m|k| million)?|\b\d{1,2}(?:\.\d\d)?\s?[ap]m\b|\b\d{1,2}:\d\d\b|\b\d{1,2}(?:st|nd|rd|th)? (?:January|February|March|April|May|June|July|August|September|October|November|December)\b(?: \d{4})?|\b(?:January|February|March|April|May|June|July|August|September|October|November|December)\b|\b20\d\d(?:/\d\d)?\b|\b\d\d/\d\d/\d{2,4}\b"
    for m in re.finditer(pat, t):
        line = t.count('\n', 0, m.start()) + 1
        print(line, repr(m.group()))
