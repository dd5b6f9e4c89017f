"""`ceasefire-eval report`: one self-contained HTML page of a system against the gold.

Everything is inline (styles, script, chart); the page loads nothing from the
network. Every string from the data is escaped with ``html.escape`` on the server
side, and the script only toggles classes and reads ``data-`` attributes, so a
prediction file that holds HTML or script cannot inject anything into the page.

The report is written as the scorer streams the documents: each document's
section is rendered from its alignment as it goes by and kept on disk, never the
whole corpus in memory. Up to ``PAGE_ITEMS`` highlighted items (gold and predicted
mentions, triggers and claims) everything is in one file. Above that, the articles
and their lists are split into pages of about ``PAGE_ITEMS`` items: ``report.html``
holds the scores, the chart, the links between documents and the first page, and
``report.page-2.html``, ``report.page-3.html`` ... the rest (each self-contained);
the first page says so and links them.

Status of an item (the same definitions as the scorer's strict metrics):

- mentions and triggers: *matched* (same span and type: a strict tp), *type*
  error (same span, other type), *boundary* error (overlapping span of the same
  type), otherwise *missed* (gold) or *spurious* (prediction). Matched gold
  items are the tp of ``mentions.strict`` / ``events.trigger.classification``;
  every other gold item is one of their fn, every other predicted item one fp.
- claims: *matched* when aligned by ``claims.content.overlap``, else missed or
  spurious; relations: *matched* when their (type, head, tail) key is matched in
  ``relations.strict``, else missed or spurious.
"""

from __future__ import annotations

import html
import os
import shutil
import tempfile
from collections import Counter, defaultdict
from functools import lru_cache
from operator import itemgetter
from pathlib import Path

from ceasefire.interrupts import uninterrupted
from ceasefire.outputs import note_leftovers

from .alignment import items as layer_items
from .matching import overlapping_pairs
from .relations import optional_cross, optional_within

#: Highlighted items per page; above it the report is split into pages (see above).
PAGE_ITEMS = 20_000

#: "optional": an optional gold item (METRICS.md), unmatched or matched; the scorer counts it
#: neither as missed nor, when predicted, as correct or spurious.
STATUSES = ("matched", "boundary", "type", "missed", "spurious", "optional")
LAYERS = ("mention", "trigger", "claim")

CSS = """
body{font:14px/1.5 system-ui,sans-serif;margin:0;color:#222}
header{background:#1f2d3d;color:#fff;padding:12px 24px}header h1{margin:0;font-size:20px}
main{padding:12px 24px}section{margin:18px 0}h2{font-size:17px;border-bottom:1px solid #ddd}
table{border-collapse:collapse}td,th{border:1px solid #ddd;padding:2px 6px;font-size:12px;text-align:right}
td:first-child,th:first-child{text-align:left}
.filters label{margin-right:10px;font-size:13px}
.doc{white-space:pre-wrap;border:1px solid #ddd;padding:10px;max-height:520px;overflow:auto;font-size:14px}
.seg{cursor:pointer}
.seg.s-matched{background:#c8f0c8}.seg.s-missed{background:#ffd1d1}.seg.s-spurious{background:#ffe6b3}.seg.s-optional{background:#e4e4e4}
.seg.s-boundary{background:#d6e4ff}.seg.s-type{background:#ead6ff}
.seg.l-trigger{text-decoration:underline 2px}.seg.l-claim{border-bottom:2px dotted #555}
.legend span{padding:1px 6px;margin-right:6px;border-radius:3px}
.hide-matched .s-matched.row,.hide-missed .s-missed.row,.hide-spurious .s-spurious.row,.hide-boundary .s-boundary.row,.hide-type .s-type.row,.hide-optional .s-optional.row{display:none}
.hide-matched .seg.s-matched,.hide-missed .seg.s-missed,.hide-spurious .seg.s-spurious,.hide-boundary .seg.s-boundary,.hide-type .seg.s-type,.hide-optional .seg.s-optional{background:none}
.hide-mention .l-mention.row,.hide-trigger .l-trigger.row,.hide-claim .l-claim.row,.hide-relation .l-relation.row{display:none}
.row.typehidden{display:none}
#details{position:sticky;top:0;background:#fffbe6;border:1px solid #e0d090;padding:6px;min-height:24px;font-size:12px}
.bar-missed{fill:#e57373}.bar-spurious{fill:#ffb74d}.bar-boundary{fill:#64b5f6}.bar-type{fill:#ba68c8}
"""

