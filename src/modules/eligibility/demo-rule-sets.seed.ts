import type { EntityManager } from 'typeorm';
import { Classification } from '../classifications/classification.entity';
import { DEMO_RULE_SETS } from './demo-rule-sets';
import { EligibilityRuleSet } from './eligibility-rule-set.entity';
import { validateRuleSet } from './rule-set';

/** The demo versions take effect early enough for the demo roster's whole history. */
export const DEMO_RULE_SETS_EFFECTIVE_FROM = '2020-07-01';

/**
 * Inserts the ILLUSTRATIVE demo rule sets (marked `illustrative`, never a real class
 * specification) for those of their classes that exist in the catalog, in force from
 * 2020-07-01, inside the caller's transaction. A class that already has a version on that date
 * keeps it. Returns the number of versions inserted. Audit entries are the caller's (the demo
 * data service audits what it seeds).
 */
export async function seedDemoRuleSets(manager: EntityManager): Promise<number> {
  const codes = DEMO_RULE_SETS.map((ruleSet) => ruleSet.classCode);
  const catalog = new Map(
    (
      await manager
        .getRepository(Classification)
        .createQueryBuilder('c')
        .where('c.class_code IN (:...codes)', { codes })
        .getMany()
    ).map((classification) => [classification.classCode, classification]),
  );
  let inserted = 0;
  for (const demo of DEMO_RULE_SETS) {
    const classification = catalog.get(demo.classCode);
    if (!classification) continue;
    const validation = validateRuleSet({
      ...demo,
      title: classification.title,
      effectiveFrom: DEMO_RULE_SETS_EFFECTIVE_FROM,
      illustrative: true,
    });
    if (!validation.ok) {
      throw new Error(
        `Demo rule set ${demo.classCode} is not valid: ${validation.errors
          .map((error) => `${error.path} ${error.message}`)
          .join('; ')}`,
      );
    }
    const result = await manager
      .createQueryBuilder()
      .insert()
      .into(EligibilityRuleSet)
      .values({
        classificationId: classification.id,
        effectiveFrom: DEMO_RULE_SETS_EFFECTIVE_FROM,
        definition: validation.ruleSet,
        illustrative: true,
        createdBy: null,
      })
      .orIgnore()
      .returning('id')
      .execute();
    // ON CONFLICT DO NOTHING returns no row for a version that was already there.
    inserted += (result.raw as unknown[]).length;
  }
  return inserted;
}
