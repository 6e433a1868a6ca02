"""Structural checks derived from the models' pydantic-core schemas, run over Arrow columns.

The walk follows the very schema pydantic executes: required fields, literals, string
patterns and lengths, number ranges, list lengths, unknown fields, tagged unions.  Every
validator function in the schema must have a vectorized counterpart in
:data:`newsevents.validation.fast.rules.RULES`; a schema node or a function this module does
not know raises :class:`UnsupportedSchema` when the walker is built, so a model change can
never silently make the fast path lax.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc

from newsevents.validation.fast.columns import Column, RowMask, runs
from newsevents.validation.fast.lookups import not_in
from newsevents.validation.fast.values import bad_date, bad_timestamp

CoreSchema = Mapping[str, Any]
Rule = Callable[[Column, RowMask], None]


class UnsupportedSchema(TypeError):
    """The models use a schema feature the fast path does not check."""


_UNSAFE_PATTERN = re.compile(r"\\[sSdDwWbBpP]|\(\?[=!<]")
PATTERN_TRANSLATIONS: dict[str, str] = {
    # Rust's \s is Unicode white space, RE2's only ASCII: accept printable ASCII only,
    # a stricter pattern, so a URL the models reject is never let through.
    r"^https?://[^\s]+$": r"^https?://[!-~]+$",
}
_STRING_KEYS = {"type", "pattern", "min_length", "max_length", "strict", "metadata", "ref"}
_NUMBER_KEYS = {"type", "ge", "le", "gt", "lt", "strict", "metadata", "ref"}


def re2_pattern(pattern: str) -> str:
    """Return an RE2 pattern accepting no string the models' (Rust) ``pattern`` rejects."""
    if pattern in PATTERN_TRANSLATIONS:
        return PATTERN_TRANSLATIONS[pattern]
    if _UNSAFE_PATTERN.search(pattern):
        raise UnsupportedSchema(f"no RE2 translation for pattern {pattern!r}")
    return pattern


def _function_name(schema: CoreSchema) -> str:
    function = schema["function"].get("function")
    name = getattr(function, "__qualname__", None)
    if name is None:
        raise UnsupportedSchema(f"unnamed validator function in {schema['type']}")
    return str(name)


