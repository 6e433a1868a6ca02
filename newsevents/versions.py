"""Schema versions: the current one, every published one, and how they compare.

Versions are compared with :class:`packaging.version.Version`, never as strings
(``"1.10.0" < "1.9.0"`` as strings; pystac's bug).
"""

from __future__ import annotations

from functools import lru_cache

from packaging.version import InvalidVersion, Version

SCHEMA_VERSION = "1.1.0"
"""The schema version this library writes."""

PUBLISHED_VERSIONS: tuple[str, ...] = ("1.0.0", "1.1.0")
"""Every schema version ever published; each is bundled and stays readable."""

RECORD_TYPES: tuple[str, ...] = ("document", "actor", "event")
"""Top-level record types; one JSON Schema file each per version."""


def parse_version(text: str) -> Version | None:
    """Return ``text`` as a Version when it is a plain MAJOR.MINOR.PATCH, else None."""
    parts = text.split(".")
    if len(parts) != 3 or not all(p.isdigit() and (p == "0" or p[0] != "0") for p in parts):
        return None
    try:
        return Version(text)
    except (InvalidVersion, ValueError):  # digits past int()'s conversion limit
        return None


@lru_cache(maxsize=1024)
def is_before(declared: str, version: str) -> bool:
    """Whether ``declared`` is a version older than ``version`` (False when malformed)."""
    parsed = parse_version(declared)
    return parsed is not None and parsed < Version(version)


def supported_majors() -> tuple[int, ...]:
    """Major versions this library reads."""
    return tuple(sorted({Version(v).major for v in PUBLISHED_VERSIONS}))


def newest_published(major: int) -> str | None:
    """Return the newest published version with ``major``, or None."""
    same = [Version(v) for v in PUBLISHED_VERSIONS if Version(v).major == major]
    return str(max(same)) if same else None


def reading_version(declared: str) -> str | None:
    """Return the published version a record declaring ``declared`` is validated against.

    A published version is read as itself; an unpublished version of a known major is read
    as the newest published version of that major not newer than it, or as the newest of the
    major when it is newer than all (with a warning, see NE203).  None: unknown major.
    """
    version = parse_version(declared)
    if version is None:
        return None
    if declared in PUBLISHED_VERSIONS:
        return declared
    same = sorted(Version(v) for v in PUBLISHED_VERSIONS if Version(v).major == version.major)
    if not same:
        return None
    older = [v for v in same if v <= version]
    return str(older[-1] if older else same[0])


def is_newer_than_known(declared: str) -> bool:
    """Whether ``declared`` is newer than every published version of its major."""
    version = parse_version(declared)
    if version is None:
        return False
    newest = newest_published(version.major)
    return newest is not None and version > Version(newest)
