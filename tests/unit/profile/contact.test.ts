import { describe, expect, it } from 'vitest';
import { extractContact } from '../../../src/main/core/features/resumes/profile/contact.js';

describe('contact details', () => {
  it('takes the first line that is not an e-mail, phone or URL as the name, accents and all', () => {
    const contact = extractContact(['jose@example.com', 'José Álvarez-Núñez', 'Madrid, Spain']);
    expect(contact.name).toBe('José Álvarez-Núñez');
    expect(contact.location).toBe('Madrid, Spain');
  });

  it('reads names with letters outside Latin-1 and lower-case particles', () => {
    expect(extractContact(['Zoë Ørsted']).name).toBe('Zoë Ørsted');
    expect(extractContact(['Maria da Silva Gonçalves']).name).toBe('Maria da Silva Gonçalves');
    expect(extractContact(["Siobhán O'Brien"]).name).toBe("Siobhán O'Brien");
  });

  it('splits a contact line on separators and keeps every e-mail and phone, lower-casing e-mails', () => {
    const contact = extractContact([
      'Ana Costa',
      'Ana.Costa@Example.PT | +351 912 345 678 | (555) 123-4567 | Lisbon, Portugal',
      'Phone: 020 7946 0958 · second@example.com',
    ]);
    expect(contact.emails).toEqual(['ana.costa@example.pt', 'second@example.com']);
    expect(contact.phones).toEqual(['+351 912 345 678', '(555) 123-4567', '020 7946 0958']);
    expect(contact.location).toBe('Lisbon, Portugal');
  });

  it('recognises LinkedIn, GitHub and personal sites, with or without a scheme', () => {
    const contact = extractContact(['Ana Costa', 'linkedin.com/in/ana-costa | github.com/anacosta | https://anacosta.dev']);
    expect(contact.links).toEqual([
      { network: 'LinkedIn', url: 'https://linkedin.com/in/ana-costa', username: 'ana-costa' },
      { network: 'GitHub', url: 'https://github.com/anacosta', username: 'anacosta' },
      { network: 'Website', url: 'https://anacosta.dev' },
    ]);
  });

  it('does not take a year range or a short number for a phone', () => {
    const contact = extractContact(['Ana Costa', '2018 - 2021', 'Room 12']);
    expect(contact.phones).toEqual([]);
  });

  it('leaves post-nominal letters out of the name but does not take "City, ST" for one', () => {
    expect(extractContact(["MARY-JANE O'NEIL, RN", 'San Francisco, CA'])).toMatchObject({ name: "MARY-JANE O'NEIL", location: 'San Francisco, CA' });
    expect(extractContact(['Ana Costa, PhD, PMP']).name).toBe('Ana Costa');
  });

  it('does not take a section heading for the name', () => {
    expect(extractContact(['CONTACT', 'Ana Costa']).name).toBe('Ana Costa');
  });

  it('leaves the name out when no line looks like one', () => {
    expect(extractContact(['ana@example.com', '+351 912 345 678']).name).toBeUndefined();
  });
});
