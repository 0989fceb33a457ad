"""Make the Linux downloads from the PyInstaller folder (`make package` runs this after PyInstaller):

- dist/mbc-vault-VERSION-linux-x86_64.tar.gz: the folder itself (unpack anywhere, run ./mbc-vault);
- dist/mbc-vault_VERSION_amd64.deb: the folder in /opt/mbc-vault, /usr/bin/mbc-vault, a menu entry,
  the icon at the hicolor sizes and as SVG, and a MIME type for a vault's marker file (vault.json).
  Its Depends are the system libraries the bundle loads from outside itself, found with ldd, and glibc
  at least as new as the newest symbol version any bundled file needs.

    python packaging/build_linux.py BUNDLE_DIR OUT_DIR
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HERE = Path(__file__).resolve().parent
NAME = "mbc-vault"
PREFIX = Path("opt") / NAME
MAINTAINER = "MBC Vault maintainers <maintainers@mbc-vault.invalid>"
#: libraries Qt's Wayland plugins load that a build machine without a Wayland desktop may lack (ldd
#: says "not found"): the Debian package of each
NOT_ON_BUILD_MACHINE = {
    "libwayland-cursor.so.0": "libwayland-cursor0",
    "libwayland-egl.so.1": "libwayland-egl1",
    "libwayland-client.so.0": "libwayland-client0",
}
#: optional programs the app uses when they are there (text recognition of scans)
RECOMMENDS = ["tesseract-ocr", "tesseract-ocr-eng"]
DESCRIPTION = """\
Encrypted records vault for people with metastatic breast cancer
 MBC Vault keeps a person's medical and legal records (pathology and imaging
 reports, treatment plans, lab results, wills, advance directives...) in an
 encrypted vault on their own computer, shared with the family members they
 choose. Every stored file is a standard age file. It builds second-opinion
 packets, tracks symptoms, tumor markers and lines of treatment, and never
 sends anything anywhere.
 .
 This package is self-contained: it brings its own Python, Qt and PDF
 libraries in /opt/mbc-vault."""


def version() -> str:
    return str(tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"])


def elf_files(folder: Path) -> list[Path]:
    out = []
    for path in sorted(folder.rglob("*")):
        if path.is_file() and not path.is_symlink():
            with open(path, "rb") as handle:
                if handle.read(4) == b"\x7fELF":
                    out.append(path)
    return out


def outside_libraries(bundle: Path) -> tuple[set[Path], set[str]]:
    """The libraries the bundle's files load from the system, and the sonames ldd did not find."""
    found: set[Path] = set()
    missing: set[str] = set()
    env = {"PATH": "/usr/bin:/bin", "LD_LIBRARY_PATH": str(bundle / "_internal")}
    for path in elf_files(bundle):
        done = subprocess.run(["ldd", str(path)], capture_output=True, text=True, env=env)
        for line in done.stdout.splitlines():
            name, arrow, rest = line.strip().partition(" => ")
            if not arrow:
                continue
            target = rest.split(" (")[0].strip()
            if target == "not found":
                missing.add(name)
            elif target and not Path(target).resolve().is_relative_to(bundle.resolve()):
                found.add(Path(target).resolve())
    return found, missing


def package_of(paths: set[Path]) -> set[str]:
    packages: set[str] = set()
    for path in sorted(paths):
        candidates = [str(path)]
        if str(path).startswith("/lib"):  # merged /usr: dpkg may know either name
            candidates.append("/usr" + str(path))
        elif str(path).startswith("/usr/lib"):
            candidates.append(str(path)[4:])
        for candidate in candidates:
            done = subprocess.run(["dpkg", "-S", candidate], capture_output=True, text=True)
            if done.returncode == 0:
                packages.add(done.stdout.split(":")[0].strip())
                break
        else:
            raise SystemExit(f"no Debian package owns {path}, which the bundle loads")
    return packages


def needed_glibc(bundle: Path) -> str:
    newest = (2, 17)
    for path in elf_files(bundle):
        for major, minor in re.findall(rb"GLIBC_(\d+)\.(\d+)", path.read_bytes()):
            newest = max(newest, (int(major), int(minor)))
    return f"{newest[0]}.{newest[1]}"


def depends(bundle: Path) -> list[str]:
    found, missing = outside_libraries(bundle)
    unknown = sorted(missing - NOT_ON_BUILD_MACHINE.keys())
    if unknown:
        raise SystemExit(f"ldd finds no {', '.join(unknown)}: add its Debian package to NOT_ON_BUILD_MACHINE")
    packages = package_of(found) | {NOT_ON_BUILD_MACHINE[name] for name in missing}
    packages.discard("libc6")
    return [f"libc6 (>= {needed_glibc(bundle)})", *sorted(packages)]


