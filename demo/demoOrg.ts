import { pinyin } from 'pinyin-pro';
import { stringify } from 'yaml';
import { mulberry32 } from '../core/util/mulberry32.js';

/** The departments of the demo hospital, after DOMAIN.md (parent first). */
export const DEMO_DEPARTMENTS = [
  { id: 'QC', zh: '质控办', en: 'Quality office' },
  { id: 'ADM', zh: '院办', en: "President's office" },
  { id: 'MT', zh: '医技科', en: 'Medical technology' },
  { id: 'CT', zh: 'CT室', en: 'CT room', parent: 'MT' },
  { id: 'CDU', zh: '彩超室', en: 'Colour Doppler ultrasound', parent: 'MT' },
  { id: 'BUS', zh: 'B超室', en: 'B-mode ultrasound', parent: 'MT' },
  { id: 'XR', zh: '放射科', en: 'X-ray films', parent: 'MT' },
  { id: 'TB', zh: '结防所', en: 'TB control institute' },
  { id: 'TBL', zh: '结防所实验室', en: 'TB laboratory', parent: 'TB' },
  { id: 'TBO', zh: '结防门诊', en: 'TB outpatient clinic', parent: 'TB' },
  { id: 'TBW', zh: '结核病房', en: 'TB inpatient ward', parent: 'TB' },
  { id: 'IM', zh: '内科', en: 'Internal medicine' },
  { id: 'SUR', zh: '外科', en: 'Surgery' },
  { id: 'OBG', zh: '妇产科', en: 'Obstetrics & gynaecology' },
  { id: 'PED', zh: '儿科', en: 'Paediatrics' },
  { id: 'ORT', zh: '骨科', en: 'Orthopaedics' },
  { id: 'EM', zh: '急诊科', en: 'Emergency' },
  { id: 'NUR', zh: '护理部', en: 'Nursing' },
  { id: 'PHA', zh: '药械科', en: 'Pharmacy & equipment' },
  { id: 'LOG', zh: '后勤', en: 'Logistics' },
  { id: 'CHC', zh: '社区卫生服务中心', en: 'Community health centre' },
] as const;

/** The six county TB laboratories (项目县) the provincial institute supervises. */
export const DEMO_COUNTY_LABS = [
  { id: 'LAB-HX', zh: '华县结核病实验室', en: 'Huaxian county TB lab' },
  { id: 'LAB-PC', zh: '蒲城结核病实验室', en: 'Pucheng county TB lab' },
  { id: 'LAB-FP', zh: '富平结核病实验室', en: 'Fuping county TB lab' },
  { id: 'LAB-DL', zh: '大荔结核病实验室', en: 'Dali county TB lab' },
  { id: 'LAB-CC', zh: '澄城结核病实验室', en: 'Chengcheng county TB lab' },
  { id: 'LAB-BS', zh: '白水结核病实验室', en: 'Baishui county TB lab' },
] as const;

/** Clinical departments whose staff fill the roster (and hold night duty posts). */
const STAFFED = ['CT', 'CDU', 'BUS', 'XR', 'TBL', 'TBO', 'TBW', 'IM', 'SUR', 'OBG', 'PED', 'ORT', 'EM', 'NUR', 'PHA', 'LOG', 'CHC'];

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚邵万钱严武戴孔汤';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建文辉力金健云峰鹏宇浩凯亮晨欣怡婷雪琳颖慧佳晶倩'.split('');

/** A person of the demo org. */
export interface DemoPerson {
  readonly id: string;
  readonly zh: string;
  readonly en: string;
  readonly title: 'physician' | 'attending' | 'chief' | 'nurse' | 'technician' | 'staff';
  readonly department: string;
  readonly roles: readonly string[];
}

/** The demo org: about 80 people with seeded Chinese names, posts and escalation chains. */
export interface DemoOrg {
  readonly people: readonly DemoPerson[];
  readonly posts: readonly { id: string; department: string; zh: string; en: string }[];
  /** The org file, as `duban org import` reads it. */
  readonly yaml: string;
}

