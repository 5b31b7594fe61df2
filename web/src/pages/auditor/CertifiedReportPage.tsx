import type { AnnualReport } from '../../api/types';
import { Link } from '../../app/router';
import { useApi } from '../../app/use-api';
import { DownloadButton } from '../../components/Controls';
import { Async } from '../../components/Feedback';
import { Page } from '../../components/Page';
import { ReportPreview } from '../../components/ReportPreview';

export function CertifiedReportPage({
  departmentId,
  fiscalYear,
  version,
}: {
  departmentId: string;
  fiscalYear: string;
  version: number;
}) {
  const path = `/departments/${departmentId}/reports/annual/${fiscalYear}/versions/${version}`;
  const report = useApi<AnnualReport>(path, { format: 'json', audience: 'oversight' });
  const code = report.data?.header.departmentCode;
  return (
    <Page
      title={
        code
          ? `${code} annual report ${fiscalYear}, version ${version}`
          : `Annual report ${fiscalYear}, version ${version}`
      }
    >
      <p>
        <Link to="/certified">Back to the certified reports</Link>
      </p>
      <div className="actions">
        <DownloadButton path={path} query={{ format: 'pdf', audience: 'oversight' }}>
          Download PDF
        </DownloadButton>
        <DownloadButton path={path} query={{ format: 'xlsx', audience: 'oversight' }}>
          Download XLSX
        </DownloadButton>
      </div>
      <Async state={report} label="the certified report">
        {(data) => <ReportPreview report={data} />}
      </Async>
    </Page>
  );
}
