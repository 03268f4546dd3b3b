"""``to_dataframe``: exact number columns pandas computes on (sum, ``pd.to_numeric``,
``to_parquet``), stated nils kept apart, machine keys; on the TTU T-C.24 and T-C.27 tables, and on
any plan's tables."""

from __future__ import annotations

import io
from decimal import Decimal

import pandas as pd
import pyarrow as pa  # type: ignore[import-untyped]
import pytest
from hypothesis import given, settings

from renstra_model import NIL, Plan
from renstra_model.calculators.arithmetic import Reason, Undefined
from renstra_model.examples import ttu_dinsos
from renstra_model.tables import Column, Computed, Growth, Kind, Row, Table, build, build_all
from renstra_model.tables.dataframe import to_dataframe
from strategies import plans

D = Decimal


@pytest.fixture(scope="module")
def plan() -> Plan:
    return ttu_dinsos()


@pytest.fixture(scope="module")
def tc24(plan: Plan) -> Table:
    return build(plan, "TC-24")


@pytest.fixture(scope="module")
def tc27(plan: Plan) -> Table:
    return build(plan, "TC-27")


def _values(series: pd.Series) -> list[object]:
    """The values of *series*, None for a missing one (``pd.NA`` or arrow's null)."""
    return [None if v is pd.NA or v is None else v for v in series.tolist()]


def _arrow(precision: int, scale: int) -> pd.ArrowDtype:
    return pd.ArrowDtype(pa.decimal128(precision, scale))


def test_tc24_money_rates_and_ratios_are_exact_decimal_columns(tc24: Table) -> None:
    frame = to_dataframe(tc24, keys="machine")
    assert list(frame.columns[:5]) == [
        "uraian", "planned_2022", "planned_2022_nil", "planned_2023", "planned_2023_nil"]
    assert frame.columns.size == 1 + 2 * 17
    assert frame["uraian"].dtype == "string"
    assert frame["planned_2022"].dtype == _arrow(18, 0)
    assert frame["planned_2023"].dtype == _arrow(18, 1)
    assert frame["growth_planned"].dtype == _arrow(18, 2)
    assert frame["planned_2023_nil"].dtype == bool
    assert frame["planned_2023"].iloc[0] == D("4091594846.5")
    assert frame["growth_planned"].iloc[34] == D("-0.21")
    assert frame["planned_2022"].sum() == D("19391014288")
    assert frame["planned_2023"].sum() == D("16366379386.0")
    assert frame["growth_planned"].sum() == D("1868.66")
    assert (frame["planned_2022"] + frame["planned_2023"]).iloc[0] == D("8939348418.5")
    assert int(frame["planned_2022"].isna().sum()) == 28
    # each of them a "-" the document states (rows not yet budgeted in 2022)
    assert frame["planned_2022_nil"].tolist() == frame["planned_2022"].isna().tolist()
    # every ratio the document states for 2023 is "-": missing, and flagged as stated
    assert frame["ratio_2023"].isna().all()
    assert frame["ratio_2023_nil"].all()
    assert int(frame["growth_planned_nil"].sum()) == int(frame["growth_planned"].isna().sum()) == 15


