"""The catalogue of issue codes: every rule and check is registered here once.

A code is data (Frictionless): a stable identifier (``NE`` + family digit + two digits), a
slug, a severity, a family, a one-line description and a message template.  The pydantic
models raise rule violations by code, the validator reports them by code, and
``docs/validation.md`` is generated from this table, so none of them can drift.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Severity(StrEnum):
    """How bad an issue is: ``error`` is a MUST, ``warning`` a SHOULD, ``info`` a note."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


class Family(StrEnum):
    """The family a check belongs to; the hundreds digit of its code."""

    READING = "reading"
    VERSION = "version"
    STRUCTURE = "structure"
    CODEBOOK = "codebook"
    REFERENCE = "reference"
    ANCHORING = "anchoring"
    FACTUALITY = "factuality"
    PRACTICE = "best-practice"
    MIGRATION = "migration"
    CROSSWALK = "crosswalk"


@dataclass(frozen=True, slots=True)
class CheckSpec:
    """One registered check: its code, slug, severity, family, description and template."""

    code: str
    slug: str
    severity: Severity
    family: Family
    description: str
    template: str

    def render(self, **context: object) -> str:
        """Fill the message template with ``context``; unknown keys render as ``?``."""
        return self.template.format_map(_Lenient(context))


class _Lenient(dict[str, object]):
    def __missing__(self, key: str) -> str:
        return "?"


ERROR, WARNING, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO
_F = Family

