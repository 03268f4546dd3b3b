"""``renstra check --format html``: one self-contained page that parses, holds every finding
once in its group, loads nothing, escapes every text of the plan and speaks both languages."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache
from html.parser import HTMLParser
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings

from renstra_model import Activity, Code, Level, Organisation, Period, Plan, save
from renstra_model.checks import RULES, check
from renstra_model.checks.findings import Finding, Location, Severity, Text, severity_counts
from renstra_model.cli import EXIT_FINDINGS, EXIT_INPUT, EXIT_OK, main
from renstra_model.examples import ttu_dinsos
from renstra_model.io.distribution import installed_version
from renstra_model.io.html import SCRIPT, HtmlPlan, groups, html_report, money
from renstra_model.messages import Lang
from strategies import minimal_plan, texts

Capture = pytest.CaptureFixture[str]

VOID = frozenset({"meta", "input", "br", "img", "hr", "link", "wbr"})
SCRIPT_TAG = "<script>alert(1)</script>"
ATTRIBUTE = '"><img src=x onerror=alert(1)>'


@dataclass
class Node:
    """An element of a parsed page: its tag, attributes and children (elements and text)."""

    tag: str
    attrs: dict[str, str | None]
    children: list[Node | str] = field(default_factory=list)

    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def iter(self) -> Iterator[Node]:
        for child in self.children:
            if isinstance(child, Node):
                yield child
                yield from child.iter()

    def all(self, tag: str, cls: str | None = None) -> list[Node]:
        return [n for n in self.iter()
                if n.tag == tag and (cls is None or cls in (n.attrs.get("class") or "").split())]

    def one(self, tag: str, cls: str | None = None) -> Node:
        (found,) = self.all(tag, cls)
        return found


class Tree(HTMLParser):
    """The page as :class:`Node`s; every element but a void one must be closed, in order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#document", {})
        self.stack = [self.root]
        self.problems: list[str] = []
        self.doctype = ""

    def handle_decl(self, decl: str) -> None:
        self.doctype = decl

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = Node(tag, dict(attrs))
        self.stack[-1].children.append(node)
        if tag not in VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.stack[-1].children.append(Node(tag, dict(attrs)))

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID or self.stack[-1].tag != tag:
            self.problems.append(f"</{tag}> closes <{self.stack[-1].tag}>")
            return
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


def parse(page: str) -> Node:
    tree = Tree()
    tree.feed(page)
    tree.close()
    assert tree.problems == []
    assert [n.tag for n in tree.stack] == ["#document"]  # every element closed
    assert tree.doctype == "DOCTYPE html"
    return tree.root


@cache
def ttu_findings() -> tuple[Finding, ...]:
    return tuple(check(ttu_dinsos()))


@cache
def ttu_page(lang: Lang) -> str:
    return html_report([HtmlPlan("ttu-dinsos", ttu_dinsos(), ttu_findings())], lang,
                       version="1.2.3")


def _code(row: Node, page: Node) -> str | None:
    """The activity code of the group that holds *row*."""
    for group in page.all("div", "activity"):
        if any(r is row for r in group.all("li", "finding")):
            return group.one("h5").one("code").text()
    return None


def _rows(page: Node) -> list[tuple[str, str, str, str | None, str]]:
    """Each finding of *page*: rule, severity, family, code of its group, message."""
    return [(row.attrs["data-rule"] or "", row.attrs["data-severity"] or "",
             row.attrs["data-family"] or "", _code(row, page), row.one("p", "message").text())
            for row in page.all("li", "finding")]


def flood_plan(name: str = "Sub") -> Plan:
    """Twelve sub kegiatan without a location or an indicator: a flood of RS235 and RS231."""
    subs = [Activity(Code.parse(f"1.02.02.2.01.{n:04d}"), Level.SUB_KEGIATAN, f"{name} {n}")
            for n in range(1, 13)]
    kegiatan = Activity(Code.parse("1.02.02.2.01"), Level.KEGIATAN, name, children=subs)
    program = Activity(Code.parse("1.02.02"), Level.PROGRAM, "Program", children=[kegiatan])
    return Plan(title="Renstra", organisation=Organisation("Dinas Kesehatan", "Kabupaten Contoh"),
                period=Period(2024, 2025, 2029), programs=[program])


