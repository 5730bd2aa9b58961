"""``cohost user``: add, list, passwd, token — the only way the first owner comes to exist."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cohost.cli.app import main
from cohost.governance.accounts import Accounts
from cohost.governance.tokens import Tokens
from cohost.store import Store


def run(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, home: Path, *args: str,
        stdin: str = "") -> tuple[int, str, str]:
    import io
    import sys

    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    try:
        main(["--home", str(home), *args])
        code = 0
    except SystemExit as exc:
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def test_first_owner_from_stdin_then_list_as_json(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    code, out, _ = run(capsys, monkeypatch, tmp_path, "user", "add", "老板", "--role", "owner", "--password-stdin",
                       stdin="a-long-shop-passphrase\n")
    assert code == 0 and "老板" in out
    code, out, _ = run(capsys, monkeypatch, tmp_path, "user", "list", "--json")
    listed = json.loads(out)
    assert [(u["name"], u["role"], u["disabled"]) for u in listed] == [("老板", "owner", False)]
    assert "passphrase" not in out
    store = Store.open(f"sqlite:///{(tmp_path / 'cohost.db').resolve()}")
    assert Accounts(store.db).login("老板", "a-long-shop-passphrase").principal.name == "老板"
    store.close()


def test_bad_input_is_one_error_line_and_nothing_is_created(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    for args, stdin, words in [
        (("user", "add", "x", "--role", "god", "--password-stdin"), "a-long-shop-passphrase\n", "unknown role"),
        (("user", "add", "x", "--role", "owner", "--password-stdin"), "short\n", "至少"),
        (("user", "add", "x", "--role", "owner", "--password-stdin"), "", "no password"),
        (("user", "add", "x", "--role", "owner"), "", "no terminal"),
        (("user", "add", "bad name", "--role", "owner", "--password-stdin"), "a-long-shop-passphrase\n", "bad account"),
        (("user", "passwd", "ghost", "--password-stdin"), "a-long-shop-passphrase\n", "no account"),
    ]:
        code, _, err = run(capsys, monkeypatch, tmp_path, *args, stdin=stdin)
        assert code == 1 and err.startswith("Error:") and words in err, (args, err)
    _, out, _ = run(capsys, monkeypatch, tmp_path, "user", "list", "--json")
    assert json.loads(out) == []


def test_passwd_role_disable_and_tokens(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    run(capsys, monkeypatch, tmp_path, "user", "add", "boss", "--role", "owner", "--password-stdin", stdin="first-long-passphrase\n")
    run(capsys, monkeypatch, tmp_path, "user", "add", "mei", "--role", "operator", "--password-stdin", stdin="first-long-passphrase\n")
    assert run(capsys, monkeypatch, tmp_path, "user", "passwd", "mei", "--password-stdin", stdin="second-long-passphrase\n")[0] == 0
    code, out, err = run(capsys, monkeypatch, tmp_path, "user", "token", "mei", "--label", "抖音连接器", "--days", "30")
    token = out.strip()
    assert code == 0 and token.startswith("cohost_") and "shown only once" in err
    code, out, _ = run(capsys, monkeypatch, tmp_path, "user", "token", "mei", "--role", "owner")
    assert code == 1
    _, out, _ = run(capsys, monkeypatch, tmp_path, "user", "tokens", "--json")
    rows = json.loads(out)
    assert rows[0]["label"] == "抖音连接器" and token not in out
    assert run(capsys, monkeypatch, tmp_path, "user", "role", "mei", "reviewer")[0] == 0
    assert run(capsys, monkeypatch, tmp_path, "user", "role", "boss", "viewer")[0] == 1  # the last owner
    assert run(capsys, monkeypatch, tmp_path, "user", "revoke", str(rows[0]["id"]))[0] == 0
    store = Store.open(f"sqlite:///{(tmp_path / 'cohost.db').resolve()}")
    accounts = Accounts(store.db)
    assert Tokens(accounts).principal(token) is None
    assert accounts.login("mei", "second-long-passphrase").principal.role.value == "reviewer"
    store.close()
    assert run(capsys, monkeypatch, tmp_path, "user", "disable", "mei")[0] == 0
    assert run(capsys, monkeypatch, tmp_path, "user", "enable", "mei")[0] == 0
