# Environment-wide resources, created by the environment's own stack and found by name or tag.

data "aws_region" "current" {}

data "aws_ecs_cluster" "environment" {
  cluster_name = "${var.environment}-cluster"
}

data "aws_vpc" "environment" {
  tags = { Name = "${var.environment}-vpc" }
}

data "aws_subnets" "private" {
  filter {
    name   = "vpc-id"
    values = [data.aws_vpc.environment.id]
  }
  tags = { Tier = "private" }
}

data "aws_security_group" "tasks" {
  vpc_id = data.aws_vpc.environment.id
  name   = "${var.environment}-wordpress-tasks"
}

data "aws_lb" "environment" {
  name = "${var.environment}-alb"
}

data "aws_lb_listener" "https" {
  load_balancer_arn = data.aws_lb.environment.arn
  port              = 443
}

data "aws_efs_file_system" "wordpress" {
  tags = { Name = "${var.environment}-wordpress-files" }
}

data "aws_db_instance" "wordpress" {
  db_instance_identifier = "${var.environment}-wordpress-db"
}

data "aws_secretsmanager_secret" "db_master" {
  name = "${var.environment}-wordpress-db-master"
}

data "aws_iam_role" "task_execution" {
  name = "${var.environment}-wordpress-task-execution"
}

data "aws_iam_role" "task" {
  name = "${var.environment}-wordpress-task"
}
