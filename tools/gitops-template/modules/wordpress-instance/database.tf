# Creates the instance's database and user on the shared RDS instance with a one-off ECS task
# (the runtime image's db-init command, which reads the master and instance secrets), and waits for it.
resource "null_resource" "database_init" {
  triggers = {
    database = local.database_name
    secret   = aws_secretsmanager_secret_version.db_credentials.version_id
  }

  provisioner "local-exec" {
    interpreter = ["/bin/bash", "-c"]
    command     = <<-EOT
      set -euo pipefail
      task_arn=$(aws ecs run-task \
        --cluster "${data.aws_ecs_cluster.environment.arn}" \
        --task-definition "${aws_ecs_task_definition.wordpress.arn}" \
        --launch-type FARGATE \
        --network-configuration 'awsvpcConfiguration={subnets=[${join(",", data.aws_subnets.private.ids)}],securityGroups=[${data.aws_security_group.tasks.id}],assignPublicIp=DISABLED}' \
        --overrides '{"containerOverrides":[{"name":"wordpress","command":["db-init"],"environment":[{"name":"DB_MASTER_SECRET_ARN","value":"${data.aws_secretsmanager_secret.db_master.arn}"}]}]}' \
        --query 'tasks[0].taskArn' --output text)
      aws ecs wait tasks-stopped --cluster "${data.aws_ecs_cluster.environment.arn}" --tasks "$task_arn"
      exit_code=$(aws ecs describe-tasks --cluster "${data.aws_ecs_cluster.environment.arn}" --tasks "$task_arn" \
        --query 'tasks[0].containers[0].exitCode' --output text)
      test "$exit_code" = "0"
    EOT
  }
}
