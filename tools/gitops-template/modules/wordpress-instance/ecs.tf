locals {
  wordpress_environment = [
    { name = "WORDPRESS_VERSION", value = var.wordpress_version },
    { name = "BBWS_NETWORK_DOMAIN", value = local.host },
  ]
  # Each variable the image's wp-config.php reads, from one key of the instance's secret.
  secret_keys = merge({
    WORDPRESS_DB_HOST     = "host"
    WORDPRESS_DB_NAME     = "dbname"
    WORDPRESS_DB_USER     = "username"
    WORDPRESS_DB_PASSWORD = "password"
    BBWS_AGENT_SECRET     = "agentSecret"
  }, { for name in local.salt_names : "WORDPRESS_${name}" => name })
  wordpress_secrets = [
    for variable, key in local.secret_keys :
    { name = variable, valueFrom = "${aws_secretsmanager_secret.db_credentials.arn}:${key}::" }
  ]
  log_configuration = {
    logDriver = "awslogs"
    options = {
      awslogs-group         = aws_cloudwatch_log_group.instance.name
      awslogs-region        = data.aws_region.current.name
      awslogs-stream-prefix = "wordpress"
    }
  }
  wp_content_volume = "wp-content"
}

resource "aws_ecs_task_definition" "wordpress" {
  family                   = "${local.name}-wordpress"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = var.cpu
  memory                   = var.memory
  execution_role_arn       = data.aws_iam_role.task_execution.arn
  task_role_arn            = data.aws_iam_role.task.arn

  volume {
    name = local.wp_content_volume
    efs_volume_configuration {
      file_system_id     = data.aws_efs_file_system.wordpress.id
      transit_encryption = "ENABLED"
      authorization_config {
        access_point_id = aws_efs_access_point.wp_content.id
        iam             = "ENABLED"
      }
    }
  }

  container_definitions = jsonencode([{
    name             = "wordpress"
    image            = var.wordpress_image
    essential        = true
    portMappings     = [{ containerPort = var.container_port, protocol = "tcp" }]
    environment      = local.wordpress_environment
    secrets          = local.wordpress_secrets
    mountPoints      = [{ sourceVolume = local.wp_content_volume, containerPath = "/var/www/html/wp-content" }]
    logConfiguration = local.log_configuration
  }])

  tags = local.tags
}

resource "aws_ecs_service" "wordpress" {
  name                               = "${local.name}-service"
  cluster                            = data.aws_ecs_cluster.environment.arn
  task_definition                    = aws_ecs_task_definition.wordpress.arn
  desired_count                      = var.desired_count
  launch_type                        = "FARGATE"
  deployment_minimum_healthy_percent = 100
  deployment_maximum_percent         = 200
  health_check_grace_period_seconds  = 120
  propagate_tags                     = "SERVICE"

  network_configuration {
    subnets          = data.aws_subnets.private.ids
    security_groups  = [data.aws_security_group.tasks.id]
    assign_public_ip = false
  }

  load_balancer {
    target_group_arn = aws_lb_target_group.wordpress.arn
    container_name   = "wordpress"
    container_port   = var.container_port
  }

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  # Scale, suspend and park change the desired count at runtime (not through GitOps).
  lifecycle {
    ignore_changes = [desired_count]
  }

  depends_on = [null_resource.database_init]
  tags       = local.tags
}
