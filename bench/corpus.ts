// **corpus** takes a size and a seed and returns a synthetic corpus shaped like the real telegrams
// plus authority entries for its pool of persons (labels, printed forms, codenames, sameAs links,
// some pairs of entries sharing one sameAs: aliases) and places. Deterministic per seed. Two shapes:
// `short` (default: sometimes a cipher number, a codename addressee, one or two reported claims
// with a quantity, signature, closing date; about 200 triples each: every fact carries its Web
// Annotation evidence of 17 triples, so the design's 100 triples per telegram is out of reach) and `long` (the first telegram's full layout; about 1,100 triples each).

import type { SourceText } from '../src/publish/build-dataset.js';
import { sha256Hex } from '../src/publish/checksums.js';

export interface SyntheticPerson {
  readonly slug: string;
  readonly label: string;
  /** The printed surname in capitals, as telegrams print it ("KOVALENKO"). */
  readonly printed: string;
  readonly codename: string;
  /**
   * Synthetic sameAs IRI, in the Wikidata form the authorities require but in a range Wikidata
   * does not use (Q9000000000 and up): bench data only, never written to data/. Two persons that
   * share one are aliases of each other (a garbled form kept as its own person).
   */
  readonly sameAs?: string;
}

export interface SyntheticCorpus {
  readonly telegrams: readonly SourceText[];
  /** Authority entries in the shape of data/authorities/*.yaml entries (EntityDescription fields). */
  readonly authorities: readonly Record<string, unknown>[];
  readonly persons: readonly SyntheticPerson[];
}

export interface CorpusOptions {
  readonly count: number;
  readonly seed?: number;
  /** Size of the person pool (default 2,000). */
  readonly persons?: number;
  /** Telegram layout (default `short`). */
  readonly shape?: 'short' | 'long';
}