_SPECS: tuple[CheckSpec, ...] = (
    # 0xx crosswalk: rows of GDELT, ACLED and PLOVER files brought into the schema and out
    CheckSpec(
        "NE001",
        "source-layout-unknown",
        ERROR,
        _F.CROSSWALK,
        "A source file's layout (its columns or keys) is none the crosswalk reads; the file "
        "is not converted, since guessing would shift every field.",
        "unknown {source} layout: {columns} column(s); first row: {row}",
    ),
    CheckSpec(
        "NE002",
        "source-row-columns",
        ERROR,
        _F.CROSSWALK,
        "A row has more or fewer fields than its file's layout; it is skipped.",
        "expected {expected} fields ({layout}), found {found}; the row is skipped",
    ),
    CheckSpec(
        "NE003",
        "source-value-invalid",
        ERROR,
        _F.CROSSWALK,
        "A field holds a value of the wrong form (a date that is not a date, a number that "
        "is not a number); the row is skipped.",
        "{field}: expected {expected}, found {found}; the row is skipped",
    ),
    CheckSpec(
        "NE004",
        "source-value-missing",
        ERROR,
        _F.CROSSWALK,
        "A field every converted record needs is empty; the row is skipped.",
        "{field} is empty; the row is skipped",
    ),
    CheckSpec(
        "NE005",
        "source-code-unknown",
        ERROR,
        _F.CROSSWALK,
        "An event code or type is not in our codebooks (CAMEO 1.1b3, PLOVER 0.8); the row "
        "is skipped.",
        "{field}: expected {expected}, found {found}; the row is skipped",
    ),
    CheckSpec(
        "NE006",
        "source-root-mismatch",
        WARNING,
        _F.CROSSWALK,
        "GDELT's EventRootCode or EventBaseCode is not the root or base of its EventCode; "
        "the code's own root is kept.",
        "{field} {found} disagrees with EventCode {code} (expected {expected})",
    ),
    CheckSpec(
        "NE007",
        "source-quad-class-mismatch",
        WARNING,
        _F.CROSSWALK,
        "GDELT's QuadClass disagrees with the CAMEO codebook for its EventCode; the "
        "codebook's quad class is kept.",
        "QuadClass {found} disagrees with EventCode {code}, whose quad class is {expected} "
        "(GDELT convention); {expected} is kept",
    ),
    CheckSpec(
        "NE008",
        "source-goldstein-mismatch",
        WARNING,
        _F.CROSSWALK,
        "GDELT's GoldsteinScale disagrees with the GDELT Goldstein table for its EventCode; "
        "the table's value is kept.",
        "GoldsteinScale {found} disagrees with EventCode {code}, whose Goldstein value is "
        "{expected}; {expected} is kept",
    ),
    CheckSpec(
        "NE009",
        "source-country-unknown",
        WARNING,
        _F.CROSSWALK,
        "A FIPS 10-4 (GDELT) or ISO numeric (ACLED) country code has no ISO 3166-1 "
        "alpha-3 equivalent in our tables; the place keeps no country code.",
        "{field}: {found} is not a {table} code with an ISO 3166-1 alpha-3 equivalent; the "
        "place keeps no country code",
    ),
    CheckSpec(
        "NE010",
        "source-actor-code-invalid",
        WARNING,
        _F.CROSSWALK,
        "An actor code is not a CAMEO actor code (one to five three-letter elements); the "
        "actor keeps its name but no code.",
        "{field}: {found} is not a CAMEO actor code; the actor keeps no code",
    ),
    CheckSpec(
        "NE011",
        "source-acled-type-mismatch",
        ERROR,
        _F.CROSSWALK,
        "An ACLED sub_event_type is not one of its event_type's; the row is skipped, since "
        "which of the two is wrong cannot be decided.",
        "sub_event_type {found} is not one of event type {event_type}'s ({expected}); the "
        "row is skipped",
    ),
    CheckSpec(
        "NE012",
        "source-derived-mismatch",
        WARNING,
        _F.CROSSWALK,
        "A field that the source derives from another (GDELT MonthYear, Year and "
        "FractionDate from SQLDATE; ACLED year from event_date, disorder_type from "
        "event_type) disagrees with it; it is derived again on export.",
        "{field} {found} disagrees with {basis} (expected {expected})",
    ),
    CheckSpec(
        "NE013",
        "field-not-kept",
        INFO,
        _F.CROSSWALK,
        "Values of a field have no place in the target format and are not kept; the "
        "conversion says how many, once per field and file.",
        "{field}: {count} value(s) not kept in {target}: {reason}",
    ),
    CheckSpec(
        "NE014",
        "source-duplicate-id",
        WARNING,
        _F.CROSSWALK,
        "A row repeats the id of an earlier row of the same file; the repeat is skipped.",
        "{field} {found} was read before, at row {first}; the row is skipped",
    ),
    CheckSpec(
        "NE015",
        "source-layout-legacy",
        WARNING,
        _F.CROSSWALK,
        "The file has an older layout of its source; it is read, but some fields are "
        "missing or named differently.",
        "{layout} is an older {source} layout: {reason}",
    ),
    # 1xx reading
    CheckSpec(
        "NE101",
        "file-unreadable",
        ERROR,
        _F.READING,
        "The file cannot be opened or read.",
        "cannot read {path}: {reason}",
    ),
    CheckSpec(
        "NE102",
        "not-utf8",
        ERROR,
        _F.READING,
        "The bytes are not valid UTF-8.",
        "expected UTF-8 text, found an invalid byte at offset {offset}",
    ),
    CheckSpec(
        "NE103",
        "invalid-json",
        ERROR,
        _F.READING,
        "The text is not valid JSON.",
        "invalid JSON at line {line}, column {column}: {reason}",
    ),
    CheckSpec(
        "NE104",
        "record-not-object",
        ERROR,
        _F.READING,
        "A record is not a JSON object.",
        "expected a JSON object, found {found}",
    ),
    CheckSpec(
        "NE105",
        "unsupported-format",
        ERROR,
        _F.READING,
        "The file is not JSON, JSON Lines or Parquet.",
        "expected a .json, .jsonl, .ndjson or .parquet file, found {found}",
    ),
    CheckSpec(
        "NE106",
        "parquet-unreadable",
        ERROR,
        _F.READING,
        "The Parquet file is truncated, corrupt or not Parquet at all.",
        "cannot read Parquet: {reason}",
    ),
    CheckSpec(
        "NE107",
        "parquet-column-type",
        ERROR,
        _F.READING,
        "A Parquet column has a type other than the one the schema derives.",
        "column {column}: expected {expected}, found {found}",
    ),
    CheckSpec(
        "NE108",
        "too-deep",
        ERROR,
        _F.READING,
        "A value is nested deeper than any valid record can be.",
        "nesting deeper than {limit} levels",
    ),
    CheckSpec(
        "NE109",
        "not-a-regular-file",
        ERROR,
        _F.READING,
        "A path names a FIFO, device or socket: reading it could block forever, so it is "
        "not opened.",
        "{path} is {kind}, not a regular file; it is not read",
    ),
    CheckSpec(
        "NE110",
        "broken-link",
        ERROR,
        _F.READING,
        "A path is a symbolic link that leads nowhere: a dangling link or a loop.",
        "{path} is {reason}; it is not read",
    ),
    CheckSpec(
        "NE111",
        "folder-unlistable",
        ERROR,
        _F.READING,
        "A folder (given, or found inside one given) cannot be listed, so its files cannot "
        "be validated.",
        "cannot list the folder {path}: {reason}; none of its files is validated",
    ),
    CheckSpec(
        "NE112",
        "not-utf8-encoding",
        ERROR,
        _F.READING,
        "The whole file is in another encoding (UTF-16 or UTF-32, told by its byte order "
        "mark or its NUL bytes); JSON exchanged between systems must be UTF-8 (RFC 8259).",
        "the file is {encoding} ({evidence}), not UTF-8; it is not read",
    ),
    CheckSpec(
        "NE113",
        "compressed-file",
        ERROR,
        _F.READING,
        "The file is compressed or archived (gzip, zip, zstd, bzip2, xz); it is not "
        "decompressed on the fly.",
        "the file is {compression} data, not {format}; decompress it first ({command})",
    ),
    CheckSpec(
        "NE114",
        "duplicate-key",
        ERROR,
        _F.READING,
        "An object holds the same key twice; parsers disagree on which value wins, so the "
        "record means different things to different readers.",
        "key {key} appears {count} times in one object; the last value is the one checked",
    ),
    CheckSpec(
        "NE115",
        "out-of-memory",
        ERROR,
        _F.READING,
        "Reading a value needed more memory than the process could have.",
        "ran out of memory reading {what} ({size} bytes); the rest of the file is not read",
    ),
    CheckSpec(
        "NE116",
        "digits-too-long",
        ERROR,
        _F.READING,
        "A number has more digits than Python converts (sys.get_int_max_str_digits(); "
        "converting takes time growing with the square of its length); no field needs that "
        "many, and the record is not checked further.",
        "a number of {digits} digits, more than the {limit} any number may have; the record "
        "is not checked further",
    ),
    CheckSpec(
        "NE117",
        "parquet-value-unreadable",
        ERROR,
        _F.READING,
        "A value in a Parquet column cannot be read into a record (a date or time outside "
        "the years 1 to 9999, for example); the row is not checked further.",
        "column {column}: {reason}; the row is not checked further",
    ),
    CheckSpec(
        "NE120",
        "arrow-value-changed",
        ERROR,
        _F.READING,
        "Writing the records to Arrow or Parquet would change a value (a string where a list "
        "belongs, 97.0 in an integer column, a date not in ISO 8601 form); nothing is written.",
        "{found} cannot be stored as {expected} without changing it; nothing is written",
    ),
    CheckSpec(
        "NE121",
        "arrow-field-dropped",
        ERROR,
        _F.READING,
        "Writing the records to Arrow or Parquet would drop a field that has no column in the "
        "table; nothing is written.",
        "field {field} has no column in the {table} table and would be dropped; nothing is written",
    ),
    CheckSpec(
        "NE122",
        "input-empty",
        WARNING,
        _F.READING,
        "A file holds no record at all (no bytes, only blank lines, an empty array, or a "
        "Parquet file without rows): nothing in it was validated.",
        "{path} holds no records: nothing was validated",
    ),
    # 2xx version
    CheckSpec(
        "NE201",
        "version-missing",
        ERROR,
        _F.VERSION,
        "A record has no schema_version.",
        "expected schema_version, found none",
    ),
    CheckSpec(
        "NE202",
        "version-unknown-major",
        ERROR,
        _F.VERSION,
        "The record's major schema version is not one this library reads.",
        "schema_version {found} is not supported; supported versions: {supported}",
    ),
    CheckSpec(
        "NE203",
        "version-newer-minor",
        WARNING,
        _F.VERSION,
        "The record is of a newer minor version than this library knows; it is "
        "validated against the newest known version of the same major.",
        "schema_version {found} is newer than {known}, the newest this library knows",
    ),
    CheckSpec(
        "NE204",
        "version-malformed",
        ERROR,
        _F.VERSION,
        "schema_version is not a MAJOR.MINOR.PATCH version.",
        "expected a version like 1.0.0, found {found}",
    ),
    CheckSpec(
        "NE205",
        "feature-newer-than-version",
        ERROR,
        _F.VERSION,
        "A record uses a field or value added in a later schema version than the one it "
        "declares; declare that version, or migrate the record (newsevents migrate).",
        "{feature} was added in schema {since}, but the record declares {declared}",
    ),
    # 3xx structure
    CheckSpec(
        "NE301",
        "missing-field",
        ERROR,
        _F.STRUCTURE,
        "A required field is missing.",
        "required field {field} is missing",
    ),
    CheckSpec(
        "NE302",
        "wrong-type",
        ERROR,
        _F.STRUCTURE,
        "A value has the wrong type.",
        "expected {expected}, found {found}",
    ),
    CheckSpec(
        "NE303",
        "unknown-field",
        ERROR,
        _F.STRUCTURE,
        "A field is not defined by the schema.",
        "unknown field {field}",
    ),
    CheckSpec(
        "NE304",
        "bad-enum-value",
        ERROR,
        _F.STRUCTURE,
        "A value is not one of the allowed values.",
        "expected {expected}, found {found}",
    ),
    CheckSpec(
        "NE305",
        "bad-pattern",
        ERROR,
        _F.STRUCTURE,
        "A string does not match the required pattern.",
        "expected a string matching {expected}, found {found}",
    ),
    CheckSpec(
        "NE306",
        "out-of-range",
        ERROR,
        _F.STRUCTURE,
        "A number, string or list is outside its allowed range or length.",
        "{reason}, found {found}",
    ),
    CheckSpec(
        "NE307",
        "bad-record-type",
        ERROR,
        _F.STRUCTURE,
        "record_type or event_type is missing or not one of the known types.",
        "expected {expected}, found {found}",
    ),
    CheckSpec(
        "NE308",
        "invalid-value",
        ERROR,
        _F.STRUCTURE,
        "A value is invalid for another structural reason.",
        "{reason}",
    ),
    # 4xx codebooks
    CheckSpec(
        "NE401",
        "cameo-code-unknown",
        ERROR,
        _F.CODEBOOK,
        "The CAMEO event code is not in the CAMEO 1.1b3 codebook.",
        "expected a CAMEO 1.1b3 event code, found {found}",
    ),
    CheckSpec(
        "NE402",
        "cameo-code-not-allowed",
        ERROR,
        _F.CODEBOOK,
        "The CAMEO code is not allowed for this event type.",
        "{event_type} events allow CAMEO codes under {allowed}, found {found}",
    ),
    CheckSpec(
        "NE403",
        "cameo-root-mismatch",
        ERROR,
        _F.CODEBOOK,
        "The CAMEO root is not the first two digits of the code.",
        "expected root {expected} for code {code}, found {found}",
    ),
    CheckSpec(
        "NE404",
        "quad-class-mismatch",
        ERROR,
        _F.CODEBOOK,
        "QuadClass disagrees with the CAMEO code under the stated convention.",
        "expected quad class {expected} for code {code} ({convention}), found {found}",
    ),
    CheckSpec(
        "NE405",
        "goldstein-mismatch",
        ERROR,
        _F.CODEBOOK,
        "The Goldstein value disagrees with the CAMEO code under the stated table.",
        "expected Goldstein {expected} for code {code} ({table}), found {found}",
    ),
    CheckSpec(
        "NE406",
        "plover-type-unknown",
        ERROR,
        _F.CODEBOOK,
        "The PLOVER event type is not one of PLOVER's 16 types.",
        "expected a PLOVER type, found {found}",
    ),
    CheckSpec(
        "NE407",
        "plover-mode-unknown",
        ERROR,
        _F.CODEBOOK,
        "A PLOVER mode does not belong to the PLOVER type.",
        "expected one of {expected} for {plover_type}, found {found}",
    ),
    CheckSpec(
        "NE408",
        "plover-cameo-mismatch",
        ERROR,
        _F.CODEBOOK,
        "The PLOVER type disagrees with the CAMEO code's PLOVER mapping.",
        "expected PLOVER {expected} for CAMEO {code}, found {found}",
    ),
    CheckSpec(
        "NE409",
        "acled-pair-invalid",
        ERROR,
        _F.CODEBOOK,
        "The ACLED sub-event type does not belong to the ACLED event type.",
        "expected one of {expected} for {event_type}, found {found}",
    ),
    CheckSpec(
        "NE410",
        "country-unknown",
        ERROR,
        _F.CODEBOOK,
        "A country code is not an ISO 3166-1 alpha-3 code.",
        "expected an ISO 3166-1 alpha-3 code, found {found}",
    ),
    CheckSpec(
        "NE411",
        "actor-code-malformed",
        ERROR,
        _F.CODEBOOK,
        "A CAMEO actor code is not a run of one to five 3-letter elements.",
        "expected 1 to 5 upper-case 3-letter elements, found {found}",
    ),
    CheckSpec(
        "NE412",
        "actor-code-country-mismatch",
        ERROR,
        _F.CODEBOOK,
        "The CAMEO actor code starts with a country other than the actor's country.",
        "expected the code to start with {expected}, found {found}",
    ),
    CheckSpec(
        "NE413",
        "actor-code-element-unknown",
        WARNING,
        _F.CODEBOOK,
        "An element of a CAMEO actor code is not a known country, role, international or "
        "region code.",
        "element {element} of {found} is not in the CAMEO actor role codebook",
    ),
    CheckSpec(
        "NE414",
        "plover-context-unknown",
        WARNING,
        _F.CODEBOOK,
        "A PLOVER context is not one of PLOVER's general contexts.",
        "expected a PLOVER context, found {found}",
    ),
    CheckSpec(
        "NE415",
        "general-event-uncoded",
        ERROR,
        _F.CODEBOOK,
        "A general event has no CAMEO, PLOVER or ACLED coding; its codes are what type it.",
        "general event {found} has no cameo, plover or acled coding",
    ),
    # 5xx references
    CheckSpec(
        "NE501",
        "duplicate-id",
        ERROR,
        _F.REFERENCE,
        "Two records of the same kind share an id.",
        "id {found} is already used by the record at {first}",
    ),
    CheckSpec(
        "NE502",
        "actor-unknown",
        ERROR,
        _F.REFERENCE,
        "A referenced actor is not defined.",
        "no actor with id {found}",
    ),
    CheckSpec(
        "NE503",
        "document-unknown",
        ERROR,
        _F.REFERENCE,
        "A referenced document is not defined.",
        "no document with id {found}",
    ),
    CheckSpec(
        "NE504",
        "event-unknown",
        ERROR,
        _F.REFERENCE,
        "A referenced event is not defined.",
        "no event with id {found}",
    ),
    CheckSpec(
        "NE505",
        "self-report",
        ERROR,
        _F.REFERENCE,
        "A statement reports itself, or an event links to itself.",
        "event {found} refers to itself",
    ),
    CheckSpec(
        "NE506",
        "reference-cycle",
        ERROR,
        _F.REFERENCE,
        "Statements report each other in a cycle.",
        "cycle: {cycle}",
    ),
    CheckSpec(
        "NE507",
        "reported-not-statement-target",
        WARNING,
        _F.REFERENCE,
        "A statement reports an event of another document.",
        "event {found} is in document {other}, the statement in {document}",
    ),
    CheckSpec(
        "NE508",
        "duplicate-reference",
        ERROR,
        _F.REFERENCE,
        "The same id is listed twice where each may appear once.",
        "{found} is listed more than once",
    ),
    CheckSpec(
        "NE509",
        "span-on-textless-document",
        ERROR,
        _F.REFERENCE,
        "A span points into a document known only by its source (no text, schema 1.1.0): "
        "there is no text for it to select.",
        "document {document} has no text for this span to point into",
    ),
    CheckSpec(
        "NE510",
        "actor-member-of-itself",
        ERROR,
        _F.REFERENCE,
        "An actor lists itself in member_of (schema 1.1.0).",
        "actor {found} is listed as a member of itself",
    ),
    # 6xx anchoring
    CheckSpec(
        "NE601",
        "span-out-of-bounds",
        ERROR,
        _F.ANCHORING,
        "A span ends past the end of its document.",
        "span {start}:{end} ends past the document's {length} code points",
    ),
    CheckSpec(
        "NE602",
        "span-empty",
        ERROR,
        _F.ANCHORING,
        "A span selects no text (start equals end).",
        "span {start}:{end} is empty",
    ),
    CheckSpec(
        "NE603",
        "span-reversed",
        ERROR,
        _F.ANCHORING,
        "A span starts after it ends.",
        "span start {start} is after its end {end}",
    ),
    CheckSpec(
        "NE604",
        "span-text-mismatch",
        ERROR,
        _F.ANCHORING,
        "A span's exact text differs from the document text at its offsets.",
        "exact text {expected} is not at {start}:{end}, where the document has {found}{cause}",
    ),
    CheckSpec(
        "NE605",
        "span-length-mismatch",
        ERROR,
        _F.ANCHORING,
        "A span's exact text is not end - start code points long.",
        "span {start}:{end} is {width} code points, its exact text {length}",
    ),
    CheckSpec(
        "NE606",
        "document-hash-mismatch",
        ERROR,
        _F.ANCHORING,
        "A document's sha256 is not the hash of its text's UTF-8 bytes.",
        "expected sha256 {expected}, found {found}",
    ),
    CheckSpec(
        "NE607",
        "spans-not-checked",
        INFO,
        _F.ANCHORING,
        "Spans were not checked because the document text was not at hand.",
        "{count} record(s) point into documents whose text is not available: {documents}",
    ),
    CheckSpec(
        "NE608",
        "span-context-mismatch",
        WARNING,
        _F.ANCHORING,
        "A span's prefix or suffix differs from the text around it.",
        "expected {which} {expected}, found {found}",
    ),
    # 7xx factuality and time
    CheckSpec(
        "NE701",
        "condition-missing",
        ERROR,
        _F.FACTUALITY,
        "A conditional event states no condition.",
        "modality is conditional but no condition is given",
    ),
    CheckSpec(
        "NE702",
        "condition-unexpected",
        ERROR,
        _F.FACTUALITY,
        "A condition is given for an event that is not conditional.",
        "a condition is given but modality is {found}",
    ),
    CheckSpec(
        "NE703",
        "negative-completed",
        ERROR,
        _F.FACTUALITY,
        "A negated event has a status that says it happened.",
        "polarity is negative but status is {found}",
    ),
    CheckSpec(
        "NE704",
        "status-polarity-mismatch",
        ERROR,
        _F.FACTUALITY,
        "A status that rules an event out needs negative polarity.",
        "status {found} needs polarity negative",
    ),
    CheckSpec(
        "NE705",
        "asserted-past-after-publication",
        ERROR,
        _F.FACTUALITY,
        "An asserted past event is dated after its document's publication date.",
        "event date {found} is after the publication date {published}",
    ),
    CheckSpec(
        "NE706",
        "bad-precision",
        ERROR,
        _F.FACTUALITY,
        "A date does not fit its stated precision.",
        "{reason}",
    ),
    CheckSpec(
        "NE707",
        "inferred-without-basis",
        ERROR,
        _F.FACTUALITY,
        "An inferred date or value does not say what it was inferred from.",
        "inferred is true but no basis is given",
    ),
    CheckSpec(
        "NE708",
        "date-range-reversed",
        ERROR,
        _F.FACTUALITY,
        "An end date is before its start date.",
        "end {found} is before start {start}",
    ),
    CheckSpec(
        "NE709",
        "range-reversed",
        ERROR,
        _F.FACTUALITY,
        "A quantity range's low is above its high.",
        "low {low} is above high {high}",
    ),
    CheckSpec(
        "NE710",
        "quantity-shape",
        ERROR,
        _F.FACTUALITY,
        "A quantity gives neither or both of a value and a range.",
        "{reason}",
    ),
    CheckSpec(
        "NE711",
        "readiness-direction",
        ERROR,
        _F.FACTUALITY,
        "A readiness change's durations disagree with its direction.",
        "{reason}",
    ),
    CheckSpec(
        "NE712",
        "bad-duration",
        ERROR,
        _F.FACTUALITY,
        "A duration is not an ISO 8601 duration.",
        "expected an ISO 8601 duration like P5D, found {found}",
    ),
    CheckSpec(
        "NE713",
        "naive-timestamp",
        ERROR,
        _F.FACTUALITY,
        "A timestamp has no time zone.",
        "expected a timestamp with a time zone, found {found}",
    ),
    CheckSpec(
        "NE714",
        "role-not-allowed",
        ERROR,
        _F.FACTUALITY,
        "A participant role is not allowed for this event type.",
        "{event_type} events allow roles {allowed}, found {found}",
    ),
    CheckSpec(
        "NE715",
        "speaker-count",
        ERROR,
        _F.FACTUALITY,
        "A statement must name exactly one speaker.",
        "expected 1 speaker, found {found}",
    ),
    CheckSpec(
        "NE716",
        "coordinates-incomplete",
        ERROR,
        _F.FACTUALITY,
        "A location gives a latitude without a longitude or the reverse.",
        "latitude and longitude must come together",
    ),
    CheckSpec(
        "NE717",
        "location-country-missing",
        ERROR,
        _F.FACTUALITY,
        "A location of kind country has no country code.",
        "location {found} is a country but has no country_code",
    ),
    CheckSpec(
        "NE718",
        "quote-kind-mismatch",
        ERROR,
        _F.FACTUALITY,
        "A direct quotation has no quote span, or reported speech has one.",
        "{reason}",
    ),
    CheckSpec(
        "NE719",
        "translation-without-source-language",
        ERROR,
        _F.FACTUALITY,
        "A translated document does not say what language it was translated from.",
        "is_translation is true but source_language is missing",
    ),
    CheckSpec(
        "NE720",
        "document-text-without-hash",
        ERROR,
        _F.FACTUALITY,
        "A document gives its text without its sha256, or a sha256 without the text: "
        "both or neither.",
        "text and sha256 come together, but {missing} is missing",
    ),
    CheckSpec(
        "NE721",
        "document-source-missing",
        ERROR,
        _F.FACTUALITY,
        "A document without text names neither its url nor its title, so nothing says "
        "which document it is.",
        "a document without text needs a url or a title",
    ),
    CheckSpec(
        "NE722",
        "source-language-without-translation",
        ERROR,
        _F.FACTUALITY,
        "A document that is not a translation gives a source_language (schema 1.1.0).",
        "is_translation is false but source_language is {found}",
    ),
    # 8xx best practice
    CheckSpec(
        "NE801",
        "no-evidence",
        WARNING,
        _F.PRACTICE,
        "An event has no trigger and no evidence span.",
        "event {found} has no evidence",
    ),
    CheckSpec(
        "NE802",
        "no-cameo-code",
        WARNING,
        _F.PRACTICE,
        "An event has no CAMEO coding.",
        "event {found} has no CAMEO code",
    ),
    CheckSpec(
        "NE803",
        "approximate-without-span",
        WARNING,
        _F.PRACTICE,
        "An approximate quantity has no evidence span.",
        "approximate quantity {found} has no evidence",
    ),
    CheckSpec(
        "NE804",
        "no-actors",
        WARNING,
        _F.PRACTICE,
        "An event names no participants.",
        "event {found} has no participants",
    ),
    CheckSpec(
        "NE805",
        "additional-values",
        INFO,
        _F.PRACTICE,
        "An open vocabulary field uses a value outside its suggested list.",
        "{field} uses {found}, outside the suggested values",
    ),
    CheckSpec(
        "NE806",
        "issues-truncated",
        INFO,
        _F.PRACTICE,
        "More issues of one code were found than the report lists.",
        "{count} more {code} issue(s) were counted but not listed",
    ),
    # 9xx migration: records rewritten from one published schema version to another
    CheckSpec(
        "NE901",
        "schema-version-changed",
        INFO,
        _F.MIGRATION,
        "A migration step rewrote the record's schema_version; nothing else needed to change.",
        "schema_version {source} is now {target}",
    ),
    CheckSpec(
        "NE902",
        "feature-cannot-downgrade",
        ERROR,
        _F.MIGRATION,
        "The record uses something the target version does not have; it is left out of the "
        "output rather than changed with a loss.",
        "{feature} has no equivalent in schema {target}; the record is not migrated",
    ),
    CheckSpec(
        "NE903",
        "migrated-record-invalid",
        ERROR,
        _F.MIGRATION,
        "The record is not valid under the version it is migrated to (or was not valid to "
        "begin with); it is left out of the output.",
        "the record is not valid under schema {version}: {reason}",
    ),
    CheckSpec(
        "NE904",
        "no-migration-path",
        ERROR,
        _F.MIGRATION,
        "The record's schema_version is not a published version, so no chain of steps "
        "leads from it to the target.",
        "no migration from schema_version {found} to {target}; published: {published}",
    ),
)

CATALOG: dict[str, CheckSpec] = {spec.code: spec for spec in _SPECS}
BY_SLUG: dict[str, CheckSpec] = {spec.slug: spec for spec in _SPECS}


def spec(code_or_slug: str) -> CheckSpec:
    """Return the registered check for a code (``NE604``) or a slug (``span-text-mismatch``)."""
    found = CATALOG.get(code_or_slug) or BY_SLUG.get(code_or_slug)
    if found is None:
        raise KeyError(f"unknown check {code_or_slug!r}")
    return found
