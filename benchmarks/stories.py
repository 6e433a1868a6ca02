"""Hand-made annotated stories: the valid records the benchmark corpus is stamped from.

Each story is one document text and the events annotated in it, in canonical JSON form with
offsets relative to the text; actors are shared by the stories.  The corpus generator copies
them with fresh ids and shifted offsets, so every generated record is as realistic as these.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from newsevents.codebooks import cameo_code

Json = dict[str, Any]

KIRBY_TEXT = (
    "Washington — At the instruction of the US President Joe BidenThe Pentagon will put some "
    "8,500 troops stationed in the United States on alert for possible deployment to Europe to "
    "reassure allies amid growing fears of a potential Russian military move in Ukraine.\n\n"
    "The Pentagon press secretary John Kirbysaid Monday that no final decision had been made "
    "on the deployments, which it said would They would only occur if NATO decides to activate "
    "a rapid response force “or if other situations develop” in relation to tensions over "
    "Russian military activity on Ukraine’s borders.\n\n"
    "“This is about reassuring our NATO allies”Kirby said, adding that the deployment of troops "
    "to Ukraine itself is not planned.\n\n"
    "Kirby said that units that currently have to be ready to deploy 10 days after being "
    "notified will now have to be in 5 days."
)

DRILL_TEXT = (
    "MOSCOW — Russia’s Defence Ministry said on Tuesday it had placed forces of the Western "
    "Military District on “high combat readiness” ahead of snap drills near the border. "
    "“The units will be ready to move within 24 hours,” ministry spokesman Igor Konashenkov "
    "told reporters."
)

LITHUANIA_TEXT = (
    "BERLIN — The first of about 300 German soldiers arrived in Lithuania on Sunday to "
    "reinforce NATO’s eastern flank, the Bundeswehr said. A further battalion could follow "
    "“if the situation requires it,” Defence Minister Christine Lambrecht told reporters."
)


def span(text: str, exact: str, after: str = "") -> Json:
    """Return the evidence span of the first ``exact`` in ``text`` (after ``after``)."""
    start = text.index(exact, text.index(after) + len(after) if after else 0)
    return {"start": start, "end": start + len(exact), "exact": exact}


def cameo(code: str) -> Json:
    """Return a consistent CAMEO coding (GDELT convention and table) of ``code``."""
    entry = cameo_code(code)
    assert entry is not None and entry.goldstein_gdelt is not None
    return {
        "code": code,
        "root": entry.root,
        "quad_class": entry.quad_gdelt,
        "quad_class_convention": "gdelt",
        "goldstein": entry.goldstein_gdelt,
        "goldstein_table": "gdelt",
    }


def factuality(polarity: str, modality: str, tense: str, certainty: str = "certain") -> Json:
    """Return a factuality without a condition."""
    return {
        "polarity": polarity,
        "modality": modality,
        "tense": tense,
        "certainty": certainty,
        "genericity": "specific",
    }


PROVENANCE: Json = {
    "annotator": "bench-annotator",
    "method": "by_hand",
    "guideline_version": "1.0.0",
    "annotated_at": "2026-11-25T09:00:00Z",
}

ACTORS: dict[str, Json] = {
    "pentagon": {"name": "The Pentagon", "kind": "government_body", "cameo_code": "USAGOV"},
    "kirby": {"name": "John Kirby", "kind": "person", "cameo_code": "USAGOV",
              "title": "Pentagon press secretary", "wikidata_id": "Q6239149"},
    "austin": {"name": "Lloyd Austin", "kind": "person", "cameo_code": "USAMIL",
               "title": "Secretary of Defense"},
    "biden": {"name": "Joe Biden", "kind": "person", "cameo_code": "USAGOV", "title": "President"},
    "us-forces": {"name": "US troops", "kind": "armed_force", "cameo_code": "USAMIL"},
    "nato": {"name": "NATO", "kind": "international_organisation", "cameo_code": "IGO"},
    "ru-mod": {"name": "Russia’s Defence Ministry", "kind": "government_body",
               "cameo_code": "RUSMIL", "country": "RUS"},
    "konashenkov": {"name": "Igor Konashenkov", "kind": "person", "cameo_code": "RUSMIL",
                    "country": "RUS", "title": "ministry spokesman"},
    "bundeswehr": {"name": "the Bundeswehr", "kind": "armed_force", "cameo_code": "DEUMIL",
                   "country": "DEU"},
    "lambrecht": {"name": "Christine Lambrecht", "kind": "person", "cameo_code": "DEUGOV",
                  "country": "DEU", "title": "Defence Minister"},
}  # fmt: skip
for _actor in ACTORS.values():
    _actor.setdefault("canonical_name", _actor["name"])
    if _actor.get("cameo_code", "").startswith("USA"):
        _actor.setdefault("country", "USA")


@dataclass(frozen=True)
class Story:
    """A document text, its dateline and publication, and its annotated events."""

    key: str
    text: str
    language: str
    publication: Json
    dateline: Json
    events: list[Json]


def _kirby() -> Story:
    t = KIRBY_TEXT
    europe = {"name": "Europe", "kind": "region", "evidence": span(t, "Europe")}
    size = {
        "value": 8500,
        "approximate": True,
        "unit": "troops",
        "evidence": span(t, "some 8,500 troops"),
    }
    alert = {
        "event_type": "alert",
        "cameo": cameo("152"),
        "plover": {"type": "MOBILIZE", "modes": ["troops"], "contexts": ["military"]},
        "acled": {"event_type": "Strategic developments",
                  "sub_event_type": "Change to group/activity"},
        "participants": [
            {"actor_id": "pentagon", "role": "source", "mention": span(t, "The Pentagon")},
            {"actor_id": "biden", "role": "authorizer", "mention": span(t, "Joe Biden")},
            {"actor_id": "us-forces", "role": "target"},
        ],
        "time": {"date": "2022-01-24", "precision": "day", "expression": "Monday",
                 "evidence": span(t, "Monday"), "inferred": False},
        "locations": [{"name": "United States", "kind": "country", "country_code": "USA",
                       "evidence": span(t, "the United States")}],
        "factuality": factuality("positive", "planned", "future"),
        "trigger": span(t, "on alert"),
        "evidence": [span(t, "will put some 8,500 troops stationed in the United States on alert")],
        "force": {"description": "troops stationed in the United States", "actor_id": "us-forces",
                  "size": size, "units": [],
                  "evidence": span(t, "troops stationed in the United States")},
        "readiness": {"measure": "notice_to_deploy", "direction": "increase", "before": "P10D",
                      "after": "P5D", "evidence": span(t, "ready to deploy 10 days")},
        "purpose": {"description": "possible deployment to Europe", "event_id": "@1",
                    "destination": europe, "evidence": span(t, "possible deployment to Europe")},
    }  # fmt: skip
    condition = {
        "text": "if NATO decides to activate a rapid response force",
        "evidence": span(t, "if NATO decides to activate a rapid response force"),
    }
    deployment = {
        "event_type": "deployment",
        "cameo": cameo("154"),
        "plover": {"type": "MOBILIZE", "modes": ["troops"], "contexts": ["military"]},
        "participants": [
            {"actor_id": "us-forces", "role": "source"},
            {"actor_id": "nato", "role": "beneficiary", "mention": span(t, "NATO")},
        ],
        "locations": [],
        "factuality": {**factuality("positive", "conditional", "future", "possible"),
                       "condition": condition},
        "trigger": span(t, "deployment", after="possible "),
        "evidence": [span(t, "They would only occur if NATO decides"), span(t, "the deployments")],
        "links": [],
        "force": {"description": "some 8,500 troops", "actor_id": "us-forces", "size": size,
                  "units": []},
        "destination": europe,
        "status": "prepared",
    }  # fmt: skip
    not_planned = {
        "event_type": "deployment",
        "cameo": cameo("154"),
        "participants": [{"actor_id": "us-forces", "role": "source"}],
        "factuality": factuality("negative", "planned", "future"),
        "trigger": span(t, "deployment of troops"),
        "evidence": [span(t, "is not planned")],
        "force": {"description": "troops", "units": []},
        "destination": {"name": "Ukraine", "kind": "country", "country_code": "UKR",
                        "evidence": span(t, "Ukraine itself")},
        "status": "not_planned",
    }  # fmt: skip
    statement = {
        "event_type": "statement",
        "cameo": cameo("010"),
        "participants": [
            {"actor_id": "kirby", "role": "speaker", "mention": span(t, "Kirby", after="allies”")},
            {"actor_id": "nato", "role": "target", "mention": span(t, "NATO", after="“This")},
        ],
        "factuality": factuality("positive", "asserted", "past"),
        "evidence": [span(t, "“This is about reassuring our NATO allies”Kirby said")],
        "speaker_role": "Pentagon press secretary",
        "speech": "mixed",
        "quote": span(t, "This is about reassuring our NATO allies"),
        "summary": "Kirby said the alert reassures NATO allies and that no deployment to "
        "Ukraine is planned.",
        "reports": ["@2"],
    }
    return Story(
        "kirby",
        t,
        "en",
        {"date": "2022-01-24", "status": "inferred", "basis": "the Monday of the report"},
        {"name": "Washington", "kind": "place", "country_code": "USA",
         "evidence": span(t, "Washington")},
        [alert, deployment, not_planned, statement],
    )  # fmt: skip


def _drill() -> Story:
    t = DRILL_TEXT
    alert = {
        "event_type": "alert",
        "cameo": cameo("152"),
        "plover": {"type": "MOBILIZE", "modes": ["troops"], "contexts": ["military"]},
        "participants": [
            {"actor_id": "ru-mod", "role": "source",
             "mention": span(t, "Russia’s Defence Ministry")},
        ],
        "time": {"date": "2021-02-01", "precision": "week", "inferred": True,
                 "inferred_from": "the Tuesday before publication"},
        "locations": [{"name": "Western Military District", "kind": "region", "country_code": "RUS",
                       "evidence": span(t, "Western Military District")}],
        "factuality": factuality("positive", "asserted", "past"),
        "trigger": span(t, "placed"),
        "evidence": [span(t, "on “high combat readiness”")],
        "force": {"description": "forces of the Western Military District", "units": [],
                  "evidence": span(t, "forces of the Western Military District")},
        "readiness": {"measure": "alert_status", "direction": "increase",
                      "description": "high combat readiness"},
    }  # fmt: skip
    statement = {
        "event_type": "statement",
        "cameo": cameo("013"),
        "participants": [
            {"actor_id": "konashenkov", "role": "speaker", "mention": span(t, "Igor Konashenkov")},
        ],
        "factuality": factuality("positive", "asserted", "past"),
        "evidence": [],
        "trigger": span(t, "told"),
        "speech": "direct_quotation",
        "quote": span(t, "The units will be ready to move within 24 hours,"),
        "summary": "The ministry spokesman said the units could move within a day.",
        "reports": ["@0"],
    }  # fmt: skip
    return Story(
        "drill",
        t,
        "en",
        {"date": "2021-02-02", "status": "stated"},
        {"name": "Moscow", "kind": "place", "country_code": "RUS", "evidence": span(t, "MOSCOW")},
        [alert, statement],
    )


def _lithuania() -> Story:
    t = LITHUANIA_TEXT
    lithuania = {"name": "Lithuania", "kind": "country", "country_code": "LTU",
                 "latitude": 55.17, "longitude": 23.88, "geo_precision": 3,
                 "evidence": span(t, "Lithuania")}  # fmt: skip
    arrived = {
        "event_type": "deployment",
        "cameo": cameo("074"),
        "plover": {"type": "AID", "modes": [], "contexts": ["military"]},
        "acled": {"event_type": "Strategic developments", "sub_event_type": "Other"},
        "participants": [
            {"actor_id": "bundeswehr", "role": "source", "mention": span(t, "the Bundeswehr")},
            {"actor_id": "nato", "role": "beneficiary", "mention": span(t, "NATO")},
        ],
        "time": {"date": "2022-02-13", "precision": "day", "expression": "on Sunday",
                 "evidence": span(t, "on Sunday")},
        "locations": [lithuania],
        "factuality": factuality("positive", "asserted", "past"),
        "trigger": span(t, "arrived"),
        "evidence": [span(t, "The first of about 300 German soldiers arrived in Lithuania")],
        "force": {"description": "German soldiers", "actor_id": "bundeswehr",
                  "size": {"value": 300, "approximate": True, "unit": "soldiers",
                           "evidence": span(t, "about 300 German soldiers")},
                  "units": []},
        "destination": lithuania,
        "status": "under_way",
        "purpose": {"description": "reinforce NATO’s eastern flank",
                    "evidence": span(t, "reinforce NATO’s eastern flank")},
    }  # fmt: skip
    follow = {
        "event_type": "deployment",
        "cameo": cameo("154"),
        "participants": [{"actor_id": "lambrecht", "role": "recommender"}],
        "factuality": {**factuality("positive", "conditional", "future", "possible"),
                       "condition": {"text": "if the situation requires it",
                                     "evidence": span(t, "if the situation requires it")}},
        "trigger": span(t, "follow"),
        "force": {"description": "A further battalion", "units": ["battalion"],
                  "size": {"low": 300, "high": 1000, "unit": "soldiers"}},
        "destination": lithuania,
        "status": "considered",
        "links": [{"relation": "follows", "event_id": "@0"}],
    }  # fmt: skip
    statement = {
        "event_type": "statement",
        "cameo": cameo("010"),
        "participants": [
            {"actor_id": "lambrecht", "role": "speaker", "mention": span(t, "Christine Lambrecht")},
        ],
        "factuality": factuality("positive", "asserted", "past"),
        "evidence": [span(t, "told reporters")],
        "speech": "mixed",
        "quote": span(t, "if the situation requires it,"),
        "summary": "The minister said a further battalion could follow if needed.",
        "reports": ["@1"],
    }  # fmt: skip
    return Story(
        "lithuania",
        t,
        "en",
        {"date": "2022-02-14", "status": "stated"},
        {"name": "Berlin", "kind": "place", "country_code": "DEU", "evidence": span(t, "BERLIN")},
        [arrived, follow, statement],
    )


STORIES: tuple[Story, ...] = (_kirby(), _drill(), _lithuania())
