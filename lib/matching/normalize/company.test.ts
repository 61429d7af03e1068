import { describe, expect, it } from 'vitest';
import { normalizeCompanyName, withoutParenthesised } from './company';

describe('normalizeCompanyName', () => {
  it.each<[string, string | null, string | null]>([
    ['Acme Corporation', 'acme', 'corp'],
    ['ACME Corp.', 'acme', 'corp'],
    ['Acme, Inc.', 'acme', 'inc'],
    ['Acme Incorporated', 'acme', 'inc'],
    ['Acme L.L.C.', 'acme', 'llc'],
    ['Acme Limited Liability Company', 'acme', 'llc'],
    ['Acme Co., Ltd.', 'acme', 'ltd'],
    ['Acme Pty Ltd', 'acme', 'pty ltd'],
    ['Müller GmbH', 'muller', 'gmbh'],
    ['Siemens AG', 'siemens', 'ag'],
    ['Carrefour S.A.', 'carrefour', 'sa'],
    ['Philips N.V.', 'philips', 'nv'],
    ['Tesco PLC', 'tesco', 'plc'],
    ['The Acme Company', 'acme', 'co'],
    ['Smith & Sons', 'smith and sons', null],
    ['Acme Intl Mfg', 'acme international manufacturing', null],
    ['Acme Tech Svcs', 'acme technology services', null],
    ['Acme Technologies', 'acme technology', null],
    ['Jones Bros', 'jones brothers', null],
    ['Univrsl Export Inc', 'univrsl exports', 'inc'],
    ['Bos & Kramer Besloten Vennootschap', 'bos and kramer', 'bv'],
    ['Bruns Diagnostik Gesellschaft mit beschränkter Haftung', 'bruns diagnostik', 'gmbh'],
    ['Renard Société Anonyme', 'renard', 'sa'],
    ['Corp', null, 'corp'],
    ['Inc.', null, 'inc'],
    ['Cemex S.A. de C.V.', 'cemex', 'sa de cv'],
    ['Grupo Bimbo S.A.B. de C.V.', 'grupo bimbo', 'sa de cv'],
    ['Petrobras Ltda.', 'petrobras', 'ltda'],
    ['Novak s.r.o.', 'novak', 'sro'],
    ['Kowalski Sp. z o.o.', 'kowalski', 'sp z oo'],
    ['Maersk A/S', 'maersk', 'as'],
    ['Krka d.d.', 'krka', 'dd'],
    ['Equinor ASA', 'equinor', 'asa'],
    ['Bolt OÜ', 'bolt', 'ou'],
    ['Telefónica S.A.U.', 'telefonica', 'sa'],
    ['Sonae Lda.', 'sonae', 'ltda'],
    ['Acme Ltd d.o.o.', 'acme', 'doo'],
    // The same letters as ordinary words or names are not legal forms.
    ['Scooby Doo', 'scooby doo', null],
    ['Li Ou Ltd', 'li ou', 'ltd'],
    ['Wing Sau', 'wing sau', null],
    ['Big DD', 'big dd', null],
    ['Johnson & Asa', 'johnson and asa', null],
    ['Plan A S', 'plan a s', null],
    ['Yahoo Ooo', 'yahoo ooo', null],
    ['Nokia Oyj', 'nokia', 'oy'],
    ['Gorenje d.o.o.', 'gorenje', 'doo'],
    ['Gazprom PJSC', 'gazprom', 'pjsc'],
    ['Smith Law PLLC', 'smith law', 'pllc'],
    ['Müller & Söhne OHG', 'muller and sohne', 'ohg'],
    ['Richter Kft.', 'richter', 'kft'],
  ])('%s → core %s, legal form %s', (raw, core, legalForm) => {
    const company = normalizeCompanyName(raw);
    expect(company?.core ?? null).toBe(core);
    expect(company?.legalForm ?? null).toBe(legalForm);
  });

  it('keeps generic words in the core but not among the distinctive words', () => {
    expect(normalizeCompanyName('Acme Holdings')).toMatchObject({
      core: 'acme holdings',
      distinctiveWords: ['acme'],
    });
    expect(normalizeCompanyName('Global Solutions Group')?.distinctiveWords).toEqual([]);
  });

  it('returns null for missing names', () => {
    expect(normalizeCompanyName(null)).toBeNull();
    expect(normalizeCompanyName('  ')).toBeNull();
  });
});

describe('parenthesised qualifiers', () => {
  it('leaves a branch, place or former name in parentheses out of the core name', () => {
    expect(normalizeCompanyName('Hajah Mamunah (Jln Pisang)')?.core).toBe('hajah mamunah');
    expect(normalizeCompanyName('Acme (UK) Ltd')).toMatchObject({ core: 'acme', legalForm: 'ltd' });
    expect(withoutParenthesised('(Acme)')).toBe('(Acme)');
    expect(normalizeCompanyName('(Acme)')?.core).toBe('acme');
  });
});
