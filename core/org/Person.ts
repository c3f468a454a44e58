/** A person of the org, as access checks and pickers see them. */
export interface Person {
  readonly id: string;
  readonly nameZh: string;
  readonly nameEn: string;
  readonly title: string | null;
  readonly departmentId: string | null;
  readonly roles: readonly string[];
  readonly active: boolean;
}