def test_tc27_pagu_columns_and_text_columns(tc27: Table) -> None:
    frame = to_dataframe(tc27, keys="machine")
    assert {c: str(frame[c].dtype) for c in ("pagu_2022", "pagu_2023", "end_pagu")} == {
        "pagu_2022": "decimal128(18, 0)[pyarrow]", "pagu_2023": "decimal128(18, 2)[pyarrow]",
        "end_pagu": "decimal128(18, 0)[pyarrow]"}
    assert "planned_2022_nil" not in frame.columns  # a quantity is text, not a number
    assert frame.iloc[19][["code", "name", "baseline", "planned_2022", "pagu_2022",
                           "end_pagu"]].tolist() == [
        "1 06 01 2.08 01", "Penyediaan Jasa Surat Menyurat", "678 lembar", "678 lembar",
        D("4975500"), D("24950500")]
    total = frame.iloc[72]
    assert total["name"] == "TOTAL ANGGARAN"
    assert total["code"] is pd.NA
    assert [total["pagu_2022"], total["pagu_2023"], total["end_pagu"]] == [
        D("4847753572"), D("4091594846.50"), D("33801099011")]
    assert frame["pagu_2022"].sum() == D("18204092848")
    assert frame["pagu_2023"].sum() == D("15076379386.00")
    assert (int(frame["pagu_2022"].isna().sum()), int(frame["pagu_2022_nil"].sum())) == (33, 24)
    assert frame.attrs["number"] == "T-C.27"
    assert frame.attrs["sources"][19] == str(tc27.rows[19].source)
    assert frame.attrs["sources"][72] is None  # the TOTAL ANGGARAN row states no source


@pytest.mark.parametrize("name", ["TC-24", "TC-27"])
def test_to_numeric(name: str, plan: Plan) -> None:
    table = build(plan, name)
    key = "planned_2022" if name == "TC-24" else "pagu_2022"
    exact = to_dataframe(table, keys="machine", numbers="decimal")
    assert exact[key].dtype == object
    assert exact[key].iloc[0] == {"TC-24": D("4847753572"), "TC-27": D("2652004727")}[name]
    converted = pd.to_numeric(exact[key])
    assert converted.dtype == "float64"
    assert converted.isna().tolist() == exact[key].isna().tolist()
    assert exact[key].sum() == to_dataframe(table, keys="machine")[key].sum()
    # An arrow decimal column is numeric already; pandas' to_numeric fails on one with missing
    # values (pandas-dev/pandas#61641), as docs/tables.md says, and passes one without.
    arrow = to_dataframe(table, keys="machine")[key]
    assert pd.api.types.is_numeric_dtype(arrow)
    with pytest.raises(ValueError, match="Length of values"):
        pd.to_numeric(arrow)
    assert pd.to_numeric(arrow.dropna()).tolist() == arrow.dropna().tolist()


@pytest.mark.parametrize("name", ["TC-24", "TC-27"])
@pytest.mark.parametrize("numbers", ["arrow", "decimal"])
def test_to_parquet_keeps_every_value(name: str, numbers: str, plan: Plan) -> None:
    frame = to_dataframe(build(plan, name), values="both", numbers=numbers)  # type: ignore[arg-type]
    buffer = io.BytesIO()
    frame.to_parquet(buffer)
    back = pd.read_parquet(io.BytesIO(buffer.getvalue()), dtype_backend="pyarrow")
    assert list(back.columns) == list(frame.columns)
    for column in frame.columns:
        assert _values(back[column]) == _values(frame[column]), column


def test_nil_modes_and_column_names(plan: Plan) -> None:
    staff = build(plan, "2.1")
    flagged = to_dataframe(staff)
    assert list(flagged.columns[:4]) == ["No", "No (nil)", "Unit Kerja", "Jenis Jabatan"]
    assert flagged["Jenis Kelamin P"].dtype == "Int64"
    assert flagged["Jenis Kelamin P"].iloc[0] is pd.NA
    assert bool(flagged["Jenis Kelamin P (nil)"].iloc[0])
    assert flagged["Jenis Kelamin P"].iloc[:-1].sum() == 11  # the last row is the total
    na = to_dataframe(staff, nil="na", keys="machine")
    assert list(na.columns) == ["no", "unit", "position", "male", "female", "total"]
    assert na["female"].iloc[0] is pd.NA
    zero = to_dataframe(staff, nil="zero", keys="machine")
    assert zero["female"].iloc[0] == 0
    assert zero["female"].iloc[:-1].sum() == 11
    assert zero["female"].iloc[:3].tolist() == [0, 0, 0]
    tc24 = build(plan, "TC-24")
    assert to_dataframe(tc24, nil="zero", keys="machine")["ratio_2023"].iloc[0] == D("0")
    both = to_dataframe(tc24, values="both", keys="machine")
    assert list(both.columns[-9:]) == [
        "ratio_2026", "ratio_2026_nil", "ratio_2026_computed",
        "growth_planned", "growth_planned_nil", "growth_planned_computed",
        "growth_realised", "growth_realised_nil", "growth_realised_computed"]
    assert round(both["growth_planned_computed"].iloc[0], 2) == D("22.59")
    titled = to_dataframe(tc24, values="both")
    assert list(titled.columns[-3:]) == [
        "Rata-rata Pertumbuhan Realisasi", "Rata-rata Pertumbuhan Realisasi (nil)",
        "Rata-rata Pertumbuhan Realisasi (computed)"]
    computed = to_dataframe(tc24, values="computed", keys="machine")
    assert "growth_planned_nil" not in computed.columns
    assert computed["ratio_2023"].iloc[0] == D("100.0000000122201737649490414")  # exact


