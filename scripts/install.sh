#!/bin/sh
# scripts/install.sh [PREFIX]: install litectl under PREFIX (default ~/.local):
#   PREFIX/bin/litectl                                   the launcher
#   PREFIX/lib/litectl/litectl.jar                       the jar (built with mvn if target/ has none)
#   PREFIX/share/bash-completion/completions/litectl     bash completion (bash-completion loads it on demand)
#   PREFIX/share/litectl/completions/litectl.{bash,zsh}  the completion scripts, to source from a shell's rc file
# then runs `litectl --version` once, so the first real command finds its start-up cache made.
# LITECTL_JAR names another jar to install. Uninstall: see README.md ("Install").
set -eu
root=$(cd "$(dirname "$0")/.." && pwd -P)
prefix=${1:-${HOME:?}/.local}
jar=${LITECTL_JAR:-$root/target/litectl.jar}
if [ ! -f "$jar" ]; then
  echo "install.sh: building $jar" >&2
  (cd "$root" && mvn -q -B -DskipTests package)
fi

mkdir -p "$prefix/bin" "$prefix/lib/litectl" "$prefix/share/bash-completion/completions" "$prefix/share/litectl/completions"
cp "$jar" "$prefix/lib/litectl/litectl.jar.new" && mv -f "$prefix/lib/litectl/litectl.jar.new" "$prefix/lib/litectl/litectl.jar"
cp "$root/litectl" "$prefix/bin/litectl.new" && chmod 755 "$prefix/bin/litectl.new" && mv -f "$prefix/bin/litectl.new" "$prefix/bin/litectl"
cp "$root/completions/litectl.bash" "$prefix/share/bash-completion/completions/litectl"
cp "$root/completions/litectl.bash" "$root/completions/litectl.zsh" "$prefix/share/litectl/completions/"

"$prefix/bin/litectl" --version | head -n 1
echo "installed under $prefix:"
echo "  bin/litectl, lib/litectl/litectl.jar, share/bash-completion/completions/litectl, share/litectl/completions/"
case ":${PATH:-}:" in *":$prefix/bin:"*) ;; *) echo "add $prefix/bin to PATH to run litectl" ;; esac
echo "zsh: add 'source $prefix/share/litectl/completions/litectl.zsh' to ~/.zshrc"
