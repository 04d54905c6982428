//! A seeded generator of two long news documents with planted agreements, disagreements and
//! one-sided claims, and the gold file that says where each planted item is.
//!
//! The documents are a sequence of stories. Each story has its own people, places and
//! organisations (synthesized names, so the vocabulary grows with the document) and a few facts,
//! each told with a different sentence template. Every fact gets one fate:
//! - **identical**: the same sentence in both documents (an agreement);
//! - **paraphrase**: the right document says it with clauses reordered and synonyms (agreement);
//! - a **disagreement** of one type: the right sentence is the left one with one planted change
//!   (`negation`, `antonym`, `number`, `date`, `place`, `entity`);
//! - **left only** / **right only**: told by one document alone.
//!
//! The right document tells the stories in another order. Every sentence of both documents is a
//! planted item, so the gold is complete: agreeing and disagreeing pairs, and one-sided claims.
//! Everything depends on the seed alone: the same seed and size give the same bytes.
//!
//! This file is shared by `examples/generate` (the command line) and `benches/pipeline.rs`.

use std::collections::HashSet;
use std::fmt::Write as _;

/// splitmix64: a small, fast, well-mixed generator; enough for test data, and stable across
/// versions of any crate.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n > 0`).
    pub fn below(&mut self, n: usize) -> usize {
        ((u128::from(self.next_u64()) * n as u128) >> 64) as usize
    }

    /// A number in `low..=high`.
    pub fn range(&mut self, low: u32, high: u32) -> u32 {
        low + self.below((high - low + 1) as usize) as u32
    }

    /// True with probability `p`.
    pub fn chance(&mut self, p: f64) -> bool {
        ((self.next_u64() >> 11) as f64 / (1u64 << 53) as f64) < p
    }

    pub fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }

    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            items.swap(i, self.below(i + 1));
        }
    }
}

/// What a planted item is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    Identical,
    Paraphrase,
    Negation,
    Antonym,
    Number,
    Date,
    Place,
    Entity,
    LeftOnly,
    RightOnly,
}

impl Kind {
    pub const ALL: [Kind; 10] = [
        Kind::Identical,
        Kind::Paraphrase,
        Kind::Negation,
        Kind::Antonym,
        Kind::Number,
        Kind::Date,
        Kind::Place,
        Kind::Entity,
        Kind::LeftOnly,
        Kind::RightOnly,
    ];
    const DISAGREEMENTS: [Kind; 6] = [
        Kind::Negation,
        Kind::Antonym,
        Kind::Number,
        Kind::Date,
        Kind::Place,
        Kind::Entity,
    ];

    /// The name used in the gold file; for disagreements, crosscheck's reason type.
    pub fn label(self) -> &'static str {
        match self {
            Kind::Identical => "identical",
            Kind::Paraphrase => "paraphrase",
            Kind::Negation => "negation",
            Kind::Antonym => "antonym",
            Kind::Number => "number",
            Kind::Date => "date",
            Kind::Place => "place",
            Kind::Entity => "entity",
            Kind::LeftOnly => "left_only",
            Kind::RightOnly => "right_only",
        }
    }

    pub fn is_disagreement(self) -> bool {
        Kind::DISAGREEMENTS.contains(&self)
    }
}

/// How often each fate is drawn for a fact, in percent; `None` is a disagreement, whose type is
/// then drawn uniformly.
const FATES: [(Option<Kind>, usize); 5] = [
    (Some(Kind::Identical), 25),
    (Some(Kind::Paraphrase), 25),
    (None, 30),
    (Some(Kind::LeftOnly), 10),
    (Some(Kind::RightOnly), 10),
];

/// A planted sentence: its byte span in its document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    pub start: usize,
    pub end: usize,
}

/// A planted pair: indices into [`Generated::left_sentences`] and `right_sentences`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlantedPair {
    pub left: usize,
    pub right: usize,
    pub kind: Kind,
}

/// Two documents and what was planted in them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Generated {
    pub left: String,
    pub right: String,
    /// Every sentence of the left document, in document order.
    pub left_sentences: Vec<Sentence>,
    pub right_sentences: Vec<Sentence>,
    pub pairs: Vec<PlantedPair>,
    /// The kind of each sentence: the kind of its pair, or `LeftOnly` / `RightOnly`.
    pub left_kinds: Vec<Kind>,
    pub right_kinds: Vec<Kind>,
}