def test_long_numbers_widen_and_figures_that_cannot_be_computed_are_missing() -> None:
    table = Table("x", "X", (
        Column("m", "M", Kind.MONEY), Column("c", "C", Kind.INTEGER),
        Column("r", "R", Kind.PERCENT), Column("t", "T", Kind.LIST),
    ), (
        Row((D("1E+40"), 2**70, Computed(D("5"), Undefined(Reason.ZERO_BASE)), ("a", "b"))),
        Row((D("1E-80"), NIL, Computed(NIL, D("1.5")), None)),
    ))
    frame = to_dataframe(table, keys="machine", values="both")
    assert frame["m"].dtype == object  # 41 whole digits and 80 places: beyond 76 digits
    assert _values(frame["m"]) == [D("1E+40"), D("1E-80")]
    assert frame["c"].dtype == _arrow(22, 0)  # beyond Int64: an exact decimal
    assert _values(frame["c"]) == [D(2**70), None]
    assert frame["c_nil"].tolist() == [False, True]
    assert _values(frame["r"]) == [D("5"), None]
    assert _values(frame["r_computed"]) == [None, D("1.5")]
    assert frame["t"].tolist() == ["1. a\n2. b", pd.NA]
    wide = to_dataframe(Table("w", "W", (Column("m", "M", Kind.MONEY),),
                              (Row((D("1E+40"),)),)))
    assert wide["M"].dtype == pd.ArrowDtype(pa.decimal256(41, 0))
    empty = to_dataframe(Table("e", "E", (Column("m", "M", Kind.MONEY),)))
    assert (len(empty), str(empty["M"].dtype)) == (0, "decimal128(18, 0)[pyarrow]")


def test_without_pyarrow_numbers_are_decimal_objects(
    tc24: Table, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "pyarrow", None)
    frame = to_dataframe(tc24, keys="machine")
    assert frame["planned_2023"].dtype == object
    assert frame["planned_2023"].iloc[0] == D("4091594846.5")
    assert frame["ratio_2023"].iloc[0] is pd.NA
    assert frame["planned_2023"].sum() == D("16366379386.0")


@settings(max_examples=30, deadline=None)
@given(plans())
def test_every_number_is_the_models_and_every_nil_is_flagged(plan: Plan) -> None:
    numbers = {Kind.INTEGER, Kind.MONEY, Kind.PERCENT, Kind.RATE}
    for table in build_all(plan):
        frame = to_dataframe(table, keys="machine")
        frame.to_parquet(io.BytesIO())
        for i, column in enumerate(table.columns):
            cells = [r.cells[i] for r in table.rows]
            cells = [c.stated if isinstance(c, Computed | Growth) else c for c in cells]
            if column.kind in numbers:
                assert _values(frame[column.key]) == [
                    None if c is None or c is NIL else c for c in cells], column.key
                assert frame[column.key + "_nil"].tolist() == [c is NIL for c in cells]
            else:
                assert frame[column.key].isna().tolist() == [c is None for c in cells]