SCRIPT = """
(function(){
  var body=document.body;
  document.querySelectorAll('input[data-filter]').forEach(function(box){
    box.addEventListener('change',function(){
      body.classList.toggle('hide-'+box.getAttribute('data-filter'), !box.checked);
    });
  });
  var typeSel=document.getElementById('type-filter');
  typeSel.addEventListener('change',function(){
    var want=typeSel.value;
    document.querySelectorAll('.row').forEach(function(r){
      r.classList.toggle('typehidden', want!=='' && r.getAttribute('data-type')!==want);
    });
  });
  var details=document.getElementById('details');
  document.querySelectorAll('.seg[data-items]').forEach(function(seg){
    seg.addEventListener('click',function(){
      var ids=seg.getAttribute('data-items').split(' ');
      var lines=ids.map(function(id){var row=document.getElementById(id);return row?row.getAttribute('data-summary'):id;});
      details.textContent=lines.join('  |  ');
    });
  });
})();
"""


def esc(x) -> str:
    return "" if x is None else _esc(str(x))


@lru_cache(maxsize=1 << 16)
def _esc(s: str) -> str:
    # types, ids and attribute values repeat across thousands of rows: escape each once
    return html.escape(s, quote=True)


def _escape(s: str) -> str:
    """``esc`` for strings that do not repeat (row ids, summaries, text): a cache would only churn."""
    return html.escape(s, quote=True)


def _fmt(x) -> str:
    return "n/a" if x is None else f"{100 * x:.1f}"


def _ci(m: dict) -> str:
    ci = (m.get("ci") or {}).get("f1")
    return "" if not ci else esc(f"[{_fmt(ci[0])}, {_fmt(ci[1])}]")


# --- statuses -------------------------------------------------------------------------------------

def _statuses(mine: list[tuple], theirs: list[tuple], unmatched: str) -> list[str]:
    """mine/theirs: (start, end, type). matched, type (same span, other type), boundary
    (an overlapping span of the same type) or ``unmatched``."""
    exact = {(s, e): t for s, e, t in theirs}
    same_type_overlap = {i for i, j in overlapping_pairs([x[:2] for x in mine], [x[:2] for x in theirs]) if mine[i][2] == theirs[j][2]}
    out = []
    for i, (s, e, t) in enumerate(mine):
        other = exact.get((s, e))
        if other == t:
            out.append("matched")
        elif other is not None:
            out.append("type")
        elif i in same_type_overlap:
            out.append("boundary")
        else:
            out.append(unmatched)
    return out


def _mention_extra(x: dict) -> dict:
    return {"entity": x.get("entity"), "level": x.get("level")}


def _event_extra(x: dict) -> dict:
    return {"cluster": x.get("cluster"), "mode": x.get("mode"), "polarity": x.get("polarity"), "modality": x.get("modality"),
            "arguments": "; ".join(f"{a['role']}={a['ref']}" for a in x.get("arguments") or [])}


def _claim_item(side: str, c: dict, status: str) -> dict:
    return {"layer": "claim", "side": side, "status": status, "start": c["content"]["start"], "end": c["content"]["end"],
            "type": c.get("quote_type"), "id": c["id"], "extra": {"source": c.get("source"), "cue": (c.get("cue") or {}).get("text")}}


def items_for(pair, alignment) -> list[dict]:
    """Every highlighted item of one document: layer, side, status, span, type, details."""
    out = []
    for layer, kind, getter, extra in (("mention", "mentions", lambda m: (m["start"], m["end"], m["type"]), _mention_extra),
                                       ("trigger", "events", lambda e: (e["trigger"]["start"], e["trigger"]["end"], e["type"]), _event_extra)):
        gi, pi = layer_items(pair.gold, kind), layer_items(pair.pred, kind)
        gk, pk = [getter(x) for x in gi], [getter(x) for x in pi]
        optional = {k for x, k in zip(gi, gk) if x.get("optional")}
        for side, xs, keys, stats in (("gold", gi, gk, _statuses(gk, pk, "missed")), ("pred", pi, pk, _statuses(pk, gk, "spurious"))):
            for x, (s, e, t), st in zip(xs, keys, stats):
                if (s, e, t) in optional and st in ("matched", "missed"):
                    st = "optional"
                out.append({"layer": layer, "side": side, "status": st, "start": s, "end": e, "type": t, "id": x["id"], "extra": extra(x)})
    matched_gold = {id(g) for g in alignment.claim.values()}
    out += [_claim_item("gold", c, "optional" if c.get("optional") else "matched" if id(c) in matched_gold else "missed")
            for c in layer_items(pair.gold, "claims")]
    out += [_claim_item("pred", c, "spurious" if c["id"] not in alignment.claim else "optional" if alignment.claim[c["id"]].get("optional") else "matched")
            for c in layer_items(pair.pred, "claims") if c.get("content")]
    return out


