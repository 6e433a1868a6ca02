"""The streaming validation run: read, check each record, resolve what needs every file.

Data flows one way: bytes -> reader -> record dicts -> version, structure and record checks
-> issues -> collector -> report.  Every rule runs once per record: a record goes through
the models (pydantic-core) once, and only a record that fails is read again in detail, to
say what is wrong and to run the checks on the fields that could be read
(:mod:`newsevents.validation.partial`).  Records are not kept: only document texts, ids and
the references still open.  Worker processes (:mod:`newsevents.validation.parallel`) run
this same code on parts of the input.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ValidationError

from newsevents.io.readers import (
    FileReading,
    ReadProblem,
    Source,
    Where,
    find_files,
    long_numbers,
    python_record,
)
from newsevents.models import Document
from newsevents.validation.checks import CHECKS, FINISHERS
from newsevents.validation.checks.anchoring import DocumentText
from newsevents.validation.checks.registry import (
    RecordCheck,
    RecordContext,
    RecordPlace,
    new_issue,
)
from newsevents.validation.checks.state import RunState
from newsevents.validation.checks.structure import structure_issues
from newsevents.validation.checks.version import decide, without_unknown_fields
from newsevents.validation.collector import IssueCollector
from newsevents.validation.issue import InputFile, Issue, IssueLocation, Report
from newsevents.validation.messages import describe
from newsevents.validation.partial import own_rules, partial_view, record_class
from newsevents.validation.selection import Selection

PathLike = str | os.PathLike[str]
Input = PathLike | Iterable[Any]
Role = Literal["input", "documents"]
Progress = Callable[[int, int], None]
"""Called with (bytes read so far, bytes in all input files)."""

DEFAULT_MAX_ISSUES = 100
_PROGRESS_EVERY = 2048


def validate(
    source: Input,
    *,
    documents: PathLike | Iterable[PathLike] | None = None,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
    max_issues: int | None = DEFAULT_MAX_ISSUES,
    strict: bool = False,
    progress: Progress | None = None,
    source_format: str | None = None,
) -> Report:
    """Validate records and return the report of every issue found.

    No input makes it raise: unreadable files, broken JSON and wrong types are issues with
    a code and a location in the report.

    Parameters
    ----------
    source
        A path (a JSON document or array, JSON Lines, Parquet, or a folder of them), a list
        of paths, a record (a dict) or an iterable of records.
    documents
        Files or folders whose document records supply the texts spans are checked against.
    select, ignore
        Codes (``NE604``), slugs (``span-text-mismatch``), code prefixes (``NE6``) or
        families (``anchoring``) to report only, or never.
    max_issues
        Issues listed per code (None: no cap); every issue is counted either way.
    strict
        Count warnings as errors for ``Report.valid``.
    progress
        Called with (bytes done, bytes in all) while files are read.
    source_format
        ``gdelt``, ``acled`` or ``plover``: convert the source files first and report the
        conversion's issues with the records' (:mod:`newsevents.crosswalk`).

    Returns
    -------
    Report
        Validity, counts by severity and code, the issues listed (each with its code,
        location, hint and, when one edit fixes it, a suggestion) and the files read.

    Raises
    ------
    ValueError
        When ``select`` or ``ignore`` names no known code.

    Examples
    --------
    >>> report = validate([{"record_type": "actor", "schema_version": "1.0.0",
    ...     "id": "actor-x", "name": "X", "canonical_name": "X", "kind": "person",
    ...     "country": "UA"}])
    >>> report.valid, report.issues[0].code, report.issues[0].suggestion.text()
    (False, 'NE410', 'did you mean "UKR"?')
    """
    if source_format is not None:
        from newsevents.crosswalk.validate import validate_source

        paths = [source] if isinstance(source, str | os.PathLike) else list(source)
        return validate_source(
            paths,
            source_format,
            select=select,
            ignore=ignore,
            max_issues=max_issues,
            strict=strict,
        )
    run = Run(Selection.of(select, ignore), max_issues, strict)
    if documents is not None:
        run.read_documents(_paths(documents))
    if isinstance(source, str | os.PathLike) or _is_path_list(source):
        run.read_files(_paths(source), progress)
    elif isinstance(source, Mapping):
        run.read_records([source])  # one record
    elif isinstance(source, Iterable) and not isinstance(source, str | bytes):
        run.read_records(source)
    else:  # not a path, a record nor records: one value that is not a record
        run.read_records([source])
    return run.finish()


def _paths(given: PathLike | Iterable[PathLike]) -> list[PathLike]:
    return [given] if isinstance(given, str | os.PathLike) else list(given)


def _is_path_list(source: object) -> bool:
    return (
        isinstance(source, list | tuple)
        and bool(source)
        and all(isinstance(item, str | os.PathLike) for item in source)
    )


class Run:
    """One validation run: the cross-record state, the collector and the checks enabled."""

    def __init__(
        self,
        selection: Selection,
        max_issues: int | None,
        strict: bool,
        state: RunState | None = None,
        collector: IssueCollector | None = None,
    ) -> None:
        self.selection = selection
        self.strict = strict
        self.state = state or RunState()
        self.collector = collector or IssueCollector(selection, max_issues)
        self.records = 0
        self.files: list[InputFile] = []
        self._checks: dict[type[BaseModel], tuple[RecordCheck, ...]] = {}
        self._plain: dict[str, Any] = {}  # version -> its validator, when it raises nothing

    def read_documents(self, paths: Iterable[PathLike]) -> None:
        """Take the document texts of ``paths``; their records are not validated."""
        for source in find_files(paths):
            reading = self.open(source, "documents")
            for where, item in reading or ():
                if isinstance(item, ReadProblem):
                    self.problem(where, item)
                elif item.get("record_type") == "document":
                    self.collector.extend(self._take_document(item))
                    if isinstance(item.get("id"), str):
                        self.state.references.outside_documents.add(item["id"])
            if reading is not None:
                self.files.append(_described(reading, "documents"))

    def read_files(self, paths: Iterable[PathLike], progress: Progress | None = None) -> None:
        """Validate every record of the files ``paths`` name (folders are walked)."""
        sources = list(find_files(paths))
        total = sum(_size(s.path) for s in sources if s.problem is None)
        done = 0
        for source in sources:
            reading = self.open(source, "input")
            if reading is None:
                continue
            index = len(self.files)
            problems = self.read(reading, index, reading, progress, done, total)
            self.end_file(_described(reading, "input"), problems)
            done += reading.bytes or 0
            if progress is not None:
                progress(done, total)

    def end_file(self, read: InputFile, problems: int, index: int | None = None) -> None:
        """Note an input file read to the end, with the number of its reading problems (in
        place of the ``index``-th file, when given)."""
        if index is None:
            self.files.append(read)
        else:
            self.files[index] = read
        if read.records == 0 and problems == 0:
            empty = IssueLocation(read.path)
            self.collector.add(new_issue("NE122", empty, None, path=read.path))

    def read(
        self,
        reading: FileReading,
        index: int,
        items: Iterable[tuple[Where, dict[str, Any] | ReadProblem]],
        progress: Progress | None = None,
        done: int = 0,
        total: int = 0,
    ) -> int:
        """Validate the ``items`` read by ``reading``, the ``index``-th input file; return
        the number of reading problems."""
        problems = 0
        for count, (where, item) in enumerate(items, 1):
            if isinstance(item, ReadProblem):
                problems += 1
                self.problem(where, item)
            else:
                place = RecordPlace(where.file, index, where.record, where.line)
                self.record(item, place, reading.skip_pointers)
            if progress is not None and count % _PROGRESS_EVERY == 0:
                progress(done + reading.position, total)
        return problems

    def read_records(self, records: Iterable[Any]) -> None:
        """Validate records given as Python values (dicts; anything else is NE104)."""
        for index, item in enumerate(records):
            place = RecordPlace(None, 0, index)
            self.records += 1
            if isinstance(item, Mapping):
                self.record(item, place)
            else:
                self.problem(Where(None, index), ReadProblem("NE104", {"found": item}))

    def open(self, source: Source, role: Role) -> FileReading | None:
        """Start reading ``source`` (None, and its problem reported, when it cannot be)."""
        self.collector.file_seen(source.display)
        if source.problem is not None:
            self.problem(Where(source.display), source.problem)
            self.files.append(InputFile(source.display, "unknown", role))
            return None
        return FileReading(source.path, source.display)

    def problem(self, where: Where, problem: ReadProblem) -> None:
        """Report a problem reading the input (a line that is not JSON, a record that is no
        object...) at ``where``."""
        self.collector.add(problem_issue(where, problem))

    def record(
        self,
        given: Mapping[str, Any],
        place: RecordPlace,
        skip: frozenset[str] = frozenset(),
    ) -> None:
        """Validate one record: once through the models; only a record that fails (or whose
        version says more) is read again in detail."""
        if place.file is None:  # given as Python values: read as a file's record is read
            plain = python_record(given)
            problems = [plain] if isinstance(plain, ReadProblem) else long_numbers(plain)
            for problem in problems:  # as from a file: the record is not checked further
                self.problem(Where(None, place.record), problem)
            if isinstance(plain, ReadProblem) or problems:
                return
            raw = plain
        else:
            raw = given if isinstance(given, dict) else dict(given)
        model = self._valid(raw, place)
        if model is None:
            self.diagnose(raw, place, skip)
            return
        add = self.collector.extend
        add(self.state.references.register(raw, place))
        if isinstance(model, Document) and model.text is not None:
            published = model.publication.date if model.publication is not None else None
            add(self.state.documents.add(DocumentText(model.id, model.text, published)))
        self._run_checks(model, RecordContext(self.state, place, raw.get("id")))

    def _valid(self, raw: Mapping[str, Any], place: RecordPlace) -> BaseModel | None:
        """The record's model when it is valid and its version raises nothing, else None."""
        version = raw.get("schema_version")
        validator = self._plain.get(version) if isinstance(version, str) else None
        if validator is None:
            decision = decide(raw, RecordContext(self.state, place, None))
            if decision.validator is None or decision.issues:
                return None
            validator = decision.validator
            if isinstance(version, str):  # the decision depends on the version alone
                self._plain[version] = validator
        try:
            model: BaseModel = validator.validate_python(raw)
        except ValidationError:
            return None
        return model

    def diagnose(
        self, raw: dict[str, Any], place: RecordPlace, skip: frozenset[str] = frozenset()
    ) -> None:
        """Validate one record in detail: ids, version, structure, then the registered checks
        on the record, or on the part of it that could be read."""
        record_id = raw.get("id") if isinstance(raw.get("id"), str) else None
        context = RecordContext(self.state, place, record_id)
        add = self.collector.extend
        add(self.state.references.register(raw, place))
        if raw.get("record_type") == "document":
            add(self._take_document(raw))
        decision = decide(raw, context)
        add(decision.issues)
        if decision.validator is None:
            return
        try:
            model = decision.validator.validate_python(raw)
        except ValidationError as error:
            skipped = decision.covered | skip
            add(structure_issues(error, raw, context, skipped, decision.newer_minor))
            model = None
            if decision.newer_minor:
                model = without_unknown_fields(decision.validator, raw, error)
            if model is None:
                self._run_partial(raw, context, skipped, decision.newer_minor)
                return
        self._run_checks(model, context)

    def _run_checks(self, model: BaseModel, context: RecordContext) -> None:
        add = self.collector.add
        for run in self._checks_for(type(model)):
            for issue in run(model, context):
                add(issue)

    def _run_partial(
        self, raw: dict[str, Any], context: RecordContext, skip: frozenset[str], newer: bool
    ) -> None:
        """Run the record's own rules and the registered checks on what could be read."""
        model = record_class(raw)
        if model is None:
            return
        view, complete = partial_view(model, raw)
        add = self.collector.extend
        if not complete:  # the model's own rules did not run: run those that can
            for error in own_rules(view):
                add(structure_issues(error, raw, context, skip, newer))
        for run in self._checks_for(model):
            try:
                issues = list(run(view, context))
            except AttributeError:
                continue  # the check reads a field that could not be read
            add(issues)

    def _take_document(self, raw: Mapping[str, Any]) -> Iterator[Issue]:
        document_id, text = raw.get("id"), raw.get("text")
        if not isinstance(document_id, str) or not isinstance(text, str):
            return iter(())
        published = publication_date(raw.get("publication"))
        return self.state.documents.add(DocumentText(document_id, text, published))

    def _checks_for(self, model_type: type[BaseModel]) -> tuple[RecordCheck, ...]:
        """The registered checks that apply to ``model_type`` and report a selected code."""
        found = self._checks.get(model_type)
        if found is None:
            found = tuple(
                c.run
                for c in CHECKS
                if issubclass(model_type, c.models) and self.selection.any_enabled(c.codes)
            )
            self._checks[model_type] = found
        return found

    def finish(self) -> Report:
        """Run the end-of-run steps and return the report."""
        for registered in FINISHERS:
            if self.selection.any_enabled(registered.codes):
                self.collector.extend(registered.run(self.state))
        from newsevents import __version__
        from newsevents.codebooks import CODEBOOK_VERSION
        from newsevents.versions import SCHEMA_VERSION

        tool = {
            "name": "newsevents",
            "version": __version__,
            "schema_version": SCHEMA_VERSION,
            "codebook_version": CODEBOOK_VERSION,
        }
        records = self.records + sum(f.records for f in self.files if f.role == "input")
        return self.collector.report(
            records=records, files=self.files, strict=self.strict, tool=tool
        )


def _described(reading: FileReading, role: Role) -> InputFile:
    return InputFile(
        reading.display, reading.format, role, reading.bytes, reading.sha256, reading.records
    )


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def publication_date(publication: object) -> dt.date | None:
    """Return a document's publication date as the checks read it (ISO 8601), or None."""
    if not isinstance(publication, Mapping):
        return None
    date = publication.get("date")
    try:
        return dt.date.fromisoformat(date) if isinstance(date, str) else None
    except ValueError:
        return None


def problem_issue(where: Where, problem: ReadProblem) -> Issue:
    """The issue of a problem met reading the input (a path, a line, a value) at ``where``."""
    context = dict(problem.context)
    if problem.code == "NE104":
        context["found"] = describe(context.get("found"))
    location = IssueLocation(where.file, where.record, where.line, where.column, problem.pointer)
    return new_issue(problem.code, location, None, **context)
