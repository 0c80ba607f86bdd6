import { Module } from '@nestjs/common';
import { InstanceDao } from '@bbws/data-access-instances';
import { COMPUTE_PORT, createComputeAdapter } from '@bbws/integrations-compute';
import { CLOCK, DYNAMO_CONTEXT, provideClass, provideFactory } from '@bbws/platform-bootstrap';
import { ConfigError } from '@bbws/shared-config';
import { INSTANCE_WORKERS_CONFIG, WORKERS_CONFIG } from '../workers.tokens';
import {
  InstanceParkHandler,
  InstanceResumeHandler,
  InstanceScaleHandler,
  InstanceSuspendHandler,
  InstanceUnparkHandler,
} from './instance-lifecycle.handlers';
import { InstanceLifecycleService } from './instance-lifecycle.service';
import { InstanceStateWriter } from './instance-state.writer';

export const INSTANCE_LIFECYCLE_HANDLERS = [
  InstanceScaleHandler,
  InstanceSuspendHandler,
  InstanceParkHandler,
  InstanceResumeHandler,
  InstanceUnparkHandler,
];

/** `bbws-instance-lifecycle`: scale, suspend, resume, park and unpark, straight on ECS and the ALB. */
@Module({
  providers: [
    provideClass(InstanceDao, [DYNAMO_CONTEXT]),
    provideClass(InstanceStateWriter, [InstanceDao]),
    provideFactory(INSTANCE_WORKERS_CONFIG, [WORKERS_CONFIG], (config) => {
      if (!config.instances) throw new ConfigError('The instance workers are enabled without their config');
      return config.instances;
    }),
    provideFactory(COMPUTE_PORT, [INSTANCE_WORKERS_CONFIG], (config) => createComputeAdapter(config.compute)),
    provideFactory(
      InstanceLifecycleService,
      [InstanceStateWriter, COMPUTE_PORT, INSTANCE_WORKERS_CONFIG, CLOCK],
      (state, compute, config, clock) =>
        new InstanceLifecycleService(state, compute, config.convergence, clock),
    ),
    provideClass(InstanceScaleHandler, [InstanceLifecycleService]),
    provideClass(InstanceSuspendHandler, [InstanceLifecycleService]),
    provideClass(InstanceParkHandler, [InstanceLifecycleService]),
    provideClass(InstanceResumeHandler, [InstanceLifecycleService]),
    provideClass(InstanceUnparkHandler, [InstanceLifecycleService]),
  ],
  exports: INSTANCE_LIFECYCLE_HANDLERS,
})
export class InstanceLifecycleModule {}
