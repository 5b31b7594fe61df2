import type { MigrationInterface } from 'typeorm';
import { ReferenceData1795646928632 } from './1795646928632-ReferenceData';
import { IdentityAndAudit1795647720118 } from './1795647720118-IdentityAndAudit';
import { UmDesignations1795648240637 } from './1795648240637-UmDesignations';
import { ProgramRecords1795648485208 } from './1795648485208-ProgramRecords';
import { IntegrityConstraints1795650152047 } from './1795650152047-IntegrityConstraints';
import { EligibilityRuleSets1795651479309 } from './1795651479309-EligibilityRuleSets';
import { DepartmentUmCoordinator1795651622100 } from './1795651622100-DepartmentUmCoordinator';
import { AnnualReports1795652313398 } from './1795652313398-AnnualReports';
import { ReportFiles1795657941257 } from './1795657941257-ReportFiles';
import { Imports1795659186345 } from './1795659186345-Imports';

/** Applied in this order; append new migrations, never edit landed ones. */
export const MIGRATIONS: (new () => MigrationInterface)[] = [
  ReferenceData1795646928632,
  IdentityAndAudit1795647720118,
  UmDesignations1795648240637,
  ProgramRecords1795648485208,
  IntegrityConstraints1795650152047,
  EligibilityRuleSets1795651479309,
  DepartmentUmCoordinator1795651622100,
  AnnualReports1795652313398,
  ReportFiles1795657941257,
  Imports1795659186345,
];
