import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../../common/auth/auth-user';
import { isUniqueViolation } from '../../common/errors/database-errors';
import { DomainError } from '../../common/errors/domain-error';
import type { FieldProblem } from '../../common/errors/domain-error';
import { pageOf, skipFor } from '../../common/http/pagination';
import type { Page } from '../../common/http/pagination';
import { diffForAudit } from '../audit/audit-changes.rule';
import { AuditService } from '../audit/audit.service';
import { Classification } from '../classifications/classification.entity';
import { OCCUPATIONAL_GROUPS } from '../classifications/occupational-groups';
import { TRAINING_KINDS } from '../training/training-record.entity';
import { EligibilityRuleSet } from './eligibility-rule-set.entity';
import { validateRuleSet } from './rule-set';
import type { RuleSet, RuleSetError } from './rule-set';
import type { CreateRuleSetDto, RuleSetQueryDto, RuleSetWithClass } from './rule-sets.dto';
import { mergeInDocumentOrder, ruleSetVocabularyProblems } from './rule-set-vocabulary.rule';

const SORT_COLUMNS: Record<RuleSetQueryDto['sort'], string> = {
  effectiveFrom: 'rs.effectiveFrom',
  createdAt: 'rs.createdAt',
};

/** A stored version with the rules ready for the evaluator (class code and title from the catalog). */
export interface RuleSetInForce {
  record: RuleSetWithClass;
  ruleSet: RuleSet;
}

function auditView(ruleSet: RuleSet, classificationId: string): Record<string, unknown> {
  return {
    classificationId,
    classCode: ruleSet.classCode,
    effectiveFrom: ruleSet.effectiveFrom,
    illustrative: ruleSet.illustrative === true,
    patterns: ruleSet.patterns,
  };
}

/**
 * Versions of the minimum qualifications of target classes. A version is never edited: a
 * changed class specification is a new version with a later `effectiveFrom`, so that a report
 * for an earlier date still evaluates the rules then in force.
 */
@Injectable()
export class RuleSetsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(query: RuleSetQueryDto): Promise<Page<RuleSetWithClass>> {
    const builder = this.dataSource
      .getRepository(EligibilityRuleSet)
      .createQueryBuilder('rs')
      .innerJoinAndSelect('rs.classification', 'classification');
    if (query.classCode) {
      builder.andWhere('classification.class_code = :classCode', { classCode: query.classCode });
    }
    const direction = query.order === 'asc' ? 'ASC' : 'DESC';
    const [items, total] = await builder
      .orderBy(SORT_COLUMNS[query.sort], direction)
      .addOrderBy('classification.classCode', 'ASC')
      .addOrderBy('rs.id', 'ASC')
      .skip(skipFor(query))
      .take(query.pageSize)
      .getManyAndCount();
    return pageOf(items as RuleSetWithClass[], total, query);
  }

  async get(id: string): Promise<RuleSetWithClass> {
    const ruleSet = await this.dataSource.getRepository(EligibilityRuleSet).findOne({
      where: { id },
      relations: { classification: true },
    });
    if (!ruleSet) throw DomainError.notFound('Rule set');
    return ruleSet as RuleSetWithClass;
  }

  /**
   * A new version. Every problem is reported at once, each with the path of its node; nothing
   * is written unless all is well. Same class and date as an existing version: 409.
   */
  async create(input: CreateRuleSetDto, actor: Actor): Promise<RuleSetWithClass> {
    const classCode = typeof input.classCode === 'string' ? input.classCode.trim() : null;
    const classification =
      classCode === null || classCode === ''
        ? null
        : await this.dataSource.getRepository(Classification).findOneBy({ classCode });
    const raw: Record<string, unknown> = {
      classCode: input.classCode,
      // The title is the catalog's: not part of the input, so it never fails here.
      title: classification?.title ?? 'unknown class',
      effectiveFrom: input.effectiveFrom,
      patterns: input.patterns,
    };
    if (input.illustrative !== undefined) raw.illustrative = input.illustrative;

    const validation = validateRuleSet(raw);
    const catalogErrors: RuleSetError[] =
      classCode !== null && classCode !== '' && !classification
        ? [{ path: 'classCode', message: `unknown class ${classCode}` }]
        : [];
    const errors = mergeInDocumentOrder(
      catalogErrors,
      validation.ok ? [] : validation.errors,
      ruleSetVocabularyProblems(raw, {
        occupationalGroups: OCCUPATIONAL_GROUPS,
        trainingKinds: TRAINING_KINDS,
      }),
    );
    if (errors.length > 0 || !validation.ok || !classification) {
      throw DomainError.validation(errors.map(toFieldProblem), 'The rule set is not valid');
    }
    const ruleSet = validation.ruleSet;

    return this.dataSource.transaction(async (manager) => {
      const record = manager.create(EligibilityRuleSet, {
        classificationId: classification.id,
        effectiveFrom: ruleSet.effectiveFrom,
        definition: ruleSet,
        illustrative: ruleSet.illustrative === true,
        createdBy: actor.user.id,
      });
      try {
        await manager.save(record);
      } catch (error) {
        if (isUniqueViolation(error)) {
          throw new DomainError(
            'CONFLICT',
            `A version of the ${ruleSet.classCode} rules already takes effect on ${ruleSet.effectiveFrom}: versions are added, never replaced`,
            [{ field: 'effectiveFrom', message: 'already has a version for this class' }],
          );
        }
        throw error;
      }
      await this.audit.record(manager, actor, {
        action: 'CREATE',
        entityType: 'eligibility_rule_set',
        entityId: record.id,
        departmentId: null,
        changes: diffForAudit(null, auditView(ruleSet, classification.id)),
      });
      const saved = await manager.findOneOrFail(EligibilityRuleSet, {
        where: { id: record.id },
        relations: { classification: true },
      });
      return saved as RuleSetWithClass;
    });
  }

  /** The version in force on `asOf` for each class: the greatest effectiveFrom on or before it. */
  async inForce(
    manager: EntityManager,
    classificationIds: readonly string[],
    asOf: string,
  ): Promise<Map<string, RuleSetInForce>> {
    if (classificationIds.length === 0) return new Map();
    const records = await manager
      .getRepository(EligibilityRuleSet)
      .createQueryBuilder('rs')
      .innerJoinAndSelect('rs.classification', 'classification')
      .distinctOn(['rs.classification_id'])
      .where('rs.classification_id IN (:...ids)', { ids: [...new Set(classificationIds)] })
      .andWhere('rs.effective_from <= :asOf', { asOf })
      .orderBy('rs.classification_id')
      .addOrderBy('rs.effective_from', 'DESC')
      .getMany();
    return new Map(
      (records as RuleSetWithClass[]).map((record) => [
        record.classificationId,
        { record, ruleSet: ruleSetOf(record) },
      ]),
    );
  }

  /** `ruleSetInForce(classificationId, asOf)`: null when no version has taken effect by then. */
  async ruleSetInForce(
    classificationId: string,
    asOf: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<RuleSetInForce | null> {
    return (await this.inForce(manager, [classificationId], asOf)).get(classificationId) ?? null;
  }
}

/** The stored rules with the catalog's current class code and title and the row's own dates. */
export function ruleSetOf(record: RuleSetWithClass): RuleSet {
  return {
    ...record.definition,
    classCode: record.classification.classCode,
    title: record.classification.title,
    effectiveFrom: record.effectiveFrom,
    illustrative: record.illustrative,
  };
}

function toFieldProblem(error: RuleSetError): FieldProblem {
  return { field: error.path === '' ? 'body' : error.path, message: error.message };
}
