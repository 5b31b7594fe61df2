import { AuditEntry } from '../modules/audit/audit-entry.entity';
import { RefreshToken } from '../modules/auth/refresh-token.entity';
import { Classification } from '../modules/classifications/classification.entity';
import { UmDesignationRecord } from '../modules/classifications/um-designation.entity';
import { Department } from '../modules/departments/department.entity';
import { User } from '../modules/users/user.entity';

/** Every entity the schema knows; listed explicitly so TS (tests) and JS (build) agree. */
export const ENTITIES = [
  Department,
  Classification,
  User,
  RefreshToken,
  AuditEntry,
  UmDesignationRecord,
];
