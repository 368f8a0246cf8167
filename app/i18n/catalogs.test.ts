// Every catalog has the same keys in nb, nn and en, the same {{variables}}, complete plurals, no
// empty texts and no municipality's name (those come from the settings as {{org}} and {{unit}}).
import { describe, expect, it } from "vitest";
import { LOCALES, NAMESPACES } from "./index";
import { allResources } from "./resources.server";

const vars = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

describe("the catalogs", () => {
  for (const ns of NAMESPACES) {
    it(`${ns}: the same keys and variables in every language`, () => {
      const reference = allResources.nb[ns];
      for (const locale of LOCALES) {
        const catalog = allResources[locale][ns];
        expect(Object.keys(catalog).sort(), `${locale}/${ns}.json keys`).toEqual(Object.keys(reference).sort());
        for (const [key, text] of Object.entries(catalog)) {
          expect(typeof text === "string" && text.trim() !== "", `${locale}/${ns}.json "${key}" is empty`).toBe(true);
          expect(vars(text), `${locale}/${ns}.json "${key}" variables`).toEqual(vars(reference[key]));
        }
      }
    });

    it(`${ns}: plurals have both forms, and no municipality is named`, () => {
      for (const locale of LOCALES) {
        const keys = Object.keys(allResources[locale][ns]);
        for (const key of keys.filter((k) => k.endsWith("_one"))) expect(keys, `${locale}/${ns}`).toContain(key.replace(/_one$/, "_other"));
        for (const key of keys.filter((k) => k.endsWith("_other"))) expect(keys, `${locale}/${ns}`).toContain(key.replace(/_other$/, "_one"));
        const text = JSON.stringify(allResources[locale][ns]);
        expect(text).not.toMatch(/Kristiansand|Demokratienheten/);
      }
    });
  }
});
