"""The baseline for the first-chart benchmark: a one-graph Dash app, served like the dashboard."""

import dash
import plotly.graph_objects as go
from dash import dcc, html

app = dash.Dash(__name__, compress=True, serve_locally=True)
app.layout = html.Div(
    [html.H1("Minimal"), dcc.Graph(id="graph", figure=go.Figure(go.Scatter(x=[1, 2, 3], y=[3, 1, 2])))]
)
server = app.server
