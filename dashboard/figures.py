"""Figures: plain functions from DataFrames (as `dashboard.data` shapes them) to go.Figure.

No Dash here, so every figure can be built and checked in a test without a browser. Each
point carries its claim id in `customdata` and the claim's full citation in its hover.
"""

from __future__ import annotations

import html
import math
import textwrap

import pandas as pd
import plotly.graph_objects as go

from dashboard.data import UNIT_WORDS, format_number

FONT = (
    'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", "Noto Sans", '
    '"Liberation Sans", Arial, sans-serif'
)
# Okabe-Ito: distinguishable with every common colour-vision deficiency.
RELIABILITY_COLOURS = {
    "high": "#0072B2",
    "medium": "#E69F00",
    "low": "#CC79A7",
    "unknown": "#7F7F7F",
}
RELIABILITY_LABELS = {
    "high": "High reliability",
    "medium": "Medium reliability",
    "low": "Low reliability",
    "unknown": "Source not graded",
}
ROUTE_COLOURS = {"deportations": "#D55E00", "migrations": "#009E73"}
SYMBOLS = {
    "point": "circle",
    "range": "diamond",
    "open_up": "triangle-up",
    "open_down": "triangle-down",
    "vague": "square-open",
}
SHAPE_LEGEND = (
    "● a stated number · ◆ a stated range (bar from low to high) · "
    "▲ 'at least' / 'more than': the arrow points to where the true number may lie · "
    "▼ 'nearly' / 'at most' / 'fewer than' · □ with a wide pale bar: a vague amount "
    "('thousands'), bounds are the curator's reading · a thin grey line across a point: "
    "the period the claim covers"
)
LOG_SPREAD = 30  # use a log axis when the largest bound is this many times the smallest


def humanize(slug: object) -> str:
    """'chinese_nationals' -> 'Chinese nationals'."""
    if slug is None or (isinstance(slug, float) and math.isnan(slug)):
        return ""
    words = str(slug).replace("_", " ").replace("-", " ")
    for proper in ("chinese", "koreans", "korean", "europeans", "soviet", "far east"):
        words = words.replace(proper, proper.title())
    return words[:1].upper() + words[1:]


def _text(value: object) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return str(value)


def _wrap(text: str, width: int = 70) -> str:
    return "<br>".join(textwrap.wrap(html.escape(text), width)) if text else ""


def hover_text(claim: pd.Series | dict) -> str:
    """The full citation of one claim, as HTML for a Plotly hover label."""
    unit = _text(claim.get("unit")) or "people"
    what = f"{UNIT_WORDS.get(unit, unit)} {humanize(claim.get('measure')).lower()}"
    dates = _text(claim.get("date_start"))
    if _text(claim.get("date_end")) and claim.get("date_end") != claim.get("date_start"):
        dates += f" to {claim.get('date_end')}"
    lines = [
        f"<b>{html.escape(_text(claim.get('as_stated')))}</b> {html.escape(what)}",
        f"Group: {html.escape(humanize(claim.get('group')))}",
        f"Place: {html.escape(_text(claim.get('place_label')))}",
        f"Dates: {html.escape(dates)}",
        f"Source: {html.escape(_text(claim.get('source_title')))} "
        f"({html.escape(_text(claim.get('reliability')))} reliability)",
    ]
    if _text(claim.get("attributed_title")):
        lines.append(f"Attributed to: {html.escape(_text(claim.get('attributed_title')))}")
    if _text(claim.get("locator")):
        lines.append(f"Where: {html.escape(_text(claim.get('locator')))}")
    lines.append(f"<i>“{_wrap(_text(claim.get('quote')))}”</i>")
    if _text(claim.get("notes")):
        lines.append(f"Note: {_wrap(_text(claim.get('notes')))}")
    lines.append(f"<span style='font-size:10px'>claim {html.escape(_text(claim.get('id')))}</span>")
    return "<br>".join(lines)


