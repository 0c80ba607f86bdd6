#!/usr/bin/env bash
# Ensures the OS packages of the local WordPress runtime: PHP CLI with the extensions WordPress needs,
# the MariaDB server binaries and WordPress core + themes (Debian packages), and tmux, the real terminal
# the CLI's end-to-end test renders `bbws` progress in (TEST_PACKAGES). Idempotent and fast when
# everything is present. Never leaves the distribution's own MariaDB service running: the runtime starts
# one server per data directory itself.
set -euo pipefail

PACKAGES=(php-cli php-mysql php-xml php-mbstring php-zip php-gd php-intl php-curl mariadb-server wordpress
  wordpress-theme-twentytwentythree wordpress-theme-twentytwentytwo)
TEST_PACKAGES=(tmux)
PHP_EXTENSIONS=(mysqli xml mbstring zip gd intl curl)
WP_CORE="${BBWS_WORDPRESS_CORE:-/usr/share/wordpress}"
INSTALL_COMMAND="apt-get update && apt-get install -y --no-install-recommends ${PACKAGES[*]} ${TEST_PACKAGES[*]}"

missing_parts() {
  local missing=()
  if command -v php >/dev/null 2>&1; then
    local modules
    modules="$(php -m 2>/dev/null | tr '[:upper:]' '[:lower:]')"
    for ext in "${PHP_EXTENSIONS[@]}"; do
      grep -qx "$ext" <<<"$modules" || missing+=("php-$ext")
    done
  else
    missing+=(php)
  fi
  for bin in mariadbd mariadb-install-db mariadb; do
    command -v "$bin" >/dev/null 2>&1 || [ -x "/usr/sbin/$bin" ] || missing+=("$bin")
  done
  [ -f "$WP_CORE/wp-includes/version.php" ] || missing+=(wordpress)
  for theme in twentytwentythree twentytwentytwo; do
    [ -f "$WP_CORE/wp-content/themes/$theme/style.css" ] || missing+=("wordpress-theme-$theme")
  done
  for bin in "${TEST_PACKAGES[@]}"; do
    command -v "$bin" >/dev/null 2>&1 || missing+=("$bin")
  done
  echo "${missing[*]:-}"
}

stop_system_mariadb() {
  # The package's post-install may start the distribution's server (when no policy-rc.d forbids it).
  if [ -x /etc/init.d/mariadb ]; then /etc/init.d/mariadb stop >/dev/null 2>&1 || true; fi
  if command -v systemctl >/dev/null 2>&1 && [ -d /run/systemd/system ]; then
    systemctl stop mariadb >/dev/null 2>&1 || true
    systemctl disable mariadb >/dev/null 2>&1 || true
  fi
  local pid_file=/run/mysqld/mysqld.pid
  if [ -f "$pid_file" ]; then
    local pid
    pid="$(cat "$pid_file")"
    if kill -0 "$pid" 2>/dev/null; then
      kill "$pid" 2>/dev/null || true
      for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    fi
  fi
}

install_packages() {
  local run=()
  if [ "$(id -u)" -ne 0 ]; then run=(sudo); fi
  local policy=/usr/sbin/policy-rc.d created_policy=0
  if [ ! -e "$policy" ]; then
    "${run[@]}" sh -c "printf '#!/bin/sh\nexit 101\n' > $policy && chmod 755 $policy"
    created_policy=1
  fi
  local status=0
  {
    "${run[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq -o DPkg::Lock::Timeout=600 &&
      "${run[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
        -o DPkg::Lock::Timeout=600 "${PACKAGES[@]}" "${TEST_PACKAGES[@]}"
  } >&2 || status=$?
  if [ "$created_policy" -eq 1 ]; then "${run[@]}" rm -f "$policy"; fi
  "${run[@]}" bash -c "$(declare -f stop_system_mariadb); stop_system_mariadb"
  if [ "$status" -ne 0 ]; then
    echo "Installing the local WordPress runtime's OS packages failed; as root run: $INSTALL_COMMAND" >&2
    exit 1
  fi
}

missing="$(missing_parts)"
if [ -z "$missing" ]; then exit 0; fi
if [ "$(id -u)" -ne 0 ] && ! { command -v sudo >/dev/null 2>&1 && { sudo -n true 2>/dev/null || [ -t 0 ]; }; }; then
  echo "The local WordPress runtime needs OS packages (missing: $missing); as root run: $INSTALL_COMMAND" >&2
  exit 1
fi
echo "Installing OS packages for the local WordPress runtime (missing: $missing)" >&2
install_packages
missing="$(missing_parts)"
if [ -n "$missing" ]; then
  echo "The local WordPress runtime still misses $missing after installing; as root run: $INSTALL_COMMAND" >&2
  exit 1
fi
