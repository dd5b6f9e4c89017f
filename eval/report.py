"""`ceasefire-eval report`: one self-contained HTML page of a system against the gold.

Everything is inline (styles, script, chart); the page loads nothing from the
network. Every string from the data is escaped with ``html.escape`` on the server
side, and the script only toggles classes and reads ``data-`` attributes, so a
prediction file that holds HTML or script cannot inject anything into the page.

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
from collections import Counter, defaultdict

STATUSES = ("matched", "boundary", "type", "missed", "spurious")
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
.seg.s-matched{background:#c8f0c8}.seg.s-missed{background:#ffd1d1}.seg.s-spurious{background:#ffe6b3}
.seg.s-boundary{background:#d6e4ff}.seg.s-type{background:#ead6ff}
.seg.l-trigger{text-decoration:underline 2px}.seg.l-claim{border-bottom:2px dotted #555}
.legend span{padding:1px 6px;margin-right:6px;border-radius:3px}
.hide-matched .s-matched.row,.hide-missed .s-missed.row,.hide-spurious .s-spurious.row,.hide-boundary .s-boundary.row,.hide-type .s-type.row{display:none}
.hide-matched .seg.s-matched,.hide-missed .seg.s-missed,.hide-spurious .seg.s-spurious,.hide-boundary .seg.s-boundary,.hide-type .seg.s-type{background:none}
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
    return html.escape("" if x is None else str(x), quote=True)


def _fmt(x) -> str:
    return "n/a" if x is None else f"{100 * x:.1f}"


def _ci(m: dict) -> str:
    ci = (m.get("ci") or {}).get("f1")
    return "" if not ci else esc(f"[{_fmt(ci[0])}, {_fmt(ci[1])}]")


# --- statuses -------------------------------------------------------------------------------------

def _span_status(gold: list[tuple], pred: list[tuple]) -> tuple[list[str], list[str]]:
    """gold/pred: (start, end, type). Returns a status per gold and per predicted item."""
    return _statuses(gold, pred, "missed"), _statuses(pred, gold, "spurious")


def _statuses(mine: list[tuple], theirs: list[tuple], unmatched: str) -> list[str]:
    exact = {(s, e): t for s, e, t in theirs}
    out = []
    for s, e, t in mine:
        other = exact.get((s, e))
        if other == t:
            out.append("matched")
        elif other is not None:
            out.append("type")
        elif any(os_ < e and s < oe and ot == t for os_, oe, ot in theirs):
            out.append("boundary")
        else:
            out.append(unmatched)
    return out


def items_for(run) -> dict[str, list[dict]]:
    """Every highlighted item per document: layer, side, status, span, type, summary."""
    out: dict[str, list[dict]] = defaultdict(list)
    claim_gold_matched = {id(g) for g in run.claim_map.values()}
    for d in run.gold:
        g, p = run.gold[d], run.pred[d]
        for layer, getter, kind in (("mention", lambda m: (m["start"], m["end"], m["type"]), "mentions"),
                                    ("trigger", lambda e: (e["trigger"]["start"], e["trigger"]["end"], e["type"]), "events")):
            gi, pi = g.get(kind) or [], p.get(kind) or []
            gstat, pstat = _span_status([getter(x) for x in gi], [getter(x) for x in pi])
            for side, xs, stats in (("gold", gi, gstat), ("pred", pi, pstat)):
                for x, st in zip(xs, stats):
                    s, e, t = getter(x)
                    extra = {"entity": x.get("entity"), "level": x.get("level")} if layer == "mention" else {
                        "cluster": x.get("cluster"), "mode": x.get("mode"), "polarity": x.get("polarity"), "modality": x.get("modality"),
                        "arguments": "; ".join(f"{a['role']}={a['ref']}" for a in x.get("arguments") or [])}
                    out[d].append({"layer": layer, "side": side, "status": st, "start": s, "end": e, "type": t, "id": x["id"], "extra": extra})
        for c in g.get("claims") or []:
            st = "matched" if id(c) in claim_gold_matched else "missed"
            out[d].append({"layer": "claim", "side": "gold", "status": st, "start": c["content"]["start"], "end": c["content"]["end"],
                           "type": c.get("quote_type"), "id": c["id"], "extra": {"source": c.get("source"), "cue": (c.get("cue") or {}).get("text")}})
        for c in p.get("claims") or []:
            if not c.get("content"):
                continue
            st = "matched" if (d, c["id"]) in run.claim_map else "spurious"
            out[d].append({"layer": "claim", "side": "pred", "status": st, "start": c["content"]["start"], "end": c["content"]["end"],
                           "type": c.get("quote_type"), "id": c["id"], "extra": {"source": c.get("source"), "cue": (c.get("cue") or {}).get("text")}})
    return out


# --- rendering --------------------------------------------------------------------------------------

def _render_text(doc_id: str, text: str, items: list[dict]) -> str:
    cuts = {0, len(text)}
    for it in items:
        cuts.update((it["start"], it["end"]))
    cuts = sorted(cuts)
    out = []
    for a, b in zip(cuts, cuts[1:]):
        cover = [it for it in items if it["start"] <= a and b <= it["end"]]
        chunk = esc(text[a:b])
        if not cover:
            out.append(chunk)
            continue
        top = min(cover, key=lambda it: (it["end"] - it["start"], it["side"] != "pred"))
        classes = {f"s-{top['status']}", f"l-{top['layer']}"} | {f"l-{it['layer']}" for it in cover}
        ids = " ".join(_row_id(doc_id, it) for it in cover)
        out.append(f'<span class="seg {" ".join(sorted(classes))}" data-items="{esc(ids)}">{chunk}</span>')
    return "".join(out)


def _row_id(doc_id: str, it: dict) -> str:
    return f"item-{doc_id}-{it['side']}-{it['layer']}-{it['id']}"


def _summary(it: dict) -> str:
    extra = ", ".join(f"{k}: {v}" for k, v in it["extra"].items() if v)
    return f"{it['side']} {it['layer']} {it['type']} [{it['start']}, {it['end']}) {it['status']}" + (f"; {extra}" if extra else "")


def _rows(doc_id: str, text: str, items: list[dict]) -> str:
    out = []
    for it in sorted(items, key=lambda it: (it["start"], it["layer"], it["side"])):
        rid = _row_id(doc_id, it)
        out.append(
            f'<tr class="row s-{it["status"]} l-{it["layer"]}" id="{esc(rid)}" data-status="{it["status"]}" data-layer="{it["layer"]}" '
            f'data-side="{it["side"]}" data-type="{esc(it["type"])}" data-summary="{esc(_summary(it))}">'
            f'<td>{esc(it["layer"])}</td><td>{esc(it["side"])}</td><td>{esc(it["type"])}</td><td>{esc(text[it["start"]:it["end"]])}</td>'
            f'<td>{esc(it["status"])}</td><td>{esc("; ".join(f"{k}={v}" for k, v in it["extra"].items() if v))}</td></tr>')
    return "".join(out)


def _relation_rows(run) -> tuple[str, Counter]:
    from .scorer import _relation_items

    from ceasefire.schema import load_schema

    symmetric = {n: t.symmetric for n, t in load_schema().relation_types.items()}
    g_w, g_x = _relation_items(run, True, symmetric)
    p_w, p_x = _relation_items(run, False, symmetric)
    rows, counts = [], Counter()
    for scope, gold, pred in (("within", g_w, p_w), ("cross-document", g_x, p_x)):
        pending = Counter(k for k, _, _ in pred)
        for key, _, typ in gold:
            st = "matched" if pending[key] > 0 else "missed"
            if st == "matched":
                pending[key] -= 1
            rows.append((scope, "gold", typ, key, st))
        gold_left = Counter(k for k, _, _ in gold)
        for key, _, typ in pred:
            st = "matched" if gold_left[key] > 0 else "spurious"
            if st == "matched":
                gold_left[key] -= 1
            rows.append((scope, "pred", typ, key, st))
    html_rows = []
    for scope, side, typ, key, st in rows:
        counts[(scope, st)] += 1
        ends = " → ".join(esc(":".join(str(x) for x in part if x is not None)) for part in key[2:])
        html_rows.append(f'<tr class="row s-{st} l-relation" data-status="{st}" data-layer="relation" data-side="{side}" data-type="{esc(typ)}" '
                         f'data-summary="{esc(typ)}"><td>{esc(scope)}</td><td>{side}</td><td>{esc(typ)}</td><td>{ends}</td><td>{st}</td></tr>')
    return "".join(html_rows), counts


def _chart(items_by_doc: dict[str, list[dict]]) -> str:
    counts: dict[str, Counter] = defaultdict(Counter)
    for items in items_by_doc.values():
        for it in items:
            if it["status"] == "matched" or it["layer"] == "claim":
                continue
            if it["side"] == "pred" and it["status"] in ("boundary", "type"):
                continue  # count each boundary/type error once, on the gold side
            counts[f"{it['layer']}:{it['type']}"][it["status"]] += 1
    types = sorted(counts, key=lambda t: -sum(counts[t].values()))
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


def _cross_document(run, result) -> str:
    rows = []
    gold_clusters = run.gold_corpus.get("entity_clusters") or []
    pred_of = {}
    for (d, pid), g in run.mention_map.items():
        pm = next((m for m in run.pred[d].get("mentions") or [] if m["id"] == pid), None)
        pred_of[(d, g["id"])] = pm.get("entity") if pm else None
    for c in gold_clusters:
        members = [(d, m) for d in c["documents"] for m in run.gold[d]["mentions"] if m["entity"] == c["id"]]
        pred_ids = {d: {pred_of.get((d, m["id"])) for dd, m in members if dd == d} - {None} for d in c["documents"]}
        shared = set.intersection(*pred_ids.values()) if pred_ids and all(pred_ids.values()) else set()
        st = "matched" if shared else "missed"
        rows.append(f'<tr class="row s-{st} l-cluster" data-status="{st}" data-layer="cluster" data-type="entity" data-summary="{esc(c["id"])}">'
                    f'<td>{esc(c["id"])}</td><td>{esc(", ".join(c["documents"]))}</td><td>{st}</td></tr>')
    m = result["metrics"]
    return (f'<p>Cross-document coreference: CoNLL F1 {_fmt(m["coref.cross_doc.conll"]["f1"])} (entities), '
            f'{_fmt(m["event_coref.cross_doc.conll"]["f1"])} (events); cross-document links F1 {_fmt(m["relations.cross_doc"]["f1"])}. '
            f'A gold cluster shared by {"both articles" if len(run.gold) == 2 else "several articles"} is <em>found</em> when the prediction puts aligned mentions of it, in every article, into one cluster.</p>'
            '<table id="clusters"><tr><th>gold entity cluster</th><th>articles</th><th>status</th></tr>' + "".join(rows) + "</table>")


def render(result: dict, run) -> str:
    items = items_for(run)
    metric_rows = "".join(
        f'<tr data-metric="{esc(n)}"><td>{esc(n)}</td><td>{_fmt(m["precision"])}</td><td>{_fmt(m["recall"])}</td><td>{_fmt(m["f1"])}</td>'
        f'<td>{_ci(m)}</td><td>{esc(m["tp"])}</td><td>{esc(m["fp"])}</td><td>{esc(m["fn"])}</td></tr>'
        for n, m in result["metrics"].items())
    types = sorted({str(it["type"]) for its in items.values() for it in its})
    docs_html = []
    for d in run.gold:
        docs_html.append(f'<h3>{esc(d)}</h3><div class="doc" data-doc="{esc(d)}">{_render_text(d, run.gold[d]["text"], items[d])}</div>'
                         f'<table class="items" data-doc="{esc(d)}"><tr><th>layer</th><th>side</th><th>type</th><th>text</th><th>status</th><th>attributes</th></tr>'
                         f'{_rows(d, run.gold[d]["text"], items[d])}</table>')
    rel_rows, _ = _relation_rows(run)
    filters = "".join(f'<label><input type="checkbox" checked data-filter="{s}"> {s}</label>' for s in STATUSES)
    filters += " | " + "".join(f'<label><input type="checkbox" checked data-filter="{layer}"> {layer}</label>' for layer in (*LAYERS, "relation"))
    filters += ' | type <select id="type-filter"><option value="">all</option>' + "".join(f'<option value="{esc(t)}">{esc(t)}</option>' for t in types) + "</select>"
    legend = "".join(f'<span class="seg s-{s}">{s}</span>' for s in STATUSES) + ' <span class="seg l-trigger">trigger (underlined)</span> <span class="seg l-claim">claim (dotted)</span>'
    pred_path = result["predictions"]["path"]
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Ceasefire report: {esc(pred_path)}</title>
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<style>{CSS}</style></head>
<body>
<header><h1>Ceasefire error analysis</h1><div>predictions {esc(pred_path)} · gold {esc(result["gold"]["fingerprint"][:12])} · schema {esc(result["schema_version"])} · scorer {esc(result["scorer"]["version"])}</div></header>
<main>
<section><h2>Scores</h2><table id="scores"><tr><th>metric</th><th>P</th><th>R</th><th>F1</th><th>95% CI (F1)</th><th>tp</th><th>fp</th><th>fn</th></tr>{metric_rows}</table></section>
<section><h2>Errors per type</h2>{_chart(items)}</section>
<section><h2>Articles</h2><div class="filters">{filters}</div><div class="legend">{legend}</div><div id="details">click a highlighted span for its cluster, attributes and links</div>{"".join(docs_html)}</section>
<section><h2>Relations</h2><table id="relations"><tr><th>scope</th><th>side</th><th>type</th><th>head → tail (aligned)</th><th>status</th></tr>{rel_rows}</table></section>
<section><h2>Across the {'two ' if len(run.gold) == 2 else ''}articles</h2>{_cross_document(run, result)}</section>
<script>{SCRIPT}</script>
</main></body></html>
"""
