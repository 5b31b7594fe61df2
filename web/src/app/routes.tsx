/** Which pages each role has: the navigation and the route table come from this one list. */
import type { ReactNode } from 'react';
import type { Role } from '../api/types';
import { CertifiedReportPage } from '../pages/auditor/CertifiedReportPage';
import { CertifiedReportsPage } from '../pages/auditor/CertifiedReportsPage';
import { StatewidePage } from '../pages/auditor/StatewidePage';
import { AnnualReportPage } from '../pages/coordinator/AnnualReportPage';
import { DashboardPage } from '../pages/coordinator/DashboardPage';
import { EmployeePage } from '../pages/coordinator/EmployeePage';
import { EmployeesPage } from '../pages/coordinator/EmployeesPage';
import { GoalsPage } from '../pages/coordinator/GoalsPage';
import { ImportsPage } from '../pages/coordinator/ImportsPage';
import { VerifyTrainingPage } from '../pages/coordinator/VerifyTrainingPage';
import { MyConversationsPage } from '../pages/employee/MyConversationsPage';
import { MyEligibilityPage } from '../pages/employee/MyEligibilityPage';
import { MyPlanPage } from '../pages/employee/MyPlanPage';
import { MyRecordPage } from '../pages/employee/MyRecordPage';
import { MyTrainingPage } from '../pages/employee/MyTrainingPage';
import { LogConversationPage } from '../pages/supervisor/LogConversationPage';
import { ReviewPlanPage } from '../pages/supervisor/ReviewPlanPage';
import { ReviewsPage } from '../pages/supervisor/ReviewsPage';
import { TeamPage } from '../pages/supervisor/TeamPage';

export interface AppRoute {
  path: string;
  /** In the navigation when set. */
  nav?: string;
  render(params: Record<string, string>): ReactNode;
}

const EMPLOYEE: AppRoute[] = [
  { path: '/me', nav: 'My record', render: () => <MyRecordPage /> },
  { path: '/me/eligibility', nav: 'My eligibility', render: () => <MyEligibilityPage /> },
  { path: '/me/plan', nav: 'My career plan', render: () => <MyPlanPage /> },
  { path: '/me/training', nav: 'My training', render: () => <MyTrainingPage /> },
  { path: '/me/conversations', nav: 'My conversations', render: () => <MyConversationsPage /> },
];

const SUPERVISOR: AppRoute[] = [
  { path: '/team', nav: 'My direct reports', render: () => <TeamPage /> },
  { path: '/reviews', nav: 'Plans to review', render: () => <ReviewsPage /> },
  { path: '/reviews/:planId', render: (p) => <ReviewPlanPage planId={p.planId} /> },
  { path: '/conversations', nav: 'Career conversations', render: () => <LogConversationPage /> },
];

const COORDINATOR: AppRoute[] = [
  { path: '/dashboard', nav: 'Dashboard', render: () => <DashboardPage /> },
  { path: '/employees', nav: 'Employees', render: () => <EmployeesPage /> },
  { path: '/employees/:id', render: (p) => <EmployeePage employeeId={p.id} /> },
  { path: '/training', nav: 'Verify training', render: () => <VerifyTrainingPage /> },
  { path: '/imports', nav: 'Imports', render: () => <ImportsPage /> },
  { path: '/goals', nav: 'Goals', render: () => <GoalsPage /> },
  { path: '/reports', nav: 'Annual report', render: () => <AnnualReportPage /> },
];

const AUDITOR: AppRoute[] = [
  { path: '/statewide', nav: 'Statewide roll-up', render: () => <StatewidePage /> },
  { path: '/certified', nav: 'Certified reports', render: () => <CertifiedReportsPage /> },
  {
    path: '/certified/:departmentId/:fiscalYear/:version',
    render: (p) => (
      <CertifiedReportPage
        departmentId={p.departmentId}
        fiscalYear={p.fiscalYear}
        version={Number(p.version)}
      />
    ),
  },
];

export const ROUTES: Record<Role, AppRoute[]> = {
  EMPLOYEE,
  SUPERVISOR,
  COORDINATOR,
  AUDITOR,
  // Administrators use the API for setup; in the web app they read what oversight reads.
  ADMIN: AUDITOR,
};

export function homeOf(role: Role): string {
  return ROUTES[role][0].path;
}
