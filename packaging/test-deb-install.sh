#!/usr/bin/env bash
# test-deb-install.sh — install a finetune-studio .deb on a fresh, minimal Debian 12 and
# check that both programs run there.
#
#   sudo bash packaging/test-deb-install.sh build/release/finetune-studio_0.1.0_amd64.deb
#
# NOT part of CI or ctest: it needs root (debootstrap, chroot, mounts), network access to
# a Debian mirror and several minutes. Run it by hand after changing packaging/ or the
# libraries the programs link.
#
# What it does:
#   1. debootstrap --variant=minbase bookworm into $FT_DEB_ROOT (default /tmp/ft-deb12),
#      once; later runs reuse it (--fresh starts over). The mirror is the one this
#      machine's apt uses (override with FT_DEB_MIRROR).
#   2. mounts proc, sys, dev and dev/pts in it (a trap unmounts them on any exit),
#      removes any earlier finetune-studio there (with the packages it pulled in), then
#      `apt-get install ./finetune-studio_*.deb xvfb xauth` — the package's own
#      dependencies and the X server, nothing else, so a missing Depends shows up.
#   3. finetune --version, finetune info, project init + data import + split + stats on
#      the installed sample dataset.
#   4. finetune-studio under xvfb-run: it must stay up for $FT_GUI_SECONDS (default 20)
#      and show its main window; then a picture of the window (the app's --screenshot)
#      goes to $FT_SHOTS/installed-gui.png (default /tmp/shots-deb).
#   5. only then installs desktop-file-utils and appstream in the root, validates the
#      installed .desktop file and AppStream metainfo, and removes them again.
# Exit status 0 when every check passed; the first failure stops it.
set -euo pipefail

