import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { translator } from "~/i18n/i18n.server";
import { db } from "~/utils/db.server";
import { translateKeyed } from "./keyed-message";
import { organisationSchema, speakerSchema } from "./people.schema";
import { saveOrganisation, saveSpeaker } from "./people.server";

const actor = { id: null, email: "arrangor@samhandling.test" };

describe("speakers and organisations", () => {
  it("creates and edits them with unique slugs, auditing before and after", async () => {
    const name = `Lund velforening ${randomBytes(3).toString("hex")}`;
    const org = await saveOrganisation(actor, null, organisationSchema.parse({ name, kind: "VELFORENING", websiteUrl: "" }));
    const twin = await saveOrganisation(actor, null, organisationSchema.parse({ name, kind: "VELFORENING" }));
    expect(org.ok && twin.ok).toBe(true);
    const [a, b] = await Promise.all(
      [org, twin].map((r) => db().organisation.findUniqueOrThrow({ where: { id: (r as { id: string }).id } })),
    );
    expect(b.slug).toBe(`${a.slug}-2`);

    const speaker = await saveSpeaker(actor, null, speakerSchema.parse({ name: "Åse Øvrebø", role: "leder", organisationId: a.id }));
    expect(speaker.ok).toBe(true);
    const id = (speaker as { id: string }).id;
    expect((await db().speaker.findUniqueOrThrow({ where: { id } })).slug).toMatch(/^ase-ovrebo/);
    await saveSpeaker(actor, id, speakerSchema.parse({ name: "Åse Øvrebø", role: "styreleder", organisationId: a.id, bio: "" }));
    const log = await db().auditLog.findFirstOrThrow({ where: { targetId: id, action: "speaker.update" } });
    expect(JSON.parse(log.details)).toMatchObject({ before: { role: "leder" }, after: { role: "styreleder" } });

    const missing = await saveSpeaker(actor, null, speakerSchema.parse({ name: "Ukjent", organisationId: "finnes-ikke" }));
    expect(missing).toEqual({ ok: false, field: "organisationId", message: expect.any(String) });
    expect(translateKeyed(translator("nb"), (missing as { message: string }).message)).toBe("Organisasjonen finnes ikke lenger.");
    expect(await db().speaker.count({ where: { name: "Ukjent" } })).toBe(0);
  });

  it("refuses a bad organisation form", () => {
    const result = organisationSchema.safeParse({ name: " ", kind: "CLUB", websiteUrl: "javascript:alert(1)" });
    expect(result.success).toBe(false);
    expect(Object.keys(result.error!.flatten().fieldErrors).sort()).toEqual(["kind", "name", "websiteUrl"]);
  });
});
