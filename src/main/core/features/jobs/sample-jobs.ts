// The sample jobs POST /jobs/seed inserts: realistic postings across locations, companies, skills,
// currencies and both statuses. Ids are fixed, so seeding twice inserts nothing the second time.
import type { Job } from '../../../../shared/schemas/job.js';

export type SampleJob = Omit<Job, 'createdAt' | 'updatedAt' | 'deviceId' | 'createdBy'> & {
  /** How many days before the seed the job was posted, so the sample spans a few weeks. */
  postedDaysAgo: number;
};

type Row = [
  title: string,
  company: string,
  location: string,
  remote: boolean,
  salary: [min: number, max: number, currency: string] | undefined,
  requiredSkills: string[],
  niceToHaveSkills: string[],
  tags: string[],
  status: 'open' | 'closed',
  summary: string,
];

const ROWS: Row[] = [
  ['Senior Backend Engineer', 'Nimbus Payments', 'Lisbon, Portugal', false, [55_000, 75_000, 'EUR'], ['TypeScript', 'Node.js', 'PostgreSQL'], ['Kafka', 'Kubernetes'], ['backend', 'senior'], 'open', 'Design and run the services that move money for 2 million merchants.'],
  ['Frontend Developer', 'Nimbus Payments', 'Lisbon, Portugal', true, [42_000, 58_000, 'EUR'], ['React', 'TypeScript', 'CSS'], ['Storybook', 'Playwright'], ['frontend'], 'open', 'Build the merchant dashboard used every day by small shops across Europe.'],
  ['Data Engineer', 'Orbital Analytics', 'Berlin, Germany', false, [65_000, 85_000, 'EUR'], ['Python', 'SQL', 'Airflow'], ['dbt', 'Spark'], ['data'], 'open', 'Own the pipelines that turn satellite telemetry into daily reports.'],
  ['Machine Learning Engineer', 'Orbital Analytics', 'Berlin, Germany', true, [75_000, 100_000, 'EUR'], ['Python', 'PyTorch', 'MLOps'], ['ONNX', 'Ray'], ['ml', 'senior'], 'open', 'Ship and monitor models that detect anomalies in orbit data.'],
  ['DevOps Engineer', 'Harbor Logistics', 'Rotterdam, Netherlands', false, [60_000, 78_000, 'EUR'], ['Terraform', 'AWS', 'Linux'], ['Ansible', 'Go'], ['platform'], 'closed', 'Keep the port scheduling platform running around the clock.'],
  ['Site Reliability Engineer', 'Harbor Logistics', 'Amsterdam, Netherlands', true, [68_000, 88_000, 'EUR'], ['Kubernetes', 'Prometheus', 'Go'], ['eBPF'], ['platform', 'on-call'], 'open', 'Make our shipping APIs boringly reliable and measure it.'],
  ['Full Stack Developer', 'Maple Health', 'Toronto, Canada', false, [95_000, 125_000, 'CAD'], ['TypeScript', 'React', 'Node.js'], ['GraphQL', 'AWS'], ['fullstack'], 'open', 'Build patient-facing booking tools for clinics across Ontario.'],
  ['iOS Engineer', 'Maple Health', 'Toronto, Canada', true, [100_000, 135_000, 'CAD'], ['Swift', 'SwiftUI'], ['Combine', 'HealthKit'], ['mobile'], 'open', 'Lead the iOS app that 400,000 patients use to manage appointments.'],
  ['Android Engineer', 'Kiwi Travel', 'London, United Kingdom', false, [60_000, 80_000, 'GBP'], ['Kotlin', 'Jetpack Compose'], ['Coroutines', 'Gradle'], ['mobile'], 'open', 'Own the Android app for booking multi-city trips.'],
  ['Product Designer', 'Kiwi Travel', 'London, United Kingdom', false, [55_000, 70_000, 'GBP'], ['Figma', 'User Research'], ['Prototyping'], ['design'], 'closed', 'Shape the booking journey from search to boarding pass.'],
  ['Security Engineer', 'Ledgerline', 'London, United Kingdom', true, [85_000, 110_000, 'GBP'], ['Threat Modeling', 'AWS', 'Python'], ['SOC 2', 'Rust'], ['security', 'senior'], 'open', 'Harden a ledger platform that banks trust with their books.'],
  ['QA Automation Engineer', 'Sakura Robotics', 'Tokyo, Japan', false, [7_000_000, 9_500_000, 'JPY'], ['Python', 'pytest', 'CI/CD'], ['ROS', 'Selenium'], ['qa'], 'open', 'Automate the test rigs for warehouse picking robots.'],
  ['Embedded Software Engineer', 'Sakura Robotics', 'Osaka, Japan', false, [8_000_000, 11_000_000, 'JPY'], ['C++', 'Embedded Linux', 'RTOS'], ['Rust', 'CAN bus'], ['embedded'], 'open', 'Write firmware for the motor controllers in our robot arms.'],
  ['Cloud Architect', 'Andes Cloud', 'São Paulo, Brazil', true, [240_000, 320_000, 'BRL'], ['Azure', 'Kubernetes', 'Networking'], ['Terraform'], ['platform', 'senior'], 'open', 'Design multi-region landing zones for Latin American retailers.'],
  ['Backend Developer (Go)', 'Andes Cloud', 'São Paulo, Brazil', false, [150_000, 210_000, 'BRL'], ['Go', 'gRPC', 'PostgreSQL'], ['Redis'], ['backend'], 'closed', 'Build the billing engine behind our managed Kubernetes offer.'],
  ['Data Scientist', 'Fjord Energy', 'Oslo, Norway', false, [700_000, 900_000, 'NOK'], ['Python', 'Statistics', 'SQL'], ['Forecasting', 'R'], ['data'], 'open', 'Forecast wind farm output so the grid can plan a day ahead.'],
  ['Platform Engineer', 'Fjord Energy', 'Oslo, Norway', true, [750_000, 950_000, 'NOK'], ['Kubernetes', 'Go', 'Terraform'], ['Argo CD'], ['platform'], 'open', 'Run the internal platform every energy trading team deploys to.'],
  ['Technical Recruiter', 'Talentbridge', 'New York, United States', false, [85_000, 110_000, 'USD'], ['Sourcing', 'ATS'], ['LinkedIn Recruiter'], ['people'], 'open', 'Hire engineers for fast-growing startups in our portfolio.'],
  ['Staff Software Engineer', 'Talentbridge', 'San Francisco, United States', true, [210_000, 260_000, 'USD'], ['Java', 'Distributed Systems', 'Kafka'], ['Scala'], ['backend', 'staff'], 'open', 'Set the technical direction of the matching engine.'],
  ['Junior Web Developer', 'Pixel & Co', 'Porto, Portugal', false, [24_000, 30_000, 'EUR'], ['JavaScript', 'HTML', 'CSS'], ['Vue.js'], ['frontend', 'junior'], 'open', 'Learn from seniors while building websites for local businesses.'],
  ['.NET Developer', 'Pixel & Co', 'Porto, Portugal', false, [35_000, 48_000, 'EUR'], ['C#', '.NET', 'SQL Server'], ['Azure'], ['backend'], 'open', 'Maintain and modernise booking systems for hotels.'],
  ['Engineering Manager', 'Zürich Insurtech', 'Zürich, Switzerland', false, [150_000, 185_000, 'CHF'], ['People Management', 'Agile'], ['Kotlin', 'AWS'], ['management'], 'open', 'Lead two product teams building claims automation.'],
  ['Rust Developer', 'Zürich Insurtech', 'Zürich, Switzerland', true, [120_000, 150_000, 'CHF'], ['Rust', 'Tokio'], ['WebAssembly'], ['backend'], 'closed', 'Write the pricing engine that quotes policies in milliseconds.'],
  ['Support Engineer', 'Nimbus Payments', 'Remote', true, undefined, ['Customer Support', 'SQL'], ['Zendesk'], ['support'], 'open', 'Help merchants solve payment issues in English and Portuguese.'],
  ['Internship: Software Engineering', 'Orbital Analytics', 'Berlin, Germany', false, [1_800, 2_200, 'EUR'], ['Python', 'Git'], ['Docker'], ['junior', 'internship'], 'open', 'Six months on the data platform team, with a mentor of your own.'],
];

export const SAMPLE_JOBS: readonly SampleJob[] = ROWS.map(
  ([title, company, location, remote, salary, requiredSkills, niceToHaveSkills, tags, status, summary], index) => ({
    id: `sample-job-${String(index + 1).padStart(2, '0')}`,
    title,
    description: `${summary} ${company} is hiring a ${title} in ${location}${remote ? ' (remote possible)' : ''}. You will need ${requiredSkills.join(', ')}; ${niceToHaveSkills.join(', ')} would be a plus.`,
    requiredSkills,
    niceToHaveSkills,
    ...(salary ? { salaryMin: salary[0], salaryMax: salary[1], salaryCurrency: salary[2] } : {}),
    company,
    location,
    remote,
    tags,
    status,
    autoAnalyze: false,
    postedDaysAgo: (index * 7) % 30,
  }),
);
