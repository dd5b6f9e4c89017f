"""Counts of an annotated corpus: per layer, type and article, and across articles."""

from __future__ import annotations

from collections import Counter

from ceasefire.annotate.corpus.folder import article_words


def summarize(documents: dict[str, dict], corpus: dict | None) -> dict:
    docs = sorted(documents)
    per_doc = {}
    totals: Counter = Counter()
    by_type: dict[str, Counter] = {k: Counter() for k in ("mentions", "events", "claims", "relations", "entities")}
    for d in docs:
        doc = documents[d]
        row = {layer: len(doc.get(layer) or []) for layer in ("mentions", "entities", "events", "claims", "relations")}
        row["arguments"] = sum(len(e.get("arguments") or []) for e in doc.get("events") or [])
        row["event_clusters"] = len({e["cluster"] for e in doc.get("events") or [] if e.get("cluster")})
        per_doc[d] = row
        totals.update(row)
        for m in doc.get("mentions") or []:
            by_type["mentions"][m["type"]] += 1
        for e in doc.get("entities") or []:
            by_type["entities"][e["type"]] += 1
        for e in doc.get("events") or []:
            by_type["events"][e["type"]] += 1
        for c in doc.get("claims") or []:
            by_type["claims"][c["quote_type"]] += 1
        for r in doc.get("relations") or []:
            by_type["relations"][r["type"]] += 1
    corpus = corpus or {}
    cross_rel = Counter(r["type"] for r in corpus.get("relations") or [])
    for t, n in cross_rel.items():
        by_type["relations"][t] += n
    # optional gold items (guidelines 6), per layer, so the card can say how many are debatable
    optional = {layer: sum(1 for d in docs for x in documents[d].get(layer) or [] if x.get("optional"))
                for layer in ("mentions", "events", "claims", "relations")}
    optional["cross_document_relations"] = sum(1 for r in corpus.get("relations") or [] if r.get("optional"))
    all_entities = {e["id"] for d in docs for e in documents[d].get("entities") or []}
    all_event_clusters = {e["cluster"] for d in docs for e in documents[d].get("events") or [] if e.get("cluster")}
    return {
        "documents": per_doc,
        "totals": dict(totals, entities=len(all_entities), event_clusters=len(all_event_clusters), cross_document_relations=sum(cross_rel.values())),
        "by_type": {k: dict(sorted(v.items())) for k, v in by_type.items()},
        "optional": optional,
        "cross_document": {
            "entity_clusters": len(corpus.get("entity_clusters") or []),
            "event_clusters": len(corpus.get("event_clusters") or []),
            "relations": dict(sorted(cross_rel.items())),
        },
    }


def render(summary: dict) -> str:
    docs = list(summary["documents"])
    cols = ["mentions", "entities", "events", "arguments", "event_clusters", "claims", "relations"]
    lines = ["| layer | " + " | ".join(docs) + " | corpus |", "|---|" + "---:|" * (len(docs) + 1)]
    for c in cols:
        lines.append(f"| {c} | " + " | ".join(str(summary["documents"][d][c]) for d in docs) + f" | {summary['totals'][c]} |")
    lines.append("")
    cd = summary["cross_document"]
    rel = ", ".join(f"{t} {n}" for t, n in cd["relations"].items()) or "none"
    lines.append(f"Cross-document: {cd['entity_clusters']} entity clusters and {cd['event_clusters']} event clusters shared by {article_words(len(docs))['shared_by']}; relations between the articles: {rel}.")
    lines.append("")
    lines.append("Optional (debatable) gold items: " + ", ".join(f"{layer.replace('_', ' ')} {n}" for layer, n in summary["optional"].items()) + ".")
    lines.append("")
    for layer, counts in summary["by_type"].items():
        label = "quote type" if layer == "claims" else "type"
        lines.append(f"- {layer} by {label}: " + ", ".join(f"{t} {n}" for t, n in counts.items()))
    return "\n".join(lines) + "\n"
