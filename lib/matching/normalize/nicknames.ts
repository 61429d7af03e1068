// Common English given-name nicknames, grouped under one formal name. Used to read
// "Bob Smith" and "Robert Smith" as the same given name. Ambiguous nicknames (e.g. "Al",
// "Chris") map to their most common formal name only; a wrong mapping costs one level, not a match.
const NICKNAME_GROUPS: Record<string, string[]> = {
  abraham: ['abe'], albert: ['bert', 'al'], alexander: ['alex', 'sasha', 'xander', 'alec'],
  alexandra: ['alexa', 'lexi', 'sandra', 'sandy'], alfred: ['alf', 'fred', 'freddie'],
  andrew: ['andy', 'drew'], angela: ['angie'], anthony: ['tony'], arthur: ['art', 'artie'],
  barbara: ['barb', 'babs'], benjamin: ['ben', 'benny', 'benji'], bernard: ['bernie'],
  beverly: ['bev'], bradley: ['brad'], catherine: ['cathy', 'kate', 'katie', 'cat', 'kathy'],
  charles: ['charlie', 'chuck', 'chas', 'chaz'], christina: ['tina'], christine: ['chris', 'chrissy'],
  christopher: ['kit', 'topher', 'chris'], cynthia: ['cindy'], daniel: ['dan', 'danny'],
  david: ['dave', 'davey'], deborah: ['debbie', 'deb', 'debby'], donald: ['don', 'donnie'],
  dorothy: ['dot', 'dottie', 'dolly'], douglas: ['doug'], edward: ['ed', 'eddie', 'ted', 'ned', 'eddy'],
  elizabeth: ['liz', 'beth', 'betty', 'lizzie', 'eliza', 'libby', 'betsy', 'bess', 'lisa', 'elisabeth'],
  eugene: ['gene'], frances: ['fran', 'frannie'], francis: ['frank', 'frankie'],
  frederick: ['fred', 'freddy', 'fritz'], gabriel: ['gabe'], gerald: ['gerry', 'jerry'],
  gregory: ['greg'], harold: ['hal', 'harry'], howard: ['howie'], henry: ['hank', 'hal', 'harry'], herbert: ['herb'],
  isabel: ['izzy', 'bella', 'isabella', 'isabelle'], jacob: ['jake'], james: ['jim', 'jimmy', 'jamie'],
  janet: ['jan'], jeffrey: ['jeff'], geoffrey: ['geoff'], jennifer: ['jen', 'jenny', 'jenn'],
  jessica: ['jess', 'jessie'], john: ['jack', 'johnny', 'jon'], jonathan: ['jonny', 'nathan'],
  joseph: ['joe', 'joey', 'jos'], joshua: ['josh'], judith: ['judy'], katherine: ['kate', 'kathy', 'katie', 'kat', 'kathryn'],
  kenneth: ['ken', 'kenny'], kimberly: ['kim'], lawrence: ['larry', 'laurence'],
  leonard: ['leo', 'len', 'lenny'], louis: ['lou', 'louie'], margaret: ['maggie', 'meg', 'peggy', 'peggie', 'marge', 'madge', 'greta'],
  mary: ['molly', 'polly', 'mae', 'marie'], matthew: ['matt', 'matty'], michael: ['mike', 'mikey', 'mick', 'mickey'],
  mohammed: ['mohamed', 'muhammad', 'muhammed', 'mohammad', 'mohd', 'mhd', 'mohamad'],
  nancy: ['nan'], nathaniel: ['nate', 'nat'], nicholas: ['nick', 'nicky', 'nico'],
  pamela: ['pam'], patricia: ['patty', 'trish', 'tricia', 'patsy', 'pat'], patrick: ['paddy', 'pat'],
  peter: ['pete'], philip: ['phil', 'phillip'], rebecca: ['becky', 'becca'], richard: ['rick', 'dick', 'rich', 'ricky', 'richie'],
  robert: ['bob', 'bobby', 'rob', 'robbie', 'bert', 'robby'], ronald: ['ron', 'ronnie'],
  samantha: ['sam', 'sammy'], samuel: ['sam', 'sammy'], sarah: ['sara', 'sally', 'sadie'],
  stephen: ['steve', 'steven', 'stevie'], susan: ['sue', 'suzy', 'susie'],
  theodore: ['theo', 'ted', 'teddy'], thomas: ['tom', 'tommy'], timothy: ['tim', 'timmy'],
  victoria: ['vicky', 'tori', 'vickie'], vincent: ['vince', 'vinny'], virginia: ['ginny', 'ginger'],
  walter: ['walt', 'wally'], william: ['bill', 'billy', 'will', 'willy', 'liam', 'willie'],
  zachary: ['zach', 'zack'], anastasia: ['stacy', 'nastya'],
  eleanor: ['ellie', 'nora', 'elle'], ellen: ['nell'], raymond: ['ray'],
  candace: ['candy'], penelope: ['penny'], mildred: ['millie'],
};

/** Nickname or variant → formal name. The first group listing a nickname wins (tables are ordered). */
const FORMAL_BY_NICKNAME = new Map<string, string>();
for (const [formal, nicknames] of Object.entries(NICKNAME_GROUPS)) {
  for (const nickname of nicknames) if (!FORMAL_BY_NICKNAME.has(nickname)) FORMAL_BY_NICKNAME.set(nickname, formal);
}

/** Nickname → every formal name it may stand for ("pat" → patrick, patricia). */
const FORMALS_BY_NICKNAME = new Map<string, string[]>();
for (const [formal, nicknames] of Object.entries(NICKNAME_GROUPS)) {
  for (const nickname of nicknames) FORMALS_BY_NICKNAME.set(nickname, [...(FORMALS_BY_NICKNAME.get(nickname) ?? []), formal]);
}

/** Every formal name a given name may stand for: itself when formal, else each group listing it. */
export function possibleFormalNames(name: string): string[] {
  const formals = FORMALS_BY_NICKNAME.get(name) ?? [];
  return NICKNAME_GROUPS[name] || formals.length === 0 ? [name, ...formals] : formals;
}

/** True when two given names may be the same name: "pat" / "patricia", "sam" / "samuel", "bob" / "robert". */
export function mayBeSameGivenName(a: string, b: string): boolean {
  if (a === b) return true;
  const formalsOfB = possibleFormalNames(b);
  return possibleFormalNames(a).some((formal) => formalsOfB.includes(formal));
}

/** The formal given name for a nickname ("bob" → "robert"); other names are returned unchanged. */
export function formalGivenName(name: string): string {
  if (NICKNAME_GROUPS[name]) return name;
  return FORMAL_BY_NICKNAME.get(name) ?? name;
}

/** The formal name and every nickname of it ("robert" → robert, bob, bobby, rob, ...): what an initial may stand for. */
export function givenNameVariants(formal: string): string[] {
  return [formal, ...(NICKNAME_GROUPS[formal] ?? [])];
}

/** True for a formal name of the table (a key): "patrick" and "patricia" are two names, not a typo of one. */
export function isKnownFormalName(name: string): boolean {
  return NICKNAME_GROUPS[name] !== undefined;
}