def relation_statuses(gold: list, pred: list, optional: set[int] = frozenset()) -> list[tuple]:
    """(side, type, key, status) of relation items (key, unit, type), matched by key as
    ``relations.strict`` matches them; ``optional`` holds the positions of optional gold
    relations, which ordinary gold relations precede in the matching (as in the scorer)."""
    left = Counter(k for k, _, _ in pred)
    status = {}
    for i in sorted(range(len(gold)), key=lambda i: i in optional):
        key = gold[i][0]
        found = left[key] > 0
        left[key] -= found
        status[i] = "optional" if i in optional else "matched" if found else "missed"
    rows = [("gold", typ, key, status[i]) for i, (key, _, typ) in enumerate(gold)]
    ordinary = Counter(k for i, (k, _, _) in enumerate(gold) if i not in optional)
    optional_left = Counter(k for i, (k, _, _) in enumerate(gold) if i in optional)
    for key, _, typ in pred:
        st = "matched" if ordinary[key] > 0 else "optional" if optional_left[key] > 0 else "spurious"
        (ordinary if st == "matched" else optional_left)[key] -= st != "spurious"
        rows.append(("pred", typ, key, st))
    return rows


# --- rendering --------------------------------------------------------------------------------------

def _prepare(doc_id: str, items: list[dict]) -> None:
    """Add what rendering needs more than once per item: its escaped row id (``rid``) and
    the rank that picks the item coloured where items overlap (``rank``: shortest, then
    predicted before gold).

    Escaping works character by character, so a string made of parts is escaped part by
    part: the parts that repeat (document ids, item ids, types, attribute values) through
    the cache, this module's own words not at all."""
    d = esc(doc_id)
    for it in items:
        it["rid"] = f"item-{d}-{it['side']}-{it['layer']}-{_esc(str(it['id']))}"  # = esc(_row_id(doc_id, it))
        it["rank"] = (it["end"] - it["start"], it["side"] != "pred")


_RANK = itemgetter("rank")


def _render_text(text: str, items: list[dict]) -> str:
    """The text with a highlighted segment wherever items cover it (a sweep over cut points)."""
    cuts = sorted({0, len(text)} | {it["start"] for it in items} | {it["end"] for it in items})
    starting: dict[int, list] = defaultdict(list)
    for it in items:
        starting[it["start"]].append(it)
    active: list[dict] = []
    out = []
    classes: dict[tuple, str] = {}  # (status of the top item, layers of the active items) -> class attribute
    for a, b in zip(cuts, cuts[1:]):
        if active:
            active = [it for it in active if it["end"] > a]
        if a in starting:
            active = active + starting[a]
        chunk = _escape(text[a:b])
        if not active:
            out.append(chunk)
            continue
        status = min(active, key=_RANK)["status"]
        key = (status, frozenset([it["layer"] for it in active]))
        cls = classes.get(key)
        if cls is None:
            cls = classes[key] = " ".join(sorted({f"s-{status}"} | {f"l-{layer}" for layer in key[1]}))
        ids = " ".join([it["rid"] for it in active])  # escaping ids one by one = escaping the joined string
        out.append(f'<span class="seg {cls}" data-items="{ids}">{chunk}</span>')
    return "".join(out)


def _row_id(doc_id: str, it: dict) -> str:
    return f"item-{doc_id}-{it['side']}-{it['layer']}-{it['id']}"


_ROW_ORDER = itemgetter("start", "layer", "side")


