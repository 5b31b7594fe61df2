import type { Eeo4Category, OccupationalGroup } from '../classifications/occupational-groups';

export interface CatalogEntry {
  classCode: string;
  title: string;
  occupationalGroup: OccupationalGroup;
  salaryLow: number;
  salaryHigh: number;
  eeo4Category: Eeo4Category;
}

/**
 * Demonstration catalog. The codes of the office classes and of Staff Services Analyst are the
 * state's (domain notes); the other codes and every salary range are illustrative only.
 */
export const DEMO_CATALOG: CatalogEntry[] = [
  // Office & Allied Services (low-paying)
  {
    classCode: '1441',
    title: 'Office Assistant (General)',
    occupationalGroup: 'OFFICE_ALLIED',
    salaryLow: 3162,
    salaryHigh: 3960,
    eeo4Category: 'ADMINISTRATIVE_SUPPORT',
  },
  {
    classCode: '1379',
    title: 'Office Assistant (Typing)',
    occupationalGroup: 'OFFICE_ALLIED',
    salaryLow: 3162,
    salaryHigh: 3960,
    eeo4Category: 'ADMINISTRATIVE_SUPPORT',
  },
  {
    classCode: '1138',
    title: 'Office Technician (General)',
    occupationalGroup: 'OFFICE_ALLIED',
    salaryLow: 3678,
    salaryHigh: 4604,
    eeo4Category: 'ADMINISTRATIVE_SUPPORT',
  },
  {
    classCode: '1139',
    title: 'Office Technician (Typing)',
    occupationalGroup: 'OFFICE_ALLIED',
    salaryLow: 3678,
    salaryHigh: 4604,
    eeo4Category: 'ADMINISTRATIVE_SUPPORT',
  },
  {
    classCode: '1434',
    title: 'Mail and Supply Clerk',
    occupationalGroup: 'OFFICE_ALLIED',
    salaryLow: 3094,
    salaryHigh: 3871,
    eeo4Category: 'ADMINISTRATIVE_SUPPORT',
  },
  {
    classCode: '1741',
    title: 'Accounting Technician',
    occupationalGroup: 'OFFICE_ALLIED',
    salaryLow: 3590,
    salaryHigh: 4495,
    eeo4Category: 'ADMINISTRATIVE_SUPPORT',
  },
  {
    classCode: '9928',
    title: 'Program Technician',
    occupationalGroup: 'OFFICE_ALLIED',
    salaryLow: 3300,
    salaryHigh: 4133,
    eeo4Category: 'ADMINISTRATIVE_SUPPORT',
  },
  {
    classCode: '9927',
    title: 'Program Technician II',
    occupationalGroup: 'OFFICE_ALLIED',
    salaryLow: 3604,
    salaryHigh: 4512,
    eeo4Category: 'ADMINISTRATIVE_SUPPORT',
  },
  {
    classCode: '1416',
    title: 'Warehouse Worker',
    occupationalGroup: 'OFFICE_ALLIED',
    salaryLow: 3357,
    salaryHigh: 4204,
    eeo4Category: 'SERVICE_MAINTENANCE',
  },
  // Custodial & Domestic Services
  {
    classCode: '2006',
    title: 'Custodian',
    occupationalGroup: 'CUSTODIAL_DOMESTIC',
    salaryLow: 3041,
    salaryHigh: 3807,
    eeo4Category: 'SERVICE_MAINTENANCE',
  },
  {
    classCode: '2005',
    title: 'Custodian Supervisor I',
    occupationalGroup: 'CUSTODIAL_DOMESTIC',
    salaryLow: 3342,
    salaryHigh: 4184,
    eeo4Category: 'SERVICE_MAINTENANCE',
  },
  {
    classCode: '2181',
    title: 'Food Service Technician I',
    occupationalGroup: 'CUSTODIAL_DOMESTIC',
    salaryLow: 2915,
    salaryHigh: 3650,
    eeo4Category: 'SERVICE_MAINTENANCE',
  },
  {
    classCode: '2193',
    title: 'Laundry Worker',
    occupationalGroup: 'CUSTODIAL_DOMESTIC',
    salaryLow: 2980,
    salaryHigh: 3730,
    eeo4Category: 'SERVICE_MAINTENANCE',
  },
  // Horticulture
  {
    classCode: '6520',
    title: 'Groundskeeper',
    occupationalGroup: 'HORTICULTURE',
    salaryLow: 3221,
    salaryHigh: 4032,
    eeo4Category: 'SERVICE_MAINTENANCE',
  },
  {
    classCode: '6521',
    title: 'Tree Maintenance Worker',
    occupationalGroup: 'HORTICULTURE',
    salaryLow: 3471,
    salaryHigh: 4346,
    eeo4Category: 'SKILLED_CRAFT',
  },
  // Mechanical & Construction Trades
  {
    classCode: '6941',
    title: 'Maintenance Worker',
    occupationalGroup: 'MECHANICAL_CONSTRUCTION_TRADES',
    salaryLow: 3611,
    salaryHigh: 4521,
    eeo4Category: 'SKILLED_CRAFT',
  },
  {
    classCode: '6945',
    title: 'Painter I',
    occupationalGroup: 'MECHANICAL_CONSTRUCTION_TRADES',
    salaryLow: 4212,
    salaryHigh: 5273,
    eeo4Category: 'SKILLED_CRAFT',
  },
  {
    classCode: '6946',
    title: 'Building Maintenance Worker',
    occupationalGroup: 'MECHANICAL_CONSTRUCTION_TRADES',
    salaryLow: 3950,
    salaryHigh: 4946,
    eeo4Category: 'SKILLED_CRAFT',
  },
  // Career development / bridging
  {
    classCode: '5278',
    title: 'Management Services Technician',
    occupationalGroup: 'CAREER_DEVELOPMENT_BRIDGING',
    salaryLow: 3604,
    salaryHigh: 4512,
    eeo4Category: 'TECHNICIANS',
  },
  {
    classCode: '1303',
    title: 'Personnel Specialist',
    occupationalGroup: 'CAREER_DEVELOPMENT_BRIDGING',
    salaryLow: 3761,
    salaryHigh: 4709,
    eeo4Category: 'TECHNICIANS',
  },
  {
    classCode: '1402',
    title: 'Information Technology Technician',
    occupationalGroup: 'CAREER_DEVELOPMENT_BRIDGING',
    salaryLow: 3870,
    salaryHigh: 4846,
    eeo4Category: 'TECHNICIANS',
  },
  // Entry technical, professional and administrative (TPA)
  {
    classCode: '5157',
    title: 'Staff Services Analyst (General)',
    occupationalGroup: 'FISCAL_MANAGEMENT_STAFF_SERVICES',
    salaryLow: 4322,
    salaryHigh: 5839,
    eeo4Category: 'PROFESSIONALS',
  },
  {
    classCode: '4548',
    title: 'Accountant Trainee',
    occupationalGroup: 'FISCAL_MANAGEMENT_STAFF_SERVICES',
    salaryLow: 4201,
    salaryHigh: 5260,
    eeo4Category: 'PROFESSIONALS',
  },
  {
    classCode: '1401',
    title: 'Information Technology Associate',
    occupationalGroup: 'FISCAL_MANAGEMENT_STAFF_SERVICES',
    salaryLow: 4629,
    salaryHigh: 6203,
    eeo4Category: 'PROFESSIONALS',
  },
  {
    classCode: '8350',
    title: 'Research Data Analyst I',
    occupationalGroup: 'FISCAL_MANAGEMENT_STAFF_SERVICES',
    salaryLow: 4465,
    salaryHigh: 5588,
    eeo4Category: 'PROFESSIONALS',
  },
  {
    classCode: '3427',
    title: 'Engineering Technician Trainee',
    occupationalGroup: 'ENGINEERING_ALLIED',
    salaryLow: 3810,
    salaryHigh: 4770,
    eeo4Category: 'TECHNICIANS',
  },
  {
    classCode: '9872',
    title: 'Social Worker Trainee',
    occupationalGroup: 'SOCIAL_SECURITY_REHABILITATION',
    salaryLow: 4100,
    salaryHigh: 5133,
    eeo4Category: 'PROFESSIONALS',
  },
  {
    classCode: '0945',
    title: 'Environmental Scientist',
    occupationalGroup: 'AGRICULTURE_CONSERVATION',
    salaryLow: 4924,
    salaryHigh: 7364,
    eeo4Category: 'PROFESSIONALS',
  },
  {
    classCode: '7510',
    title: 'Legal Analyst',
    occupationalGroup: 'LEGAL',
    salaryLow: 4490,
    salaryHigh: 5620,
    eeo4Category: 'PROFESSIONALS',
  },
  // Journey and supervisory classes (context for a believable department)
  {
    classCode: '5393',
    title: 'Associate Governmental Program Analyst',
    occupationalGroup: 'FISCAL_MANAGEMENT_STAFF_SERVICES',
    salaryLow: 6134,
    salaryHigh: 7683,
    eeo4Category: 'PROFESSIONALS',
  },
  {
    classCode: '4800',
    title: 'Staff Services Manager I',
    occupationalGroup: 'FISCAL_MANAGEMENT_STAFF_SERVICES',
    salaryLow: 6781,
    salaryHigh: 8427,
    eeo4Category: 'OFFICIALS_ADMINISTRATORS',
  },
  {
    classCode: '1150',
    title: 'Office Services Supervisor I (General)',
    occupationalGroup: 'OFFICE_ALLIED',
    salaryLow: 3907,
    salaryHigh: 4893,
    eeo4Category: 'ADMINISTRATIVE_SUPPORT',
  },
];

