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


def demo() -> int:
    """Print the schema summary (the dataset summary replaces it once the dataset ships)."""
    sys.stdout.write(schema_summary())
    return 0