# -- structure -----------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "id"])
def test_the_ttu_page_holds_each_of_the_92_findings_once_with_its_rule_and_code(
    lang: Lang,
) -> None:
    page = parse(ttu_page(lang))
    findings = ttu_findings()
    assert len(findings) == 92
    expected = [(f.rule, f.severity.value, f.family,
                 str(f.location.code) if f.location.code else None, f.message(lang))
                for f in findings]
    rows = _rows(page)
    assert len(rows) == 92
    assert Counter(rows) == Counter(expected)
    assert len(page.all("section")) == 1  # the one plan
    assert [h.text() for h in page.all("h4")] == ["7.1", "T-C.23", "T-C.24", "T-C.25", "T-C.27"]


def test_each_finding_shows_its_severity_in_words_its_year_path_and_why() -> None:
    page = parse(ttu_page("en"))
    for row in page.all("li", "finding"):
        severity = Severity(row.attrs["data-severity"])
        assert row.one("span", "badge").text() == severity.label("en")
        assert row.attrs["class"] == f"finding {severity.value}"
        rule = RULES[row.attrs["data-rule"] or ""]
        assert row.one("span", "rule").text() == rule.id
        assert row.one("span", "family").text() == rule.family == row.attrs["data-family"]
        why = row.one("details", "why")
        assert why.one("summary").text() == f"Why it matters: {rule.title.en}"
        assert why.one("p").text() == rule.why.en
    years = Counter(s.text() for s in page.iter()
                    if s.tag == "span" and s.attrs.get("class") == "where"
                    and s.text().startswith("year"))
    assert years == Counter(f"year {f.location.year}" for f in ttu_findings()
                            if f.location.year is not None)
    paths = Counter(p.one("code").text() for p in page.all("p", "path"))
    assert paths == Counter(f.location.path for f in ttu_findings() if f.location.path)
    first = page.all("li", "finding")[0]  # 7.1 row 1: RS202, no year
    assert [s.text() for s in first.all("span", "where")] == ["row 1"]
    assert first.one("p", "path").text() == "Path: key_indicators[0].indicator"


def test_the_summary_states_the_plan_its_budget_and_the_counts() -> None:
    page = parse(ttu_page("en"))
    plan = page.one("section", "plan")
    assert plan.one("h2").text() == ttu_dinsos().label
    facts = plan.one("dl", "facts")
    pairs = zip(facts.all("dt"), facts.all("dd"), strict=True)
    assert [(dt.text(), dd.text()) for dt, dd in pairs] == [
        ("Checked as", "ttu-dinsos"), ("Perangkat Daerah", "Dinas Sosial"),
        ("Region", "Kabupaten Timor Tengah Utara"), ("Province", "Nusa Tenggara Timur"),
        ("Period", "2022–2026 (baseline 2021)"),
    ]
    budget = [[td.text() for td in tr.all("td")] for tr in plan.one("table", "budget").all("tr")]
    assert budget == [[], ["2022", "4,847,753,572"], ["2023", "4,091,594,846.5"],
                      ["2024", "7,564,020,128"], ["2025", "8,064,623,984"],
                      ["2026", "9,233,106,480"], ["Period", "33,801,099,010.5"]]
    shape = [[td.text() for td in tr.all("td")] for tr in plan.one("table", "shape").all("tr")]
    assert shape[5:] == [["Programs", "7"], ["Kegiatan", "16"], ["Sub kegiatan", "48"]]
    assert [li.text() for li in plan.one("ul", "counts").all("li")] == [
        "error 2", "warning 51", "info 39"]
    assert plan.all("h3")[2].text() == "Findings: 92"
    assert page.one("html").attrs["lang"] == "en"
    assert page.one("p", "version").text() == "Checked with renstra 1.2.3."
    header = page.one("header")
    assert header.one("h1").text() == f"Compliance report: {ttu_dinsos().label}"
    assert header.one("p", "totals").text() == "Plans checked: 1. Findings: 92."


def test_an_activity_group_is_headed_by_its_code_and_name() -> None:
    page = parse(ttu_page("en"))
    heads = [(g.one("code").text(), g.one("span", "name").text()) for g in page.all("h5")]
    assert heads[:2] == [("1.06.01.2.06.0004", "Penyediaan Bahan Logistik Kantor"),  # T-C.24
                         ("1.06.01.2.08.0001", "Penyediaan Jasa Surat Menyurat")]  # T-C.27
    tables_codes = {(f.location.table, f.location.code) for f in ttu_findings()
                    if f.location.code}
    assert len(heads) == len(tables_codes)  # one group an activity of a table