impl Generated {
    /// The gold file (the evaluation's format, see `fixtures/*.gold.json`) for documents saved
    /// as `left_name` and `right_name` beside it. Besides the quote, each statement carries its
    /// byte span (`start`, `end`) and each pair its planted `type`; score.py ignores both.
    pub fn gold_json(&self, left_name: &str, right_name: &str) -> String {
        let quoted = |s: &str| serde_json::to_string(s).expect("a string serializes");
        let mut out = String::new();
        out.push_str("{\n  \"name\": \"generated\",\n");
        let _ = writeln!(out, "  \"left\": {},", quoted(left_name));
        let _ = writeln!(out, "  \"right\": {},", quoted(right_name));
        out.push_str("  \"statements\": {\n");
        let mut entries = Vec::new();
        for (prefix, side, text, sentences) in [
            ("L", "left", &self.left, &self.left_sentences),
            ("R", "right", &self.right, &self.right_sentences),
        ] {
            for (i, s) in sentences.iter().enumerate() {
                entries.push(format!(
                    "    \"{prefix}{}\": {{\"side\": \"{side}\", \"quote\": {}, \"start\": {}, \"end\": {}}}",
                    i + 1,
                    quoted(&text[s.start..s.end]),
                    s.start,
                    s.end
                ));
            }
        }
        out.push_str(&entries.join(",\n"));
        out.push_str("\n  },\n  \"pairs\": [\n");
        let pairs: Vec<String> = self
            .pairs
            .iter()
            .map(|p| {
                let relation = if p.kind.is_disagreement() {
                    "disagree"
                } else {
                    "agree"
                };
                format!(
                    "    {{\"left\": \"L{}\", \"right\": \"R{}\", \"relation\": \"{relation}\", \"required\": true, \"type\": \"{}\", \"why\": \"planted {}\"}}",
                    p.left + 1,
                    p.right + 1,
                    p.kind.label(),
                    p.kind.label()
                )
            })
            .collect();
        out.push_str(&pairs.join(",\n"));
        out.push_str("\n  ]\n}\n");
        out
    }
}

/// One fact of a story, told in the ways its fate may need.
struct Fact {
    base: String,
    paraphrase: String,
    /// Disagreeing versions of `base`, each with one planted change.
    conflicts: Vec<(Kind, String)>,
}

/// The people, places and things one story is about.
struct Story {
    person: String,
    other_person: String,
    role: &'static str,
    place: String,
    other_place: String,
    org: String,
    other_org: String,
    body: &'static str,
    /// A facility with a modifier ("riverside library"): most facts of a story are about it.
    facility: String,
    /// What happened, with a modifier ("overnight flood").
    event: String,
    /// What the story's company makes.
    product: &'static str,
    document: &'static str,
    people: &'static str,
    weekday: usize,
}

