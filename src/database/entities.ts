import { Classification } from '../modules/classifications/classification.entity';
import { Department } from '../modules/departments/department.entity';

/** Every entity the schema knows; listed explicitly so TS (tests) and JS (build) agree. */
export const ENTITIES = [Department, Classification];