def test_the_filters_name_every_severity_and_family_and_the_page_hides_nothing() -> None:
    page = parse(ttu_page("en"))
    form = page.one("form", "filters")
    assert "hidden" in form.attrs  # shown by the script: without it, nothing is filtered
    boxes = [(i.attrs["name"], i.attrs["value"]) for i in form.all("input")]
    families = sorted({f.family for f in ttu_findings()})
    assert boxes == [("severity", "error"), ("severity", "warning"), ("severity", "info"),
                     *(("family", f) for f in families)]
    assert all("checked" in i.attrs for i in form.all("input"))
    hidden = [n.tag for n in page.iter() if "hidden" in n.attrs]
    assert hidden == ["form"]
    (script,) = page.all("script")
    assert script.text() == SCRIPT


def test_a_flood_lists_its_members_in_a_nested_list() -> None:
    plan = flood_plan()
    findings = tuple(check(plan, select=["RS235"]))
    page = parse(html_report([HtmlPlan("flood.json", plan, findings)], "en"))
    (row,) = page.all("li", "finding")
    (flood,) = findings
    members = row.one("details", "members")
    assert members.one("summary").text() == "The 12 findings it stands for"
    items = members.one("ol", "members").all("li", "member")
    assert [li.one("span", "message").text() for li in items] == [
        m.message("en") for m in flood.members]
    assert [li.one("span", "where").text() for li in items] == [
        f"T-C.27 1.02.02.2.01.{n:04d}" for n in range(1, 13)]
    assert row.one("p", "message").text() == flood.message("en")
    assert [h.text() for h in page.all("h4")] == ["T-C.27"]  # no code: under its table


def test_a_finding_of_no_table_is_in_its_own_group_last() -> None:
    text = Text("m", "m")
    found = tuple(Finding("RS002", "import", Severity.WARNING, Location(table, code),
                          template=text)
                  for table, code in ((None, None), ("T-C.10", None), ("T-C.9", None),
                                      ("T-C.9", Code.parse("1.06.02"))))
    assert [t for t, _ in groups(found)] == ["T-C.9", "T-C.10", None]
    page = parse(html_report([HtmlPlan("p", minimal_plan(), found)], "id"))
    assert [h.text() for h in page.all("h4")] == ["T-C.9", "T-C.10",
                                                  "Tidak terikat pada satu tabel"]
    (table_9, _, _) = page.all("div", "table")
    assert [ul.attrs["class"] for ul in table_9.all("ul")] == ["findings", "findings"]
    assert table_9.one("h5").text() == "1.06.02 "  # a code the plan does not hold: no name
    assert severity_counts(found) == {Severity.ERROR: 0, Severity.WARNING: 4, Severity.INFO: 0}


def test_a_finding_of_an_unregistered_rule_has_no_why() -> None:
    found = (Finding("XX1", "import", Severity.INFO, Location(), template=Text("m", "m")),)
    page = parse(html_report([HtmlPlan("p", minimal_plan(), found)], "en"))
    row = page.one("li", "finding")
    assert (row.all("details"), row.all("p", "path"), row.all("span", "where")) == ([], [], [])


def test_money_has_the_separators_of_the_language() -> None:
    assert money(Decimal("33801099010.5"), "id") == "33.801.099.010,5"
    assert money(Decimal("33801099010.5"), "en") == "33,801,099,010.5"
    assert money(Decimal("0"), "id") == "0"


# -- nothing loaded, everything escaped ----------------------------------------------------


EXTERNAL = re.compile(r"https?://|//[a-z]|@import|url\(|<link|<iframe|<object|<embed|src=",
                      re.IGNORECASE)


@pytest.mark.parametrize("lang", ["en", "id"])
def test_the_page_loads_nothing(lang: Lang) -> None:
    text = ttu_page(lang)
    assert EXTERNAL.findall(text) == []
    page = parse(text)
    assert [n.tag for n in page.iter() if "src" in n.attrs] == []
    assert [n.attrs["href"] for n in page.iter() if "href" in n.attrs] == []  # one plan


def test_the_links_of_several_plans_stay_in_the_page() -> None:
    plan = ttu_dinsos()
    page = parse(html_report([HtmlPlan("a.json", plan, ()), HtmlPlan("b.json", plan, ())],
                             "en"))
    assert [a.attrs["href"] for a in page.all("a")] == ["#plan-1", "#plan-2"]
    assert [s.attrs["id"] for s in page.all("section", "plan")] == ["plan-1", "plan-2"]
    assert [li.text() for li in page.one("nav").all("li")] == [
        f"{plan.label} (a.json): 0", f"{plan.label} (b.json): 0"]
    assert page.all("form") == []  # no finding: nothing to filter