# A small template: plotly_white is deep-copied into every figure, which costs ~30 ms each.
TEMPLATE = go.layout.Template(
    layout={
        "paper_bgcolor": "white", "plot_bgcolor": "white", "colorway": list(RELIABILITY_COLOURS.values()),
        "xaxis": {"gridcolor": "#e6e6e6", "zerolinecolor": "#cccccc", "linecolor": "#999999",
                  "ticks": "", "automargin": True},
        "yaxis": {"gridcolor": "#e6e6e6", "zerolinecolor": "#cccccc", "linecolor": "#999999",
                  "ticks": "", "automargin": True},
    }
)  # fmt: skip


def base_layout(fig: go.Figure, *, height: int = 460) -> go.Figure:
    fig.update_layout(
        template=TEMPLATE,
        font={"family": FONT, "size": 13, "color": "#222"},
        height=height,
        margin={"l": 60, "r": 16, "t": 40, "b": 50},
        hoverlabel={"align": "left", "font": {"family": FONT, "size": 12}},
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.01, "x": 0, "title": None},
        dragmode=False,
    )
    return fig


def empty_figure(message: str = "No claims yet", *, height: int = 260) -> go.Figure:
    """A blank chart that says why it is blank."""
    fig = go.Figure()
    fig.add_annotation(
        text=html.escape(message), showarrow=False, x=0.5, y=0.5, xref="paper", yref="paper",
        font={"size": 16, "color": "#555"},
    )  # fmt: skip
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)
    return base_layout(fig, height=height)


def _legend_entries(fig: go.Figure, reliabilities) -> None:
    """One plain circle per reliability in the legend (points themselves vary in shape)."""
    for reliability in reliabilities:
        fig.add_trace(
            go.Scatter(
                x=[None], y=[None], mode="markers", name=RELIABILITY_LABELS[reliability],
                legendgroup=reliability, hoverinfo="skip",
                marker={"color": RELIABILITY_COLOURS[reliability], "size": 11,
                        "line": {"color": "#1a1a1a", "width": 1}},
            )
        )  # fmt: skip


def use_log_axis(claims: pd.DataFrame, scale: str = "auto") -> bool:
    if scale in ("linear", "log"):
        return scale == "log"
    lows = pd.concat([claims["y_low"], claims["y"]]).dropna()
    lows = lows[lows > 0]
    highs = pd.concat([claims["y_high"], claims["y"]]).dropna()
    if lows.empty or highs.empty:
        return False
    return highs.max() / lows.min() >= LOG_SPREAD


def _spread_x(claims: pd.DataFrame) -> pd.Series:
    """Claims dated alike are spread a little sideways so that none hides another."""
    x = claims["x"].copy()
    for _, index in claims.groupby(claims["x"].round(2)).groups.items():
        n = len(index)
        if n > 1:
            offsets = [(i - (n - 1) / 2) * min(0.18, 0.8 / n) for i in range(n)]
            x.loc[index] = x.loc[index] + offsets
    return x


def _open_end(y: float, up: bool, log: bool, span: float) -> float:
    if log:
        return y * 1.8 if up else y / 1.8
    return y + span * 0.18 if up else max(y - span * 0.18, 0)


