import { useState } from 'react';
import { api } from '../../api/client';
import type { AnnualReport, Page as ApiPage, ReportVersion } from '../../api/types';
import { useAnnouncer } from '../../app/announcer';
import { useApi } from '../../app/use-api';
import { useDepartmentId } from '../../app/use-department';
import { ConfirmButton, DownloadButton, TableScroll } from '../../components/Controls';
import { Async, ErrorSummary } from '../../components/Feedback';
import { FiscalYearSelect, lastClosedFiscalYear } from '../../components/FiscalYearSelect';
import { Page } from '../../components/Page';
import { ReportPreview } from '../../components/ReportPreview';
import { formatInstant } from '../../lib/format';

export function AnnualReportPage() {
  const departmentId = useDepartmentId();
  const [fiscalYear, setFiscalYear] = useState(lastClosedFiscalYear());
  return (
    <Page
      title="Annual report"
      intro="Generate the department's annual upward mobility report, check it, then certify it. A certified version is frozen: its PDF and spreadsheet never change."
    >
      <FiscalYearSelect value={fiscalYear} onChange={setFiscalYear} />
      <ReportYear key={fiscalYear} departmentId={departmentId} fiscalYear={fiscalYear} />
    </Page>
  );
}

function ReportYear({ departmentId, fiscalYear }: { departmentId: string; fiscalYear: string }) {
  const { announce } = useAnnouncer();
  const base = `/departments/${departmentId}/reports/annual/${fiscalYear}`;
  const versions = useApi<ApiPage<ReportVersion>>(`${base}/versions`, {
    pageSize: 50,
    order: 'desc',
  });
  const [draftRequested, setDraftRequested] = useState(false);
  const draft = useApi<AnnualReport>(draftRequested ? base : null, { format: 'json' });
  const [certifyError, setCertifyError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const certify = async () => {
    setBusy(true);
    setCertifyError(null);
    try {
      const version = await api<ReportVersion>(`${base}/certify`, { method: 'POST' });
      announce(`The ${fiscalYear} report was certified as version ${version.version}.`);
      versions.reload();
      draft.reload();
    } catch (caught) {
      setCertifyError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <section aria-labelledby="draft-heading">
        <h2 id="draft-heading">Draft for {fiscalYear}</h2>
        <div className="actions">
          <button
            type="button"
            onClick={() => (draftRequested ? draft.reload() : setDraftRequested(true))}
            disabled={draft.loading}
          >
            {draft.loading
              ? 'Generating…'
              : draftRequested
                ? 'Generate again'
                : 'Generate and preview the draft'}
          </button>
          <DownloadButton path={base} query={{ format: 'pdf' }}>
            Download the draft (PDF)
          </DownloadButton>
          <DownloadButton path={base} query={{ format: 'xlsx' }}>
            Download the draft (XLSX)
          </DownloadButton>
        </div>
        {draftRequested ? (
          <Async state={draft} label="the draft">
            {(report) => (
              <>
                <ReportPreview report={report} />
                <div className="card">
                  <h2>Certify</h2>
                  <p>
                    Certifying freezes the report as it is now (every format, for the department and
                    for oversight) and sends it to oversight. Corrections later need a new version.
                  </p>
                  <ErrorSummary error={certifyError} title="The report was not certified" />
                  <ConfirmButton
                    disabled={busy}
                    question={`Certify the ${fiscalYear} report as it is now?`}
                    confirmLabel={`Yes, certify the ${fiscalYear} report`}
                    onConfirm={certify}
                  >
                    Certify the report
                  </ConfirmButton>
                </div>
              </>
            )}
          </Async>
        ) : null}
      </section>

      <section aria-labelledby="versions-heading">
        <h2 id="versions-heading">Certified versions of {fiscalYear}</h2>
        <Async state={versions} label="the certified versions">
          {(page) =>
            page.items.length === 0 ? (
              <p>Not certified yet.</p>
            ) : (
              <TableScroll label="Certified versions">
                <table>
                  <caption>Certified versions, newest first</caption>
                  <thead>
                    <tr>
                      <th scope="col">Version</th>
                      <th scope="col">Certified</th>
                      <th scope="col">Downloads</th>
                    </tr>
                  </thead>
                  <tbody>
                    {page.items.map((version) => (
                      <tr key={version.id}>
                        <th scope="row">Version {version.version}</th>
                        <td>{formatInstant(version.certifiedAt)}</td>
                        <td className="actions">
                          <DownloadButton
                            path={`${base}/versions/${version.version}`}
                            query={{ format: 'pdf' }}
                          >
                            PDF
                            <span className="visually-hidden"> of version {version.version}</span>
                          </DownloadButton>
                          <DownloadButton
                            path={`${base}/versions/${version.version}`}
                            query={{ format: 'xlsx' }}
                          >
                            XLSX
                            <span className="visually-hidden"> of version {version.version}</span>
                          </DownloadButton>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableScroll>
            )
          }
        </Async>
      </section>
    </>
  );
}
