import { stringify } from 'yaml';

const dept = (id: string, zh: string, en: string, parent?: string) => ({ id, name: { 'zh-CN': zh, en }, ...(parent ? { parent } : {}) });
const person = (id: string, zh: string, en: string, roles: string[], department?: string, title?: string) => ({
  id,
  name: { 'zh-CN': zh, en },
  ...(department ? { department } : {}),
  ...(title ? { title } : {}),
  roles,
});

const DEPARTMENTS = [
  dept('MT', '医技科', 'Medical technology'),
  dept('CT', 'CT室', 'CT room', 'MT'),
  dept('US', '彩超室', 'Colour Doppler ultrasound', 'MT'),
  dept('BUS', 'B超室', 'B-mode ultrasound', 'MT'),
  dept('XR', '放射科', 'X-ray', 'MT'),
  dept('TB', '结防所', 'TB control institute'),
  dept('TBLAB', '结防所实验室', 'TB laboratory', 'TB'),
  dept('IM', '内科', 'Internal medicine'),
  dept('SUR', '外科', 'Surgery'),
  dept('OBG', '妇产科', 'Obstetrics & gynaecology'),
  dept('PED', '儿科', 'Paediatrics'),
  dept('ORT', '骨科', 'Orthopaedics'),
  dept('ER', '急诊科', 'Emergency'),
  dept('NUR', '护理部', 'Nursing'),
  dept('PHA', '药械科', 'Pharmacy & equipment'),
  dept('LOG', '后勤', 'Logistics'),
  dept('QC', '质控办', 'Quality office'),
];

/**
 * The org of the console's fixture hospital: the departments DOMAIN.md names, a head
 * for each, the quality office, inspectors and the vice-president in charge, with
 * Chinese names (the person picker matches them by pinyin and initials). A fixture for
 * tests, the bench and `duban tui --demo` until the demo hospital exists.
 */
export const FIXTURE_ORG = {
  departments: DEPARTMENTS,
  people: [
    person('office1', '王质控', 'Wang Zhikong', ['office'], 'QC'),
    person('office2', '张晓燕', 'Zhang Xiaoyan', ['office'], 'QC'),
    person('insp1', '陈督查', 'Chen Ducha', ['inspector'], 'QC'),
    person('insp2', '欧阳明', 'Ouyang Ming', ['inspector'], 'QC'),
    person('vp1', '吴院长', 'Wu Yuanzhang', ['vp']),
    person('head_mt', '周建国', 'Zhou Jianguo', ['head'], 'MT', 'chief'),
    person('head_ct', '李主任', 'Li Zhuren', ['head'], 'CT', 'chief'),
    person('head_us', '赵主任', 'Zhao Zhuren', ['head'], 'US', 'chief'),
    person('head_bus', '钱丽', 'Qian Li', ['head'], 'BUS', 'chief'),
    person('head_xr', '孙浩', 'Sun Hao', ['head'], 'XR', 'chief'),
    person('head_tb', '郑国强', 'Zheng Guoqiang', ['head'], 'TB', 'chief'),
    person('head_tblab', '冯雪', 'Feng Xue', ['head'], 'TBLAB', 'chief'),
    person('head_im', '褚明华', 'Chu Minghua', ['head'], 'IM', 'chief'),
    person('head_sur', '卫东', 'Wei Dong', ['head'], 'SUR', 'chief'),
    person('head_obg', '蒋丽娟', 'Jiang Lijuan', ['head'], 'OBG', 'chief'),
    person('head_ped', '沈佳', 'Shen Jia', ['head'], 'PED', 'chief'),
    person('head_ort', '韩磊', 'Han Lei', ['head'], 'ORT', 'chief'),
    person('head_er', '杨帆', 'Yang Fan', ['head'], 'ER', 'chief'),
    person('head_nur', '朱红', 'Zhu Hong', ['head'], 'NUR', 'head nurse'),
    person('head_pha', '秦峰', 'Qin Feng', ['head'], 'PHA', 'chief'),
    person('head_log', '尤勇', 'You Yong', ['head'], 'LOG', 'chief'),
    person('tech1', '刘技师', 'Liu Jishi', [], 'CT', 'physician'),
    person('tech2', '许文', 'Xu Wen', [], 'US', 'physician'),
    person('nurse1', '何静', 'He Jing', [], 'NUR'),
    person('it1', '孙信息', 'Sun Xinxi', ['it']),
    person('viewer1', '周查看', 'Zhou Chakan', ['viewer']),
  ],
  // Each department's night duty post: the seeded post findings name them.
  posts: DEPARTMENTS.map((d) => ({ id: `${d.id}-night`, department: d.id, name: { 'zh-CN': `${d.name['zh-CN']}夜班`, en: `${d.name.en} night duty` } })),
  escalation: [{ department: '*', levels: [{ role: 'head' }, { role: 'office' }, { person: 'vp1' }] }],
};

/** The departments findings are spread over (the leaves of {@link FIXTURE_ORG}, not the quality office). */
export const FIXTURE_DEPARTMENTS: readonly string[] = ['CT', 'US', 'BUS', 'XR', 'TBLAB', 'IM', 'SUR', 'OBG', 'PED', 'ORT', 'ER', 'NUR', 'PHA', 'LOG'];

/** {@link FIXTURE_ORG} as an org file (YAML), for `importOrg`. */
export function fixtureOrgYaml(): string {
  return stringify(FIXTURE_ORG);
}