def claims_chart(claims: pd.DataFrame, *, unit: str = "people", scale: str = "auto") -> go.Figure:
    """Each claim a point at its value, with a bar from value_low to value_high.

    Open-ended claims get a dashed arrow in the open direction; vague ones a wide pale band.
    Colour is the source's reliability; the x position is the middle of the claim's period and
    a thin horizontal bar spans that period.
    """
    claims = claims[claims["y"].notna() & claims["x"].notna()]
    if claims.empty:
        return empty_figure("No claims match these filters")
    log = use_log_axis(claims, scale)
    if log:
        claims = claims[claims["y"] > 0]
    fig = go.Figure()
    x = _spread_x(claims)
    span = float(pd.concat([claims["y_high"], claims["y"]]).max() or 1)
    for reliability, colour in RELIABILITY_COLOURS.items():
        subset = claims[claims["reliability"] == reliability]
        if subset.empty:
            continue
        sx = x.loc[subset.index]
        vague = subset["shape"] == "vague"
        if vague.any():
            band = subset[vague]
            fig.add_trace(
                go.Scatter(
                    x=sx[vague], y=band["y"], mode="markers", showlegend=False,
                    hoverinfo="skip", marker={"size": 1, "color": colour, "opacity": 0},
                    legendgroup=reliability,
                    error_y={"type": "data", "symmetric": False, "thickness": 14, "width": 0,
                             "array": (band["y_high"] - band["y"]).tolist(),
                             "arrayminus": (band["y"] - band["y_low"]).tolist(),
                             "color": _rgba(colour, 0.28)},
                    name=f"{reliability} vague band",
                )
            )  # fmt: skip
        open_ended = subset[subset["shape"].isin(["open_up", "open_down"])]
        if not open_ended.empty:
            xs, ys, sizes, symbols = [], [], [], []
            for index, claim in open_ended.iterrows():
                up = claim["shape"] == "open_up"
                end = _open_end(claim["y"], up, log, span)
                xs += [sx.loc[index], sx.loc[index], None]
                ys += [claim["y"], end, None]
                sizes += [0, 10, 0]
                symbols += ["circle", "arrow-up" if up else "arrow-down", "circle"]
            fig.add_trace(
                go.Scatter(
                    x=xs, y=ys, mode="lines+markers", showlegend=False, hoverinfo="skip",
                    legendgroup=reliability,
                    line={"color": colour, "width": 2, "dash": "dot"},
                    marker={"size": sizes, "symbol": symbols, "color": colour},
                    name=f"{reliability} open end",
                )
            )  # fmt: skip
        bounded = subset["shape"].isin(["range", "vague"])
        fig.add_trace(
            go.Scatter(
                x=sx, y=subset["y"], mode="markers", name=RELIABILITY_LABELS[reliability],
                legendgroup=reliability, showlegend=False, customdata=subset["id"].tolist(),
                hovertext=[hover_text(c) for c in subset.to_dict("records")],
                hovertemplate="%{hovertext}<extra></extra>",
                marker={"color": colour, "size": 11,
                        "symbol": [SYMBOLS.get(s, "circle") for s in subset["shape"]],
                        "line": {"color": "#1a1a1a", "width": 1}},
                error_y={"type": "data", "symmetric": False, "thickness": 2, "width": 5,
                         "color": colour,
                         "array": (subset["y_high"] - subset["y"]).where(bounded, 0).tolist(),
                         "arrayminus": (subset["y"] - subset["y_low"]).where(bounded, 0).tolist()},
                error_x={"type": "data", "symmetric": False, "thickness": 1, "width": 0,
                         "color": "#8a8a8a",
                         "array": (subset["x_end"] - subset["x"]).tolist(),
                         "arrayminus": (subset["x"] - subset["x_start"]).tolist()},
            )
        )  # fmt: skip
    _legend_entries(fig, [r for r in RELIABILITY_COLOURS if (claims["reliability"] == r).any()])
    words = UNIT_WORDS.get(unit, unit)
    fig.update_yaxes(
        type="log" if log else "linear", title=f"{words[:1].upper()}{words[1:]}"
        + (" (log scale)" if log else ""), rangemode="tozero" if not log else None,
        tickformat=",~s" if log else ",~r", gridcolor="#e6e6e6",
    )  # fmt: skip
    low, high = float(claims["x_start"].min()), float(claims["x_end"].max())
    pad = max(1.0, (high - low) * 0.06)
    fig.update_xaxes(title="Year",
                     range=[low - pad, high + pad], gridcolor="#f0f0f0")  # fmt: skip
    return base_layout(fig)


def _rgba(colour: str, alpha: float) -> str:
    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgba({r},{g},{b},{alpha})"


