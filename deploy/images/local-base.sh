#!/usr/bin/env bash
# Builds a base image for the services from the JDK installed here, as a `docker save` tarball
# that Jib takes as `tar://...`: for CI and offline builds, where no registry can be reached.
# A jlink runtime of the modules the services use, the few shared libraries it links against, a
# /tmp; no shell, no package manager. Production images use saldo.image.base instead
# (eclipse-temurin:25-jre by default).
#
#   deploy/images/local-base.sh OUT.tar [JDK_HOME]
set -euo pipefail
out="$1"
jdk="${2:-${JAVA_HOME:?set JAVA_HOME or pass the JDK}}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
root="$work/rootfs"
mkdir -p "$root/opt/java" "$root/tmp"
chmod 1777 "$root/tmp"
"$jdk/bin/jlink" --output "$root/opt/java/openjdk" --strip-debug --no-man-pages --no-header-files \
  --compress=zip-6 --add-modules \
  java.base,java.compiler,java.desktop,java.instrument,java.logging,java.management,java.naming,java.net.http,java.prefs,java.rmi,java.scripting,java.security.jgss,java.sql,java.xml,jdk.crypto.ec,jdk.jfr,jdk.management,jdk.naming.dns,jdk.net,jdk.unsupported,jdk.zipfs
# the C libraries the runtime links against, from this machine
# (the runtime's own libraries resolve to the rootfs and are in it already; the dynamic loader is
# the line without "=>"; [[:space:]], not \s, which mawk reads as a plain "s")
for lib in $(ldd "$root/opt/java/openjdk/bin/java" "$root/opt/java/openjdk/lib/server/libjvm.so" "$root"/opt/java/openjdk/lib/*.so 2>/dev/null \
    | awk '/=> \// {print $3} /^[[:space:]]*\/[^ ]*ld-linux/ {print $1}' | grep -v "^$root/" | sort -u); do
  mkdir -p "$root$(dirname "$lib")"
  cp -L "$lib" "$root$lib"
done
# deterministic: fixed times and owners, sorted entries
tar --sort=name --mtime='2026-01-01 00:00Z' --owner=0 --group=0 --numeric-owner -C "$root" -cf "$work/layer.tar" .
diff_id="sha256:$(sha256sum "$work/layer.tar" | cut -d' ' -f1)"
cat > "$work/config.json" <<JSON
{"architecture":"amd64","os":"linux","config":{"Env":["PATH=/opt/java/openjdk/bin:/usr/bin:/bin","JAVA_HOME=/opt/java/openjdk"]},"rootfs":{"type":"layers","diff_ids":["$diff_id"]},"history":[{"created_by":"deploy/images/local-base.sh from $(basename "$jdk")"}]}
JSON
config="$(sha256sum "$work/config.json" | cut -d' ' -f1).json"
mv "$work/config.json" "$work/$config"
printf '[{"Config":"%s","RepoTags":["saldo-base:local"],"Layers":["layer.tar"]}]\n' "$config" > "$work/manifest.json"
mkdir -p "$(dirname "$out")"
tar -C "$work" -cf "$out" manifest.json "$config" layer.tar
echo "$out: $(du -h "$out" | cut -f1), layer $diff_id"
