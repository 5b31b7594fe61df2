import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Classification } from '../classifications/classification.entity';
import { Department } from '../departments/department.entity';
import { DEMO_CATALOG, DEMO_DEPARTMENT } from './demo-catalog';

export interface DemoSeedResult {
  created: boolean;
  departmentCode: string;
}

/** Loads the demonstration department the first time the service starts with DEMO_DATA on. */
@Injectable()
export class DemoDataService {
  constructor(private readonly dataSource: DataSource) {}

  async seedIfEmpty(): Promise<DemoSeedResult> {
    return this.dataSource.transaction(async (manager) => {
      // Serialize concurrent first starts against the same database.
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', ['demo-data-seed']);
      if (await manager.existsBy(Department, { code: DEMO_DEPARTMENT.code })) {
        return { created: false, departmentCode: DEMO_DEPARTMENT.code };
      }
      await manager.save(manager.create(Department, DEMO_DEPARTMENT));
      const known = new Set((await manager.find(Classification)).map((c) => c.classCode));
      const missing = DEMO_CATALOG.filter((entry) => !known.has(entry.classCode)).map((entry) =>
        manager.create(Classification, {
          ...entry,
          salaryLow: entry.salaryLow.toFixed(2),
          salaryHigh: entry.salaryHigh.toFixed(2),
        }),
      );
      await manager.save(missing);
      return { created: true, departmentCode: DEMO_DEPARTMENT.code };
    });
  }
}