def test_every_text_of_the_plan_and_its_findings_is_escaped() -> None:
    hostile = flood_plan(f"{SCRIPT_TAG} {ATTRIBUTE}")
    hostile = attrs.evolve(hostile, title=SCRIPT_TAG,
                           organisation=Organisation(ATTRIBUTE, SCRIPT_TAG))
    findings = (*check(hostile, expand=True),
                Finding("RS1" + ATTRIBUTE, ATTRIBUTE, Severity.ERROR,
                        Location(ATTRIBUTE, None, None, ATTRIBUTE, ATTRIBUTE),
                        template=Text(SCRIPT_TAG, SCRIPT_TAG)))
    text = html_report([HtmlPlan(ATTRIBUTE, hostile, findings),
                        HtmlPlan(SCRIPT_TAG, hostile, ())], "en")
    assert SCRIPT_TAG not in text
    assert "<img" not in text
    page = parse(text)
    assert page.all("img") == []
    assert [s.text() for s in page.all("script")] == [SCRIPT]
    assert page.one("title").text() == "Compliance report"
    assert [s.one("h2").text() for s in page.all("section", "plan")] == [SCRIPT_TAG] * 2
    names = {s.text() for s in page.all("span", "name")}
    assert f"{SCRIPT_TAG} {ATTRIBUTE} 1" in names
    (last,) = [r for r in page.all("li", "finding") if r.attrs["data-family"] == ATTRIBUTE]
    assert last.attrs["data-rule"] == "RS1" + ATTRIBUTE
    assert last.one("p", "message").text() == SCRIPT_TAG
    assert last.one("p", "path").one("code").text() == ATTRIBUTE
    assert f"row {ATTRIBUTE}" in [s.text() for s in last.all("span", "where")]
    boxes = [i.attrs["value"] for i in page.one("form").all("input")]
    assert ATTRIBUTE in boxes
    facts = page.all("dl", "facts")[0]
    assert [dd.text() for dd in facts.all("dd")][:3] == [ATTRIBUTE, ATTRIBUTE, SCRIPT_TAG]
    assert ATTRIBUTE in [h.text() for h in page.all("h4")]


@settings(max_examples=60, deadline=None)
@given(name=texts(40), source=texts(20), title=texts(20))
def test_any_text_round_trips_as_text(name: str, source: str, title: str) -> None:
    code = Code.parse("1.06.02.2.01.0001")
    plan = attrs.evolve(minimal_plan(), title=title, programs=[Activity(
        Code.parse("1.06.02"), Level.PROGRAM, "P", children=[Activity(
            Code.parse("1.06.02.2.01"), Level.KEGIATAN, "K", children=[
                Activity(code, Level.SUB_KEGIATAN, name)])])])
    found = (Finding("RS235", "missing-value", Severity.INFO, Location("T-C.27", code, 2023),
                     {"name": name}, template=Text("{name}", "{name}")),)
    page = parse(html_report([HtmlPlan(source, plan, found)], "en"))
    assert page.one("span", "name").text() == name
    assert page.one("p", "message").text() == name
    assert page.one("dl", "facts").all("dd")[0].text() == source
    assert page.one("h2").text() == title


# -- languages, an empty plan ----------------------------------------------------------------


def test_the_page_speaks_indonesian() -> None:
    page = parse(ttu_page("id"))
    assert page.one("html").attrs["lang"] == "id"
    header = page.one("header")
    assert header.one("h1").text() == f"Laporan pemeriksaan kepatuhan: {ttu_dinsos().label}"
    assert header.one("p", "totals").text() == "Rencana yang diperiksa: 1. Temuan: 92."
    assert [li.text() for li in page.one("ul", "counts").all("li")] == [
        "galat 2", "peringatan 51", "info 39"]
    first = page.all("li", "finding")[0]
    assert first.one("details", "why").one("p").text() == RULES["RS202"].why.id
    assert [s.text() for s in first.all("span", "where")] == ["baris 1"]
    facts = page.one("dl", "facts")
    assert [dt.text() for dt in facts.all("dt")] == [
        "Diperiksa sebagai", "Perangkat Daerah", "Daerah", "Provinsi", "Periode"]
    assert facts.all("dd")[4].text() == "2022–2026 (tahun dasar 2021)"
    budget = page.one("table", "budget").all("tr")
    assert [td.text() for td in budget[-1].all("td")] == ["Periode", "33.801.099.010,5"]
    assert [lg.text() for lg in page.one("form").all("legend")] == ["Tingkat", "Keluarga"]