const FIRST_NAMES: &[&str] = &[
    "Aisha", "Tomas", "Ingrid", "Rafael", "Priya", "Mateo", "Lena", "Oskar", "Farah", "Dmitri",
    "Yusuf", "Elena", "Kofi", "Marta", "Nadia", "Viktor", "Sofia", "Jonas", "Leila", "Anders",
    "Chiara", "Emeka", "Hana", "Ivan", "Keiko", "Luis", "Mira", "Nikolai", "Omar", "Paula", "Ravi",
    "Selin", "Tariq", "Ursula", "Wei", "Ximena", "Yara", "Zoran", "Beatriz", "Carlos", "Daria",
    "Erik", "Fatima", "Goran", "Helga", "Idris", "Jana", "Karim", "Lucia", "Milan", "Noor",
    "Pablo", "Sanjay", "Tereza", "Amara", "Bruno", "Celine", "Diego", "Esra", "Felix", "Greta",
    "Hugo", "Irina", "Joaquin", "Kamala", "Lars", "Malik", "Nora", "Olga", "Pedro", "Rania",
    "Stefan", "Thea", "Umar", "Vera", "Walter", "Yasmin", "Zainab",
];
const ONSETS: &[&str] = &[
    "b", "br", "d", "dr", "f", "g", "gr", "h", "k", "kr", "l", "m", "n", "p", "r", "s", "st", "t",
    "tr", "v", "w", "z", "th", "sh", "ch", "j",
];
const VOWELS: &[&str] = &["a", "e", "i", "o", "u", "ai", "ei", "ou", "ia", "y"];
const CODAS: &[&str] = &["", "", "n", "r", "l", "s", "th", "nd", "rk", "st", "m", "v"];
const SURNAME_ENDINGS: &[&str] = &[
    "son", "ek", "ova", "ez", "ski", "ani", "berg", "ström", "ard", "elli", "sen", "ić", "ura",
];
const TOWN_ENDINGS: &[&str] = &[
    "ton", "wick", "ford", "by", "dale", "mouth", "stead", "field", "haven", "bury", "port",
    "vale", "holm", "grad", "heim", "burg",
];
const ORG_KINDS: &[&str] = &[
    "Holdings",
    "Group",
    "Energy",
    "Logistics",
    "Construction",
    "Foods",
    "Pharmaceuticals",
    "Motors",
    "Telecom",
    "Shipping",
    "Mining",
    "Textiles",
    "Airlines",
    "Insurance",
    "Robotics",
];
const ROLES: &[&str] = &[
    "mayor",
    "police chief",
    "fire chief",
    "county commissioner",
    "health minister",
    "school superintendent",
    "union leader",
    "chief executive",
    "harbor master",
    "district attorney",
    "transport secretary",
    "city manager",
    "coroner",
    "port director",
    "parks commissioner",
    "housing minister",
    "water commissioner",
    "hospital director",
    "state senator",
    "trade envoy",
    "labor inspector",
    "chief engineer",
];
const BODIES: &[&str] = &[
    "council",
    "planning board",
    "school board",
    "county commission",
    "zoning committee",
    "water authority",
    "transit agency",
    "parks department",
    "harbor commission",
    "housing authority",
    "regional assembly",
    "heritage trust",
    "borough council",
    "port authority",
];
const FACILITIES: &[&str] = &[
    "bridge",
    "hospital",
    "library",
    "stadium",
    "ferry terminal",
    "water treatment plant",
    "rail depot",
    "museum",
    "community center",
    "fire station",
    "harbor wall",
    "power station",
    "bus station",
    "courthouse",
    "concert hall",
    "sports arena",
    "airport terminal",
    "grain silo",
    "market hall",
    "observatory",
    "swimming pool",
    "aquarium",
    "tram depot",
    "nursing home",
    "prison",
    "art gallery",
    "parking garage",
    "lighthouse",
    "zoo",
    "botanical garden",
    "ice rink",
    "seaport",
    "tunnel",
    "viaduct",
    "shelter",
    "cemetery",
    "theater",
    "town hall",
    "police station",
    "clinic",
    "dockyard",
    "reservoir",
    "canal lock",
    "brewery",
    "mill",
];
const FACILITY_MODIFIERS: &[&str] = &[
    "riverside",
    "northern",
    "old",
    "municipal",
    "regional",
    "eastern",
    "historic",
    "western",
    "coastal",
    "hillside",
    "downtown",
    "lakeside",
    "university",
    "children's",
    "southern",
    "county",
    "harbor",
    "veterans'",
    "memorial",
    "central",
    "island",
    "mountain",
    "village",
    "state",
    "former",
    "main",
    "suburban",
    "airport",
    "cathedral",
    "railway",
];
const EVENT_MODIFIERS: &[&str] = &[
    "overnight",
    "weekend",
    "early morning",
    "evening",
    "sudden",
    "second",
    "latest",
    "major",
    "deadly",
    "unexpected",
    "record",
    "rush-hour",
    "late-night",
    "midday",
    "spring",
    "winter",
    "summer",
    "autumn",
];
const PRODUCTS: &[&str] = &[
    "glass",
    "tire",
    "cement",
    "battery",
    "paper",
    "chocolate",
    "steel",
    "furniture",
    "bicycle",
    "textile",
    "ceramics",
    "turbine",
    "fertilizer",
    "packaging",
    "vaccine",
    "engine",
    "cable",
    "brick",
    "timber",
    "pasta",
    "shoe",
    "toy",
    "paint",
    "plastics",
    "aluminum",
    "cheese",
    "medical device",
    "semiconductor",
    "solar panel",
    "rail car",
    "tractor",
    "insulin",
    "printing",
    "soap",
    "candle",
    "pottery",
    "leather",
    "coffee",
    "sugar",
    "yogurt",
];
const EVENTS: &[&str] = &[
    "flood",
    "chemical spill",
    "gas explosion",
    "landslide",
    "power outage",
    "train derailment",
    "warehouse fire",
    "storm",
    "bus crash",
    "building collapse",
    "water main break",
    "cyber attack",
    "tornado",
    "heat wave",
    "earthquake",
    "hailstorm",
    "pipeline leak",
    "sewage overflow",
    "boiler explosion",
    "ferry collision",
    "wildfire",
    "mudslide",
    "blizzard",
    "crane collapse",
    "riot",
    "ransomware attack",
    "dam breach",
    "roof collapse",
    "fuel spill",
    "grain elevator fire",
];
const DOCUMENTS: &[&str] = &[
    "lease",
    "trade agreement",
    "labor contract",
    "settlement",
    "memorandum of understanding",
    "supply contract",
    "partnership deal",
    "licensing agreement",
    "joint venture",
    "loan agreement",
    "franchise agreement",
    "service contract",
    "maintenance contract",
    "sponsorship deal",
    "pension agreement",
    "research partnership",
];
const PEOPLE: &[&str] = &[
    "residents",
    "students",
    "workers",
    "patients",
    "passengers",
    "tenants",
    "shoppers",
    "visitors",
    "pensioners",
    "families",
    "campers",
    "fishermen",
    "nurses",
    "farmworkers",
    "guests",
    "commuters",
    "inmates",
    "miners",
    "pupils",
    "volunteers",
];
const ACTIVITIES: &[&str] = &[
    "street vending",
    "night fishing",
    "drone flights",
    "food trucks",
    "overnight parking",
    "open-air concerts",
    "scooter rentals",
    "weekend markets",
    "jet skis",
    "fireworks",
    "street parties",
    "horse carriages",
    "busking",
    "kite festivals",
    "beach barbecues",
    "electric boats",
    "outdoor cinemas",
    "pop-up shops",
    "rowing races",
    "night markets",
];
const RACES: &[&str] = &[
    "mayoral race",
    "council seat",
    "primary",
    "runoff",
    "union election",
    "party leadership contest",
];
/// What a plan does to a facility: the verb and its past participle (no verb here has an
/// antonym, so a changed verb between stories is no planted conflict).
const PLAN_VERBS: &[(&str, &str)] = &[
    ("renovate", "renovated"),
    ("demolish", "demolished"),
    ("rename", "renamed"),
    ("restore", "restored"),
    ("relocate", "relocated"),
    ("modernize", "modernized"),
    ("rebuild", "rebuilt"),
    ("redesign", "redesigned"),
    ("insulate", "insulated"),
    ("repaint", "repainted"),
    ("privatize", "privatized"),
    ("extend", "extended"),
    ("reinforce", "reinforced"),
    ("convert", "converted"),
    ("upgrade", "upgraded"),
    ("rewire", "rewired"),
    ("refurbish", "refurbished"),
    ("digitize", "digitized"),
];
const CALLERS: &[&str] = &[
    "a neighbor",
    "a bus driver",
    "a night guard",
    "a jogger",
    "a teacher",
    "a postal worker",
    "a farmer",
    "a taxi driver",
    "a nurse",
    "a fisherman",
    "a delivery rider",
    "a student",
    "a shop owner",
    "a priest",
    "a lifeguard",
    "a cyclist",
];
const DEADLINES: &[&str] = &[
    "the winter",
    "the summer",
    "the end of the year",
    "the spring",
    "the autumn",
    "the next election",
    "the tourist season",
    "the school year starts",
    "the harvest",
    "the anniversary",
];
const WEEKDAYS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const NUMBER_WORDS: &[&str] = &[
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
];

