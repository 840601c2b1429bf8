/**
 * Realistic names for sample data and benchmark seeding: a mix of Chinese and English customers,
 * the share of each set by the caller (a shop in China has mostly Chinese customers).
 */

export const CHINESE_SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '林', '罗', '高'];
export const CHINESE_GIVEN = ['伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀英', '霞', '平', '刚', '桂英', '伟明', '晓东', '海燕', '建华', '志强', '雪', '婷', '浩然'];
export const CHINESE_PINYIN: Record<string, string> = {
  王: 'wang', 李: 'li', 张: 'zhang', 刘: 'liu', 陈: 'chen', 杨: 'yang', 黄: 'huang', 赵: 'zhao', 吴: 'wu', 周: 'zhou',
  徐: 'xu', 孙: 'sun', 马: 'ma', 朱: 'zhu', 胡: 'hu', 郭: 'guo', 何: 'he', 林: 'lin', 罗: 'luo', 高: 'gao',
};
export const ENGLISH_FIRST = ['James', 'Mary', 'John', 'Patricia', 'Robert', 'Jennifer', 'Michael', 'Linda', 'David', 'Elizabeth', 'William', 'Susan', 'Richard', 'Jessica', 'Thomas', 'Sarah', 'Daniel', 'Karen', 'Matthew', 'Emily', 'Oliver', 'Sophie', 'Lucas', 'Chloe'];
export const ENGLISH_LAST = ['Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Garcia', 'Miller', 'Davis', 'Wilson', 'Anderson', 'Taylor', 'Thomas', 'Moore', 'Martin', 'Lee', 'Walker', 'Hall', 'Young', 'King', 'Wright', 'Wang', 'Chen'];
export const COMPANY_PREFIX_ZH = ['华美', '鑫源', '恒通', '金丰', '百川', '瑞祥', '东方', '新世纪', '宏达', '天成', '佳禾', '永盛'];
export const COMPANY_SUFFIX_ZH = ['贸易有限公司', '餐饮管理有限公司', '科技有限公司', '服装店', '五金商行', '家居有限公司', '茶行', '印刷厂'];
export const COMPANY_WORDS_EN = ['Harbor', 'Maple', 'Summit', 'Bright', 'Golden', 'Riverside', 'Oak', 'Silver', 'Northwind', 'Blue Fern', 'Cedar', 'Lotus'];
export const COMPANY_KIND_EN = ['Bakery', 'Trading Co.', 'Florist', 'Hardware', 'Design Studio', 'Auto Repair', 'Tea House', 'Print Shop', 'Fitness', 'Dental Clinic'];
export const INDUSTRIES = ['Retail', 'Food & Beverage', 'Wholesale', 'Services', 'Manufacturing', 'Health', 'Education', 'Technology'];
export const CITIES_ZH = ['上海', '北京', '深圳', '广州', '杭州', '成都', '苏州', '南京'];
export const CITIES_EN = ['London', 'Manchester', 'Singapore', 'Vancouver', 'Sydney', 'Auckland', 'Toronto', 'Seattle'];
export const JOB_TITLES = ['Owner', 'Manager', 'Buyer', 'Accountant', 'Sales', 'Director', '店长', '采购', '经理', '老板'];

/** Small deterministic PRNG (mulberry32) so sample data and benchmarks are reproducible. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

export interface SamplePerson {
  name: string;
  email: string;
  phone: string;
  city: string;
  chinese: boolean;
}

export function samplePerson(random: () => number, serial: number, chineseShare = 0.5): SamplePerson {
  if (random() < chineseShare) {
    const surname = pick(random, CHINESE_SURNAMES);
    const given = pick(random, CHINESE_GIVEN);
    return {
      name: surname + given,
      email: `${CHINESE_PINYIN[surname]}${serial}@example.cn`,
      phone: `+86 1${3 + Math.floor(random() * 6)}${String(Math.floor(random() * 1e9)).padStart(9, '0')}`.replace(/^(\+86 \d{3})(\d{4})(\d{4})$/, '$1 $2 $3'),
      city: pick(random, CITIES_ZH),
      chinese: true,
    };
  }
  const first = pick(random, ENGLISH_FIRST);
  const last = pick(random, ENGLISH_LAST);
  return {
    name: `${first} ${last}`,
    email: `${first}.${last}${serial}@example.com`.toLowerCase(),
    phone: `+44 20 ${String(Math.floor(random() * 1e4)).padStart(4, '0')} ${String(Math.floor(random() * 1e4)).padStart(4, '0')}`,
    city: pick(random, CITIES_EN),
    chinese: false,
  };
}

export function sampleCompanyName(random: () => number, chineseShare = 0.5): { name: string; chinese: boolean } {
  if (random() < chineseShare) return { name: pick(random, COMPANY_PREFIX_ZH) + pick(random, COMPANY_SUFFIX_ZH), chinese: true };
  return { name: `${pick(random, COMPANY_WORDS_EN)} ${pick(random, COMPANY_KIND_EN)}`, chinese: false };
}