def compare_chart(claims: pd.DataFrame) -> go.Figure:
    """One claim group: each source's claim on its own row, value and bounds side by side."""
    claims = claims[claims["y"].notna()]
    if claims.empty:
        return empty_figure("No numbers to compare", height=160)
    claims = claims.sort_values(["y", "source_title"]).reset_index(drop=True)
    labels = [
        f"<b>{html.escape(c['as_stated'])}</b> · {html.escape(_text(c['date_start']))}"
        f"<br><span style='font-size:11px'>{_short(c['source_title'], 30)}</span>"
        for c in claims.to_dict("records")
    ]
    # Unique row labels even when one source makes two claims.
    labels = [f"{label}{' ' * i}" for i, label in enumerate(labels)]
    log = use_log_axis(claims)
    if log:
        claims = claims[claims["y"] > 0]
    span = float(pd.concat([claims["y_high"], claims["y"]]).max() or 1)
    fig = go.Figure()
    for reliability, colour in RELIABILITY_COLOURS.items():
        mask = claims["reliability"] == reliability
        subset = claims[mask]
        if subset.empty:
            continue
        rows = [labels[i] for i in subset.index]
        bounded = subset["shape"].isin(["range", "vague"])
        for index, claim in subset.iterrows():
            if claim["shape"] in ("open_up", "open_down"):
                up = claim["shape"] == "open_up"
                fig.add_trace(
                    go.Scatter(
                        x=[claim["y"], _open_end(claim["y"], up, log, span)],
                        y=[labels[index]] * 2, mode="lines+markers", showlegend=False,
                        hoverinfo="skip", line={"color": colour, "width": 2, "dash": "dot"},
                        legendgroup=reliability,
                        marker={"size": [0, 11], "color": colour,
                                "symbol": ["circle", "arrow-right" if up else "arrow-left"]},
                    )
                )  # fmt: skip
        fig.add_trace(
            go.Scatter(
                x=subset["y"], y=rows, mode="markers", name=RELIABILITY_LABELS[reliability],
                legendgroup=reliability, showlegend=False, customdata=subset["id"].tolist(),
                hovertext=[hover_text(c) for c in subset.to_dict("records")],
                hovertemplate="%{hovertext}<extra></extra>",
                marker={"color": colour, "size": 13,
                        "symbol": [_horizontal(SYMBOLS.get(s, "circle")) for s in subset["shape"]],
                        "line": {"color": "#1a1a1a", "width": 1}},
                error_x={"type": "data", "symmetric": False, "thickness": 3, "width": 6,
                         "color": colour,
                         "array": (subset["y_high"] - subset["y"]).where(bounded, 0).tolist(),
                         "arrayminus": (subset["y"] - subset["y_low"]).where(bounded, 0).tolist()},
            )
        )  # fmt: skip
    _legend_entries(fig, [r for r in RELIABILITY_COLOURS if (claims["reliability"] == r).any()])
    unit = str(claims["unit"].iloc[0])
    words = UNIT_WORDS.get(unit, unit)
    fig.update_xaxes(
        type="log" if log else "linear", title=words + (" (log scale)" if log else ""),
        rangemode="tozero" if not log else None, tickformat=",~s" if log else ",~r",
        gridcolor="#e6e6e6",
    )  # fmt: skip
    fig.update_yaxes(categoryorder="array", categoryarray=labels, automargin=True)
    base_layout(fig, height=110 + 48 * len(claims))
    fig.update_layout(margin={"l": 10, "r": 20, "t": 36, "b": 45}, showlegend=True)
    return fig


def _horizontal(symbol: str) -> str:
    return {"triangle-up": "triangle-right", "triangle-down": "triangle-left"}.get(symbol, symbol)


def _short(text: object, width: int) -> str:
    text = _text(text)
    # quote=False: Plotly shows &quot; literally; only <, > and & need escaping in its labels.
    return html.escape(text if len(text) <= width else text[: width - 1] + "…", quote=False)


