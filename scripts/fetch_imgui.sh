#!/usr/bin/env bash
# Fetches the Dear ImGui sources from Debian's source package at a pinned version, checks the
# tarball's SHA-256, and unpacks them to .deps/imgui. Debian's binary libimgui-dev has no core
# sources, so we take the source package, through a private apt configuration under .deps/apt that
# leaves the machine's own untouched. A second run finds the stamp and downloads nothing.
set -euo pipefail
cd "$(dirname "$0")/.."

version=1.90.1+ds-1     # Debian 13 "trixie" (stable): ImGui 1.90.1
orig=imgui_1.90.1+ds.orig.tar.xz
sha256=ecce377df0f90b292f15dcbd83d438bddc162b2388c881132bde18c787572a1c
target=.deps/imgui
stamp="$target/.debian-version"

if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$version" ]; then
  exit 0
fi

apt_dir=$PWD/.deps/apt
mkdir -p "$apt_dir/lists/partial" "$apt_dir/archives"
# The mirror comes from the machine's own apt configuration, never from this repository.
uri=$(grep -hs '^URIs:' /etc/apt/sources.list.d/*.sources | awk '{print $2}' | head -n 1)
[ -n "$uri" ] || uri=$(grep -hs '^deb ' /etc/apt/sources.list | awk '{print $2}' | head -n 1)
[ -n "$uri" ] || { echo "fetch_imgui: no Debian mirror found in the apt configuration" >&2; exit 1; }
echo "deb-src [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $uri trixie main" >"$apt_dir/sources.list"
apt_options=(-o "Dir::Etc::sourcelist=$apt_dir/sources.list" -o "Dir::Etc::sourceparts=-"
             -o "Dir::State::Lists=$apt_dir/lists" -o "APT::Sandbox::User=$(id -un)" -qq)

if [ ! -f "$apt_dir/archives/$orig" ] || ! echo "$sha256  $apt_dir/archives/$orig" | sha256sum -c --status; then
  echo "fetch_imgui: downloading Dear ImGui $version from Debian's source packages"
  apt-get "${apt_options[@]}" update
  (cd "$apt_dir/archives" && apt-get "${apt_options[@]}" source --download-only "imgui=$version")
fi
if ! echo "$sha256  $apt_dir/archives/$orig" | sha256sum -c --status; then
  echo "fetch_imgui: $orig does not have the pinned SHA-256; refusing to use it" >&2
  exit 1
fi

rm -rf "$target"
mkdir -p "$target"
tar -xJf "$apt_dir/archives/$orig" -C "$target" --strip-components=1
echo "$version" >"$stamp"
echo "fetch_imgui: Dear ImGui $version unpacked in $target"
