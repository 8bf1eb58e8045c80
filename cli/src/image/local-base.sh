#!/usr/bin/env bash
# Builds a local base image for jib:buildTar where no registry is reachable: a jlink'd Java runtime
# of this machine's JDK under /opt/java, as a docker-archive tar that Jib reads with tar://.
# usage: local-base.sh <output.tar>
set -euo pipefail
out="$1"
java_home="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}"
jlink="$java_home/bin/jlink"
[ -x "$jlink" ] || { echo "local-base: $jlink not found: a JDK (not a JRE) is needed" >&2; exit 3; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/root/opt" "$work/image"
# The modules ocmj and its libraries use (jdeps on the fat classpath finds these).
"$jlink" --add-modules java.base,java.logging,java.management,jdk.management,java.naming,java.net.http,java.sql,java.xml,java.desktop,jdk.crypto.ec,jdk.unsupported,jdk.httpserver,jdk.zipfs \
  --strip-debug --no-header-files --no-man-pages --output "$work/root/opt/java"
tar --sort=name --owner=0 --group=0 --numeric-owner --mtime=@0 -C "$work/root" -cf "$work/image/layer.tar" opt
case "$(uname -m)" in
  x86_64|amd64) arch=amd64 ;;
  aarch64|arm64) arch=arm64 ;;
  *) arch="$(uname -m)" ;;
esac
diff_id="$(sha256sum "$work/image/layer.tar" | cut -d' ' -f1)"
cat > "$work/image/config.json" <<JSON
{"architecture":"$arch","os":"linux","config":{"Env":["PATH=/opt/java/bin:/usr/local/bin:/usr/bin:/bin","JAVA_HOME=/opt/java"]},"rootfs":{"type":"layers","diff_ids":["sha256:$diff_id"]},"history":[{"created_by":"ocmj cli/src/image/local-base.sh (jlink)"}]}
JSON
cat > "$work/image/manifest.json" <<JSON
[{"Config":"config.json","RepoTags":["ocmj-local-base:latest"],"Layers":["layer.tar"]}]
JSON
mkdir -p "$(dirname "$out")"
tar -C "$work/image" -cf "$out" manifest.json config.json layer.tar
echo "local-base: $out ($(du -h "$out" | cut -f1))" >&2
