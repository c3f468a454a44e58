import { describe, expect, it } from 'vitest';
import { parseFilterQuery } from '../../../cli/tui/filter/parseFilterQuery.js';

const context = {
  me: 'office1',
  departments: [
    { id: 'CT', nameZh: 'CT室', nameEn: 'CT room' },
    { id: 'US', nameZh: '彩超室', nameEn: 'Colour Doppler ultrasound' },
  ],
  people: [{ id: 'head_ct', nameZh: '李主任', nameEn: 'Li Zhuren' }],
};

describe('parseFilterQuery', () => {
  it('reads the example of the issue', () => {
    const { filter, problems } = parseFilterQuery('dept:CT status:open sev:major overdue:yes assignee:@me', context);
    expect(problems).toEqual([]);
    expect(filter).toEqual({ department: 'CT', status: 'open', severity: 'major', overdue: true, assignee: 'office1' });
  });

  it('reads the same in Chinese, full-width colons included', () => {
    const { filter, problems } = parseFilterQuery('科室：彩超室 状态:待验证 程度:危急 逾期:否 负责人:李主任', context);
    expect(problems).toEqual([]);
    expect(filter).toEqual({ department: 'US', status: 'awaiting_verification', severity: 'critical', overdue: false, assignee: 'head_ct' });
  });

  it('joins free text, Chinese or English, into one phrase', () => {
    expect(parseFilterQuery('值班 不在岗 dept:CT', context).filter).toEqual({ department: 'CT', text: '值班 不在岗' });
    expect(parseFilterQuery('night duty', context).filter).toEqual({ text: 'night duty' });
  });

  it('keeps quoted text together and treats unknown keys as text', () => {
    expect(parseFilterQuery('text:"night duty" 10:30', context).filter).toEqual({ text: 'night duty 10:30' });
  });

  it('accepts department ids in any case, and names', () => {
    expect(parseFilterQuery('dept:ct', context).filter.department).toBe('CT');
    expect(parseFilterQuery('dept:"CT room"', context).filter.department).toBe('CT');
  });

  it('names the bad term and ignores it', () => {
    const { filter, problems } = parseFilterQuery('dept:XR status:later sev:huge overdue:maybe 迟到', context);
    expect(filter).toEqual({ text: '迟到' });
    expect(problems.map((p) => p.token)).toEqual(['dept:XR', 'status:later', 'sev:huge', 'overdue:maybe']);
    expect(problems[0]!.message.en).toContain('unknown department "XR"');
    expect(problems[0]!.message['zh-CN']).toContain('未知科室');
  });

  it('refuses a key without a value', () => {
    expect(parseFilterQuery('status:', context).problems[0]!.message.en).toContain('needs a value');
  });

  it('lets the last repeated key win, and reads active, escalated and flagged', () => {
    expect(parseFilterQuery('status:open status:active escalated:yes flagged:no', context).filter).toEqual({ status: 'active', escalated: true, flagged: false });
  });

  it('passes ids through when it knows no departments or people', () => {
    expect(parseFilterQuery('dept:ZZ assignee:someone').filter).toEqual({ department: 'ZZ', assignee: 'someone' });
    expect(parseFilterQuery('assignee:@me').problems).toHaveLength(1);
  });

  it('is empty for an empty query', () => {
    expect(parseFilterQuery('   ')).toEqual({ filter: {}, problems: [] });
  });
});
