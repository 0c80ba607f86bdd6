resource "aws_lb_target_group" "wordpress" {
  name                 = "${local.name}-tg"
  port                 = var.container_port
  protocol             = "HTTP"
  target_type          = "ip"
  vpc_id               = data.aws_vpc.environment.id
  deregistration_delay = 30

  health_check {
    path                = var.health_check_path
    matcher             = "200-399"
    interval            = 30
    timeout             = 10
    healthy_threshold   = 2
    unhealthy_threshold = 3
  }

  tags = local.tags
}

# The network's host and every site subdomain under it. Suspend/park rewrite the action to a fixed 503 at runtime.
resource "aws_lb_listener_rule" "wordpress" {
  listener_arn = data.aws_lb_listener.https.arn
  priority     = var.listener_rule_priority

  action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.wordpress.arn
  }

  condition {
    host_header {
      values = [local.host, "*.${local.host}"]
    }
  }

  lifecycle {
    ignore_changes = [action]
  }

  tags = local.tags
}