def timeline_chart(events: pd.DataFrame, claims: pd.DataFrame) -> go.Figure:
    """Events as bars across 1900-1962 (or wider), with their claims as dots on each bar."""
    from dashboard.data import date_bounds

    if events.empty:
        return empty_figure("No events yet")
    rows = []
    for event in events.to_dict("records"):
        start = date_bounds(event.get("date_start"))
        end = date_bounds(event.get("date_end")) or start
        if not start:
            continue
        rows.append({**event, "x0": start[0], "x1": max(end[1], start[0] + 0.6)})
    if not rows:
        return empty_figure("No dated events yet")
    frame = pd.DataFrame(rows).sort_values("x0")
    names = [_short(n, 40) for n in frame["name"]]
    fig = go.Figure()
    counts = claims.groupby("event_id").size() if not claims.empty else pd.Series(dtype=int)
    fig.add_trace(
        go.Bar(
            base=frame["x0"], x=frame["x1"] - frame["x0"], y=names, orientation="h",
            marker={"color": "#d9e2ec", "line": {"color": "#52606d", "width": 1}},
            name="Event", showlegend=False, customdata=frame["id"].tolist(),
            hovertext=[
                f"<b>{html.escape(_text(e['name']))}</b> ({html.escape(_text(e['date_start']))}"
                f" to {html.escape(_text(e['date_end']))})<br>{_wrap(_text(e['summary']))}"
                f"<br>{int(counts.get(e['id'], 0))} claims"
                for e in frame.to_dict("records")
            ],
            hovertemplate="%{hovertext}<extra></extra>",
        )
    )  # fmt: skip
    event_rows = dict(zip(frame["id"], names, strict=True))
    dated = claims[claims["event_id"].isin(event_rows) & claims["x"].notna()]
    for reliability, colour in RELIABILITY_COLOURS.items():
        subset = dated[dated["reliability"] == reliability]
        if subset.empty:
            continue
        fig.add_trace(
            go.Scatter(
                x=subset["x"], y=[event_rows[e] for e in subset["event_id"]], mode="markers",
                name=RELIABILITY_LABELS[reliability], customdata=subset["id"].tolist(),
                legendgroup=reliability, showlegend=False,
                marker={"color": colour, "size": 9, "line": {"color": "#1a1a1a", "width": 1},
                        "symbol": [SYMBOLS.get(s, "circle") for s in subset["shape"]]},
                hovertext=[hover_text(c) for c in subset.to_dict("records")],
                hovertemplate="%{hovertext}<extra></extra>",
            )
        )  # fmt: skip
    _legend_entries(fig, [r for r in RELIABILITY_COLOURS if (dated["reliability"] == r).any()])
    low = min(1900.0, float(frame["x0"].min()))
    high = max(1963.0, float(frame["x1"].max()))
    fig.update_xaxes(range=[low - 1, high + 1], title="Year", dtick=10, gridcolor="#e6e6e6")
    # Event names sit above their bars rather than as axis labels, so a phone keeps the width.
    for name in names:
        fig.add_annotation(
            x=0,
            xref="paper",
            y=name,
            yref="y",
            yshift=15,
            text=name,
            showarrow=False,
            xanchor="left",
            font={"size": 12, "color": "#333"},
        )
    fig.update_yaxes(autorange="reversed", showticklabels=False)
    base_layout(fig, height=120 + 52 * len(frame))
    fig.update_layout(margin={"l": 10, "r": 16, "t": 40, "b": 45}, bargap=0.55)
    return fig


def sources_chart(counts: pd.DataFrame) -> go.Figure:
    """Claims backed by each source (directly or as the original it is attributed to)."""
    if counts.empty:
        return empty_figure("No sources yet")
    counts = counts.assign(backed=counts["claims"] + counts["attributed"]).sort_values("backed")
    fig = go.Figure()
    for reliability, colour in RELIABILITY_COLOURS.items():
        subset = counts[counts["reliability"] == reliability]
        if subset.empty:
            continue
        fig.add_trace(
            go.Bar(
                x=subset["backed"], y=[_short(t, 48) for t in subset["title"]],
                orientation="h",
                name=RELIABILITY_LABELS[reliability], marker={"color": colour},
                customdata=subset["id"].tolist(),
                hovertext=[
                    f"<b>{html.escape(_text(s['title']))}</b><br>{s['claims']} claims as the "
                    f"document read, {s['attributed']} as the original credited"
                    f"<br>Reliability: {html.escape(_text(s['reliability']))}"
                    for s in subset.to_dict("records")
                ],
                hovertemplate="%{hovertext}<extra></extra>",
            )
        )  # fmt: skip
    fig.update_xaxes(title="Claims", gridcolor="#e6e6e6", rangemode="tozero")
    fig.update_yaxes(categoryorder="array", categoryarray=[_short(t, 48) for t in counts["title"]],
                     automargin=True)  # fmt: skip
    base_layout(fig, height=120 + 30 * len(counts))
    fig.update_layout(margin={"l": 10, "r": 16, "t": 40, "b": 45}, barmode="stack")
    return fig


