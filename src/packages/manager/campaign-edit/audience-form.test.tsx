import { matchesAudience, parseAudienceRule } from '@/domain/tags/audience';
import { formToRule, ruleToForm, type AudienceForm } from './audience-form';

describe('the editor audience form', () => {
  it('builds 且 / 或 / 非 rules the server accepts and reads them back', () => {
    const form: AudienceForm = {
      join: 'and',
      conditions: [
        { kind: 'tag', value: '高价值用户', negate: false },
        { kind: 'segment', value: '流失客户', negate: true },
      ],
    };
    const rule = parseAudienceRule(formToRule(form));
    expect(rule).toEqual({ and: [{ tag: '高价值用户' }, { not: { segment: '流失客户' } }] });
    expect(matchesAudience(rule, { tags: ['高价值用户'], segment: '一般客户' })).toBe(true);
    expect(matchesAudience(rule, { tags: ['高价值用户'], segment: '流失客户' })).toBe(false);
    expect(ruleToForm(rule)).toEqual(form);
    const either = formToRule({ join: 'or', conditions: [{ kind: 'city', value: '上海', negate: false }, { kind: 'tierAtLeast', value: 'gold', negate: false }] });
    expect(either).toEqual({ or: [{ city: '上海' }, { tierAtLeast: 'gold' }] });
  });

  it('means everyone with no conditions, and declines rules nested deeper than it shows', () => {
    expect(formToRule({ join: 'and', conditions: [] })).toEqual({ everyone: true });
    expect(ruleToForm({ everyone: true })).toEqual({ join: 'and', conditions: [] });
    expect(ruleToForm({ and: [{ or: [{ city: '上海' }, { city: '杭州' }] }] })).toBeNull();
  });
});
