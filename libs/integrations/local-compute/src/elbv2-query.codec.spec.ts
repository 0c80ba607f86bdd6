import { XMLParser } from 'fast-xml-parser';
import { parseQueryParams, queryErrorXml, queryResponseXml } from './elbv2-query.codec';

describe('ELBv2 query protocol codec', () => {
  it('turns member.N lists into arrays in index order and dotted names into objects', () => {
    const form = new URLSearchParams({
      Action: 'ModifyRule',
      Version: '2015-12-01',
      RuleArn: 'arn:rule',
      'Actions.member.1.Type': 'fixed-response',
      'Actions.member.1.FixedResponseConfig.StatusCode': '503',
      'Conditions.member.1.Field': 'host-header',
      'Conditions.member.1.HostHeaderConfig.Values.member.2': 'b.dev.localhost',
      'Conditions.member.1.HostHeaderConfig.Values.member.10': 'c.dev.localhost',
      'Conditions.member.1.HostHeaderConfig.Values.member.1': 'a.dev.localhost',
    });

    expect(parseQueryParams(form)).toEqual({
      RuleArn: 'arn:rule',
      Actions: [{ Type: 'fixed-response', FixedResponseConfig: { StatusCode: '503' } }],
      Conditions: [
        {
          Field: 'host-header',
          HostHeaderConfig: { Values: ['a.dev.localhost', 'b.dev.localhost', 'c.dev.localhost'] },
        },
      ],
    });
  });

  it('writes an answer as <Action>Response / <Action>Result with member lists and a request id', () => {
    const xml = queryResponseXml('DescribeRules', {
      Rules: [
        { RuleArn: 'arn:r1', IsDefault: false, Conditions: [], Actions: [{ Type: 'forward', Order: 1 }] },
      ],
      NextMarker: undefined,
    });

    expect(xml).toMatch(
      /^<DescribeRulesResponse xmlns="http:\/\/elasticloadbalancing\.amazonaws\.com\/doc\/2015-12-01\/"><DescribeRulesResult><Rules><member><RuleArn>arn:r1<\/RuleArn><IsDefault>false<\/IsDefault><Conditions><\/Conditions><Actions><member><Type>forward<\/Type><Order>1<\/Order><\/member><\/Actions><\/member><\/Rules><\/DescribeRulesResult><ResponseMetadata><RequestId>[0-9a-f-]{36}<\/RequestId><\/ResponseMetadata><\/DescribeRulesResponse>$/,
    );
  });

  it('escapes text so a maintenance page survives the round trip', () => {
    const body = '<h1>Back "soon" & later</h1>';
    const xml = queryResponseXml('ModifyRule', {
      Rules: [{ Actions: [{ FixedResponseConfig: { MessageBody: body } }] }],
    });

    const parsed = new XMLParser({ processEntities: true }).parse(xml) as {
      ModifyRuleResponse: {
        ModifyRuleResult: {
          Rules: { member: { Actions: { member: { FixedResponseConfig: { MessageBody: string } } } } };
        };
      };
    };
    expect(
      parsed.ModifyRuleResponse.ModifyRuleResult.Rules.member.Actions.member.FixedResponseConfig.MessageBody,
    ).toBe(body);
  });

  it('writes errors as <ErrorResponse><Error><Type><Code><Message>', () => {
    expect(
      queryErrorXml({ fault: 'Sender', code: 'RuleNotFound', message: 'One or more rules not found' }),
    ).toMatch(
      /^<ErrorResponse xmlns="http:\/\/elasticloadbalancing\.amazonaws\.com\/doc\/2015-12-01\/"><Error><Type>Sender<\/Type><Code>RuleNotFound<\/Code><Message>One or more rules not found<\/Message><\/Error><RequestId>[0-9a-f-]{36}<\/RequestId><\/ErrorResponse>$/,
    );
  });
});
