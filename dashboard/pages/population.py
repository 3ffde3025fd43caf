"""The population table: every claim over time, with its range, source and quote."""

import dash

from dashboard.claims_page import claims_layout, register_claims_callbacks

TABLE = "population"

dash.register_page(
    __name__, path=f"/{TABLE}", name=TABLE.title(), order=1,
    title=f"{TABLE.title()}: claims by source · sinosoviet",
)  # fmt: skip


def layout(**params):
    return claims_layout(TABLE, params)


register_claims_callbacks(TABLE)
