"""The sealed evidence store: an append-only log of every raw input event (compliance.md §14, DATA-1).

Every input line is appended here *before* it is processed, exactly as received (PII included, bad
lines included), so the log is both the legal record and the crash-recovery source. It lives apart from
everything else (``<home>/evidence/<room>/<session>.evlog``, folder 0700, file 0600 — readable by the
owner account only), is never served or displayed, and is encrypted at rest (AES-256-GCM) when a key is
configured: the environment variable named by ``LiveConfig.evidence_key_env`` (default
``COHOST_EVIDENCE_KEY``) holding 32 bytes as URL-safe base64 (a Fernet key works) or 64 hex digits.

Format: one JSON header line (room, session, source, cipher, key id — never the key), then records
``<u32 payload length><u32 crc32 of payload><u64 ref><payload>``; an encrypted payload is
``nonce(12) ‖ ciphertext+tag`` with the session and ref as associated data, so records cannot be moved.

Constraints: each record, or each batch of records an ingest call admits together (``append_many``), is
written with one ``os.write`` (a process killed with -9 leaves whole records, at worst a torn last one,
which ``open`` cuts off: that event was never acknowledged). A damaged record
anywhere else is never "repaired": ``open`` refuses the file and the caller starts a new session. ``fsync`` runs
every ``fsync_interval`` seconds when records were appended, on a background thread: durable against a
process crash at once, against power loss after that interval. It is never on the room's path: on a
busy disk one ``fsync`` took up to 250 ms, and inline it stalled every comment behind it.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import hashlib
import json
import logging
import os
import struct
import threading
import time
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from cohost.errors import ConfigError, StoreError

log = logging.getLogger(__name__)
_HEAD = struct.Struct("<IIQ")
MAGIC = "cohost-evidence/1"
MAX_RECORD = (1 << 20) + 64


def load_key(env_name: str, environ: dict[str, str] | None = None) -> bytes | None:
    """The evidence key from the environment, or None when the variable is unset or empty."""
    value = (environ if environ is not None else os.environ).get(env_name, "").strip()
    if not value:
        return None
    key: bytes | None = None
    if len(value) == 64:
        try:
            key = bytes.fromhex(value)
        except ValueError:
            key = None
    if key is None:
        try:
            key = base64.urlsafe_b64decode(value + "=" * (-len(value) % 4))
        except (binascii.Error, ValueError):
            key = None
    if key is None or len(key) != 32:
        raise ConfigError(f"{env_name} must hold 32 bytes as URL-safe base64 or 64 hex digits",
                          hint="python -c 'import os,base64;print(base64.urlsafe_b64encode(os.urandom(32)).decode())'")
    return key


def _key_id(key: bytes) -> str:
    return hashlib.sha256(b"cohost-evidence" + key).hexdigest()[:16]


class _Cipher:
    def __init__(self, key: bytes, session: str) -> None:
        try:
            from cryptography.hazmat.primitives.ciphers.aead import AESGCM
        except ImportError as exc:  # pragma: no cover - cryptography is a dependency
            raise ConfigError("encrypting evidence needs the 'cryptography' package",
                              hint="pip install 'cryptography>=42'") from exc
        self._aead = AESGCM(key)
        self._prefix = os.urandom(4)
        self._counter = 0
        self._session = session.encode()

    def seal(self, ref: int, data: bytes) -> bytes:
        self._counter += 1
        nonce = self._prefix + self._counter.to_bytes(8, "little")
        return nonce + self._aead.encrypt(nonce, data, self._session + ref.to_bytes(8, "little"))

    def open(self, ref: int, payload: bytes) -> bytes:
        return self._aead.decrypt(payload[:12], payload[12:], self._session + ref.to_bytes(8, "little"))


class EvidenceLog:
    """Append-only, optionally encrypted log of one room session's raw input."""

    def __init__(self, path: Path, header: dict[str, Any], key: bytes | None, *, fsync_interval: float = 1.0) -> None:
        self.path = path
        self.header = header
        self.fsync_interval = fsync_interval
        self._cipher = _Cipher(key, header["session"]) if key is not None else None
        self._fd = -1
        self.last_ref = 0
        self.records = 0
        self._synced = 0  # records durable on disk
        self._stop = threading.Event()
        self._syncer: threading.Thread | None = None

    # opening ---------------------------------------------------------------------------------------------
    @classmethod
    def open(cls, path: Path, *, room: str, session: str, source: str, key: bytes | None,
             fsync_interval: float = 1.0) -> EvidenceLog:
        """Create the log, or reopen it after a crash (cutting a torn last record)."""
        path.parent.mkdir(parents=True, exist_ok=True)
        os.chmod(path.parent, 0o700)
        if path.exists() and path.stat().st_size > 0:
            header = read_header(path)
            if header.get("session") != session:
                raise StoreError(f"{path}: belongs to session {header.get('session')!r}, not {session!r}")
            _check_key(path, header, key)
            log = cls(path, header, key, fsync_interval=fsync_interval)
            end, last_ref, count = _scan(path)
            size = path.stat().st_size
            if end < size:
                if not _torn_tail(path, end, size):  # sealed evidence is never cut to repair it
                    raise StoreError(f"{path}: damaged record at byte {end} (not a torn last write)",
                                     hint="keep the file for the record; move it aside to start a new session")
                os.truncate(path, end)
            log.last_ref, log.records = last_ref, count
        else:
            header = {"format": MAGIC, "room": room, "session": session, "source": source,
                      "cipher": "aes-256-gcm" if key else None, "key_id": _key_id(key) if key else None,
                      "created": round(time.time(), 3)}
            log = cls(path, header, key, fsync_interval=fsync_interval)
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            try:
                os.write(fd, json.dumps(header, ensure_ascii=False).encode() + b"\n")
                os.fsync(fd)
            finally:
                os.close(fd)
        log._fd = os.open(path, os.O_WRONLY | os.O_APPEND, 0o600)
        log._synced = log.records
        if fsync_interval >= 0:
            log._syncer = threading.Thread(target=log._sync_loop, name=f"evidence-fsync-{session}", daemon=True)
            log._syncer.start()
        return log

    def _sync_loop(self) -> None:
        while not self._stop.wait(max(self.fsync_interval, 0.01)):
            self._sync_pending()

    def _sync_pending(self) -> None:
        records, fd = self.records, self._fd
        if records == self._synced or fd < 0:
            return
        try:
            os.fsync(fd)
        except OSError as exc:  # the records are written; only their power-loss durability is in doubt
            log.warning("fsync of the evidence log %s failed: %s (retried in %.1fs)", self.path, exc, self.fsync_interval)
            return
        self._synced = records

    def _record(self, ref: int, raw: bytes) -> bytes:
        payload = self._cipher.seal(ref, raw) if self._cipher else raw
        return _HEAD.pack(len(payload), zlib.crc32(payload), ref) + payload

    def _write(self, data: bytes) -> None:
        done = 0
        try:
            done = os.write(self._fd, data)
            while done < len(data):  # a short write (a full disk, a signal): the rest, never a gap
                done += os.write(self._fd, data[done:])
        except OSError as exc:  # nothing is processed that is not in the log: stop, loudly
            if done:  # take back the part written, so the next append does not follow a torn record
                with contextlib.suppress(OSError):
                    os.ftruncate(self._fd, os.lseek(self._fd, 0, os.SEEK_END) - done)
            raise StoreError(f"cannot append to the evidence log {self.path}: {exc.strerror}",
                             hint="free disk space; the run resumes from the log with the same command") from exc

    def append(self, ref: int, raw: bytes) -> None:
        """Write one raw input event; returns once the record is in the operating system's hands."""
        self._write(self._record(ref, raw))
        self.last_ref = ref
        self.records += 1

    def append_many(self, items: list[tuple[int, bytes]]) -> None:
        """Write a batch of raw input events with one ``os.write``; returns once all of them are in the
        operating system's hands (before any of them is processed or acknowledged). A crash during the
        write leaves whole records and at most one torn last record, as ``append`` does."""
        if not items:
            return
        self._write(b"".join([self._record(ref, raw) for ref, raw in items]))
        self.last_ref = items[-1][0]
        self.records += len(items)

    def sync(self) -> None:
        if self._fd >= 0:
            os.fsync(self._fd)
            self._synced = self.records

    def close(self) -> None:
        self._stop.set()
        if self._syncer is not None:
            self._syncer.join()
            self._syncer = None
        if self._fd >= 0:
            os.fsync(self._fd)
            os.close(self._fd)
            self._fd = -1


