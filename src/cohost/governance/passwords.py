"""Password hashing (argon2id) and the password rules.

Constraints:

- argon2id with argon2-cffi's defaults (RFC 9106 low-memory profile: 64 MiB, t=3, p=4) in production;
  tests pass ``fast_hasher()``. A stored hash made with older parameters is upgraded at the next login.
- Input is bounded before hashing (``MAX_PASSWORD`` characters), so a huge password cannot be used to
  burn CPU and memory; the same bound applies to the login form.
- Rules (NIST SP 800-63B style): at least ``MIN_PASSWORD`` characters, not the user's name, not one
  repeated character, not on the short list of passwords every attacker tries first. No composition
  rules and no expiry.
"""

from __future__ import annotations

import unicodedata

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from cohost.errors import InputError

MIN_PASSWORD = 10
MAX_PASSWORD = 256
_COMMON = frozenset(["password", "password1", "password12", "password123", "password1234", "passw0rd123", "1234567890", "12345678910", "123456789a", "0123456789", "9876543210", "1111111111", "0000000000", "qwertyuiop", "qwerty1234", "qwerty12345", "1q2w3e4r5t", "1qaz2wsx3edc", "abcdefghij", "abc1234567", "abcd123456", "a123456789", "iloveyou123", "welcome123", "letmein123", "admin12345", "administrator", "changeme123", "changeme12", "cohost12345", "cohostcohost", "zhibo123456", "woaini1314", "woaini123456", "5201314520", "asdfghjkl1", "zxcvbnm123", "football12", "baseball12", "dragon1234", "monkey1234", "sunshine12", "princess12", "superman12", "trustno1234"])


def fast_hasher() -> PasswordHasher:
    """Cheap parameters for tests only: the same algorithm, a fraction of the cost."""
    return PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)


def normalize(password: str) -> str:
    """NFKC so that the same password typed on another keyboard (full-width digits) still matches."""
    return unicodedata.normalize("NFKC", password)


def check_rules(password: str, *, name: str = "") -> str:
    """The normalised password, or an InputError in Chinese and English saying which rule it breaks."""
    if not isinstance(password, str):
        raise InputError("密码必须是文本 / the password must be text")
    pw = normalize(password)
    if any(unicodedata.category(ch) in ("Cc", "Cs") for ch in pw):
        raise InputError("密码不能包含控制字符 / the password must not contain control characters")
    if len(pw) < MIN_PASSWORD:
        raise InputError(f"密码至少 {MIN_PASSWORD} 个字符 / the password needs at least {MIN_PASSWORD} characters",
                         hint="a few unrelated words make a long password that is easy to remember")
    if len(pw) > MAX_PASSWORD:
        raise InputError(f"密码最多 {MAX_PASSWORD} 个字符 / the password may have at most {MAX_PASSWORD} characters")
    folded = pw.casefold()
    if name and folded == normalize(name).casefold():
        raise InputError("密码不能与用户名相同 / the password must not be the account name")
    if len(set(pw)) == 1:
        raise InputError("密码不能是同一个字符的重复 / the password must not repeat one character")
    if folded in _COMMON:
        raise InputError("这个密码太常见 / this password is on the list attackers try first")
    return pw


class Passwords:
    """Hashes and verifies; ``verify`` never raises for a wrong password, only returns False."""

    def __init__(self, hasher: PasswordHasher | None = None) -> None:
        self.hasher = hasher or PasswordHasher()
        self._decoy: str | None = None

    @property
    def decoy(self) -> str:
        """Verified against when the account does not exist, so both cases take the same time."""
        if self._decoy is None:
            self._decoy = self.hasher.hash("cohost-decoy-password-for-unknown-accounts")
        return self._decoy

    def hash(self, password: str) -> str:
        return self.hasher.hash(normalize(password))

    def verify(self, stored: str | None, password: str) -> bool:
        if len(password) > MAX_PASSWORD:
            return False
        try:
            return self.hasher.verify(stored or self.decoy, normalize(password)) and stored is not None
        except (VerificationError, InvalidHashError):
            return False

    def needs_rehash(self, stored: str) -> bool:
        try:
            return self.hasher.check_needs_rehash(stored)
        except (InvalidHashError, ValueError):
            return True
