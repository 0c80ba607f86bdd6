#!/usr/bin/env bash
# bbws-archive: the one-off task the platform runs (ECS RunTask with the instance service's task
# definition, command overridden) before it destroys an instance. It dumps the instance database
# (mariadb-dump, gzip) and tars the document root's wp-content/ (gzip), then PUTs each file to its
# presigned URL:
#   DATABASE_UPLOAD_URL  -> database.sql.gz     CONTENT_UPLOAD_URL -> wp-content.tar.gz
# with `Content-Type: application/gzip` (part of the signature). The database settings are the
# container's own (WORDPRESS_DB_HOST[:port], WORDPRESS_DB_NAME, WORDPRESS_DB_USER, WORDPRESS_DB_PASSWORD).
# Exit codes: 0 archived; 2 upload URLs missing; 22 an upload was refused (curl --fail); other non-zero
# when the dump or the tarball failed. The platform fails the deprovision (and destroys nothing) on any
# non-zero exit.
#
# What the task needs: no AWS permissions of its own (the presigned URLs carry the workers' s3:PutObject
# on archives/*, valid for an hour but never longer than the workers' role session); the service's
# network configuration (RunTask reuses its awsvpc subnets and security groups), so it reaches the
# database like the service does, plus HTTPS egress to S3 (an S3 gateway endpoint on the private
# subnets' route tables, or NAT); the EFS access point of the task definition for wp-content; ephemeral
# storage for both files (Fargate's 20 GiB default; raise `ephemeralStorage` for large networks).
set -Eeuo pipefail

if [ -z "${DATABASE_UPLOAD_URL:-}" ] || [ -z "${CONTENT_UPLOAD_URL:-}" ]; then
  echo >&2 'bbws-archive: DATABASE_UPLOAD_URL and CONTENT_UPLOAD_URL are required'
  exit 2
fi
: "${WORDPRESS_DB_HOST:?}" "${WORDPRESS_DB_NAME:?}" "${WORDPRESS_DB_USER:?}"

docroot="${BBWS_DOCROOT:-/var/www/html}"
work="$(mktemp -d "${TMPDIR:-/tmp}/bbws-archive.XXXXXX")"
trap 'rm -rf "$work"' EXIT

host="${WORDPRESS_DB_HOST%%:*}"
port=3306
if [[ "$WORDPRESS_DB_HOST" == *:* ]]; then port="${WORDPRESS_DB_HOST##*:}"; fi

# The password goes through an option file, never the command line (visible in the process list).
umask 077
password="${WORDPRESS_DB_PASSWORD:-}"
password="${password//\\/\\\\}"
printf '[client]\nhost=%s\nport=%s\nuser=%s\npassword="%s"\n' \
  "$host" "$port" "$WORDPRESS_DB_USER" "${password//\"/\\\"}" >"$work/client.cnf"

dump="$(command -v mariadb-dump || command -v mysqldump)"
"$dump" --defaults-extra-file="$work/client.cnf" --single-transaction --quick --hex-blob \
  --routines --triggers --default-character-set=utf8mb4 "$WORDPRESS_DB_NAME" |
  gzip -6 >"$work/database.sql.gz"
echo "bbws-archive: database $WORDPRESS_DB_NAME dumped ($(stat -c %s "$work/database.sql.gz") bytes gzipped)"

tar --create --gzip --file "$work/wp-content.tar.gz" --directory "$docroot" wp-content
echo "bbws-archive: wp-content archived ($(stat -c %s "$work/wp-content.tar.gz") bytes)"

upload() {
  curl --fail --silent --show-error --retry 3 --request PUT \
    --header 'Content-Type: application/gzip' --upload-file "$1" "$2"
  echo "bbws-archive: $3 uploaded"
}
upload "$work/database.sql.gz" "$DATABASE_UPLOAD_URL" database
upload "$work/wp-content.tar.gz" "$CONTENT_UPLOAD_URL" wp-content
