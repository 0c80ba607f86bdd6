variable "environment" {
  description = "Hosting environment in lower case (dev, sit, prod); prefixes every resource name."
  type        = string

  validation {
    condition     = contains(["dev", "sit", "prod"], var.environment)
    error_message = "environment must be one of dev, sit, prod."
  }
}

variable "slug" {
  description = "The tenant's instance slug: lower-case alphanumeric, at most 24 characters (AWS names such as {env}-{slug}-tg must fit 32)."
  type        = string

  validation {
    condition     = can(regex("^[a-z0-9]{1,24}$", var.slug))
    error_message = "slug must be 1-24 lower-case letters or digits."
  }
}

variable "domain_suffix" {
  description = "DNS suffix of the environment; the network answers on {slug}.{domain_suffix} and its subdomains."
  type        = string

  validation {
    condition     = can(regex("^[a-z0-9]([a-z0-9.-]*[a-z0-9])?$", var.domain_suffix))
    error_message = "domain_suffix must be a DNS name."
  }
}

variable "listener_rule_priority" {
  description = "Priority of the tenant's rule on the environment's HTTPS listener, reserved by the platform."
  type        = number

  validation {
    condition     = var.listener_rule_priority >= 1 && var.listener_rule_priority <= 50000
    error_message = "listener_rule_priority must be between 1 and 50000."
  }
}

variable "cpu" {
  description = "Fargate task CPU units (from the tier)."
  type        = number

  validation {
    condition     = contains([256, 512, 1024, 2048, 4096], var.cpu)
    error_message = "cpu must be a Fargate CPU size: 256, 512, 1024, 2048 or 4096."
  }
}

variable "memory" {
  description = "Fargate task memory in MiB (from the tier)."
  type        = number

  validation {
    condition     = var.memory >= 512 && var.memory <= 30720
    error_message = "memory must be between 512 and 30720 MiB."
  }
}

variable "desired_count" {
  description = "Number of WordPress tasks the service keeps running."
  type        = number

  validation {
    condition     = var.desired_count >= 0 && var.desired_count <= 10
    error_message = "desired_count must be between 0 and 10."
  }
}

variable "wordpress_image" {
  description = "Container image of the platform's WordPress runtime (repository:tag)."
  type        = string
}

variable "wordpress_version" {
  description = "WordPress core version the image runs; passed to the container."
  type        = string

  validation {
    condition     = can(regex("^[0-9]+\\.[0-9]+(\\.[0-9]+)?$", var.wordpress_version))
    error_message = "wordpress_version must look like 6.4 or 6.4.2."
  }
}

variable "health_check_path" {
  description = "Path the target group probes."
  type        = string
  default     = "/wp-login.php"
}

variable "container_port" {
  description = "Port the WordPress container listens on."
  type        = number
  default     = 8080
}

variable "tags" {
  description = "Extra tags for every resource."
  type        = map(string)
  default     = {}
}