fresh=0
if [ "${1:-}" = "--fresh" ]; then fresh=1; shift; fi
if [ $# -ne 1 ] || [ ! -f "$1" ]; then
    echo "usage: sudo $0 [--fresh] path/to/finetune-studio_VERSION_amd64.deb" >&2
    exit 2
fi
if [ "$(id -u)" -ne 0 ]; then
    echo "$0: needs root (debootstrap, chroot, mount)" >&2
    exit 2
fi

deb=$(readlink -f "$1")
root=${FT_DEB_ROOT:-/tmp/ft-deb12}
shots=${FT_SHOTS:-/tmp/shots-deb}
gui_seconds=${FT_GUI_SECONDS:-20}
if [ -z "${FT_DEB_MIRROR:-}" ]; then
    # The first Debian mirror apt is configured with here (deb822 or one-line format).
    FT_DEB_MIRROR=$(grep -hsE '^(URIs:|deb )' /etc/apt/sources.list.d/*.sources \
                        /etc/apt/sources.list.d/*.list /etc/apt/sources.list |
                    grep -oE 'https?://[^ ]*/debian/?' | grep -v security | head -n1 || true)
    FT_DEB_MIRROR=${FT_DEB_MIRROR:-http://deb.debian.org/debian}
fi

step() { printf '\n== %s\n' "$*"; }
in_root() { chroot "$root" /usr/bin/env -i HOME=/root PATH=/usr/sbin:/usr/bin:/sbin:/bin \
                LANG=C.UTF-8 DEBIAN_FRONTEND=noninteractive "$@"; }

mounted=()
xvfb_pid=
cleanup() {
    local i
    [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null
    for ((i = ${#mounted[@]} - 1; i >= 0; i--)); do
        umount "${mounted[$i]}" 2>/dev/null || umount -l "${mounted[$i]}" 2>/dev/null || true
    done
}
trap cleanup EXIT INT TERM
mount_in_root() {  # mount_in_root TARGET mount-args...
    local target=$root/$1
    shift
    mountpoint -q "$target" && return 0
    mkdir -p "$target"
    mount "$@" "$target"
    mounted+=("$target")
}

command -v debootstrap >/dev/null || { echo "$0: install debootstrap first (apt-get install debootstrap)" >&2; exit 2; }

if [ "$fresh" = 1 ] && [ -d "$root" ]; then
    step "removing the old root $root"
    for m in dev/pts dev sys proc; do umount "$root/$m" 2>/dev/null || true; done
    rm -rf --one-file-system "$root"
fi
if [ ! -f "$root/.ft-bootstrapped" ]; then
    step "debootstrap bookworm (minbase) into $root from $FT_DEB_MIRROR"
    rm -rf --one-file-system "$root"
    debootstrap --variant=minbase bookworm "$root" "$FT_DEB_MIRROR"
    cat > "$root/etc/apt/sources.list" <<EOF
deb $FT_DEB_MIRROR bookworm main
deb $FT_DEB_MIRROR bookworm-updates main
deb http://deb.debian.org/debian-security bookworm-security main
EOF
    touch "$root/.ft-bootstrapped"
fi

mount_in_root proc -t proc proc
mount_in_root sys -t sysfs sysfs
mount_in_root dev --bind /dev
mount_in_root dev/pts --bind /dev/pts
cp -L /etc/resolv.conf "$root/etc/resolv.conf"

step "installing $(basename "$deb") with its dependencies, xvfb and xauth"
rm -f "$root"/tmp/finetune-studio_*.deb
cp "$deb" "$root/tmp/"
debname=$(basename "$deb")
in_root apt-get update -q
# shellcheck disable=SC2016  # ${Status} is dpkg-query's, not the shell's
if in_root dpkg-query -W -f='${Status}' finetune-studio 2>/dev/null | grep -q 'ok installed'; then
    # With the dependencies it pulled in, so each run installs them again from Depends.
    in_root apt-get purge -y -q --autoremove finetune-studio
fi
in_root apt-get install -y -q --no-install-recommends "/tmp/$debname" xvfb xauth
in_root dpkg -s finetune-studio | grep -E '^(Version|Installed-Size|Depends|Recommends):'

step "files in place"
for f in /usr/bin/finetune /usr/bin/finetune-studio \
         /usr/share/applications/finetune-studio.desktop \
         /usr/share/metainfo/studio.finetune.FinetuneStudio.metainfo.xml \
         /usr/share/icons/hicolor/48x48/apps/finetune-studio.png \
         /usr/share/icons/hicolor/scalable/apps/finetune-studio.svg \
         /usr/share/finetune-studio/samples/support-tickets.csv \
         /usr/share/doc/finetune-studio/copyright; do
    [ -e "$root$f" ] || { echo "missing: $f" >&2; exit 1; }
    echo "ok  $f"
done
for b in finetune finetune-studio; do
    if in_root ldd "/usr/bin/$b" | grep 'not found'; then
        echo "unresolved libraries in /usr/bin/$b" >&2
        exit 1
    fi
done

step "command-line tool"
in_root finetune --version
in_root finetune info
in_root rm -rf /tmp/p
in_root finetune project init /tmp/p
in_root finetune data import --project /tmp/p \
    --input /usr/share/finetune-studio/samples/support-tickets.csv \
    --text-column text --label-column intent
in_root finetune data split --project /tmp/p
in_root finetune data stats --project /tmp/p

step "desktop application under Xvfb for ${gui_seconds} s"
in_root rm -rf /root/.config/finetune-studio /root/.local/share/finetune-studio
in_root sh -c 'Xvfb :77 -screen 0 1400x900x24 -nolisten tcp >/tmp/xvfb.log 2>&1 &
               echo $! >/tmp/xvfb.pid'
xvfb_pid=$(cat "$root/tmp/xvfb.pid")
sleep 3
# timeout's status 124 means the application was still running when the time was up.
set +e
in_root env DISPLAY=:77 timeout "$gui_seconds" finetune-studio --sample >"$root/tmp/gui.log" 2>&1
rc=$?
set -e
kill "$xvfb_pid" 2>/dev/null || true
xvfb_pid=
echo "--- its output:"
cat "$root/tmp/gui.log"
if [ "$rc" -ne 124 ]; then
    echo "finetune-studio exited with status $rc before ${gui_seconds} s were up" >&2
    exit 1
fi
echo "still running after ${gui_seconds} s"

mkdir -p "$shots"
in_root rm -f /tmp/installed-gui.png
in_root xvfb-run -a -s '-screen 0 1400x900x24' finetune-studio --sample --size 1400x880 \
    --delay 3000 --screenshot /tmp/installed-gui.png
cp "$root/tmp/installed-gui.png" "$shots/installed-gui.png"
echo "screenshot: $shots/installed-gui.png"

step "validating the installed desktop file and metainfo"
in_root apt-get install -y -q --no-install-recommends desktop-file-utils appstream
in_root desktop-file-validate /usr/share/applications/finetune-studio.desktop
in_root appstreamcli validate --no-net /usr/share/metainfo/studio.finetune.FinetuneStudio.metainfo.xml
# Keep the root at "package + Xvfb" for the next run.
in_root apt-get purge -y -q --autoremove desktop-file-utils appstream

step "all checks passed"
