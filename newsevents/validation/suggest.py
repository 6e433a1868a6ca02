"""Did you mean: the one edit that fixes an issue, when exactly one edit does.

Candidates are looked up, never invented: field names and enum values from the published JSON
Schema (itself generated from the models), CAMEO codes and labels from the codebook, country
names and alpha-2 codes from pycountry, ids from the records read.  A candidate is kept only if
the edited record no longer has the issue and has no new structure issue where the edit was
made (the models validate it), and only when exactly one candidate passes: an ambiguous
suggestion teaches nothing.
"""

from __future__ import annotations

import difflib
import string
from collections.abc import Callable, Container, Iterator, Mapping, Sequence
from functools import cache
from typing import Any

from pydantic import ValidationError

from newsevents.codebooks import cameo_codes
from newsevents.validation.issue import Suggestion
from newsevents.validation.messages import pointer

Path = Sequence[str | int]
Candidates = Callable[[Path, Mapping[str, Any]], Iterator[Suggestion]]

ID_CHARACTERS = string.ascii_letters + string.digits + "._:-"
"""The characters of an id (the id pattern of the schema), for near-id lookups."""

_CLOSE = 0.8
"""How alike (difflib ratio) a misspelt name must be to a known one to be a candidate."""


def suggest(
    code: str, path: Path, record: Mapping[str, Any], error: ValidationError | None = None
) -> Suggestion | None:
    """Return the one edit of ``record`` that fixes issue ``code`` at ``path``, or None.

    Parameters
    ----------
    code
        The issue code (``NE303`` unknown field, ``NE304`` value not allowed, ``NE401``
        unknown CAMEO code, ``NE410`` country ...); codes without lookups give None.
    path
        Where the issue is in the record, as JSON Pointer parts.
    record
        The record as read.
    error
        The models' error for ``record``, when the caller has it (saves validating the
        record once more).

    Returns
    -------
    Suggestion or None
        The edit, when exactly one candidate fixes the issue.

    Examples
    --------
    >>> suggest("NE410", ["country"], {"record_type": "actor", "country": "UA"}).value
    'UKR'
    >>> suggest("NE410", ["country"], {"record_type": "actor", "country": "Narnia"}) is None
    True
    """
    lookup = _LOOKUPS.get(code)
    if lookup is None:
        return None
    candidates = list(dict.fromkeys(lookup(path, record)))
    if not candidates:
        return None
    before = _structure_issues(record) if error is None else _classified(error, record)
    if before is None:
        return None
    fixes = [c for c in candidates if _fixes(c, (code, pointer(path)), record, before)]
    return fixes[0] if len(fixes) == 1 else None


def near_id(found: str, known: Container[str]) -> str | None:
    """Return the one known id one edit away from ``found`` (a letter added, dropped,
    changed or two swapped), or None when there is none or several.

    Only ``found``'s neighbours are looked up, so this costs the same for ten ids or ten
    million.

    Examples
    --------
    >>> near_id("actor-natox", {"actor-nato", "actor-eu"})
    'actor-nato'
    >>> near_id("actor-x", {"actor-a", "actor-b"}) is None
    True
    """
    near = {n for n in _one_edit(found) if n != found and n in known}
    return near.pop() if len(near) == 1 else None


def _one_edit(word: str) -> Iterator[str]:
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    for left, right in splits:
        if right:
            yield left + right[1:]
            if len(right) > 1:
                yield left + right[1] + right[0] + right[2:]
        for letter in ID_CHARACTERS:
            yield left + letter + right
            if right:
                yield left + letter + right[1:]


def _fixes(
    candidate: Suggestion,
    issue: tuple[str, str],
    record: Mapping[str, Any],
    before: frozenset[tuple[str, str]],
) -> bool:
    try:
        edited = candidate.apply(record)
    except (KeyError, IndexError, TypeError, ValueError):
        return False
    after = _structure_issues(edited)
    if after is None or issue in after:
        return False
    scopes = [_scope(candidate.path)] + ([_scope(candidate.source)] if candidate.source else [])
    return not any(
        found not in before and any(_under(found[1], s) for s in scopes) for found in after
    )


def _scope(edited: str) -> str:
    """Where new issues would show the edit is wrong: the edited value's object, unless that
    is the whole record (a fixed event_type lets the models check fields they skipped)."""
    parent = edited.rsplit("/", 1)[0]
    return parent if parent else edited


def _under(at: str, scope: str) -> bool:
    return at == scope or at.startswith(scope + "/")


def _structure_issues(record: Mapping[str, Any]) -> frozenset[tuple[str, str]] | None:
    """The (code, pointer) of every structure issue of ``record`` by the current models."""
    from newsevents import parse_record

    try:
        parse_record(dict(record))
    except ValidationError as error:
        return _classified(error, record)
    except (TypeError, ValueError, RecursionError):
        return None
    return frozenset()


def _classified(error: ValidationError, record: Mapping[str, Any]) -> frozenset[tuple[str, str]]:
    """The (code, pointer) of each of the models' errors, as the structure check reports them."""
    # Imported here: the structure check calls suggest(), and this reuses its classification.
    from newsevents.validation.checks.structure import classify, record_path

    found = set()
    for detail in error.errors(include_url=False):
        code, where, _ = classify(detail, record_path(detail["loc"], record))
        found.add((code, pointer(where)))
    return frozenset(found)


def _value_at(record: Mapping[str, Any], path: Path) -> Any:
    found: Any = record
    for part in path:
        try:
            found = found[part]
        except (LookupError, TypeError):
            return None
    return found


