# Sourced by bin/soak and bin/load: builds what a measurement needs and starts the application for it.
# Never run on its own. Expects bin/env.sh to be sourced first.

# measure_prepare DIR MONITOR: builds target/tradepilot.jar when missing or stale (unless MEASURE_JAR names
# another build), compiles the test classes when the monitor's source (src/test/java/<MONITOR path>.java) is
# newer than its class, and writes the test class path to DIR/classpath.txt. Sets $jar.
measure_prepare() {
  local dir="$1" monitor="$2"
  jar="${MEASURE_JAR:-target/tradepilot.jar}"
  if [ -z "${MEASURE_JAR:-}" ] && { [ ! -f "$jar" ] || [ -n "$(find pom.xml src/main db -newer "$jar" -type f -print -quit)" ]; }; then
    echo "Building $jar..." >&2
    ./mvnw -B -q -DskipTests -Dvaadin.node.folder="$TRADEPILOT_NODE_BIN" package
  fi
  local source="src/test/java/${monitor//.//}.java" class="target/test-classes/${monitor//.//}.class"
  if [ ! -f "$class" ] || [ "$source" -nt "$class" ]; then
    ./mvnw -B -q -Dvaadin.node.folder="$TRADEPILOT_NODE_BIN" test-compile
  fi
  mkdir -p "$dir"
  if [ ! -f "$dir/classpath.txt" ] || [ pom.xml -nt "$dir/classpath.txt" ]; then
    ./mvnw -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$dir/classpath.txt" >&2
  fi
}

# measure_start_app DIR PORT PG_PORT REDIS_PORT PASSWORD HEAP [APP ARGS...]: starts $jar on an emptied
# DIR/data with embedded PostgreSQL and Redis on the given ports, listening on 127.0.0.1 only, the admin's
# password PASSWORD, heap HEAP, MEASURE_JAVA_OPTS and MEASURE_APP_ARGS (application arguments added after the
# script's own, e.g. another strategy's symbols); logs to DIR/app.log. Sets $app (its pid) and stops it
# (SIGTERM) when the calling script exits.
measure_start_app() {
  local dir="$1" port="$2" pg_port="$3" redis_port="$4" password="$5" heap="$6"
  shift 6
  rm -rf "$dir/data"
  TRADEPILOT_DATA_DIR="$dir/data" TRADEPILOT_EMBEDDED_PG_PORT="$pg_port" TRADEPILOT_EMBEDDED_REDIS_PORT="$redis_port" \
  TRADEPILOT_ADMIN_PASSWORD="$password" TRADEPILOT_DB_URL= TRADEPILOT_REDIS_URL= \
    java -Xmx"$heap" ${MEASURE_JAVA_OPTS:-} -jar "$jar" --server.port="$port" --server.address=127.0.0.1 "$@" ${MEASURE_APP_ARGS:-} \
      > "$dir/app.log" 2>&1 &
  app=$!
  trap measure_stop_app EXIT
}

measure_stop_app() {
  kill -TERM "$app" 2>/dev/null || return 0
  local code=0
  wait "$app" 2>/dev/null || code=$?
  echo "Application stopped (exit $code; 143 = ended by the SIGTERM sent here)" >&2
}

# measure_run MONITOR DIR [ARGS...]: runs the monitor class (from the test classes) in the foreground.
measure_run() {
  local monitor="$1" dir="$2"
  shift 2
  java -cp "target/test-classes:$(cat "$dir/classpath.txt")" "$monitor" "$@"
}

# A random password for the measured application's admin.
measure_password() {
  echo "measure-$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')"
}