class Walker:
    """Applies one model's (or union's) core schema to a column, marking suspect rows."""

    def __init__(self, schema: CoreSchema, rules: Mapping[str, Rule]) -> None:
        self.rules = rules
        self.definitions: dict[str, CoreSchema] = {}
        self.root = schema
        self._verify(schema, set())

    def _verify(self, schema: CoreSchema, seen: set[str]) -> None:
        """Fail now, not on data, when the schema uses something this walker cannot check."""
        kind = schema["type"]
        if kind == "definitions":
            for definition in schema["definitions"]:
                self.definitions[definition["ref"]] = definition
            for definition in schema["definitions"]:
                self._verify(definition, seen)
            self._verify(schema["schema"], seen)
            return
        if kind == "definition-ref":
            ref = schema["schema_ref"]
            if ref not in seen:
                seen.add(ref)
                self._verify(self.definitions[ref], seen)
            return
        if kind not in _HANDLED:
            raise UnsupportedSchema(f"schema node {kind!r} is not supported")
        if kind in ("function-after", "function-before"):
            name = _function_name(schema)
            if name not in self.rules:
                raise UnsupportedSchema(f"validator {name} has no vectorized rule")
        elif kind == "str":
            self._only(schema, _STRING_KEYS)
            if "pattern" in schema:
                re2_pattern(schema["pattern"])
        elif kind in ("int", "float"):
            self._only(schema, _NUMBER_KEYS)
        for key in ("schema", "items_schema"):
            if key in schema:
                self._verify(schema[key], seen)
        for name, field in schema.get("fields", {}).items():
            if field.get("validation_alias"):
                raise UnsupportedSchema(f"field {name} has an alias")
            self._verify(field["schema"], seen)
        for choice in schema.get("choices", {}).values():
            self._verify(choice, seen)

    @staticmethod
    def _only(schema: CoreSchema, allowed: set[str]) -> None:
        extra = set(schema) - allowed
        if extra:
            raise UnsupportedSchema(f"{schema['type']} constraints {sorted(extra)} not checked")

    def run(self, column: Column, mask: RowMask) -> None:
        """Mark every row of ``column`` (a struct column of records) the schema may reject."""
        self.walk(self.root, column, mask)

    def walk(self, schema: CoreSchema, column: Column, mask: RowMask) -> None:
        """Check the non-null values of ``column`` against ``schema``."""
        if len(column.values) == 0 or column.values.null_count == len(column.values):
            return
        if column.gate is not None and not column.gate.any():
            return
        kind = schema["type"]
        handler = getattr(self, "_" + kind.replace("-", "_"))
        handler(schema, column, mask)

    def _definitions(self, schema: CoreSchema, column: Column, mask: RowMask) -> None:
        self.walk(schema["schema"], column, mask)

    def _definition_ref(self, schema: CoreSchema, column: Column, mask: RowMask) -> None:
        self.walk(self.definitions[schema["schema_ref"]], column, mask)

    def _default(self, schema: CoreSchema, column: Column, mask: RowMask) -> None:
        self.walk(schema["schema"], column, mask)

    def _nullable(self, schema: CoreSchema, column: Column, mask: RowMask) -> None:
        self.walk(schema["schema"], column, mask)

    def _function_after(self, schema: CoreSchema, column: Column, mask: RowMask) -> None:
        column = _present(column)
        self.walk(schema["schema"], column, mask)
        self.rules[_function_name(schema)](column, mask)

    def _function_before(self, schema: CoreSchema, column: Column, mask: RowMask) -> None:
        column = _present(column)
        self.rules[_function_name(schema)](column, mask)
        if not pa.types.is_string(column.type):
            self.walk(schema["schema"], column, mask)

    def _model(self, schema: CoreSchema, column: Column, mask: RowMask) -> None:
        if not pa.types.is_struct(column.type):
            mask.mark(column, column.present())
            return
        self.walk(schema["schema"], _present(column), mask)

    def _model_fields(self, schema: CoreSchema, column: Column, mask: RowMask) -> None:
        fields: Mapping[str, Any] = schema["fields"]
        for arrow_field in column.type:
            if arrow_field.name not in fields:
                extra = column.field(arrow_field.name)
                if extra.values.null_count < len(extra.values):
                    mask.mark(column, extra.present())
        for name, field in fields.items():
            child = column.field(name)
            if field["schema"]["type"] != "default" and child.values.null_count:
                mask.mark(child, child.missing())
            self.walk(field["schema"], child, mask)

    def _tagged_union(self, schema: CoreSchema, column: Column, mask: RowMask) -> None:
        tag = column.field(str(schema["discriminator"])).values
        choices: Mapping[str, CoreSchema] = schema["choices"]
        mask.mark(column, pc.invert(pc.is_in(tag, value_set=pa.array(list(choices)))), True)
        contiguous = runs(tag)
        if contiguous is not None:
            for value, start, stop in contiguous:
                if value in choices:
                    self.walk(choices[str(value)], column.slice(start, stop), mask)
            return
        for value, choice in choices.items():
            self.walk(choice, column.gated(pc.equal(tag, value)), mask)

    def _list(self, schema: CoreSchema, column: Column, mask: RowMask) -> None:
        if not (pa.types.is_list(column.type) or pa.types.is_large_list(column.type)):
            mask.mark(column, column.present())
            return
        lengths = column.lengths()
        if "max_length" in schema:
            mask.mark(column, pc.greater(lengths, schema["max_length"]))
        if "min_length" in schema:
            mask.mark(column, pc.less(lengths, schema["min_length"]))
        items = column.items()
        item_schema = schema["items_schema"]
        if item_schema["type"] not in ("nullable", "default") and items.values.null_count:
            mask.mark(items, items.missing())
        self.walk(item_schema, items, mask)

    def _str(self, schema: CoreSchema, column: Column, mask: RowMask) -> None:
        if not pa.types.is_string(column.type) and not pa.types.is_large_string(column.type):
            mask.mark(column, column.present())
            return
        values = column.values
        if "min_length" in schema or "max_length" in schema:
            length = pc.utf8_length(values)
            if "min_length" in schema:
                mask.mark(column, pc.less(length, schema["min_length"]))
            if "max_length" in schema:
                mask.mark(column, pc.greater(length, schema["max_length"]))
        if "pattern" in schema:
            pattern = re2_pattern(schema["pattern"])
            mask.mark(column, pc.invert(pc.match_substring_regex(values, pattern)))

    def _literal(self, schema: CoreSchema, column: Column, mask: RowMask) -> None:
        expected = schema["expected"]
        values = column.values
        if all(isinstance(v, str) for v in expected):
            if not pa.types.is_string(values.type):
                mask.mark(column, column.present())
                return
            allowed = pa.array(expected, pa.string())
        elif all(isinstance(v, int) and not isinstance(v, bool) for v in expected):
            if not pa.types.is_integer(values.type):
                mask.mark(column, column.present())
                return
            allowed = pa.array(expected, values.type)
        else:
            raise UnsupportedSchema(f"literal {expected!r} mixes kinds")
        mask.mark(column, not_in(values, allowed))

    def _int(self, schema: CoreSchema, column: Column, mask: RowMask) -> None:
        if not pa.types.is_integer(column.type):
            mask.mark(column, column.present())
            return
        self._range(schema, column, mask)

    def _float(self, schema: CoreSchema, column: Column, mask: RowMask) -> None:
        if not (pa.types.is_floating(column.type) or pa.types.is_integer(column.type)):
            mask.mark(column, column.present())
            return
        self._range(schema, column, mask)

    def _range(self, schema: CoreSchema, column: Column, mask: RowMask) -> None:
        values = column.values
        inside = None
        for key, compare in (("ge", pc.greater_equal), ("le", pc.less_equal)):
            if key in schema:
                test = compare(values, schema[key])
                inside = test if inside is None else pc.and_(inside, test)
        for key, compare in (("gt", pc.greater), ("lt", pc.less)):
            if key in schema:
                test = compare(values, schema[key])
                inside = test if inside is None else pc.and_(inside, test)
        if inside is not None:  # NaN compares false: suspect
            mask.mark(column, pc.invert(inside))

    def _bool(self, schema: CoreSchema, column: Column, mask: RowMask) -> None:
        if not pa.types.is_boolean(column.type):
            mask.mark(column, column.present())

    def _date(self, schema: CoreSchema, column: Column, mask: RowMask) -> None:
        mask.mark(column, bad_date(column.values))

    def _datetime(self, schema: CoreSchema, column: Column, mask: RowMask) -> None:
        mask.mark(column, bad_timestamp(column.values))


def _present(column: Column) -> Column:
    """The non-null values of ``column`` (rules and model fields see only those): a gate
    when most are present, a compact copy when most are not (later checks then run over
    far fewer values)."""
    nulls = column.values.null_count
    if nulls == 0:
        return column
    if 2 * nulls > len(column.values):
        return column.where(column.present())
    return column.gated(column.present())


_HANDLED = frozenset(
    {
        "bool",
        "date",
        "datetime",
        "default",
        "float",
        "function-after",
        "function-before",
        "int",
        "list",
        "literal",
        "model",
        "model-fields",
        "nullable",
        "str",
        "tagged-union",
    }
)
