"""``cohost user``: accounts of the console and the API, managed on the server itself.

    cohost user add NAME --role owner|operator|reviewer|viewer [--password-stdin]
    cohost user list [--json]
    cohost user passwd NAME [--password-stdin]
    cohost user role NAME ROLE · cohost user disable NAME · cohost user enable NAME
    cohost user token NAME [--label L] [--role R] [--days N] [--json]     (printed once)
    cohost user tokens [NAME] [--json] · cohost user revoke TOKEN_ID

There is no default account and no default password: the first ``user add … --role owner`` opens the
console. A password is asked for twice on a terminal (never echoed), or read as one line from standard
input with ``--password-stdin`` (scripts); it never appears on the command line.
"""

from __future__ import annotations

import getpass
import json
import sys
from typing import Annotated

import typer
from rich.table import Table

from cohost.cli.context import HomeOption, JsonOption, app_state, console, err_console, open_store
from cohost.errors import InputError
from cohost.governance.accounts import Accounts
from cohost.governance.roles import LABELS, parse_role
from cohost.governance.tokens import Tokens

app = typer.Typer(help="账号与角色 / console and API accounts", no_args_is_help=True)
StdinOption = Annotated[bool, typer.Option("--password-stdin", help="从标准输入读一行密码 / read the password from stdin")]


def _actor() -> str:
    try:
        return f"cli:{getpass.getuser()}"[:100]
    except Exception:  # no login name in some containers
        return "cli"


def _password(from_stdin: bool) -> str:
    if from_stdin:
        line = sys.stdin.readline()
        if not line:
            raise InputError("标准输入没有密码 / no password on standard input")
        return line.rstrip("\r\n")
    if not sys.stdin.isatty():
        raise InputError("没有终端可以输入密码 / no terminal to ask for the password",
                         hint="pipe it in with --password-stdin")
    first = getpass.getpass("密码 Password: ")
    second = getpass.getpass("再输一次 Repeat: ")
    if first != second:
        raise InputError("两次输入的密码不一致 / the two passwords differ")
    return first


@app.command("add")
def add(ctx: typer.Context, name: str,
        role: Annotated[str, typer.Option("--role", help="owner 所有者 | operator 场控 | reviewer 审核 | viewer 只读")],
        password_stdin: StdinOption = False, home: HomeOption = None) -> None:
    """新建账号 / add an account."""
    parsed = parse_role(role)
    password = _password(password_stdin)
    with open_store(app_state(ctx).settings(home)) as store:
        user = Accounts(store.db).add(name, parsed, password, by=_actor())
    console.print(f"已创建 created {user.name} ({LABELS[user.role][0]} {user.role.value})", highlight=False)


@app.command("list")
def list_users(ctx: typer.Context, as_json: JsonOption = False, home: HomeOption = None) -> None:
    """账号列表 / list accounts."""
    with open_store(app_state(ctx).settings(home)) as store:
        users = Accounts(store.db).list()
    if as_json:
        print(json.dumps([{"name": u.name, "role": u.role.value, "disabled": u.disabled,
                           "created_at": u.created_at.isoformat()} for u in users], ensure_ascii=False))
        return
    if not users:
        console.print("还没有账号 / no accounts yet: cohost user add NAME --role owner", highlight=False)
        return
    table = Table()
    for col in ("账号 Name", "角色 Role", "状态 Status", "创建 Created"):
        table.add_column(col)
    for u in users:
        table.add_row(u.name, f"{LABELS[u.role][0]} {u.role.value}", "停用 disabled" if u.disabled else "正常 active",
                      u.created_at.strftime("%Y-%m-%d %H:%M"))
    console.print(table)


@app.command("passwd")
def passwd(ctx: typer.Context, name: str, password_stdin: StdinOption = False, home: HomeOption = None) -> None:
    """重设密码 / set a new password (ends the account's sessions)."""
    password = _password(password_stdin)
    with open_store(app_state(ctx).settings(home)) as store:
        Accounts(store.db).set_password(name, password, by=_actor())
    console.print(f"已更新密码 password changed for {name}", highlight=False)


