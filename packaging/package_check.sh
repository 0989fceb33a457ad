#!/usr/bin/env bash
# `make package-check`: install the .deb built by `make package` (and unpack the tarball), then run the
# installed program as a person's computer would: outside the source tree, with HOME a new empty
# folder, a minimal environment (env -i) whose PATH has no Python and no .venv. It checks that
#  - every library of the bundle resolves (ldd), none from a Python installation or this tree;
#  - `mbc-vault self-check` passes, from the .deb and from the tarball, and while it runs no file is
#    opened from a Python installation, a .venv or the source tree (strace);
#  - the app starts under Xvfb: a screenshot of its first window, and of a vault's unlock screen
#    opened the way the desktop entry does (mbc-vault --open FOLDER/vault.json).
# The screenshots stay in build/package-check/ to be looked at. Needs root (dpkg -i).
set -euo pipefail
cd "$(dirname "$0")/.."
SOURCE=$(pwd)
DIST=${1:-dist}
DEB=$(ls "$DIST"/mbc-vault_*.deb)
TARBALL=$(ls "$DIST"/mbc-vault-*-linux-*.tar.gz)
OUT=$SOURCE/build/package-check
rm -rf "$OUT" && mkdir -p "$OUT"
WORK=$(mktemp -d /tmp/mbc-vault-package-check-XXXXXX)
trap 'rm -rf "$WORK"' EXIT
step() { printf '\n== %s\n' "$*"; }
fail() { echo "package-check FAILED: $*" >&2; exit 1; }

step "install $DEB"
if ! dpkg -i "$DEB" >"$WORK/dpkg.log" 2>&1; then
    cat "$WORK/dpkg.log"
    echo "dpkg -i left dependencies out; apt-get -f install brings them"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get -f install -y -qq >/dev/null
fi
[ "$(dpkg-query -W -f='${Status}' mbc-vault)" = "install ok installed" ] || fail "the package is not installed"
for f in /usr/bin/mbc-vault /usr/share/applications/mbc-vault.desktop /usr/share/mime/packages/mbc-vault.xml \
    /usr/share/icons/hicolor/16x16/apps/mbc-vault.png /usr/share/icons/hicolor/512x512/apps/mbc-vault.png \
    /usr/share/icons/hicolor/scalable/apps/mbc-vault.svg; do
    [ -e "$f" ] || fail "$f is missing"
done
if command -v desktop-file-validate >/dev/null; then desktop-file-validate /usr/share/applications/mbc-vault.desktop; fi
if command -v update-mime-database >/dev/null; then
    update-mime-database /usr/share/mime
    [ -f /usr/share/mime/application/x-mbc-vault.xml ] || fail "the MIME type application/x-mbc-vault is not known"
fi
echo "installed: $(dpkg-query -W -f='${Package} ${Version}, ${Installed-Size} KiB' mbc-vault)"

step "libraries: every one resolves, none from Python or this tree"
find /opt/mbc-vault -type f | while read -r f; do
    if [ "$(head -c4 "$f" | od -An -c | tr -d ' ')" = "177ELF" ]; then ldd "$f" 2>&1 | sed "s|^|$f: |"; fi
done >"$WORK/ldd.txt"
grep -v "libwayland-cursor.so.0 => not found\|libwayland-egl.so.1 => not found" "$WORK/ldd.txt" | grep "not found" && fail "a library is missing"
grep -E "=> (/usr/lib/python3|/usr/local/lib/python|$SOURCE|.*/\.venv/|.*/site-packages/|/root/\.pyenv)" "$WORK/ldd.txt" \
    && fail "a library resolves to a Python installation or the source tree"
echo "$(grep -c '=>' "$WORK/ldd.txt") library references checked"