/**
 * Builds the demo org from a seed: the same seed always gives the same hospital. Every
 * staffed department has a head (主任) and three or four staff; the quality office has
 * officers and inspectors; each county TB laboratory has its head; the vice-president in
 * charge tops the escalation chain.
 */
export function buildDemoOrg(seed: number): DemoOrg {
  const random = mulberry32(seed);
  const used = new Set<string>();
  const name = (): { zh: string; en: string } => {
    for (;;) {
      const surname = SURNAMES[Math.floor(random() * SURNAMES.length)]!;
      const given = GIVEN[Math.floor(random() * GIVEN.length)]! + (random() < 0.6 ? GIVEN[Math.floor(random() * GIVEN.length)]! : '');
      const zh = surname + given;
      if (used.has(zh)) continue;
      used.add(zh);
      const [s, ...g] = pinyin(zh, { toneType: 'none', type: 'array' });
      const cap = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);
      return { zh, en: `${cap(s!)} ${cap(g.join(''))}` };
    }
  };
  const people: DemoPerson[] = [];
  const add = (department: string, title: DemoPerson['title'], roles: string[]) => {
    const id = `${department.toLowerCase()}${String(people.filter((p) => p.department === department).length + 1).padStart(2, '0')}`;
    people.push({ id, ...name(), title, department, roles });
  };
  add('ADM', 'chief', ['vp']);
  add('QC', 'attending', ['office']);
  add('QC', 'attending', ['office']);
  add('QC', 'physician', ['inspector']);
  add('QC', 'physician', ['inspector']);
  add('QC', 'staff', ['it']);
  add('QC', 'staff', ['viewer']);
  for (const dept of STAFFED) {
    // The TB laboratory rechecks the county labs' slides: its staff read blind, its head umpires.
    add(dept, 'chief', dept === 'TBL' ? ['head', 'umpire'] : ['head']);
    const staff = 3 + Math.floor(random() * 2);
    for (let i = 0; i < staff; i++) {
      const r = random();
      add(dept, dept === 'NUR' ? 'nurse' : r < 0.5 ? 'physician' : r < 0.85 ? 'attending' : 'technician', dept === 'TBL' ? ['controller'] : []);
    }
  }
  // Each county laboratory's head (检验组长) answers its slide-QC findings and holds its
  // corrective meetings; added last so the hospital's own names stay as they were.
  for (const lab of DEMO_COUNTY_LABS) add(lab.id, 'technician', ['head']);
  const posts = STAFFED.filter((d) => !['LOG', 'PHA'].includes(d)).flatMap((d) => {
    const dept = DEMO_DEPARTMENTS.find((x) => x.id === d)!;
    return [
      { id: `${d}-night`, department: d, zh: `${dept.zh}夜班`, en: `${dept.en} night duty` },
      ...(['EM', 'SUR', 'IM'].includes(d) ? [{ id: `${d}-day`, department: d, zh: `${dept.zh}白班`, en: `${dept.en} day duty` }] : []),
    ];
  });
  const vp = people.find((p) => p.roles.includes('vp'))!;
  const yaml = stringify({
    departments: [
      ...DEMO_DEPARTMENTS.map((d) => ({ id: d.id, name: { 'zh-CN': d.zh, en: d.en }, ...('parent' in d ? { parent: d.parent } : {}) })),
      ...DEMO_COUNTY_LABS.map((l) => ({ id: l.id, parent: 'TB', name: { 'zh-CN': l.zh, en: l.en } })),
    ],
    people: people.map((p) => ({ id: p.id, name: { 'zh-CN': p.zh, en: p.en }, title: p.title, department: p.department, roles: [...p.roles] })),
    posts: posts.map((p) => ({ id: p.id, department: p.department, name: { 'zh-CN': p.zh, en: p.en } })),
    escalation: [{ department: '*', levels: [{ role: 'head' }, { role: 'office' }, { person: vp.id }] }],
  });
  return { people, posts, yaml };
}
