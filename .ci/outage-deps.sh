#!/usr/bin/env bash
# Dedicated Redis and MariaDB instances for the "dependencies failing under load" test, which kills and
# restarts them (the suites' shared instances are never touched). Every wait is a bounded poll.
#   .ci/outage-deps.sh redis-start   DIR PORT    start (or restart) Redis; returns once it answers PING
#   .ci/outage-deps.sh redis-kill    DIR PORT    SIGKILL it; returns once the port refuses
#   .ci/outage-deps.sh mariadb-init  DIR PORT    fresh datadir, start, user yaf/yaf-ci on 127.0.0.1
#   .ci/outage-deps.sh mariadb-start DIR PORT    start (or restart) MariaDB; returns once it answers
#   .ci/outage-deps.sh mariadb-kill  DIR PORT    SIGKILL it; returns once the process is gone
#   .ci/outage-deps.sh env           REDIS_DIR REDIS_PORT MARIADB_DIR MARIADB_PORT
#                                               prints the exports that point the test at both
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
cmd=$1

poll() { # poll TRIES COMMAND...: runs COMMAND every 0.1 s until it succeeds, at most TRIES times
  local tries=$1; shift
  for _ in $(seq 1 "$tries"); do "$@" > /dev/null 2>&1 && return 0; sleep 0.1; done
  return 1
}
redis_up() { [ "$(redis-cli -h 127.0.0.1 -p "$1" ping 2>/dev/null)" = PONG ]; }
port_refuses() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
mariadb_up() { mariadb-admin --no-defaults --protocol=tcp -h127.0.0.1 -P"$1" -uyaf -pyaf-ci ping; }
gone() { ! kill -0 "$1" 2>/dev/null; }

case "$cmd" in
  redis-start)
    dir=$2 port=$3
    mkdir -p "$dir"
    redis-server --daemonize yes --port "$port" --bind 127.0.0.1 --dir "$dir" --save '' --appendonly no \
      --pidfile "$dir/redis.pid" --logfile "$dir/redis.log"
    poll 100 redis_up "$port"
    ;;
  redis-kill)
    dir=$2 port=$3
    kill -9 "$(cat "$dir/redis.pid")"
    poll 100 port_refuses "$port"
    ;;
  mariadb-init)
    dir=$2 port=$3
    mkdir -p "$dir/data" "$dir/run"
    chown -R mysql:mysql "$dir"
    mariadb-install-db --no-defaults --user=mysql --datadir="$dir/data" \
      --auth-root-authentication-method=socket --skip-test-db > "$dir/install.log" 2>&1
    "$HERE/outage-deps.sh" mariadb-start-only "$dir" "$port"
    poll 300 mariadb-admin --no-defaults --socket="$dir/run/mysqld.sock" -uroot ping
    mariadb --no-defaults --socket="$dir/run/mysqld.sock" -uroot <<'SQL'
CREATE USER IF NOT EXISTS 'yaf'@'127.0.0.1' IDENTIFIED BY 'yaf-ci';
GRANT ALL PRIVILEGES ON *.* TO 'yaf'@'127.0.0.1';
FLUSH PRIVILEGES;
SQL
    poll 300 mariadb_up "$port"
    ;;
  mariadb-start-only)
    dir=$2 port=$3
    nohup mariadbd --no-defaults --user=mysql --datadir="$dir/data" --socket="$dir/run/mysqld.sock" \
      --pid-file="$dir/run/mysqld.pid" --port="$port" --bind-address=127.0.0.1 --skip-name-resolve \
      --innodb-buffer-pool-size=64M --log-error="$dir/error.log" > /dev/null 2>&1 &
    ;;
  mariadb-start)
    dir=$2 port=$3
    "$HERE/outage-deps.sh" mariadb-start-only "$dir" "$port"
    # crash recovery after a SIGKILL: allow 30 s
    poll 300 mariadb_up "$port"
    ;;
  mariadb-kill)
    dir=$2 port=$3
    pid=$(cat "$dir/run/mysqld.pid")
    kill -9 "$pid"
    poll 100 gone "$pid"
    ;;
  env)
    rdir=$2 rport=$3 mdir=$4 mport=$5
    self="$HERE/outage-deps.sh"
    cat <<ENV
export DB_CLIENT=mysql DB_HOST=127.0.0.1 DB_PORT=$mport DB_USER=yaf DB_PASSWORD=yaf-ci DB_NAME=yafoutage
export REDIS_URL=redis://127.0.0.1:$rport
export CI_REDIS_STOP_CMD='$self redis-kill $rdir $rport' CI_REDIS_START_CMD='$self redis-start $rdir $rport'
export CI_MARIADB_STOP_CMD='$self mariadb-kill $mdir $mport' CI_MARIADB_START_CMD='$self mariadb-start $mdir $mport'
ENV
    ;;
  *)
    echo "usage: $0 redis-start|redis-kill|mariadb-init|mariadb-start|mariadb-kill|env ..." >&2
    exit 2
    ;;
esac
