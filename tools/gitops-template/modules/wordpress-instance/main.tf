locals {
  name          = "${var.environment}-${var.slug}"
  host          = "${var.slug}.${var.domain_suffix}"
  database_name = "${var.slug}_db"
  database_user = "${var.slug}_user"
  salt_names = [
    "AUTH_KEY", "SECURE_AUTH_KEY", "LOGGED_IN_KEY", "NONCE_KEY",
    "AUTH_SALT", "SECURE_AUTH_SALT", "LOGGED_IN_SALT", "NONCE_SALT",
  ]
  tags = merge(var.tags, {
    Environment = var.environment
    Tenant      = var.slug
    ManagedBy   = "bbws-gitops"
  })
}

# Database credentials: one database and user per instance on the environment's shared RDS instance.
resource "random_password" "database" {
  length  = 32
  special = false
}

resource "aws_secretsmanager_secret" "db_credentials" {
  name                    = "${local.name}-db-credentials"
  recovery_window_in_days = var.environment == "prod" ? 30 : 0
  tags                    = local.tags
}

resource "aws_secretsmanager_secret_version" "db_credentials" {
  secret_id = aws_secretsmanager_secret.db_credentials.id
  secret_string = jsonencode(merge({
    host        = data.aws_db_instance.wordpress.address
    port        = data.aws_db_instance.wordpress.port
    dbname      = local.database_name
    username    = local.database_user
    password    = random_password.database.result
    agentSecret = random_password.agent.result
  }, { for name, salt in random_password.salt : name => salt.result }))
}

# The platform agent's HMAC key (the control plane reads it from this secret) and WordPress's salts.
resource "random_password" "agent" {
  length  = 64
  special = false
}

resource "random_password" "salt" {
  for_each = toset(local.salt_names)
  length   = 64
  special  = false
}

# wp-content on the environment's EFS file system, one root directory per instance.
resource "aws_efs_access_point" "wp_content" {
  file_system_id = data.aws_efs_file_system.wordpress.id

  posix_user {
    uid = 33
    gid = 33
  }

  root_directory {
    path = "/instances/${var.slug}/wp-content"
    creation_info {
      owner_uid   = 33
      owner_gid   = 33
      permissions = "0755"
    }
  }

  tags = merge(local.tags, { Name = "${local.name}-wp-content" })
}

resource "aws_cloudwatch_log_group" "instance" {
  name              = "/bbws/${var.environment}/instances/${var.slug}"
  retention_in_days = var.environment == "prod" ? 90 : 14
  tags              = local.tags
}
