"""Findings as one self-contained HTML page, for a planner or an inspector who opens it in a
browser: :func:`html_report` renders the checked plans, each a ``<section>`` with its summary
(title, organisation, region, period, planned money per year, findings per severity) and its
findings grouped by table and, within a table, by activity code.

Each finding is one ``<li class="finding">``: its severity in colour and in words, its rule, the
year and row, the message, the path in the model, the rule's title and why in a ``<details>``,
and, for the diagnosis of a flood, the findings it stands for in a nested list. The page loads
nothing: its style and its script (the filters by severity and family, which hide findings)
are inline, and without the script every finding shows. Every text from a plan or a finding
is escaped.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from html import escape
from typing import Final

from attrs import frozen

from ..checks.findings import Finding, Severity, Text, location_key, severity_counts
from ..messages import Lang, extend, render
from ..model.plan import Plan

LABELS: Final[Mapping[str, Text]] = {
    "title": Text("Compliance report", "Laporan pemeriksaan kepatuhan"),
    "checked": Text("Plans checked: {plans}. Findings: {count}.",
                    "Rencana yang diperiksa: {plans}. Temuan: {count}."),
    "version": Text("Checked with renstra {version}.", "Diperiksa dengan renstra {version}."),
    "contents": Text("Plans", "Daftar rencana"),
    "filters": Text("Show", "Tampilkan"),
    "severity": Text("Severity", "Tingkat"),
    "family": Text("Family", "Keluarga"),
    "source": Text("Checked as", "Diperiksa sebagai"),
    "organisation": Text("Perangkat Daerah", "Perangkat Daerah"),
    "region": Text("Region", "Daerah"),
    "province": Text("Province", "Provinsi"),
    "period": Text("Period", "Periode"),
    "period_value": Text("{first}–{last} (baseline {baseline})",
                         "{first}–{last} (tahun dasar {baseline})"),
    "not_stated": Text("not stated", "tidak dinyatakan"),
    "shape": Text("Parts of the plan", "Bagian rencana"),
    "year": Text("Year", "Tahun"),
    "findings": Text("Findings", "Temuan"),
    "no_findings": Text(
        "No findings: no rule found a defect in this plan.",
        "Tidak ada temuan: tidak ada aturan yang menemukan cacat pada rencana ini.",
    ),
    "no_plans": Text("No plan was checked.", "Tidak ada rencana yang diperiksa."),
    "unread": Text("Inputs that could not be read: {count}",
                   "Masukan yang tidak dapat dibaca: {count}"),
    "no_table": Text("Not tied to one table", "Tidak terikat pada satu tabel"),
    "in_year": Text("year {year}", "tahun {year}"),
    "in_row": Text("row {row}", "baris {row}"),
    "path": Text("Path", "Jalur"),
    "why": Text("Why it matters: {title}", "Mengapa penting: {title}"),
    "members": Text("The {count} findings it stands for", "{count} temuan yang diwakilinya"),
}
"""The page's own words, in both languages: the catalogue's ``html.<key>`` entries."""

extend({f"html.{key}": text.entry() for key, text in LABELS.items()})

SEVERITIES: Final = (Severity.ERROR, Severity.WARNING, Severity.INFO)
"""The severities, most serious first, as the page lists them."""

_SUMMARY_COUNTS: Final = (
    ("summary.missions", "missions"), ("summary.goals", "goals"),
    ("summary.targets", "targets"), ("summary.indicators", "indicators"),
    ("summary.key_indicators", "key_indicators"), ("summary.programs", "programs"),
    ("summary.kegiatan", "kegiatan"), ("summary.sub_kegiatan", "sub_kegiatan"),
)

STYLE: Final = """
:root{color-scheme:light;--error:#a4161a;--error-bg:#fde8e8;--warning:#7a4b00;
--warning-bg:#fff3d6;--info:#0b4f8a;--info-bg:#e3f0fc;--line:#d0d4da;--muted:#4a5260}
*{box-sizing:border-box}[hidden]{display:none!important}
body{margin:0 auto;max-width:72rem;padding:1rem 1.5rem 3rem;color:#16191d;background:#fff;
font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif}
h1{font-size:1.6rem;margin:.5rem 0}h2{font-size:1.35rem;margin:0 0 .5rem}
h3{font-size:1.1rem;margin:1.25rem 0 .5rem}
h4{font-size:1rem;margin:1rem 0 .35rem;padding:.25rem .5rem;background:#eef0f3;border-radius:4px}
h5{font-size:.95rem;margin:.75rem 0 .25rem;font-weight:600;overflow-wrap:anywhere}
div.activity{margin-left:.5rem;padding-left:.75rem;border-left:3px solid #eef0f3}
code,.rule{font-family:ui-monospace,"SFMono-Regular",Menlo,Consolas,monospace;font-size:.9em}
section.plan{border-top:3px solid #16191d;margin-top:2rem;padding-top:1rem}
.filters{display:flex;flex-wrap:wrap;gap:.5rem 1.5rem;padding:.5rem .75rem;
border:1px solid var(--line);border-radius:6px;background:#fff;z-index:1}
@media (min-width:60rem){.filters{position:sticky;top:0}}
.filters fieldset{border:0;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:.25rem .75rem}
.filters legend{font-weight:600;float:left;margin-right:.5rem}
.facts{display:grid;grid-template-columns:max-content 1fr;gap:.15rem 1rem;margin:0}
.facts dt{font-weight:600}.facts dd{margin:0;overflow-wrap:anywhere}
.columns{display:flex;flex-wrap:wrap;gap:1rem 3rem}
table{border-collapse:collapse}td,th{padding:.15rem .6rem;border-bottom:1px solid var(--line);
text-align:left}td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
tr.total td{font-weight:600;border-top:2px solid #16191d}
ul.counts{list-style:none;display:flex;flex-wrap:wrap;gap:.5rem;padding:0;margin:.5rem 0}
ul.findings,ol.members{list-style:none;padding:0;margin:0}
li.finding{border:1px solid var(--line);border-left:6px solid var(--line);border-radius:4px;
margin:.4rem 0;padding:.4rem .75rem}
li.finding.error{border-left-color:var(--error)}li.finding.warning{border-left-color:#d08c00}
li.finding.info{border-left-color:var(--info)}
.head{display:flex;flex-wrap:wrap;gap:.2rem .6rem;align-items:baseline}
.badge{display:inline-block;padding:0 .45rem;border-radius:3px;font-weight:700;
font-size:.85em;border:1px solid currentColor}
.badge.error{color:var(--error);background:var(--error-bg)}
.badge.warning{color:var(--warning);background:var(--warning-bg)}
.badge.info{color:var(--info);background:var(--info-bg)}
.rule{font-weight:700}.family,.where,.path{color:var(--muted)}
.message{margin:.2rem 0;overflow-wrap:anywhere}.path{margin:.1rem 0;font-size:.88em;
overflow-wrap:anywhere}
details{margin:.2rem 0}summary{cursor:pointer;color:var(--muted)}details p{margin:.25rem 0 0}
ol.members li{padding:.2rem 0 .2rem .5rem;border-top:1px dotted var(--line);
overflow-wrap:anywhere}
.none{font-weight:600}
.unread{border-left:4px solid var(--error);padding:.2rem .8rem;margin:.8rem 0;
background:var(--error-bg)}
.unread li{white-space:pre-wrap;overflow-wrap:anywhere}
"""
"""The page's style: system fonts, and colours with text of a contrast above 7:1."""

SCRIPT: Final = """
(function () {
  var form = document.getElementById("filters");
  form.hidden = false;
  form.addEventListener("change", function () {
    var off = {};
    form.querySelectorAll("input").forEach(function (box) {
      if (!box.checked) { off[box.name + " " + box.value] = true; }
    });
    document.querySelectorAll("li.finding").forEach(function (row) {
      row.hidden = Boolean(off["severity " + row.dataset.severity] ||
                           off["family " + row.dataset.family]);
    });
    document.querySelectorAll(".group").forEach(function (group) {
      group.hidden = !group.querySelector("li.finding:not([hidden])");
    });
  });
})();
"""
"""The filters: a box unticked hides the findings of its severity or family, and the groups
left without a finding shown. The form is hidden until the script runs."""


@frozen
class HtmlPlan:
    """One checked plan for :func:`html_report`: the name it was checked as (a path, an
    example's name), the plan, and its findings in the order to report them."""

    name: str
    plan: Plan
    findings: tuple[Finding, ...]


def _t(key: str, lang: Lang, **params: object) -> str:
    """The page's word *key* in *lang*, escaped."""
    return escape(render(f"html.{key}", params, lang))


def money(value: Decimal, lang: Lang) -> str:
    """*value* with the separators of *lang*, every digit shown.

    >>> money(Decimal("4091594846.5"), "id"), money(Decimal("4091594846.5"), "en")
    ('4.091.594.846,5', '4,091,594,846.5')
    """
    text = f"{value:,f}"
    if lang == "id":
        text = text.replace(",", "\0").replace(".", ",").replace("\0", ".")
    return text


def _badge(severity: Severity, lang: Lang) -> str:
    return f'<span class="badge {severity.value}">{escape(severity.label(lang))}</span>'


def _counts(findings: Sequence[Finding], lang: Lang) -> str:
    items = "".join(f"<li>{_badge(s, lang)} {n}</li>" for s, n in severity_counts(findings).items())
    return f'<ul class="counts">{items}</ul>'


def _stated(value: str | None, lang: Lang) -> str:
    return escape(value) if value is not None else f'<em>{_t("not_stated", lang)}</em>'


def _summary(item: HtmlPlan, lang: Lang) -> str:
    from ..calculators.summary import summarise

    plan = item.plan
    org = plan.organisation
    period = plan.period
    facts = [
        ("source", escape(item.name)),
        ("organisation", _stated(org.name, lang)),
        ("region", _stated(org.region, lang)),
        ("province", _stated(org.province, lang)),
        ("period", _t("period_value", lang, first=period.first_year, last=period.last_year,
                      baseline=period.baseline_year)),
    ]
    facts_html = "".join(f"<dt>{_t(key, lang)}</dt><dd>{value}</dd>" for key, value in facts)
    summary = summarise(plan)
    shape = "".join(
        f'<tr><td>{escape(render(key, {}, lang))}</td><td class="num">{getattr(summary, name)}'
        "</td></tr>" for key, name in _SUMMARY_COUNTS
    )
    budget = "".join(
        f'<tr><td>{year}</td><td class="num">{money(amount, lang)}</td></tr>'
        for year, amount in summary.budget_by_year.items()
    )
    total = (f'<tr class="total"><td>{escape(render("summary.period_total", {}, lang))}</td>'
             f'<td class="num">{money(summary.budget_total, lang)}</td></tr>')
    return (
        f'<dl class="facts">{facts_html}</dl><div class="columns">'
        f'<div><h3>{escape(render("summary.budget", {}, lang))}</h3>'
        f'<table class="budget"><thead><tr><th>{_t("year", lang)}</th>'
        f'<th class="num">Rp</th></tr></thead><tbody>{budget}{total}</tbody></table></div>'
        f'<div><h3>{_t("shape", lang)}</h3><table class="shape"><tbody>{shape}</tbody>'
        f"</table></div></div>"
    )


def _where(finding: Finding, lang: Lang) -> str:
    location = finding.location
    parts = []
    if location.year is not None:
        parts.append(_t("in_year", lang, year=location.year))
    if location.row is not None:
        parts.append(_t("in_row", lang, row=location.row))
    return "".join(f'<span class="where">{part}</span>' for part in parts)


def _why(finding: Finding, lang: Lang) -> str:
    from ..checks.engine import RULES

    known = RULES.get(finding.rule)
    if known is None:
        return ""
    return (f'<details class="why"><summary>{_t("why", lang, title=known.title.render(lang))}'
            f"</summary><p>{escape(known.why.render(lang))}</p></details>")


def _members(finding: Finding, lang: Lang) -> str:
    if not finding.members:
        return ""
    rows = "".join(
        f'<li class="member">{_badge(m.severity, lang)} '
        f'<span class="where">{escape(m.location.describe())}</span> '
        f'<span class="message">{escape(m.message(lang))}</span></li>'
        for m in finding.members
    )
    return (f'<details class="members"><summary>{_t("members", lang, count=len(finding.members))}'
            f'</summary><ol class="members">{rows}</ol></details>')


def _finding(finding: Finding, lang: Lang) -> str:
    severity = escape(finding.severity.value)
    family = escape(finding.family)
    path = finding.location.path
    path_html = (f'<p class="path">{_t("path", lang)}: <code>{escape(path)}</code></p>'
                 if path else "")
    return (
        f'<li class="finding {severity}" data-severity="{severity}" data-family="{family}" '
        f'data-rule="{escape(finding.rule)}"><div class="head">'
        f'{_badge(finding.severity, lang)}<span class="rule">{escape(finding.rule)}</span>'
        f'<span class="family">{family}</span>{_where(finding, lang)}</div>'
        f'<p class="message">{escape(finding.message(lang))}</p>{path_html}'
        f"{_why(finding, lang)}{_members(finding, lang)}</li>"
    )


def _list(findings: Iterable[Finding], lang: Lang) -> str:
    return f'<ul class="findings">{"".join(_finding(f, lang) for f in findings)}</ul>'


def _names(plan: Plan) -> dict[str, str]:
    """The name of each activity code of *plan* that states one (the first, where a code
    repeats)."""
    names: dict[str, str] = {}
    for _, activity in plan.activities():
        if activity.name is not None:
            names.setdefault(str(activity.code), activity.name)
    return names


def groups(findings: Iterable[Finding]) -> list[tuple[str | None, list[Finding]]]:
    """*findings* by table, the tables in natural order (``T-C.9`` before ``T-C.10``) and the
    findings of no table last, each group in the order given."""
    by_table: dict[str | None, list[Finding]] = {}
    for finding in findings:
        by_table.setdefault(finding.location.table, []).append(finding)
    return sorted(by_table.items(), key=lambda item: (item[0] is None, location_key(item[1][0])))


def _table(table: str | None, findings: list[Finding], names: Mapping[str, str],
           lang: Lang) -> str:
    by_code: dict[str, list[Finding]] = {}
    loose: list[Finding] = []
    for finding in findings:
        code = finding.location.code
        if code is None:
            loose.append(finding)
        else:
            by_code.setdefault(str(code), []).append(finding)
    ordered = sorted(by_code.items(), key=lambda item: location_key(item[1][0]))
    activities = "".join(
        f'<div class="group activity"><h5><code>{escape(code)}</code> '
        f'<span class="name">{escape(names.get(code, ""))}</span></h5>{_list(found, lang)}</div>'
        for code, found in ordered
    )
    heading = escape(table) if table is not None else _t("no_table", lang)
    return (f'<div class="group table"><h4>{heading}</h4>'
            f'{_list(loose, lang) if loose else ""}{activities}</div>')


def _plan(number: int, item: HtmlPlan, lang: Lang) -> str:
    findings = item.findings
    names = _names(item.plan)
    if findings:
        body = "".join(_table(table, found, names, lang) for table, found in groups(findings))
    else:
        body = f'<p class="none">{_t("no_findings", lang)}</p>'
    return (
        f'<section class="plan" id="plan-{number}"><h2>{escape(item.plan.label)}</h2>'
        f"{_summary(item, lang)}<h3>{_t('findings', lang)}: {len(findings)}</h3>"
        f"{_counts(findings, lang)}"
        f"{body}</section>"
    )


def _filters(findings: Sequence[Finding], lang: Lang) -> str:
    tally = severity_counts(findings)
    families = sorted({f.family for f in findings})

    def box(name: str, value: str, label: str) -> str:
        return (f'<label><input type="checkbox" name="{name}" value="{escape(value)}" checked> '
                f"{label}</label>")

    severities = "".join(box("severity", s.value, f"{_badge(s, lang)} {tally[s]}")
                         for s in SEVERITIES)
    family_boxes = "".join(box("family", f, escape(f)) for f in families)
    return (
        f'<form class="filters" id="filters" hidden><fieldset><legend>{_t("severity", lang)}'
        f"</legend>{severities}</fieldset><fieldset><legend>{_t('family', lang)}</legend>"
        f"{family_boxes}</fieldset></form>"
    )


def html_report(plans: Iterable[HtmlPlan], lang: Lang, *, version: str | None = None,
                unread: Iterable[tuple[str, str]] = ()) -> str:
    """The page of *plans* in *lang*: a header with the number of plans and findings and the
    filters, then one ``<section>`` a plan; *version*, where given, is named as the version
    of ``renstra`` that checked them. *unread* are the inputs that could not be read, each as
    its name and the error's message: the header lists them, so that a page never passes
    over a plan in silence."""
    items = list(plans)
    failed = list(unread)
    every = [f for item in items for f in item.findings]
    title = _t("title", lang)
    if len(items) == 1:
        title = f"{title}: {escape(items[0].plan.label)}"
    header = [f"<h1>{title}</h1>",
              f'<p class="totals">{_t("checked", lang, plans=len(items), count=len(every))}</p>']
    if version is not None:
        header.append(f'<p class="version">{_t("version", lang, version=version)}</p>')
    if len(items) > 1:
        entries = "".join(
            f'<li><a href="#plan-{k}">{escape(item.plan.label)}</a> '
            f"({escape(item.name)}): {len(item.findings)}</li>"
            for k, item in enumerate(items, 1)
        )
        header.append(f'<nav><h2>{_t("contents", lang)}</h2><ol>{entries}</ol></nav>')
    if every:
        header.append(_filters(every, lang))
    if failed:
        entries = "".join(f"<li><code>{escape(name)}</code>: {escape(message)}</li>"
                          for name, message in failed)
        header.append(f'<section class="unread"><h2>{_t("unread", lang, count=len(failed))}'
                      f"</h2><ul>{entries}</ul></section>")
    if not items:
        header.append(f'<p class="none">{_t("no_plans", lang)}</p>')
    sections = "\n".join(_plan(k, item, lang) for k, item in enumerate(items, 1))
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{title}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n"
        f'<header>{"".join(header)}</header>\n<main>\n{sections}\n</main>\n'
        f"<script>{SCRIPT}</script>\n</body>\n</html>\n"
    )
