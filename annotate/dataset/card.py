"""The dataset card (the HF folder's README.md) and the offline check of its metadata."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

import yaml
from datasets import DatasetInfo
from datasets.info import DatasetInfosDict
from datasets.splits import SplitDict, SplitInfo
from huggingface_hub import DatasetCardData

from .configs import CONFIGS, DEFAULT_CONFIG, SPLIT

PRETTY_NAME = "Ceasefire: actors, events, claims and cross-source relations in {n_articles} news articles"
#: The licence file in the folder (copied from LICENSE-DATA.md by the build). The Hub's
#: `license: other` takes a name and a link: one licence id cannot say "annotations CC BY 4.0,
#: texts of unknown rights" (https://huggingface.co/docs/hub/repositories-licenses).
LICENSE_FILE = "LICENSE.md"
METADATA = {
    "license": "other",
    "license_name": "cc-by-4.0-annotations-texts-rights-unknown",
    "license_link": LICENSE_FILE,
    "language": ["en"],
    "multilinguality": "monolingual",
    "size_categories": ["n<1K"],
    "task_categories": ["token-classification", "text-classification"],
    "annotations_creators": ["machine-generated"],
    "language_creators": ["found"],
    "source_datasets": ["original"],
    "tags": ["information-extraction", "event-extraction", "coreference", "attribution", "claims", "cross-document", "plover", "news"],
}


def card_metadata(sizes: dict[str, dict], features: dict, *, n_articles: int = 2) -> dict[str, Any]:
    from ceasefire.annotate.corpus.folder import article_words

    card = DatasetCardData(pretty_name=PRETTY_NAME.format(**article_words(n_articles)), **METADATA)
    infos = {}
    for config in CONFIGS:
        s = sizes[config]
        infos[config] = DatasetInfo(
            features=features[config],
            splits=SplitDict({SPLIT: SplitInfo(name=SPLIT, num_bytes=s["num_bytes"], num_examples=s["num_examples"])}),
            download_size=s["download_size"],
            dataset_size=s["num_bytes"],
            config_name=config,
        )
    DatasetInfosDict(infos).to_dataset_card_data(card)
    meta = yaml.safe_load(card.to_yaml())
    meta["configs"] = [
        {"config_name": c, "data_files": [{"split": SPLIT, "path": sizes[c]["path"]}], **({"default": True} if c == DEFAULT_CONFIG else {})}
        for c in CONFIGS
    ]
    return meta


def render_card(meta: dict, body: str) -> str:
    return "---\n" + yaml.safe_dump(meta, sort_keys=False, allow_unicode=True, width=1000) + "---\n\n" + body


def split_card(text: str) -> tuple[dict, str]:
    if not text.startswith("---\n"):
        raise ValueError("the card does not start with a YAML block (---)")
    end = text.index("\n---\n", 4)
    return yaml.safe_load(text[4:end]) or {}, text[end + 5:]


# --- offline validation -------------------------------------------------------------------

def _resource(name: str):
    return json.loads(resources.files("datasets.utils.resources").joinpath(name).read_text(encoding="utf-8"))


def offline_value_lists() -> dict[str, Any]:
    """The value lists that datasets and huggingface_hub ship, keyed by card field."""
    from datasets.utils.metadata import known_task_ids

    creators = _resource("creators.json")
    return {
        "language": set(_resource("languages.json")),
        "multilinguality": set(_resource("multilingualities.json")),
        "size_categories": set(_resource("size_categories.json")),
        "annotations_creators": set(creators["annotations"]),
        "language_creators": set(creators["language"]),
        "task_categories": set(known_task_ids),
    }


def validate_metadata(meta: dict, folder_files: set[str]) -> list[str]:
    """Problems with the card's metadata; each names the field, the value and what is allowed."""
    problems = []
    lists = offline_value_lists()
    for field, allowed in lists.items():
        value = meta.get(field)
        if value is None:
            problems.append(f"card metadata: {field}: is missing")
            continue
        for v in value if isinstance(value, list) else [value]:
            if v not in allowed:
                shown = ", ".join(sorted(allowed)) if len(allowed) < 50 else f"one of the {len(allowed)} codes in datasets/utils/resources"
                problems.append(f"card metadata: {field}: {v!r} is not a known value; allowed: {shown}")
    for field in ("pretty_name", "license"):
        if not meta.get(field):
            problems.append(f"card metadata: {field}: is missing")
    if meta.get("license") == "other":
        for field in ("license_name", "license_link"):
            if not meta.get(field):
                problems.append(f"card metadata: {field}: is missing; license: other needs license_name and license_link")
        link = meta.get("license_link")
        if link and not str(link).startswith("https://") and link not in folder_files:
            problems.append(f"card metadata: license_link: {link!r} is not a file in the folder; allowed: a file of the folder or an https:// URL")
    configs = meta.get("configs") or []
    names = [c.get("config_name") for c in configs]
    if sum(bool(c.get("default")) for c in configs) != 1:
        problems.append("card metadata: configs: exactly one config must have default: true (otherwise load_dataset(folder) raises)")
    for c in configs:
        for df in c.get("data_files") or []:
            if df.get("path") not in folder_files:
                problems.append(f"card metadata: configs: {c.get('config_name')}: data file {df.get('path')!r} is not in the folder")
    infos = meta.get("dataset_info") or []
    infos = infos if isinstance(infos, list) else [infos]
    info_names = [i.get("config_name") for i in infos]
    if sorted(info_names) != sorted(names):
        problems.append(f"card metadata: dataset_info: configs {info_names} differ from configs {names}")
    for i in infos:
        for split in i.get("splits") or []:
            if not split.get("num_examples"):
                problems.append(f"card metadata: dataset_info: {i.get('config_name')}: split {split.get('name')!r} has no rows (an empty config cannot be loaded)")
    return problems


NOT_CHECKED_OFFLINE = ("license: no offline list of licence ids ships with datasets or huggingface_hub; checked for presence, "
                       "and for license: other, that license_name is set and license_link is a file of the folder")