# (pipelines end in grep -q only on short output: with pipefail, a writer cut off by grep would fail them)
# a PATH with the system's programs but no Python, pip or .venv: links to everything else
mkdir -p "$WORK/bin"
for f in /usr/local/bin/* /usr/bin/* /bin/*; do
    case $(basename "$f") in python* | pip* | pydoc* | 2to3* | idle* | pyenv* | virtualenv*) continue ;; esac
    [ -e "$WORK/bin/$(basename "$f")" ] || ln -s "$f" "$WORK/bin/$(basename "$f")"
done
ln -sf /usr/bin/mbc-vault "$WORK/bin/mbc-vault"
PLAIN_PATH=$WORK/bin
run_plain() { # run a command as a person's session would: new HOME, minimal environment, outside the tree
    local home=$1; shift
    (cd "$home" && env -i HOME="$home" PATH="$PLAIN_PATH" LANG=C.UTF-8 USER=person TMPDIR="$home/tmp" "$@")
}
env -i PATH="$PLAIN_PATH" sh -c 'command -v python3 || command -v python' && fail "python is on the minimal PATH"

step "self-check of the installed .deb (strace records every file it opens)"
H1=$WORK/home-deb && mkdir -p "$H1/tmp"
run_plain "$H1" strace -f -qq -e trace=open,openat,execve -o "$WORK/strace.txt" mbc-vault self-check | tee "$OUT/self-check-deb.txt"
grep -q "^Self-check passed" "$OUT/self-check-deb.txt" || fail "the self-check of the .deb failed"
# strace splits a call that another thread interrupts ("<unfinished ...>", then "<... openat resumed>"
# with its result): join them, so that a path tried and not found (ENOENT) is not taken for one opened
awk '/ <unfinished \.\.\.>$/ { line = $0; sub(/ <unfinished \.\.\.>$/, "", line); held[$1] = line; next }
/^[0-9]+ <\.\.\. [a-z0-9_]+ resumed>/ && ($1 in held) {
    rest = $0; sub(/^[0-9]+ <\.\.\. [a-z0-9_]+ resumed>/, "", rest); print held[$1] rest; delete held[$1]; next }
{ print }' "$WORK/strace.txt" >"$WORK/strace-joined.txt"
grep -v ENOENT "$WORK/strace-joined.txt" | grep -E "\"(/usr/lib/python3|/usr/local/lib/python|$SOURCE|[^\"]*/\.venv/|/root/\.pyenv)" \
    && fail "the installed program opened files of a Python installation or the source tree"
echo "opened $(grep -c -v ENOENT "$WORK/strace-joined.txt") files and programs, none from Python or the source tree"
[ -z "$(ls -A "$H1/tmp")" ] || fail "the self-check left files in its temporary folder: $(ls -A "$H1/tmp")"

step "self-check of the tarball, unpacked elsewhere"
H2=$WORK/home-tarball && mkdir -p "$H2/tmp" "$H2/Downloads"
tar -xzf "$TARBALL" -C "$H2/Downloads"
run_plain "$H2" "$H2/Downloads/mbc-vault/mbc-vault" self-check | tee "$OUT/self-check-tarball.txt"
grep -q "^Self-check passed" "$OUT/self-check-tarball.txt" || fail "the self-check of the tarball failed"

step "the app under Xvfb: its first window, then a vault opened from its vault.json"
H3=$WORK/home-app && mkdir -p "$H3/tmp"
XVFB=(xvfb-run -a -s "-screen 0 1280x900x24")
run_plain "$H3" "${XVFB[@]}" env MBC_VAULT_SCREENSHOT="$OUT/first-window.png" mbc-vault
printf 'fictional-check-passphrase\n' >"$H3/passphrase.txt"
run_plain "$H3" mbc-vault init "$H3/Family vault" --name "Check (fictional)" --passphrase-file "$H3/passphrase.txt" >/dev/null
if command -v gio >/dev/null; then # what a file manager does with a vault's vault.json
    kind=$(gio info -a standard::content-type "$H3/Family vault/vault.json")
    [[ $kind == *"application/x-mbc-vault"* ]] || fail "a vault's vault.json is not application/x-mbc-vault: $kind"
    handler=$(gio mime application/x-mbc-vault)
    [[ $handler == *"Default application"*"mbc-vault.desktop"* ]] || fail "vault.json does not open with the app: $handler"
    echo "a vault's vault.json is application/x-mbc-vault and opens with mbc-vault.desktop"
fi
run_plain "$H3" "${XVFB[@]}" env MBC_VAULT_SCREENSHOT="$OUT/unlock-window.png" mbc-vault --open "$H3/Family vault/vault.json"
for png in first-window unlock-window; do
    kind=$(file "$OUT/$png.png") && echo "$kind" >>"$OUT/screenshots.txt"
    [[ $kind == *"PNG image data"* ]] || fail "no screenshot $png.png: $kind"
done
echo "screenshots: $OUT/first-window.png, $OUT/unlock-window.png (look at them)"

step "remove the package"
dpkg -r mbc-vault >/dev/null 2>&1
echo "package-check passed"
