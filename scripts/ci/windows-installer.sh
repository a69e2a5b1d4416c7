#!/usr/bin/env bash
# The Windows installer installs, runs and uninstalls, under Wine: builds it with makensis from
# assets/windows/huimou.nsi around the huimou.exe that scripts/ci/windows-wine.sh built, installs
# it silently (/S), runs `check` and a screenshot from where it was installed, finds its
# Start-menu shortcut, the .ron association and its Apps & features entry, uninstalls it
# silently and checks that program, shortcut and registry entries are gone while the reader's
# settings stay; then once more with /REMOVESETTINGS, which removes them too. Needs Debian's
# nsis and what windows-wine.sh needs (`.ci/run` installs them).
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
exe="$root/target/x86_64-pc-windows-gnu/wine/huimou.exe"
[ -f "$exe" ] || { echo "no $exe: run scripts/ci/windows-wine.sh first"; exit 1; }
version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)
work=$(mktemp -d)
setup="$work/Huimou_${version}_x64-setup.exe"
makensis -V2 -DEXE="$exe" -DVERSION="$version" -DCOMPRESSOR=zlib -DOUTFILE="$setup" \
  assets/windows/huimou.nsi
echo "installer: $(basename "$setup"), $(du -m "$setup" | cut -f1) MB"

export WINEPREFIX="$work/wine" WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="
wineboot --init >/dev/null 2>&1 || true
x86_64-w64-mingw32-gcc -shared -O2 -o "$WINEPREFIX/drive_c/windows/system32/bcryptprimitives.dll" \
  scripts/ci/process-prng.c -ladvapi32
user_dir=$(ls -d "$WINEPREFIX"/drive_c/users/*/ | grep -v /Public/ | head -1)
installed="$user_dir/AppData/Local/Programs/Huimou"
shortcut="$user_dir/AppData/Roaming/Microsoft/Windows/Start Menu/Programs/Huimou/Huimou 回眸.lnk"
settings="$user_dir/AppData/Roaming/huimou"
fail() { echo "installer: $*"; exit 1; }
registered() { wine reg query "$1" >/dev/null 2>&1; }
# A registry key's values as Wine prints them. Read whole before they are searched: with
# pipefail, `… | tr | grep -q` failed whenever grep stopped reading early and tr died of the
# closed pipe (a CI run said ".ron is not associated" of a key that was there).
values() { wine reg query "$1" 2>&1 | tr -d '\r' || true; }

install() {
  wine "$setup" /S
  wineserver -w
  [ -f "$installed/huimou.exe" ] || fail "no huimou.exe in $installed"
  [ -f "$installed/uninstall.exe" ] || fail "no uninstaller"
  [ -f "$shortcut" ] || fail "no Start-menu shortcut"
  local ron command
  ron=$(values 'HKCU\Software\Classes\.ron')
  grep -q Huimou.Dataset <<<"$ron" || fail ".ron is not associated: $ron"
  command=$(values 'HKCU\Software\Classes\Huimou.Dataset\shell\open\command')
  grep -q 'huimou.exe" "%1"' <<<"$command" || fail "no open command for datasets: $command"
  registered 'HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\Huimou' ||
    fail "no Apps & features entry"
}

uninstall() {
  wine "$installed/uninstall.exe" /S "$@"
  # The uninstaller runs a copy of itself from the temporary folder: wait for it.
  wineserver -w
  [ ! -e "$installed" ] || fail "$installed is still there: $(ls "$installed")"
  [ ! -e "$(dirname "$shortcut")" ] || fail "the Start-menu folder is still there"
  ! registered 'HKCU\Software\Classes\.ron' || fail ".ron is still associated"
  ! registered 'HKCU\Software\Classes\Huimou.Dataset' || fail "Huimou.Dataset is still there"
  ! registered 'HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\Huimou' ||
    fail "the Apps & features entry is still there"
}

install
# What it installed runs: the command line, and a real window from the installed place.
said=$(cd "$installed" && LC_ALL=C wine ./huimou.exe check 'Z:'"$root"/data/chengdu-cast-review.ron 2>&1 | tr -d '\r')
grep -q "0 errors" <<<"$said" || fail "the installed check said: $said"
(cd "$installed" && wine ./huimou.exe screenshot --view 2 --out 'Z:'"$work"/installed.png \
  >"$work/screenshot.log" 2>&1) || { cat "$work/screenshot.log"; fail "no screenshot"; }
target/debug/examples/png_colors "$work/installed.png" 50
# The reader's settings and log (made by the run above, or made here) outlive an uninstall.
mkdir -p "$settings/data" && echo kept >"$settings/data/marker"
uninstall
[ -f "$settings/data/marker" ] || fail "the reader's settings were removed without asking"

install
uninstall /REMOVESETTINGS
[ ! -e "$settings" ] || fail "/REMOVESETTINGS left $settings"
rm -rf "$work"
echo "Windows installer: installed, ran check and a window, uninstalled (settings kept, then removed when asked)"