def _rows(text: str, items: list[dict]) -> str:
    out = []
    for it in sorted(items, key=_ROW_ORDER):
        # layer, side and status are this module's own words: nothing to escape
        layer, side, status, t, start, end = it["layer"], it["side"], it["status"], it["type"], it["start"], it["end"]
        # the keys of "extra" are this module's own words too
        extra = [(k, _esc(str(v))) for k, v in it["extra"].items() if v]
        summary = f"{side} {layer} {_esc(str(t))} [{start}, {end}) {status}"  # escaped, as each part is
        if extra:
            summary += "; " + ", ".join([f"{k}: {v}" for k, v in extra])
        typ = esc(t)
        attributes = "; ".join([f"{k}={v}" for k, v in extra])
        out.append(
            f'<tr class="row s-{status} l-{layer}" id="{it["rid"]}" data-status="{status}" data-layer="{layer}" '
            f'data-side="{side}" data-type="{typ}" data-summary="{summary}">'
            f'<td>{layer}</td><td>{side}</td><td>{typ}</td><td>{_escape(text[start:end])}</td>'
            f'<td>{status}</td><td>{attributes}</td></tr>')
    return "".join(out)


def _relation_rows(scope: str, rows: list[tuple], details: list) -> str:
    """``details``: each row's ``detail`` (what a CORROBORATES/CONTRADICTS link says agrees or
    conflicts), gold rows then predicted rows, in the order of ``rows``."""
    out = []
    for (side, typ, key, st), detail in zip(rows, details):
        ends = " → ".join(esc(":".join(str(x) for x in part if x is not None)) for part in key[2:])
        out.append(f'<tr class="row s-{st} l-relation" data-status="{st}" data-layer="relation" data-side="{side}" data-type="{esc(typ)}" '
                   f'data-summary="{esc(typ)}"><td>{esc(scope)}</td><td>{side}</td><td>{esc(typ)}</td><td>{esc(detail or "")}</td>'
                   f'<td>{ends}</td><td>{st}</td></tr>')
    return "".join(out)


def _details(*records: list) -> list:
    return [r.get("detail") if isinstance(r, dict) else None for rs in records for r in rs]


RELATION_HEAD = '<tr><th>scope</th><th>side</th><th>type</th><th>detail</th><th>head → tail (aligned)</th><th>status</th></tr>'


def _chart(counts: dict[str, Counter]) -> str:
    types = sorted(counts, key=lambda t: (-sum(counts[t].values()), t))
    width, bar_h = 620, 16
    scale = max([sum(c.values()) for c in counts.values()] or [1])
    parts = [f'<svg id="error-chart" width="{width + 200}" height="{bar_h * len(types) + 30}" role="img" aria-label="errors per type">']
    for i, t in enumerate(types):
        y, x = 20 + i * bar_h, 190
        parts.append(f'<text x="0" y="{y + 12}" font-size="11">{esc(t)}</text>')
        for st in ("missed", "spurious", "boundary", "type"):
            w = counts[t][st] / scale * width
            if w:
                parts.append(f'<rect class="bar-{st}" data-type="{esc(t)}" data-status="{st}" data-count="{counts[t][st]}" x="{x:.1f}" y="{y}" width="{w:.1f}" height="{bar_h - 3}"><title>{esc(t)} {st}: {counts[t][st]}</title></rect>')
                x += w
    parts.append('<text x="190" y="12" font-size="11">red missed · orange spurious · blue boundary · purple type confusion</text></svg>')
    return "".join(parts)