def place_totals(claims: pd.DataFrame, places: pd.DataFrame) -> pd.DataFrame:
    """Each place with coordinates, the claims touching it and the largest count of people."""
    if places.empty or not {"latitude", "longitude"} <= set(places.columns):
        return pd.DataFrame()
    columns = [c for c in ("place_id", "origin_place_id", "destination_place_id") if c in claims]
    named = claims[["id", "unit", "value", "value_low", "value_high", *columns]].reset_index(drop=True)
    named["order"] = named.index  # keep the claims' own order within each place
    touching = (
        named.melt(id_vars=["id", "order", "unit", "value", "value_low", "value_high"],
                   value_vars=columns, value_name="place")
        .dropna(subset=["place"])
        .drop_duplicates(["place", "id"])
        .sort_values("order")
    )  # fmt: skip
    people = touching[["value", "value_low", "value_high"]].astype(float).max(axis=1)
    people = people.where(touching["unit"] == "people")
    per_place = (
        touching.assign(people=people)
        .groupby("place", sort=False)
        .agg(claims=("id", "size"), largest=("people", "max"), claim_ids=("id", list))
    )
    located = places[places["latitude"].notna() & places["longitude"].notna()]
    totals = located.merge(per_place, left_on="id", right_index=True, how="left")
    totals["claims"] = totals["claims"].fillna(0).astype(int)
    totals["largest"] = totals["largest"].astype(float)
    totals["claim_ids"] = [ids if isinstance(ids, list) else [] for ids in totals["claim_ids"]]
    return totals.reset_index(drop=True)


def map_figure(claims: pd.DataFrame, places: pd.DataFrame) -> go.Figure:
    """Places sized by the people counted there; deportation and migration routes as lines."""
    totals = place_totals(claims, places)
    if totals.empty:
        return empty_figure("No places with coordinates yet", height=420)
    fig = go.Figure()
    by_id = {claim["id"]: claim for claim in claims.to_dict("records")}
    coords = {p["id"]: (p["longitude"], p["latitude"]) for p in totals.to_dict("records")}
    moves = claims[claims["table"].isin(list(ROUTE_COLOURS))]
    moves = moves[moves["origin_place_id"].isin(coords) & moves["destination_place_id"].isin(coords)]
    largest_move = float(moves["y"].max()) if not moves.empty else 1.0
    mid_x, mid_y, mid_text, mid_ids, mid_colour = [], [], [], [], []
    # Routes of one table and one width class share a trace (segments split by None): a
    # trace per route costs a few ms each to build.
    lines: dict[tuple[str, int], tuple[list, list]] = {}
    for (table, origin, destination), route in moves.groupby(
        ["table", "origin_place_id", "destination_place_id"], sort=True
    ):
        (lon0, lat0), (lon1, lat1) = coords[origin], coords[destination]
        biggest = float(route["y"].max()) if route["y"].notna().any() else 0.0
        width_class = round(4 * math.sqrt(max(biggest, 0) / largest_move)) if largest_move else 0
        lons, lats = lines.setdefault((table, width_class), ([], []))
        lons += [lon0, lon1, None]
        lats += [lat0, lat1, None]
        colour = ROUTE_COLOURS[table]
        mid_lon, mid_lat = great_circle_midpoint(lon0, lat0, lon1, lat1)
        mid_x.append(mid_lon)
        mid_y.append(mid_lat)
        mid_colour.append(colour)
        mid_ids.append(route["id"].tolist())
        mid_text.append(_route_hover(table, [by_id[i] for i in route["id"]]))
    for (table, width_class), (lons, lats) in sorted(lines.items()):
        fig.add_trace(
            go.Scattergeo(
                lon=lons, lat=lats, mode="lines", hoverinfo="skip", opacity=0.75,
                line={"width": 1.5 + 1.6 * width_class, "color": ROUTE_COLOURS[table],
                      "dash": "solid" if table == "deportations" else "dash"},
                showlegend=False, name=f"{table} routes",
            )
        )  # fmt: skip
    if mid_x:
        for table, colour in ROUTE_COLOURS.items():
            pick = [i for i, c in enumerate(mid_colour) if c == colour]
            if not pick:
                continue
            fig.add_trace(
                go.Scattergeo(
                    lon=[mid_x[i] for i in pick], lat=[mid_y[i] for i in pick], mode="markers",
                    marker={"size": 11, "color": colour, "symbol": "diamond",
                            "line": {"color": "white", "width": 1}},
                    name=f"{table.title()} route", hovertext=[mid_text[i] for i in pick],
                    customdata=[",".join(mid_ids[i]) for i in pick],
                    hovertemplate="%{hovertext}<extra></extra>",
                )
            )  # fmt: skip
    largest = float(totals["largest"].max()) if totals["largest"].notna().any() else 1.0
    sizes = [8 if math.isnan(v) else 8 + 42 * math.sqrt(v / largest) for v in totals["largest"]]
    fig.add_trace(
        go.Scattergeo(
            lon=totals["longitude"], lat=totals["latitude"], mode="markers+text",
            text=totals["name"], textposition="top center",
            textfont={"size": 11, "color": "#222"},
            marker={"size": sizes, "color": "rgba(0,114,178,0.45)",
                    "line": {"color": "#0b3c5d", "width": 1}},
            name="Place (size: most people any claim counts there)",
            customdata=totals["id"].tolist(),
            hovertext=[_place_hover(p, by_id) for p in totals.to_dict("records")],
            hovertemplate="%{hovertext}<extra></extra>",
        )
    )  # fmt: skip
    lon_min, lon_max = float(totals["longitude"].min()), float(totals["longitude"].max())
    lat_min, lat_max = float(totals["latitude"].min()), float(totals["latitude"].max())
    fig.update_geos(
        projection_type="natural earth", resolution=50, showcountries=True,
        countrycolor="#9aa5b1", showland=True, landcolor="#f4f1ea", showocean=True,
        oceancolor="#e3edf5", showlakes=True, lakecolor="#e3edf5", showcoastlines=True,
        coastlinecolor="#9aa5b1", showframe=False,
        lonaxis_range=[max(lon_min - 12, -180), min(lon_max + 12, 180)],
        lataxis_range=[max(lat_min - 8, -90), min(lat_max + 8, 90)],
    )  # fmt: skip
    base_layout(fig, height=480)
    fig.update_layout(margin={"l": 0, "r": 0, "t": 30, "b": 0})
    return fig


