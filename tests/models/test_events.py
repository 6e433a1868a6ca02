"""Events: the shared rules, and the rules of alerts, deployments and statements."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsevents.codebooks.event_types import allowed_cameo_codes
from newsevents.models import EVENT_ADAPTER, RECORD_ADAPTER, Alert, Deployment, Statement
from newsevents.testing import cameo_codings, errors_of, to_json

MODELS = {"alert": Alert, "deployment": Deployment, "statement": Statement}
Event = dict[str, Any]


@pytest.fixture(params=sorted(MODELS))
def event(request: pytest.FixtureRequest) -> Event:
    """Each event type's minimal valid record in turn."""
    record: Event = request.getfixturevalue(request.param)
    return record


def _errors(event: Event) -> list[tuple[str, tuple[str | int, ...]]]:
    return errors_of(MODELS[event["event_type"]], event)


def test_the_minimal_events_are_valid(event: Event) -> None:
    assert _errors(event) == []
    assert type(RECORD_ADAPTER.validate_python(event)) is MODELS[event["event_type"]]


def test_union_errors_are_located_under_the_tags(alert: Event) -> None:
    alert["trigger"] = {"start": 3, "end": 1, "exact": "ab"}
    assert errors_of(Alert, alert) == [("NE603", ("trigger", "start"))]
    assert errors_of(EVENT_ADAPTER, alert) == [("NE603", ("alert", "trigger", "start"))]
    assert errors_of(RECORD_ADAPTER, alert) == [("NE603", ("event", "alert", "trigger", "start"))]


def test_an_unknown_event_type_is_a_union_tag_error(alert: Event) -> None:
    alert["event_type"] = "attack"
    assert errors_of(EVENT_ADAPTER, alert) == [("union_tag_invalid", ())]


@pytest.mark.parametrize("event_type", sorted(MODELS))
@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_every_allowed_cameo_code_is_accepted(
    request: pytest.FixtureRequest, event_type: str, data: st.DataObject
) -> None:
    record: Event = request.getfixturevalue(event_type)
    coding = data.draw(cameo_codings(allowed_cameo_codes(event_type)))
    assert _errors({**record, "cameo": to_json(coding)}) == []


@pytest.mark.parametrize(
    ("event_type", "cameo"),
    [
        ("alert", {"code": "010", "root": "01", "quad_class": 1, "goldstein": 0.0}),
        ("deployment", {"code": "190", "root": "19", "quad_class": 4, "goldstein": -10.0}),
        ("statement", {"code": "152", "root": "15", "quad_class": 4, "goldstein": -7.2}),
    ],
)
def test_cameo_codes_outside_the_event_type_are_rejected(
    request: pytest.FixtureRequest, event_type: str, cameo: dict[str, object]
) -> None:
    record: Event = request.getfixturevalue(event_type)
    assert _errors({**record, "cameo": cameo}) == [("NE402", ("cameo", "code"))]


def test_plover_type_follows_the_cameo_mapping(alert: Event) -> None:
    alert["cameo"] = {"code": "152", "root": "15", "quad_class": 4, "goldstein": -7.2}
    assert _errors({**alert, "plover": {"type": "MOBILIZE", "modes": ["troops"]}}) == []
    assert _errors({**alert, "plover": {"type": "THREATEN"}}) == [("NE408", ("plover", "type"))]


def test_participant_roles_depend_on_the_event_type(alert: Event, statement: Event) -> None:
    alert["participants"] = [
        {"actor_id": "a", "role": "orderer"},
        {"actor_id": "b", "role": "speaker"},
    ]
    assert _errors(alert) == [("NE714", ("participants", 1, "role"))]
    statement["participants"].append({"actor_id": "a", "role": "orderer"})
    assert _errors(statement) == [("NE714", ("participants", 1, "role"))]


def test_an_actor_appears_once_per_role(deployment: Event) -> None:
    first = {"actor_id": "a", "role": "source"}
    deployment["participants"] = [first, {"actor_id": "a", "role": "orderer"}, dict(first)]
    assert _errors(deployment) == [("NE508", ("participants", 2))]


def test_an_event_never_links_to_itself(event: Event) -> None:
    event["links"] = [{"relation": "follows", "event_id": "other"}]
    assert _errors(event) == []
    event["links"].append({"relation": "same_as", "event_id": event["id"]})
    assert _errors(event) == [("NE505", ("links", 1, "event_id"))]


