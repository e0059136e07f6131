#!/usr/bin/env bash
# Builds plancat as one self-contained executable and installs it as PREFIX/bin/plancat.
#
#   install.sh [--source DIR | --version REF [--repository URL] [--work DIR]] [--resolve] PREFIX
#
# The build is `swift build -c release --product plancat --static-swift-stdlib` (on macOS without
# --static-swift-stdlib: the Swift runtime is part of the OS there). It needs Swift 6 on PATH; the
# installed binary needs neither Swift nor its libraries.
#
#   --source DIR      the plancat source to build (default: the plancat this script belongs to)
#   --version REF     build a tag, branch or commit instead, from a clone of --repository
#   --repository URL  where to clone REF from (default: the --source directory, a git checkout)
#   --work DIR        where that clone goes (default: a temporary directory, removed afterwards)
#   --resolve         build nothing: print `source=`, `commit=` and `key=` lines (the cache key of the
#                     setup-plancat action) in the format of $GITHUB_OUTPUT
#
# The key names what decides the binary: the commit (or, for source without git, a hash of
# Package.swift and Sources/), the operating system and its version, the architecture and the Swift
# version. Docs/Install.md describes the whole procedure.
set -euo pipefail

usage() { sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//'; }
fail() { echo "install.sh: error: $*" >&2; exit 1; }

source_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd -P)"
version="" repository="" work="" resolve=0 prefix=""
while [ $# -gt 0 ]; do
  case "$1" in
    --source) source_dir="$2"; shift 2 ;;
    --version) version="$2"; shift 2 ;;
    --repository) repository="$2"; shift 2 ;;
    --work) work="$2"; shift 2 ;;
    --resolve) resolve=1; shift ;;
    -h|--help) usage; exit 0 ;;
    -*) fail "unknown option '$1' (see --help)" ;;
    *) [ -z "$prefix" ] || fail "more than one PREFIX: '$prefix' and '$1'"; prefix="$1"; shift ;;
  esac
done
[ -n "$prefix" ] || { usage >&2; exit 64; }
command -v swift >/dev/null || fail "swift is not on PATH; plancat builds with Swift 6 (https://swift.org/install)"

# --version: a clone of the repository, at REF.
if [ -n "$version" ]; then
  repository="${repository:-$source_dir}"
  if [ -z "$work" ]; then
    [ "$resolve" = 0 ] || fail "--resolve with --version needs --work DIR, where the clone stays for the build"
    work="$(mktemp -d)"
    trap 'rm -rf "$work"' EXIT
  fi
  source_dir="$work/plancat"
  if [ ! -d "$source_dir/.git" ]; then
    git clone --quiet --no-checkout "$repository" "$source_dir" || fail "cannot clone '$repository'"
  else
    git -C "$source_dir" fetch --quiet --tags origin || fail "cannot fetch from '$repository'"
  fi
  # A branch as the repository has it now (origin/…), else a tag or a commit.
  commit="$(git -C "$source_dir" rev-parse --verify --quiet "origin/$version^{commit}" \
            || git -C "$source_dir" rev-parse --verify --quiet "$version^{commit}")" \
    || fail "'$version' is not a tag, branch or commit of '$repository'"
  git -C "$source_dir" -c advice.detachedHead=false checkout --quiet --detach "$commit"
fi
[ -f "$source_dir/Package.swift" ] || fail "'$source_dir' is not plancat's source: it has no Package.swift"
source_dir="$(cd "$source_dir" && pwd -P)"

# The commit, as the build will record it for `plancat --version`: HEAD where the source is the top of its
# own git work tree. Otherwise (a source tarball) a hash of what is built stands for it in the key.
commit=""
if top="$(git -C "$source_dir" rev-parse --show-toplevel 2>/dev/null)" \
   && [ "$(cd "$top" && pwd -P)" = "$source_dir" ]; then
  commit="$(git -C "$source_dir" rev-parse --verify --quiet HEAD)" || commit=""
fi
if [ -n "$commit" ]; then
  identity="$commit"
else
  if command -v sha256sum >/dev/null; then digest() { sha256sum; }; else digest() { shasum -a 256; }; fi
  identity="tree-$(cd "$source_dir" && find Package.swift Sources -type f | LC_ALL=C sort \
                   | while IFS= read -r file; do digest < "$file"; done | digest | cut -c1-40)"
fi
system="$(uname -s | tr '[:upper:]' '[:lower:]')"
if [ -r /etc/os-release ]; then
  system="$system-$(. /etc/os-release && echo "${ID:-unknown}-${VERSION_ID:-unknown}")"
elif [ "$system" = darwin ]; then
  system="macos-$(sw_vers -productVersion 2>/dev/null || echo unknown)"
fi
swift_version="$(swift --version 2>/dev/null | sed -n 's/.*Swift version \([^ ]*\).*/\1/p' | head -n 1)"
key="plancat-$identity-$system-$(uname -m)-swift-${swift_version:-unknown}"

if [ "$resolve" = 1 ]; then
  printf 'source=%s\ncommit=%s\nkey=%s\n' "$source_dir" "$commit" "$key"
  exit 0
fi

static=(--static-swift-stdlib)
[ "$(uname -s)" = Darwin ] && static=()
echo "install.sh: building plancat ${commit:-(no commit known)} in $source_dir" >&2
(cd "$source_dir" && swift build -c release --product plancat "${static[@]}" >&2)
binary="$(cd "$source_dir" && swift build -c release --product plancat "${static[@]}" --show-bin-path)/plancat"

mkdir -p "$prefix/bin"
cp "$binary" "$prefix/bin/.plancat.installing"
chmod 755 "$prefix/bin/.plancat.installing"
mv -f "$prefix/bin/.plancat.installing" "$prefix/bin/plancat"
# The installed binary must run without Swift: no toolchain directory on PATH or in the environment.
installed="$(env -i PATH=/usr/bin:/bin "$prefix/bin/plancat" --version)" \
  || fail "the installed $prefix/bin/plancat does not run without the Swift toolchain"
echo "install.sh: installed $prefix/bin/plancat: $installed" >&2
