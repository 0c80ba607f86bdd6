// `npm run infra:tables -- <stage>`: prints the CloudFormation template of the stage's tables.
import { tablesCloudFormation } from '@bbws/data-access-dynamo';

const stage = process.argv[2] ?? 'prod';
process.stdout.write(`${JSON.stringify(tablesCloudFormation(stage), null, 2)}\n`);
