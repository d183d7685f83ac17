// A labelled set of résumés and jobs for ranking tests and the analysis benchmark: job families
// (not all software), one job description each and résumés written for each family with varied
// phrasing, synonyms, seniority and noise sections. Seeded, so the same seed gives the same set.

export interface LabelledJob {
  readonly title: string;
  readonly description: string;
  readonly requiredSkills: string[];
  readonly niceToHaveSkills: string[];
}

export interface LabelledResume {
  readonly id: string;
  readonly family: string;
  readonly text: string;
}

export interface LabelledSet {
  readonly families: readonly { readonly id: string; readonly job: LabelledJob }[];
  readonly resumes: readonly LabelledResume[];
}

interface FamilySpec {
  readonly id: string;
  readonly job: LabelledJob;
  readonly titles: readonly string[];
  /** Core skills, each with the spellings résumés use for it. */
  readonly skills: readonly (readonly string[])[];
  /** Work bullets; {0} and {1} take two of the résumé's skills. */
  readonly bullets: readonly string[];
  readonly summaries: readonly string[];
  readonly degrees: readonly string[];
  readonly employers: readonly string[];
}

const FAMILIES: readonly FamilySpec[] = [
  {
    id: 'frontend',
    job: {
      title: 'Senior Frontend Engineer',
      description:
        'We are hiring a frontend engineer to build fast, accessible web interfaces for our SaaS product.\nRequirements:\n' +
        '- 4+ years building single-page applications with React and TypeScript\n- Deep knowledge of JavaScript, HTML and CSS\n' +
        '- Experience with state management (Redux) and component testing\nNice to have:\n- Next.js, Webpack, design systems and accessibility (WCAG)',
      requiredSkills: ['React', 'TypeScript', 'JavaScript', 'CSS'],
      niceToHaveSkills: ['Next.js', 'Accessibility', 'Redux'],
    },
    titles: ['Frontend Engineer', 'Front-End Developer', 'UI Engineer', 'Senior Frontend Developer', 'Web Developer'],
    skills: [['JavaScript', 'JS', 'ES6'], ['React', 'React.js', 'ReactJS'], ['TypeScript'], ['CSS', 'CSS3', 'SCSS'], ['HTML5', 'HTML'], ['Redux'], ['Webpack'], ['Next.js', 'NextJS'], ['WCAG', 'a11y']],
    bullets: [
      'Built a component library in {0} and {1} used by every product team',
      'Rewrote the checkout single-page application in {0}, cutting bundle size by 35%',
      'Improved page load and Core Web Vitals of the marketing site using {0} and {1}',
      'Implemented responsive layouts and browser UI animations with {0}',
      'Made the web front end keyboard accessible and screen-reader friendly with {0}',
    ],
    summaries: ['Frontend developer who cares about fast, accessible user interfaces.', 'Web engineer focused on browser performance and component design.'],
    degrees: ['BSc in Computer Science', 'BA in Interactive Media', 'Bachelor of Engineering in Software Engineering'],
    employers: ['Pixelworks', 'Shopfront', 'Brightweb'],
  },
  {
    id: 'backend',
    job: {
      title: 'Backend Engineer (APIs)',
      description:
        'Design and run the services behind our payments platform.\nRequirements:\n- 5+ years of server-side development in Java or Go\n' +
        '- Designing REST APIs and microservices backed by PostgreSQL\n- Message queues such as Kafka\n- Bachelor’s degree in Computer Science or equivalent\n' +
        'Bonus: gRPC, Redis, Spring Boot',
      requiredSkills: ['Java', 'PostgreSQL', 'REST APIs', 'Microservices'],
      niceToHaveSkills: ['Apache Kafka', 'Redis', 'gRPC', 'Spring'],
    },
    titles: ['Backend Engineer', 'Software Engineer, Backend', 'Java Developer', 'Senior Server-Side Developer', 'API Engineer'],
    skills: [['Java', 'Java EE', 'J2EE'], ['Spring Boot', 'Spring Framework'], ['PostgreSQL', 'Postgres'], ['REST API', 'RESTful APIs'], ['Microservices', 'Micro-services'], ['Kafka', 'Apache Kafka'], ['Redis'], ['gRPC'], ['Golang']],
    bullets: [
      'Designed {0} services handling 2,000 payment requests per second on {1}',
      'Split the monolith into {0} with clear service contracts and {1}',
      'Tuned slow {0} queries and added indexes, halving API latency',
      'Built event-driven settlement pipelines with {0} and {1}',
      'Owned the ledger service written in {0} and its on-call rotation',
    ],
    summaries: ['Backend engineer who likes reliable, well-tested server-side systems.', 'Server-side developer focused on APIs, data consistency and throughput.'],
    degrees: ['BSc in Computer Science', 'MSc in Software Engineering', 'Bachelor of Science in Information Systems'],
    employers: ['Ledgerly', 'PayStream', 'CoreBank Tech'],
  },
  {
    id: 'data-science',
    job: {
      title: 'Data Scientist',
      description:
        'Join our analytics group to build predictive models that shape pricing.\nRequirements:\n- 3+ years applying machine learning and statistics to business problems\n' +
        '- Python with pandas, scikit-learn and SQL\n- Master’s degree in Statistics, Computer Science or a related quantitative field\n' +
        'Nice to have: deep learning (PyTorch or TensorFlow), A/B testing, Spark',
      requiredSkills: ['Python', 'Machine Learning', 'Statistics', 'SQL'],
      niceToHaveSkills: ['PyTorch', 'A/B Testing', 'Apache Spark'],
    },
    titles: ['Data Scientist', 'Machine Learning Scientist', 'Senior Data Scientist', 'Applied Scientist', 'Quantitative Analyst'],
    skills: [['Python', 'Python3'], ['Machine Learning', 'ML'], ['Statistical modelling', 'Statistics'], ['SQL'], ['pandas'], ['scikit-learn', 'sklearn'], ['PyTorch'], ['A/B testing', 'Experimentation'], ['NumPy'], ['Jupyter']],
    bullets: [
      'Built churn prediction models with {0} and {1}, lifting retention by 4%',
      'Designed and analysed pricing experiments using {0}',
      'Trained gradient-boosted forecasting models in {0} on three years of sales data',
      'Presented model findings to the leadership team and wrote the feature store docs for {0}',
      'Cleaned and joined 40 million rows of clickstream data with {0} and {1}',
    ],
    summaries: ['Data scientist turning messy data into models people trust.', 'Statistician and ML practitioner with a taste for experiments.'],
    degrees: ['MSc in Statistics', 'PhD in Applied Mathematics', 'MSc in Data Science'],
    employers: ['Insightful Analytics', 'Quantify', 'DataHarbor'],
  },
  {
    id: 'devops',
    job: {
      title: 'Site Reliability Engineer',
      description:
        'Keep our cloud platform fast and available.\nRequirements:\n- 4+ years running production infrastructure on AWS\n' +
        '- Kubernetes, Docker and Terraform\n- CI/CD pipelines and Linux administration\n- On-call experience with monitoring and incident response\n' +
        'Preferred: Ansible, Prometheus, Python or Go scripting',
      requiredSkills: ['Kubernetes', 'Terraform', 'Amazon Web Services', 'Docker', 'CI/CD'],
      niceToHaveSkills: ['Ansible', 'Linux'],
    },
    titles: ['DevOps Engineer', 'Site Reliability Engineer', 'Platform Engineer', 'SRE', 'Cloud Infrastructure Engineer'],
    skills: [['Kubernetes', 'k8s', 'EKS'], ['Terraform'], ['AWS', 'Amazon Web Services'], ['Docker'], ['CI/CD', 'GitHub Actions', 'GitLab CI'], ['Linux', 'Ubuntu'], ['Ansible'], ['Jenkins'], ['Bash', 'Shell scripting']],
    bullets: [
      'Migrated 60 services onto {0} clusters provisioned with {1}',
      'Built {0} pipelines that deploy to production twenty times a day',
      'Cut cloud spend by 30% by right-sizing {0} workloads',
      'Led incident response and wrote blameless postmortems; automated runbooks with {0}',
      'Hardened {0} hosts and patched the fleet with {1}',
    ],
    summaries: ['Reliability engineer who automates everything twice.', 'Infrastructure engineer focused on uptime, automation and cost.'],
    degrees: ['BSc in Computer Engineering', 'BSc in Information Technology', 'Associate of Applied Science in Network Administration'],
    employers: ['CloudNine Hosting', 'Uptime Labs', 'Stackworks'],
  },
  {
    id: 'mobile',
    job: {
      title: 'Mobile Developer (iOS/Android)',
      description:
        'Build our consumer banking apps for iOS and Android.\nRequirements:\n- 3+ years shipping native apps with Swift or Kotlin\n' +
        '- Publishing to the App Store and Google Play\n- Experience with offline storage, push notifications and REST APIs\n' +
        'Nice to have: Flutter or React Native, mobile CI',
      requiredSkills: ['Swift', 'Kotlin', 'iOS', 'Android'],
      niceToHaveSkills: ['Flutter', 'React Native'],
    },
    titles: ['iOS Developer', 'Android Engineer', 'Mobile Engineer', 'Senior Mobile Developer', 'Mobile App Developer'],
    skills: [['Swift', 'SwiftUI'], ['Kotlin'], ['iOS'], ['Android', 'Android SDK'], ['Flutter'], ['React Native'], ['Objective-C', 'ObjC'], ['Dart']],
    bullets: [
      'Shipped the {0} app to 2 million users with a 4.8 App Store rating',
      'Rebuilt the onboarding flow in {0} and {1}, raising sign-up completion by 18%',
      'Added offline sync and push notifications to the {0} app',
      'Cut app start-up time in half by profiling the {0} client',
      'Maintained a shared {0} codebase for phones and tablets',
    ],
    summaries: ['Mobile developer who loves polished native apps.', 'App engineer shipping to the App Store and Google Play since the start.'],
    degrees: ['BSc in Computer Science', 'BEng in Software Engineering', 'Bachelor of Science in Computing'],
    employers: ['Appsmiths', 'Pocket Bank', 'Tapline'],
  },
  {
    id: 'qa',
    job: {
      title: 'QA Automation Engineer',
      description:
        'Own the quality of our web platform.\nRequirements:\n- 3+ years in software testing and test automation\n' +
        '- Writing end-to-end tests with Selenium, Cypress or Playwright\n- Test plans, regression suites and bug tracking in Jira\n' +
        'Nice to have: performance testing, API testing, CI/CD',
      requiredSkills: ['Test Automation', 'Unit Testing', 'Jira'],
      niceToHaveSkills: ['CI/CD'],
    },
    titles: ['QA Engineer', 'Test Automation Engineer', 'Software Development Engineer in Test', 'Quality Assurance Analyst', 'QA Lead'],
    skills: [['Selenium', 'Cypress', 'Playwright'], ['QA automation', 'Test Automation'], ['Jira', 'Confluence'], ['JUnit', 'pytest', 'TDD'], ['Jenkins'], ['CI/CD', 'GitHub Actions']],
    bullets: [
      'Wrote 1,200 end-to-end regression tests with {0} running on every merge',
      'Defined test plans and test cases for the release process, tracked defects in {0}',
      'Reduced escaped bugs by 40% with risk-based testing and {0}',
      'Automated API and exploratory test suites in {0} and {1}',
      'Ran regression and smoke testing cycles before each quarterly release',
    ],
    summaries: ['Quality engineer who finds the bug before the customer does.', 'Tester and automation engineer focused on release confidence.'],
    degrees: ['BSc in Computer Science', 'Associate of Science in Information Technology', 'BA in Mathematics'],
    employers: ['TestRight', 'Qualitas', 'Bugfree Systems'],
  },
  {
    id: 'ux-design',
    job: {
      title: 'Product Designer (UX/UI)',
      description:
        'Shape how customers experience our product.\nRequirements:\n- 4+ years of UX and UI design for digital products\n' +
        '- Figma, prototyping and design systems\n- Running user research and usability testing\n- A portfolio of shipped work\n' +
        'Nice to have: accessibility, Adobe Illustrator, motion design',
      requiredSkills: ['UX Design', 'UI Design', 'Figma', 'User Research', 'Prototyping'],
      niceToHaveSkills: ['Design Systems', 'Accessibility', 'Adobe Illustrator'],
    },
    titles: ['Product Designer', 'UX Designer', 'UI/UX Designer', 'Senior Interaction Designer', 'Visual Designer'],
    skills: [['Figma', 'Sketch'], ['User Experience', 'Interaction Design'], ['Visual Design', 'User Interface Design'], ['Wireframing', 'Prototyping'], ['Usability testing', 'User interviews', 'UX Research'], ['Design System'], ['Adobe Illustrator', 'Photoshop']],
    bullets: [
      'Redesigned the onboarding journey in {0}, with wireframes tested in {1}',
      'Ran {0} sessions with 30 customers and turned insights into personas',
      'Built and documented a {0} adopted by four squads',
      'Designed high-fidelity mockups and interactive flows using {0} and {1}',
      'Partnered with engineers to ship pixel-perfect {0} for the mobile app',
    ],
    summaries: ['Designer who starts with the user and ends with pixels.', 'Product designer blending research, interaction and visual craft.'],
    degrees: ['BA in Graphic Design', 'BFA in Interaction Design', 'MA in Human-Computer Interaction'],
    employers: ['Studio Forma', 'Canvas Labs', 'Hue & Co'],
  },
  {
    id: 'sales',
    job: {
      title: 'Account Executive (B2B SaaS)',
      description:
        'Grow our mid-market customer base.\nRequirements:\n- 3+ years of B2B sales with a track record of exceeding quota\n' +
        '- Prospecting, negotiation and closing multi-stakeholder deals\n- Salesforce or another CRM\n' +
        'Nice to have: HubSpot, account management, SaaS experience',
      requiredSkills: ['B2B Sales', 'Lead Generation', 'Negotiation', 'Salesforce'],
      niceToHaveSkills: ['HubSpot', 'Account Management'],
    },
    titles: ['Account Executive', 'Sales Representative', 'Business Development Manager', 'Senior Account Executive', 'Inside Sales Executive'],
    skills: [['B2B sales', 'Enterprise sales'], ['Prospecting', 'Cold calling', 'Lead generation'], ['Negotiation', 'Negotiating'], ['Salesforce', 'SFDC'], ['HubSpot'], ['Account management', 'Key account management'], ['CRM']],
    bullets: [
      'Closed $1.4M in new annual revenue, 128% of quota, through {0}',
      'Built a pipeline of 300 qualified leads per quarter with {0}',
      'Managed a book of 45 enterprise accounts in {0}',
      'Led contract {0} with procurement teams at Fortune 500 customers',
      'Ranked top 3 of 20 reps for renewals and upsell using {0}',
    ],
    summaries: ['Quota-beating closer who builds long customer relationships.', 'Sales professional with a consultative, customer-first approach.'],
    degrees: ['BA in Business Administration', 'BBA in Marketing', 'BA in Communications'],
    employers: ['SalesCloud', 'Growthly', 'Vendora'],
  },
  {
    id: 'accounting',
    job: {
      title: 'Senior Accountant',
      description:
        'Own the monthly close for our European entities.\nRequirements:\n- 5+ years in accounting, ideally with audit experience\n' +
        '- General ledger, accounts payable and receivable, reconciliations\n- IFRS reporting and tax compliance\n- Advanced Excel; SAP\n' +
        '- Bachelor’s degree in Accounting or Finance\nNice to have: CPA or ACCA, QuickBooks, budgeting and forecasting',
      requiredSkills: ['Accounting', 'IFRS', 'Microsoft Excel', 'SAP'],
      niceToHaveSkills: ['Auditing', 'Budgeting', 'QuickBooks'],
    },
    titles: ['Accountant', 'Senior Accountant', 'Staff Accountant', 'Financial Accountant', 'Accounting Specialist'],
    skills: [['General ledger', 'Bookkeeping', 'Accounting'], ['IFRS', 'International Financial Reporting Standards'], ['Excel', 'Microsoft Excel', 'Pivot tables'], ['SAP', 'SAP ERP'], ['Audit', 'Internal audit'], ['Tax compliance'], ['Budgeting', 'Forecasting'], ['QuickBooks'], ['US GAAP', 'GAAP']],
    bullets: [
      'Ran the month-end close for three entities under {0}, five days faster',
      'Reconciled bank accounts and intercompany balances in {0}',
      'Prepared statutory financial statements and supported the external {0}',
      'Built cost reports and variance analysis with {0} and {1}',
      'Handled VAT returns and {0} filings for the Spanish subsidiary',
    ],
    summaries: ['Accountant who closes the books on time and explains every variance.', 'Finance professional with audit and reporting experience.'],
    degrees: ['BSc in Accounting', 'BA in Finance', 'Bachelor of Commerce in Accounting'],
    employers: ['Ledger & Partners', 'Northwind Finance', 'Deloitte'],
  },
  {
    id: 'nursing',
    job: {
      title: 'Registered Nurse, Emergency Department',
      description:
        'Provide safe, compassionate care in a busy emergency department.\nRequirements:\n- Active RN licence and 2+ years of acute care nursing\n' +
        '- Triage, patient assessment and medication administration\n- BLS and ACLS certification\n- Documentation in electronic health records (Epic)\n' +
        'Nice to have: phlebotomy, infection control training',
      requiredSkills: ['Triage', 'Patient Care', 'Medication Administration', 'Basic Life Support', 'Advanced Cardiac Life Support'],
      niceToHaveSkills: ['Phlebotomy', 'Infection Control', 'Electronic Health Records'],
    },
    titles: ['Registered Nurse', 'Staff Nurse', 'Emergency Room Nurse', 'Charge Nurse', 'ICU Nurse'],
    skills: [['Triage'], ['Patient assessment', 'Patient Care', 'Bedside care'], ['Medication administration', 'Medication management'], ['BLS', 'CPR'], ['ACLS'], ['Phlebotomy', 'Venipuncture'], ['Infection control', 'Infection prevention'], ['EHR', 'Epic Systems', 'EMR']],
    bullets: [
      'Provided {0} for up to 6 patients per shift in a 40-bed emergency unit',
      'Performed {0} and escalated deteriorating patients to the rapid response team',
      'Administered IV therapy and {0} following hospital protocols',
      'Documented care plans and vital signs in {0}',
      'Trained new graduate nurses on {0} and ward routines',
    ],
    summaries: ['Compassionate nurse who stays calm in emergencies.', 'Registered nurse with acute and emergency care experience.'],
    degrees: ['Bachelor of Science in Nursing', 'BSc in Nursing', 'Associate Degree in Nursing'],
    employers: ["St. Mary's Hospital", 'City General Hospital', 'Mercy Medical Center'],
  },
];

