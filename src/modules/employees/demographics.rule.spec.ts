import type { Role } from '../../common/auth/role';
import type { EthnicityCode } from './demographics';
import {
  canSeeDemographics,
  canUseSelfIdentification,
  demographicReadsToAudit,
  ethnicityProblems,
} from './demographics.rule';

const HOME = 'home-department';
const OTHER = 'other-department';
const EMPLOYEE = { id: 'employee-1', departmentId: HOME };

function viewer(role: Role, departmentId: string | null, employeeId: string | null = null) {
  return { role, departmentId, employeeId };
}

describe('canSeeDemographics and canUseSelfIdentification', () => {
  it.each([
    // [who, viewer, sees on records, may use the self-identification route]
    ['ADMIN', viewer('ADMIN', null), true, true],
    ['ADMIN who is the employee', viewer('ADMIN', null, 'employee-1'), true, true],
    ['COORDINATOR of the department', viewer('COORDINATOR', HOME), true, true],
    ['COORDINATOR of another department', viewer('COORDINATOR', OTHER), false, false],
    ['COORDINATOR without a department', viewer('COORDINATOR', null), false, false],
    ['SUPERVISOR of the employee', viewer('SUPERVISOR', HOME, 'boss'), false, false],
    ['the EMPLOYEE themselves', viewer('EMPLOYEE', HOME, 'employee-1'), false, true],
    [
      'a SUPERVISOR reading their own record',
      viewer('SUPERVISOR', HOME, 'employee-1'),
      false,
      true,
    ],
    ['another EMPLOYEE', viewer('EMPLOYEE', HOME, 'employee-2'), false, false],
    ['AUDITOR', viewer('AUDITOR', null), false, false],
  ] as const)('%s: records %s, own route %s', (_who, user, sees, uses) => {
    expect(canSeeDemographics(user, EMPLOYEE)).toBe(sees);
    expect(canUseSelfIdentification(user, EMPLOYEE)).toBe(uses);
  });
});

describe('demographicReadsToAudit', () => {
  const employees = [
    { id: 'a', departmentId: HOME },
    { id: 'b', departmentId: OTHER },
    { id: 'self', departmentId: HOME },
  ];

  it.each([
    ['ADMIN reads everyone but themselves', viewer('ADMIN', null, 'self'), ['a', 'b']],
    ['COORDINATOR reads their department only', viewer('COORDINATOR', HOME), ['a', 'self']],
    ['COORDINATOR reading their own record', viewer('COORDINATOR', HOME, 'self'), ['a']],
    ['SUPERVISOR reads nobody', viewer('SUPERVISOR', HOME, 'self'), []],
    ['EMPLOYEE reads nobody', viewer('EMPLOYEE', HOME, 'self'), []],
  ] as const)('%s', (_why, user, expected) => {
    expect(demographicReadsToAudit(user, employees)).toEqual(expected);
  });
});

describe('ethnicityProblems', () => {
  const DECLINED_ALONE = 'DECLINED cannot be combined with other codes';
  const TWICE = 'must not list a code twice';
  const EMPTY = 'must list at least one code (or be null: not answered)';

  it.each([
    // [codes, expected messages]
    [null, []],
    [undefined, []],
    [['HISPANIC'], []],
    [['ASIAN_KOREAN', 'WHITE', 'PACIFIC_ISLANDER_SAMOAN'], []],
    [['DECLINED'], []],
    [[], [EMPTY]],
    [['DECLINED', 'WHITE'], [DECLINED_ALONE]],
    [['WHITE', 'WHITE'], [TWICE]],
    [
      ['DECLINED', 'DECLINED'],
      [DECLINED_ALONE, TWICE],
    ],
  ] as [EthnicityCode[] | null | undefined, string[]][])('%j -> %j', (codes, messages) => {
    expect(ethnicityProblems(codes)).toEqual(
      messages.map((message) => ({ field: 'ethnicities', message })),
    );
  });

  it('names the field it is given', () => {
    expect(ethnicityProblems([], 'body.ethnicities')).toEqual([
      { field: 'body.ethnicities', message: EMPTY },
    ]);
  });
});
