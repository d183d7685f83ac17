// The overview statistic as a row of cards (dashboard and analytics).
import type { DashboardOverview } from '../../../../shared/api/dashboard';

export function OverviewCards({ overview }: { overview: DashboardOverview }) {
  const cards: [string, number][] = [
    ['Open jobs', overview.openJobs],
    ['Closed jobs', overview.closedJobs],
    ['Candidates', overview.totalCandidates],
    ['Applications', overview.totalApplications],
    ['Applications, last 7 days', overview.applicationsLast7Days],
    ['Applications, last 30 days', overview.applicationsLast30Days],
    ['Hired', overview.hiredCount],
  ];
  return (
    <ul className="cards" aria-label="Overview">
      {cards.map(([label, value]) => (
        <li key={label} className="card">
          <span className="card-value">{value.toLocaleString()}</span>
          <span className="card-label">{label}</span>
        </li>
      ))}
    </ul>
  );
}
