import { parsePlan } from '../parse-plan';
import { generateSyntheticPlan } from './generate-synthetic-plan';

describe(generateSyntheticPlan.name, () => {
  it('builds a plan with exactly the requested number of measures', () => {
    const plan = parsePlan(generateSyntheticPlan(25));
    expect(plan.stats).toMatchObject({ parts: 3, sections: 2 + 3, measures: 25, duties: 2 });
    expect(plan.indicators.length).toBe(2 + 2 * 5);
  });

  it('is deterministic', () => {
    expect(generateSyntheticPlan(100)).toBe(generateSyntheticPlan(100));
  });

  // Parse time is measured by `npm run bench`, not asserted here.
  it('yields a document parsePlan reads as 2,000 measures with unique codes', () => {
    const plan = parsePlan(generateSyntheticPlan(2000));
    expect(plan.stats.measures).toBe(2000);
    expect(new Set(plan.nodes.map((n) => n.code)).size).toBe(plan.nodes.length);
  });
});
