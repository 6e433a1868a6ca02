"""Human summaries of the schema and (once it exists) the shipped dataset."""

from __future__ import annotations

import sys

from newsevents.codebooks import CODEBOOK_SOURCES, CODEBOOK_VERSION, cameo_codes
from newsevents.codebooks.event_types import EVENT_TYPES, cameo_prefixes
from newsevents.codes import CATALOG
from newsevents.models import Actor, Alert, Deployment, Document, Statement
from newsevents.versions import PUBLISHED_VERSIONS, SCHEMA_VERSION


def schema_summary() -> str:
    """Return a short text summary of the schema, its versions and codebooks."""
    lines = [
        f"newsevents schema {SCHEMA_VERSION} (published: {', '.join(PUBLISHED_VERSIONS)})",
        f"codebooks {CODEBOOK_VERSION}:",
        *(f"  {name}: {source}" for name, source in CODEBOOK_SOURCES.items()),
        f"  {len(cameo_codes())} CAMEO event codes",
        "record types:",
    ]
    for model in (Document, Actor, Alert, Deployment, Statement):
        fields = ", ".join(model.model_fields)
        lines.append(f"  {model.__name__} ({len(model.model_fields)} fields): {fields}")
    lines.append("CAMEO codes allowed per event type (prefixes):")
    lines.extend(f"  {t}: {', '.join(cameo_prefixes(t))}" for t in EVENT_TYPES)
    lines.append(f"{len(CATALOG)} registered checks (docs/validation.md)")
    return "\n".join(lines) + "\n"


def dataset_summary() -> str:
    """Return a text summary of the shipped reference dataset: records by type and factuality."""
    from collections import Counter

    from newsevents.dataset import load_dataset

    data = load_dataset()
    lines = [
        f"dataset {data.name} {data.version} (schema {data.schema_version}, "
        f"checksums of {len(data.manifest['files'])} files verified)",
        f"  {len(data.documents)} document, {len(data.actors)} actors, {len(data.events)} events",
        "  actors by kind: "
        + ", ".join(f"{k} {n}" for k, n in sorted(Counter(a.kind for a in data.actors).items())),
        "  events by type and factuality (polarity, modality):",
    ]
    by_type = Counter(e.event_type for e in data.events)
    for event_type, count in sorted(by_type.items()):
        factuality = Counter(
            (e.factuality.polarity, e.factuality.modality)
            for e in data.events
            if e.event_type == event_type
        )
        detail = ", ".join(f"{p} {m} {n}" for (p, m), n in sorted(factuality.items()))
        lines.append(f"    {event_type} {count}: {detail}")
    lines.append(f"  Parquet: {data.parquet_paths['events'].parent}")
    return "\n".join(lines) + "\n"


def demo() -> int:
    """Print the summary of the shipped dataset."""
    sys.stdout.write(dataset_summary())
    _validation_demo()
    return 0


def _validation_demo() -> None:
    """Validate the shipped dataset and the third-party example file (newsevents.validation)."""
    from newsevents.validation.showcase import validation_demo

    validation_demo(sys.stdout)
