"""OFAC's Remarks field turned into facts (``remarks.parse_remarks``)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from sanctionwatch.lists.sources.ofac.ids import Document
from sanctionwatch.lists.sources.ofac.remarks import Link, Prop, SanctionProp, Wallet, parse_remarks


def test_remarks_facts() -> None:
    facts = parse_remarks(
        "DOB circa 1957; alt. POB Moscow, Russia; Gender Female; "
        "Digital Currency Address - USDT TX5GV4DyfxNB3rPkzZJhmqZ1efVmL4rEqG; "
        "Telephone (98)(21)(66153220); Website www.nitc.co.ir; n.k.a. 'LGOK'; "
        "Additional Sanctions Information - Subject to Secondary Sanctions; "
        "Linked To: HIZBALLAH; Former Vessel Flag None Identified; Member ETA; "
        "Registration Number HRA 738077 (Stuttgart) (Germany)."
    )
    assert facts == [
        Prop("birthDate", "1957"),
        Prop("birthPlace", "Moscow, Russia"),
        Prop("birthCountry", "ru"),
        Prop("gender", "female"),
        Wallet("USDT", "TX5GV4DyfxNB3rPkzZJhmqZ1efVmL4rEqG"),
        Prop("phone", "+982166153220"),
        Prop("website", "www.nitc.co.ir"),
        Prop("alias", "LGOK"),
        SanctionProp(
            "provisions", "Additional Sanctions Information - Subject to Secondary Sanctions"
        ),
        Link("HIZBALLAH", "Linked To"),
        facts[10],
    ]
    doc = facts[10]
    assert isinstance(doc, Document)
    assert (doc.label, doc.number, doc.country) == (
        "Registration Number",
        "HRA 738077 (Stuttgart)",
        "Germany",
    )


def test_truncated_flag_skips_the_cut_fact() -> None:
    text = "Digital Currency Address - XBT 1Gq"
    assert parse_remarks(text) == [Wallet("XBT", "1Gq")]
    assert parse_remarks(text, truncated=True) == []


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_remarks_never_crash(text: str) -> None:
    assert isinstance(parse_remarks(text), list)
