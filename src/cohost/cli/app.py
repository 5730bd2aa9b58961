"""The ``cohost`` command. Errors are printed here, once: ``Error: …`` plus a hint, exit status 1."""

from __future__ import annotations

import logging
import sys

import typer

from cohost import __version__
from cohost.cli import (
    anchor,
    ask,
    catalog,
    check,
    copy,
    demo,
    insights,
    live,
    report,
    say,
    script,
    serve,
    user,
)
from cohost.cli.context import HomeOption, app_state
from cohost.errors import CohostError

app = typer.Typer(
    name="cohost",
    help="Cohost — 直播电商 AI 场控与虚拟主播 / an AI co-host for live-stream commerce.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
app.add_typer(catalog.app, name="catalog")
ask.register(app)
check.register(app)
app.add_typer(script.app, name="script")
copy.register(app)
app.add_typer(live.app, name="live")
app.add_typer(anchor.app, name="anchor")
say.register(app)
app.add_typer(insights.app, name="insights")
report.register(app)
app.add_typer(user.app, name="user")
serve.register(app)
demo.register(app)

def _version(value: bool) -> None:
    if value:
        print(f"cohost {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    ctx: typer.Context,
    home: HomeOption = None,
    verbose: bool = typer.Option(False, "--verbose", "-v", help="详细日志 / debug logging"),
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="版本 / version"),
) -> None:
    app_state(ctx).home = home
    logging.basicConfig(level=logging.DEBUG if verbose else logging.WARNING,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")


def main(argv: list[str] | None = None) -> None:
    try:
        app(args=argv, standalone_mode=False)
    except CohostError as exc:
        print(f"Error: {exc}", file=sys.stderr)
        if exc.hint:
            print(f"Hint: {exc.hint}", file=sys.stderr)
        sys.exit(1)
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except typer.Abort:
        print("Error: aborted", file=sys.stderr)
        sys.exit(1)
    except Exception as exc:  # usage errors from click or typer's vendored copy of it
        if hasattr(exc, "format_message") and hasattr(exc, "exit_code"):
            print(f"Error: {exc.format_message()}", file=sys.stderr)
            sys.exit(int(exc.exit_code))
        raise


if __name__ == "__main__":
    main(sys.argv[1:])
