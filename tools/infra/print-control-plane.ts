// `npm run infra:control-plane -- <stage>`: prints the control plane's CloudFormation template.
import { controlPlaneTemplate } from './control-plane/control-plane-template';

const stage = process.argv[2] ?? 'dev';
process.stdout.write(`${JSON.stringify(controlPlaneTemplate(stage), null, 2)}\n`);
