import type { Faker } from "@faker-js/faker";
import { faker as fakerAR } from "@faker-js/faker/locale/ar";
import { faker as fakerEN } from "@faker-js/faker/locale/en";
import { faker as fakerFA } from "@faker-js/faker/locale/fa";
import { faker as fakerZH } from "@faker-js/faker/locale/zh_CN";
import type { Country, Language } from "./catalog.js";
import type { Random } from "./random.js";

interface NamePool {
  readonly male: readonly string[];
  readonly female: readonly string[];
  readonly last: readonly string[];
  readonly companies: readonly string[];
}

export type NamePools = Readonly<Record<Language, NamePool>>;

const POOL_SIZE = 150;

/**
 * Builds the name and company pools once from seeded faker instances: faker
 * is far too slow to call per row at scale 100, and reusing a pool of real
 * looking names is what a CRM looks like anyway.
 */
export function buildNamePools(seed: number): NamePools {
  const build = (faker: Faker, offset: number): NamePool => {
    faker.seed(seed * 31 + offset);
    const many = (make: () => string): string[] => [...new Set(Array.from({ length: POOL_SIZE }, make))];
    return {
      male: many(() => faker.person.firstName("male")),
      female: many(() => faker.person.firstName("female")),
      last: many(() => faker.person.lastName()),
      companies: many(() => faker.company.name()),
    };
  };
  return { en: build(fakerEN, 1), fa: build(fakerFA, 2), ar: build(fakerAR, 3), zh: build(fakerZH, 4) };
}

export interface Person {
  readonly first: string;
  readonly last: string;
  readonly name: string;
  readonly gender: "male" | "female";
}

export function makePerson(random: Random, pools: NamePools, language: Language): Person {
  const pool = pools[language];
  const gender = random.chance(0.5) ? "male" : "female";
  const first = random.pick(gender === "male" ? pool.male : pool.female);
  const last = random.pick(pool.last);
  // Chinese names are written family name first, without a space
  const name = language === "zh" ? `${last}${first}` : `${first} ${last}`;
  return { first, last, name, gender };
}

const FREE_MAIL = ["gmail.com", "outlook.com", "yahoo.com", "proton.me", "icloud.com"];

/** A unique address: `seq` is part of it so no two generated customers share one by accident. */
export function makeEmail(random: Random, person: Person, language: Language, seq: number): string {
  const domain = random.pick(FREE_MAIL);
  if (language === "en") {
    const local = `${asciiSlug(person.first)}.${asciiSlug(person.last)}`;
    if (local.length > 1) return `${local}${seq}@${domain}`;
  }
  return `user${random.int(100, 999)}.${seq}@${domain}`;
}

function asciiSlug(text: string): string {
  return text
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^a-z]/g, "");
}

export type PhoneStyle = "international" | "compact" | "double-zero";
const PHONE_STYLES: readonly PhoneStyle[] = ["international", "compact", "double-zero"];

export interface Phone {
  readonly prefix: string;
  readonly rest: string;
}

export function makePhone(random: Random, country: Country): Phone {
  let rest = "";
  for (let i = 0; i < country.digits; i++) rest += String(random.int(0, 9));
  return { prefix: random.pick(country.mobilePrefixes), rest };
}

export function pickPhoneStyle(random: Random): PhoneStyle {
  return random.pick(PHONE_STYLES);
}

/** The same number written the ways CRMs receive it (`+98 912 345 6789`, `+989123456789`, `0098-912-3456789`). */
export function formatPhone(phone: Phone, country: Country, style: PhoneStyle): string {
  switch (style) {
    case "international": {
      const half = Math.ceil(phone.rest.length / 2);
      return `+${country.dialCode} ${phone.prefix} ${phone.rest.slice(0, half)} ${phone.rest.slice(half)}`;
    }
    case "compact":
      return `+${country.dialCode}${phone.prefix}${phone.rest}`;
    case "double-zero":
      return `00${country.dialCode}-${phone.prefix}-${phone.rest}`;
  }
}

/**
 * A variant of a name that duplicate detection must still match: Arabic
 * letter forms in Persian text, a tatweel or ta marbuta in Arabic, a space in
 * Chinese, another letter case in Latin script.
 */
export function varyName(name: string, language: Language): string {
  switch (language) {
    case "fa":
      return name.replaceAll("ی", "ي").replaceAll("ک", "ك");
    case "ar": {
      const varied = name.replaceAll("ة", "ه");
      return varied !== name ? varied : name.replace(" ", "ـ ");
    }
    case "zh":
      return `${name.slice(0, 1)} ${name.slice(1)}`;
    case "en":
      return name.toUpperCase();
  }
}

/** Upper-cases the local part or the whole address, as a second sign-up form might. */
export function varyEmail(email: string, random: Random): string {
  if (random.chance(0.5)) return email.toUpperCase();
  const at = email.indexOf("@");
  return `${email.slice(0, 1).toUpperCase()}${email.slice(1, at)}${email.slice(at)}`;
}