/** mulberry32: a small deterministic PRNG returning floats in [0, 1). */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = ['ko', 'va', 'len', 'mi', 'ro', 'sha', 'zhu', 'tan', 'li', 'pe', 'gor', 'bu', 'dan', 'ki', 'sol', 've', 'ta', 'nov', 'wu', 'chen', 'ma', 'lin', 'do', 'ra'];
const SURNAME_ENDINGS = ['ov', 'enko', 'in', 'sky', 'ev', '', 'an', 'ao'];
const INITIALS = 'ABDEGIKLMNOPRSTVZ';
const CODEWORDS = ['FILIN', 'SOKOL', 'BEREZA', 'KAMEN', 'VOLNA', 'ZARYA', 'STRELA', 'GROM', 'MAYAK', 'TUMAN', 'KEDR', 'OREL', 'ALMAZ', 'VEGA', 'LUCH', 'PRIBOI'];
const CITIES = ['Beijing', 'Moscow', 'Pyongyang', 'Shanghai', 'Tianjin', 'Shenyang', 'Harbin', 'Dalian', 'Vladivostok', 'Khabarovsk', 'Chita', 'Novosibirsk', 'Warsaw', 'Prague', 'Budapest', 'Berlin', 'Sofia', 'Hanoi'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const OFFICES = [
  'SECOND CHIEF DIRECTORATE OF THE GENERAL STAFF OF THE SOVIET ARMY',
  'MINISTRY OF FOREIGN AFFAIRS OF THE USSR',
  'FIRST CHIEF DIRECTORATE OF THE GENERAL STAFF',
  'CENTRAL COMMITTEE OF THE ALL-UNION COMMUNIST PARTY (BOLSHEVIKS)',
];
const CLASSIFICATIONS = ['Top Secret.', 'Secret.', 'Strictly Secret.'];
const PRIORITIES = ['URGENT [*vne ocherednaia*]', 'URGENT', 'PRIORITY [*srochno*]'];
const VERBS = ['declared that', 'emphasized that', 'added that', 'believes that', 'pointed out that', 'remarked that', 'underlined that', 'noted that', 'said that'];
const NUMBER_WORDS = ['two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'twelve'];
const UNITS = [
  ['divisions', 'division'],
  ['artillery pieces', 'artillery piece'],
  ['tanks', 'tank'],
  ['aircraft', 'aircraft'],
  ['regiments', 'regiment'],
  ['trucks', 'truck'],
] as const;
const TOPICS = [
  'the current international situation and the prospects for its possible evolution',
  'the supply of ammunition to the front',
  'the training of cadres for the air force',
  'the repair of railways and bridges in the north',
  'the defence of the industrial centres from the air',
  'the timing of the entry of the troops',
];

function pick<T>(rand: () => number, list: readonly T[]): T {
  const item = list[Math.floor(rand() * list.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Synthetic sameAs IRI number i: Wikidata's form, in a range it does not use (see SyntheticPerson.sameAs). */
function syntheticSameAs(i: number): string {
  return `http://www.wikidata.org/entity/Q${9_000_000_000 + i}`;
}

/**
 * A pool of distinct synthetic persons with labels, printed forms and codenames. Of every ten, the
 * first two share one sameAs (an alias pair), three more have their own, five have none.
 */
export function generatePersons(count: number, rand: () => number): SyntheticPerson[] {
  const seen = new Set<string>();
  const persons: SyntheticPerson[] = [];
  while (persons.length < count) {
    const surname = capitalise(pick(rand, SYLLABLES) + pick(rand, SYLLABLES) + pick(rand, SURNAME_ENDINGS));
    const initial = `${pick(rand, [...INITIALS])}.${pick(rand, [...INITIALS])}.`;
    const label = `${initial} ${surname}`;
    if (seen.has(surname.toUpperCase())) continue;
    seen.add(surname.toUpperCase());
    let codename = pick(rand, CODEWORDS);
    while (seen.has(codename)) codename = `${pick(rand, CODEWORDS)}${pick(rand, SYLLABLES).toUpperCase()}${pick(rand, SYLLABLES).toUpperCase()}`;
    seen.add(codename);
    const i = persons.length;
    const group = i % 10;
    const sameAs = group === 1 ? syntheticSameAs(i - 1) : group <= 4 ? syntheticSameAs(i) : undefined;
    persons.push({ slug: surname.toLowerCase(), label, printed: surname.toUpperCase(), codename, ...(sameAs !== undefined ? { sameAs } : {}) });
  }
  return persons;
}

function date(rand: () => number): { y: number; m: number; d: number } {
  return { y: 1945 + Math.floor(rand() * 20), m: 1 + Math.floor(rand() * 12), d: 1 + Math.floor(rand() * 28) };
}

function longDate(x: { y: number; m: number; d: number }): string {
  return `${x.d} ${MONTHS[x.m - 1] ?? 'January'} ${x.y}`;
}

/** One short telegram: the smallest layout that still has the core terms (about 200 triples). */
function shortTelegramText(rand: () => number, persons: readonly SyntheticPerson[], index: number): { slug: string; text: string } {
  const sender = pick(rand, persons);
  const recipient = pick(rand, persons);
  const speaker = pick(rand, persons);
  const sent = date(rand);
  const lines: string[] = [];
  if (rand() < 0.2) lines.push(`CIPHERED TELEGRAM NO. ${10000 + Math.floor(rand() * 89999)}`, '');
  lines.push(`To ${recipient.codename} [${recipient.printed}]`, '');
  const points = rand() < 0.8 ? 1 : 2;
  for (let p = 1; p <= points; p++) {
    const verb = pick(rand, VERBS);
    const [unitPlural] = pick(rand, UNITS);
    const n = 10 + Math.floor(rand() * 1990);
    const variants = [
      `${speaker.printed} ${verb} they have only ${n} ${unitPlural}.`,
      `${speaker.printed} ${verb} the opponent has around ${n.toLocaleString('en-US')} ${unitPlural} near ${pick(rand, CITIES)}.`,
      `${speaker.printed} ${verb} it makes sense to send at least ${pick(rand, NUMBER_WORDS)} ${unitPlural}.`,
    ];
    lines.push(`${p}. ${pick(rand, variants)}`, '');
  }
  lines.push(sender.printed, '', `${sent.d}.${sent.m}.${String(sent.y).slice(2)}`);
  const slug = `${sent.y}-${String(sent.m).padStart(2, '0')}-${String(sent.d).padStart(2, '0')}-${sender.slug}-to-${recipient.slug}-${index}`;
  return { slug, text: `\n\n${lines.join('\n')}` };
}

/** One long telegram, laid out like the first telegram. */
function telegramText(rand: () => number, persons: readonly SyntheticPerson[], index: number): { slug: string; text: string } {
  const sender = pick(rand, persons);
  const recipient = pick(rand, persons);
  const speaker = pick(rand, persons);
  const companions = [pick(rand, persons), pick(rand, persons)];
  const sent = date(rand);
  const from = pick(rand, CITIES);
  const to = pick(rand, CITIES);
  const copies = 2 + Math.floor(rand() * 7);
  const lines: string[] = [];
  lines.push(`**Telegram from ${sender.label} to ${recipient.label}, ${longDate(sent)}**`, '');
  lines.push(`CIPHERED TELEGRAM NO. ${10000 + Math.floor(rand() * 89999)}`, '', pick(rand, OFFICES), '', pick(rand, CLASSIFICATIONS), '', longDate(sent), '');
  for (let c = 1; c <= copies; c++) {
    const p = pick(rand, persons);
    const printedNumber = c > 4 && rand() < 0.5 ? `${c - 4}.` : String(c);
    lines.push(`${c === 1 ? 'Copies to: ' : ''}${printedNumber} - cde. ${capitalise(p.printed.toLowerCase())}`, '');
  }
  lines.push(`Received from ${from} on ${String(Math.floor(rand() * 24)).padStart(2, '0')}: ${String(Math.floor(rand() * 60)).padStart(2, '0')} on ${sent.d} ${MONTHS[sent.m - 1]}, ${sent.y}.`, '');
  lines.push(pick(rand, PRIORITIES), '');
  lines.push(`To ${recipient.codename} [${recipient.printed}]`, '');
  lines.push(`In response to Your no. ${1000 + Math.floor(rand() * 8999)}`, '');
  lines.push(`On ${Math.max(1, sent.d - 1)} ${MONTHS[sent.m - 1]}, at ${10 + Math.floor(rand() * 12)}:${rand() < 0.5 ? '00' : '30'} of ${from} time I visited ${speaker.printed} and passed to him your reply.`, '');
  const points = 2 + Math.floor(rand() * 4);
  for (let p = 1; p <= points; p++) {
    const verb = pick(rand, VERBS);
    const [unitPlural] = pick(rand, UNITS);
    const loIndex = Math.floor(rand() * (NUMBER_WORDS.length - 2));
    const lo = NUMBER_WORDS[loIndex] ?? 'five';
    const hi = NUMBER_WORDS[loIndex + 1] ?? 'six';
    const more = NUMBER_WORDS[loIndex + 2] ?? 'nine';
    const n = 10 + Math.floor(rand() * 1990);
    const variants = [
      `${speaker.printed} ${verb} it makes sense to send not ${lo}-${hi} ${unitPlural}, but at least ${more} ${unitPlural}.`,
      `${speaker.printed} ${verb} they have only ${n} ${unitPlural} and do not have tanks at all.`,
      `${speaker.printed} ${verb} the opponent has around ${n.toLocaleString('en-US')} ${unitPlural} in the theater, while ${pick(rand, persons).printed} has none.`,
      `${speaker.printed} ${verb} one should have ${lo}-to-one superiority in ${pick(rand, ['human force', 'technical equipment'])}.`,
      `${speaker.printed} ${verb} the entire ${sent.y + 1} budget is ${lo} billion ${pick(rand, NUMBER_WORDS)} hundred million American dollars, of which only ${pick(rand, NUMBER_WORDS)} hundred million could be directed for ${pick(rand, TOPICS)}.`,
      `${speaker.printed} ${verb} he is in full agreement with your assessment of ${pick(rand, TOPICS)}.`,
    ];
    lines.push(`${p}. ${pick(rand, variants)}`, '');
  }
  const travel = { d: Math.min(28, sent.d + 1 + Math.floor(rand() * 3)), m: sent.m };
  lines.push(
    `${companions[0]?.printed} and ${companions[1]?.printed} may depart by plane on ${travel.d} ${MONTHS[travel.m - 1]}. They could be flown from ${from} until ${to}. Our special plane is required in ${to}.`,
    '',
  );
  const hours = 1 + Math.floor(rand() * 3);
  lines.push(`Present at the conversation were: ${companions.map((c) => c.printed).join(', ')} and ${pick(rand, persons).printed}. The conversation lasted for ${hours} hour${hours === 1 ? '' : 's'} and ${5 * (1 + Math.floor(rand() * 11))} minutes.`, '');
  lines.push('I am waiting for your instructions,', '', sender.printed, '', `No. ${1000 + Math.floor(rand() * 8999)}`, '');
  lines.push(`${sent.d}.${sent.m}.${String(sent.y).slice(2)}`);
  const slug = `${sent.y}-${String(sent.m).padStart(2, '0')}-${String(sent.d).padStart(2, '0')}-${sender.slug}-to-${recipient.slug}-${index}`;
  return { slug, text: `\n\n${lines.join('\n')}` };
}

/**
 * Authority entries (data/authorities/*.yaml fields) for the synthetic persons and the cities:
 * printed surname, Title Case surname and codename as surface forms; sameAs only on verified entries.
 */
function authorityEntries(persons: readonly SyntheticPerson[]): Record<string, unknown>[] {
  const people = persons.map((p) => {
    const surname = p.label.split(' ').slice(1).join(' ');
    const codename = capitalise(p.codename.toLowerCase());
    return {
      slug: p.slug,
      type: 'Person',
      label: p.label,
      surfaceForms: [p.printed, surname, codename],
      codenames: [codename],
      ...(p.sameAs !== undefined ? { sameAs: [p.sameAs] } : {}),
      status: p.sameAs !== undefined ? 'verified' : 'unverified',
    };
  });
  const places = CITIES.map((c) => ({ slug: c.toLowerCase(), type: 'Place', label: c, surfaceForms: [c], status: 'unverified' }));
  return [...people, ...places];
}

/**
 * Generates `count` telegrams (and the authority entries for their names), deterministic for a seed.
 * @example generateCorpus({ count: 1000, seed: 1 }).telegrams.length // 1000
 */
export function generateCorpus(options: CorpusOptions): SyntheticCorpus {
  const rand = prng(options.seed ?? 1950);
  const persons = generatePersons(options.persons ?? 2000, rand);
  const telegrams: SourceText[] = [];
  for (let i = 0; i < options.count; i++) {
    const { slug, text } = options.shape === 'long' ? telegramText(rand, persons, i) : shortTelegramText(rand, persons, i);
    telegrams.push({ slug, file: `synthetic/${slug}.txt`, text, sha256: sha256Hex(text) });
  }
  return { telegrams, authorities: authorityEntries(persons), persons };
}
