import { startSqs } from '@bbws/testing-engines';

export interface LocalSqs {
  endpoint: string;
  stop(): Promise<void>;
}

/** An in-process local SQS on a free 127.0.0.1 port, with receive counts as SQS keeps them. */
export async function startLocalSqs(region = process.env.AWS_REGION ?? 'us-east-1'): Promise<LocalSqs> {
  return startSqs({ region });
}
