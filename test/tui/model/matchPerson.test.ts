import { beforeAll, describe, expect, it } from 'vitest';
import type { Person } from '../../../core/index.js';
import { loadPinyin, matchPeople } from '../../../cli/tui/model/matchPerson.js';

const person = (id: string, nameZh: string, nameEn: string, active = true): Person => ({ id, nameZh, nameEn, title: null, departmentId: null, roles: [], active });
const PEOPLE = [
  person('office1', '王质控', 'Wang Zhikong'),
  person('head_ct', '李主任', 'Li Zhuren'),
  person('head_us', '赵主任', 'Zhao Zhuren'),
  person('insp2', '欧阳明', 'Ouyang Ming'),
  person('old1', '王明', 'Wang Ming', false),
];
const ids = (query: string) => matchPeople(PEOPLE, query).map((m) => m.person.id);

describe('matchPeople', () => {
  beforeAll(() => loadPinyin());

  it('finds Chinese names by characters', () => {
    expect(ids('王质控')).toEqual(['office1']);
    expect(ids('主任')).toEqual(['head_ct', 'head_us']);
  });

  it('finds them by full pinyin and by initials', () => {
    expect(ids('wangzhikong')).toEqual(['office1']);
    expect(ids('wzk')).toEqual(['office1']);
    expect(ids('zr')).toEqual(['head_ct', 'head_us']);
    expect(ids('lzr')).toEqual(['head_ct']);
    expect(ids('oym')).toEqual(['insp2']);
  });

  it('finds English names and ids, case-insensitively', () => {
    expect(ids('Li Zhu')).toEqual(['head_ct']);
    expect(ids('HEAD_US')).toEqual(['head_us']);
  });

  it('ranks prefix matches first and inactive people last', () => {
    expect(ids('wang')).toEqual(['office1', 'old1']);
    expect(matchPeople(PEOPLE, 'wang')[1]!.rank).toBeGreaterThanOrEqual(10);
  });

  it('lists everyone for an empty query and nobody for nonsense', () => {
    expect(ids('')).toHaveLength(5);
    expect(ids('qqqq')).toEqual([]);
  });
});
