"""Passphrase encryption of a backup: scrypt for the key, AES-GCM in 1 MiB chunks.

The file is a small header followed by the chunks::

    b"OKBACKUP1" | log2(n) r p (one byte each) | chunk size (4 bytes) | salt (16) | nonce (12)
    | key check (16) | chunk 1 | chunk 2 | ...

Each chunk is sealed with AES-GCM under a nonce derived from the random one
(chunk counter and a last-chunk flag mixed into its last five bytes), with the
header as associated data, so chunks cannot be reordered, dropped or cut off
and the header cannot be altered. The key check is the tag of an empty message
under a nonce no chunk uses: it tells a wrong passphrase from a damaged file
before any content is read. Chunking keeps memory flat for large backups.
"""

from __future__ import annotations

import os
import struct
from collections.abc import Iterator
from typing import BinaryIO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from opinionkit.core.errors import OpinionKitError

MAGIC = b"OKBACKUP1"
CHUNK_SIZE = 1 << 20
LOG2_N, R, P = 15, 8, 1
_PARAMS = struct.Struct(">BBBI")
_SALT, _NONCE, _TAG = 16, 12, 16
HEADER_SIZE = len(MAGIC) + _PARAMS.size + _SALT + _NONCE
_KEY_CHECK_COUNTER = 0xFFFFFFFF
_MAX_LOG2_N = 20  # refuse headers asking for absurd memory (2**20 * 128 * r bytes)


class WrongPassphrase(OpinionKitError):
    """The passphrase does not open the backup."""

    def __init__(self) -> None:
        super().__init__("The passphrase does not open this backup. Check the passphrase file and try again.")


class DamagedBackup(OpinionKitError):
    """The backup file is not complete or has been changed since it was written."""

    def __init__(self, reason: str) -> None:
        super().__init__(f"The backup is damaged ({reason}); nothing was restored. Use another backup.")


def is_encrypted(head: bytes) -> bool:
    return head.startswith(MAGIC)


def _derive(passphrase: str, salt: bytes, log2_n: int, r: int, p: int) -> AESGCM:
    if not passphrase:
        raise WrongPassphrase()
    key = Scrypt(salt=salt, length=32, n=1 << log2_n, r=r, p=p).derive(passphrase.encode("utf-8"))
    return AESGCM(key)


def _nonce(base: bytes, counter: int, last: bool) -> bytes:
    tail = int.from_bytes(base[7:], "big") ^ ((counter << 8) | int(last))
    return base[:7] + tail.to_bytes(5, "big")


class EncryptingWriter:
    """A write-only stream that encrypts what it is given into ``out``; call ``close`` to seal the end.

    It has no ``tell``/``seek``, so zipfile writes to it as to a pipe.
    """

    def __init__(self, out: BinaryIO, passphrase: str) -> None:
        salt, nonce = os.urandom(_SALT), os.urandom(_NONCE)
        self._header = MAGIC + _PARAMS.pack(LOG2_N, R, P, CHUNK_SIZE) + salt + nonce
        self._aead = _derive(passphrase, salt, LOG2_N, R, P)
        self._base = nonce
        self._out = out
        self._buffer = bytearray()
        self._counter = 0
        out.write(self._header)
        out.write(self._aead.encrypt(_nonce(nonce, _KEY_CHECK_COUNTER, True), b"", self._header))

    def write(self, data: bytes) -> int:
        self._buffer += data
        while len(self._buffer) > CHUNK_SIZE:  # keep at least one byte for the last chunk
            self._seal(bytes(self._buffer[:CHUNK_SIZE]), last=False)
            del self._buffer[:CHUNK_SIZE]
        return len(data)

    def flush(self) -> None:
        self._out.flush()

    def close(self) -> None:
        self._seal(bytes(self._buffer), last=True)
        self._buffer.clear()
        self._out.flush()

    def _seal(self, chunk: bytes, *, last: bool) -> None:
        if self._counter >= _KEY_CHECK_COUNTER:
            raise OpinionKitError("The backup is too large to encrypt (over 4 PiB).")
        self._out.write(self._aead.encrypt(_nonce(self._base, self._counter, last), chunk, self._header))
        self._counter += 1


def decrypt_chunks(source: BinaryIO, passphrase: str) -> Iterator[bytes]:
    """Yield the plaintext of an encrypted backup, chunk by chunk.

    Raises WrongPassphrase before yielding anything if the passphrase is wrong,
    and DamagedBackup as soon as any chunk fails its check or the end is missing.
    """
    header = source.read(HEADER_SIZE)
    if len(header) < HEADER_SIZE or not is_encrypted(header):
        raise DamagedBackup("it is not an encrypted OpinionKit backup or is cut short")
    log2_n, r, p, chunk_size = _PARAMS.unpack_from(header, len(MAGIC))
    if not (10 <= log2_n <= _MAX_LOG2_N and 1 <= r <= 32 and 1 <= p <= 16 and 1 <= chunk_size <= 1 << 26):
        raise DamagedBackup("its header is not valid")
    offset = len(MAGIC) + _PARAMS.size
    salt, base = header[offset:offset + _SALT], header[offset + _SALT:]
    aead = _derive(passphrase, salt, log2_n, r, p)
    try:
        aead.decrypt(_nonce(base, _KEY_CHECK_COUNTER, True), source.read(_TAG), header)
    except InvalidTag:
        raise WrongPassphrase() from None
    sealed_size = chunk_size + _TAG
    counter = 0
    sealed = source.read(sealed_size)
    while True:
        following = source.read(sealed_size) if len(sealed) == sealed_size else b""
        last = not following
        try:
            yield aead.decrypt(_nonce(base, counter, last), sealed, header)
        except InvalidTag:
            raise DamagedBackup("its encrypted content does not check out") from None
        if last:
            return
        sealed, counter = following, counter + 1
