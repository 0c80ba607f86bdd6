import { randomUUID } from 'node:crypto';
import { XMLBuilder } from 'fast-xml-parser';

export const ELBV2_VERSION = '2015-12-01';
export const ELBV2_NAMESPACE = 'http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/';

export type QueryValue = string | QueryValue[] | { [key: string]: QueryValue };
export type QueryObject = { [key: string]: QueryValue };

/**
 * The AWS query protocol's flat form (`Actions.member.1.FixedResponseConfig.StatusCode=503`) as
 * nested values: `member.N` lists become arrays (in N order), other dotted names objects.
 */
export function parseQueryParams(params: URLSearchParams): QueryObject {
  const root: QueryObject = {};
  for (const [key, value] of params) {
    if (key === 'Action' || key === 'Version') continue;
    setPath(root, key.split('.'), value);
  }
  return listsToArrays(root) as QueryObject;
}

function setPath(target: QueryObject, path: string[], value: string): void {
  let node = target;
  path.forEach((segment, index) => {
    if (index === path.length - 1) {
      node[segment] = value;
      return;
    }
    const next = node[segment];
    if (typeof next !== 'object' || Array.isArray(next)) node[segment] = {};
    node = node[segment] as QueryObject;
  });
}

function listsToArrays(value: QueryValue): QueryValue {
  if (typeof value === 'string' || Array.isArray(value)) return value;
  const keys = Object.keys(value);
  if (
    keys.length === 1 &&
    keys[0] === 'member' &&
    typeof value.member === 'object' &&
    !Array.isArray(value.member)
  ) {
    const members = value.member;
    return Object.keys(members)
      .filter((index) => /^\d+$/.test(index))
      .sort((a, b) => Number(a) - Number(b))
      .map((index) => listsToArrays(members[index]));
  }
  return Object.fromEntries(keys.map((key) => [key, listsToArrays(value[key])]));
}

export function asString(value: QueryValue | undefined): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

export function asList(value: QueryValue | undefined): QueryValue[] {
  return Array.isArray(value) ? value : [];
}

export function asObject(value: QueryValue | undefined): QueryObject {
  return typeof value === 'object' && !Array.isArray(value) ? value : {};
}

/** XML values: arrays become `<member>` lists, booleans and numbers text, undefined left out. */
export type XmlValue = string | number | boolean | undefined | XmlValue[] | { [key: string]: XmlValue };

function toXmlTree(value: XmlValue): unknown {
  if (Array.isArray(value)) return { member: value.map(toXmlTree) };
  if (typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, entry]) => entry !== undefined)
        .map(([key, entry]) => [key, toXmlTree(entry)]),
    );
  return String(value);
}

const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  suppressEmptyNode: false,
});

/** `<{Action}Response xmlns=...><{Action}Result>…</{Action}Result><ResponseMetadata>…` */
export function queryResponseXml(action: string, result: Record<string, XmlValue>): string {
  return builder.build({
    [`${action}Response`]: {
      '@_xmlns': ELBV2_NAMESPACE,
      [`${action}Result`]: toXmlTree(result),
      ResponseMetadata: { RequestId: randomUUID() },
    },
  }) as string;
}

/** `<ErrorResponse><Error><Type>Sender</Type><Code>RuleNotFound</Code><Message>…` */
export function queryErrorXml(error: { fault: string; code: string; message: string }): string {
  return builder.build({
    ErrorResponse: {
      '@_xmlns': ELBV2_NAMESPACE,
      Error: { Type: error.fault, Code: error.code, Message: error.message },
      RequestId: randomUUID(),
    },
  }) as string;
}
