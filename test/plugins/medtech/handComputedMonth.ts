/**
 * A month of the CT / X-ray group, computed by hand from the points table (DOMAIN.md):
 * base physician 110, attending 140, chief 170 (this hospital's --chief-base);
 * CT diagnosis 0.5/part, scan 0.3/part, film 0.2/part, enhanced 1.5/patient,
 * night duty 1/part + 3/night. A `note` column follows and must be kept.
 *
 * 张伟 chief:      170 + 120×0.5 + 0×0.3 + 35×0.2 + 4×1.5 + 0×1 + 0×3
 *                = 170 + 60 + 0 + 7 + 6 + 0 + 0                          = 243.0
 * 李娜 attending:  140 + 260×0.5 + 85×0.3 + 140×0.2 + 12×1.5 + 30×1 + 6×3
 *                = 140 + 130 + 25.5 + 28 + 18 + 30 + 18                  = 389.5
 * 王芳 attending:  140 + 198×0.5 + 150×0.3 + 90×0.2 + 8×1.5 + 26×1 + 5×3
 *                = 140 + 99 + 45 + 18 + 12 + 26 + 15                     = 355.0
 * 刘洋 physician:  110 + 75×0.5 + 310×0.3 + 220×0.2 + 15×1.5 + 41×1 + 7×3
 *                = 110 + 37.5 + 93 + 44 + 22.5 + 41 + 21                 = 369.0
 * 陈静 physician:  110 + 40×0.5 + 280×0.3 + 305×0.2 + 9×1.5 + 18×1 + 4×3
 *                = 110 + 20 + 84 + 61 + 13.5 + 18 + 12                   = 318.5
 * Total 243.0 + 389.5 + 355.0 + 369.0 + 318.5 = 1675.0 points.
 *
 * Pool 10 000.00 yuan = 1 000 000 cents; share = 1 000 000 × points / 1675, rounded
 * down, remainders (× 16750 in tenths) in brackets:
 *   张伟 1 000 000 × 243.0 / 1675 = 145 074.626… → 145 074 (r 10 500)
 *   李娜 1 000 000 × 389.5 / 1675 = 232 537.313… → 232 537 (r  5 250)
 *   王芳 1 000 000 × 355.0 / 1675 = 211 940.298… → 211 940 (r  5 000)
 *   刘洋 1 000 000 × 369.0 / 1675 = 220 298.507… → 220 298 (r  8 500)
 *   陈静 1 000 000 × 318.5 / 1675 = 190 149.253… → 190 149 (r  4 250)
 * Rounded down they sum to 999 998: 2 cents left, to the two largest remainders,
 * 张伟 (10 500) and 刘洋 (8 500). Shares: 1450.75, 2325.37, 2119.40, 2202.99, 1901.49,
 * summing to 10 000.00.
 */
export const HAND_COMPUTED_CSV = [
  'person,title,ct_diagnosis_parts,scan_parts,film_parts,enhanced_patients,night_parts,nights,note',
  '张伟,chief,120,0,35,4,0,0,主任',
  '李娜,attending,260,85,140,12,30,6,',
  '王芳,attending,198,150,90,8,26,5,"夜班多, 含节假日"',
  '刘洋,physician,75,310,220,15,41,7,',
  '陈静,physician,40,280,305,9,18,4,',
  '',
].join('\r\n');

/** The hand computation above: person, total points, share in yuan. */
export const HAND_COMPUTED_RESULT: readonly (readonly [string, number, string])[] = [
  ['张伟', 243, '1450.75'],
  ['李娜', 389.5, '2325.37'],
  ['王芳', 355, '2119.40'],
  ['刘洋', 369, '2202.99'],
  ['陈静', 318.5, '1901.49'],
];
