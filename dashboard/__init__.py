"""The sinosoviet dashboard: every claim charted with its range, source and quote.

Run it with ``python -m dashboard`` (127.0.0.1:8050) or ``gunicorn dashboard.app:server``.
"""
