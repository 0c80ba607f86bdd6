output "service_name" {
  description = "Name of the instance's ECS service."
  value       = aws_ecs_service.wordpress.name
}

output "target_group_arn" {
  description = "ARN of the instance's target group."
  value       = aws_lb_target_group.wordpress.arn
}

output "listener_rule_arn" {
  description = "ARN of the instance's rule on the environment's HTTPS listener."
  value       = aws_lb_listener_rule.wordpress.arn
}

output "database_name" {
  description = "Name of the instance's database on the shared RDS instance."
  value       = local.database_name
}

output "db_credentials_secret_arn" {
  description = "ARN of the Secrets Manager secret holding the database credentials."
  value       = aws_secretsmanager_secret.db_credentials.arn
}