@app.command("role")
def role(ctx: typer.Context, name: str, new_role: Annotated[str, typer.Argument(metavar="ROLE")],
         home: HomeOption = None) -> None:
    """改角色 / change an account's role."""
    with open_store(app_state(ctx).settings(home)) as store:
        user = Accounts(store.db).set_role(name, new_role, by=_actor())
    console.print(f"{user.name}: {LABELS[user.role][0]} {user.role.value}", highlight=False)


@app.command("disable")
def disable(ctx: typer.Context, name: str, home: HomeOption = None) -> None:
    """停用账号 / disable an account (sessions and tokens stop working)."""
    with open_store(app_state(ctx).settings(home)) as store:
        Accounts(store.db).disable(name, by=_actor())
    console.print(f"已停用 disabled {name}", highlight=False)


@app.command("enable")
def enable(ctx: typer.Context, name: str, home: HomeOption = None) -> None:
    """恢复账号 / enable a disabled account."""
    with open_store(app_state(ctx).settings(home)) as store:
        Accounts(store.db).disable(name, by=_actor(), disabled=False)
    console.print(f"已恢复 enabled {name}", highlight=False)


@app.command("token")
def token(ctx: typer.Context, name: str,
          label: Annotated[str, typer.Option(help="用途 what the token is for")] = "api",
          role: Annotated[str | None, typer.Option(help="令牌角色（不高于账号）/ token role, at most the account's")] = None,
          days: Annotated[float | None, typer.Option(help="有效天数 days valid (default: until revoked)")] = None,
          as_json: JsonOption = False, home: HomeOption = None) -> None:
    """签发 API 令牌 / issue a bearer token for a tool; shown once."""
    with open_store(app_state(ctx).settings(home)) as store:
        secret, info = Tokens(Accounts(store.db)).issue(name, label=label, role=role, days=days, by=_actor())
    if as_json:
        print(json.dumps({"token": secret, "id": info.id, "user": info.user, "role": info.role.value,
                          "expires_at": info.expires_at.isoformat() if info.expires_at else None}))
        return
    print(secret)
    err_console.print(f"令牌 #{info.id} for {info.user} ({info.role.value}); 只显示这一次 shown only once — "
                      "use it as: Authorization: Bearer <token>", highlight=False)


@app.command("tokens")
def tokens(ctx: typer.Context, name: Annotated[str | None, typer.Argument()] = None, as_json: JsonOption = False,
           home: HomeOption = None) -> None:
    """令牌列表 / list tokens (never their secrets)."""
    with open_store(app_state(ctx).settings(home)) as store:
        items = Tokens(Accounts(store.db)).list(name)
    rows = [{"id": t.id, "user": t.user, "label": t.name, "prefix": t.prefix, "role": t.role.value,
             "revoked": t.revoked, "expires_at": t.expires_at.isoformat() if t.expires_at else None,
             "last_used_at": t.last_used_at.isoformat() if t.last_used_at else None} for t in items]
    if as_json:
        print(json.dumps(rows, ensure_ascii=False))
        return
    table = Table()
    for col in ("#", "账号 User", "用途 Label", "前缀 Prefix", "角色 Role", "状态 Status"):
        table.add_column(col)
    for r in rows:
        table.add_row(str(r["id"]), str(r["user"]), str(r["label"]), f"{r['prefix']}…", str(r["role"]),
                      "已撤销 revoked" if r["revoked"] else "有效 active")
    console.print(table)


@app.command("revoke")
def revoke(ctx: typer.Context, token_id: int, home: HomeOption = None) -> None:
    """撤销令牌 / revoke a token."""
    with open_store(app_state(ctx).settings(home)) as store:
        Tokens(Accounts(store.db)).revoke(token_id, by=_actor())
    console.print(f"已撤销 revoked token #{token_id}", highlight=False)