class Report:
    """Collects each document's section as the scorer streams (``add``), then writes the
    page or pages (``write``). Sections wait in temporary files next to the output."""

    def __init__(self, output: str | Path, *, page_items: int = PAGE_ITEMS):
        self.output = Path(output)
        self.page_items = page_items
        self.optional_ends: set[tuple[str, str]] = set()  # (document, id) of optional gold items
        self.gold_corpus: dict = {}
        self.pred_relations: list = []
        self.pages: list[dict] = []  # {"file": open temp file, "path": its path, "items": n, "docs": [ids]}
        self.types: set[str] = set()
        self.chart: dict[str, Counter] = defaultdict(Counter)
        self.entity_preds: dict[str, dict[str, set]] = defaultdict(dict)  # gold entity -> doc -> predicted entities

    def __enter__(self) -> "Report":
        return self

    def __exit__(self, *exc) -> None:
        self._discard()

    def _discard(self) -> None:
        for page in self.pages:
            page["file"].close()
            Path(page["path"]).unlink(missing_ok=True)

    def add(self, pair, doc) -> None:
        """The scorer's ``on_document``: render one document's section."""
        items = items_for(pair, doc.alignment)
        self.optional_ends |= {(pair.doc_id, x["id"]) for layer in ("mentions", "events", "claims")
                               for x in layer_items(pair.gold, layer) if x.get("optional")}
        self.types.update([str(it["type"]) for it in items])
        for it in items:
            # each boundary/type error once, on the gold side; claims have no such errors
            if it["status"] not in ("matched", "optional") and it["layer"] != "claim" and not (it["side"] == "pred" and it["status"] in ("boundary", "type")):
                self.chart[f"{it['layer']}:{it['type']}"][it["status"]] += 1
        self._cross_document(pair, doc.alignment)
        d, text = pair.doc_id, pair.gold["text"]
        _prepare(d, items)
        section = (f'<h3>{esc(d)}</h3><div class="doc" data-doc="{esc(d)}">{_render_text(text, items)}</div>'
                   f'<table class="items" data-doc="{esc(d)}"><tr><th>layer</th><th>side</th><th>type</th><th>text</th><th>status</th><th>attributes</th></tr>'
                   f'{_rows(text, items)}</table>'
                   f'<table class="relations" data-doc="{esc(d)}">{RELATION_HEAD}{_relation_rows("within", relation_statuses(*doc.relations, optional_within(pair)), _details(layer_items(pair.gold, "relations"), layer_items(pair.pred, "relations")))}</table>')
        page = self.pages[-1] if self.pages else None
        if page is None or (page["items"] and page["items"] + len(items) > self.page_items):
            with uninterrupted():  # a part file made is one that _discard knows of
                fd, name = tempfile.mkstemp(prefix=f".{self.output.name}.", suffix=".part", dir=self.output.parent)
                page = {"file": os.fdopen(fd, "w", encoding="utf-8", newline="\n"), "path": name, "items": 0, "docs": []}
                self.pages.append(page)
        page["file"].write(section)
        page["items"] += len(items)
        page["docs"].append(d)

    def _cross_document(self, pair, alignment) -> None:
        """For each gold entity in this document, the predicted entities of its aligned mentions."""
        pred_entity = {g["id"]: pair.pred_index[pid][1].get("entity") for pid, g in alignment.mention.items()}
        for m in layer_items(pair.gold, "mentions"):
            if m.get("entity") is not None:
                found = self.entity_preds[m["entity"]].setdefault(pair.doc_id, set())
                if pred_entity.get(m["id"]) is not None:
                    found.add(pred_entity[m["id"]])

    def page_name(self, k: int) -> Path:
        return self.output if k == 0 else self.output.with_name(f"{self.output.stem}.page-{k + 1}{self.output.suffix}")

    def write(self, result: dict, cross_relations: tuple[list, list], gold_corpus: dict | None,
              pred_corpus: dict | None = None) -> list[Path]:
        """Write every page (each atomically, after all are rendered); return their paths."""
        self.clusters = {c["id"]: c["documents"] for c in (gold_corpus or {}).get("entity_clusters") or []}
        self.gold_corpus = gold_corpus or {}
        self.pred_relations = (pred_corpus or {}).get("relations") or []
        finals = []
        try:
            for page in self.pages:
                page["file"].close()
            umask = os.umask(0)
            os.umask(umask)
            for k, page in enumerate(self.pages or [{"path": None, "docs": [], "items": 0}]):
                with uninterrupted():  # a temporary file made is one the finally below knows of
                    fd, tmp = tempfile.mkstemp(prefix=f".{self.output.name}.", suffix=".tmp", dir=self.output.parent)
                    finals.append(tmp)
                os.chmod(tmp, 0o666 & ~umask)  # as atomic_write: mkstemp makes 0600
                with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as out:
                    out.write(self._head(result, k))
                    if page["path"]:
                        out.flush()  # the part is UTF-8 already: copy its bytes, without decoding and encoding again
                        with open(page["path"], "rb") as part:
                            shutil.copyfileobj(part, out.buffer, 1 << 20)
                    out.write(self._tail(result, cross_relations, k))
            with uninterrupted():  # all pages of the new report, or none: never old pages linking to new ones
                for k, tmp in enumerate(finals):
                    os.replace(tmp, self.page_name(k))
            note_leftovers(self.output)
            return [self.page_name(k) for k in range(len(finals))]
        finally:
            for tmp in finals:
                Path(tmp).unlink(missing_ok=True)  # only those not yet moved into place (after an error)
            self._discard()

    def _paging_note(self, k: int) -> str:
        if len(self.pages) <= 1:
            return ""
        links = " ".join(f'<a href="{esc(self.page_name(i).name)}">{i + 1}</a>' if i != k else f"<b>{i + 1}</b>" for i in range(len(self.pages)))
        total = sum(p["items"] for p in self.pages)
        return (f'<p id="paging">This report has {total} highlighted items, more than {self.page_items} per page, so its articles and '
                f'lists are split into {len(self.pages)} pages (documents {esc(self.pages[k]["docs"][0])} to {esc(self.pages[k]["docs"][-1])} '
                f'on this one). Pages: {links}</p>')

    def _head(self, result: dict, k: int) -> str:
        filters = "".join(f'<label><input type="checkbox" checked data-filter="{s}"> {s}</label>' for s in STATUSES)
        filters += " | " + "".join(f'<label><input type="checkbox" checked data-filter="{layer}"> {layer}</label>' for layer in (*LAYERS, "relation"))
        filters += ' | type <select id="type-filter"><option value="">all</option>' + "".join(f'<option value="{esc(t)}">{esc(t)}</option>' for t in sorted(self.types)) + "</select>"
        legend = "".join(f'<span class="seg s-{s}">{s}</span>' for s in STATUSES) + ' <span class="seg l-trigger">trigger (underlined)</span> <span class="seg l-claim">claim (dotted)</span>'
        pred_path = result["predictions"]["path"]
        out = [f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Ceasefire report: {esc(pred_path)}</title>
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<style>{CSS}</style></head>
<body>
<header><h1>Ceasefire error analysis</h1><div>predictions {esc(pred_path)} · gold {esc(result["gold"]["fingerprint"][:12])} · schema {esc(result["schema_version"])} · scorer {esc(result["scorer"]["version"])}</div></header>
<main>{self._paging_note(k)}"""]
        if k == 0:
            metric_rows = "".join(
                f'<tr data-metric="{esc(n)}"><td>{esc(n)}</td><td>{_fmt(m["precision"])}</td><td>{_fmt(m["recall"])}</td><td>{_fmt(m["f1"])}</td>'
                f'<td>{_ci(m)}</td><td>{esc(m["tp"])}</td><td>{esc(m["fp"])}</td><td>{esc(m["fn"])}</td></tr>'
                for n, m in result["metrics"].items())
            out.append(f'<section><h2>Scores</h2><table id="scores"><tr><th>metric</th><th>P</th><th>R</th><th>F1</th><th>95% CI (F1)</th><th>tp</th><th>fp</th><th>fn</th></tr>{metric_rows}</table></section>'
                       f'<section><h2>Errors per type</h2>{_chart(self.chart)}</section>')
        out.append(f'<section><h2>Articles</h2><div class="filters">{filters}</div><div class="legend">{legend}</div>'
                   '<div id="details">click a highlighted span for its cluster, attributes and links</div>')
        return "".join(out)

    def _tail(self, result: dict, cross_relations: tuple[list, list], k: int) -> str:
        out = ["</section>"]
        if k == 0:
            out.append(f'<section><h2>Relations between the articles</h2><table id="relations">{RELATION_HEAD}'
                       f'{_relation_rows("cross-document", relation_statuses(*cross_relations, optional_cross(self.gold_corpus, self.optional_ends)), _details(self.gold_corpus.get("relations") or [], self.pred_relations))}</table></section>'
                       f'<section><h2>Across the articles</h2>{self._clusters_html(result)}</section>')
        out.append(f"<script>{SCRIPT}</script>\n</main></body></html>\n")
        return "".join(out)

    def _clusters_html(self, result: dict) -> str:
        rows = []
        for cid, docs in self.clusters.items():
            preds = [self.entity_preds.get(cid, {}).get(d, set()) for d in docs]
            st = "matched" if preds and all(preds) and set.intersection(*preds) else "missed"
            rows.append(f'<tr class="row s-{st} l-cluster" data-status="{st}" data-layer="cluster" data-type="entity" data-summary="{esc(cid)}">'
                        f'<td>{esc(cid)}</td><td>{esc(", ".join(docs))}</td><td>{st}</td></tr>')
        m = result["metrics"]
        return (f'<p>Cross-document coreference: CoNLL F1 {_fmt(m["coref.cross_doc.conll"]["f1"])} (entities), '
                f'{_fmt(m["event_coref.cross_doc.conll"]["f1"])} (events); cross-document links F1 {_fmt(m["relations.cross_doc"]["f1"])}. '
                'A gold cluster shared by the articles is <em>found</em> when the prediction puts aligned mentions of it, in every article, into one cluster.</p>'
                '<table id="clusters"><tr><th>gold entity cluster</th><th>articles</th><th>status</th></tr>' + "".join(rows) + "</table>")