def great_circle_midpoint(lon0: float, lat0: float, lon1: float, lat1: float):
    """The middle of the great-circle arc Plotly draws between two points, as (lon, lat)."""
    p0, p1 = math.radians(lat0), math.radians(lat1)
    l0, dl = math.radians(lon0), math.radians(lon1 - lon0)
    bx, by = math.cos(p1) * math.cos(dl), math.cos(p1) * math.sin(dl)
    lat = math.atan2(math.sin(p0) + math.sin(p1), math.hypot(math.cos(p0) + bx, by))
    lon = l0 + math.atan2(by, math.cos(p0) + bx)
    return math.degrees(lon), math.degrees(lat)


def _route_hover(table: str, route: list[dict]) -> str:
    lines = [f"<b>{html.escape(_text(route[0]['place_label']))}</b> ({table})"]
    for claim in route[:8]:
        lines.append(
            f"{html.escape(claim['as_stated'])} {html.escape(humanize(claim['group']).lower())}"
            f", {html.escape(_text(claim['date_start']))}: {_short(claim['source_title'], 40)}"
            f" ({html.escape(claim['reliability'])})"
        )
        lines.append(f"<i>“{_wrap(_text(claim['quote']), 60)}”</i>")
    if len(route) > 8:
        lines.append(f"and {len(route) - 8} more claims")
    return "<br>".join(lines)


def _place_hover(place: dict, by_id: dict[str, dict]) -> str:
    names = " · ".join(_text(place.get(k)) for k in ("name_zh", "name_ru") if _text(place.get(k)))
    lines = [f"<b>{html.escape(_text(place['name']))}</b> {html.escape(names)}"]
    if not math.isnan(place["largest"]):
        lines.append(f"Largest count of people: {format_number(place['largest'])}")
    touching = [by_id[i] for i in place["claim_ids"]]
    for claim in touching[:6]:
        lines.append(
            f"{html.escape(claim['as_stated'])} {html.escape(humanize(claim['measure']).lower())}"
            f" ({html.escape(_text(claim['date_start']))}): {_short(claim['source_title'], 40)}"
        )
    if len(touching) > 6:
        lines.append(f"and {len(touching) - 6} more claims")
    return "<br>".join(lines)
