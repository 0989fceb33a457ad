"""Interoperability of mbc_vault.age with the reference `age` CLI (Debian age 1.1.1), both ways.

Every test runs the real `age` / `age-keygen` programs. Passphrase prompts are answered on a
pseudo-terminal (tests/ptyhelper.py), as age reads passphrases from /dev/tty only.
"""

from __future__ import annotations

import io
import random
import subprocess
from pathlib import Path

import pytest
from conftest import require_tool
from ptyhelper import age_passphrase_encrypt, run_with_tty

from mbc_vault import age
from mbc_vault.age import armor
from mbc_vault.age import recipients as age_recipients
from mbc_vault.keys import parse_person_key, person_key_text

PASSPHRASE = "mbc interop passphrase"
#: low so our scrypt files are fast to make; age accepts any work factor up to 22
WORK_FACTOR = 10

#: empty, one byte, exactly one chunk, one chunk and a byte, several MB (chunk = 64 KiB)
SIZES = [0, 1, age.CHUNK_SIZE, age.CHUNK_SIZE + 1, 3 * 1024 * 1024 + 12345]
SIZE_IDS = ["empty", "1B", "64KiB", "64KiB+1", "3MB"]


@pytest.fixture(autouse=True)
def _tools() -> None:
    require_tool("age")
    require_tool("age-keygen")


def payload(size: int) -> bytes:
    return random.Random(size).randbytes(size)