def read_header(path: Path) -> dict[str, Any]:
    with path.open("rb") as fh:
        line = fh.readline(4096)
    try:
        header = json.loads(line)
    except ValueError as exc:
        raise StoreError(f"{path}: not an evidence log") from exc
    if not isinstance(header, dict) or header.get("format") != MAGIC:
        raise StoreError(f"{path}: not an evidence log")
    return header


def _check_key(path: Path, header: dict[str, Any], key: bytes | None) -> None:
    if header.get("cipher") and key is None:
        raise ConfigError(f"{path} is encrypted; the evidence key is not set",
                          hint="set the environment variable named by evidence_key_env (COHOST_EVIDENCE_KEY)")
    if header.get("cipher") and header.get("key_id") != _key_id(key or b""):
        raise ConfigError(f"{path} was encrypted with another key")
    if not header.get("cipher") and key is not None:
        raise ConfigError(f"{path} was written unencrypted; unset the evidence key to resume it")


def _records(path: Path) -> Iterator[tuple[int, int, bytes]]:
    """(end offset, ref, payload) of every whole, intact record; stops at the first torn or bad one."""
    with path.open("rb") as fh:
        fh.readline(4096)
        while True:
            head = fh.read(_HEAD.size)
            if len(head) < _HEAD.size:
                return
            length, crc, ref = _HEAD.unpack(head)
            if length > MAX_RECORD:
                return
            payload = fh.read(length)
            if len(payload) < length or zlib.crc32(payload) != crc:
                return
            yield fh.tell(), ref, payload


def _scan(path: Path) -> tuple[int, int, int]:
    with path.open("rb") as fh:
        end = len(fh.readline(4096))
    last_ref = count = 0
    for record_end, ref, _ in _records(path):
        end, last_ref, count = record_end, max(last_ref, ref), count + 1  # ref 0 marks a control record
    return end, last_ref, count


def _torn_tail(path: Path, end: int, size: int) -> bool:
    """True when the bytes after ``end`` are one record cut short by a crash, not a damaged record."""
    with path.open("rb") as fh:
        fh.seek(end)
        head = fh.read(_HEAD.size)
    if len(head) < _HEAD.size:
        return True
    length: int = _HEAD.unpack(head)[0]
    return end + _HEAD.size + length > size


def read_log(path: Path, key: bytes | None) -> Iterator[tuple[int, bytes]]:
    """Every (ref, raw bytes) in the log, decrypted. For recovery and for the owner's export only."""
    header = read_header(path)
    _check_key(path, header, key)
    cipher = _Cipher(key, header["session"]) if header.get("cipher") and key else None
    for _, ref, payload in _records(path):
        yield ref, (cipher.open(ref, payload) if cipher else payload)