const FIRST_NAMES = ['Ana', 'Liam', 'Sofía', 'Chen', 'Amara', 'João', 'Priya', 'Lukas', 'Fatima', 'Noah', 'Yuki', 'Olga', 'Mateo', 'Aisha', 'Erik'];
const LAST_NAMES = ['García', 'Smith', 'Müller', 'Okafor', 'Silva', 'Nguyen', 'Kowalski', 'Haddad', 'Rossi', 'Andersen', 'Tanaka', 'Patel'];
const CITIES = ['Lisbon, Portugal', 'Austin, TX', 'Berlin, Germany', 'Toronto, ON', 'Madrid, Spain', 'Manchester, UK'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const INTERESTS = ['Hiking, chess and amateur photography', 'Marathon running; volunteer at a food bank', 'Cooking, board games, travel', 'Playing guitar in a local band'];
// Lines any résumé may carry, whatever the family: shared vocabulary that ranking must see past.
const GENERIC_BULLETS = [
  'Collaborated with cross-functional teams to deliver projects on time',
  'Mentored two junior colleagues and ran weekly knowledge-sharing sessions',
  'Communicated progress to stakeholders in monthly reviews',
  'Worked in an Agile team using Scrum and Jira',
];
const SHARED_SKILLS = ['Git', 'Agile', 'Jira', 'Excel', 'Communication', 'Leadership', 'Problem-solving'];
const EXPERIENCE_HEADINGS = ['EXPERIENCE', 'Work Experience', 'PROFESSIONAL EXPERIENCE', 'Employment History'];
const SKILLS_HEADINGS = ['SKILLS', 'Technical Skills', 'Core Competencies', 'Key Skills'];

/** mulberry32: small, fast and good enough to vary test data reproducibly. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function makeTools(random: () => number) {
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const shuffled = <T>(items: readonly T[]): T[] => {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
    }
    return copy;
  };
  return { int, pick, shuffled };
}

function fill(template: string, skills: readonly string[]): string {
  return template.replace('{0}', skills[0] ?? '').replace('{1}', skills[1] ?? skills[0] ?? '');
}

/** One résumé of a family; `seniority` in years of work (1–14), ending in June 2024. */
function writeResume(family: FamilySpec, neighbour: FamilySpec, random: () => number, index: number): string {
  const { int, pick, shuffled } = makeTools(random);
  const name = `${pick(FIRST_NAMES)} ${pick(LAST_NAMES)}`;
  const slug = name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/gu, '.');
  const spellings = shuffled(family.skills).slice(0, int(4, Math.min(7, family.skills.length))).map((options) => pick(options));
  // Some résumés cross into the neighbouring family (a backend engineer who ran the Kubernetes
  // clusters too): a few of its skills and one of its bullets, so ranking is not a trivial sort.
  const hybrid = random() < 0.3;
  const borrowed = hybrid ? shuffled(neighbour.skills).slice(0, 3).map((options) => pick(options)) : random() < 0.5 ? [pick(pick(neighbour.skills))] : [];
  const seniority = int(1, 14);
  const jobCount = seniority > 8 ? 3 : seniority > 3 ? 2 : 1;
  const lines: string[] = [name, pick(family.titles), `${slug}@example.com | +1 555 ${String(int(100, 999))} ${String(int(1000, 9999))} | ${pick(CITIES)}`];
  if (random() < 0.6) lines.push(`linkedin.com/in/${slug.replace('.', '-')}`);
  lines.push('', 'SUMMARY', pick(family.summaries), pick(EXPERIENCE_HEADINGS));
  let endYear = 2024;
  let endMonth = 5;
  let yearsLeft = seniority;
  for (let j = 0; j < jobCount; j++) {
    const span = j === jobCount - 1 ? Math.max(1, yearsLeft) : Math.max(1, int(1, Math.ceil(yearsLeft / 2)));
    yearsLeft -= span;
    const startYear = endYear - span;
    const startMonth = int(0, 11);
    const end = j === 0 ? 'Present' : `${MONTHS[endMonth]} ${endYear}`;
    lines.push(`${j === 0 ? pick(family.titles) : pick(family.titles)} — ${pick(family.employers)}    ${MONTHS[startMonth]} ${startYear} – ${end}`);
    const bullets = shuffled(family.bullets).slice(0, int(2, 4));
    for (const bullet of bullets) lines.push(`• ${fill(bullet, shuffled(spellings))}`);
    if (hybrid && j === 0) lines.push(`• ${fill(pick(neighbour.bullets), borrowed)}`);
    if (random() < 0.5) lines.push(`• ${pick(GENERIC_BULLETS)}`);
    // The next (older) job may overlap this one by a few months, as side jobs do.
    endYear = startYear + (random() < 0.2 ? 1 : 0);
    endMonth = startMonth;
  }
  lines.push('EDUCATION', `${pick(family.degrees)}, University of ${pick(['Lisbon', 'Texas', 'Manchester', 'Toronto', 'Leeds'])}, ${2024 - seniority - 4} – ${2024 - seniority}`);
  const listed = shuffled([...spellings, ...borrowed, ...shuffled(SHARED_SKILLS).slice(0, int(1, 3))]);
  lines.push(pick(SKILLS_HEADINGS), listed.join(', '));
  lines.push('LANGUAGES', pick(['English (native)', 'English – C1, Spanish – B2', 'English (fluent), German (native)']));
  if (index % 2 === 0) lines.push('INTERESTS', pick(INTERESTS));
  return lines.join('\n');
}

export interface LabelledSetOptions {
  readonly seed?: number;
  readonly resumesPerFamily?: number;
}

/** Families × résumés, deterministic for a seed. Résumé ids are `<family>-<n>`. */
export function generateLabelledSet({ seed = 20_241_125, resumesPerFamily = 6 }: LabelledSetOptions = {}): LabelledSet {
  const random = seededRandom(seed);
  const resumes: LabelledResume[] = [];
  FAMILIES.forEach((family, f) => {
    const neighbour = FAMILIES[(f + 1) % FAMILIES.length] as FamilySpec;
    for (let i = 0; i < resumesPerFamily; i++) {
      resumes.push({ id: `${family.id}-${i}`, family: family.id, text: writeResume(family, neighbour, random, i) });
    }
  });
  return { families: FAMILIES.map((family) => ({ id: family.id, job: family.job })), resumes };
}