fn capitalize(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// A pronounceable invented word of `syllables` syllables and an ending.
fn invented(rng: &mut Rng, syllables: usize, endings: &[&str]) -> String {
    let mut word = String::new();
    for _ in 0..syllables {
        word.push_str(rng.pick(ONSETS));
        word.push_str(rng.pick(VOWELS));
        word.push_str(rng.pick(CODAS));
    }
    word.push_str(rng.pick(endings));
    capitalize(&word)
}

/// An invented name that is no English word (so that it reads as a name, not a common noun),
/// and differs from `avoid`.
fn name(rng: &mut Rng, endings: &[&str], is_word: &dyn Fn(&str) -> bool, avoid: &str) -> String {
    loop {
        let syllables = 1 + rng.below(2);
        let candidate = invented(rng, syllables, endings);
        if candidate != avoid && !is_word(&candidate.to_lowercase()) {
            return candidate;
        }
    }
}

impl Story {
    fn new(rng: &mut Rng, is_word: &dyn Fn(&str) -> bool) -> Story {
        let person = format!(
            "{} {}",
            rng.pick(FIRST_NAMES),
            name(rng, SURNAME_ENDINGS, is_word, "")
        );
        let other_person = loop {
            let candidate = format!(
                "{} {}",
                rng.pick(FIRST_NAMES),
                name(rng, SURNAME_ENDINGS, is_word, "")
            );
            if candidate
                .split(' ')
                .zip(person.split(' '))
                .all(|(a, b)| a != b)
            {
                break candidate;
            }
        };
        let place = name(rng, TOWN_ENDINGS, is_word, "");
        let other_place = name(rng, TOWN_ENDINGS, is_word, &place);
        let kind = rng.pick(ORG_KINDS);
        let org_name = name(rng, &[""], is_word, "");
        let org = format!("{org_name} {kind}");
        let other_org = format!("{} {kind}", name(rng, &[""], is_word, &org_name));
        Story {
            person,
            other_person,
            role: rng.pick(ROLES),
            place,
            other_place,
            org,
            other_org,
            body: rng.pick(BODIES),
            facility: format!("{} {}", rng.pick(FACILITY_MODIFIERS), rng.pick(FACILITIES)),
            event: format!("{} {}", rng.pick(EVENT_MODIFIERS), rng.pick(EVENTS)),
            product: rng.pick(PRODUCTS),
            document: rng.pick(DOCUMENTS),
            people: rng.pick(PEOPLE),
            weekday: rng.below(WEEKDAYS.len()),
        }
    }
}

/// A different amount from `value` in `low..=high` that no reader would round to it: at least
/// 2 and a fifth of `value` away.
fn other_number(rng: &mut Rng, value: u32, low: u32, high: u32) -> u32 {
    other_value(rng, value, low, high, (value / 5).max(2))
}

/// A value in `low..=high` at least `gap` away from `value` (the range must leave room).
fn other_value(rng: &mut Rng, value: u32, low: u32, high: u32, gap: u32) -> u32 {
    loop {
        let candidate = rng.range(low, high);
        if candidate.abs_diff(value) >= gap {
            return candidate;
        }
    }
}

fn other_index(rng: &mut Rng, index: usize, len: usize) -> usize {
    (index + 1 + rng.below(len - 1)) % len
}

/// How a number is written in a paraphrase: in words up to twenty, as many papers do.
fn spelled(n: u32) -> String {
    NUMBER_WORDS
        .get(n as usize)
        .map_or_else(|| n.to_string(), |w| (*w).to_string())
}

/// The sentence templates. Each returns a fact whose `conflicts` hold every disagreement type
/// the template can carry; a template is drawn only for fates it supports.
type Template = fn(&Story, &mut Rng) -> Fact;

const TEMPLATES: &[Template] = &[
    evacuation,
    council_vote,
    contract_award,
    inquiry_leader,
    completion_date,
    first_report,
    share_price,
    election,
    signing,
    quote_rebuild,
    job_cuts,
    opening_year,
    activity_rule,
    budget_support,
];

fn evacuation(s: &Story, rng: &mut Rng) -> Fact {
    let n = rng.range(12, 900);
    let day = WEEKDAYS[s.weekday];
    let base = |n: u32, day: &str, place: &str| {
        format!(
            "Officials evacuated {n} {} from their homes in {place} on {day} after the {}, {} said.",
            s.people, s.event, s.person
        )
    };
    Fact {
        base: base(n, day, &s.place),
        paraphrase: format!(
            "After the {} on {day}, {} {} had to leave their homes in {}, according to {}.",
            s.event,
            spelled(n),
            s.people,
            s.place,
            s.person
        ),
        conflicts: vec![
            (
                Kind::Number,
                base(other_number(rng, n, 12, 900), day, &s.place),
            ),
            (
                Kind::Date,
                base(n, WEEKDAYS[other_index(rng, s.weekday, 7)], &s.place),
            ),
            (Kind::Place, base(n, day, &s.other_place)),
        ],
    }
}

fn council_vote(s: &Story, rng: &mut Rng) -> Fact {
    let day = WEEKDAYS[s.weekday];
    let (plan, _) = rng.pick(PLAN_VERBS);
    let with = |verb: &str| {
        format!(
            "The {} {} {verb} the plan to {plan} the {} on {day}.",
            s.place, s.body, s.facility
        )
    };
    Fact {
        base: with("approved"),
        paraphrase: format!(
            "On {day}, the plan to {plan} the {} was approved by the {} {}.",
            s.facility, s.place, s.body
        ),
        conflicts: vec![
            (Kind::Negation, with("did not approve")),
            (Kind::Antonym, with("rejected")),
        ],
    }
}

fn contract_award(s: &Story, rng: &mut Rng) -> Fact {
    let millions = rng.range(12, 95);
    let (plan, _) = rng.pick(PLAN_VERBS);
    let money = |m: u32| format!("${}.{} million", m / 10, m % 10);
    let with = |org: &str, m: u32| {
        format!(
            "The contract to {plan} the {} in {} was awarded to {org} for {}.",
            s.facility,
            s.place,
            money(m)
        )
    };
    Fact {
        base: with(&s.org, millions),
        paraphrase: format!(
            "{} won the {} contract to {plan} the {}, worth {}.",
            s.org,
            s.place,
            s.facility,
            money(millions)
        ),
        conflicts: vec![
            (Kind::Entity, with(&s.other_org, millions)),
            (
                Kind::Number,
                with(&s.org, other_number(rng, millions, 12, 95)),
            ),
        ],
    }
}

fn inquiry_leader(s: &Story, _rng: &mut Rng) -> Fact {
    let with = |person: &str| {
        format!(
            "The inquiry into the {} in {} will be led by {person}, a former {}.",
            s.event, s.place, s.role
        )
    };
    Fact {
        base: with(&s.person),
        paraphrase: format!(
            "{}, a former {}, will lead the inquiry into the {} in {}.",
            s.person, s.role, s.event, s.place
        ),
        conflicts: vec![(Kind::Entity, with(&s.other_person))],
    }
}

fn completion_date(s: &Story, rng: &mut Rng) -> Fact {
    let month = rng.below(12);
    let day = rng.range(1, 18);
    let with = |month: usize, day: u32, place: &str| {
        format!(
            "Repairs to the {} damaged in the {} near {place} are due to finish on {} {day}.",
            s.facility, s.event, MONTHS[month]
        )
    };
    Fact {
        base: with(month, day, &s.place),
        paraphrase: format!(
            "Work to repair the {} near {} after the {} should be finished by {} {day}.",
            s.facility, s.place, s.event, MONTHS[month]
        ),
        conflicts: vec![
            (Kind::Date, with(month, day + 10, &s.place)),
            (Kind::Place, with(month, day, &s.other_place)),
        ],
    }
}

fn first_report(s: &Story, rng: &mut Rng) -> Fact {
    let hour = rng.range(1, 11);
    let caller = rng.pick(CALLERS);
    let day = WEEKDAYS[s.weekday];
    let with = |hour: u32, place: &str| {
        format!(
            "Emergency crews in {place} received the first call about the {} from {caller} at {hour} a.m. on {day}.",
            s.event
        )
    };
    Fact {
        base: with(hour, &s.place),
        paraphrase: format!(
            "The first emergency call about the {}, from {caller}, reached crews in {} on {day} at {hour} a.m., {} said.",
            s.event, s.place, s.person
        ),
        conflicts: vec![
            (Kind::Date, with(other_value(rng, hour, 1, 11, 2), &s.place)),
            (Kind::Place, with(hour, &s.other_place)),
        ],
    }
}

fn share_price(s: &Story, rng: &mut Rng) -> Fact {
    let percent = rng.range(3, 29);
    let day = WEEKDAYS[s.weekday];
    let with = |verb: &str, percent: u32| {
        format!(
            "Shares of {} {verb} {percent}% on {day} after reports about the {}.",
            s.org, s.event
        )
    };
    Fact {
        base: with("rose", percent),
        paraphrase: format!(
            "After the reports about the {}, {} shares climbed {percent}% on {day}.",
            s.event, s.org
        ),
        conflicts: vec![
            (Kind::Antonym, with("fell", percent)),
            (
                Kind::Number,
                with("rose", other_number(rng, percent, 3, 29)),
            ),
        ],
    }
}

fn election(s: &Story, rng: &mut Rng) -> Fact {
    let percent = rng.range(40, 71);
    let race = rng.pick(RACES);
    let with = |verb: &str, percent: u32| {
        format!(
            "{} {verb} the {race} in {} with {percent}% of the vote.",
            s.person, s.place
        )
    };
    Fact {
        base: with("won", percent),
        paraphrase: format!(
            "With {percent}% of the vote, {} won the {race} in {}.",
            s.person, s.place
        ),
        conflicts: vec![
            (Kind::Antonym, with("lost", percent)),
            (
                Kind::Number,
                with("won", other_number(rng, percent, 40, 71)),
            ),
        ],
    }
}

fn signing(s: &Story, _rng: &mut Rng) -> Fact {
    let day = WEEKDAYS[s.weekday];
    let with = |verb: &str| {
        format!(
            "{} {verb} the {} with {} at a ceremony in {} on {day}.",
            s.person, s.document, s.org, s.place
        )
    };
    Fact {
        base: with("signed"),
        paraphrase: format!(
            "On {day}, at a ceremony in {}, the {} with {} was signed by {}.",
            s.place, s.document, s.org, s.person
        ),
        conflicts: vec![
            (Kind::Negation, with("did not sign")),
            (Kind::Place, {
                format!(
                    "{} signed the {} with {} at a ceremony in {} on {day}.",
                    s.person, s.document, s.org, s.other_place
                )
            }),
        ],
    }
}

fn quote_rebuild(s: &Story, rng: &mut Rng) -> Fact {
    let (plan, planned) = rng.pick(PLAN_VERBS);
    let deadline = rng.pick(DEADLINES);
    let with = |will: &str| {
        format!(
            "\"We {will} {plan} the {} before {deadline},\" said {}, the {} of {}.",
            s.facility, s.person, s.role, s.place
        )
    };
    Fact {
        base: with("will"),
        paraphrase: format!(
            "{}, the {} of {}, said the {} would be {planned} before {deadline}.",
            s.person, s.role, s.place, s.facility
        ),
        conflicts: vec![(Kind::Negation, with("will not"))],
    }
}

fn job_cuts(s: &Story, rng: &mut Rng) -> Fact {
    let jobs = rng.range(40, 2400);
    let with = |jobs: u32, place: &str| {
        format!(
            "{} said it would cut {jobs} jobs at its {} factory in {place} by the end of the year.",
            s.org, s.product
        )
    };
    Fact {
        base: with(jobs, &s.place),
        paraphrase: format!(
            "By the end of the year, {jobs} jobs will be eliminated at the {} factory that {} runs in {}.",
            s.product, s.org, s.place
        ),
        conflicts: vec![
            (Kind::Number, with(other_number(rng, jobs, 40, 2400), &s.place)),
            (Kind::Place, with(jobs, &s.other_place)),
        ],
    }
}

fn opening_year(s: &Story, rng: &mut Rng) -> Fact {
    let year = rng.range(1921, 2015);
    let with = |year: u32| {
        format!(
            "The {} in {} first opened to the public in {year}, according to city records.",
            s.facility, s.place
        )
    };
    Fact {
        base: with(year),
        paraphrase: format!(
            "City records show that the {} {} opened to the public in {year}.",
            s.place, s.facility
        ),
        conflicts: vec![(Kind::Date, with(other_value(rng, year, 1921, 2015, 3)))],
    }
}

fn activity_rule(s: &Story, rng: &mut Rng) -> Fact {
    let activity = rng.pick(ACTIVITIES);
    let day = WEEKDAYS[s.weekday];
    let with = |verb: &str, day: &str| {
        format!(
            "The {} voted on {day} to {verb} {activity} along the waterfront in {}.",
            s.body, s.place
        )
    };
    Fact {
        base: with("allow", day),
        paraphrase: format!(
            "{} along the {} waterfront will be allowed after a vote of the {} on {day}.",
            capitalize(activity),
            s.place,
            s.body
        ),
        conflicts: vec![
            (Kind::Antonym, with("ban", day)),
            (
                Kind::Date,
                with("allow", WEEKDAYS[other_index(rng, s.weekday, 7)]),
            ),
        ],
    }
}

fn budget_support(s: &Story, rng: &mut Rng) -> Fact {
    let (plan, _) = rng.pick(PLAN_VERBS);
    let with = |verb: &str| {
        format!(
            "{} {verb} the proposal to {plan} the {} in {}, a spokesperson for the company said.",
            s.org, s.facility, s.place
        )
    };
    Fact {
        base: with("supports"),
        paraphrase: format!(
            "A company spokesperson said {} supports the proposal to {plan} the {} {}.",
            s.org, s.place, s.facility
        ),
        conflicts: vec![(Kind::Antonym, with("opposes"))],
    }
}

/// Where a fact goes: its left and right sentence, either of which may be absent.
struct Placed {
    kind: Kind,
    left: Option<String>,
    right: Option<String>,
}

/// Draws the fate of one fact: identical, paraphrase, a disagreement type, or one-sided.
fn draw_fate(rng: &mut Rng) -> Kind {
    let total: usize = FATES.iter().map(|(_, w)| w).sum();
    let mut roll = rng.below(total);
    for (kind, weight) in FATES {
        if roll < weight {
            return kind.unwrap_or_else(|| rng.pick(&Kind::DISAGREEMENTS));
        }
        roll -= weight;
    }
    unreachable!("the weights add up to the total")
}

/// The facts of one story, each with a different template.
fn story_facts(story: &Story, rng: &mut Rng, count: usize) -> Vec<Placed> {
    let mut unused: Vec<usize> = (0..TEMPLATES.len()).collect();
    rng.shuffle(&mut unused);
    let mut placed = Vec::with_capacity(count);
    for _ in 0..count {
        let fate = draw_fate(rng);
        // The first unused template that can carry the fate.
        let mut chosen = None;
        for position in 0..unused.len() {
            let fact = TEMPLATES[unused[position]](story, rng);
            if !fate.is_disagreement() || fact.conflicts.iter().any(|(k, _)| *k == fate) {
                unused.remove(position);
                chosen = Some(fact);
                break;
            }
        }
        let Some(fact) = chosen else { continue };
        let (left, right) = match fate {
            Kind::Identical => (Some(fact.base.clone()), Some(fact.base)),
            Kind::Paraphrase => (Some(fact.base), Some(fact.paraphrase)),
            Kind::LeftOnly => (Some(fact.base), None),
            Kind::RightOnly => (None, Some(fact.base)),
            kind => {
                let conflict = fact
                    .conflicts
                    .into_iter()
                    .find(|(k, _)| *k == kind)
                    .map(|(_, text)| text);
                (Some(fact.base), conflict)
            }
        };
        placed.push(Placed {
            kind: fate,
            left,
            right,
        });
    }
    placed
}

/// A document being written: text, sentence spans, and the sentences already used.
#[derive(Default)]
struct Writer {
    text: String,
    sentences: Vec<Sentence>,
    kinds: Vec<Kind>,
}

impl Writer {
    /// Writes one story: its sentences in paragraphs of one to three, a blank line after each.
    fn story(&mut self, sentences: &[(usize, &str, Kind)], rng: &mut Rng, ids: &mut [usize]) {
        let mut in_paragraph = 0;
        let mut paragraph_length = 1 + rng.below(3);
        for &(slot, sentence, kind) in sentences {
            if in_paragraph > 0 {
                self.text.push(' ');
            }
            let start = self.text.len();
            self.text.push_str(sentence);
            ids[slot] = self.sentences.len();
            self.sentences.push(Sentence {
                start,
                end: self.text.len(),
            });
            self.kinds.push(kind);
            in_paragraph += 1;
            if in_paragraph == paragraph_length {
                self.text.push_str("\n\n");
                in_paragraph = 0;
                paragraph_length = 1 + rng.below(3);
            }
        }
        if in_paragraph > 0 {
            self.text.push_str("\n\n");
        }
    }
}

/// Generates two documents of about `size` bytes each (the left one reaches it, the right one
/// is within a few percent) from `seed`. `is_word` tells which lowercase words are English
/// words, so that invented names never are.
pub fn generate(seed: u64, size: usize, is_word: &dyn Fn(&str) -> bool) -> Generated {
    let mut rng = Rng::new(seed);
    let mut stories: Vec<Vec<Placed>> = Vec::new();
    let mut seen: HashSet<String> = HashSet::new();
    let mut left_bytes = 0;
    while left_bytes < size {
        let story = Story::new(&mut rng, is_word);
        let count = 5 + rng.below(5);
        let mut facts = story_facts(&story, &mut rng, count);
        // Every sentence must be unique in its document, for the gold quotes; a repeat (two
        // stories drawing the same names and numbers) is dropped with its fact.
        facts.retain(|f| {
            let fresh = |s: &Option<String>, side: char| {
                s.as_ref()
                    .is_none_or(|s| !seen.contains(&format!("{side}{s}")))
            };
            fresh(&f.left, 'L') && fresh(&f.right, 'R')
        });
        for f in &facts {
            if let Some(s) = &f.left {
                seen.insert(format!("L{s}"));
                left_bytes += s.len() + 1;
            }
            if let Some(s) = &f.right {
                seen.insert(format!("R{s}"));
            }
        }
        stories.push(facts);
    }

    // Left: stories in order. Right: stories shuffled, one-sided facts in their place, and now
    // and then two neighbouring sentences swapped.
    let mut left = Writer::default();
    let mut right = Writer::default();
    let total_facts: usize = stories.iter().map(Vec::len).sum();
    let mut left_ids = vec![usize::MAX; total_facts];
    let mut right_ids = vec![usize::MAX; total_facts];
    let mut first_fact = Vec::with_capacity(stories.len());
    let mut next = 0;
    for facts in &stories {
        first_fact.push(next);
        let sentences: Vec<(usize, &str, Kind)> = facts
            .iter()
            .enumerate()
            .filter_map(|(i, f)| f.left.as_deref().map(|s| (next + i, s, f.kind)))
            .collect();
        left.story(&sentences, &mut rng, &mut left_ids);
        next += facts.len();
    }
    let mut order: Vec<usize> = (0..stories.len()).collect();
    rng.shuffle(&mut order);
    for &story in &order {
        let first = first_fact[story];
        let mut sentences: Vec<(usize, &str, Kind)> = stories[story]
            .iter()
            .enumerate()
            .filter_map(|(i, f)| f.right.as_deref().map(|s| (first + i, s, f.kind)))
            .collect();
        if sentences.len() > 2 && rng.chance(0.3) {
            let i = rng.below(sentences.len() - 1);
            sentences.swap(i, i + 1);
        }
        right.story(&sentences, &mut rng, &mut right_ids);
    }

    let mut pairs = Vec::new();
    for (fact, kind) in stories.iter().flatten().map(|f| f.kind).enumerate() {
        if !matches!(kind, Kind::LeftOnly | Kind::RightOnly) {
            pairs.push(PlantedPair {
                left: left_ids[fact],
                right: right_ids[fact],
                kind,
            });
        }
    }
    pairs.sort_by_key(|p| (p.left, p.right));
    Generated {
        left: left.text,
        right: right.text,
        left_sentences: left.sentences,
        right_sentences: right.sentences,
        pairs,
        left_kinds: left.kinds,
        right_kinds: right.kinds,
    }
}

/// One short text pair for the sentence-pair mode, with the relation it was planted with.
#[derive(Debug, Clone)]
pub struct TextPair {
    pub left: String,
    pub right: String,
    /// `agree`, `disagree` or `unrelated`.
    pub label: &'static str,
    pub kind: Kind,
}

/// `count` sentence pairs drawn from generated stories: the two sides of planted agreements and
/// disagreements, and one-sided claims paired with a sentence of another story (unrelated).
pub fn text_pairs(seed: u64, count: usize, is_word: &dyn Fn(&str) -> bool) -> Vec<TextPair> {
    let mut rng = Rng::new(seed);
    let mut pairs = Vec::with_capacity(count);
    let mut previous: Option<String> = None;
    while pairs.len() < count {
        let story = Story::new(&mut rng, is_word);
        let in_story = 5 + rng.below(5);
        let facts = story_facts(&story, &mut rng, in_story);
        for fact in facts {
            if pairs.len() == count {
                break;
            }
            let pair = match (fact.left, fact.right) {
                (Some(left), Some(right)) => TextPair {
                    left,
                    right,
                    label: if fact.kind.is_disagreement() {
                        "disagree"
                    } else {
                        "agree"
                    },
                    kind: fact.kind,
                },
                (Some(text), None) | (None, Some(text)) => {
                    let Some(other) = previous.replace(text.clone()) else {
                        continue;
                    };
                    TextPair {
                        left: other,
                        right: text,
                        label: "unrelated",
                        kind: fact.kind,
                    }
                }
                (None, None) => continue,
            };
            pairs.push(pair);
        }
    }
    pairs
}
