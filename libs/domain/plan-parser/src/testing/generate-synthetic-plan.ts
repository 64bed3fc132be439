import { formatChineseNumeral } from '../parse-chinese-numeral';

const TOPICS = ['科技创新', '产业协同', '交通互联', '生态保护', '公共服务', '数字经济', '对外开放', '民营经济', '城乡融合', '要素市场'];
const VERBS = ['加快推进', '着力打造', '深入实施', '共同建设', '协同推动', '全面提升'];
const MEASURES_PER_SECTION = 10;

/**
 * A well-formed plan with `measures` measure paragraphs: 一、总体要求, 二、重点任务 with （N）
 * sections of ten measures, 三、保障措施 with duty sentences in one paragraph. Every fifth measure carries an
 * indicator sentence. Deterministic, so benchmarks and tests can compare runs.
 */
export function generateSyntheticPlan(measures: number): string {
  const lines: string[] = ['浙江省合成测试行动方案（2021—2025年）', ''];
  lines.push('为贯彻落实国家战略，推动区域高质量一体化发展，制定本行动方案。', '');
  lines.push('一、总体要求', '（一）指导思想。以新发展理念为引领，坚持系统观念，推动高质量发展。');
  lines.push('（二）发展目标。到2025年，区域一体化发展格局基本形成，研发经费投入强度达到3.2%以上，常住人口城镇化率达到75%。', '');
  lines.push('二、重点任务');
  const sections = Math.max(1, Math.ceil(measures / MEASURES_PER_SECTION));
  let written = 0;
  for (let s = 1; s <= sections && written < measures; s++) {
    const topic = TOPICS[(s - 1) % TOPICS.length];
    lines.push(`（${formatChineseNumeral(((s - 1) % 99) + 1)}）推进${topic}一体化第${s}组任务。围绕${topic}重点领域，推动资源共享和协同发展。`);
    for (let m = 1; m <= MEASURES_PER_SECTION && written < measures; m++) {
      written++;
      const verb = VERBS[written % VERBS.length];
      let text = `${verb}${topic}第${written}项工作。健全协调机制，完善配套政策，强化要素保障，推动${topic}领域合作向纵深发展。`;
      if (written % 5 === 0) text += `到2025年，${topic}合作平台超过${10 + (written % 90)}家，相关指标覆盖率达到${50 + (written % 50)}%以上。`;
      lines.push(text);
    }
  }
  // 保障措施 as one paragraph under its part (no numbered items, so no further measures).
  lines.push('', '三、保障措施');
  lines.push('加强组织领导，建立健全工作机制，统筹推进各项任务。省发展改革委会同省交通运输厅编制交通一体化发展专项行动计划。省科技厅会同省发展改革委编制科创产业协同发展专项行动计划。定期开展监测分析和动态评估。');
  return `${lines.join('\n')}\n`;
}