def _field_names(path: Path, record: Mapping[str, Any]) -> Iterator[Suggestion]:
    if not path or not isinstance(path[-1], str):
        return
    name, parent = path[-1], _value_at(record, path[:-1])
    if not isinstance(parent, dict):
        return
    for known in _close(name, schema_words().fields):
        if known not in parent:
            yield Suggestion("move", pointer([*path[:-1], known]), source=pointer(path))


def _enum_values(path: Path, record: Mapping[str, Any]) -> Iterator[Suggestion]:
    field = next((p for p in reversed(path) if isinstance(p, str)), None)
    value = _value_at(record, path)
    allowed = schema_words().values.get(field or "", ())
    if isinstance(value, str):
        for known in _close(value, allowed):
            yield Suggestion("replace", pointer(path), known)


def _enum_or_json_type(path: Path, record: Mapping[str, Any]) -> Iterator[Suggestion]:
    yield from _enum_values(path, record)
    yield from _json_type(path, record)


def _close(word: str, known: Sequence[str]) -> list[str]:
    """Known words equal to ``word`` but for case, spaces and dashes, else close in spelling."""
    folded = _fold(word)
    same = [k for k in known if _fold(k) == folded and k != word]
    return same or difflib.get_close_matches(word, known, n=3, cutoff=_CLOSE)


def _fold(word: str) -> str:
    return word.casefold().replace("-", "_").replace(" ", "_")


def _cameo_code(path: Path, record: Mapping[str, Any]) -> Iterator[Suggestion]:
    if not path or path[-1] != "code":
        return
    value = _value_at(record, path)
    if isinstance(value, int | float) and not isinstance(value, bool) and value == int(value):
        value = str(int(value))
    if not isinstance(value, str):
        return
    codes = cameo_codes()
    for padded in ("0" + value, "00" + value):
        if padded in codes:
            yield Suggestion("replace", pointer(path), padded)
    for code in _labels().get(_fold(value.strip()), ()):
        yield Suggestion("replace", pointer(path), code)


def _cameo_siblings(path: Path, record: Mapping[str, Any]) -> Iterator[Suggestion]:
    """Root, quad class or Goldstein that fit the code with its leading zero back."""
    if path and path[-1] in ("root", "quad_class", "goldstein"):
        yield from _cameo_code([*path[:-1], "code"], record)


def _country(path: Path, record: Mapping[str, Any]) -> Iterator[Suggestion]:
    import pycountry

    value = _value_at(record, path)
    if not isinstance(value, str):
        return
    try:
        country = pycountry.countries.lookup(value.strip())
    except LookupError:
        return
    yield Suggestion("replace", pointer(path), country.alpha_3)


def _json_type(path: Path, record: Mapping[str, Any]) -> Iterator[Suggestion]:
    """A number or boolean written as a string, or a code written as a number."""
    import json

    value = _value_at(record, path)
    if isinstance(value, str):
        try:
            parsed = json.loads(value.strip())
        except ValueError:
            return
        if isinstance(parsed, bool | int | float):
            yield Suggestion("replace", pointer(path), parsed)
    elif isinstance(value, int) and not isinstance(value, bool):
        try:
            text = str(value)
        except ValueError:  # past Python's int-to-str limit: no code is that long
            return
        yield Suggestion("replace", pointer(path), text)
        yield from _cameo_code(path, record)


_LOOKUPS: dict[str, Candidates] = {
    "NE302": _json_type,
    "NE303": _field_names,
    "NE304": _enum_or_json_type,
    "NE307": _enum_values,
    "NE401": _cameo_code,
    "NE403": _cameo_siblings,
    "NE404": _cameo_siblings,
    "NE405": _cameo_siblings,
    "NE406": _enum_values,
    "NE407": _enum_values,
    "NE409": _enum_values,
    "NE414": _enum_values,
    "NE410": _country,
}
SUGGESTED_CODES = frozenset(_LOOKUPS)
"""The codes whose issues may carry a suggestion (references add NE502-NE504)."""


class SchemaWords:
    """Every field name, and the allowed values of every enumerated field, of the schema."""

    def __init__(self, fields: Sequence[str], values: Mapping[str, Sequence[str]]) -> None:
        self.fields = fields
        self.values = values


@cache
def schema_words() -> SchemaWords:
    """Field names and enum values of every record type, from the JSON Schema of the models."""
    from newsevents import schema

    fields: dict[str, None] = {}
    values: dict[str, dict[str, None]] = {}
    for published in schema.generate().values():
        for node in _nodes(published):
            for name, prop in (node.get("properties") or {}).items():
                fields[name] = None
                for value in _allowed(prop, published):
                    values.setdefault(name, {})[value] = None
    return SchemaWords(sorted(fields), {k: sorted(v) for k, v in values.items()})


def _nodes(node: Any) -> Iterator[dict[str, Any]]:
    if isinstance(node, dict):
        yield node
        for child in node.values():
            yield from _nodes(child)
    elif isinstance(node, list):
        for child in node:
            yield from _nodes(child)


def _allowed(prop: dict[str, Any], root: dict[str, Any]) -> Iterator[str]:
    for node in _nodes(prop):
        target = node
        reference = node.get("$ref")
        if isinstance(reference, str) and reference.startswith("#/$defs/"):
            target = root["$defs"].get(reference.removeprefix("#/$defs/"), {})
        for value in [
            *(target.get("enum") or ()),
            *([target["const"]] if "const" in target else []),
        ]:
            if isinstance(value, str):
                yield value


@cache
def _labels() -> dict[str, tuple[str, ...]]:
    """CAMEO codes by their folded label (``"demand"`` -> ``("100",)``)."""
    found: dict[str, list[str]] = {}
    for code in cameo_codes().values():
        found.setdefault(_fold(code.name), []).append(code.code)
    return {label: tuple(codes) for label, codes in found.items()}
