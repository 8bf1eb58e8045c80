#!/usr/bin/env bash
# Builds the pinned upstream binaries (kube-apiserver, kube-controller-manager, etcd, opa, helm) from their
# Go modules into ${OCMJ_CACHE:-~/.cache/ocmj}/bin/<name>-<version>. An existing binary is reused.
# A binary appears under its final name only after a complete build (built to a temp name, then mv).
#
# usage: build-binaries.sh [kube-apiserver|kube-controller-manager|etcd|opa|helm ...]   (default: all)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
versions="${OCMJ_BINARIES_PROPERTIES:-$here/binaries.properties}"
[ -f "$versions" ] || { echo "build-binaries: versions file not found: $versions" >&2; exit 2; }
prop() { sed -n "s/^$1=//p" "$versions" | tr -d '[:space:]'; }
K8S_VERSION="$(prop kubernetes.version)"
ETCD_VERSION="$(prop etcd.version)"
OPA_VERSION="$(prop opa.version)"
HELM_VERSION="$(prop helm.version)"

cache="${OCMJ_CACHE:-$HOME/.cache/ocmj}"
bindir="$cache/bin"
workroot="$cache/build"
mkdir -p "$bindir" "$workroot"

if ! command -v go >/dev/null 2>&1; then
  for candidate in ${OCMJ_GO_SEARCH_PATH-/usr/local/go/bin /usr/lib/go/bin}; do
    [ -x "$candidate/go" ] && PATH="$candidate:$PATH" && break
  done
fi
if ! command -v go >/dev/null 2>&1; then
  echo "build-binaries: the Go toolchain (go >= 1.26) is required to build kube-apiserver, etcd and opa," >&2
  echo "  but 'go' is not on PATH (also looked in: ${OCMJ_GO_SEARCH_PATH-/usr/local/go/bin /usr/lib/go/bin})." >&2
  exit 3
fi

export CGO_ENABLED=0
export GOFLAGS="-mod=mod"
export GOTOOLCHAIN=local

log() { echo "[build-binaries] $*" >&2; }

# One build at a time per cache: Maven and a test harness may both ask.
exec 9>"$cache/.build.lock"
if ! flock -n 9; then
  log "another build holds $cache/.build.lock; waiting for it"
  flock 9
fi

staging_modules() {
  # The k8s.io/* staging modules that k8s.io/kubernetes replaces with ./staging/src paths.
  local gomod
  gomod="$(go mod download -json "k8s.io/kubernetes@v$K8S_VERSION" | sed -n 's/^[[:space:]]*"GoMod": "\(.*\)",$/\1/p')"
  [ -n "$gomod" ] || { log "could not download k8s.io/kubernetes@v$K8S_VERSION"; return 1; }
  sed -n 's#^[[:space:]]*\(k8s\.io/[a-z0-9-]*\) => \./staging/src/.*#\1#p' "$gomod"
}

# wrapper <dir> <module-name>: a fresh wrapper module in dir
wrapper() {
  rm -rf "$1"; mkdir -p "$1"
  printf 'module %s\n\ngo 1.26.0\n' "$2" > "$1/go.mod"
}

k8s_ldflags() {
  local minor pkg flags="-s -w"
  minor="$(echo "$K8S_VERSION" | cut -d. -f2)"
  for pkg in k8s.io/component-base/version k8s.io/client-go/pkg/version; do
    flags="$flags -X '$pkg.gitVersion=v$K8S_VERSION' -X '$pkg.gitMajor=1' -X '$pkg.gitMinor=$minor'"
    flags="$flags -X '$pkg.gitCommit=0000000000000000000000000000000000000000' -X '$pkg.gitTreeState=clean'"
    flags="$flags -X '$pkg.buildDate=2026-01-01T00:00:00Z'"
  done
  echo "$flags"
}

build_k8s() {
  local dir="$workroot/k8s-$K8S_VERSION" minor m
  minor="$(echo "$K8S_VERSION" | cut -d. -f2)"
  wrapper "$dir" ocmj.io/build/k8s
  (
    cd "$dir"
    for m in $(staging_modules); do
      go mod edit -replace="$m=$m@v0.$minor.$(echo "$K8S_VERSION" | cut -d. -f3)"
    done
    go get -tool "k8s.io/kubernetes/cmd/kube-apiserver@v$K8S_VERSION" "k8s.io/kubernetes/cmd/kube-controller-manager@v$K8S_VERSION"
    # Upstream's own GODEBUG defaults, from its go.mod.
    gd="$(sed -n 's/^godebug default=//p' "$(go mod download -json "k8s.io/kubernetes@v$K8S_VERSION" | sed -n 's/^[[:space:]]*"GoMod": "\(.*\)",$/\1/p')")"
    [ -n "$gd" ] && go mod edit -godebug="default=$gd"
    mkdir -p out
    go build -trimpath -tags selinux,notest,grpcnotrace -ldflags "$(k8s_ldflags)" -o out/ \
      k8s.io/kubernetes/cmd/kube-apiserver k8s.io/kubernetes/cmd/kube-controller-manager
  )
  install_bin "$dir/out/kube-apiserver" "kube-apiserver-$K8S_VERSION"
  install_bin "$dir/out/kube-controller-manager" "kube-controller-manager-$K8S_VERSION"
}

