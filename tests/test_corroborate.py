"""Merging reports of one event across outlets, and the control timeline."""

from __future__ import annotations

import datetime as dt

from newsevents.corroborate import cluster_events, control_timeline

D = dt.date


def row(outlet, type="ASSAULT", place="Avdiivka", gid=1, start=D(2022, 7, 4), end=None, countries=("RUS",)):
    return {"type": type, "place": place, "geonameid": gid, "date_start": start,
            "date_end": end or start, "actor_country": list(countries), "outlet": outlet, "source": None}


def test_corroborate_same_event_from_several_outlets_is_one_cluster():
    clusters = cluster_events([row("BBC"), row("AP", start=D(2022, 7, 5)), row("RT")])
    assert len(clusters) == 1 and clusters[0].corroboration == 3
    assert clusters[0].first == D(2022, 7, 4) and clusters[0].last == D(2022, 7, 5)


def test_corroborate_syndicated_copies_are_carried_not_corroboration():
    wire = dict(row("AP"), copy_outlets=["Daily Paper", "AP", "Evening Post"])
    (cluster,) = cluster_events([wire, row("BBC")])
    assert cluster.corroboration == 2 and cluster.outlets == ["AP", "BBC"]
    assert cluster.carried_by == ["Daily Paper", "Evening Post"]


def test_corroborate_keeps_distinct_events_apart():
    rows = [
        row("BBC"),
        row("AP", start=D(2022, 8, 20)),              # another week
        row("AP", place="Bakhmut", gid=2),              # another place
        row("AP", type="RETREAT"),                      # another type
        row("AP", countries=("UKR",)),                  # another actor
        {**row("AP"), "geonameid": None, "place": None},  # no place: not clustered
    ]
    clusters = cluster_events(rows)
    assert len(clusters) == 5 and all(c.corroboration == 1 for c in clusters)


def test_corroborate_report_dated_by_publication_joins_a_recent_event():
    on_or_before = {**row("AP"), "date_start": None, "date_end": D(2022, 7, 6)}
    (cluster,) = cluster_events([row("BBC"), on_or_before])
    assert cluster.outlets == ["AP", "BBC"]
    weeks_later = {**on_or_before, "date_end": D(2022, 7, 20)}
    assert len(cluster_events([row("BBC"), weeks_later])) == 2


def test_corroborate_undated_or_vague_reports_stay_alone():
    undated = row("AP", start=None)
    that_year = row("RT", start=D(2022, 1, 1), end=D(2022, 12, 31))
    clusters = cluster_events([undated, row("BBC"), that_year])
    assert len(clusters) == 3 and all(c.corroboration == 1 for c in clusters)


def test_corroborate_a_country_needs_a_date_within_a_week():
    sanctions = dict(row("BBC", type="COERCE", place="North Korea", gid=3, start=D(2017, 8, 1),
                         end=D(2017, 8, 31)), place_feature="country")
    september = dict(sanctions, outlet="AP", date_start=D(2017, 8, 30), date_end=D(2017, 9, 30))
    assert len(cluster_events([sanctions, september])) == 2
    that_week = dict(sanctions, date_start=D(2017, 9, 11), date_end=D(2017, 9, 17))
    (cluster,) = cluster_events([that_week, dict(that_week, outlet="AP", date_start=D(2017, 9, 12))])
    assert cluster.corroboration == 2
    in_a_town = dict(september, place="Pyongyang", gid=4, place_feature="city")
    assert len(cluster_events([in_a_town, dict(in_a_town, outlet="RT")])) == 1


def test_corroborate_recipients_must_agree():
    shelled_ukraine = {**row("BBC"), "recipient_country": ["UKR"]}
    shelled_georgia = {**row("AP"), "recipient_country": ["GEO"]}
    unnamed = row("RT")
    clusters = cluster_events([shelled_ukraine, shelled_georgia, unnamed])
    assert sorted(c.corroboration for c in clusters) == [1, 2]


def test_corroborate_control_timeline_shows_conflicting_claims_side_by_side():
    claims = [
        {"place": "Lysychansk", "controller": "RUS", "as_of_end": D(2022, 7, 3), "published": D(2022, 7, 3)},
        {"place": "Lysychansk", "controller": "UKR", "as_of_end": D(2022, 7, 3), "published": D(2022, 7, 3)},
        {"place": "Lysychansk", "controller": "UKR", "as_of_end": D(2022, 6, 1), "published": D(2022, 6, 1)},
    ]
    states = control_timeline(claims)["Lysychansk"]
    assert [s.date for s in states] == [D(2022, 6, 1), D(2022, 7, 3)]
    assert not states[0].contested and states[1].contested
    assert states[1].controllers == ["RUS", "UKR"]