def run(*argv: str | Path, input: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    """Run a program without a terminal; fail the test with its stderr if it fails."""
    proc = subprocess.run([str(a) for a in argv], input=input, capture_output=True, check=False)
    assert proc.returncode == 0, f"{argv} exited {proc.returncode}: {proc.stderr.decode(errors='replace')}"
    return proc


def write_identity(path: Path, *identities: age.X25519Identity) -> Path:
    path.write_text("".join(f"# a test key\n{i}\n" for i in identities))
    return path


def age_keygen(path: Path) -> tuple[age.X25519Identity, str]:
    """A key made by age-keygen, parsed by us; returns it with the public key age-keygen -y prints."""
    run("age-keygen", "-o", path)
    (identity,) = age.parse_identities(path.read_text())
    public = run("age-keygen", "-y", path).stdout.decode().strip()
    return identity, public


def our_decrypt(data: bytes, identities: list[object], *, armored: bool = False) -> bytes:
    return age.Decryptor(io.BytesIO(data), identities, armored=armored).read_all()  # type: ignore[arg-type]


# --------------------------------------------------------------------------- X25519
@pytest.mark.parametrize("armored", [False, True], ids=["binary", "armored"])
@pytest.mark.parametrize("size", SIZES, ids=SIZE_IDS)
def test_our_x25519_file_decrypts_with_age(tmp_path: Path, size: int, armored: bool) -> None:
    identity = age.X25519Identity.generate()
    keyfile = write_identity(tmp_path / "key.txt", identity)
    plaintext = payload(size)
    encrypted = age.encrypt_bytes(plaintext, [identity.recipient()])
    if armored:
        encrypted = armor.encode(encrypted)
        assert encrypted.startswith(b"-----BEGIN AGE ENCRYPTED FILE-----\n")
    (tmp_path / "file.age").write_bytes(encrypted)
    # to stdout: with -o, age 1.1.1 creates the output file only when it writes the first byte,
    # so an empty plaintext leaves no file at all
    assert run("age", "-d", "-i", keyfile, tmp_path / "file.age").stdout == plaintext


@pytest.mark.parametrize("armored", [False, True], ids=["binary", "armored"])
@pytest.mark.parametrize("size", SIZES, ids=SIZE_IDS)
def test_age_x25519_file_decrypts_with_ours(tmp_path: Path, size: int, armored: bool) -> None:
    identity = age.X25519Identity.generate()
    plaintext = payload(size)
    (tmp_path / "plain").write_bytes(plaintext)
    run(
        "age",
        *(["-a"] if armored else []),
        "-r",
        str(identity.recipient()),
        "-o",
        tmp_path / "file.age",
        tmp_path / "plain",
    )
    encrypted = (tmp_path / "file.age").read_bytes()
    assert encrypted.startswith(b"-----BEGIN AGE" if armored else b"age-encryption.org/v1\n")
    assert our_decrypt(encrypted, [identity], armored=armored) == plaintext


def test_age_keygen_keys_work_both_ways(tmp_path: Path) -> None:
    identity, public = age_keygen(tmp_path / "key.txt")
    assert str(identity.recipient()) == public
    assert age.X25519Recipient.parse(public).public_key == identity.public_key
    plaintext = payload(age.CHUNK_SIZE * 2)
    # ours -> age, with age-keygen's own key file
    (tmp_path / "ours.age").write_bytes(age.encrypt_bytes(plaintext, [age.X25519Recipient.parse(public)]))
    out = run("age", "-d", "-i", tmp_path / "key.txt", tmp_path / "ours.age").stdout
    assert out == plaintext
    # age -> ours, with the key parsed from age-keygen's file
    encrypted = run("age", "-r", public, input=plaintext).stdout
    assert our_decrypt(encrypted, [identity]) == plaintext
    # the secret key we print is the one age-keygen wrote
    assert str(identity) in (tmp_path / "key.txt").read_text().splitlines()


def test_identity_file_with_several_keys(tmp_path: Path) -> None:
    """age-keygen output appended twice (like a keyring): both parsers see both keys."""
    run("age-keygen", "-o", tmp_path / "a.txt")
    run("age-keygen", "-o", tmp_path / "b.txt")
    both = tmp_path / "both.txt"
    both.write_text((tmp_path / "a.txt").read_text() + "\n" + (tmp_path / "b.txt").read_text())
    first, second = age.parse_identities(both.read_text())
    (second_only,) = age.parse_identities((tmp_path / "b.txt").read_text())
    assert str(second) == str(second_only)
    encrypted = age.encrypt_bytes(b"for the second key", [second.recipient()])
    assert run("age", "-d", "-i", both, input=encrypted).stdout == b"for the second key"
    from_age = run("age", "-r", str(first.recipient()), input=b"for the first key").stdout
    assert our_decrypt(from_age, [second, first]) == b"for the first key"


def test_multiple_recipients_ours_to_age(tmp_path: Path) -> None:
    ours = age.X25519Identity.generate()
    theirs, theirs_public = age_keygen(tmp_path / "theirs.txt")
    outsider_file = tmp_path / "outsider.txt"
    run("age-keygen", "-o", outsider_file)
    plaintext = payload(age.CHUNK_SIZE + 1)
    encrypted = age.encrypt_bytes(plaintext, [ours.recipient(), age.X25519Recipient.parse(theirs_public)])
    (tmp_path / "file.age").write_bytes(encrypted)
    for keyfile in (write_identity(tmp_path / "ours.txt", ours), tmp_path / "theirs.txt"):
        assert run("age", "-d", "-i", keyfile, tmp_path / "file.age").stdout == plaintext
    outsider = subprocess.run(["age", "-d", "-i", outsider_file, tmp_path / "file.age"], capture_output=True)
    assert outsider.returncode != 0
    assert b"no identity matched" in outsider.stderr
    assert outsider.stdout == b""


def test_multiple_recipients_age_to_ours(tmp_path: Path) -> None:
    first, second, outsider = (age.X25519Identity.generate() for _ in range(3))
    third, third_public = age_keygen(tmp_path / "third.txt")
    (tmp_path / "recipients.txt").write_text(f"# a recipients file\n{second.recipient()}\n{third_public}\n")
    plaintext = payload(age.CHUNK_SIZE)
    encrypted = run(
        "age", "-r", str(first.recipient()), "-R", tmp_path / "recipients.txt", input=plaintext
    ).stdout
    assert len(age.Decryptor(io.BytesIO(encrypted), [third]).header.stanzas) == 3
    for identity in (first, second, third):
        assert our_decrypt(encrypted, [identity]) == plaintext
    with pytest.raises(age.NoIdentityMatch):
        our_decrypt(encrypted, [outsider])


# --------------------------------------------------------------------------- scrypt (passphrase)
@pytest.mark.parametrize("armored", [False, True], ids=["binary", "armored"])
@pytest.mark.parametrize("size", SIZES, ids=SIZE_IDS)
def test_our_passphrase_file_decrypts_with_age(tmp_path: Path, size: int, armored: bool) -> None:
    plaintext = payload(size)
    encrypted = age.encrypt_bytes(plaintext, [age.ScryptRecipient(PASSPHRASE.encode(), WORK_FACTOR)])
    if armored:
        encrypted = armor.encode(encrypted)
    (tmp_path / "file.age").write_bytes(encrypted)
    result = run_with_tty(["age", "-d", tmp_path / "file.age"], [PASSPHRASE]).check()
    assert result.prompts == ["Enter passphrase:"]
    assert result.stdout == plaintext


def test_our_passphrase_file_with_a_wrong_passphrase_fails_in_age(tmp_path: Path) -> None:
    encrypted = age.encrypt_bytes(b"private", [age.ScryptRecipient(PASSPHRASE.encode(), WORK_FACTOR)])
    (tmp_path / "file.age").write_bytes(encrypted)
    result = run_with_tty(["age", "-d", "-o", tmp_path / "out", tmp_path / "file.age"], ["not it"])
    assert result.returncode != 0
    assert b"incorrect passphrase" in result.stderr
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(
    ("size", "armored"), [(0, True), (age.CHUNK_SIZE + 1, False)], ids=["empty-armored", "64KiB+1-binary"]
)
def test_age_passphrase_file_decrypts_with_ours(tmp_path: Path, size: int, armored: bool) -> None:
    """`age -p` asks twice on the terminal (passphrase, confirmation); it writes work factor 18."""
    plaintext = payload(size)
    result = age_passphrase_encrypt(plaintext, PASSPHRASE, tmp_path / "file.age", armor=armored).check()
    assert result.prompts == [
        "Enter passphrase (leave empty to autogenerate a secure one):",
        "Confirm passphrase:",
    ]
    encrypted = (tmp_path / "file.age").read_bytes()
    assert encrypted.startswith(b"-----BEGIN AGE" if armored else b"age-encryption.org/v1\n")
    decryptor = age.Decryptor(
        io.BytesIO(encrypted), [age.ScryptIdentity(PASSPHRASE.encode())], armored=armored
    )
    assert [(s.type, s.args[1]) for s in decryptor.header.stanzas] == [("scrypt", "18")]
    assert decryptor.read_all() == plaintext
    if not armored:
        with pytest.raises(age.NoIdentityMatch):
            our_decrypt(encrypted, [age.ScryptIdentity(b"not it")])


def test_our_passphrase_protected_identity_file_works_as_age_identity(tmp_path: Path) -> None:
    """The format of keys/<person>.age: `age -d -i keys/x.age` asks for its passphrase and uses the key."""
    person = age.X25519Identity.generate()
    keyfile = tmp_path / "person.age"
    keyfile.write_bytes(
        age.encrypt_bytes(
            person_key_text("p1", person), [age.ScryptRecipient(PASSPHRASE.encode(), WORK_FACTOR)]
        )
    )
    plaintext = payload(age.CHUNK_SIZE + 1)
    (tmp_path / "file.age").write_bytes(age.encrypt_bytes(plaintext, [person.recipient()]))
    argv = ["age", "-d", "-i", keyfile, "-o", tmp_path / "out", tmp_path / "file.age"]
    result = run_with_tty(argv, [PASSPHRASE]).check()
    assert result.prompts == [f'Enter passphrase for identity file "{keyfile}":']
    assert (tmp_path / "out").read_bytes() == plaintext
    wrong = run_with_tty([*argv[:-3], "-o", tmp_path / "out2", tmp_path / "file.age"], ["not it"])
    assert wrong.returncode != 0
    assert b"incorrect passphrase" in wrong.stderr
    assert not (tmp_path / "out2").exists()


def test_age_passphrase_protected_identity_file_works_with_ours(tmp_path: Path) -> None:
    """The other way: `age-keygen | age -p` (what age documents) is a key file we can open and use."""
    run("age-keygen", "-o", tmp_path / "key.txt")
    key_text = (tmp_path / "key.txt").read_bytes()
    age_passphrase_encrypt(key_text, PASSPHRASE, tmp_path / "key.age").check()
    opened = our_decrypt((tmp_path / "key.age").read_bytes(), [age.ScryptIdentity(PASSPHRASE.encode())])
    assert opened == key_text
    (identity,) = age.parse_identities(opened.decode())
    encrypted = run(
        "age", "-r", run("age-keygen", "-y", tmp_path / "key.txt").stdout.decode().strip(), input=b"hello"
    ).stdout
    assert our_decrypt(encrypted, [identity]) == b"hello"
    # and parse_person_key refuses it: it names no person
    with pytest.raises(ValueError):
        parse_person_key(opened, "p1")


# --------------------------------------------------------------------------- scrypt work factor limit
def _with_work_factor(work_factor: str) -> bytes:
    """A valid work-factor-10 passphrase file whose header now claims *work_factor* (MAC left stale)."""
    encrypted = age.encrypt_bytes(b"payload", [age.ScryptRecipient(PASSPHRASE.encode(), WORK_FACTOR)])
    head, sep, rest = encrypted.partition(b"\n---")
    stanza_line, _, body = head.partition(b"\n-> scrypt ")[2].partition(b"\n")
    salt, old = stanza_line.split(b" ")
    assert old == str(WORK_FACTOR).encode()
    crafted = (
        b"age-encryption.org/v1\n-> scrypt " + salt + b" " + work_factor.encode() + b"\n" + body + sep + rest
    )
    assert crafted.replace(b" " + work_factor.encode() + b"\n", b" 10\n", 1) == encrypted
    return crafted


class _KDFCalled(Exception):
    pass


@pytest.fixture
def kdf_calls(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Records the work factor of every scrypt derivation, and stops any above our test factor
    (so a wrongly accepted 2^22+ derivation never runs: it would need gigabytes of memory)."""
    calls: list[int] = []
    real = age_recipients._scrypt_key

    def spy(passphrase: bytes, salt: bytes, work_factor: int) -> bytes:
        calls.append(work_factor)
        if work_factor > WORK_FACTOR:
            raise _KDFCalled(work_factor)
        return real(passphrase, salt, work_factor)

    monkeypatch.setattr(age_recipients, "_scrypt_key", spy)
    return calls


def test_crafted_file_is_the_original_at_its_own_work_factor(kdf_calls: list[int]) -> None:
    """The crafting keeps everything else intact: put back to 10 it decrypts."""
    crafted = _with_work_factor(str(WORK_FACTOR))
    kdf_calls.clear()  # the encryption's own derivation
    assert our_decrypt(crafted, [age.ScryptIdentity(PASSPHRASE.encode())]) == b"payload"
    assert kdf_calls == [WORK_FACTOR]


@pytest.mark.parametrize("work_factor", ["23", "30", "64"])
def test_work_factor_above_22_is_a_header_failure_before_any_scrypt(
    kdf_calls: list[int], work_factor: str
) -> None:
    assert age.MAX_SCRYPT_WORK_FACTOR == 22
    crafted = _with_work_factor(work_factor)
    kdf_calls.clear()  # the encryption's own derivation
    with pytest.raises(age.HeaderError) as failure:
        our_decrypt(crafted, [age.ScryptIdentity(PASSPHRASE.encode())])
    assert type(failure.value) is age.HeaderError  # not HMACError: rejected before the key is used
    assert kdf_calls == []


@pytest.mark.parametrize("work_factor", ["0", "023", "100", "-1", "x"])
def test_malformed_work_factor_is_a_header_failure(kdf_calls: list[int], work_factor: str) -> None:
    crafted = _with_work_factor(work_factor)
    kdf_calls.clear()
    with pytest.raises(age.HeaderError):
        our_decrypt(crafted, [age.ScryptIdentity(PASSPHRASE.encode())])
    assert kdf_calls == []


def test_work_factor_22_is_still_accepted(kdf_calls: list[int]) -> None:
    """The limit is inclusive: 22 goes on to the derivation (stopped by the spy, not run)."""
    crafted = _with_work_factor("22")
    kdf_calls.clear()
    with pytest.raises(_KDFCalled):
        our_decrypt(crafted, [age.ScryptIdentity(PASSPHRASE.encode())])
    assert kdf_calls == [22]


def test_age_also_refuses_work_factor_23(tmp_path: Path) -> None:
    (tmp_path / "file.age").write_bytes(_with_work_factor("23"))
    result = run_with_tty(["age", "-d", "-o", tmp_path / "out", tmp_path / "file.age"], [PASSPHRASE])
    assert result.returncode != 0
    assert b"work factor too large" in result.stderr
    assert not (tmp_path / "out").exists()