build_etcd() {
  local dir="$workroot/etcd-$ETCD_VERSION"
  wrapper "$dir" ocmj.io/build/etcd
  (
    cd "$dir"
    go get -tool "go.etcd.io/etcd/server/v3@v$ETCD_VERSION"
    mkdir -p out
    go build -trimpath -ldflags "-s -w" -o out/etcd go.etcd.io/etcd/server/v3
  )
  install_bin "$dir/out/etcd" "etcd-$ETCD_VERSION"
}

build_opa() {
  local dir="$workroot/opa-$OPA_VERSION"
  wrapper "$dir" ocmj.io/build/opa
  (
    cd "$dir"
    go get -tool "github.com/open-policy-agent/opa@v$OPA_VERSION"
    mkdir -p out
    go build -trimpath -ldflags "-s -w -X github.com/open-policy-agent/opa/v1/version.Version=$OPA_VERSION" \
      -o out/opa github.com/open-policy-agent/opa
  )
  install_bin "$dir/out/opa" "opa-$OPA_VERSION"
}

build_helm() {
  local dir="$workroot/helm-$HELM_VERSION"
  wrapper "$dir" ocmj.io/build/helm
  (
    cd "$dir"
    go get -tool "helm.sh/helm/v3/cmd/helm@v$HELM_VERSION"
    # As helm's Makefile: the default .Capabilities.KubeVersion follows the client-go it is built
    # with (v0.37 -> 1.37), else charts with a kubeVersion constraint see Kubernetes 1.20.
    local kv minor flags
    kv="$(go list -f '{{.Version}}' -m k8s.io/client-go)"
    minor="$(echo "$kv" | cut -d. -f2)"
    flags="-s -w -X helm.sh/helm/v3/internal/version.version=v$HELM_VERSION"
    for pkg in helm.sh/helm/v3/pkg/lint/rules helm.sh/helm/v3/pkg/chartutil; do
      flags="$flags -X $pkg.k8sVersionMajor=1 -X $pkg.k8sVersionMinor=$minor"
    done
    mkdir -p out
    go build -trimpath -ldflags "$flags" -o out/helm helm.sh/helm/v3/cmd/helm
  )
  install_bin "$dir/out/helm" "helm-$HELM_VERSION"
}

install_bin() {
  local src="$1" name="$2"
  [ -s "$src" ] || { log "build produced no $src"; return 1; }
  cp "$src" "$bindir/.$name.partial"
  chmod 0755 "$bindir/.$name.partial"
  mv -f "$bindir/.$name.partial" "$bindir/$name"
}

# name -> builder, version
ensure() {
  local name="$1" version builder module
  case "$name" in
    kube-apiserver|kube-controller-manager) version="$K8S_VERSION"; builder=build_k8s; module="k8s.io/kubernetes@v$K8S_VERSION" ;;
    etcd) version="$ETCD_VERSION"; builder=build_etcd; module="go.etcd.io/etcd/server/v3@v$ETCD_VERSION" ;;
    opa) version="$OPA_VERSION"; builder=build_opa; module="github.com/open-policy-agent/opa@v$OPA_VERSION" ;;
    helm) version="$HELM_VERSION"; builder=build_helm; module="helm.sh/helm/v3@v$HELM_VERSION" ;;
    *) log "unknown binary '$name' (known: kube-apiserver kube-controller-manager etcd opa helm)"; return 2 ;;
  esac
  if [ -x "$bindir/$name-$version" ]; then
    log "$name $version: cached at $bindir/$name-$version"
    return 0
  fi
  log "$name $version: building from Go module $module with $(go version | cut -d' ' -f3) (a cold build can take 10-25 minutes on 2 cores)"
  local start=$SECONDS errlog="$workroot/$name-$version.log"
  # Not 'if ! builder': errexit is off inside a condition, and a failed 'go get' must stop the build.
  local rc=0
  set +e
  (set -e; "$builder") >"$errlog" 2>&1
  rc=$?
  set -e
  if [ "$rc" -ne 0 ]; then
    log "FAILED to build $name from $module. Go said (last 40 lines of $errlog):"
    tail -n 40 "$errlog" >&2
    return 1
  fi
  log "$name $version: built in $((SECONDS - start))s -> $bindir/$name-$version"
}

targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(etcd kube-apiserver kube-controller-manager opa helm)
for t in "${targets[@]}"; do ensure "$t"; done
