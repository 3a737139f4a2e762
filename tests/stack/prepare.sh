#!/usr/bin/env bash
# Prepare this machine to run compose.prod.yml when Docker Hub cannot be reached.
#
# On a connected machine with Docker this only pulls the base images and
# changes nothing else. Elsewhere it installs Docker Engine from Debian's
# archive, starts dockerd and adds the Compose and buildx CLI plugins from the
# next Debian release. Each base image that cannot be pulled gets a stand-in,
# built under the very name the product pins. The stand-ins live in
# tests/stack/standins/ and implement only what the stack uses.
#
# Run as root. A second run reuses everything and takes a few seconds.
set -euo pipefail

repo=$(cd "$(dirname "$0")/../.." && pwd)
standins="$repo/tests/stack/standins"
cache=${GOBAN_STANDIN_CACHE:-/var/cache/goban-standins}
mirror=${GOBAN_DEBIAN_MIRROR:-http://deb.debian.org/debian}
dockerd_log=${GOBAN_DOCKERD_LOG:-/var/log/goban-dockerd.log}
pull_timeout=${GOBAN_PULL_TIMEOUT:-30}

# The base images the product pins, each with the stand-in folder that replaces
# it and the Debian release its root file system comes from. Keep these names
# in step with the FROM lines of deploy/*.Dockerfile, nginx/Dockerfile and the
# postgres image of compose.prod.yml.
images=(
    "python:3.11-slim-bookworm python bookworm"
    "postgres:15-bookworm postgres bookworm"
    "nginx:1.27-bookworm nginx bookworm"
    # Bookworm's nodejs is 18 and Vite 7 needs 20.19, so the node stand-in
    # comes from trixie, whose nodejs is 20.19.
    "node:20-bookworm-slim node trixie"
)

log() { echo "prepare: $*" >&2; }

die() {
    log "error: $*"
    exit 1
}

apt_install() {
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "$@" >&2
}

# Install Docker Engine from Debian unless a daemon binary is already there.
ensure_engine() {
    if command -v dockerd >/dev/null; then
        return
    fi
    log "installing Docker Engine (docker.io) from Debian"
    apt-get update >&2
    apt_install docker.io
}

# Start dockerd in the background unless a daemon already responds.
ensure_daemon() {
    if docker info >/dev/null 2>&1; then
        return
    fi
    log "starting dockerd, log in $dockerd_log, process id in /var/run/docker.pid"
    # In a session of its own, so it outlives the shell or CI job that started it.
    setsid dockerd >>"$dockerd_log" 2>&1 </dev/null &
    local deadline=$((SECONDS + 60))
    until docker info >/dev/null 2>&1; do
        if ((SECONDS > deadline)); then
            die "dockerd did not answer within 60 s; see $dockerd_log"
        fi
        sleep 1
    done
}

# Install the Compose v2 and buildx plugins from trixie's docker-compose and
# docker-buildx packages. Bookworm has neither. A private apt configuration
# directory keeps the host's sources, lists and caches untouched.
ensure_plugins() {
    if docker compose version >/dev/null 2>&1 && docker buildx version >/dev/null 2>&1; then
        return
    fi
    log "installing the Compose and buildx plugins from Debian trixie"
    local apt_dir="$cache/apt-trixie"
    mkdir -p "$apt_dir/lists/partial" "$apt_dir/cache/archives/partial" "$apt_dir/debs" "$apt_dir/sources.list.d"
    echo "deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $mirror trixie main" \
        >"$apt_dir/sources.list"
    local apt_private=(
        -o "Dir::Etc::SourceList=$apt_dir/sources.list"
        -o "Dir::Etc::SourceParts=$apt_dir/sources.list.d"
        -o "Dir::State::Lists=$apt_dir/lists"
        -o "Dir::Cache=$apt_dir/cache"
    )
    apt-get "${apt_private[@]}" update >&2
    (cd "$apt_dir/debs" && apt-get "${apt_private[@]}" download docker-compose docker-buildx >&2)
    # The packages depend only on libc, which bookworm's satisfies.
    dpkg -i "$apt_dir"/debs/docker-compose_*.deb "$apt_dir"/debs/docker-buildx_*.deb >&2
    docker compose version >&2
    docker buildx version >&2
}

# Write the debootstrap root file system of a Debian release to a tarball in
# the cache and import it as goban-standin/base:RELEASE.
ensure_base_image() {
    local release=$1
    local name="goban-standin/base:$release"
    if docker image inspect "$name" >/dev/null 2>&1; then
        return
    fi
    local tarball="$cache/rootfs-$release.tar"
    if [[ ! -s $tarball ]]; then
        if ! command -v debootstrap >/dev/null; then
            apt-get update >&2
            apt_install debootstrap
        fi
        local root="$cache/rootfs-$release"
        log "debootstrapping $release into $root"
        rm -rf "$root"
        debootstrap --variant=minbase "$release" "$root" "$mirror" >&2
        write_apt_sources "$release" >"$root/etc/apt/sources.list"
        tune_rootfs "$root"
        tar -C "$root" -cf "$tarball.partial" .
        mv "$tarball.partial" "$tarball"
        rm -rf "$root"
    fi
    log "importing $tarball as $name"
    docker import "$tarball" "$name" >&2
}

# Make the root file system behave like Debian's container images: services are
# not started when their package is installed, and documentation is not
# unpacked, which keeps the stand-ins as small as the official slim images.
tune_rootfs() {
    local root=$1
    printf '#!/bin/sh\nexit 101\n' >"$root/usr/sbin/policy-rc.d"
    chmod 755 "$root/usr/sbin/policy-rc.d"
    cat >"$root/etc/dpkg/dpkg.cfg.d/excludes" <<'EXCLUDES'
path-exclude /usr/share/doc/*
path-include /usr/share/doc/*/copyright
path-exclude /usr/share/man/*
path-exclude /usr/share/info/*
path-exclude /usr/share/locale/*
path-include /usr/share/locale/locale.alias
EXCLUDES
    rm -rf "$root"/usr/share/doc/* "$root"/usr/share/man/* "$root"/usr/share/info/*
    find "$root/usr/share/locale" -mindepth 1 -maxdepth 1 ! -name locale.alias -exec rm -rf {} +
    # Downloaded packages and apt's binary caches are dropped after each
    # install, so they never stay in an image layer.
    cat >"$root/etc/apt/apt.conf.d/docker-clean" <<'APTCLEAN'
DPkg::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };
APT::Update::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };
Dir::Cache::pkgcache "";
Dir::Cache::srcpkgcache "";
APTCLEAN
    rm -rf "$root"/var/cache/apt/*.bin "$root"/var/cache/apt/archives/*.deb "$root"/var/lib/apt/lists/*
}

write_apt_sources() {
    local release=$1
    echo "deb $mirror $release main"
    echo "deb $mirror $release-updates main"
    echo "deb ${mirror%/debian}/debian-security $release-security main"
}

# Pull IMAGE, or build its stand-in under the same name when the pull fails.
# An image already present, real or stand-in, is kept.
ensure_image() {
    local image=$1 folder=$2 release=$3
    if docker image inspect "$image" >/dev/null 2>&1; then
        return
    fi
    log "pulling $image (at most ${pull_timeout} s)"
    if timeout "$pull_timeout" docker pull --quiet "$image" >&2; then
        return
    fi
    log "cannot pull $image; building a stand-in from tests/stack/standins/$folder"
    ensure_base_image "$release"

    # The build context is a copy of the stand-in folder plus the host's extra
    # certificate authorities, which the stand-in adds to its system store.
    local context="$cache/context-$folder"
    rm -rf "$context"
    cp -r "$standins/$folder" "$context"
    mkdir -p "$context/ca-certificates"
    if compgen -G "/usr/local/share/ca-certificates/*.crt" >/dev/null; then
        cp /usr/local/share/ca-certificates/*.crt "$context/ca-certificates/"
    fi
    docker build --build-arg "BASE=goban-standin/base:$release" --tag "$image" "$context" >&2
    rm -rf "$context"
}

# Fail early when a product file pins a base image that has no entry above.
check_pins() {
    local known=" " entry image
    for entry in "${images[@]}"; do
        known+="${entry%% *} "
    done
    for image in $(sed -n 's/^FROM \([^ ]*\).*/\1/p' "$repo"/deploy/*.Dockerfile "$repo"/nginx/Dockerfile) \
        $(sed -n 's/^ *image: \(postgres:[^ ]*\)$/\1/p' "$repo/compose.prod.yml"); do
        [[ $known == *" $image "* ]] || die "$image is pinned by the product but has no stand-in in $0"
    done
}

main() {
    [[ $EUID -eq 0 ]] || die "run as root: it installs packages and starts dockerd"
    check_pins
    mkdir -p "$cache"
    ensure_engine
    ensure_daemon
    ensure_plugins
    local entry
    for entry in "${images[@]}"; do
        # shellcheck disable=SC2086  # each entry is three words on purpose
        ensure_image $entry
    done
    log "ready: $(docker version --format 'engine {{.Server.Version}}'), $(docker compose version --short | sed 's/^/compose /')"
}

main "$@"