def installed_size_kib(root: Path) -> int:
    return sum(p.stat().st_size for p in root.rglob("*") if p.is_file() and not p.is_symlink()) // 1024 + 1


def normalise_modes(root: Path) -> None:
    """Folders 0755, programs and libraries 0755, everything else 0644 (dpkg-deb makes them root's)."""
    for path in [root, *root.rglob("*")]:
        if path.is_symlink():
            continue
        if path.is_dir():
            path.chmod(0o755)
        else:
            path.chmod(0o755 if path.stat().st_mode & 0o111 else 0o644)


def render_icons(out: Path) -> None:
    subprocess.run([sys.executable, str(HERE / "make_icons.py"), str(out)], check=True, capture_output=True)


def build_tarball(bundle: Path, out: Path, ver: str, glibc: str) -> Path:
    target = out / f"{NAME}-{ver}-linux-x86_64.tar.gz"
    readme = (HERE / "linux" / "README.txt").read_text().replace("@VERSION@", ver).replace("@GLIBC@", glibc)
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "README.txt").write_text(readme)
        with tarfile.open(target, "w:gz", compresslevel=6) as tar:

            def owned_by_root(info: tarfile.TarInfo) -> tarfile.TarInfo:
                info.uid = info.gid = 0
                info.uname = info.gname = "root"
                return info

            tar.add(bundle, arcname=NAME, filter=owned_by_root)
            tar.add(Path(tmp) / "README.txt", arcname=f"{NAME}/README.txt", filter=owned_by_root)
    return target


def build_deb(bundle: Path, out: Path, ver: str) -> Path:
    arch = subprocess.run(["dpkg", "--print-architecture"], capture_output=True, text=True, check=True)
    architecture = arch.stdout.strip()
    target = out / f"{NAME}_{ver}_{architecture}.deb"
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "root"
        shutil.copytree(bundle, root / PREFIX, symlinks=True)
        (root / "usr" / "bin").mkdir(parents=True)
        os.symlink(f"/{PREFIX}/{NAME}", root / "usr" / "bin" / NAME)
        share = root / "usr" / "share"
        (share / "applications").mkdir(parents=True)
        shutil.copy(HERE / "linux" / f"{NAME}.desktop", share / "applications" / f"{NAME}.desktop")
        (share / "mime" / "packages").mkdir(parents=True)
        shutil.copy(HERE / "linux" / f"{NAME}-mime.xml", share / "mime" / "packages" / f"{NAME}.xml")
        icons = share / "icons" / "hicolor"
        pngs = Path(tmp) / "icons"
        render_icons(pngs)
        for png in sorted(pngs.glob("*.png")):
            folder = icons / png.stem / "apps"
            folder.mkdir(parents=True)
            shutil.copy(png, folder / f"{NAME}.png")
        (icons / "scalable" / "apps").mkdir(parents=True)
        shutil.copy(
            ROOT / "ui" / "resources" / "icons" / f"{NAME}.svg", icons / "scalable" / "apps" / f"{NAME}.svg"
        )
        doc = share / "doc" / NAME
        doc.mkdir(parents=True)
        (doc / "copyright").write_text(
            "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n"
            "Upstream-Name: MBC Vault\n\nFiles: *\nCopyright: MBC Vault contributors\n"
            "License: GPL-3.0-or-later\n On Debian systems the full text of the license is in\n"
            " /usr/share/common-licenses/GPL-3.\n"
        )
        control = root / "DEBIAN"
        control.mkdir()
        (control / "control").write_text(
            f"Package: {NAME}\nVersion: {ver}\nArchitecture: {architecture}\nMaintainer: {MAINTAINER}\n"
            f"Installed-Size: {installed_size_kib(root)}\nDepends: {', '.join(depends(bundle))}\n"
            f"Recommends: {', '.join(RECOMMENDS)}\nSection: utils\nPriority: optional\n"
            f"Description: {DESCRIPTION}\n"
        )
        normalise_modes(root)
        subprocess.run(
            ["dpkg-deb", "--root-owner-group", "-Zzstd", "-z9", "--build", str(root), str(target)],
            check=True,
            capture_output=True,
        )
    return target


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    bundle, out = Path(argv[0]).resolve(), Path(argv[1]).resolve()
    if not (bundle / NAME).is_file():
        print(f"{bundle} has no {NAME} program: run PyInstaller first (make package)", file=sys.stderr)
        return 1
    out.mkdir(parents=True, exist_ok=True)
    ver = version()
    size = sum(p.stat().st_size for p in bundle.rglob("*") if p.is_file() and not p.is_symlink())
    print(f"bundle: {bundle} ({size / 1e6:.0f} MB)")
    for made in (build_tarball(bundle, out, ver, needed_glibc(bundle)), build_deb(bundle, out, ver)):
        print(f"wrote {made} ({made.stat().st_size / 1e6:.0f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
