import { describe, expect, it } from "vitest";
import { jaroWinkler } from "./jaro-winkler.js";
import { normalizeCompany, normalizeDigits, normalizeEmail, normalizeName } from "./normalize-text.js";

describe("normalizeName", () => {
  it("folds Arabic letter forms into Persian ones (ي/ی, ك/ک, ى/ی)", () => {
    expect(normalizeName("شيرين كريمي")).toBe(normalizeName("شیرین کریمی"));
    expect(normalizeName("مصطفى")).toBe(normalizeName("مصطفی"));
  });

  it("folds ta marbuta into ha (ة/ه)", () => {
    expect(normalizeName("فاطمة")).toBe("فاطمه");
  });

  it("drops Arabic diacritics (harakat, shadda) and tatweel", () => {
    expect(normalizeName("مُحَمَّد")).toBe("محمد");
    expect(normalizeName("محـــمد")).toBe("محمد");
    expect(normalizeName("أحمد")).toBe(normalizeName("احمد"));
  });

  it("drops ZWNJ and other invisible format characters", () => {
    expect(normalizeName("کاظمی\u200cنیا")).toBe("کاظمینیا");
    expect(normalizeName("Michael \u200cBrown")).toBe("michael brown");
    expect(normalizeName("\u200fعلی")).toBe("علی");
  });

  it("reads Persian and Arabic-Indic digits as ASCII", () => {
    expect(normalizeName("شرکت ۱۲۳")).toBe("شرکت 123");
    expect(normalizeName("مؤسسة ٤٥")).toBe(normalizeName("موسسه 45"));
    expect(normalizeDigits("۰۹۱۲")).toBe("0912");
  });

  it("folds full-width forms and case", () => {
    expect(normalizeName("ＪＯＨＮ　ＳＭＩＴＨ")).toBe("john smith");
    expect(normalizeName("Björn SCHMIDT")).toBe("bjorn schmidt");
  });

  it("matches Chinese names written with or without spaces and full-width spaces", () => {
    expect(normalizeName("王 艳")).toBe("王艳");
    expect(normalizeName("王\u3000艳")).toBe("王艳");
    expect(normalizeName("孙杰")).not.toBe(normalizeName("孙洁"));
  });

  it("collapses punctuation and spaces", () => {
    expect(normalizeName("  O'Brien,   Ana ")).toBe("obrien ana");
    expect(normalizeName(null)).toBe("");
  });
});

describe("normalizeCompany and normalizeEmail", () => {
  it("drops legal forms in any script", () => {
    expect(normalizeCompany("شرکت پیشگامان یکتا")).toBe(normalizeCompany("پیشگامان يکتا"));
    expect(normalizeCompany("Acme, Inc.")).toBe("acme");
  });

  it("compares emails without case or width", () => {
    expect(normalizeEmail(" Wang.Yan@GMAIL.COM ")).toBe("wang.yan@gmail.com");
    expect(normalizeEmail("ｕｓｅｒ@mail.ir")).toBe("user@mail.ir");
  });
});

describe("jaroWinkler", () => {
  it("scores the textbook pairs", () => {
    expect(jaroWinkler("martha", "marhta")).toBeCloseTo(0.9611, 3);
    expect(jaroWinkler("dwayne", "duane")).toBeCloseTo(0.84, 2);
    expect(jaroWinkler("abc", "xyz")).toBe(0);
  });

  it("counts Persian and Chinese letters as one each", () => {
    expect(jaroWinkler("یزدانی", "یزدانی")).toBe(1);
    expect(jaroWinkler("王艳华", "王艳")).toBeGreaterThan(0.9);
  });
});
