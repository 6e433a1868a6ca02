"""How to fix each kind of issue: one short, actionable hint per code where one helps."""

from __future__ import annotations

HINTS: dict[str, str] = {
    "NE101": "Check the path and the file's permissions.",
    "NE102": "Save the file as UTF-8 (without a byte order mark, though one is tolerated).",
    "NE103": "Each line of a JSON Lines file must be one complete JSON value.",
    "NE104": "Each record is a JSON object with record_type, schema_version and id.",
    "NE105": "Give .json (one record or an array), .jsonl/.ndjson (one record a line) "
    "or .parquet files, or a folder of them.",
    "NE106": "Write Parquet with pyarrow from newsevents.io.arrow.records_to_table.",
    "NE107": "Use the Arrow schema newsevents.io.arrow.arrow_schema(record_type) when writing.",
    "NE108": "No valid record is nested this deep; the value is probably corrupt.",
    "NE122": "Check that the right file was given and that it was written completely; "
    "`newsevents validate -` reads standard input.",
    "NE201": 'Add "schema_version": "1.0.0" to every record.',
    "NE202": "Validate with a newsevents release that reads this major version.",
    "NE203": "Fields added after the newest version this library knows are not checked; "
    "upgrade newsevents to check them.",
    "NE204": 'Write the version as three numbers, such as "1.0.0".',
    "NE205": "Declare the version that has the field (schema_version 1.1.0), or leave it out; "
    "newsevents migrate --to 1.1.0 rewrites a file's records.",
    "NE301": "Add the field; `newsevents schema --record-type event` (or actor, document) "
    "lists the required fields.",
    "NE302": "Use the JSON type the schema gives: CAMEO codes and ids are strings, counts "
    "integers, Goldstein values numbers.",
    "NE303": "Remove the field or check its spelling; the schema is closed.",
    "NE304": "Use one of the listed values (they are case-sensitive).",
    "NE305": "Ids use letters, digits and ._:- only; language tags are BCP 47 (en, pt-BR).",
    "NE306": "Keep the value within the limits the schema gives.",
    "NE307": 'record_type is "document", "actor" or "event"; event_type is "alert", '
    '"deployment" or "statement".',
    "NE308": 'Dates are "YYYY-MM-DD"; timestamps RFC 3339 with a zone, such as '
    '"2022-01-24T10:00:00Z".',
    "NE401": 'Codes are strings of the CAMEO 1.1b3 codebook with leading zeros ("010"); '
    "`newsevents info` lists the roots allowed per event type.",
    "NE402": "Alerts take CAMEO 15x (exhibit force posture); statements take verbal codes "
    "(01-05, 10-13); `newsevents info` lists the prefixes each event type allows.",
    "NE403": "root is the first two digits of code.",
    "NE404": "Set quad_class from the code, or set quad_class_convention to the convention "
    "your values follow (gdelt or icews).",
    "NE405": "Take the value from the table named in goldstein_table (gdelt or icews); "
    "Goldstein values belong to the code, not to the event.",
    "NE406": "PLOVER 0.8 types are upper case, such as MOBILIZE or THREATEN.",
    "NE407": "Use a mode PLOVER defines for the type, or leave modes empty.",
    "NE408": "Use the PLOVER type the CAMEO code maps to, or change the CAMEO code.",
    "NE409": "Pick the sub-event type from the event type's own list in the ACLED codebook.",
    "NE410": "Use the ISO 3166-1 alpha-3 code (USA, UKR, RUS), upper case.",
    "NE411": "A CAMEO actor code is 3-letter upper-case elements run together, such as "
    "USAGOV or IGOWSTNAT.",
    "NE412": "The first element of the actor code is the actor's country.",
    "NE413": "Check the element against the CAMEO actor codebook (chapter 3).",
    "NE414": "PLOVER's general contexts are listed in docs/codebook.md; special contexts "
    "(future, hypothetical, negation) come from the factuality fields.",
    "NE415": "Give the general event a CAMEO code (or a PLOVER or ACLED coding): its codes "
    "say what kind of event it is.",
    "NE501": "Give every document, actor and event its own id.",
    "NE502": "Add the actor record, or fix the actor_id.",
    "NE503": "Add the document record (or pass it with --documents), or fix document_id.",
    "NE504": "Add the event, or fix the id it is referred to by.",
    "NE505": "A statement reports other events; an event links to other events.",
    "NE506": "A report chain must end: break the cycle.",
    "NE507": "Reported events are usually annotated in the statement's own document.",
    "NE508": "List each id, or each actor in a role, once.",
    "NE509": "Remove the span, or give the document its text and sha256 so spans can point "
    "into it.",
    "NE510": "List in member_of only the other actors this one belongs to or speaks for.",
    "NE601": "Offsets count Unicode code points of the document text, end exclusive.",
    "NE602": "A span selects at least one code point: end > start.",
    "NE603": "start is the first selected code point, end the one just past the last.",
    "NE604": "Offsets count Unicode code points (Python str indices), end exclusive; "
    "exact is the text at those offsets, unchanged.",
    "NE605": "end - start must equal the number of code points in exact.",
    "NE606": "sha256 is the hex SHA-256 of the text's UTF-8 bytes; recompute it if the "
    "text was edited on purpose.",
    "NE607": "Include the document records, or pass them with --documents, to check spans.",
    "NE608": "prefix and suffix are the text right before and after the span.",
    "NE701": "Give factuality.condition, or choose another modality.",
    "NE702": "Remove the condition, or set modality to conditional.",
    "NE703": "A negated deployment is ruled_out, not_planned or cancelled.",
    "NE704": "Set polarity to negative for ruled_out, not_planned or cancelled.",
    "NE705": "Check the date against the publication date, or the tense and modality.",
    "NE706": "week: the Monday; month: the 1st; year: 1 January.",
    "NE707": "Say what the value was inferred from (basis or inferred_from).",
    "NE708": "end_date is on or after date.",
    "NE709": "low is at most high.",
    "NE710": "Give value, or low and high, not both.",
    "NE711": "An increase in readiness shortens the notice (P10D to P5D).",
    "NE712": "Durations are ISO 8601: P5D, PT12H, P2W.",
    "NE713": 'Add a zone: "2022-01-24T10:00:00Z" or "+01:00".',
    "NE714": "docs/codebook.md lists the roles each event type allows.",
    "NE715": "Give exactly one participant with role speaker.",
    "NE716": "Give both latitude and longitude, or neither.",
    "NE717": "Give country_code for a location of kind country.",
    "NE718": "A direct quotation has a quote span; reported speech has none.",
    "NE719": "Give source_language for a translated document.",
    "NE720": "Give the text with its sha256 (newsevents.text_sha256), or neither for a "
    "document known only by its source.",
    "NE721": "Give the document's url or title so it can be found.",
    "NE722": "Remove source_language, or set is_translation to true if it is a translation.",
    "NE801": "Mark the trigger word, or add an evidence span.",
    "NE802": "Add a CAMEO coding so the event can be compared with GDELT and ICEWS.",
    "NE803": 'Add the span with the hedged number, such as "some 8,500 troops".',
    "NE804": "Name the actors in participants.",
    "NE805": "Check the value; if it is right, nothing needs to change.",
    "NE806": "Raise --max-issues to list more, or use --select to focus on one code.",
    "NE902": "Keep the record at 1.1.0, or remove what 1.0.0 cannot hold before migrating down.",
    "NE903": "Fix the record under its own version first (newsevents validate), then migrate.",
    "NE904": "Give the record a published schema_version (newsevents schema --help lists them).",
}
