import { describe, expect, it } from "vitest";
import {
  DEFAULT_SOURCE_STATUS,
  initialStatusFor,
  isConfigurableSource,
  parseSource,
  promotesExisting,
  type SourceOverrides,
} from "../../src/domain/sources.ts";

const none: SourceOverrides = { bySource: {}, byForm: {}, byChatflow: {}, byApp: {} };

describe("creation sources (R15)", () => {
  it("forms default to marketing and everything else to non-marketing", () => {
    expect(DEFAULT_SOURCE_STATUS.form).toBe("marketing");
    const others = Object.entries(DEFAULT_SOURCE_STATUS).filter(([source]) => source !== "form");
    expect(others.every(([, status]) => status === "non-marketing")).toBe(true);
    expect(initialStatusFor({ source: "form", sourceId: "f1", overrides: none })).toBe("marketing");
    expect(initialStatusFor({ source: "integration:salesforce", overrides: none })).toBe("non-marketing");
  });

  it("manual, mobile-app, logged-email, extension and meetings-link cannot be configured", () => {
    for (const source of ["manual", "mobile-app", "logged-email", "extension", "meetings-link"] as const) {
      expect(isConfigurableSource(source)).toBe(false);
      expect(initialStatusFor({ source, overrides: { ...none, bySource: { [source]: "marketing" } } })).toBe(
        "non-marketing",
      );
    }
    for (const source of ["form", "external-form", "chatflow", "import", "api", "integration:zoom"] as const) {
      expect(isConfigurableSource(source)).toBe(true);
    }
  });

  it("a per-form setting beats the account default for forms", () => {
    const overrides = {
      ...none,
      bySource: { form: "non-marketing" as const },
      byForm: { newsletter: "marketing" as const },
    };
    expect(initialStatusFor({ source: "form", sourceId: "newsletter", overrides })).toBe("marketing");
    expect(initialStatusFor({ source: "form", sourceId: "contact-us", overrides })).toBe("non-marketing");
  });

  it("chatflows, apps and the API follow their own settings", () => {
    const overrides: SourceOverrides = {
      bySource: { api: "marketing" },
      byForm: {},
      byChatflow: { "pricing-bot": "marketing" },
      byApp: { zoom: "marketing" },
    };
    expect(initialStatusFor({ source: "chatflow", sourceId: "pricing-bot", overrides })).toBe("marketing");
    expect(initialStatusFor({ source: "chatflow", sourceId: "support-bot", overrides })).toBe("non-marketing");
    expect(initialStatusFor({ source: "integration:zoom", overrides })).toBe("marketing");
    expect(initialStatusFor({ source: "integration:salesforce", overrides })).toBe("non-marketing");
    expect(initialStatusFor({ source: "api", overrides })).toBe("marketing");
  });

  it("imports start non-marketing: set all as marketing is a bulk request (R14)", () => {
    expect(initialStatusFor({ source: "import", overrides: { ...none, bySource: { import: "marketing" } } })).toBe(
      "non-marketing",
    );
  });

  it("a marketing form promotes an existing non-marketing contact", () => {
    expect(promotesExisting({ source: "form", sourceId: "f1", overrides: none, existingStatus: "non-marketing" })).toBe(
      true,
    );
    const external = { ...none, byForm: { webinar: "marketing" as const } };
    expect(
      promotesExisting({
        source: "external-form",
        sourceId: "webinar",
        overrides: external,
        existingStatus: "non-marketing",
      }),
    ).toBe(true);
  });

  it("a non-marketing form, another source or an already-marketing contact promotes nobody", () => {
    expect(
      promotesExisting({
        source: "external-form",
        sourceId: "x",
        overrides: none,
        existingStatus: "non-marketing",
      }),
    ).toBe(false);
    const apiOn = { ...none, bySource: { api: "marketing" as const } };
    expect(promotesExisting({ source: "api", overrides: apiOn, existingStatus: "non-marketing" })).toBe(false);
    expect(promotesExisting({ source: "form", sourceId: "f1", overrides: none, existingStatus: "marketing" })).toBe(
      false,
    );
  });

  it("parses source names, including integration app slugs", () => {
    expect(parseSource("form")).toBe("form");
    expect(parseSource(" Meetings-Link ")).toBe("meetings-link");
    expect(parseSource("integration:zoom-webinar")).toBe("integration:zoom-webinar");
    expect(parseSource("integration:")).toBeNull();
    expect(parseSource("integration:bad app")).toBeNull();
    expect(parseSource("carrier-pigeon")).toBeNull();
  });
});
