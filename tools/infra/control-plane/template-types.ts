/** A CloudFormation resource or parameter, as plain JSON. */
export type CfnObject = Record<string, unknown>;

export type CfnResources = Record<string, CfnObject>;

export const ref = (logicalId: string) => ({ Ref: logicalId });

export const arnOf = (logicalId: string) => ({ 'Fn::GetAtt': [logicalId, 'Arn'] });

export const attr = (logicalId: string, attribute: string) => ({ 'Fn::GetAtt': [logicalId, attribute] });
