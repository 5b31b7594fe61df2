import {
  acknowledgementMissing,
  applicationRefusals,
  isOpenApplication,
} from './application-eligibility.rule';
import type { ApplicantFacts, ApplicationState } from './application-eligibility.rule';

const ELIGIBLE: ApplicantFacts = {
  employeeStatus: 'ACTIVE',
  currentClassDesignation: 'LPEL',
  hasOpenApplication: false,
  hasActiveParticipation: false,
};

describe('applicationRefusals', () => {
  it.each([
    [{}, []],
    [{ currentClassDesignation: 'BRIDGING' }, []],
    [{ currentClassDesignation: 'ELTPA' }, ['NOT_IN_ORIGIN_CLASS']],
    [{ currentClassDesignation: 'NONE' }, ['NOT_IN_ORIGIN_CLASS']],
    [{ hasOpenApplication: true }, ['OPEN_APPLICATION']],
    [{ hasActiveParticipation: true }, ['ACTIVE_PARTICIPATION']],
    [{ employeeStatus: 'SEPARATED' }, ['SEPARATED']],
    [
      { currentClassDesignation: 'ELTPA', hasOpenApplication: true, hasActiveParticipation: true },
      ['NOT_IN_ORIGIN_CLASS', 'OPEN_APPLICATION', 'ACTIVE_PARTICIPATION'],
    ],
  ] as [Partial<ApplicantFacts>, string[]][])('%j -> %j', (overrides, codes) => {
    expect(applicationRefusals({ ...ELIGIBLE, ...overrides }).map((r) => r.code)).toEqual(codes);
  });

  it('says which designation the class has', () => {
    expect(applicationRefusals({ ...ELIGIBLE, currentClassDesignation: 'ELTPA' })[0].message).toBe(
      "the employee's class is designated ELTPA, not LPEL or BRIDGING",
    );
  });
});

describe('application states', () => {
  it.each([
    ['SUBMITTED', true],
    ['WAITLISTED', true],
    ['ACCEPTED', false],
    ['DECLINED', false],
    ['WITHDRAWN', false],
  ] as [ApplicationState, boolean][])('%s open: %s', (state, open) => {
    expect(isOpenApplication(state)).toBe(open);
  });
});

describe('acknowledgementMissing', () => {
  it.each([
    ['ACCEPTED', true, false, true],
    ['ACCEPTED', true, true, false],
    ['ACCEPTED', false, false, false],
    ['WAITLISTED', true, false, false],
    ['DECLINED', true, false, false],
  ] as const)('%s, has supervisor %s, acknowledged %s -> %s', (decision, sup, ack, missing) => {
    expect(acknowledgementMissing(decision, sup, ack)).toBe(missing);
  });
});