export const DEMO_DEPARTMENT = {
  code: 'DEMO',
  name: 'Department of Demonstration Services (demo data)',
  reportDueMonthDay: '07-01',
  stateTimeTrainingCapHours: '80.00',
  smallCellThreshold: 5,
};

/** The demo department's designations (the same each fiscal year), with ladders to its targets. */
export const DEMO_DESIGNATIONS: {
  classCode: string;
  designation: 'LPEL' | 'BRIDGING' | 'ELTPA';
  ladderTargetClassCodes: string[];
}[] = [
  ...['1441', '1379', '1138', '1139', '1434', '1741', '9928', '9927', '1416'].map((classCode) => ({
    classCode,
    designation: 'LPEL' as const,
    ladderTargetClassCodes: ['5157', '4548'],
  })),
  ...['2006', '2005', '2181', '2193', '6520', '6521', '6941', '6945', '6946'].map((classCode) => ({
    classCode,
    designation: 'LPEL' as const,
    ladderTargetClassCodes: ['3427', '5157'],
  })),
  { classCode: '5278', designation: 'BRIDGING', ladderTargetClassCodes: ['5157', '8350'] },
  { classCode: '1303', designation: 'BRIDGING', ladderTargetClassCodes: ['5157'] },
  { classCode: '1402', designation: 'BRIDGING', ladderTargetClassCodes: ['1401'] },
  ...['5157', '4548', '1401', '8350', '3427', '9872', '0945', '7510'].map((classCode) => ({
    classCode,
    designation: 'ELTPA' as const,
    ladderTargetClassCodes: [],
  })),
];