def test_alert_roles_and_properties(alert: Event) -> None:
    alert["participants"] = [
        {"actor_id": "austin", "role": "orderer"},
        {"actor_id": "biden", "role": "authorizer"},
    ]
    model = Alert.model_validate(alert)
    assert (model.ordered_by, model.authorized_by) == (["austin"], ["biden"])


@pytest.mark.parametrize(
    ("direction", "before", "after", "valid"),
    [
        ("increase", "P10D", "P5D", True),
        ("increase", "P5D", "P10D", False),
        ("decrease", "P5D", "P10D", True),
        ("decrease", "PT120H", "P5D", False),
        ("increase", "P1W", "P7D", False),
        ("increase", "P1M", "P29D", True),
    ],
)
def test_readiness_direction_agrees_with_notice(
    alert: Event, direction: str, before: str, after: str, valid: bool
) -> None:
    readiness = {"measure": "notice_to_deploy", "direction": direction}
    alert["readiness"] = {**readiness, "before": before, "after": after}
    assert _errors(alert) == ([] if valid else [("NE711", ("readiness", "direction"))])


def test_readiness_direction_is_not_checked_for_other_measures(alert: Event) -> None:
    readiness = {"measure": "other", "direction": "increase", "before": "P1D", "after": "P9D"}
    assert _errors({**alert, "readiness": readiness}) == []


@pytest.mark.parametrize("duration", ["5 days", "P", "PT", "P5", "PT5D", "P1.5D", "p5d", "-P5D"])
def test_durations_are_iso_8601(alert: Event, duration: str) -> None:
    alert["readiness"] = {"measure": "notice_to_deploy", "direction": "increase", "after": duration}
    assert _errors(alert) == [("NE712", ("readiness", "after"))]


@pytest.mark.parametrize(
    ("polarity", "status"), [("negative", "completed"), ("negative", "under_way")]
)
def test_a_negated_deployment_did_not_happen(deployment: Event, polarity: str, status: str) -> None:
    deployment["factuality"]["polarity"] = polarity
    assert _errors({**deployment, "status": status}) == [("NE703", ("status",))]


@pytest.mark.parametrize("status", ["ruled_out", "not_planned", "cancelled"])
def test_a_ruled_out_deployment_is_negative(deployment: Event, status: str) -> None:
    assert _errors({**deployment, "status": status}) == [("NE704", ("status",))]
    deployment["factuality"]["polarity"] = "negative"
    assert _errors({**deployment, "status": status}) == []


def test_a_statement_has_exactly_one_speaker(statement: Event) -> None:
    assert Statement.model_validate(statement).speaker == "actor-kirby"
    two = [*statement["participants"], {"actor_id": "actor-austin", "role": "speaker"}]
    assert _errors({**statement, "participants": two}) == [("NE715", ("participants",))]
    assert _errors({**statement, "participants": []}) == [("NE715", ("participants",))]


def test_a_quotation_has_a_quote_span(statement: Event) -> None:
    quote = {"start": 0, "end": 5, "exact": "troop"}
    for speech in ("direct_quotation", "mixed"):
        assert _errors({**statement, "speech": speech}) == [("NE718", ("quote",))]
        assert _errors({**statement, "speech": speech, "quote": quote}) == []
    assert _errors({**statement, "quote": quote}) == [("NE718", ("quote",))]


def test_a_statement_reports_other_events_once_each(statement: Event) -> None:
    assert _errors({**statement, "reports": ["ev-a", "ev-b"]}) == []
    assert _errors({**statement, "reports": ["ev-a", statement["id"]]}) == [
        ("NE505", ("reports", 1))
    ]
    assert _errors({**statement, "reports": ["ev-a", "ev-b", "ev-a"]}) == [
        ("NE508", ("reports", 2))
    ]


def test_every_violation_of_an_event_is_reported_at_once(statement: Event) -> None:
    statement.update(
        participants=[{"actor_id": "a", "role": "orderer"}],
        speech="direct_quotation",
        reports=[statement["id"]],
        links=[{"relation": "same_as", "event_id": statement["id"]}],
    )
    assert sorted(_errors(statement)) == [
        ("NE505", ("links", 0, "event_id")),
        ("NE505", ("reports", 0)),
        ("NE714", ("participants", 0, "role")),
        ("NE715", ("participants",)),
        ("NE718", ("quote",)),
    ]