def test_a_plan_without_findings_says_so() -> None:
    plan = Plan(title=None, organisation=Organisation(None, None), period=Period(2024, 2025, 2029))
    page = parse(html_report([HtmlPlan("clean.json", plan, ())], "en"))
    assert page.one("p", "none").text() == "No findings: no rule found a defect in this plan."
    assert page.all("li", "finding") == []
    assert page.all("form") == []
    assert page.one("h2").text() == "Renstra 2025-2029"
    assert [dd.text() for dd in page.one("dl", "facts").all("dd")] == [
        "clean.json", "not stated", "not stated", "not stated", "2025–2029 (baseline 2024)"]
    assert [li.text() for li in page.one("ul", "counts").all("li")] == [
        "error 0", "warning 0", "info 0"]
    empty = parse(html_report([], "id"))
    assert empty.one("p", "none").text() == "Tidak ada rencana yang diperiksa."
    assert empty.all("section") == []


# -- the command line ------------------------------------------------------------------------


def test_check_format_html_prints_the_page(capsys: Capture) -> None:
    assert main(["check", "ttu-dinsos", "--format", "html", "--lang", "id"]) == EXIT_FINDINGS
    captured = capsys.readouterr()
    assert captured.err == ""
    expected = html_report([HtmlPlan("ttu-dinsos", ttu_dinsos(), ttu_findings())], "id",
                           version=installed_version())
    assert captured.out == expected
    assert main(["check", "ttu-dinsos", "--format", "html", "--select", "RS301"]) == EXIT_OK
    assert len(parse(capsys.readouterr().out).all("li", "finding")) == 1


def test_check_format_html_of_several_plans_and_an_unusable_one(
    tmp_path: Path, capsys: Capture
) -> None:
    save(ttu_dinsos(), tmp_path / "ttu.json")
    argv = ["check", "ttu-dinsos", "no-such-plan", str(tmp_path / "ttu.json"), "--format",
            "html", "--lang", "en", "--select", "RS341", "--jobs", "2"]
    assert main(argv) == EXIT_INPUT
    captured = capsys.readouterr()
    assert captured.err == ("'no-such-plan' is neither a file nor a shipped example "
                            "(known: ttu-dinsos) @ $\n")
    page = parse(captured.out)
    sections = page.all("section", "plan")
    assert [s.one("dl", "facts").all("dd")[0].text() for s in sections] == [
        "ttu-dinsos", str(tmp_path / "ttu.json")]
    assert [[r.attrs["data-rule"] for r in s.all("li", "finding")] for s in sections] == [
        ["RS341", "RS341"], ["RS341", "RS341"]]
    unread = page.one("section", "unread")
    assert unread.one("h2").text() == "Inputs that could not be read: 1"
    assert [li.text() for li in unread.all("li")] == [
        "no-such-plan: 'no-such-plan' is neither a file nor a shipped example "
        "(known: ttu-dinsos) @ $"]


def test_an_input_that_cannot_be_read_is_listed_escaped_in_both_languages() -> None:
    unread = [("<b>x.json</b>", "cannot read <b>x.json</b>: it is a directory")]
    cases: tuple[tuple[Lang, str], ...] = (("en", "Inputs that could not be read: 1"),
                                           ("id", "Masukan yang tidak dapat dibaca: 1"))
    for lang, heading in cases:
        text = html_report([], lang, unread=unread)
        assert "<b>" not in text
        page = parse(text)
        section = page.one("section", "unread")
        assert section.one("h2").text() == heading
        assert [li.text() for li in section.all("li")] == [
            "<b>x.json</b>: cannot read <b>x.json</b>: it is a directory"]
    assert 'class="unread"' not in html_report([], "en")


def test_a_settings_file_with_format_html_prints_the_page(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: Capture
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "renstra.toml").write_text('format = "html"\nselect = ["RS301"]\nlang = "id"\n',
                                           encoding="utf-8")
    assert main(["check", "ttu-dinsos"]) == EXIT_OK
    page = parse(capsys.readouterr().out)
    assert page.one("html").attrs["lang"] == "id"
    assert [r.attrs["data-rule"] for r in page.all("li", "finding")] == ["RS301"]
