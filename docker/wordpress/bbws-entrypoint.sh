#!/usr/bin/env bash
# Entrypoint of the BBWS WordPress image. The document root (/var/www/html, the instance's EFS access
# point) gets core from the image when missing or of another version, the image's env-driven
# wp-config.php, and a wp-content/ seeded with the bundled themes and plugins (never overwritten).
# Then install-network.php creates the multisite network if needed and installs the platform agent, and
# the command (Apache) starts. Every step is idempotent; concurrent starts are serialized by the installer.
# The eight WordPress salts (WORDPRESS_AUTH_KEY ... WORDPRESS_NONCE_SALT) are required: production passes
# them, with BBWS_AGENT_SECRET and the database password, from the instance's Secrets Manager secret (ECS
# task definition `secrets`); wp-config.php refuses to load without them.
set -Eeuo pipefail

salt_names=(AUTH_KEY SECURE_AUTH_KEY LOGGED_IN_KEY NONCE_KEY AUTH_SALT SECURE_AUTH_SALT LOGGED_IN_SALT NONCE_SALT)

docroot="${BBWS_DOCROOT:-/var/www/html}"
image="${BBWS_IMAGE_CORE:-/usr/src/wordpress}"
share="${BBWS_SHARE_DIR:-/usr/local/share/bbws}"

sync_core() {
  if cmp -s "$image/wp-includes/version.php" "$docroot/wp-includes/version.php"; then
    return
  fi
  local version
  version="$(grep -o "wp_version = '[^']*'" "$image/wp-includes/version.php" | cut -d "'" -f 2)"
  echo >&2 "bbws-entrypoint: installing WordPress core $version into $docroot"
  tar --create --file - --directory "$image" --exclude ./wp-content --exclude ./wp-config.php . |
    tar --extract --file - --directory "$docroot" --no-same-owner --overwrite
}

seed_content() {
  local kind entry
  for kind in themes plugins mu-plugins uploads upgrade; do
    mkdir -p "$docroot/wp-content/$kind"
  done
  for kind in themes plugins; do
    for entry in "$image/wp-content/$kind"/*; do
      [ -e "$entry" ] || continue
      [ -e "$docroot/wp-content/$kind/$(basename "$entry")" ] || cp -R "$entry" "$docroot/wp-content/$kind/"
    done
  done
}

if [[ "${1:-}" == apache2* ]] || [ "${1:-}" = 'php-fpm' ]; then
  : "${BBWS_NETWORK_DOMAIN:?BBWS_NETWORK_DOMAIN must be the main site host of the network}"
  for salt in "${salt_names[@]}"; do
    var="WORDPRESS_$salt"
    if [ -z "${!var:-}" ]; then
      echo >&2 "bbws-entrypoint: $var is not set (the instance's WordPress salts come from its Secrets Manager secret)"
      exit 1
    fi
  done
  sync_core
  cp "$image/wp-config.php" "$docroot/wp-config.php"
  seed_content
  install=(--docroot="$docroot" --mu-plugins="$share/mu-plugins" --scheme="${BBWS_SITE_SCHEME:-https}"
    --wait-db="${BBWS_WAIT_DB_SECONDS:-120}")
  if [ -n "${BBWS_NETWORK_TITLE:-}" ]; then install+=(--title="$BBWS_NETWORK_TITLE"); fi
  if [ -n "${BBWS_ADMIN_EMAIL:-}" ]; then install+=(--admin-email="$BBWS_ADMIN_EMAIL"); fi
  php "$share/install-network.php" "${install[@]}"
fi

exec "$@"
