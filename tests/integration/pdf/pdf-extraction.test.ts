// Good PDFs through the real worker pool: text in reading order, pages, metadata and links.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLog } from '../../../src/main/core/log.js';
import { createWorkerPool, type WorkerPool } from '../../../src/main/core/pool/worker-pool.js';
import { pdfStatus, type PdfExtraction, type PdfExtracted } from '../../../src/main/core/features/resumes/pdf/pdf-extraction.js';
import { column, makeCjkPdf, makePdf, makeScanPdf } from './pdf-factory.js';

let pool: WorkerPool;

beforeAll(() => {
  pool = createWorkerPool({ size: 1, log: silentLog });
});

afterAll(async () => {
  await pool.close();
});

function extracted(result: PdfExtraction): PdfExtracted {
  if (!result.ok) throw new Error(`expected a parsed PDF, got ${result.code}: ${result.message}`);
  return result;
}

const ONE_COLUMN_RESUME = [
  'José Müller-Ødegård',
  'Senior Backend Engineer · Zürich, Switzerland',
  'jose.muller@example.com · +41 44 123 45 67',
  'Experience',
  'Staff Engineer, Señal AG — 03/2019 – present',
  '• Led the migration of the billing platform to TypeScript',
  '• Cut p99 latency from 800 ms to 120 ms',
  'Engineer, Café Systems — Jan 2015 – Feb 2019',
  '• Built the ordering API (Node.js, PostgreSQL)',
  'Education',
  'MSc Computer Science, ETH Zürich, 2014',
];

describe('PDF text extraction in the worker pool', () => {
  it('reads a one-column résumé line by line, top to bottom, with accents and bullets intact', async () => {
    const pdf = await makePdf({ pages: [{ runs: column(ONE_COLUMN_RESUME, 50, 780, 18) }] });
    const result = extracted(await pool.extractPdf(pdf));
    expect(result.pageCount).toBe(1);
    expect(result.pages).toEqual([{ number: 1, text: ONE_COLUMN_RESUME.join('\n') }]);
    expect(result.hasTextLayer).toBe(true);
    expect(pdfStatus(result)).toBe('parsed');
  });

  it('keeps right-aligned dates on the same line as the job they belong to', async () => {
    const jobs = ['Staff Engineer, Acme', 'Engineer, Globex', 'Intern, Initech', 'Tutor, Hooli'];
    const dates = ['2019 – 2024', '2016 – 2019', '2015', '2013 – 2014'];
    const runs = [...column(jobs, 50, 760, 20), ...column(dates, 470, 760, 20)];
    const result = extracted(await pool.extractPdf(await makePdf({ pages: [{ runs }] })));
    expect(result.pages[0]?.text.split('\n')).toEqual(jobs.map((job, i) => `${job} ${dates[i]}`));
  });

  it('reads a two-column résumé column by column, below a full-width name banner', async () => {
    const sidebar = ['Skills', '• TypeScript', '• Kubernetes', '• PostgreSQL', 'Languages', 'Français (C2)', 'Deutsch (B2)'];
    const main = [
      'Experience',
      'Lead Developer, Nordlicht GmbH',
      'Apr 2020 – Dec 2023',
      '• Designed the event-sourced order service',
      'Developer, Brasserie Digitale',
      '2017-09 – 2020-03',
      '• Shipped the mobile checkout',
    ];
    const runs = [
      { text: 'Zoë Ångström — Full-Stack Developer', x: 40, y: 790, size: 18 },
      ...column(sidebar, 40, 740, 14),
      ...column(main, 220, 740, 17),
    ];
    const result = extracted(await pool.extractPdf(await makePdf({ pages: [{ runs }] })));
    expect(result.pages[0]?.text.split('\n')).toEqual(['Zoë Ångström — Full-Stack Developer', ...sidebar, ...main]);
  });

  it('returns every page of a multi-page résumé with its number', async () => {
    const pages = [1, 2, 3].map((n) => ({ runs: column([`Section ${n}`, `Details on page ${n}`], 50, 780, 16) }));
    const result = extracted(await pool.extractPdf(await makePdf({ pages })));
    expect(result.pageCount).toBe(3);
    expect(result.pages).toEqual([1, 2, 3].map((n) => ({ number: n, text: `Section ${n}\nDetails on page ${n}` })));
  });

  it('reports the title, author and creation date, and the URL of every link annotation', async () => {
    const pdf = await makePdf({
      title: 'CV — Renée Faßbender',
      author: 'Renée Faßbender',
      createdAt: new Date('2024-03-01T09:30:00Z'),
      pages: [
        {
          runs: column(['Renée Faßbender', 'linkedin.com/in/renee', 'github.com/renee'], 50, 780, 16),
          links: [
            { url: 'https://www.linkedin.com/in/renee', x: 50, y: 762, width: 120, height: 12 },
            { url: 'https://github.com/renee', x: 50, y: 746, width: 100, height: 12 },
          ],
        },
        { runs: column(['Portfolio'], 50, 780, 16), links: [{ url: 'https://renee.dev/', x: 50, y: 778, width: 60, height: 12 }] },
      ],
    });
    const result = extracted(await pool.extractPdf(pdf));
    expect(result.metadata).toEqual({
      title: 'CV — Renée Faßbender',
      author: 'Renée Faßbender',
      createdAt: '2024-03-01T09:30:00.000Z',
    });
    expect(result.links).toEqual([
      { url: 'https://www.linkedin.com/in/renee', page: 1 },
      { url: 'https://github.com/renee', page: 1 },
      { url: 'https://renee.dev/', page: 2 },
    ]);
  });

  it('decodes CJK text set in a non-embedded font through the CMaps shipped with pdfjs-dist', async () => {
    const result = extracted(await pool.extractPdf(await makeCjkPdf('山田太郎 ソフトウェア技術者')));
    expect(result.pages).toEqual([{ number: 1, text: '山田太郎 ソフトウェア技術者' }]);
  });

  it('reads a full-width heading between two-column sections in place', async () => {
    const runs = [
      ...column(['Skills', 'Go', 'Rust', 'SQL'], 40, 780, 14),
      ...column(['Experience', 'Backend Lead, Fjord AS', '2021 – 2024', 'Built the payments ledger'], 220, 780, 17),
      { text: 'Projects and publications across the whole page width', x: 40, y: 690, size: 13 },
      ...column(['Talks', 'NodeConf 2023', 'JSConf 2022'], 40, 660, 14),
      ...column(['Open source', 'Maintainer of pino-fjord', 'Contributor to undici', 'Author of a book'], 220, 660, 17),
    ];
    const result = extracted(await pool.extractPdf(await makePdf({ pages: [{ runs }] })));
    expect(result.pages[0]?.text.split('\n')).toEqual([
      'Skills', 'Go', 'Rust', 'SQL',
      'Experience', 'Backend Lead, Fjord AS', '2021 – 2024', 'Built the payments ledger',
      'Projects and publications across the whole page width',
      'Talks', 'NodeConf 2023', 'JSConf 2022',
      'Open source', 'Maintainer of pino-fjord', 'Contributor to undici', 'Author of a book',
    ]);
  });

  it('flags a scan with no text layer instead of failing it', async () => {
    const result = extracted(await pool.extractPdf(await makeScanPdf()));
    expect(result.hasTextLayer).toBe(false);
    expect(result.pages).toEqual([{ number: 1, text: '' }]);
    expect(pdfStatus(result)).toBe('no_text_layer');
  });
});
