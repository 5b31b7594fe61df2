import type { EmployeeEligibility, PatternResult, TargetEligibility } from '../../api/types';
import { useOwnEmployeeId } from '../../app/session';
import { useApi } from '../../app/use-api';
import { Async, Badge } from '../../components/Feedback';
import { Page } from '../../components/Page';
import { formatDate } from '../../lib/format';
import {
  gapInWords,
  patternsNearestFirst,
  patternSummary,
  projectionInWords,
  statusInWords,
} from '../../lib/eligibility-words';

export function MyEligibilityPage() {
  const employeeId = useOwnEmployeeId();
  const eligibility = useApi<EmployeeEligibility>(`/employees/${employeeId}/eligibility`);
  return (
    <Page
      title="My eligibility"
      intro="Where you stand against the minimum qualifications of each class your department's upward mobility program leads to."
    >
      <Async state={eligibility} label="your eligibility">
        {(data) =>
          data.targets.length === 0 ? (
            <p>Your department has no target classes with qualification rules in force.</p>
          ) : (
            <>
              <p>As of {formatDate(data.asOf)}.</p>
              {data.targets.map((target) => (
                <Target key={target.classCode} target={target} />
              ))}
            </>
          )
        }
      </Async>
    </Page>
  );
}

function Target({ target }: { target: TargetEligibility }) {
  const [nearest, ...others] = patternsNearestFirst(target);
  const tone =
    target.status === 'ELIGIBLE' ? 'good' : target.status === 'EXAM_ELIGIBLE' ? 'warn' : undefined;
  return (
    <section className="card" aria-labelledby={`target-${target.classCode}`}>
      <h2 id={`target-${target.classCode}`}>
        {target.title} ({target.classCode})
      </h2>
      <p>
        <Badge tone={tone}>
          {target.status === 'NOT_YET'
            ? 'Not yet'
            : target.status === 'ELIGIBLE'
              ? 'Eligible'
              : 'Exam eligible'}
        </Badge>{' '}
        {statusInWords(target.status)}
      </p>
      {target.illustrative ? (
        <p className="note">
          These qualification rules are an example, not the official class specification.
        </p>
      ) : null}
      {nearest ? (
        <Pattern pattern={nearest} heading={`Closest way to qualify: ${nearest.label}`} />
      ) : null}
      {others.length > 0 ? (
        <details>
          <summary>Other ways to qualify ({others.length})</summary>
          {others.map((pattern) => (
            <Pattern key={pattern.patternId} pattern={pattern} heading={pattern.label} />
          ))}
        </details>
      ) : null}
    </section>
  );
}

function Pattern({ pattern, heading }: { pattern: PatternResult; heading: string }) {
  return (
    <div className="pattern">
      <h3>{heading}</h3>
      <p>{patternSummary(pattern)}</p>
      <ul className="requirements">
        {pattern.requirements.map((requirement) => {
          const projection = projectionInWords(requirement);
          return (
            <li key={requirement.index} className={requirement.met ? 'met' : 'unmet'}>
              <p>
                <span className="visually-hidden">{requirement.met ? 'Met: ' : 'Not met: '}</span>
                <span aria-hidden="true" className="mark">
                  {requirement.met ? '✓' : '○'}
                </span>{' '}
                <strong>
                  {requirement.need.explanation.charAt(0).toUpperCase() +
                    requirement.need.explanation.slice(1)}
                </strong>
              </p>
              <p>
                {gapInWords(requirement)} {projection}
              </p>
              <p className="note">You have {requirement.have.explanation}.</p>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
